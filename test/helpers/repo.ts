/** Real git repositories in temp folders, for tests: the one temp-repository helper. */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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
  const repo = repoAt(mkdtempSync(path.join(os.tmpdir(), 'gl-repo-')));
  repo.git('init', '-q', '-b', 'main');
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  if (options.commit !== false) repo.commitAll('initial');
  return repo;
}

function repoAt(
  dir: string,
  remove: () => void = () => rmSync(dir, { recursive: true, force: true }),
): TempRepo {
  const repo: TempRepo = {
    dir,
    git: (...args) => runGit(dir, args),
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
    remove,
  };
  return repo;
}

function runGit(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A repository whose `origin` is a bare repository of its own, and whose hooks leave a marker. */
export interface RemoteRepo extends TempRepo {
  /** The bare repository `origin` points at (`main` pushed). */
  readonly remote: string;
  /** Every hook of the repository appends its name here if git ever runs it. */
  readonly hookMarker: string;
  remoteGit(...args: string[]): string;
}

const HOOKS = ['pre-push', 'reference-transaction', 'pre-commit', 'post-commit', 'post-checkout'];

/**
 * For the publishing tests: `app.js` and `.gitignore` committed on `main` and pushed to a bare
 * `origin` (a relative URL, so the pair can be copied), with hooks that would leave a marker.
 * The pair is built once per test process and copied for each call (removeRemoteTemplate).
 */
export function createRemoteRepo(): RemoteRepo {
  remoteTemplate ??= buildRemoteTemplate();
  const base = mkdtempSync(path.join(os.tmpdir(), 'gl-remote-repo-'));
  cpSync(remoteTemplate, base, { recursive: true });
  const remote = path.join(base, 'remote.git');
  const hookMarker = path.join(base, 'hook-ran');
  const repo = repoAt(path.join(base, 'work'), () =>
    rmSync(base, { recursive: true, force: true }),
  );
  for (const hook of HOOKS) {
    const file = path.join(repo.dir, '.git', 'hooks', hook);
    writeFileSync(file, `#!/bin/sh\necho ${hook} >> "${hookMarker}"\n`);
    chmodSync(file, 0o755);
  }
  return { ...repo, remote, hookMarker, remoteGit: (...args) => runGit(remote, args) };
}

let remoteTemplate: string | undefined;

function buildRemoteTemplate(): string {
  const base = mkdtempSync(path.join(os.tmpdir(), 'gl-remote-tpl-'));
  runGit(base, ['init', '-q', '--bare', '-b', 'main', 'remote.git']);
  const repo = repoAt(path.join(base, 'work'));
  mkdirSync(repo.dir);
  repo.git('init', '-q', '-b', 'main');
  repo.git('config', 'commit.gpgsign', 'false');
  repo.write('app.js', 'export const add = (a, b) => a - b;\n');
  repo.write('.gitignore', 'node_modules/\n');
  repo.commitAll('initial');
  repo.git('remote', 'add', 'origin', '../remote.git');
  repo.git('push', '-q', 'origin', 'main');
  return base;
}

/** Removes the template of createRemoteRepo; call from afterAll. */
export function removeRemoteTemplate(): void {
  if (remoteTemplate !== undefined) rmSync(remoteTemplate, { recursive: true, force: true });
  remoteTemplate = undefined;
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
