/** Real git repositories in temp folders, for tests. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The test's own git reads repositories an unprivileged user owns (the non-root half of the
 * security suites): git 2.35.2+ refuses those unless `safe.directory` says otherwise.
 */
export const SAFE_DIRECTORY: Readonly<Record<string, string>> = {
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'safe.directory',
  GIT_CONFIG_VALUE_0: '*',
};

export interface TempRepo {
  readonly dir: string;
  git(...args: string[]): string;
  write(file: string, content: string): void;
  read(file: string): string;
  commitAll(message: string): string;
  remove(): void;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  ...SAFE_DIRECTORY,
};

export function createRepo(
  files: Record<string, string>,
  options: { commit?: boolean } = {},
): TempRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-repo-'));
  const repo: TempRepo = {
    dir,
    git: (...args) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...GIT_ENV },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    write(file, content) {
      const full = path.join(dir, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    commitAll(message) {
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', message, '--allow-empty');
      return repo.git('rev-parse', 'HEAD').trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.git('init', '-q', '-b', 'main');
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  if (options.commit !== false) repo.commitAll('initial');
  return repo;
}

/** A tiny node --test project: `sum` is off by one until fixed. */
export const SUM_PROJECT: Record<string, string> = {
  'package.json': JSON.stringify(
    { name: 'sum', private: true, type: 'module', scripts: { test: 'node --test' } },
    null,
    2,
  ),
  'src/sum.js':
    'export function sum(values) {\n  let total = 0;\n  for (let i = 1; i < values.length; i++) total += values[i];\n  return total;\n}\n',
  'test/sum.test.js':
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sum } from '../src/sum.js';\n\ntest('sum adds every value', () => {\n  assert.equal(sum([1, 2, 3]), 6);\n});\n\ntest('sum of nothing is 0', () => {\n  assert.equal(sum([]), 0);\n});\n",
};

export const SUM_FIX = [
  '*** Begin Patch',
  '*** Update File: src/sum.js',
  '@@ export function sum(values) {',
  '   let total = 0;',
  '-  for (let i = 1; i < values.length; i++) total += values[i];',
  '+  for (let i = 0; i < values.length; i++) total += values[i];',
  '   return total;',
  '*** End Patch',
].join('\n');

/**
 * The sample project's test command for the `node` on PATH: in one process where it knows
 * `--test-isolation` (23.6+ and 24; older Nodes exit 9 on the unknown flag); on Node 20, which
 * searches the whole tree and follows symlinks (a planted `ln -s ../..` would make it run other
 * projects' tests), only the `test/` folder; otherwise plain `node --test`.
 */
export const NODE_TEST_IN_PROCESS: string = nodeTestCommand();

function nodeTestCommand(): string {
  if (spawnSync('node', ['--test-isolation=none', '--version'], { stdio: 'ignore' }).status === 0)
    return 'node --test --test-isolation=none';
  const version = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return version.startsWith('v20.') ? 'node --test test/' : 'node --test';
}
