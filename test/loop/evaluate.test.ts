import { describe, expect, it } from 'vitest';
import type { Failure, TestRun } from '../../src/checks/types.js';
import { evaluateRun, toTestState, type Verdict } from '../../src/loop/evaluate.js';

function run(
  exitCode: number,
  failures: Failure[],
  passed: number,
  skipped = 0,
  tests?: string[],
): TestRun {
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
      ...(tests ? { tests } : {}),
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
const NAMES = Array.from({ length: 10 }, (_, i) =>
  i === 0 ? 'a.test.js > x' : i === 1 ? 'a.test.js > y' : `a.test.js > t${i}`,
);
const namedBaseline = run(1, [fail('a.test.js > x'), fail('a.test.js > y')], 8, 0, NAMES);

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
  [
    'deletes a named test',
    namedBaseline,
    run(0, [], 9, 0, NAMES.slice(1)),
    'worse',
    /1 test of the baseline no longer ran: a\.test\.js > x/,
  ],
  ['skips a named test', namedBaseline, run(0, [], 9, 1, NAMES), 'worse', /skip/i],
  [
    'fewer tests, passing, identities unknown: accepted with a note',
    baselineRun,
    run(0, [], 9),
    'success',
    /9 tests ran, the baseline counted 10 .*does not name every test/,
  ],
  [
    'more skipped, passing, identities unknown: accepted with a note',
    baselineRun,
    run(0, [], 9, 1),
    'success',
    /does not name every test/,
  ],
  [
    'more skipped while still failing: rejected',
    baselineRun,
    run(1, [fail('a.test.js > y')], 8, 1),
    'worse',
    /skips 1 tests/,
  ],
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
