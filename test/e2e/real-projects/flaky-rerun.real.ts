/**
 * Flaky reruns with real runners (issue 18): the loop's baseline runs a tiny real project whose
 * tests each count their runs in `counts/<name>`: `ok` passes, `bad` always fails, `flaky` fails
 * on its first run only. With `flaky-reruns: 1` only `bad` and `flaky` may run again, `flaky` is
 * reported flaky, and the warnings say how the rerun selected them. The model's first call
 * fails, so nothing runs after the flaky check.
 *
 * `npm run test:real` (not part of `npm test`: cargo, go and the JS runners take seconds each).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/model/errors.js';
import { scriptedModel } from '../../fakes/scripted-model.js';
import { repoRoot } from '../../helpers/action-env.js';
import { createRepo } from '../../helpers/repo.js';
import { runScripted } from '../../loop/harness.js';

function has(cmd: string, args: readonly string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** Appends to counts/<name> and says how many runs came before (JS). */
const JS_COUNT = `function count(name) {
  fs.mkdirSync('counts', { recursive: true });
  const file = 'counts/' + name;
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').length : 0;
  fs.appendFileSync(file, 'x');
  return before;
}
`;

const JS_TESTS = (head: string): string =>
  `${head}${JS_COUNT}
test('ok', () => { count('ok'); });
describe('suite', () => {
  test('bad (always)', () => { count('bad'); throw new Error('always fails'); });
  test('flaky', () => { if (count('flaky') === 0) throw new Error('fails on its first run'); });
});
`;

const PYTEST_FILE = `import os
def count(name):
    os.makedirs("counts", exist_ok=True)
    path = os.path.join("counts", name)
    before = os.path.getsize(path) if os.path.exists(path) else 0
    with open(path, "a") as f:
        f.write("x")
    return before

def test_ok():
    count("ok")

class TestSuite:
    def test_bad(self):
        count("bad")
        assert False, "always fails"

    def test_flaky(self):
        assert count("flaky") > 0, "fails on its first run"
`;

const RUST_LIB = `#[cfg(test)]
mod tests {
    fn count(name: &str) -> usize {
        use std::io::Write;
        std::fs::create_dir_all("counts").unwrap();
        let path = format!("counts/{}", name);
        let before = std::fs::read(&path).map(|b| b.len()).unwrap_or(0);
        let mut f = std::fs::OpenOptions::new().append(true).create(true).open(&path).unwrap();
        f.write_all(b"x").unwrap();
        before
    }
    #[test] fn ok() { count("ok"); }
    #[test] fn bad() { count("bad"); panic!("always fails"); }
    #[test] fn flaky() { assert!(count("flaky") > 0, "fails on its first run"); }
}
`;

const GO_TEST = `package tiny

import (
	"os"
	"testing"
)

func count(name string) int {
	os.MkdirAll("counts", 0o755)
	b, _ := os.ReadFile("counts/" + name)
	f, _ := os.OpenFile("counts/"+name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	f.WriteString("x")
	f.Close()
	return len(b)
}

func TestOk(t *testing.T) { count("ok") }

func TestBad(t *testing.T) {
	count("bad")
	t.Fatal("always fails")
}

func TestFlaky(t *testing.T) {
	t.Run("inner", func(t *testing.T) {
		if count("flaky") == 0 {
			t.Fatal("fails on its first run")
		}
	})
}
`;

interface Project {
  readonly name: string;
  readonly available: boolean;
  readonly files: Record<string, string>;
  readonly command: string;
  /** How the warnings name the selection. */
  readonly how: string;
  /** node_modules linked into the project: greenloop's (vitest) or jest 29 installed once. */
  readonly nodeModules?: () => string;
}

const NODE_TEST = JS_TESTS(
  "const { test, describe } = require('node:test');\nconst fs = require('node:fs');\n",
);
const python = has('python3', ['-m', 'pytest', '--version']);
const cargo = has('cargo', ['--version']);
const go = has('go', ['version']);

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const clean of cleanups.splice(0)) clean();
});

/** jest 29 as the real-log corpus pins it (test/fixtures/logs/real/_deps/jest29), installed once. */
const JEST_DEPS = path.join(repoRoot, 'test', 'fixtures', 'logs', 'real', '_deps', 'jest29');
let jestModules: string | undefined;
function installJest(): string {
  if (jestModules) return jestModules;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-jest29-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(path.join(JEST_DEPS, file), path.join(dir, file));
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'ignore',
  });
  jestModules = path.join(dir, 'node_modules');
  return jestModules;
}

