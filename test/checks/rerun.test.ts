import { describe, expect, it } from 'vitest';
import {
  passedOnRerun,
  planRerun,
  quote,
  shellWords,
  type RerunRequest,
} from '../../src/checks/rerun.js';

function plan(command: string, runner: string, ids: string[], extra: Partial<RerunRequest> = {}) {
  return planRerun({
    command,
    runner,
    failures: ids.map((id) => ({ id, kind: 'test' })),
    baselineMs: 4000,
    maxFullSeconds: 30,
    platform: 'linux',
    ...extra,
  });
}

describe('planRerun: only the failing tests, where the runner can select them', () => {
  it('pytest: node ids (quoted) when the command names no path, --lf otherwise', () => {
    const ids = ['tests/test_a.py > TestK > test_m', 'tests/test_a.py > test_p[a b]'];
    expect(plan('python -m pytest -q', 'pytest', ids)).toEqual({
      kind: 'targeted',
      command: "python -m pytest -q tests/test_a.py::TestK::test_m 'tests/test_a.py::test_p[a b]'",
      ids,
      description: 'reran 2 failing tests with pytest node ids',
    });
    expect(plan('/tmp/x/venv/bin/pytest tests -k "not slow"', 'pytest', ids).command).toBe(
      '/tmp/x/venv/bin/pytest tests -k "not slow" --lf --lfnf=none',
    );
    // The cache is off: --lf cannot work, and node ids would add to the named paths.
    expect(plan('pytest -p no:cacheprovider tests', 'pytest', ids).kind).toBe('full');
  });

  it('jest and vitest: -t with the anchored full names, and the files', () => {
    const ids = ['__tests__/a.test.js > users > pages (2)', '__tests__/a.test.js > top'];
    expect(plan('npx jest --ci', 'jest', ids).command).toBe(
      "npx jest --ci '__tests__/a\\.test\\.js' -t '^(?:users pages \\(2\\)|top)$'",
    );
    expect(plan('npx vitest run', 'vitest', ["test/a.test.ts > suite > it's ok"]).command).toBe(
      `npx vitest run test/a.test.ts -t '^(?:suite it'\\''s ok)$'`,
    );
    expect(plan('npx vitest run -t foo', 'vitest', ids).kind).toBe('full');
  });

  it('cargo: the test paths with --exact after --, never with a filter of its own', () => {
    const ids = ['src/lib.rs > tests::bad', 'tests/it.rs > it_bad'];
    expect(plan('cargo test --no-fail-fast', 'cargo', ids).command).toBe(
      'cargo test --no-fail-fast -- --exact tests::bad it_bad',
    );
    expect(plan('cargo test -p geo -- --nocapture', 'cargo', ids).command).toBe(
      'cargo test -p geo -- --nocapture --exact tests::bad it_bad',
    );
    expect(plan('cargo test parse', 'cargo', ids).kind).toBe('full');
    expect(plan('cargo test -- parse', 'cargo', ids).kind).toBe('full');
  });

  it('go: -run with the top-level names, verbose so that passes are named', () => {
    const ids = ['example.com/m > TestTable/two_x', 'example.com/m/sub > TestBad'];
    expect(plan('go test ./...', 'go', ids).command).toBe(
      "go test ./... -run '^(?:TestTable|TestBad)$' -v",
    );
    expect(plan('go test -run TestX ./...', 'go', ids).kind).toBe('full');
    // A panic kills the package's test binary; the test that panicked reruns by its name.
    const panicked = planRerun({
      command: 'go test ./...',
      runner: 'go',
      failures: [{ id: 'example.com/m > TestAdd', kind: 'panic' }],
      baselineMs: 60_000,
      maxFullSeconds: 30,
      platform: 'linux',
    });
    expect(panicked).toMatchObject({ kind: 'targeted', ids: ['example.com/m > TestAdd'] });
  });

  it('node --test: the pattern right after node; through npm only when the script ends in options', () => {
    const ids = ['test/a.test.js > suite > inner bad', 'test/a.test.js > bad (one)'];
    expect(plan('node --test test/', 'node-test', ids).command).toBe(
      "node '--test-name-pattern=^(?:inner bad|bad \\(one\\))$' --test test/",
    );
    const scripts = { test: 'node --test', unit: 'node --test test/' };
    expect(plan('npm test', 'node-test', ids, { scripts }).command).toBe(
      "npm test -- '--test-name-pattern=^(?:inner bad|bad \\(one\\))$'",
    );
    expect(plan('npm run unit', 'node-test', ids, { scripts }).kind).toBe('full');
  });

  it('npm scripts: args after --, added to those already there', () => {
    const scripts = { test: 'vitest run', t2: 'tsc && vitest run' };
    const ids = ['a.test.ts > x'];
    expect(plan('npm test', 'vitest', ids, { scripts }).command).toBe(
      "npm test -- a.test.ts -t '^(?:x)$'",
    );
    expect(plan('npm test -- --silent', 'vitest', ids, { scripts }).command).toBe(
      "npm test -- --silent a.test.ts -t '^(?:x)$'",
    );
    expect(plan('npm run t2', 'vitest', ids, { scripts }).kind).toBe('full');
    expect(plan('npm test', 'vitest', ids).kind).toBe('full');
  });

  it('falls back to the whole suite under the limit, else skips, and says which', () => {
    expect(plan('make test', 'pytest', ['a.py > t'])).toMatchObject({
      kind: 'full',
      command: 'make test',
      description: 'reran the whole suite (baseline 4 s < 30 s)',
    });
    expect(plan('make test', 'pytest', ['a.py > t'], { baselineMs: 95_000 })).toMatchObject({
      kind: 'skip',
      description: expect.stringMatching(/^skipped: baseline 95 s/) as string,
    });
    // A runner it does not know, shell operators, a Windows shell.
    expect(plan('npx mocha', 'mocha', ['a > t']).kind).toBe('full');
    expect(plan('pytest -q; echo done', 'pytest', ['a.py > t']).kind).toBe('full');
    expect(plan('pytest -q', 'pytest', ['a.py > t'], { platform: 'win32' }).kind).toBe('full');
    // Only load errors: nothing to select by name.
    expect(
      planRerun({
        command: 'npx jest',
        runner: 'jest',
        failures: [{ id: 'a.test.js', kind: 'load_error' }],
        baselineMs: 1000,
        maxFullSeconds: 30,
        platform: 'linux',
      }).kind,
    ).toBe('full');
  });
});

