/**
 * The sandbox holds as root (CI runs as root, and so do container jobs and many
 * self-hosted runners) and as an unprivileged user: a hostile command cannot
 * remount the read-only system, unmount what hides secrets, make device nodes,
 * append to the runner's file commands (`GITHUB_ENV`, `GITHUB_OUTPUT`), read
 * hidden files, or fork without limit.
 *
 * bubblewrap started by uid 0 keeps every capability unless told
 * `--cap-drop ALL`, and the kernel never applies RLIMIT_NPROC to uid 0
 * (setrlimit(2)), so as root the process limit must come from a pids cgroup.
 * The unprivileged half runs the same attacks as a user made with `useradd`
 * (skipped with a message when this process is not root or useradd is missing).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubEnv } from '../../src/workspace/env.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import { bwrapArgs, isolationFor, sandboxArgv } from '../../src/workspace/sandbox.js';
import type { ProcessRunner } from '../../src/workspace/types.js';
import { bwrapUnavailable } from './harness.js';

const CANARY = 'canary-hidden-file-R8t2Mv5Kq9Wz';
const skipBwrap = await bwrapUnavailable();
const isRoot = process.getuid?.() === 0;
if (skipBwrap) console.warn(`isolation suite skipped: ${skipBwrap}`);
if (!skipBwrap && !isRoot) console.warn('isolation suite: root half skipped (not running as root)');

/** A layout like a runner's: workspace, home with credentials, RUNNER_TEMP, file commands. */
interface Layout {
  readonly base: string;
  readonly ws: string;
  readonly home: string;
  readonly runnerTemp: string;
  /** Outside /tmp (which the sandbox replaces anyway), so only the hiding protects it. */
  readonly fileCommands: string;
  readonly githubEnv: string;
  readonly githubOutput: string;
  remove(): void;
}

function makeLayout(owner?: { uid: number; gid: number }): Layout {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-iso-')));
  const ws = path.join(base, 'ws');
  const home = path.join(base, 'home');
  const runnerTemp = path.join(base, 'runner-temp');
  fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.git', 'config'), '[core]\n');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, '.git-credentials'), `https://x:${CANARY}@github.com\n`);
  fs.mkdirSync(runnerTemp);
  fs.writeFileSync(path.join(runnerTemp, 'credentials.json'), CANARY);
  const outsideTmp = fs.existsSync('/var/tmp') ? '/var/tmp' : os.homedir();
  const fileCommands = fs.mkdtempSync(path.join(outsideTmp, 'gl-file-commands-'));
  const githubEnv = path.join(fileCommands, 'set_env_1');
  const githubOutput = path.join(fileCommands, 'set_output_1');
  fs.writeFileSync(githubEnv, '');
  fs.writeFileSync(githubOutput, '');
  if (owner) {
    for (const p of [
      base,
      ws,
      path.join(ws, '.git'),
      home,
      fileCommands,
      githubEnv,
      githubOutput,
    ]) {
      fs.chownSync(p, owner.uid, owner.gid);
    }
    fs.chmodSync(base, 0o755);
  }
  return {
    base,
    ws,
    home,
    runnerTemp,
    fileCommands,
    githubEnv,
    githubOutput,
    remove() {
      fs.rmSync(base, { recursive: true, force: true });
      fs.rmSync(fileCommands, { recursive: true, force: true });
    },
  };
}

/** Each attack prints a marker when it succeeds; the last line counts the processes it could start. */
function attacks(layout: Layout): string {
  const tag = `gl-iso-${process.pid}`;
  return [
    'grep CapEff /proc/self/status',
    `mount -o remount,rw / 2>/dev/null && echo REMOUNTED`,
    `touch /usr/${tag} 2>/dev/null && echo WROTE-SYSTEM`,
    `umount ${layout.runnerTemp} 2>/dev/null && echo UNMOUNTED`,
    `umount ${layout.home}/.git-credentials 2>/dev/null && echo UNMOUNTED`,
    `cat ${layout.runnerTemp}/credentials.json ${layout.home}/.git-credentials 2>/dev/null`,
    // Root keeps the owner's permission on root-only files: they are hidden instead.
    'grep -c "^root:" /etc/shadow 2>/dev/null && echo READ-SHADOW',
    `mknod ${layout.ws}/gl-disk b 8 0 2>/dev/null && echo MKNOD`,
    `mount -o remount,rw,bind ${layout.fileCommands} 2>/dev/null`,
    `umount ${layout.githubEnv} ${layout.githubOutput} 2>/dev/null`,
    `echo PWNED=1 >> ${layout.githubEnv} 2>/dev/null && echo WROTE-ENV`,
    `echo pwned=1 >> ${layout.githubOutput} 2>/dev/null && echo WROTE-OUTPUT`,
    'echo x > ws-still-writable && echo WS-WRITABLE',
    // Fork until refused; the subshell dies at the first refusal, its children stay.
    '(i=0; while [ $i -lt 200 ]; do sleep 30 & i=$((i+1)); done) 2>/dev/null',
    'set -- /proc/[0-9]*; echo "PROCS=$#"',
  ].join('\n');
}

