/**
 * The hardened invocation of every git call: which git runs, which config it
 * reads, how it reads paths, what it hashes, which credentials it leaves where.
 * Each case plants what a hostile model (or a hostile earlier step) could
 * plant, then asserts the concrete outcome: no canary file written, the
 * credential gone and back, the remote branch untouched.
 */
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commitBestState,
  createGit,
  GitSetupError,
  MAX_FILE_BYTES,
  pushBranch,
} from '../../src/workspace/git.js';

let dir: string;
let home: string;
const savedEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

function sh(args: string[], cwd = dir): string {
  return execFileSync('/usr/bin/git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: '/usr/bin:/bin',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  }).trim();
}

function write(file: string, content: string | Buffer, mode?: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (mode !== undefined) fs.chmodSync(file, mode);
}

/** A script that leaves `marker` behind, then behaves like `then`. */
function plant(file: string, marker: string, then: string): void {
  write(file, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n${then}\n`, 0o755);
}

beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-hard-')));
  home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-home-')));
  sh(['init', '-q', '-b', 'main']);
  write(path.join(dir, 'a.txt'), 'one\n');
  sh(['add', '-A']);
  sh(['commit', '-q', '-m', 'init']);
});
afterEach(() => {
  process.env.PATH = savedEnv.PATH;
  process.env.HOME = savedEnv.HOME;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

/** PATH and HOME as a run would see them, in this process too (where older code looked). */
function useEnv(env: { PATH: string; HOME: string }): NodeJS.ProcessEnv {
  process.env.PATH = env.PATH;
  process.env.HOME = env.HOME;
  return { ...process.env, ...env };
}

describe('which git runs', () => {
  it('never a git planted in the workspace or a home cache on PATH', async () => {
    const marker = path.join(home, 'planted-git-ran');
    for (const bin of [path.join(dir, '.venv', 'bin'), path.join(home, '.cache', 'bin')]) {
      plant(path.join(bin, 'git'), marker, 'exec /usr/bin/git "$@"');
    }
    const env = useEnv({
      PATH: `${dir}/.venv/bin:${home}/.cache/bin:${savedEnv.PATH ?? '/usr/bin'}`,
      HOME: home,
    });
    const git = createGit(dir, { env });
    write(path.join(dir, 'b.txt'), 'two\n');
    await git.snapshot();
    await commitBestState({ root: dir, branch: 'gl', message: 'x', parentRef: 'HEAD' });
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('refuses a git older than 2.32 in one clear line', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-oldgit-'));
    try {
      write(path.join(bin, 'git'), '#!/bin/sh\necho "git version 2.30.1"\n', 0o755);
      const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: home };
      let error: unknown;
      try {
        createGit(dir, { env });
      } catch (caught) {
        error = caught;
      }
      expect(GitSetupError.isGitSetupError(error)).toBe(true);
      const message = error instanceof Error ? error.message : '';
      expect(message).toMatch(/^greenloop needs git 2\.32 or later, found 'git version 2\.30\.1'/);
      expect(message).not.toContain('\n');
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('which config applies', () => {
  it('no global filter, fsmonitor or hooksPath runs inside greenloop’s own git calls', async () => {
    const marker = path.join(home, 'global-config-ran');
    plant(path.join(home, 'bin', 'evil'), marker, 'cat');
    fs.mkdirSync(path.join(home, 'hooks'));
    plant(path.join(home, 'hooks', 'reference-transaction'), marker, 'true');
    write(
      path.join(home, '.gitconfig'),
      [
        '[filter "lfs"]',
        `\tclean = ${home}/bin/evil clean %f`,
        `\tsmudge = ${home}/bin/evil smudge %f`,
        '\trequired = true',
        '[core]',
        `\tfsmonitor = ${home}/bin/evil`,
        `\thooksPath = ${home}/hooks`,
        '[alias]',
        `\twrite-tree = !${home}/bin/evil`,
      ].join('\n'),
    );
    write(path.join(dir, '.gitattributes'), '* filter=lfs\n');
    const env = useEnv({ PATH: savedEnv.PATH ?? '/usr/bin:/bin', HOME: home });
    const git = createGit(dir, { env });
    write(path.join(dir, 'a.txt'), 'changed\n');
    const tree = await git.snapshot();
    await commitBestState({ root: dir, tree, branch: 'gl', message: 'x', parentRef: 'HEAD' });
    expect(fs.existsSync(marker)).toBe(false);
    expect(sh(['show', `${tree}:a.txt`])).toBe('changed');
  });

  it('keeps the user’s global ignore file (it can only hide files)', async () => {
    write(path.join(home, '.gitconfig'), `[core]\n\texcludesFile = ~/global-ignore\n`);
    write(path.join(home, 'global-ignore'), '.idea/\n');
    write(path.join(dir, '.idea', 'workspace.xml'), '<x/>\n');
    write(path.join(dir, 'kept.txt'), 'kept\n');
    const git = createGit(dir, { env: { ...process.env, HOME: home } });
    const tree = await git.snapshot();
    expect(sh(['ls-tree', '-r', '--name-only', tree]).split('\n')).toEqual(['a.txt', 'kept.txt']);
    expect(await git.isDirty()).toBe(true);
    fs.rmSync(path.join(dir, 'kept.txt'));
    expect(await git.isDirty()).toBe(false);
  });

  it('fingerprints submodule and worktree configs, and includes', async () => {
    const git = createGit(dir);
    const sub = path.join(dir, '.git', 'modules', 'lib', 'config');
    write(sub, '[core]\n\tbare = false\n');
    const before = await git.configFingerprint();
    fs.appendFileSync(sub, '[core]\n\tsshCommand = evil\n');
    const afterSub = await git.configFingerprint();
    expect(afterSub).not.toBe(before);
    write(path.join(dir, '.git', 'config.worktree'), '[core]\n\tfsmonitor = evil\n');
    expect(await git.configFingerprint()).not.toBe(afterSub);
  });
});

describe('paths are literal', () => {
  it('finds `:`-paths in a tree as files, not pathspec magic', async () => {
    const git = createGit(dir);
    fs.symlinkSync('/etc/passwd', path.join(dir, ':link'));
    write(path.join(dir, ':big.txt'), 'big\n');
    const tree = await git.snapshot();
    const entries = await git.listTree(tree, [':link', ':big.txt']);
    expect(entries.get(':link')).toMatchObject({ mode: '120000', target: '/etc/passwd' });
    expect(entries.get(':big.txt')).toMatchObject({ mode: '100644', size: 4 });
  });
});

describe('snapshots never hash a file over the size limit', () => {
  it('leaves untracked and grown files out, lists them once, and keeps them on disk', async () => {
    const lines: string[] = [];
    const git = createGit(dir, { log: (line) => lines.push(line) });
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 7);
    write(path.join(dir, 'big.bin'), big);
    write(path.join(dir, 'a.txt'), big);
    write(path.join(dir, 'small.txt'), 'small\n');
    const tree = await git.snapshot();
    await git.snapshot();
    expect(sh(['ls-tree', '-r', '--name-only', tree]).split('\n').sort()).toEqual([
      'a.txt',
      'small.txt',
    ]);
    expect(sh(['show', `${tree}:a.txt`])).toBe('one');
    const blob = sh(['hash-object', '--no-filters', 'big.bin']);
    expect(() => sh(['cat-file', '-e', blob])).toThrow();
    expect(lines.filter((l) => l.includes('big.bin'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('a.txt'))).toHaveLength(1);
    expect(fs.statSync(path.join(dir, 'big.bin')).size).toBe(big.length);
  });
});

describe('credentials in submodule configs', () => {
  it('are removed for the run and restored afterwards', async () => {
    const header = 'AUTHORIZATION: basic c3VibW9kdWxlLXRva2Vu';
    const key = 'http.https://github.com/.extraheader';
    const files = [
      path.join(dir, '.git', 'config'),
      path.join(dir, '.git', 'modules', 'lib', 'config'),
      path.join(dir, '.git', 'modules', 'lib', 'modules', 'deep', 'config'),
    ];
    for (const file of files) {
      if (!fs.existsSync(file)) write(file, '[core]\n\tbare = false\n');
      sh(['config', '--file', file, key, header]);
    }
    const originals = files.map((f) => fs.readFileSync(f, 'utf8'));
    const git = createGit(dir);
    const removed = await git.removePersistedCredentials();
    expect(removed).toHaveLength(3);
    for (const file of files) expect(fs.readFileSync(file, 'utf8')).not.toContain(header);
    await git.restorePersistedCredentials();
    for (const file of files) {
      expect(sh(['config', '--file', file, '--get-all', key])).toBe(header);
    }
    expect(files.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(originals);
  });
});

describe('credentials in the file actions/checkout v6 includes', () => {
  it('are removed for the run and restored afterwards, the include left as it was', async () => {
    // checkout v6 writes the header into a file under RUNNER_TEMP and includes it by gitdir.
    const runnerTemp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-runner-')));
    try {
      const credentials = path.join(runnerTemp, 'git-credentials-0d5a.config');
      const key = 'http.https://github.com/.extraheader';
      const header = 'AUTHORIZATION: basic djYtdG9rZW4=';
      sh(['config', '--file', credentials, key, header]);
      sh(['config', '--local', `includeIf.gitdir:${path.join(dir, '.git')}.path`, credentials]);
      const before = ['config', 'credentials'].map((f) =>
        fs.readFileSync(f === 'config' ? path.join(dir, '.git', 'config') : credentials, 'utf8'),
      );
      expect(sh(['config', '--includes', '--get', key])).toBe(header);

      const git = createGit(dir);
      expect(await git.removePersistedCredentials()).toEqual([`${credentials}: ${key}`]);
      expect(() => sh(['config', '--includes', '--get', key])).toThrow();
      await git.restorePersistedCredentials();
      expect(sh(['config', '--includes', '--get', key])).toBe(header);
      expect(fs.readFileSync(path.join(dir, '.git', 'config'), 'utf8')).toBe(before[0]);
      expect(fs.readFileSync(credentials, 'utf8')).toBe(before[1]);
    } finally {
      fs.rmSync(runnerTemp, { recursive: true, force: true });
    }
  });
});

describe('push with a lease', () => {
  let remote: string;
  beforeEach(() => {
    remote = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-remote-')));
    sh(['init', '-q', '--bare', '-b', 'main'], remote);
    sh(['remote', 'add', 'origin', remote]);
    sh(['push', '-q', 'origin', 'main']);
    // Yesterday's run, and a commit a person added on top of it.
    sh(['push', '-q', 'origin', 'main:refs/heads/greenloop/nightly']);
  });
  afterEach(() => fs.rmSync(remote, { recursive: true, force: true }));

  const push = (lease?: string) =>
    pushBranch({
      root: dir,
      remote: 'origin',
      branch: 'greenloop/nightly',
      defaultBranch: 'main',
      serverUrl: 'https://github.com',
      ...(lease !== undefined ? { lease } : {}),
    });

  it('never wipes commits pushed to a fixed branch after the tip was read', async () => {
    const git = createGit(dir);
    const tip = await git.tryRemoteTip('greenloop/nightly', { token: '', serverUrl: '' });
    expect(tip).toBe(sh(['rev-parse', 'main']));
    expect(await git.tryRemoteTip('greenloop/absent', { token: '', serverUrl: '' })).toBe('');

    // A person adds a commit while greenloop runs.
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-clone-'));
    try {
      sh(['clone', '-q', '-b', 'greenloop/nightly', remote, clone], os.tmpdir());
      sh(['commit', '-q', '--allow-empty', '-m', 'human work'], clone);
      sh(['push', '-q', 'origin', 'greenloop/nightly'], clone);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
    const human = sh(['rev-parse', 'refs/heads/greenloop/nightly'], remote);

    write(path.join(dir, 'a.txt'), 'fixed\n');
    await commitBestState({
      root: dir,
      branch: 'greenloop/nightly',
      message: 'x',
      parentRef: 'HEAD',
    });
    const leased = await push(tip);
    expect(leased.ok).toBe(false);
    const plain = await push();
    expect(plain.ok).toBe(false);
    expect(sh(['rev-parse', 'refs/heads/greenloop/nightly'], remote)).toBe(human);

    // With the tip as it is now, the branch is replaced.
    expect(await push(human)).toEqual({ ok: true });
    expect(sh(['rev-parse', 'refs/heads/greenloop/nightly'], remote)).toBe(
      sh(['rev-parse', 'refs/heads/greenloop/nightly']),
    );
  });
});

describe('network settings', () => {
  it('a push or lease read goes through the runner’s proxy', async () => {
    const connects: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req, socket) => {
      connects.push(req.url ?? '');
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      sh(['remote', 'add', 'origin', 'https://github.invalid/octo/proj.git']);
      const port = (proxy.address() as AddressInfo).port;
      const git = createGit(dir, {
        env: { ...process.env, HTTPS_PROXY: `http://127.0.0.1:${port}` },
      });
      const tip = await git.tryRemoteTip('main', {
        token: 't',
        serverUrl: 'https://github.invalid',
      });
      expect(tip).toBeUndefined();
      expect(connects).toContain('github.invalid:443');
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});

