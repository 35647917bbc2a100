import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubEnv } from '../../src/workspace/env.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import type { ProcessRequest, ProcessRunner } from '../../src/workspace/types.js';

const posix = process.platform !== 'win32';
let ws: string;
let runner: ProcessRunner;
const env = scrubEnv(process.env);

function req(
  command: ProcessRequest['command'],
  extra: Partial<ProcessRequest> = {},
): ProcessRequest {
  return { command, cwd: ws, timeoutMs: 10_000, env, ...extra };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie waiting for a reaper is dead for our purpose.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function waitGone(pids: number[], ms = 3000): Promise<number[]> {
  const end = Date.now() + ms;
  let left = pids;
  while (Date.now() < end) {
    left = left.filter(alive);
    if (left.length === 0) return [];
    await new Promise((r) => setTimeout(r, 50));
  }
  return left.filter(alive);
}

beforeAll(async () => {
  ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-')));
  runner = await createProcessRunner({ sandbox: 'none', workspace: ws, killGraceMs: 300 });
});
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

describe.skipIf(!posix)('createProcessRunner (no sandbox)', () => {
  it('reports the sandbox mode and runs script strings and argv', async () => {
    expect(runner.sandbox.mode).toBe('none');
    const a = await runner.run(req('echo "$((1+2))"; echo err >&2; exit 3'));
    expect(a).toMatchObject({ exitCode: 3, stdout: '3\n', stderr: 'err\n', timedOut: false });
    expect(a.output).toContain('3\n');
    expect(a.sandboxed).toBe(false);
    const b = await runner.run(req(['printf', '%s|', 'a b', '$HOME']));
    expect(b).toMatchObject({ exitCode: 0, stdout: 'a b|$HOME|' });
  });

  it('turns spawn errors into exit code 127', async () => {
    const r = await runner.run(req(['definitely-not-a-command-gl']));
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toMatch(/ENOENT/);
    const c = await runner.run(req('true', { cwd: path.join(ws, 'missing') }));
    expect(c.exitCode).toBe(127);
    expect(c.stderr).toMatch(/working directory does not exist/);
  });

  it('closes stdin', async () => {
    const r = await runner.run(req('cat; echo "read:$?"', { timeoutMs: 5000 }));
    expect(r).toMatchObject({ exitCode: 0, stdout: 'read:0\n', timedOut: false });
  });

  it('kills the whole group, grandchildren included, on timeout', async () => {
    const pidFile = path.join(ws, 'pids');
    const started = Date.now();

    const r = await runner.run(
      req(`sleep 100 & echo $! > ${pidFile}; sh -c 'echo $$ >> ${pidFile}; sleep 100'`, {
        timeoutMs: 300,
      }),
    );
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(8000);
    const pids = fs.readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(2);
    expect(await waitGone(pids)).toEqual([]);
  });

  it('SIGKILLs a command that ignores SIGTERM after the grace', async () => {
    const r = await runner.run(
      req(`trap '' TERM; while :; do sleep 0.05; done`, { timeoutMs: 200 }),
    );
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
  });

  it('kills a background daemon that outlived its command', async () => {
    const pidFile = path.join(ws, 'daemon');
    const r = await runner.run(
      req(`(sleep 100 >/dev/null 2>&1 &) ; sleep 100 >/dev/null 2>&1 & echo $! > ${pidFile}`),
    );
    expect(r.exitCode).toBe(0);
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    expect(await waitGone([pid])).toEqual([]);
  });

  it('does not wait for pipes held by a daemon', async () => {
    const started = Date.now();
    const r = await runner.run(req('sleep 100 & echo done'));
    expect(r.stdout).toBe('done\n');
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('aborts through the signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const r = await runner.run(req('sleep 100', { signal: controller.signal }));
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe('SIGTERM');
    expect(r.durationMs).toBeLessThan(8000);
  });

  it('streams 100 MB without buffering it and honours the file cap', async () => {
    const outputFile = path.join(ws, 'out', 'log.txt');
    const r = await runner.run(
      req(`head -c 100000000 /dev/zero | tr '\\0' x; echo; echo END`, {
        outputFile,
        maxFileBytes: 1_000_000,
        captureBytes: 1024,
        timeoutMs: 30_000,
      }),
    );
    expect(r.exitCode).toBe(0);
    expect(r.totalBytes).toBe(100_000_005);
    expect(r.stdout.length).toBeLessThan(3000);
    expect(r.stdout).toMatch(/^x{1024}\n\[\.\.\. 99997957 bytes cut \.\.\.\]\nx+\nEND\n$/);
    expect(r.output).toBe(r.stdout);
    const file = fs.readFileSync(outputFile, 'utf8');
    expect(file.length).toBeLessThan(1_000_200);
    expect(file.startsWith('x'.repeat(1000))).toBe(true);
    expect(file).toMatch(/\[output truncated: 99000005 more bytes not written to this file\]\n$/);
  });

  it('writes the whole output to the file when under the cap', async () => {
    const outputFile = path.join(ws, 'small.txt');
    const r = await runner.run(req('echo one; echo two >&2; echo three', { outputFile }));
    expect(r.exitCode).toBe(0);
    expect(fs.readFileSync(outputFile, 'utf8').split('\n').sort()).toEqual([
      '',
      'one',
      'three',
      'two',
    ]);
  });

  it('passes only the scrubbed environment', async () => {
    const saved = { ...process.env };
    process.env['GITHUB_TOKEN'] = 'canary-gh';
    process.env['OPENAI_API_KEY'] = 'canary-openai';
    process.env['INPUT_API-KEY'] = 'canary-input';
    try {
      const r = await runner.run(req(['env'], { env: scrubEnv(process.env) }));
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toMatch(/canary/);
      expect(r.stdout).toMatch(/^CI=true$/m);
      expect(r.stdout).toMatch(/^PATH=/m);
    } finally {
      for (const k of ['GITHUB_TOKEN', 'OPENAI_API_KEY', 'INPUT_API-KEY']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});
