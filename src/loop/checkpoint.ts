/**
 * Checkpoints: after every iteration (and in `finally`) the run writes where it
 * stands, so a later job can continue with `resume-from`. JSON with a
 * schemaVersion; old versions stay loadable (test/fixtures/checkpoints/).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import type { RunConfig } from '../config/types.js';
import type { Failure } from '../checks/types.js';
import type { Item } from '../model/types.js';
import { writeNewFile } from '../workspace/safe-fs.js';

export const CHECKPOINT_FILE = 'checkpoint.json';

const count = z.number().int().nonnegative();

// Loose: a parser may add fields (`frames`) that the report shows; a resumed run keeps them.
const FailureSchema: z.ZodType<Failure> = z.looseObject({
  id: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  message: z.string(),
  kind: z.string().optional(),
  detail: z.string().optional(),
});

/**
 * A conversation item is passed back to the model adapter that made it (opaque items verbatim):
 * checked here only for its tag, the adapters own its shape (src/model/types.ts).
 */
const ItemSchema = z.custom<Item>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    ['message', 'tool_call', 'tool_result', 'opaque'].includes(String(Reflect.get(value, 'type'))),
  { message: "not a conversation item (type 'message', 'tool_call', 'tool_result' or 'opaque')" },
);

export const SpentSchema = z.object({
  iterations: count,
  turns: count,
  inputTokens: count,
  cachedInputTokens: count,
  outputTokens: count,
  reasoningTokens: count,
  costUsd: z.number().nonnegative(),
  compactions: count,
});

const IterationSchema = z.object({
  index: count,
  turns: count,
  inputTokens: count,
  cachedInputTokens: count,
  outputTokens: count,
  costUsd: z.number(),
  durationMs: z.number(),
  failing: count,
  passed: count,
  exitCode: z.number().nullable(),
  rolledBack: z.boolean(),
  note: z.string().optional(),
  compactions: count,
});

/** Version 1, the only one written so far; a new version adds a schema and an upgrade from this one. */
export const CheckpointSchema = z
  .object({
    schemaVersion: z.literal(1),
    createdAt: z.string(),
    /** Hash of the settings that must match for a resume to make sense. */
    configDigest: z.string(),
    testCommand: z.string(),
    conversation: z.object({
      pinned: z.string(),
      segments: z
        .array(
          z.object({
            kind: z.enum(['turn', 'message', 'handoff', 'digest']),
            items: z.array(ItemSchema).readonly(),
          }),
        )
        .readonly(),
    }),
    /** `git diff --binary` of the best state against the baseline. */
    bestPatch: z.string(),
    bestFailing: z.array(FailureSchema).readonly(),
    baselineFailures: z.array(FailureSchema).readonly(),
    baselineCounts: z.object({ passed: count, failed: count, skipped: count }),
    spent: SpentSchema,
    iterations: z.array(IterationSchema).readonly(),
    plan: z
      .array(
        z.object({ step: z.string(), status: z.enum(['pending', 'in_progress', 'completed']) }),
      )
      .readonly(),
    flaky: z.array(z.string()).readonly(),
    explanation: z.string(),
    /**
     * The model the run talked to, so `greenloop resume <checkpoint>` needs no flags to reach it
     * again (flags given win). The key is never written. Absent in checkpoints of earlier builds.
     */
    model: z
      .object({
        model: z.string(),
        api: z.string(),
        baseUrl: z.string(),
        reasoningEffort: z.string(),
        toolStyle: z.string(),
      })
      .optional(),
  })
  .readonly();

export type Checkpoint = z.infer<typeof CheckpointSchema>;

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

/** Accepts every schema version written so far; the error names the first field that is wrong. */
export function upgradeCheckpoint(data: unknown, source = 'checkpoint'): Checkpoint {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new CheckpointError(`${source}: not a JSON object`);
  const version: unknown = Reflect.get(data, 'schemaVersion');
  if (version !== 1)
    throw new CheckpointError(
      `${source}: unknown schemaVersion ${String(version)} (this greenloop reads 1)`,
    );
  const parsed = CheckpointSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'checkpoint';
  const more =
    parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  throw new CheckpointError(`${source}: '${where}' ${issue?.message ?? 'is invalid'}${more}`);
}
