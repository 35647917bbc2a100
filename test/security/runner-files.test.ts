/**
 * The Actions runner's own credential files (`.credentials`, `.runner`,
 * `_diag` logs next to `bin/Runner.Worker`) are hidden from sandboxed
 * commands. A hard link of the node binary named `Runner.Worker` plays the
 * runner: it starts the CLI, which finds its install folder by walking its
 * parent processes, as it does under a real runner. The folder lies outside
 * /tmp (which the sandbox replaces anyway) so the hiding itself is tested.
 * Sandbox-only: without bwrap these files are readable (SECURITY.md).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../fakes/openai-server.js';

import { distFile } from '../helpers/dist.js';
import { createRepo, NODE_TEST_IN_PROCESS, SUM_PROJECT } from '../helpers/repo.js';
import { bwrapUnavailable, shell } from './harness.js';

const RUNNER_CANARY = 'canary-runner-credentials-P4v8Ny3Ek6Ts';
const cli = await distFile('cli/index.js');
const skip = (await bwrapUnavailable()) !== undefined || process.platform !== 'linux';

let runnerDir = '';
let worker = '';

beforeAll(() => {
  if (skip) return;
  runnerDir = fs.mkdtempSync(path.join(os.homedir(), '.gl-runner-'));
  fs.mkdirSync(path.join(runnerDir, 'bin'));
  fs.mkdirSync(path.join(runnerDir, '_diag'));
  worker = path.join(runnerDir, 'bin', 'Runner.Worker');
  try {
    fs.linkSync(fs.realpathSync(process.execPath), worker);
  } catch {
    fs.copyFileSync(fs.realpathSync(process.execPath), worker);
    fs.chmodSync(worker, 0o755);
  }
  fs.writeFileSync(path.join(runnerDir, '.credentials'), `{"token":"${RUNNER_CANARY}"}`);
  fs.writeFileSync(path.join(runnerDir, '.runner'), `{"agentName":"${RUNNER_CANARY}"}`);
  fs.writeFileSync(path.join(runnerDir, '_diag', 'Worker_1.log'), `token=${RUNNER_CANARY}\n`);
});

afterAll(() => {
  if (runnerDir) fs.rmSync(runnerDir, { recursive: true, force: true });
});

describe.skipIf(skip)("the runner's credential files", () => {
  it('are hidden from model commands inside the sandbox [sandbox: bwrap]', async () => {
    const repo = createRepo(SUM_PROJECT);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-out-'));
    const fake = await startFakeOpenAI((_request, index) =>
      index === 0
        ? shell(
            `cat ${runnerDir}/.credentials ${runnerDir}/.runner`,
            `cat ${runnerDir}/_diag/*`,
            `grep -r ${RUNNER_CANARY.slice(0, 14)} ${runnerDir} || true`,
          )
        : { text: 'done' },
    );
    try {
      // "Runner.Worker" starts the CLI as its child, as the runner starts the action.
      const script = `const r = require('node:child_process').spawnSync(process.argv[1], process.argv.slice(2), { stdio: 'inherit' }); process.exit(r.status ?? 1);`;
      const child = spawn(
        worker,
        [
          '-e',
          script,
          process.execPath,
          cli,
          'run',
          '--sandbox',
          'bwrap',
          '--test-command',
          NODE_TEST_IN_PROCESS,
          '--base-url',
          fake.url,
          '--api-key',
          'canary-api-key-Q7x9Lw2Rt5Zp',
          '--max-turns',
          '2',
          '--max-iterations',
          '1',
          '--out',
          out,
        ],
        {
          cwd: repo.dir,
          env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), LANG: 'C.UTF-8' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(log).toContain('status=');
      expect(code).not.toBeNull();
      // The commands ran (the model got their output) but saw no credential.
      const sent = fake.requests.map((r) => r.raw).join('\n');
      expect(sent).toContain(`${runnerDir}/.credentials`);
      expect(sent).not.toContain(RUNNER_CANARY);
      expect(log).not.toContain(RUNNER_CANARY);
      for (const entry of fs.readdirSync(out, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        expect(text, entry.name).not.toContain(RUNNER_CANARY);
      }
    } finally {
      await fake.close();
      repo.remove();
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);
});
