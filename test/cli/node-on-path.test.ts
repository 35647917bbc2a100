/**
 * The CLI runs on whatever Node starts it, and never puts that Node (or any other) on the PATH
 * of the user's project: `npm test` there runs with the project's own `node`, as it would
 * without greenloop. Runs the build of the current sources (test/helpers/dist.ts).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { startFakeOpenAI } from '../fakes/openai-server.js';
import { distFile } from '../helpers/dist.js';
import { createRepo, SUM_PROJECT } from '../helpers/repo.js';

const CLI = await distFile('cli/index.js');

it("runs the project's tests with the node on the user's PATH, not the Node that started it", async () => {
  const repo = createRepo(SUM_PROJECT);
  const bin = mkdtempSync(path.join(os.tmpdir(), 'gl-user-bin-'));
  const out = mkdtempSync(path.join(os.tmpdir(), 'gl-cli-out-'));
  const fake = await startFakeOpenAI(() => ({ text: 'nothing to do' }));
  try {
    // The user's `node`: a script that says which one it is (and passes, so the run is green).
    writeFileSync(path.join(bin, 'node'), '#!/bin/sh\necho "the node on the user\'s PATH"\n');
    chmodSync(path.join(bin, 'node'), 0o755);
    const env: Record<string, string> = { NO_COLOR: '1', CI: 'true' };
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(OPENAI_|GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name))
        env[name] = value;
    }
    env['PATH'] = `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`;
    const args = ['run', '--cwd', repo.dir, '--out', out, '--test-command', 'node --test'];
    args.push('--base-url', fake.url, '--api-key', 'sk-test', '--flaky-reruns', '0');
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain('status=already-green');
    expect(readFileSync(path.join(out, 'test-before.log'), 'utf8')).toContain(
      "the node on the user's PATH",
    );
    // Already green: no model turn (a GET of /models checks the endpoint first).
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
  } finally {
    await fake.close();
    repo.remove();
    rmSync(bin, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
