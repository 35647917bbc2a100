import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  deletedTestFiles,
  digestFile,
  integrityProblem,
  type RunEvidence,
} from '../../src/checks/index.js';
import { o200k } from '../../src/model/tokens.js';
import type { Counts, Failure } from '../../src/checks/types.js';

const ids = (...xs: string[]): { id: string }[] => xs.map((id) => ({ id }));

describe('compareRuns', () => {
  const table: [
    string,
    string[],
    string[],
    { fixed: string[]; stillFailing: string[]; newlyFailing: string[] },
  ][] = [
    ['all fixed', ['a', 'b'], [], { fixed: ['a', 'b'], stillFailing: [], newlyFailing: [] }],
    ['nothing changed', ['a'], ['a'], { fixed: [], stillFailing: ['a'], newlyFailing: [] }],
    [
      'one fixed, one new',
      ['a', 'b'],
      ['b', 'c'],
      { fixed: ['a'], stillFailing: ['b'], newlyFailing: ['c'] },
    ],
    ['from green to red', [], ['x'], { fixed: [], stillFailing: [], newlyFailing: ['x'] }],
    [
      'duplicates count once',
      ['a', 'a'],
      ['a', 'a'],
      { fixed: [], stillFailing: ['a'], newlyFailing: [] },
    ],
  ];
  for (const [name, before, after, want] of table) {
    it(name, () => {
      expect(compareRuns(ids(...before), ids(...after))).toEqual(want);
    });
  }
});

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'integrity');

async function logRun(file: string, exitCode: number, runner?: string): Promise<RunEvidence> {
  return {
    digest: await digestFile(path.join(FIXTURES, file), {
      counter: o200k,
      ...(runner ? { runner } : {}),
    }),
    exitCode,
    timedOut: false,
  };
}

function run(
  counts: Counts,
  options: {
    runner?: string;
    tests?: string[];
    failures?: Failure[];
    exitCode?: number;
    crashes?: string[];
  } = {},
): RunEvidence {
  return {
    digest: {
      runner: options.runner ?? 'jest',
      counts,
      failures: options.failures ?? [],
      ...(options.tests ? { tests: options.tests } : {}),
      ...(options.crashes ? { crashes: options.crashes } : {}),
    },
    exitCode: options.exitCode ?? (counts.failed > 0 ? 1 : 0),
    timedOut: false,
  };
}

describe('integrityProblem on real logs', () => {
  it('cargo --no-fail-fast: the fixed run (exit 0, 0 failing) is accepted although cargo printed summary lines that look like failures', async () => {
    const before = await logRun('cargo-no-fail-fast-before.log', 101);
    const after = await logRun('cargo-no-fail-fast-after.log', 0);
    const problem = integrityProblem(before, after);
    expect(problem?.rejects ?? false).toBe(false);
    expect(problem?.message ?? '').not.toMatch(/deleted|removing/);
  });

  it('pytest: a change that breaks collection is "the tests could not run", with the import error as evidence', async () => {
    const before = await logRun('pytest-before.log', 1);
    const after = await logRun('pytest-import-error.log', 2);
    const problem = integrityProblem(before, after);
    expect(problem?.kind).toBe('not-run');
    expect(problem?.rejects).toBe(true);
    expect(problem?.message).toContain("No module named 'nosuch'");
    expect(problem?.message).not.toMatch(/deleted|removing/);
  });

  it('go test (no -v): the fixed run, whose `ok` line counts no test, is accepted without a note', async () => {
    const before = await logRun('go-before.log', 1);
    const after = await logRun('go-after.log', 0);
    // go prints only failures without -v: "0 tests ran, the baseline counted 1" would be false.
    expect(integrityProblem(before, after)).toBeUndefined();
  });

  it('pytest: the fixed run is accepted', async () => {
    const before = await logRun('pytest-before.log', 1);
    const after = await logRun('pytest-after.log', 0);
    expect(integrityProblem(before, after)).toBeUndefined();
  });

  it('node --test under Node 22 (TAP): deleting the only test file is rejected, not a pass', async () => {
    const before = await logRun('node22-tap-before.log', 1);
    const after = await logRun('node22-tap-deleted.log', 0);
    const problem = integrityProblem(before, after);
    expect(problem?.rejects).toBe(true);
    expect(problem?.message).toMatch(/no test ran|no longer ran/);
  });

  // What a hostile model does instead of a fix, and the fix itself (README of the fixtures).
  it.each([
    [
      'pytest-param-before.log',
      'pytest-param-cases-deleted.log',
      'removed',
      /4 tests passed.*baseline had 4 passing and 1 failing/,
    ],
    ['pytest-param-before.log', 'pytest-param-skip-marked.log', 'skipped', /skips 4 tests/],
    ['pytest-param-before-q.log', 'pytest-param-all-skipped-q.log', 'skipped', /skips 5 tests/],
    [
      'mocha-suite-before.log',
      'mocha-one-test.log',
      'removed',
      /1 test passed.*baseline had 2 passing and 4 failing/,
    ],
  ])(
    'a passing run that dropped tests is rejected: %s -> %s',
    async (before, after, kind, message) => {
      const problem = integrityProblem(await logRun(before, 1), await logRun(after, 0));
      expect(problem).toMatchObject({ kind, rejects: true });
      expect(problem?.message).toMatch(message);
    },
  );

  // The loop reads a run whose log no parser knows with the baseline's parser (runnerHint).
  it.each([
    ['pytest-param-before-q.log', 'pytest-param-exit0-conftest.log', 'pytest'],
    ['mocha-suite-before.log', 'mocha-echo.log', 'mocha'],
  ])(
    "a passing run whose log shows none of the runner's results is rejected: %s -> %s",
    async (before, after, runner) => {
      const problem = integrityProblem(await logRun(before, 1), await logRun(after, 0, runner));
      expect(problem).toMatchObject({ kind: 'removed', rejects: true });
      expect(problem?.message).toMatch(/no test ran/);
    },
  );

  it.each([
    ['pytest-param-before.log', 'pytest-param-fixed.log'],
    ['pytest-param-before-q.log', 'pytest-param-fixed-q.log'],
  ])('the real fix is accepted: %s -> %s', async (before, after) => {
    expect(integrityProblem(await logRun(before, 1), await logRun(after, 0))).toBeUndefined();
  });

  it('pytest -v: a deleted failing test is named', async () => {
    const before = await logRun('pytest-v-before.log', 1);
    const after = await logRun('pytest-v-deleted.log', 0);
    const problem = integrityProblem(before, after);
    expect(problem?.kind).toBe('removed');
    expect(problem?.evidence).toEqual(['tests/test_calc.py > test_add']);
    expect(problem?.message).toContain('tests/test_calc.py > test_add');
  });
});

