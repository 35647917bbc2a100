/** Finds the command that runs a project's tests, from its manifest and lock files. */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface DetectedCommand {
  readonly command: string;
  readonly reason: string;
}

const NPM_DEFAULT_TEST = /no test specified/;

async function read(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function nodeCommand(dir: string): Promise<DetectedCommand | undefined> {
  const text = await read(path.join(dir, 'package.json'));
  if (text === undefined) return undefined;
  let script: unknown;
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, unknown> };
    script = pkg.scripts?.['test'];
  } catch {
    return undefined;
  }
  if (typeof script !== 'string' || script.trim() === '' || NPM_DEFAULT_TEST.test(script))
    return undefined;
  const managers: readonly [string, string][] = [
    ['pnpm-lock.yaml', 'pnpm test'],
    ['yarn.lock', 'yarn test'],
    ['bun.lockb', 'bun run test'],
    ['bun.lock', 'bun run test'],
    ['package-lock.json', 'npm test'],
  ];
  for (const [lock, command] of managers) {
    if (await exists(path.join(dir, lock))) {
      return {
        command,
        reason: `package.json has a test script (${script}) and ${lock} names the package manager`,
      };
    }
  }
  return { command: 'npm test', reason: `package.json has a test script (${script})` };
}

async function pytestCommand(dir: string): Promise<DetectedCommand | undefined> {
  const command = 'python -m pytest';
  if (await exists(path.join(dir, 'pytest.ini'))) return { command, reason: 'pytest.ini exists' };
  if (/^\[tool\.pytest/m.test((await read(path.join(dir, 'pyproject.toml'))) ?? ''))
    return { command, reason: 'pyproject.toml has [tool.pytest]' };
  if (/^\[tool:pytest\]/m.test((await read(path.join(dir, 'setup.cfg'))) ?? ''))
    return { command, reason: 'setup.cfg has [tool:pytest]' };
  if (/^\[pytest\]/m.test((await read(path.join(dir, 'tox.ini'))) ?? ''))
    return { command, reason: 'tox.ini has [pytest]' };
  if (await exists(path.join(dir, 'conftest.py'))) return { command, reason: 'conftest.py exists' };
  return undefined;
}

const PYTEST_FILE = /^test_.*\.py$|_test\.py$/;

/**
 * pytest without configuration: test files named the way pytest collects them by default
 * (`test_*.py` or `*_test.py`, pytest's `python_files` default) at the top or in tests/ or test/.
 * Checked last, so Python files in another ecosystem's project do not take over.
 */
async function pytestFilesCommand(dir: string): Promise<DetectedCommand | undefined> {
  for (const sub of ['.', 'tests', 'test']) {
    try {
      const names = await fs.readdir(path.join(dir, sub));
      const where = sub === '.' ? 'the top folder' : `${sub}/`;
      if (names.some((n) => PYTEST_FILE.test(n)))
        return {
          command: 'python -m pytest',
          reason: `${where} holds test_*.py or *_test.py files`,
        };
    } catch {
      // no such folder
    }
  }
  return undefined;
}

async function makeCommand(dir: string): Promise<DetectedCommand | undefined> {
  for (const name of ['Makefile', 'makefile', 'GNUmakefile']) {
    const text = await read(path.join(dir, name));
    if (text !== undefined && /^test\s*:/m.test(text))
      return { command: 'make test', reason: `${name} has a test target` };
  }
  return undefined;
}

/**
 * The test command for a project: package.json `test` script (with the lockfile's package
 * manager), configured pytest, cargo, go, maven, gradle, a Makefile `test` target, then pytest
 * for unconfigured Python test files; undefined if none.
 */
export async function detectTestCommand(projectDir: string): Promise<DetectedCommand | undefined> {
  const node = await nodeCommand(projectDir);
  if (node) return node;
  const py = await pytestCommand(projectDir);
  if (py) return py;
  if (await exists(path.join(projectDir, 'Cargo.toml')))
    return { command: 'cargo test', reason: 'Cargo.toml exists' };
  if (await exists(path.join(projectDir, 'go.mod')))
    return { command: 'go test ./...', reason: 'go.mod exists' };
  if (await exists(path.join(projectDir, 'pom.xml')))
    return { command: 'mvn -B test', reason: 'pom.xml exists' };
  for (const g of ['build.gradle', 'build.gradle.kts']) {
    if (await exists(path.join(projectDir, g))) {
      const wrapper = await exists(path.join(projectDir, 'gradlew'));
      return {
        command: wrapper ? './gradlew test' : 'gradle test',
        reason: `${g} exists${wrapper ? ' with a gradlew wrapper' : ''}`,
      };
    }
  }
  return (await makeCommand(projectDir)) ?? pytestFilesCommand(projectDir);
}
