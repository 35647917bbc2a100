/** The test command's runs as the loop reads them: a log no parser knows, read with a hint. */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCommand } from '../../src/checks/run-tests.js';
import { o200k } from '../../src/model/tokens.js';
import { scrubEnv } from '../../src/workspace/env.js';
import { createProcessRunner } from '../../src/workspace/runner.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function testCommand(command: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-run-tests-'));
  dirs.push(dir);
  const runner = await createProcessRunner({ sandbox: 'none', workspace: dir });
  return createTestCommand({
    runner,
    command,
    cwd: dir,
    env: scrubEnv(process.env),
    timeoutMs: 30_000,
    logDir: dir,
    digestTokens: 2000,
    counter: o200k,
    reportGlob: '',
  });
}

describe('runnerHint: the baseline runner reads a log that no parser recognises', () => {
  // `node-test` is read as spec or TAP by what the log shows; a log of neither (`echo ok` in
  // place of the tests) must still come out as the baseline's runner, or the integrity check,
  // which compares runs of one runner only, would not look at it (review finding).
  it.each(['node-test', 'pytest', 'mocha', 'vitest'])('%s', async (hint) => {
    const tests = await testCommand('echo all tests passed');
    const run = await tests.run('iteration-1', { runnerHint: hint });
    expect(run.exitCode).toBe(0);
    expect(run.digest.runner).toBe(hint);
    expect(run.digest.counts).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });

  it('without a hint the log stays generic', async () => {
    const tests = await testCommand('echo all tests passed');
    expect((await tests.run('baseline', {})).digest.runner).toBe('generic');
  });
});