describe('shellWords and quote', () => {
  it('reads simple commands and refuses what appended words would not reach', () => {
    expect(shellWords(`A=1 'py test' "x \\"y\\"" a\\ b`)?.map((w) => w.value)).toEqual([
      'A=1',
      'py test',
      'x "y"',
      'a b',
    ]);
    for (const bad of ['a && b', 'a | b', 'a > f', 'a # c', 'a $(b)', 'a `b`', "a 'b", 'a\nb'])
      expect(shellWords(bad), bad).toBeUndefined();
  });

  it('quotes for a POSIX shell so that sh reads the same word back', () => {
    for (const word of ["it's", 'a b', '^(?:x|y)$', '$HOME', 'plain/path.py'])
      expect(shellWords(quote(word))?.map((w) => w.value)).toEqual([word]);
  });
});

describe('passedOnRerun: by identity, never by totals alone', () => {
  const run = (failures: string[], tests: string[] | undefined, passed: number) => ({
    timedOut: false,
    digest: {
      failures: failures.map((id) => ({ id, message: '' })),
      counts: { passed, failed: failures.length, skipped: 0 },
      ...(tests ? { tests } : {}),
    },
  });

  it('a named test that passed is flaky; one that did not run is not', () => {
    const ids = ['f > a', 'f > b', 'f > c'];
    expect(passedOnRerun(ids, run(['f > a'], ['f > a', 'f > b'], 1))).toEqual(['f > b']);
  });

  it('matches by name when the file prefix differs and the name is unique', () => {
    expect(passedOnRerun(['src/lib.rs > t::x'], run([], ['t::x'], 1))).toEqual([
      'src/lib.rs > t::x',
    ]);
  });

  it('never by name when two targets share it', () => {
    const ids = ['a > works', 'b > works'];
    expect(passedOnRerun(ids, run(['a > works'], ['a > works', 'b > works'], 1))).toEqual([
      'b > works',
    ]);
    expect(passedOnRerun(ids, run([], ['c > works'], 1))).toEqual([]);
  });

  it('without names, only when enough tests passed; never on a timeout', () => {
    expect(passedOnRerun(['f > a', 'f > b'], run([], undefined, 1))).toEqual([]);
    expect(passedOnRerun(['f > a', 'f > b'], run([], undefined, 2))).toEqual(['f > a', 'f > b']);
    expect(passedOnRerun(['f > a'], { ...run([], ['f > a'], 1), timedOut: true })).toEqual([]);
  });
});
