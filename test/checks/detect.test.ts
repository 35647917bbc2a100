import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { detectTestCommand } from '../../src/checks/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const INFLECTION = fileURLToPath(new URL('../fixtures/real-projects/inflection', import.meta.url));

const pkg = (test: string): string => JSON.stringify({ name: 'x', scripts: { test } });

describe('detectTestCommand', () => {
  const table: [string, Record<string, string> | 'inflection', string | undefined][] = [
    [
      'npm with package-lock',
      { 'package.json': pkg('vitest run'), 'package-lock.json': '{}' },
      'npm test',
    ],
    ['pnpm lockfile', { 'package.json': pkg('jest'), 'pnpm-lock.yaml': '' }, 'pnpm test'],
    ['yarn lockfile', { 'package.json': pkg('jest'), 'yarn.lock': '' }, 'yarn test'],
    [
      'bun binary lockfile runs the script',
      { 'package.json': pkg('vitest'), 'bun.lockb': '' },
      'bun run test',
    ],
    ['bun text lockfile', { 'package.json': pkg('vitest'), 'bun.lock': '' }, 'bun run test'],
    ['no lockfile', { 'package.json': pkg('mocha') }, 'npm test'],
    [
      'npm default script is ignored',
      { 'package.json': pkg('echo "Error: no test specified" && exit 1') },
      undefined,
    ],
    [
      'default script but pytest present',
      { 'package.json': pkg('echo "Error: no test specified" && exit 1'), 'pytest.ini': '' },
      'python -m pytest',
    ],
    [
      'pyproject tool.pytest',
      { 'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "-q"\n' },
      'python -m pytest',
    ],
    ['pyproject without pytest', { 'pyproject.toml': '[project]\nname = "x"\n' }, undefined],
    ['setup.cfg tool:pytest', { 'setup.cfg': '[tool:pytest]\n' }, 'python -m pytest'],
    ['tox.ini pytest', { 'tox.ini': '[pytest]\n' }, 'python -m pytest'],
    ['conftest.py', { 'conftest.py': '' }, 'python -m pytest'],
    ['tests folder', { 'tests/test_app.py': 'def test_x(): pass\n' }, 'python -m pytest'],
    // Unconfigured pytest: test files at the top level (the vendored inflection project).
    ['test_*.py at the top', { 'test_app.py': 'def test_x(): pass\n' }, 'python -m pytest'],
    ['*_test.py at the top', { 'app_test.py': 'def test_x(): pass\n' }, 'python -m pytest'],
    [
      'the real inflection project (setup.cfg and pyproject.toml without pytest)',
      'inflection',
      'python -m pytest',
    ],
    ['python helper that is no test', { 'scripts/test_helper.py': '', 'tool.py': '' }, undefined],
    ['python file named like test but not one', { 'testing.py': '', 'contest.py': '' }, undefined],
    [
      'node test script wins over python test files',
      { 'package.json': pkg('vitest run'), 'test_x.py': '', 'tests/test_y.py': '' },
      'npm test',
    ],
    [
      'go wins over python test files',
      { 'go.mod': 'module x\n', 'tests/test_y.py': '' },
      'go test ./...',
    ],
    ['cargo wins over python test files', { 'Cargo.toml': '', 'test_x.py': '' }, 'cargo test'],
    [
      'makefile test target wins over python test files',
      { Makefile: 'test:\n\t./run\n', 'test_x.py': '' },
      'make test',
    ],
    [
      'configured pytest still wins over cargo',
      { 'Cargo.toml': '', 'pytest.ini': '' },
      'python -m pytest',
    ],
    ['cargo', { 'Cargo.toml': '[package]\nname = "x"\n' }, 'cargo test'],
    ['go', { 'go.mod': 'module x\n' }, 'go test ./...'],
    ['maven', { 'pom.xml': '<project/>' }, 'mvn -B test'],
    ['gradle wrapper', { 'build.gradle.kts': '', gradlew: '#!/bin/sh\n' }, './gradlew test'],
    ['gradle without wrapper', { 'build.gradle': '' }, 'gradle test'],
    [
      'makefile test target',
      { Makefile: 'build:\n\tcc x.c\n\ntest: build\n\t./run-tests\n' },
      'make test',
    ],
    ['makefile without test target', { Makefile: 'build:\n\tcc x.c\n' }, undefined],
    ['empty project', {}, undefined],
  ];
  for (const [name, files, want] of table) {
    it(name, async () => {
      const dir = files === 'inflection' ? INFLECTION : project(files);
      const got = await detectTestCommand(dir);
      expect(got?.command).toBe(want);
      if (got) expect(got.reason.length).toBeGreaterThan(5);
    });
  }
});
