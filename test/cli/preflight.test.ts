/**
 * "A command or endpoint that cannot work is found before the first model call and said in one
 * line": a missing key, an endpoint nobody listens on or one that refuses the key ends the CLI
 * with exactly one line on stderr and exit 1, before the test command is detected, the sandbox
 * probed or (with `--attempts`) any worktree made, and the process exits (it once hung after its
 * result while a worktree was removed under a still-running baseline snapshot).
 * Runs `node dist/cli/index.js` (a build of the current sources).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { distFile } from '../helpers/dist.js';
import { createRepo, SUM_PROJECT } from '../helpers/repo.js';

const CLI = await distFile('cli/index.js');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function runCli(
  args: readonly string[],
  cwd: string,
  tmpdir: string,
): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(OPENAI_|GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name)) continue;
    env[name] = value;
  }
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...env, CI: 'true', NO_COLOR: '1', TMPDIR: tmpdir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A preflight failure is quick: a process still there after this long hangs.
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, 60_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    }),
  );
}

/** A server that answers 401 to everything, as OpenAI does to a wrong key. */
async function refusing(): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end('{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

/** A URL nobody listens on (ECONNREFUSED). */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

function setup(): { repo: ReturnType<typeof createRepo>; tmpdir: string } {
  const repo = createRepo(SUM_PROJECT);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gl-cli-preflight-'));
  const tmpdir = path.join(tmp, 'tmpdir');
  mkdirSync(tmpdir);
  cleanups.push(() => {
    repo.remove();
    rmSync(tmp, { recursive: true, force: true });
  });
  return { repo, tmpdir };
}

const CASES = [
  { name: 'no key', endpoint: async () => [], line: /^greenloop: no API key for / },
  {
    name: 'nobody listening',
    endpoint: async () => ['--base-url', await closedPort(), '--api-key', 'sk-test'],
    line: /^greenloop: cannot reach the model endpoint /,
  },
  {
    name: 'a refused key',
    endpoint: async () => ['--base-url', await refusing(), '--api-key', 'sk-wrong'],
    line: /^greenloop: the model endpoint .* refused the API key \(HTTP 401\)/,
  },
];

describe('an endpoint that cannot work, in the CLI', () => {
  for (const mode of [[], ['--attempts', '2']]) {
    for (const { name, endpoint, line } of CASES) {
      it(`${name}${mode.length > 0 ? ', --attempts 2' : ''}: one line, exit 1, nothing started`, async () => {
        const { repo, tmpdir } = setup();
        // No --test-command and no --sandbox: detecting and probing would each say a line.
        const result = await runCli(['run', ...(await endpoint()), ...mode], repo.dir, tmpdir);
        expect(result.killed, result.stderr).toBe(false);
        expect(result.code, result.stderr).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
        expect(result.stderr).toMatch(line);
        expect(existsSync(path.join(repo.dir, '.git', 'worktrees'))).toBe(false);
        expect(repo.git('status', '--porcelain')).toBe('');
        expect(existsSync(path.join(repo.dir, '.greenloop'))).toBe(false);
        expect(readdirSync(tmpdir)).toEqual([]);
      }, 90_000);
    }
  }
});
