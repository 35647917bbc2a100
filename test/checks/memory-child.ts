/**
 * One memory measurement, run by test/checks/memory.test.ts in its own Node process
 * (`node --expose-gc`, TypeScript run by Node through scripts/ts-hooks.mjs):
 *   memory-child.ts <log> digest|read
 * Both modes load the same modules first, so their peaks differ only by what digesting the log
 * keeps beyond reading it. Prints one JSON line: peak RSS (`maxRSS`), RSS and heap when the work
 * started, and what the digest found.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { digestFile } from '../../src/checks/index.js';
import { o200k } from '../../src/model/tokens.js';

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== 'digest' && mode !== 'read')) {
  throw new Error('usage: memory-child.ts <log> digest|read');
}

/** Streams the file line by line and does nothing else: the floor of any streaming digest. */
async function readLines(path: string): Promise<number> {
  let lines = 0;
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  rl.on('line', () => (lines += 1));
  await new Promise<void>((resolve, reject) => {
    rl.once('close', resolve);
    rl.once('error', reject);
  });
  return lines;
}

globalThis.gc?.();
const start = process.memoryUsage();
let found: { failed: number; failures: number; passed: number } | { lines: number };
if (mode === 'digest') {
  const d = await digestFile(file, { counter: o200k });
  found = { failed: d.counts.failed, failures: d.failures.length, passed: d.counts.passed };
} else {
  found = { lines: await readLines(file) };
}
process.stdout.write(
  `${JSON.stringify({
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    startRssBytes: start.rss,
    startHeapBytes: start.heapUsed,
    found,
  })}\n`,
);
