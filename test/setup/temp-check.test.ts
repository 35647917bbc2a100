/** The leak check of the test setup itself (temp-global.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import setup from './temp-global.js';

const saved = process.env['GREENLOOP_TEST_TMP'];
afterEach(() => {
  process.env['GREENLOOP_TEST_TMP'] = saved;
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
    await expect(teardown()).rejects.toThrow(
      /greenloop-git-abc123 \(left by one of: test\/x\/leaky\.test\.ts\)/,
    );
    expect(fs.existsSync(root)).toBe(false);
  });

  it('passes when every worker folder is empty', async () => {
    const { teardown, root } = run('test/x/tidy.test.ts');
    await expect(teardown()).resolves.toBeUndefined();
    expect(fs.existsSync(root)).toBe(false);
  });

  it('waits for a worker still removing its folders at exit', async () => {
    const { teardown, root, worker } = run('test/x/exiting.test.ts');
    const scratch = path.join(worker, 'greenloop-git-late');
    fs.mkdirSync(scratch);
    setTimeout(() => fs.rmSync(scratch, { recursive: true, force: true }), 300);
    await expect(teardown()).resolves.toBeUndefined();
    expect(fs.existsSync(root)).toBe(false);
  });
});
