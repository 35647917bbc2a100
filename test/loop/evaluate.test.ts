import { describe, expect, it } from 'vitest';
import type { Failure, TestRun } from '../../src/checks/types.js';
import { evaluateRun, toTestState, type Verdict } from '../../src/loop/evaluate.js';

function run(exitCode: number, failures: Failure[], passed: number, skipped = 0): TestRun {
  return {
    command: 'npm test',
    exitCode,
    timedOut: false,
    durationMs: 10,
    logPath: '/tmp/log',
    sandboxed: false,
    digest: {
      runner: 'vitest',
      counts: { passed, failed: failures.length, skipped },
      failures,
      text: 'digest',
      tokens: 1,
    },
  };
}

const fail = (id: string, kind?: string, file?: string): Failure => ({
  id,
  message: `${id} failed`,
  ...(kind ? { kind } : {}),
  ...(file ? { file } : {}),
});

const baselineRun = run(1, [fail('a.test.js > x'), fail('a.test.js > y')], 8);

const cases: [string, TestRun, TestRun, Verdict, RegExp?][] = [
  ['all pass', baselineRun, run(0, [], 10), 'success'],
  ['one fixed', baselineRun, run(1, [fail('a.test.js > y')], 9), 'better'],
  [
    'nothing changed',
    baselineRun,
    run(1, [fail('a.test.js > x'), fail('a.test.js > y')], 8),
    'same',
  ],
  [
    'breaks a passing test',
    baselineRun,
    run(1, [fail('a.test.js > y'), fail('b.test.js > z')], 8),
    'worse',
    /broke tests that passed/,
  ],
  ['deletes a test', baselineRun, run(0, [], 9), 'worse', /fewer|tests/i],
  ['skips a test', baselineRun, run(0, [], 9, 1), 'worse', /skip/i],
  [
    'tests of a file that failed to load are not regressions',
    run(1, [fail('test_a.py', 'collection_error', 'test_a.py')], 5),
    run(1, [fail('test_a.py > test_one')], 7),
    'better',
  ],
  [
    'a load error in one file does not hide new failures in a file whose name contains it',
    run(1, [fail('a.py', 'collection_error', 'a.py')], 5),
    run(1, [fail('test_data.py > test_two')], 5),
    'worse',
    /broke tests that passed/,
  ],
];

describe('evaluateRun', () => {
  it.each(cases)('%s', (_name, baseline, current, verdict, note) => {
    const base = toTestState(baseline, 'tree0', []);
    const result = evaluateRun({
      run: current,
      tree: 'tree1',
      baseline: base,
      best: base,
      flaky: [],
      allowTestEdits: false,
    });
    expect(result.verdict).toBe(verdict);
    if (note) expect(result.note).toMatch(note);
    if (verdict === 'worse') expect(result.message).toContain('rolled back');
  });

  it('allow-test-edits accepts a run with fewer tests', () => {
    const base = toTestState(baselineRun, 'tree0', []);
    const result = evaluateRun({
      run: run(0, [], 9),
      tree: 't',
      baseline: base,
      best: base,
      flaky: [],
      allowTestEdits: true,
    });
    expect(result.verdict).toBe('success');
  });

  it('a failing command without parsable failures still counts as failing', () => {
    const state = toTestState(run(2, [], 0), 't', []);
    expect(state.failures).toHaveLength(1);
    expect(state.failures[0]?.id).toContain('exited with 2');
  });

  it('flaky tests are not targets', () => {
    const state = toTestState(baselineRun, 't', ['a.test.js > x']);
    expect(state.failures.map((f) => f.id)).toEqual(['a.test.js > y']);
  });
});
