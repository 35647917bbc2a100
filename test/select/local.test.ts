import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRun } from '../../src/checks/types.js';
import { attemptSpecs, mapLimit, runLocalAttempts } from '../../src/select/local.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function testRun(failed: number, exitCode: number): TestRun {
  return {
    command: 'test',
    exitCode,
    timedOut: false,
    durationMs: 1,
    logPath: '/dev/null',
    sandboxed: true,
    digest: {
      runner: 'vitest',
      counts: { passed: 4 - failed, failed, skipped: 0 },
      failures: [],
      crashes: [],
      text: '',
      tokens: 0,
    },
  };
}

function report(status: string, failedAfter: number, added: number): string {
  return JSON.stringify({
    tool: 'greenloop',
    status,
    model: 'scripted',
    config: { reasoningEffort: 'high' },
    tests: { baseline: { counts: { failed: 2 } }, final: { counts: { failed: failedAfter } } },
    totals: { tokens: 10, costUsd: 0 },
    diff: { added, removed: 0 },
  });
}

describe('mapLimit', () => {
  it('never runs more than `jobs` tasks at once and keeps the order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
  });
});

describe('attemptSpecs', () => {
  it('cycles repeated models and efforts over the attempts', () => {
    expect(attemptSpecs(3, ['a', 'b'], ['high'])).toEqual([
      { label: 'attempt-1', model: 'a', reasoningEffort: 'high' },
      { label: 'attempt-2', model: 'b', reasoningEffort: 'high' },
      { label: 'attempt-3', model: 'a', reasoningEffort: 'high' },
    ]);
  });
});

describe('runLocalAttempts', () => {
  it('runs every attempt in its own worktree, verifies and chooses the one whose tests pass', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'greenloop-attempts-'));
    dirs.push(out);
    const alive = new Set<string>();
    const applied = new Map<string, string>();
    const result = await runLocalAttempts(attemptSpecs(3, ['m'], ['high']), 2, out, {
      worktree: async (label) => {
        alive.add(label);
        return { dir: `/wt/${label}`, dispose: async () => void alive.delete(label) };
      },
      apply: async (dir, diff) => {
        applied.set(dir, diff);
        return undefined;
      },
      runAttempt: async (spec) => {
        if (spec.label === 'attempt-1') return { diff: 'fix', report: report('success', 0, 3) };
        if (spec.label === 'attempt-2') return { diff: '', report: report('model-gave-up', 2, 0) };
        return { diff: 'breaks-other', report: report('success', 0, 1) };
      },
      runTests: async (dir) => {
        const diff = applied.get(dir);
        if (diff === 'fix') return testRun(0, 0);
        if (diff === 'breaks-other') return testRun(1, 1);
        return testRun(2, 1);
      },
      protectedPaths: () => [],
      info: () => undefined,
    });
    expect(result.selection.winner?.claim.name).toBe('attempt-1');
    expect(result.diff).toBe('fix');
    expect(alive.size).toBe(0);
    const summary = await readFile(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('attempt-3');
    expect(summary).toContain('claimed success, tests fail');
    expect(await readFile(path.join(out, 'diff.patch'), 'utf8')).toBe('fix');
  });
});
