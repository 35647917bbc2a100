/**
 * Checkpoints: after every iteration (and in `finally`) the run writes where it
 * stands, so a later job can continue with `resume-from`. JSON with a
 * schemaVersion; old versions stay loadable (test/fixtures/checkpoints/).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import * as path from 'node:path';
import type { RunConfig } from '../config/types.js';
import type { Failure } from '../checks/types.js';
import type { Spent } from './budget.js';
import type { ConversationState } from './conversation.js';
import type { IterationRecord, PlanStep } from './record.js';
import { writeNewFile } from '../workspace/safe-fs.js';

export const CHECKPOINT_FILE = 'checkpoint.json';

export interface Checkpoint {
  readonly schemaVersion: 1;
  readonly createdAt: string;
  /** Hash of the settings that must match for a resume to make sense. */
  readonly configDigest: string;
  readonly testCommand: string;
  readonly conversation: ConversationState;
  /** `git diff --binary` of the best state against the baseline. */
  readonly bestPatch: string;
  readonly bestFailing: readonly Failure[];
  readonly baselineFailures: readonly Failure[];
  readonly baselineCounts: {
    readonly passed: number;
    readonly failed: number;
    readonly skipped: number;
  };
  readonly spent: Spent;
  readonly iterations: readonly IterationRecord[];
  readonly plan: readonly PlanStep[];
  readonly flaky: readonly string[];
  readonly explanation: string;
}

export function configDigest(config: RunConfig, testCommand: string): string {
  const relevant = {
    task: config.task,
    testCommand,
    model: config.model,
    api: config.api,
    protectedPaths: config.protectedPaths,
    allowTestEdits: config.allowTestEdits,
  };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

/** Writes atomically (temp file + rename) so a killed job never leaves half a checkpoint. */
export async function saveCheckpoint(dir: string, checkpoint: Checkpoint): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, CHECKPOINT_FILE);
  const temp = `${file}.tmp`;
  await writeNewFile(temp, JSON.stringify(checkpoint));
  await rename(temp, file);
  return file;
}

export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

/** Loads a checkpoint from a folder (or the file itself). */
export async function loadCheckpoint(location: string): Promise<Checkpoint> {
  const file = location.endsWith('.json') ? location : path.join(location, CHECKPOINT_FILE);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CheckpointError(
      `Cannot read checkpoint '${file}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return upgradeCheckpoint(data, file);
}

/** Accepts every schema version written so far. */
export function upgradeCheckpoint(data: unknown, source = 'checkpoint'): Checkpoint {
  if (typeof data !== 'object' || data === null)
    throw new CheckpointError(`${source}: not a JSON object`);
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (version !== 1)
    throw new CheckpointError(
      `${source}: unknown schemaVersion ${String(version)} (this greenloop reads 1)`,
    );
  const checkpoint = data as Checkpoint;
  for (const field of [
    'conversation',
    'spent',
    'iterations',
    'bestPatch',
    'configDigest',
  ] as const) {
    if (checkpoint[field] === undefined) throw new CheckpointError(`${source}: missing '${field}'`);
  }
  return checkpoint;
}