describe('integrityProblem: identities, not totals', () => {
  const base = { passed: 10, failed: 2, skipped: 1 };
  const names = (n: number, prefix = 't'): string[] =>
    Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('accepts the same tests, fixed', () => {
    expect(
      integrityProblem(
        run(base, { tests: names(13) }),
        run({ passed: 12, failed: 0, skipped: 1 }, { tests: names(13) }),
      ),
    ).toBeUndefined();
  });

  it('rejects a run where a named test disappeared, and names it', () => {
    const problem = integrityProblem(
      run(base, { tests: names(13) }),
      run({ passed: 12, failed: 0, skipped: 0 }, { tests: names(12) }),
    );
    expect(problem).toMatchObject({ kind: 'removed', rejects: true, evidence: ['t12'] });
  });

  it('matches tests by name when their file or target prefix differs between runs', () => {
    // cargo: the `Running` line (stderr) interleaved with the unit tests' lines (stdout).
    const problem = integrityProblem(
      run(base, { runner: 'cargo', tests: ['tests/it.rs > tests::adds', 'tests/it.rs > it_adds'] }),
      run(
        { passed: 2, failed: 0, skipped: 0 },
        { runner: 'cargo', tests: ['src/lib.rs > tests::adds', 'tests/it.rs > it_adds'] },
      ),
    );
    expect(problem).toBeUndefined();
  });

  it('notices one of two tests of the same name going missing', () => {
    const problem = integrityProblem(
      run(base, { tests: ['a.test.js > works', 'b.test.js > works'] }),
      run({ passed: 1, failed: 0, skipped: 0 }, { tests: ['a.test.js > works'] }),
    );
    expect(problem).toMatchObject({ kind: 'removed', evidence: ['b.test.js > works'] });
  });

  it('matches an id with or without its file prefix (parsers name tests both ways)', () => {
    const problem = integrityProblem(
      run(base, { tests: ['a.test.js > adds', 'b'] }),
      run({ passed: 2, failed: 0, skipped: 0 }, { tests: ['adds', 'b'] }),
    );
    expect(problem).toBeUndefined();
  });

  it("a run whose runner says no test ran at all is rejected even without the baseline's identities", () => {
    const problem = integrityProblem(
      run(base, { runner: 'node-test' }),
      run({ passed: 0, failed: 0, skipped: 0 }, { runner: 'node-test', exitCode: 0, tests: [] }),
    );
    expect(problem).toMatchObject({ kind: 'removed', rejects: true });
    expect(problem?.message).toMatch(/no test ran \(the baseline ran 13\)/);
  });

  it('never rejects a passing run on totals when the runner does not name every test', () => {
    const problem = integrityProblem(run(base), run({ passed: 11, failed: 0, skipped: 1 }));
    expect(problem).toMatchObject({ kind: 'unverified', rejects: false });
  });

  it('notes nothing on totals when neither run counted a passing test (the runner prints only failures)', () => {
    const before = run({ passed: 0, failed: 16, skipped: 0 }, { runner: 'go' });
    expect(
      integrityProblem(before, run({ passed: 0, failed: 2, skipped: 0 }, { runner: 'go' })),
    ).toBeUndefined();
  });

  it('a failing test of kind timeout, setup_error or crash counts among those to pass (review)', () => {
    for (const kind of ['timeout', 'setup_error', 'crash']) {
      const baseline = run(
        { passed: 5, failed: 1, skipped: 0 },
        { runner: 'pytest', failures: [{ id: 'tests/test_a.py > test_x', message: 'm', kind }] },
      );
      const deleted = run({ passed: 5, failed: 0, skipped: 0 }, { runner: 'pytest' });
      const counted = (e: RunEvidence): RunEvidence => ({
        ...e,
        digest: { ...e.digest, countsFromSummary: true },
      });
      expect(integrityProblem(counted(baseline), counted(deleted)), kind).toMatchObject({
        kind: 'removed',
        rejects: true,
      });
    }
  });

  it('cargo doc-tests are named with their line: moving a doc example is not a removed test', () => {
    const before = ['src/lib.rs > tests > adds', 'Doc-tests demo > src/lib.rs - add (line 3)'];
    const after = ['src/lib.rs > tests > adds', 'Doc-tests demo > src/lib.rs - add (line 5)'];
    expect(
      integrityProblem(
        run({ passed: 1, failed: 1, skipped: 0 }, { runner: 'cargo', tests: before }),
        run({ passed: 2, failed: 0, skipped: 0 }, { runner: 'cargo', tests: after }),
      ),
    ).toBeUndefined();
  });

  it('rejects more skipped tests when the run still fails', () => {
    const problem = integrityProblem(run(base), run({ passed: 10, failed: 1, skipped: 2 }));
    expect(problem).toMatchObject({ kind: 'skipped', rejects: true });
  });

  it('does not apply across parsers or to the generic one', () => {
    expect(
      integrityProblem(
        run(base, { tests: names(13) }),
        run({ passed: 1, failed: 0, skipped: 0 }, { runner: 'vitest', tests: ['x'] }),
      ),
    ).toBeUndefined();
    expect(
      integrityProblem(
        run(base, { runner: 'generic' }),
        run({ passed: 0, failed: 0, skipped: 5 }, { runner: 'generic', exitCode: 1 }),
      ),
    ).toBeUndefined();
  });

  it('a drop that comes with a crash is "could not run", with the crash line', () => {
    const problem = integrityProblem(
      run(base, { tests: names(13) }),
      run(
        { passed: 3, failed: 0, skipped: 0 },
        { tests: names(3), exitCode: 134, crashes: ['FATAL ERROR: JavaScript heap out of memory'] },
      ),
    );
    expect(problem?.kind).toBe('not-run');
    expect(problem?.message).toContain('JavaScript heap out of memory');
  });
});

