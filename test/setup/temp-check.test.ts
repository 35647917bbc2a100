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
function run(testFile: string): { teardown: () => void; root: string; worker: string } {
  const teardown = setup();
  const root = process.env['GREENLOOP_TEST_TMP'] ?? '';
  const worker = fs.mkdtempSync(path.join(root, 'worker-'));
  fs.writeFileSync(`${worker}.files`, `${testFile}\n`);
  return { teardown, root, worker };
}

describe('temp folder check', () => {
  it('fails the run naming what was left and the test file that ran there, then removes it', () => {
    const { teardown, root, worker } = run('test/x/leaky.test.ts');
    fs.mkdirSync(path.join(worker, 'greenloop-git-abc123'));
    expect(() => teardown()).toThrow(
      /greenloop-git-abc123 \(left by one of: test\/x\/leaky\.test\.ts\)/,
    );
    expect(fs.existsSync(root)).toBe(false);
  });

  it('passes when every worker folder is empty', () => {
    const { teardown, root } = run('test/x/tidy.test.ts');
    expect(() => teardown()).not.toThrow();
    expect(fs.existsSync(root)).toBe(false);
  });
});
