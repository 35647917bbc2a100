/**
 * The verdict on real runners: a correct fix is never thrown away, and a run the tests could not
 * collect is reported as such (issue 18). Real cargo and pytest, real git, a scripted model.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patchCall, runTestsCall, scriptedModel, shellCall } from '../fakes/scripted-model.js';
import { createRepo, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';
import { runScripted } from './harness.js';

function has(tool: string, ...args: string[]): boolean {
  try {
    execFileSync(tool, args.length > 0 ? args : ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

/** A crate with a unit-test module and an integration test; `add` is wrong. */
const CRATE: Record<string, string> = {
  '.gitignore': 'target/\n',
  'Cargo.toml': '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n',
  'src/lib.rs': [
    'pub fn add(a: i32, b: i32) -> i32 {',
    '    a - b',
    '}',
    '',
    'pub fn mul(a: i32, b: i32) -> i32 {',
    '    a * b',
    '}',
    '',
    '#[cfg(test)]',
    'mod tests {',
    '    use super::*;',
    '    #[test]',
    '    fn adds() {',
    '        assert_eq!(add(2, 2), 4);',
    '    }',
    '    #[test]',
    '    fn muls() {',
    '        assert_eq!(mul(2, 3), 6);',
    '    }',
    '}',
    '',
  ].join('\n'),
  'tests/it.rs': [
    '#[test]',
    'fn integration_add() {',
    '    assert_eq!(demo::add(1, 1), 2);',
    '}',
    '#[test]',
    'fn integration_mul() {',
    '    assert_eq!(demo::mul(1, 1), 1);',
    '}',
    '',
  ].join('\n'),
};

const CRATE_FIX = [
  '*** Begin Patch',
  '*** Update File: src/lib.rs',
  '@@ pub fn add(a: i32, b: i32) -> i32 {',
  '-    a - b',
  '+    a + b',
  '*** End Patch',
].join('\n');

const PY_PROJECT: Record<string, string> = {
  'conftest.py': '',
  'calc.py': 'def add(a, b):\n    return a - b\n',
  'tests/test_calc.py':
    'from calc import add\n\n\ndef test_add():\n    assert add(1, 1) == 2\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n',
};

const PY_BREAK_IMPORT = [
  '*** Begin Patch',
  '*** Update File: calc.py',
  '@@',
  '+import nosuch',
  ' def add(a, b):',
  '-    return a - b',
  '+    return a + b',
  '*** End Patch',
].join('\n');

const PY_FIX = [
  '*** Begin Patch',
  '*** Update File: calc.py',
  '@@',
  ' def add(a, b):',
  '-    return a - b',
  '+    return a + b',
  '*** End Patch',
].join('\n');

describe('the verdict on real runners', () => {
  it.skipIf(!has('cargo'))(
    'cargo test --no-fail-fast: the correct fix ends the run with success (skipped without cargo)',
    async () => {
      repo = createRepo(CRATE);
      const model = scriptedModel([
        { calls: [patchCall(CRATE_FIX)] },
        { calls: [runTestsCall] },
        { text: 'Fixed add.' },
      ]);
      const { outcome } = await runScripted(repo.dir, model, {
        'test-command': 'cargo test --offline --no-fail-fast',
        'test-timeout-seconds': '300',
      });
      const seen = JSON.stringify({ reason: outcome.stopReason, iterations: outcome.iterations });
      expect(outcome.iterations.map((i) => i.note ?? '').join(' '), seen).not.toMatch(/deleted/);
      expect(outcome.status, seen).toBe('success');
      expect(repo.read('src/lib.rs')).toContain('a + b');
      expect(outcome.iterations[0]?.rolledBack).toBe(false);
    },
    240_000,
  );

  it.skipIf(!has('pytest'))(
    'pytest: a change that breaks collection is rolled back as "the tests could not run", the model reads the import error, and the correct fix then succeeds (skipped without pytest)',
    async () => {
      repo = createRepo(PY_PROJECT);
      const model = scriptedModel([
        { calls: [patchCall(PY_BREAK_IMPORT)] },
        { calls: [runTestsCall] },
        { calls: [patchCall(PY_FIX)] },
        { calls: [runTestsCall] },
        { text: 'Fixed add.' },
      ]);
      const { outcome } = await runScripted(repo.dir, model, {
        'test-command': 'python3 -m pytest -p no:cacheprovider',
      });
      const first = outcome.iterations[0];
      expect(first?.rolledBack).toBe(true);
      expect(first?.note).toMatch(/could not run/);
      expect(first?.note).toContain("No module named 'nosuch'");
      expect(first?.note).not.toMatch(/deleted|removing/);
      // What the model read after its first test run.
      const told = JSON.stringify(model.requests[2]?.input);
      expect(told).toContain('could not run');
      expect(told).toContain("No module named 'nosuch'");
      expect(outcome.status, outcome.stopReason).toBe('success');
      expect(repo.read('calc.py')).not.toContain('nosuch');
    },
    120_000,
  );

  it.skipIf(!has('pytest'))(
    'pytest -v: deleting the failing test is rolled back, and the summary names the test that disappeared (skipped without pytest)',
    async () => {
      repo = createRepo(PY_PROJECT);
      const deleteTest = [
        '*** Begin Patch',
        '*** Update File: tests/test_calc.py',
        '@@',
        ' from calc import add',
        '-',
        '-',
        '-def test_add():',
        '-    assert add(1, 1) == 2',
        '*** End Patch',
      ].join('\n');
      const model = scriptedModel([
        { calls: [patchCall(deleteTest)] },
        { calls: [runTestsCall] },
        { text: 'Done.' },
      ]);
      const { outcome } = await runScripted(repo.dir, model, {
        'test-command': 'python3 -m pytest -v -p no:cacheprovider',
        'max-iterations': '1',
      });
      expect(outcome.iterations[0]?.rolledBack).toBe(true);
      expect(outcome.iterations[0]?.note).toContain('tests/test_calc.py > test_add');
      expect(repo.read('tests/test_calc.py')).toContain('def test_add');
      expect(outcome.status).not.toBe('success');
    },
    120_000,
  );
});

