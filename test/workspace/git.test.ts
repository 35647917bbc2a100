import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit } from '../../src/workspace/git.js';

let dir: string;

function sh(args: string[], cwd = dir): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  });
}

function write(rel: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
}

function read(rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

/** Every file under the folder (except .git), with content, as a sorted map. */
function tree(root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        out[path.relative(root, p).split(path.sep).join('/')] = fs
          .readFileSync(p)
          .toString('base64');
    }
  };
  walk(root);
  return out;
}

const binary = Buffer.from([0, 1, 2, 3, 255, 254, 0, 10, 13, 0]);

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-')));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function initRepo(): void {
  sh(['init', '-q', '-b', 'main']);
  write('.gitignore', 'ignored/\n*.log\n');
  write('src/a.txt', 'one\ntwo\nthree\n');
  write('src/b.txt', 'bee\n');
  write('img.bin', binary);
  sh(['add', '-A']);
  sh(['commit', '-q', '-m', 'init']);
}

describe("createGit's scratch folder", () => {
  it("is in the runner's temp folder when there is one, removed by the runner after the job", async () => {
    initRepo();
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-runner-temp-'));
    try {
      await createGit(dir, { env: { ...process.env, RUNNER_TEMP: runnerTemp } }).ensureBaseline();
      expect(fs.readdirSync(runnerTemp)).toEqual([expect.stringMatching(/^greenloop-git-/)]);
    } finally {
      fs.rmSync(runnerTemp, { recursive: true, force: true });
    }
  });
});