/**
 * A smart-HTTP git server (git http-backend behind node:http) that answers 401 unless the
 * request carries `Authorization: basic <x-access-token:token>`, as github.com does for a
 * private repository.
 */
async function privateGitServer(
  root: string,
  token: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    if ((req.headers.authorization ?? '').toLowerCase() !== expected.toLowerCase()) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cgi = spawn('/usr/lib/git-core/git-http-backend', [], {
      env: {
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    cgi.on('close', () => {
      const out = Buffer.concat(chunks);
      const split = out.indexOf('\r\n\r\n');
      const head = out.subarray(0, split).toString('utf8').split('\r\n');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head) {
        const [name = '', ...rest] = line.split(':');
        if (name.toLowerCase() === 'status') status = Number.parseInt(rest.join(':').trim(), 10);
        else if (name !== '') headers[name] = rest.join(':').trim();
      }
      res.writeHead(status, headers);
      res.end(out.subarray(split + 4));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the pull request head of a private repository', () => {
  it('is fetched with the token when the checkout kept no credentials (persist-credentials: false)', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-private-')));
    const server = await privateGitServer(root, 'ghs_pr_head_token');
    try {
      // The PR head exists on the server only.
      sh(['clone', '-q', '--bare', dir, path.join(root, 'demo.git')], os.tmpdir());
      const work = path.join(root, 'work');
      sh(['clone', '-q', dir, work], os.tmpdir());
      sh(['commit', '-q', '--allow-empty', '-m', 'pr head'], work);
      const head = sh(['rev-parse', 'HEAD'], work);
      sh(['push', '-q', path.join(root, 'demo.git'), `HEAD:refs/heads/feature`], work);
      sh(['remote', 'add', 'origin', `${server.url}/demo.git`]);

      const git = createGit(dir);
      expect(await git.tryCheckoutCommit(head)).toBe(false);
      expect(await git.tryCheckoutCommit(head, { token: 'wrong', serverUrl: server.url })).toBe(
        false,
      );
      expect(
        await git.tryCheckoutCommit(head, { token: 'ghs_pr_head_token', serverUrl: server.url }),
      ).toBe(true);
      expect(await git.tryHead()).toBe(head);
      // The token was used for that one fetch: nothing of it is left in the repository's config.
      expect(fs.readFileSync(path.join(dir, '.git', 'config'), 'utf8')).not.toContain('basic');
    } finally {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
