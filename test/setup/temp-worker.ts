/**
 * Worker setup (see temp-global.ts): this worker's temp folder becomes TMPDIR
 * for the tests and every process they start, and the test file is recorded
 * so a leak can be traced to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { FILES_SUFFIX } from './temp-global.js';

const root = process.env['GREENLOOP_TEST_TMP'];
if (root) {
  // Not named after the pid: tests look for the pid in what a sandbox shows.
  const dir = fs.mkdtempSync(path.join(root, 'worker-'));
  fs.chmodSync(dir, 0o755); // see temp-global.ts
  process.env['TMPDIR'] = dir;
  const testPath = expect.getState().testPath ?? 'unknown';
  fs.appendFileSync(`${dir}${FILES_SUFFIX}`, `${path.relative(process.cwd(), testPath)}\n`);
}

// Vitest stops a worker with SIGTERM, which skips 'exit' listeners; the git
// module removes its scratch folders (hooks, index files) in one. Exit
// normally instead, as the CLI and the action do.
const key = Symbol.for('greenloop.test.sigterm');
const flags = globalThis as { [key]?: boolean };
if (!flags[key]) {
  flags[key] = true;
  process.once('SIGTERM', () => process.exit(143));
}