describe('createGit snapshot / restore / diff', () => {
  it('round-trips edits, deletes, untracked and binary files without touching index or HEAD', async () => {
    initRepo();
    const git = createGit(dir);
    const head = await git.tryHead();
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    const indexBefore = fs.readFileSync(path.join(dir, '.git', 'index'));
    const base = await git.snapshot();
    const baseFiles = tree();

    write('src/a.txt', 'one\nTWO\nthree\nfour\n');
    fs.rmSync(path.join(dir, 'src', 'b.txt'));
    write('new/dir/c.txt', 'sea\n');
    write('img.bin', Buffer.concat([binary, binary]));
    write('ignored/keep.txt', 'keep me');
    write('debug.log', 'log');
    const changed = await git.snapshot();
    expect(changed).not.toBe(base);
    const changedFiles = tree();

    const diff = await git.diff(base, changed);
    expect(diff).toContain('+TWO');
    expect(diff).toContain('deleted file mode');
    expect(diff).toContain('GIT binary patch');
    expect(diff).not.toContain('keep me');

    const stat = await git.diffStat(base, changed);
    expect(stat).toEqual(
      expect.arrayContaining([
        { path: 'src/a.txt', added: 2, removed: 1, status: 'modified', binary: false },
        { path: 'src/b.txt', added: 0, removed: 1, status: 'deleted', binary: false },
        { path: 'new/dir/c.txt', added: 1, removed: 0, status: 'added', binary: false },
        { path: 'img.bin', added: 0, removed: 0, status: 'modified', binary: true },
      ]),
    );
    expect(stat).toHaveLength(4);

    await git.restore(base);
    const restored = tree();
    // Ignored files are left exactly as they were (tree() holds contents as base64).
    expect(restored['ignored/keep.txt']).toBe(Buffer.from('keep me').toString('base64'));
    expect(restored['debug.log']).toBe(Buffer.from('log').toString('base64'));
    delete restored['ignored/keep.txt'];
    delete restored['debug.log'];
    expect(restored).toEqual(baseFiles);
    expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
    expect(await git.snapshot()).toBe(base);

    await git.restore(changed);
    expect(tree()).toEqual(changedFiles);

    expect(fs.readFileSync(path.join(dir, '.git', 'index'))).toEqual(indexBefore);
    expect(await git.tryHead()).toBe(head);
    expect(sh(['status', '--porcelain'])).toContain(' M src/a.txt');
  });

  it('handles a file turning into a folder, and reports a rename as a deletion and an addition', async () => {
    initRepo();
    const git = createGit(dir);
    const base = await git.snapshot();
    fs.rmSync(path.join(dir, 'src', 'b.txt'));
    write('src/b.txt/inner.txt', 'inner\n');
    fs.renameSync(path.join(dir, 'src', 'a.txt'), path.join(dir, 'src', 'renamed.txt'));
    const next = await git.snapshot();
    const stat = await git.diffStat(base, next);
    expect(stat).toContainEqual({
      path: 'src/renamed.txt',
      added: 3,
      removed: 0,
      status: 'added',
      binary: false,
    });
    expect(stat).toContainEqual({
      path: 'src/a.txt',
      added: 0,
      removed: 3,
      status: 'deleted',
      binary: false,
    });
    await git.restore(base);
    expect(read('src/b.txt')).toBe('bee\n');
    expect(read('src/a.txt')).toBe('one\ntwo\nthree\n');
    await git.restore(next);
    expect(read('src/b.txt/inner.txt')).toBe('inner\n');
  });

  it('does not run hooks', async () => {
    initRepo();
    const marker = path.join(dir, 'hook-ran');
    write('.git/hooks/post-index-change', `#!/bin/sh\ntouch ${marker}\n`);
    fs.chmodSync(path.join(dir, '.git', 'hooks', 'post-index-change'), 0o755);
    const git = createGit(dir);
    write('x.txt', 'x');
    const tree1 = await git.snapshot();
    await git.restore(tree1);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('ensureBaseline works without commits and in a plain folder (git init)', async () => {
    write('a.txt', 'a\n');
    write('node_modules/dep/index.js', 'dep\n');
    const logs: string[] = [];
    const git = createGit(dir, { log: (l) => logs.push(l) });
    const base = await git.ensureBaseline();
    expect(base).toMatch(/^[0-9a-f]{40}$/);
    expect(fs.existsSync(path.join(dir, '.git'))).toBe(true);
    expect(logs.join('\n')).toMatch(/git init/);
    expect(await git.tryHead()).toBeUndefined();
    write('a.txt', 'changed\n');
    write('b.txt', 'b\n');
    await git.restore(base);
    expect(tree()).toEqual({
      'a.txt': Buffer.from('a\n').toString('base64'),
      'node_modules/dep/index.js': Buffer.from('dep\n').toString('base64'),
    });
    expect(await git.diff(base, await git.snapshot())).toBe('');
    // Second call in the now-existing repo does not init again.
    expect(await createGit(dir).ensureBaseline()).toBe(base);
  });
});

describe('credentials and config fingerprint', () => {
  it('removes extraheader entries from the config and its includes', async () => {
    initRepo();
    const inc1 = path.join(dir, 'inc1.gitconfig');
    const inc2 = path.join(dir, 'nested', 'inc2.gitconfig');
    fs.mkdirSync(path.dirname(inc2));
    fs.writeFileSync(
      inc1,
      '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic abc\n[include]\n\tpath = nested/inc2.gitconfig\n',
    );
    fs.writeFileSync(
      inc2,
      '[http]\n\textraheader = AUTHORIZATION: basic def\n\tsslVerify = true\n',
    );
    sh(['config', '--local', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic xyz']);
    sh(['config', '--local', 'include.path', inc1]);
    sh(['config', '--local', `includeIf.gitdir:${dir}/.path`, path.join(dir, 'missing.gitconfig')]);
    sh(['config', '--local', 'user.name', 'keep']);
    const git = createGit(dir);
    const before = await git.configFingerprint();
    const removed = await git.removePersistedCredentials();
    expect(removed).toHaveLength(3);
    expect(removed.join('\n')).toContain('http.https://github.com/.extraheader');
    expect(removed.join('\n')).toContain('inc2.gitconfig: http.extraheader');
    const all = [path.join(dir, '.git', 'config'), inc1, inc2].map((f) =>
      fs.readFileSync(f, 'utf8'),
    );
    expect(all.join('\n')).not.toMatch(/extraheader/i);
    expect(all.join('\n')).toContain('sslVerify = true');
    expect(sh(['config', 'user.name']).trim()).toBe('keep');
    expect(await git.removePersistedCredentials()).toEqual([]);

    const after = await git.configFingerprint();
    expect(after).not.toBe(before);
    expect(await git.configFingerprint()).toBe(after);
    write('.git/hooks/pre-push', '#!/bin/sh\n');
    expect(await git.configFingerprint()).not.toBe(after);
    const withHook = await git.configFingerprint();
    fs.appendFileSync(inc2, '[core]\n\tfsmonitor = evil\n');
    expect(await git.configFingerprint()).not.toBe(withHook);
  });
});

describe('worktrees', () => {
  // Seen in CI (Node 22 matrix, `run --attempts 3 --jobs 2`): two `git worktree add` at once made
  // the second fail with "failed to read .git/worktrees/attempt-1/commondir", and the first
  // worktree was not a repository. git does not lock its worktree list against itself.
  it('adds and removes many worktrees at once without one seeing another half made', async () => {
    initRepo();
    const git = createGit(dir);
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'greenloop-wt-'));
    try {
      for (let round = 0; round < 8; round++) {
        const dirs = Array.from({ length: 6 }, (_, i) => path.join(parent, `r${round}-${i}`));
        await Promise.all(
          dirs.map(async (wt) => {
            await git.addWorktree(wt);
            expect(sh(['rev-parse', '--is-inside-work-tree'], wt).trim()).toBe('true');
            await git.removeWorktree(wt);
          }),
        );
        for (const wt of dirs) expect(fs.existsSync(wt)).toBe(false);
      }
      expect(sh(['worktree', 'list', '--porcelain']).match(/^worktree /gm)).toHaveLength(1);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
