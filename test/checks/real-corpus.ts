/**
 * The real-log corpus (test/fixtures/logs/real/<case>/): logs made by running each runner on a
 * small project, truth.json written from the runner's own machine-readable output by
 * scripts/real-logs.mjs. Shared by the corpus test and the digest benchmark.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { FullDigest } from '../../src/checks/index.js';

export const corpusDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'logs',
  'real',
);

export interface TruthFailure {
  readonly id: string;
  readonly file?: string;
  readonly line?: number;
  readonly message: string;
  readonly kind?: string;
}

export interface Truth {
  readonly runner: string;
  readonly command: string;
  readonly exit_code: number | null;
  readonly failing: readonly TruthFailure[];
  readonly passing_count: number;
  readonly skipped_count: number;
  /** `failed`: the log cannot show passes or skips (go test without -v prints none). */
  readonly counts_in_log?: 'failed';
}

export interface RealCase {
  readonly name: string;
  readonly dir: string;
  /** The log file (a `log.txt.gz` is unpacked to `log.unpacked.txt` beside it, gitignored). */
  readonly log: string;
  readonly truth: Truth;
}

export function realCases(): RealCase[] {
  return fs
    .readdirSync(corpusDir)
    .filter((d) => !d.startsWith('_') && fs.existsSync(path.join(corpusDir, d, 'truth.json')))
    .sort()
    .map((name) => {
      const dir = path.join(corpusDir, name);
      const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
      return { name, dir, log: logFile(dir), truth };
    });
}

function logFile(dir: string): string {
  const gz = path.join(dir, 'log.txt.gz');
  if (!fs.existsSync(gz)) return path.join(dir, 'log.txt');
  const unpacked = path.join(dir, 'log.unpacked.txt');
  if (!fs.existsSync(unpacked) || fs.statSync(unpacked).mtimeMs < fs.statSync(gz).mtimeMs)
    fs.writeFileSync(unpacked, zlib.gunzipSync(fs.readFileSync(gz)));
  return unpacked;
}

export interface Score {
  readonly failing: number;
  readonly ids: number;
  readonly messages: number;
  readonly places: number;
  readonly placesWanted: number;
  readonly exactCounts: boolean;
  readonly problems: readonly string[];
}

/** How well a digest matches the truth: found ids, verbatim messages, places, exact counts. */
export function score(d: FullDigest, t: Truth): Score {
  const problems: string[] = [];
  let ids = 0;
  let messages = 0;
  let places = 0;
  let placesWanted = 0;
  for (const want of t.failing) {
    const got = d.failures.find((f) => f.id === want.id);
    if (got) ids++;
    else problems.push(`missing id ${JSON.stringify(want.id)}`);
    if (want.message !== '' && got?.message.includes(want.message) && d.text.includes(want.message))
      messages++;
    else
      problems.push(
        `message of ${want.id}: want ${JSON.stringify(want.message)}, got ${JSON.stringify(got?.message)}`,
      );
    if (want.file !== undefined && want.line !== undefined) {
      placesWanted++;
      const place = `${want.file}:${want.line}`;
      // go prints a file's base name; the digest may know its folder
      const sameFile = (f: string | undefined): boolean =>
        f !== undefined && (f === want.file || f.endsWith(`/${want.file}`));
      const gotPlace =
        got &&
        ((sameFile(got.file) && got.line === want.line) ||
          got.frames.some((f) => {
            const m = /^(.*?):(\d+)(?::\d+)?$/.exec(f);
            return m !== null && sameFile(m[1]) && Number(m[2]) === want.line;
          }));
      if (gotPlace) places++;
      else
        problems.push(
          `place of ${want.id}: want ${place}, got ${got?.file}:${got?.line} ${JSON.stringify(got?.frames)}`,
        );
    }
  }
  const extra = d.failures.filter((f) => !t.failing.some((w) => w.id === f.id));
  for (const f of extra) problems.push(`extra failure ${JSON.stringify(f.id)}`);
  const want = { passed: t.passing_count, failed: t.failing.length, skipped: t.skipped_count };
  const onlyFailed = t.counts_in_log === 'failed';
  const exactCounts =
    extra.length === 0 &&
    d.counts.failed === want.failed &&
    (onlyFailed || (d.counts.passed === want.passed && d.counts.skipped === want.skipped));
  if (!exactCounts)
    problems.push(`counts: want ${JSON.stringify(want)}, got ${JSON.stringify(d.counts)}`);
  return { failing: t.failing.length, ids, messages, places, placesWanted, exactCounts, problems };
}