const PROJECTS: readonly Project[] = [
  {
    name: 'pytest -q (node ids)',
    available: python,
    files: { 'tests/test_tiny.py': PYTEST_FILE },
    command: 'python3 -m pytest -q',
    how: 'pytest node ids',
  },
  {
    name: 'pytest -q tests (--lf)',
    available: python,
    files: { 'tests/test_tiny.py': PYTEST_FILE },
    command: 'python3 -m pytest -q tests',
    how: 'pytest --lf',
  },
  {
    name: 'vitest run',
    available: existsSync(path.join(repoRoot, 'node_modules', '.bin', 'vitest')),
    files: {
      'package.json': '{ "name": "tiny", "private": true }\n',
      'test/tiny.test.mjs': JS_TESTS(
        "import { test, describe } from 'vitest';\nimport fs from 'node:fs';\n",
      ),
    },
    command: 'npx vitest run',
    how: 'vitest test files and -t',
    nodeModules: () => path.join(repoRoot, 'node_modules'),
  },
  {
    name: 'jest --ci',
    available: has('npm', ['--version']) && existsSync(path.join(JEST_DEPS, 'package-lock.json')),
    files: {
      'package.json': '{ "name": "tiny", "private": true }\n',
      'test/tiny.test.js': JS_TESTS("const fs = require('node:fs');\n"),
    },
    command: 'npx jest --ci',
    how: 'jest -t and test file patterns',
    nodeModules: installJest,
  },
  {
    name: 'node --test',
    available: true,
    files: { 'test/tiny.test.js': NODE_TEST },
    command: 'node --test test/tiny.test.js',
    how: 'node --test-name-pattern',
  },
  {
    name: 'npm test (node --test)',
    available: has('npm', ['--version']),
    files: {
      'test/tiny.test.js': NODE_TEST,
      'package.json': '{ "name": "tiny", "private": true, "scripts": { "test": "node --test" } }\n',
    },
    command: 'npm test',
    how: 'node --test-name-pattern',
  },
  {
    name: 'cargo test',
    available: cargo,
    files: {
      'Cargo.toml': '[package]\nname = "tiny"\nversion = "0.1.0"\nedition = "2021"\n',
      'src/lib.rs': RUST_LIB,
    },
    command: 'cargo test --offline',
    how: 'cargo test names (--exact)',
  },
  {
    name: 'go test',
    available: go,
    files: { 'go.mod': 'module example.com/tiny\n\ngo 1.19\n', 'tiny_test.go': GO_TEST },
    command: 'go test ./...',
    how: 'go test -run',
  },
];

function runs(dir: string, name: string): number {
  const file = path.join(dir, 'counts', name);
  return existsSync(file) ? readFileSync(file, 'utf8').length : 0;
}

describe('flaky reruns select the failing tests (real runners)', () => {
  for (const project of PROJECTS) {
    it.skipIf(!project.available)(project.name, { timeout: 240_000 }, async () => {
      const repo = createRepo({
        ...project.files,
        '.gitignore': 'counts/\ntarget/\nnode_modules\n.pytest_cache/\n__pycache__/\n',
      });
      cleanups.push(() => repo.remove());
      if (project.nodeModules)
        symlinkSync(project.nodeModules(), path.join(repo.dir, 'node_modules'));
      const model = scriptedModel([
        { error: new ModelError('model-error', 'stop after the baseline') },
      ]);
      const { outcome } = await runScripted(repo.dir, model, {
        'test-command': project.command,
        'flaky-reruns': '1',
        'flaky-rerun-max-seconds': '600',
      });
      const why = JSON.stringify({ warnings: outcome.warnings, status: outcome.status }, null, 1);
      expect(outcome.status, why).toBe('model-error');
      // Only the failing tests ran again: the passing one ran once.
      expect(
        { ok: runs(repo.dir, 'ok'), bad: runs(repo.dir, 'bad'), flaky: runs(repo.dir, 'flaky') },
        why,
      ).toEqual({
        ok: 1,
        bad: 2,
        flaky: 2,
      });
      expect(outcome.flaky, why).toHaveLength(1);
      expect(outcome.flaky[0], why).toMatch(/flaky/i);
      expect(outcome.baseline?.failures.map((f) => f.id).join(), why).toMatch(/bad/i);
      expect(outcome.warnings.join('\n'), why).toContain(
        `Flaky check: reran 2 failing tests with ${project.how}; 1 passed on rerun 1`,
      );
    });
  }
});

describe('flaky reruns of a suite that cannot be narrowed', () => {
  it('rerun the whole suite under flaky-rerun-max-seconds, and are skipped over it', async () => {
    const repo = createRepo({
      'test/tiny.test.js': NODE_TEST,
      // Behind `sh -c`, node's arguments cannot be reached.
      'run-tests.sh': 'node --test test/tiny.test.js\n',
      '.gitignore': 'counts/\n',
    });
    cleanups.push(() => repo.remove());
    const stop = () => scriptedModel([{ error: new ModelError('model-error', 'stop') }]);
    const full = await runScripted(repo.dir, stop(), {
      'test-command': 'sh run-tests.sh',
      'flaky-reruns': '1',
      'flaky-rerun-max-seconds': '600',
    });
    expect(runs(repo.dir, 'ok'), full.lines.join('\n')).toBe(2);
    expect(full.outcome.flaky).toHaveLength(1);
    expect(full.outcome.warnings.join('\n')).toMatch(
      /Flaky check: reran the whole suite \(baseline [\d.]+ s < 600 s\)/,
    );
    execFileSync('rm', ['-rf', path.join(repo.dir, 'counts')]);
    const skipped = await runScripted(repo.dir, stop(), {
      'test-command': 'sh run-tests.sh',
      'flaky-reruns': '1',
      'flaky-rerun-max-seconds': '0',
    });
    expect(runs(repo.dir, 'ok')).toBe(1);
    expect(skipped.outcome.flaky).toEqual([]);
    expect(skipped.outcome.warnings.join('\n')).toMatch(/Flaky check skipped: baseline [\d.]+ s/);
  });
});
