import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointError, loadCheckpoint, upgradeCheckpoint } from '../../src/loop/checkpoint.js';

/** Written by greenloop 0.x (schemaVersion 1) after one iteration on the sum project. */
const V1 = path.resolve(import.meta.dirname, '../fixtures/checkpoints/v1-sum-project.json');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function v1(): Record<string, unknown> {
  return JSON.parse(readFileSync(V1, 'utf8')) as Record<string, unknown>;
}

function errorOf(data: unknown): string {
  try {
    upgradeCheckpoint(data, 'checkpoint.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CheckpointError);
    return (error as Error).message;
  }
  throw new Error('expected a CheckpointError');
}

describe('loading a checkpoint', () => {
  it('loads every version written so far, keeping what the parsers added to failures', async () => {
    const checkpoint = await loadCheckpoint(V1);
    expect(checkpoint.spent.iterations).toBe(1);
    expect(checkpoint.conversation.segments[0]?.items).toHaveLength(4);
    expect(checkpoint.baselineFailures[0]).toHaveProperty('frames');
  });

  it('names the field that is wrong, in one line', () => {
    const data = v1();
    const spent = data.spent as Record<string, unknown>;
    data.spent = { ...spent, turns: 'three' };
    const message = errorOf(data);
    expect(message).toMatch(/^checkpoint\.json: 'spent\.turns' .*expected number/);
    expect(message).not.toContain('\n');
  });

  it('names a missing field and a conversation item of no known type', () => {
    const data = v1();
    delete data.bestPatch;
    expect(errorOf(data)).toMatch(/'bestPatch'/);
    const other = v1();
    other.conversation = { pinned: 'task', segments: [{ kind: 'turn', items: [{ type: 'x' }] }] };
    expect(errorOf(other)).toMatch(/'conversation\.segments\.0\.items\.0' not a conversation item/);
  });

  it('refuses an unknown version and a file that is not a JSON object', async () => {
    expect(errorOf({ ...v1(), schemaVersion: 2 })).toContain('unknown schemaVersion 2');
    expect(errorOf([])).toContain('not a JSON object');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-checkpoint-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'checkpoint.json'), '{"schemaVersion":1');
    await expect(loadCheckpoint(dir)).rejects.toThrow(/Cannot read checkpoint/);
  });
});
