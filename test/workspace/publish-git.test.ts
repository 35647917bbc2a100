import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTHOR,
  basicAuthHeader,
  commitBestState,
  isValidBranchName,
  pushBranch,
  sanitiseBranchName,
  sanitiseCommitMessage,
} from '../../src/workspace/git.js';
import { createRemoteRepo, type RemoteRepo, removeRemoteTemplate } from '../helpers/repo.js';

describe('sanitiseBranchName', () => {
  const cases: [string, string][] = [
    ['greenloop/123', 'greenloop/123'],
    ['fix the tests', 'fix-the-tests'],
    ['a..b', 'a.b'],
    ['-leading', 'leading'],
    ['.hidden/x.lock', 'hidden/x'],
    ['feat//double///slash', 'feat/double/slash'],
    ['what?*[x]~^:y\\z', 'what-x]-y-z'],
    ['ctrl\u0000\u0007chars', 'ctrlchars'],
    ['trailing/', 'trailing'],
    ['trailing.', 'trailing'],
    ['x@{1}', 'x-1}'],
    ['', 'greenloop'],
    ['///', 'greenloop'],
    ['@', 'greenloop'],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(sanitiseBranchName(input)).toBe(expected);
  });

  it('caps the length', () => {
    const name = sanitiseBranchName(`a/${'b'.repeat(300)}`);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.startsWith('a/bbb')).toBe(true);
  });
});

describe('sanitiseCommitMessage', () => {
  const cases: [string, string][] = [
    ['fix: add', 'fix: add'],
    ['  \n\nfix: add\r\n\r\nbody line  \r\n', 'fix: add\n\nbody line'],
    ['bell\u0007 and \u001b[31mcolour', 'bell and [31mcolour'],
    ['a\n\n\n\n\nb', 'a\n\nb'],
    ['', 'greenloop: automated fix'],
    ['\u0000\u0001', 'greenloop: automated fix'],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(sanitiseCommitMessage(input)).toBe(expected);
  });

  it('caps the subject and the whole message', () => {
    const message = sanitiseCommitMessage(`${'s'.repeat(300)}\n\n${'b'.repeat(10_000)}`);
    const [subject] = message.split('\n');
    expect(subject).toHaveLength(100);
    expect(subject?.endsWith('...')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(4000);
    expect(message.endsWith('[truncated]')).toBe(true);
  });
});