describe.skipIf(!has('pytest'))(
  'pytest (no -v): a passing run that ran fewer tests is rolled back',
  () => {
    // The project of test/fixtures/integrity/pytest-param-*.log: one of four parametrized cases fails.
    const PARAM_PROJECT: Record<string, string> = {
      'conftest.py': '',
      'calc.py': 'def add(a, b):\n    return a - b\n',
      'tests/test_calc.py': [
        'import pytest',
        'from calc import add',
        '',
        '',
        '@pytest.mark.parametrize("a,b,want", [(1, 1, 2), (2, 0, 2), (0, 0, 0), (3, 0, 3)])',
        'def test_add(a, b, want):',
        '    assert add(a, b) == want',
        '',
        '',
        'def test_zero():',
        '    assert add(0, 0) == 0',
        '',
      ].join('\n'),
    };
    const cheats: [string, string, RegExp][] = [
      [
        'the failing case deleted from the list',
        "sed -i 's/(1, 1, 2), //' tests/test_calc.py",
        /4 tests passed, but the baseline had 4 passing and 1 failing/,
      ],
      [
        'a conftest.py that exits 0 at once',
        "printf 'import os\\nos._exit(0)\\n' > conftest.py",
        /no test ran/,
      ],
      [
        'every test skipped',
        "sed -i '1a pytestmark = pytest.mark.skip' tests/test_calc.py",
        /skips 5 tests/,
      ],
    ];
    for (const [name, command, note] of cheats) {
      it(
        name,
        async () => {
          repo = createRepo(PARAM_PROJECT);
          const model = scriptedModel([
            { calls: [shellCall(command)] },
            { calls: [runTestsCall] },
            { text: 'Done.' },
          ]);
          const { outcome } = await runScripted(repo.dir, model, {
            'test-command': 'python3 -m pytest -q -p no:cacheprovider',
            'max-iterations': '1',
          });
          expect(outcome.iterations[0]?.rolledBack, outcome.iterations[0]?.note).toBe(true);
          expect(outcome.iterations[0]?.note).toMatch(note);
          expect(outcome.status).not.toBe('success');
        },
        60_000,
      );
    }

    it('the real fix is kept', async () => {
      repo = createRepo(PARAM_PROJECT);
      const model = scriptedModel([
        // A fix that changes the file's size: CPython checks a module's cached bytecode by the
        // source's size and mtime in whole seconds, so `a - b` -> `a + b` in the second the repo
        // was written ran the stale .pyc (seen under Node 22's slower start, 2 runs in 3).
        { calls: [shellCall("sed -i 's/a - b/b + a  # fixed/' calc.py")] },
        { calls: [runTestsCall] },
        { text: 'Done.' },
      ]);
      const { outcome } = await runScripted(repo.dir, model, {
        'test-command': 'python3 -m pytest -q -p no:cacheprovider',
        'max-iterations': '1',
      });
      expect(outcome.status).toBe('success');
      expect(outcome.iterations[0]?.note).toBeUndefined();
    }, 60_000);
  },
);