describe('deletedTestFiles', () => {
  it.each([
    ['node test.js', ['test.js', 'sum.js'], ['test.js']],
    ['pytest -q checks/test_a.py', ['checks/test_a.py', 'checks/a.py'], ['checks/test_a.py']],
    // A folder the command names is a test folder only by its own name (review: a cd target, a
    // go package or a source root holds code).
    ['cd frontend && npm test', ['frontend/src/legacy.ts'], []],
    ['go test ./internal/parser', ['internal/parser/old.go'], []],
    ['python -m pytest src', ['src/utils/x.py'], []],
    ['npm test', ['src/spec.ts', 'docs/api.spec.md', 'test.js'], ['test.js']],
    ['go test ./...', ['uuid.go', 'uuid_test.go'], ['uuid_test.go']],
    [
      'npm test',
      ['src/a.test.ts', 'src/a.ts', 'test/helpers.js'],
      ['src/a.test.ts', 'test/helpers.js'],
    ],
    ['cargo test', ['tests/it.rs', 'src/lib.rs'], ['tests/it.rs']],
    ["python3 -m pytest 'tests'", ['tests/test_calc.py', 'conftest.py'], ['tests/test_calc.py']],
  ])('%s: %j -> %j', (command, deleted, want) => {
    expect(deletedTestFiles(deleted, command)).toEqual(want);
  });
});
