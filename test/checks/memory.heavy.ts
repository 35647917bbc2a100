/**
 * `npm run test:memory` (about a minute, so not part of `npm test`): the digest keeps bounded
 * state on any log size (issue 19's done-when, issue 22's memory target). The peak RSS of a child
 * process digesting a 20 MB log stays within 20 MB of the same child only reading the file line
 * by line. Logs of six shapes and one of all six in turn are generated (memory-logs.ts), plus the
 * real corpus' 10 MB+ log. Memory, not time, is asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { registerHooks } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FAILURES, LOG_SHAPES, writeLargeLog, writeMixedLog } from './memory-logs.js';
import { realCases } from './real-corpus.js';

const MB = 1024 * 1024;
const LOG_BYTES = 20_000_000;
const MARGIN = 20 * MB;
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

interface Measurement {
  readonly maxRssBytes: number;
  readonly startRssBytes: number;
  readonly found: Record<string, number>;
}

/** Runs test/checks/memory-child.ts on `log` (Node runs the TypeScript: scripts/ts-hooks.mjs). */
function measure(log: string, mode: 'digest' | 'read'): Promise<Measurement> {
  const args = [
    '--expose-gc',
    '--experimental-transform-types',
    '--no-warnings',
    '--import',
    path.join(root, 'scripts', 'ts-hooks.mjs'),
    path.join(here, 'memory-child.ts'),
    log,
    mode,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`memory child (${mode}) exited ${code}:\n${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Measurement);
    });
  });
}

/** Peaks of digesting and of reading `log`, measured side by side (each in its own process). */
async function compare(log: string): Promise<{ digest: Measurement; margin: number }> {
  const [digest, read] = await Promise.all([measure(log, 'digest'), measure(log, 'read')]);
  const margin = digest.maxRssBytes - read.maxRssBytes;
  console.log(
    `${path.basename(log)}: peak RSS digesting ${(digest.maxRssBytes / MB).toFixed(1)} MB, ` +
      `reading ${(read.maxRssBytes / MB).toFixed(1)} MB, margin ${(margin / MB).toFixed(1)} MB`,
  );
  return { digest, margin };
}

// Node runs the children's TypeScript with module.registerHooks and type transforms (22.15+).
const canRunTypeScript = typeof registerHooks === 'function';

describe.skipIf(!canRunTypeScript)(
  'peak memory of the digest on 20 MB logs is within 20 MB of reading them',
  () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-digest-memory-'));
    afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

    for (const shape of LOG_SHAPES) {
      it(`${shape}`, { timeout: 180_000 }, async () => {
        const log = path.join(work, `${shape}.log`);
        const passed = writeLargeLog(log, shape, LOG_BYTES);
        try {
          const { digest, margin } = await compare(log);
          expect(digest.found).toEqual(
            shape === 'plain'
              ? { failed: 0, failures: 0, passed: 0 }
              : { failed: FAILURES, failures: FAILURES, passed },
          );
          expect(margin).toBeLessThanOrEqual(MARGIN);
        } finally {
          fs.rmSync(log, { force: true });
        }
      });
    }

    it('all six shapes in one log (a segment each)', { timeout: 180_000 }, async () => {
      const log = path.join(work, 'mixed.log');
      const want = writeMixedLog(log, LOG_BYTES);
      try {
        const { digest, margin } = await compare(log);
        expect(digest.found).toEqual({
          failed: want.failed,
          failures: want.failed,
          passed: want.passed,
        });
        expect(margin).toBeLessThanOrEqual(MARGIN);
      } finally {
        fs.rmSync(log, { force: true });
      }
    });

    const large = realCases().find((c) => c.name === 'go-large-verbose');
    it.skipIf(!large)(
      'the real corpus go-large-verbose log (10 MB+)',
      { timeout: 180_000 },
      async () => {
        const { digest, margin } = await compare(large?.log ?? '');
        expect(digest.found['failures']).toBe(large?.truth.failing.length);
        expect(margin).toBeLessThanOrEqual(MARGIN);
      },
    );
  },
);

if (!canRunTypeScript) {
  console.warn('digest memory test skipped: this Node has no module.registerHooks (needs 22.15+)');
}
