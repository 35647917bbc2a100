import { describe, expect, it } from 'vitest';
import {
  selectAttempt,
  verificationOrder,
  type AttemptClaim,
  type Verification,
} from '../../src/select/rank.js';
import { err, ok } from '../../src/core/result.js';
import { readClaim } from '../../src/select/claim.js';
import { attemptsTable } from '../../src/select/table.js';

function claim(name: string, over: Partial<AttemptClaim> = {}): AttemptClaim {
  return {
    name,
    model: 'gpt-5.1-codex-max',
    reasoningEffort: 'medium',
    status: 'success',
    failingBefore: 2,
    failingAfter: 0,
    diffLines: 10,
    tokens: 1000,
    costUsd: 0.1,
    ...over,
  };
}

const pass: Verification = { kind: 'verified', passed: true, failing: 0, problems: [] };
const failing = (n: number): Verification => ({
  kind: 'verified',
  passed: false,
  failing: n,
  problems: [],
});

describe('selectAttempt', () => {
  it('chooses the verified passing attempt over a larger claim of success that fails', () => {
    const s = selectAttempt(
      [
        { claim: claim('liar', { diffLines: 2 }), verification: failing(3) },
        { claim: claim('fixer', { diffLines: 12 }), verification: pass },
        {
          claim: claim('idle', { status: 'model-gave-up', failingAfter: 2 }),
          verification: { kind: 'empty' },
        },
      ],
      2,
    );
    expect(s.winner?.claim.name).toBe('fixer');
    expect(s.passing).toBe(true);
    expect(s.ranked.map((r) => r.claim.name)).toEqual(['fixer', 'liar', 'idle']);
    expect(s.ranked.find((r) => r.claim.name === 'liar')?.falseClaim).toBe(true);
    expect(s.why).toContain('fixer');
  });

  it('among passing attempts the smallest diff wins, then the lowest cost', () => {
    const s = selectAttempt(
      [
        { claim: claim('big', { diffLines: 40 }), verification: pass },
        { claim: claim('small-dear', { diffLines: 5, costUsd: 2 }), verification: pass },
        { claim: claim('small-cheap', { diffLines: 5, costUsd: 1 }), verification: pass },
      ],
      2,
    );
    expect(s.ranked.map((r) => r.claim.name)).toEqual(['small-cheap', 'small-dear', 'big']);
    expect(s.why).toBe(
      "small-cheap's tests pass, its diff is as small as any of the 3 that pass (5 lines) and it cost the least ($1.0000).",
    );
  });

  it('a one-line diff is "1 line", not "1 lines"', () => {
    const s = selectAttempt(
      [
        { claim: claim('one', { diffLines: 1 }), verification: pass },
        { claim: claim('two', { diffLines: 2 }), verification: pass },
      ],
      2,
    );
    expect(s.why).toBe(
      "one's tests pass and its diff is the smallest of the 2 that pass (1 line).",
    );
  });

  it('a pass that deletes or skips tests is not a pass and never wins', () => {
    const s = selectAttempt(
      [
        {
          claim: claim('cheat'),
          verification: {
            kind: 'verified',
            passed: true,
            failing: 0,
            problems: ['tests deleted: a > b'],
          },
        },
        { claim: claim('partial', { status: 'budget-iterations' }), verification: failing(1) },
      ],
      2,
    );
    expect(s.winner?.claim.name).toBe('partial');
    expect(s.passing).toBe(false);
    // Ranked first (its tests pass), yet not published.
    expect(s.ranked.map((r) => r.claim.name)).toEqual(['cheat', 'partial']);
  });

  // Each tiebreak of issue 23, in order: two attempts equal on every earlier key.
  const withProblem = (v: Verification): Verification =>
    v.kind === 'verified' ? { ...v, problems: ['1 test of the baseline no longer ran: a > b'] } : v;
  it.each([
    ['tests pass', { verification: pass }, { verification: failing(0) }],
    ['fewest failing', { verification: failing(1) }, { verification: failing(2) }],
    ['no integrity problem', { verification: pass }, { verification: withProblem(pass) }],
    ['smallest diff', { diffLines: 3 }, { diffLines: 4 }],
    ['lowest cost', { costUsd: 0.1 }, { costUsd: 0.2 }],
  ] as const)('ranks by %s', (_key, better, worse) => {
    const make = (
      name: string,
      over: { verification?: Verification; diffLines?: number; costUsd?: number },
    ) => ({
      claim: claim(name, {
        status: 'budget-turns',
        ...('diffLines' in over ? { diffLines: over.diffLines } : {}),
        ...('costUsd' in over ? { costUsd: over.costUsd } : {}),
      }),
      verification: over.verification ?? pass,
    });
    // `a-worse` sorts first by name: only the key under test can put `b-better` ahead.
    const s = selectAttempt([make('a-worse', worse), make('b-better', better)], 3);
    expect(s.ranked.map((r) => r.claim.name)).toEqual(['b-better', 'a-worse']);
    expect(s.winner?.claim.name).toBe('b-better');
  });

  it('fewer failing ranks above an integrity problem, which is never chosen', () => {
    const s = selectAttempt(
      [
        { claim: claim('clean', { status: 'budget-turns' }), verification: failing(2) },
        {
          claim: claim('skipper', { status: 'budget-turns' }),
          verification: withProblem(failing(1)),
        },
      ],
      3,
    );
    expect(s.ranked.map((r) => r.claim.name)).toEqual(['skipper', 'clean']);
    expect(s.winner?.claim.name).toBe('clean');
    expect(s.passing).toBe(false);
  });

  it('never chooses an attempt that claims success while its tests fail, even as the best partial', () => {
    const s = selectAttempt(
      [
        { claim: claim('liar', { status: 'success' }), verification: failing(1) },
        { claim: claim('honest', { status: 'budget-turns' }), verification: failing(2) },
      ],
      3,
    );
    expect(s.ranked[0]?.falseClaim).toBe(true);
    expect(s.winner?.claim.name).toBe('honest');
    const alone = selectAttempt([{ claim: claim('liar'), verification: failing(1) }], 3);
    expect(alone.winner).toBeUndefined();
  });

  it('says why the winner won when cost decides between equal diffs', () => {
    const s = selectAttempt(
      [
        { claim: claim('dear', { costUsd: 2 }), verification: pass },
        { claim: claim('cheap', { costUsd: 1 }), verification: pass },
      ],
      2,
    );
    expect(s.winner?.claim.name).toBe('cheap');
    expect(s.why).toMatch(/^cheap's tests pass, .* cost the least/);
  });

  it('publishes nothing when no attempt improves on the baseline', () => {
    const s = selectAttempt(
      [
        { claim: claim('worse'), verification: failing(3) },
        { claim: claim('none'), verification: { kind: 'not-applied', reason: 'conflict' } },
      ],
      2,
    );
    expect(s.winner).toBeUndefined();
    expect(s.why).toMatch(/improved on the 2 failing/);
  });

  it('verifies attempts that claim success first, empty diffs never', () => {
    const order = verificationOrder([
      { claim: claim('gave-up', { status: 'model-gave-up', failingAfter: 1 }), diff: 'x' },
      { claim: claim('empty'), diff: '  ' },
      { claim: claim('ok-big', { diffLines: 9 }), diff: 'x' },
      { claim: claim('ok-small', { diffLines: 3 }), diff: 'x' },
    ]);
    expect(order.map((c) => c.claim.name)).toEqual(['ok-small', 'ok-big', 'gave-up']);
  });
});

describe('readClaim', () => {
  it('reads the fields of a greenloop report', () => {
    const r = readClaim(
      'greenloop-a',
      JSON.stringify({
        tool: 'greenloop',
        status: 'success',
        model: 'm',
        config: { reasoningEffort: 'high' },
        tests: { baseline: { counts: { failed: 2 } }, final: { counts: { failed: 0 } } },
        totals: { tokens: 5, costUsd: 0.5, iterations: 1, turns: 2, inputTokens: 4 },
        diff: { added: 3, removed: 1 },
        explanation: 'Fixed it.\r\nTwo lines.\u0007',
      }),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'greenloop-a',
        model: 'm',
        reasoningEffort: 'high',
        status: 'success',
        failingBefore: 2,
        failingAfter: 0,
        diffLines: 4,
        tokens: 5,
        costUsd: 0.5,
        usage: {
          iterations: 1,
          turns: 2,
          inputTokens: 4,
          cachedInputTokens: 0,
          outputTokens: 0,
          reasoningTokens: 0,
          compactions: 0,
        },
        explanation: 'Fixed it.\nTwo lines. ',
      },
    });
  });

  it('refuses what is not a greenloop report, in one line', () => {
    expect(readClaim('x', '{')).toEqual({ ok: false, error: 'x: report.json is not JSON' });
    expect(readClaim('x', '{"tool":"other"}')).toEqual({
      ok: false,
      error: 'x: report.json is not a greenloop report',
    });
  });
});

