/**
 * Ctrl-C in the CLI (issue 18): during the baseline the test command's process group dies, the
 * report is written, the temp folder is removed, and the exit code is 130. A run that stops before
 * writing anything leaves no empty output folder. Runs `node dist/cli/index.js` (build first).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../fakes/openai-server.js';

import { distFile } from '../helpers/dist.js';
import { createRepo, SUM_PROJECT } from '../helpers/repo.js';
import { ended, hangingTests, pidsFrom } from '../helpers/processes.js';

const CLI = await distFile('cli/index.js');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function cliEnv(tmpdir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(OPENAI_|GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, CI: 'true', NO_COLOR: '1', TMPDIR: tmpdir };
}

function startCli(args: readonly string[], cwd: string, tmpdir: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: cliEnv(tmpdir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, done };
}

function setup(): { repo: ReturnType<typeof createRepo>; tmp: string; tmpdir: string } {
  const repo = createRepo(SUM_PROJECT);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gl-cli-cancel-'));
  const tmpdir = path.join(tmp, 'tmpdir');
  mkdirSync(tmpdir);
  cleanups.push(() => {
    repo.remove();
    rmSync(tmp, { recursive: true, force: true });
  });
  return { repo, tmp, tmpdir };
}

describe('Ctrl-C in the CLI', () => {
  it('during the baseline: kills the test command, writes the report, removes its temp folder, exits 130', async () => {
    const { repo, tmp, tmpdir } = setup();
    const fake = await startFakeOpenAI([]);
    cleanups.push(() => fake.close());
    const pidFile = path.join(tmp, 'pids');
    const { child, done } = startCli(
      [
        'run',
        '--test-command',
        hangingTests(pidFile),
        '--sandbox',
        'none',
        '--base-url',
        fake.url,
        '--api-key',
        'sk-test',
      ],
      repo.dir,
      tmpdir,
    );
    const pids = await pidsFrom(pidFile);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toContain('status=cancelled');
    for (const pid of pids) expect(await ended(pid), `pid ${pid}`).toBe(true);
    // The report is there; the temp folder is gone.
    const runs = readdirSync(path.join(repo.dir, '.greenloop'));
    expect(runs).toHaveLength(1);
    const summary = readFileSync(path.join(repo.dir, '.greenloop', runs[0]!, 'summary.md'), 'utf8');
    expect(summary).toContain('greenloop: cancelled');
    expect(readdirSync(tmpdir)).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  }, 120_000);

  it('a run that stops before writing anything leaves no output folder', async () => {
    const { repo, tmpdir } = setup();
    const { done } = startCli(['run', '--test-command', 'node --test'], repo.dir, tmpdir);
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^greenloop: no API key for https:\/\/api\.openai\.com\/v1/,
    );
    expect(existsSync(path.join(repo.dir, '.greenloop'))).toBe(false);
    expect(readdirSync(tmpdir)).toEqual([]);
  }, 120_000);

  it('--attempts: the first Ctrl-C stops every attempt (their commands killed), removes the worktrees, exits 130', async () => {
    const { repo, tmp, tmpdir } = setup();
    const pidFiles = [path.join(tmp, 'pids-0'), path.join(tmp, 'pids-1')];
    // Each attempt's first turn runs a command that never ends; the tests fail (the model is asked).
    const fake = await startFakeOpenAI((_request, index) =>
      index < 2
        ? {
            toolCalls: [
              { name: 'shell', arguments: { commands: [hangingTests(pidFiles[index]!)] } },
            ],
          }
        : { text: 'I am still here.' },
    );
    cleanups.push(() => fake.close());
    const status = repo.git('status', '--porcelain');
    const { child, done } = startCli(
      [
        'run',
        '--test-command',
        'node --test',
        '--sandbox',
        'none',
        '--tool-style',
        'function',
        '--flaky-reruns',
        '0',
        '--base-url',
        fake.url,
        '--api-key',
        'sk-test',
        '--attempts',
        '3',
        '--jobs',
        '2',
      ],
      repo.dir,
      tmpdir,
    );
    const pids = [...(await pidsFrom(pidFiles[0]!)), ...(await pidsFrom(pidFiles[1]!))];
    const asked = fake.requests.filter((r) => r.method === 'POST').length;
    child.kill('SIGINT');
    const result = await done;
    expect(result.code, result.stderr).toBe(130);
    for (const pid of pids) expect(await ended(pid), `pid ${pid}`).toBe(true);
    // No attempt asked the model again, and the third one never started.
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(asked);
    expect(result.stderr).not.toMatch(/^attempt-3: |\[attempt-3\]/m);
    expect(result.stderr).toMatch(/^greenloop: SIGINT: the attempts were stopped/m);
    expect(existsSync(path.join(repo.dir, '.git', 'worktrees'))).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe(status);
    expect(readdirSync(tmpdir)).toEqual([]);
  }, 120_000);
});
