/** The leak check of the test setup itself (temp-global.ts). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../helpers/dist.js';
import setup from './temp-global.js';

const saved = process.env['GREENLOOP_TEST_TMP'];
afterEach(() => {
  process.env['GREENLOOP_TEST_TMP'] = saved;
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** A run of the global setup with one worker folder that ran `testFile`. */
function run(testFile: string): {
  teardown: () => Promise<void>;
  root: string;
  worker: string;
} {
  const teardown = setup();
  const root = process.env['GREENLOOP_TEST_TMP'] ?? '';
  const worker = fs.mkdtempSync(path.join(root, 'worker-'));
  fs.writeFileSync(`${worker}.files`, `${testFile}\n`);
  return { teardown, root, worker };
}

describe('temp folder check', () => {
  it('fails the run naming what was left and the test file that ran there, then removes it', async () => {
    const { teardown, root, worker } = run('test/x/leaky.test.ts');
    fs.mkdirSync(path.join(worker, 'greenloop-git-abc123'));
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await teardown();
    expect(process.exitCode).toBe(1);
    expect(printed.mock.calls.join('\n')).toMatch(
      /greenloop-git-abc123 \(left by one of: test\/x\/leaky\.test\.ts\)/,
    );
    expect(fs.existsSync(root)).toBe(false);
  });

  it('passes when every worker folder is empty', async () => {
    const { teardown, root } = run('test/x/tidy.test.ts');
    await teardown();
    expect(process.exitCode).toBeUndefined();
    expect(fs.existsSync(root)).toBe(false);
  });

  it('waits for a worker still removing its folders at exit', async () => {
    const { teardown, root, worker } = run('test/x/exiting.test.ts');
    const scratch = path.join(worker, 'greenloop-git-late');
    fs.mkdirSync(scratch);
    setTimeout(() => fs.rmSync(scratch, { recursive: true, force: true }), 300);
    await teardown();
    expect(process.exitCode).toBeUndefined();
    expect(fs.existsSync(root)).toBe(false);
  });

  it('makes `vitest run` exit 1 when a test leaks a folder, in one message without a stack', () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
    );
    delete env['GREENLOOP_TEST_TMP'];
    const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
    const config = path.join('test', 'setup', 'fixtures', 'leaky.config.ts');
    const child = spawnSync(process.execPath, [vitest, 'run', '--config', config], {
      cwd: repoRoot,
      env: { ...env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const output = `${child.stdout}${child.stderr}`;
    expect(output).toContain('1 passed');
    expect(output).toMatch(
      /Tests left temp folders behind.*\n {2}greenloop-git-\w+ \(left by one of: test\/setup\/fixtures\/leaky\.fixture\.ts\)/,
    );
    expect(output).not.toContain('error during close');
    expect(child.status, output).toBe(1);
  }, 120_000);
});
