/**
 * How many git processes greenloop starts for what does not change during a process (issue 22:
 * they were ~17 before the first model request). A git wrapper first on PATH logs every call.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit } from '../../src/workspace/git.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-spawns-')));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

function repo(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'one\n');
  const git = (...args: string[]): void => {
    execFileSync(REAL_GIT, args, { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init');
  return dir;
}

/** PATH and HOME whose git logs its arguments (one call a line) to the returned file. */
function loggingGit(): { env: NodeJS.ProcessEnv; calls: () => string[] } {
  const bin = path.join(tmp, 'bin');
  const home = path.join(tmp, 'home');
  const log = path.join(tmp, 'calls.log');
  fs.mkdirSync(bin);
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, '.gitconfig'), '[core]\n\texcludesFile = ~/ignore\n');
  fs.writeFileSync(log, '');
  fs.writeFileSync(
    path.join(bin, 'git'),
    `#!/bin/sh\necho "$*" >> '${log}'\nexec '${REAL_GIT}' "$@"\n`,
    { mode: 0o755 },
  );
  return {
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: home },
    calls: () => fs.readFileSync(log, 'utf8').trim().split('\n'),
  };
}

describe('git processes for what does not change', () => {
  it('asks the version, the global ignore file and each top folder once per process', async () => {
    const [ws, other] = [repo('ws'), repo('other')];
    const { env, calls } = loggingGit();
    // As a run does: main's git removes credentials and fingerprints the config, the
    // session's git takes the baseline; an attempt's git works in another folder.
    const action = createGit(ws, { env });
    await action.removePersistedCredentials();
    await action.configFingerprint();
    const session = createGit(ws, { env });
    await session.ensureBaseline();
    expect(await session.tryTopLevel()).toBe(ws);
    expect(await createGit(other, { env }).tryTopLevel()).toBe(other);

    const all = calls();
    const count = (pattern: RegExp): number => all.filter((c) => pattern.test(c)).length;
    expect(count(/^--version$/)).toBe(1);
    expect(count(/--get core\.excludesFile$/)).toBe(1);
    expect(count(/rev-parse --show-toplevel$/)).toBe(2);
    // The two paths the config scan starts from, in one call.
    expect(all.filter((c) => c.includes('--git-path config'))).toEqual([
      expect.stringMatching(/rev-parse --git-path config --git-path config\.worktree$/),
    ]);
  });
});
