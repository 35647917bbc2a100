import { describe, expect, it } from 'vitest';
import { attemptSpecs, mapLimit, runLocalAttempts } from '../../src/select/local.js';

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
  it('runs every attempt in its own worktree (removed after) and reads each claim', async () => {
    const alive = new Set<string>();
    const seen: string[] = [];
    const candidates = await runLocalAttempts(attemptSpecs(3, ['m'], ['high']), 2, '/out', {
      worktree: async (label) => {
        alive.add(label);
        return { dir: `/wt/${label}`, dispose: async () => void alive.delete(label) };
      },
      runAttempt: async (spec, dir, outDir) => {
        seen.push(`${dir} ${outDir}`);
        if (spec.label === 'attempt-2') throw new Error('model server down');
        if (spec.label === 'attempt-3') return { diff: 'x', report: '{"tool":"other"}' };
        return { diff: 'fix', report: report('success', 0, 3) };
      },
      info: () => undefined,
    });
    expect(alive.size).toBe(0);
    expect(seen.sort()).toEqual([
      '/wt/attempt-1 /out/attempt-1',
      '/wt/attempt-2 /out/attempt-2',
      '/wt/attempt-3 /out/attempt-3',
    ]);
    expect(candidates.map((c) => [c.claim.name, c.diff])).toEqual([['attempt-1', 'fix']]);
  });

  it('an attempt whose worktree cannot be made is one failed attempt, not the end of the others', async () => {
    const lines: string[] = [];
    const candidates = await runLocalAttempts(attemptSpecs(2, ['m'], ['high']), 2, '/out', {
      worktree: async (label) => {
        if (label === 'attempt-1') throw new Error('git worktree add failed (exit 128)');
        return { dir: `/wt/${label}`, dispose: async () => undefined };
      },
      runAttempt: async () => ({ diff: 'fix', report: report('success', 0, 3) }),
      info: (line) => lines.push(line),
    });
    expect(lines).toContain('attempt-1: failed: git worktree add failed (exit 128)');
    expect(candidates.map((c) => c.claim.name)).toEqual(['attempt-2']);
  });
});
