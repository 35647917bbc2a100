/**
 * Ctrl-C and SIGTERM (issue 18): the run's signal kills the running command's whole process group,
 * even during the baseline, and the run ends `cancelled` with its report written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { runSession } from '../../src/app/session.js';
import { startFakeOpenAI } from '../fakes/openai-server.js';
import { createRepo, SUM_PROJECT } from '../helpers/repo.js';
import { ended, hangingTests, pidsFrom } from '../helpers/processes.js';
import { memoryLog } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('cancelling a run', () => {
  it('during the baseline: the test command and its children die, the run ends cancelled and its report is written', async () => {
    const repo = createRepo(SUM_PROJECT);
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'gl-cancel-'));
    const fake = await startFakeOpenAI([]);
    cleanups.push(async () => {
      repo.remove();
      rmSync(tmp, { recursive: true, force: true });
      await fake.close();
    });
    const pidFile = path.join(tmp, 'pids');
    const parsed = parseConfig(
      {
        'test-command': hangingTests(pidFile),
        sandbox: 'none',
        'base-url': fake.url,
        'api-key': 'sk-test',
      },
      { baseDir: repo.dir, env: {} },
    );
    if (!parsed.ok) throw new Error(parsed.error.join('\n'));
    const cancel = new AbortController();
    const outDir = path.join(tmp, 'out');
    const running = runSession({
      config: parsed.value,
      log: memoryLog([]),
      outDir,
      workDir: path.join(tmp, 'work'),
      env: process.env,
      secrets: [],
      signal: cancel.signal,
    });
    const pids = await pidsFrom(pidFile);
    cancel.abort('SIGINT');
    const { record, files } = await running;
    expect(record.status).toBe('cancelled');
    expect(record.stopReason).toBe('stopped by SIGINT during the baseline test run');
    for (const pid of pids) expect(await ended(pid), `pid ${pid}`).toBe(true);
    expect(readFileSync(files.summaryPath, 'utf8')).toContain('greenloop: cancelled');
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  }, 60_000);
});
