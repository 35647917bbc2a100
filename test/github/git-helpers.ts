/**
 * Temp git repositories for the publishing tests: a working repo with one
 * commit on `main`, cloned from a bare remote, with hooks that would leave a
 * marker file if git ever ran them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TempRepo {
  readonly dir: string;
  readonly root: string;
  readonly remote: string;
  readonly hookMarker: string;
  git(...args: string[]): string;
  remoteGit(...args: string[]): string;
  cleanup(): void;
}

const HOOKS = ['pre-push', 'reference-transaction', 'pre-commit', 'post-commit', 'post-checkout'];

let template: string | undefined;

function run(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
  }).trim();
}

/** Builds the repository pair once per test process; each test gets a copy. */
function buildTemplate(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-tpl-'));
  const root = path.join(dir, 'work');
  fs.mkdirSync(root);
  run(dir, ['init', '--quiet', '--bare', '--initial-branch=main', 'remote.git']);
  run(root, ['init', '--quiet', '--initial-branch=main']);
  run(root, ['config', 'user.name', 'Dev']);
  run(root, ['config', 'user.email', 'dev@example.com']);
  run(root, ['config', 'commit.gpgsign', 'false']);
  fs.writeFileSync(path.join(root, 'app.js'), 'export const add = (a, b) => a - b;\n');
  fs.writeFileSync(path.join(root, '.gitignore'), 'node_modules/\n');
  run(root, ['add', '.']);
  run(root, ['commit', '--quiet', '-m', 'initial']);
  // Relative, so a copied pair still points at its own remote.
  run(root, ['remote', 'add', 'origin', '../remote.git']);
  run(root, ['push', '--quiet', 'origin', 'main']);
  return dir;
}

/** Removes the shared template; call from afterAll. */
export function removeTemplate(): void {
  if (template !== undefined) fs.rmSync(template, { recursive: true, force: true });
  template = undefined;
}

export function makeRepo(): TempRepo {
  template ??= buildTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
  fs.cpSync(template, dir, { recursive: true });
  const root = path.join(dir, 'work');
  const remote = path.join(dir, 'remote.git');
  const hookMarker = path.join(dir, 'hook-ran');
  // Hooks that would leave a marker if git ever ran one.
  for (const hook of HOOKS) {
    const file = path.join(root, '.git', 'hooks', hook);
    fs.writeFileSync(file, `#!/bin/sh\necho ${hook} >> "${hookMarker}"\n`);
    fs.chmodSync(file, 0o755);
  }
  return {
    dir,
    root,
    remote,
    hookMarker,
    git: (...args) => run(root, args),
    remoteGit: (...args) => run(remote, args),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