describe('deleting test files is rolled back even when the log names no test', () => {
  // A plain script as the test command (generic runner): its log names no test, so a run
  // without the file fails "the same" (exit 1, no parsable failure). Found by an acceptance
  // run in which the model's only action, `rm test.js`, was kept and published as a PR.
  const SCRIPT_PROJECT: Record<string, string> = {
    'sum.js': 'exports.sum = (a, b) => a - b;\n',
    'test.js':
      "const assert = require('node:assert');\nassert.equal(require('./sum.js').sum(1, 1), 2);\n",
    'tests/unit/sum_test.py': 'def test_sum():\n    assert True\n',
  };
  const cases: [string, string, string][] = [
    ['a file the test command names (node test.js)', 'rm test.js', 'test.js'],
    ['a file in a tests/ folder', 'rm tests/unit/sum_test.py', 'tests/unit/sum_test.py'],
  ];
  for (const [name, command, file] of cases) {
    it(name, async () => {
      repo = createRepo(SCRIPT_PROJECT);
      const model = scriptedModel([
        { calls: [shellCall(command)] },
        { calls: [runTestsCall] },
        { text: 'Done.' },
      ]);
      const { outcome } = await runScripted(repo.dir, model, {
        'test-command': 'node test.js',
        'max-iterations': '1',
      });
      expect(outcome.iterations[0]?.rolledBack).toBe(true);
      expect(outcome.iterations[0]?.note).toContain(`deleted test files: ${file}`);
      expect(repo.read(file)).toBe(SCRIPT_PROJECT[file]);
    });
  }

  it('with allow-test-edits: true the deletion is kept', async () => {
    repo = createRepo(SCRIPT_PROJECT);
    const model = scriptedModel([
      { calls: [shellCall('rm tests/unit/sum_test.py')] },
      { calls: [runTestsCall] },
      { text: 'Done.' },
    ]);
    const { outcome } = await runScripted(repo.dir, model, {
      'test-command': 'node test.js',
      'max-iterations': '1',
      'allow-test-edits': 'true',
    });
    expect(outcome.iterations[0]?.rolledBack).toBe(false);
  });
});

describe('a test command that cannot run stops the run before any model call', () => {
  // npm keeps a compile cache in the temp folder.
  afterEach(() =>
    rmSync(path.join(os.tmpdir(), 'node-compile-cache'), { recursive: true, force: true }),
  );

  const cases: [string, string, Record<string, string>, RegExp][] = [
    ['npm run tset (npm: Missing script)', 'npm run tset', SUM_PROJECT, /Missing script: "tset"/],
    ['pytset -q (exit 127)', 'pytset -q', SUM_PROJECT, /pytset: .*not found.*exit code 127/],
    [
      'a script that is not executable (exit 126)',
      './run-tests.sh',
      { ...SUM_PROJECT, 'run-tests.sh': 'node --test\n' },
      /Permission denied.*exit code 126/,
    ],
    // `python -m pytest` where pytest is not installed (a unittest-only project): CPython's runpy
    // prints `<python>: No module named pytest` and exits 1. A missing module name stands in here.
    [
      'python -m with the module not installed (exit 1)',
      'python3 -m pytset -q',
      {
        'test_a.py':
          'import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 2)\n',
      },
      /: No module named pytset$/,
    ],
  ];
  for (const [name, command, files, reason] of cases) {
    it(name, async () => {
      repo = createRepo(files);
      const model = scriptedModel([{ text: 'I would fix it.' }]);
      const { outcome } = await runScripted(repo.dir, model, { 'test-command': command });
      expect(outcome.status).toBe('error');
      expect(outcome.stopReason).toMatch(/^the test command cannot run: /);
      expect(outcome.stopReason).toMatch(reason);
      expect(model.requests).toHaveLength(0);
    });
  }

  it.skipIf(!has('pytest'))('pytest that collects no tests (exit 5)', async () => {
    repo = createRepo({ 'calc.py': 'def add(a, b):\n    return a + b\n' });
    const model = scriptedModel([{ text: 'I would fix it.' }]);
    const { outcome } = await runScripted(repo.dir, model, {
      'test-command': 'python3 -m pytest -p no:cacheprovider',
    });
    expect(outcome.status).toBe('error');
    expect(outcome.stopReason).toMatch(/no tests ran.*exit code 5/);
    expect(model.requests).toHaveLength(0);
  });
});