describe('attemptsTable', () => {
  it('lists every attempt, marks the chosen one and a false claim, escapes model text', () => {
    const s = selectAttempt(
      [
        { claim: claim('a|b', { model: '<img src=x>' }), verification: pass },
        { claim: claim('liar'), verification: failing(1) },
      ],
      2,
    );
    const md = attemptsTable(s);
    expect(md).toContain('**chosen**');
    expect(md).toContain('claimed success, tests fail');
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/\| a\|b \|/);
  });
});

describe('verifyCandidates', () => {
  const baseline = {
    command: 't',
    exitCode: 1,
    timedOut: false,
    durationMs: 1,
    logPath: '/x',
    sandboxed: true,
    digest: {
      runner: 'vitest',
      counts: { passed: 3, failed: 2, skipped: 0 },
      failures: [],
      crashes: [],
      text: '',
      tokens: 0,
    },
  } as const;

  it('verifies best claims first, within the limit, and never trusts a claim', async () => {
    const runs: string[] = [];
    const disposed: string[] = [];
    const { verifyCandidates } = await import('../../src/select/verify.js');
    const results = await verifyCandidates(
      [
        { claim: claim('liar', { diffLines: 1 }), diff: 'break' },
        { claim: claim('fixer', { diffLines: 5 }), diff: 'fix' },
        { claim: claim('guard', { diffLines: 2 }), diff: 'protected' },
        { claim: claim('stale', { diffLines: 3 }), diff: 'other' },
        { claim: claim('slow', { status: 'model-gave-up', failingAfter: 2 }), diff: 'more' },
        { claim: claim('nothing'), diff: '' },
      ],
      baseline as never,
      {
        checkout: async (diff, label) => {
          if (diff === 'other') return err('patch does not apply');
          return ok({
            dir: `/w/${label}`,
            // What git measured once applied: the liar's "1 line" was 40.
            diffLines: diff === 'break' ? 40 : 6,
            refused: diff === 'protected' ? ['.github/workflows/ci.yml (protected path)'] : [],
            deletedTests: [],
            dispose: async () => void disposed.push(label),
          });
        },
        runTests: async (dir) => {
          runs.push(dir);
          const fixed = dir.endsWith('fixer');
          return {
            ...baseline,
            exitCode: fixed ? 0 : 1,
            digest: {
              ...baseline.digest,
              counts: { passed: fixed ? 5 : 2, failed: fixed ? 0 : 3, skipped: 0 },
            },
          } as never;
        },
        info: () => undefined,
      },
      2,
    );
    const by = Object.fromEntries(results.map((r) => [r.claim.name, r]));
    // Two test runs: the rejected and the stale diff cost none, so they use up no verification.
    expect(runs).toEqual(['/w/liar', '/w/fixer']);
    expect(disposed).toEqual(['liar', 'guard', 'fixer']);
    expect(by.guard?.verification).toEqual({
      kind: 'rejected',
      reason: 'changes what is never published: .github/workflows/ci.yml (protected path)',
    });
    expect(by.stale?.verification.kind).toBe('not-applied');
    expect(by.slow?.verification).toEqual({
      kind: 'not-verified',
      reason: 'over the limit of 2 verifications',
    });
    expect(by.nothing?.verification).toEqual({ kind: 'empty' });
    expect(by.fixer?.verification).toEqual({
      kind: 'verified',
      passed: true,
      failing: 0,
      problems: [],
    });
    expect(by.liar?.claim.diffLines).toBe(40);
    expect(selectAttempt(results, 2).winner?.claim.name).toBe('fixer');
  });
});