describe('commitBestState and pushBranch on real repositories', () => {
  let repo: RemoteRepo;

  beforeEach(() => {
    repo = createRemoteRepo();
  });
  afterEach(() => repo.remove());
  afterAll(removeRemoteTemplate);

  it('commits the working tree to a branch and pushes it without hooks or stored credentials', async () => {
    const headBefore = repo.git('rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(repo.dir, 'app.js'), 'export const add = (a, b) => a + b;\n');
    fs.writeFileSync(path.join(repo.dir, 'new.txt'), 'untracked but wanted\n');
    fs.mkdirSync(path.join(repo.dir, 'node_modules'));
    fs.writeFileSync(path.join(repo.dir, 'node_modules', 'junk.js'), 'ignored\n');
    const statusBefore = repo.git('status', '--porcelain').trim();

    const { sha } = await commitBestState({
      root: repo.dir,
      branch: 'greenloop/42',
      message: 'fix: make add add\u0007\n\nDetails here.',
      parentRef: 'HEAD',
    });

    expect(repo.git('rev-parse', 'refs/heads/greenloop/42').trim()).toBe(sha);
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(headBefore);
    expect(repo.git('status', '--porcelain').trim()).toBe(statusBefore);
    expect(repo.git('log', '-1', '--format=%an <%ae>|%cn|%P|%B', sha).trim()).toBe(
      `${DEFAULT_AUTHOR.name} <${DEFAULT_AUTHOR.email}>|${DEFAULT_AUTHOR.name}|${headBefore}|fix: make add add\n\nDetails here.`,
    );
    expect(repo.git('ls-tree', '-r', '--name-only', sha).trim().split('\n').sort()).toEqual([
      '.gitignore',
      'app.js',
      'new.txt',
    ]);
    expect(repo.git('show', `${sha}:app.js`).trim()).toBe('export const add = (a, b) => a + b;');

    const pushed = await pushBranch({
      root: repo.dir,
      remote: 'origin',
      branch: 'greenloop/42',
      token: 'ghs_secretvalue',
      defaultBranch: 'main',
      serverUrl: 'https://github.com',
    });
    expect(pushed).toEqual({ ok: true });
    expect(repo.remoteGit('rev-parse', 'refs/heads/greenloop/42').trim()).toBe(sha);
    expect(repo.remoteGit('rev-parse', 'refs/heads/main').trim()).toBe(headBefore);

    const config = fs.readFileSync(path.join(repo.dir, '.git', 'config'), 'utf8');
    expect(config).not.toContain('ghs_secretvalue');
    expect(config).not.toContain('extraheader');
    expect(config).not.toContain(basicAuthHeader('ghs_secretvalue').split(' ').pop());
    expect(fs.existsSync(repo.hookMarker)).toBe(false);
    // The hooks are live: plain git runs them.
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'control').trim();
    expect(fs.readFileSync(repo.hookMarker, 'utf8')).toContain('pre-commit');
  });

  it('commits what is on disk, not what is staged, and drops deleted files', async () => {
    fs.writeFileSync(path.join(repo.dir, 'staged.txt'), 'staged version\n');
    repo.git('add', 'staged.txt').trim();
    fs.writeFileSync(path.join(repo.dir, 'staged.txt'), 'disk version\n');
    fs.rmSync(path.join(repo.dir, 'app.js'));
    const indexBefore = repo.git('diff', '--cached', '--name-status').trim();
    const { sha } = await commitBestState({
      root: repo.dir,
      branch: 'gl/disk',
      message: 'x',
      parentRef: 'HEAD',
    });
    expect(repo.git('ls-tree', '-r', '--name-only', sha).trim().split('\n').sort()).toEqual([
      '.gitignore',
      'staged.txt',
    ]);
    expect(repo.git('show', `${sha}:staged.txt`).trim()).toBe('disk version');
    expect(repo.git('diff', '--cached', '--name-status').trim()).toBe(indexBefore);
  });

  it('commits a given tree object on top of the parent', async () => {
    fs.writeFileSync(path.join(repo.dir, 'app.js'), 'best state\n');
    repo.git('add', 'app.js').trim();
    const tree = repo.git('write-tree').trim();
    repo.git('reset', '--quiet', '--hard').trim();
    const { sha } = await commitBestState({
      root: repo.dir,
      tree,
      branch: 'out',
      message: 'best',
      author: { name: 'Bot', email: 'bot@example.com' },
      parentRef: 'main',
    });
    expect(repo.git('show', `${sha}:app.js`).trim()).toBe('best state');
    expect(repo.git('log', '-1', '--format=%ae', sha).trim()).toBe('bot@example.com');
    expect(fs.readFileSync(path.join(repo.dir, 'app.js'), 'utf8')).toContain('a - b');
  });

  it('refuses a branch that is checked out, and an invalid name', async () => {
    await expect(
      commitBestState({ root: repo.dir, branch: 'main', message: 'x', parentRef: 'HEAD' }),
    ).rejects.toThrow(/checked out/);
    await expect(
      commitBestState({ root: repo.dir, branch: 'bad..name', message: 'x', parentRef: 'HEAD' }),
    ).rejects.toThrow(/not a valid branch name/);
    expect(await isValidBranchName(repo.dir, 'ok/name')).toBe(true);
    expect(await isValidBranchName(repo.dir, '-f')).toBe(false);
  });

  describe('push refusals', () => {
    beforeEach(async () => {
      fs.writeFileSync(path.join(repo.dir, 'app.js'), 'changed\n');
      await commitBestState({
        root: repo.dir,
        branch: 'release/1',
        message: 'x',
        parentRef: 'HEAD',
      });
    });
    const base = (): Parameters<typeof pushBranch>[0] => ({
      root: repo.dir,
      remote: 'origin',
      branch: 'release/1',
      defaultBranch: 'main',
      serverUrl: 'https://github.com',
    });

    it('refuses the default branch', async () => {
      const result = await pushBranch({ ...base(), branch: 'main' });
      expect(result).toEqual({
        ok: false,
        error: "refused to push to the default branch 'main'; set a different output branch",
      });
      expect(repo.remoteGit('rev-parse', 'main').trim()).toBe(repo.git('rev-parse', 'main').trim());
    });

    it('refuses a protected branch glob', async () => {
      const result = await pushBranch({ ...base(), protectedBranches: ['release/*'] });
      expect(result).toEqual({
        ok: false,
        error: "refused to push to protected branch 'release/1'",
      });
    });

    it('refuses an invalid name and a missing branch', async () => {
      expect(await pushBranch({ ...base(), branch: 'a b' })).toMatchObject({
        ok: false,
        error: expect.stringContaining('not a valid branch name') as unknown,
      });
      expect(await pushBranch({ ...base(), branch: 'nope' })).toMatchObject({
        ok: false,
        error: expect.stringContaining("local branch 'nope' does not exist") as unknown,
      });
    });

    it('refuses when the config fingerprint changed', async () => {
      const result = await pushBranch({
        ...base(),
        expectedFingerprint: 'before',
        fingerprint: () => Promise.resolve('after'),
      });
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringContaining('git config changed') as unknown,
      });
      const same = await pushBranch({
        ...base(),
        expectedFingerprint: 'same',
        fingerprint: () => Promise.resolve('same'),
      });
      expect(same).toEqual({ ok: true });
    });
  });

  it('sends the token only to the server URL, for that push only, and redacts it', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization ?? '(none)');
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('denied to x-access-token');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      repo.git('remote', 'set-url', 'origin', `${url}/octo/proj.git`).trim();
      await commitBestState({ root: repo.dir, branch: 'gl', message: 'x', parentRef: 'HEAD' });
      const token = 'ghs_abcdef123456';
      const result = await pushBranch({
        root: repo.dir,
        remote: 'origin',
        branch: 'gl',
        token,
        defaultBranch: 'main',
        serverUrl: url,
      });
      expect(result.ok).toBe(false);
      const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
      expect(seen).toContain(expected);
      if (!result.ok) {
        expect(result.error).toMatch(/^git push to 'gl' failed: /);
        expect(result.error).not.toContain(token);
      }

      seen.length = 0;
      await pushBranch({
        root: repo.dir,
        remote: 'origin',
        branch: 'gl',
        token,
        defaultBranch: 'main',
        serverUrl: 'https://github.com',
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((h) => h === '(none)')).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
