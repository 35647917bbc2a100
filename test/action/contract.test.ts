import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action-env.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'gl-contract-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('runner contract: node dist/index.js', () => {
  it('a bad input exits 1 with one line naming input, value and what is allowed', async () => {
    const run = await runAction({
      workspace,
      inputs: { 'max-iterations': 'ten', 'test-command': 'true' },
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.includes("Input '"));
    expect(lines).toEqual([
      "::error::Input 'max-iterations' must be an integer from 1 to 100, got 'ten'.",
    ]);
    expect(run.outputs).toEqual({});
  });

  it('lists every bad input together, and starts nothing', async () => {
    const run = await runAction({
      workspace,
      inputs: {
        'max-iterations': 'ten',
        compaction: 'sometimes',
        output: 'email',
        'reasoning-effort': 'max',
      },
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.includes("Input '"));
    expect(lines).toHaveLength(4);
    expect(run.stdout).not.toContain('Baseline');
    expect(run.summary).toBe('');
  });
});