/** What every variant must show after running `attacks`. */
function expectHeld(layout: Layout, output: string, maxProcesses: number): void {
  expect(output).toMatch(/CapEff:\s+0+\n/);
  expect(output).toContain('WS-WRITABLE'); // the commands did run
  for (const marker of [
    'REMOUNTED',
    'WROTE-SYSTEM',
    'UNMOUNTED',
    'MKNOD',
    'WROTE-ENV',
    'WROTE-OUTPUT',
    'READ-SHADOW',
    CANARY,
  ]) {
    expect(output).not.toContain(marker);
  }
  expect(fs.existsSync(`/usr/gl-iso-${process.pid}`)).toBe(false);
  expect(fs.existsSync(path.join(layout.ws, 'gl-disk'))).toBe(false);
  expect(fs.readFileSync(layout.githubEnv, 'utf8')).toBe('');
  expect(fs.readFileSync(layout.githubOutput, 'utf8')).toBe('');
  const procs = Number(/PROCS=(\d+)/.exec(output)?.[1] ?? 'NaN');
  expect(procs).toBeGreaterThan(1);
  expect(procs).toBeLessThanOrEqual(maxProcesses);
}

const MAX_PROCESSES = 40;

describe.skipIf(skipBwrap !== undefined || !isRoot)('the sandbox as root', () => {
  let layout: Layout;
  let runner: ProcessRunner;

  beforeAll(async () => {
    layout = makeLayout();
    runner = await createProcessRunner({
      sandbox: 'bwrap',
      workspace: layout.ws,
      env: {
        ...process.env,
        RUNNER_TEMP: layout.runnerTemp,
        GITHUB_ENV: layout.githubEnv,
        GITHUB_OUTPUT: layout.githubOutput,
      },
      maxProcesses: MAX_PROCESSES,
      killGraceMs: 300,
    });
  });
  afterAll(() => layout.remove());

  it('says in the log which isolation it got', () => {
    expect(runner.sandbox.mode).toBe('bwrap');
    expect(runner.sandbox.reason).toMatch(/as root: all capabilities dropped/);
    expect(runner.sandbox.reason).toMatch(/process limit: a pids cgroup|NO process limit/);
  });

  it('no remount, umount, mknod, file-command write, hidden file read; processes limited', async () => {
    const result = await runner.run({
      command: attacks(layout),
      cwd: layout.ws,
      timeoutMs: 30_000,
      env: scrubEnv({ ...process.env, HOME: layout.home }),
    });
    expect(runner.sandbox.reason).not.toContain('NO process limit');
    expectHeld(layout, result.output, MAX_PROCESSES);
  }, 60_000);
});

const hasUseradd =
  spawnSync('sh', ['-c', 'command -v useradd && command -v userdel'], { stdio: 'ignore' })
    .status === 0;
if (!skipBwrap && isRoot && !hasUseradd) {
  console.warn('isolation suite: unprivileged half skipped (useradd not found)');
}

describe.skipIf(skipBwrap !== undefined || !isRoot || !hasUseradd)(
  'the sandbox as an unprivileged user (made with useradd)',
  () => {
    const user = `glsb${process.pid % 100000}`;
    let uid = 0;
    let gid = 0;
    let layout: Layout;

    beforeAll(() => {
      execFileSync('useradd', ['-M', '-s', '/usr/sbin/nologin', user]);
      uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
      gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
      layout = makeLayout({ uid, gid });
    });
    afterAll(() => {
      layout?.remove();
      spawnSync('userdel', [user]);
    });

    it('no capabilities, remount, umount, mknod, file-command write, hidden file read; processes limited', async () => {
      const isolation = isolationFor(uid);
      expect(isolation.description).toMatch(/in a user namespace: no capabilities/);
      expect(isolation.limit.kind).toBe('rlimit');
      const args = bwrapArgs({
        workspace: layout.ws,
        cwd: layout.ws,
        homes: [layout.home],
        hiddenDirs: [layout.runnerTemp],
        hiddenPaths: [layout.githubEnv, layout.githubOutput],
      });
      const bwrap = execFileSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).trim();
      const argv = sandboxArgv(
        bwrap,
        isolation,
        args,
        ['/bin/sh', '-c', attacks(layout)],
        MAX_PROCESSES,
      );
      const child = spawn(argv[0]!, argv.slice(1), {
        uid,
        gid,
        cwd: layout.ws,
        env: scrubEnv({ ...process.env, HOME: layout.home, USER: user }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise((resolve) => child.on('close', resolve));
      expectHeld(layout, output, MAX_PROCESSES);
    }, 60_000);
  },
);
