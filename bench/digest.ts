/**
 * Digest quality on the real-log corpus (test/fixtures/logs/real: logs made by running each
 * runner, truth from its machine-readable output) beside a plain tail of the log cut to the same
 * token budget; digest timing and peak memory on the corpus' largest real log and on a 20 MB+
 * log made of real logs.
 */
import {
  appendFileSync,
  createReadStream,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import stripAnsi from 'strip-ansi';
import { createTestCommand } from '../src/checks/run-tests.js';
import { digestFile } from '../src/checks/index.js';
import { scrubEnv } from '../src/workspace/env.js';
import { createProcessRunner } from '../src/workspace/runner.js';
import { realCases, score, type RealCase, type Truth } from '../test/checks/real-corpus.js';
import { median, runChild, tempDir } from './util.js';
import { o200k } from '../src/model/tokens.js';

export const BUDGET = 2000;

export interface Recall {
  readonly ids: number;
  readonly messages: number;
  readonly places: number;
  readonly tokens: number;
}

export interface DigestRow {
  readonly log: string;
  readonly runner: string;
  readonly bytes: number;
  readonly failing: number;
  readonly digest: Recall & { readonly exactCounts: boolean; readonly ms: number };
  readonly tail: Recall;
}

export interface DigestMemory {
  readonly ms: number;
  readonly lines: number;
  readonly maxRssBytes: number;
  readonly startRssBytes: number;
}

export interface DigestResult {
  readonly budget: number;
  readonly rows: readonly DigestRow[];
  readonly totals: {
    readonly failing: number;
    readonly runs: number;
    readonly digest: Recall & { readonly exactCounts: number; readonly maxTokens: number };
    readonly tail: Recall & { readonly maxTokens: number };
  };
  readonly meetsTarget: boolean;
  readonly timing: {
    readonly logBytes: number;
    readonly digestMs: number;
    readonly readLinesMs: number;
    readonly memory: {
      readonly bytes: number;
      readonly digestPeakRssBytes: number;
      readonly readPeakRssBytes: number;
      /** Peak RSS less the child's RSS before it started (module loading varies between children). */
      readonly digestGrowthBytes: number;
      readonly readGrowthBytes: number;
    }[];
    readonly testRunMs: number;
    readonly rawCommandMs: number;
  };
}

/** The test's own name: the last segment of the id (the truth files join parents with ` > `). */
const testName = (id: string): string => id.split(' > ').pop() ?? id;

/** What a reader of `text` can find: each test's name, its message, its `file:line`. */
function recallOf(text: string, truth: Truth, tokens: number): Recall {
  const all = truth.failing;
  if (all.length === 0) return { ids: 1, messages: 1, places: 1, tokens };
  const placed = all.filter((t) => t.file !== undefined && t.line !== undefined);
  const ids = all.filter((t) => text.includes(testName(t.id))).length;
  const messages = all.filter((t) => text.includes(t.message)).length;
  const places = placed.filter((t) => text.includes(`${t.file}:${t.line}`)).length;
  return {
    ids: ids / all.length,
    messages: messages / all.length,
    places: placed.length === 0 ? 1 : places / placed.length,
    tokens,
  };
}

/** The last lines of `text` that fit in `budget` tokens. */
export function tail(text: string, budget: number): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const cost = countTokens(`${lines[i]!}\n`);
    if (used + cost > budget) break;
    used += cost;
    kept.unshift(lines[i]!);
  }
  return kept.join('\n');
}

async function measure(c: RealCase): Promise<DigestRow> {
  const raw = readFileSync(c.log, 'utf8');
  const plain = stripAnsi(raw);
  const start = performance.now();
  const d = await digestFile(c.log, {
    tokens: BUDGET,
    counter: o200k,
    projectRoot: path.join(c.dir, 'project'),
  });
  const ms = performance.now() - start;
  const s = score(d, c.truth);
  const tailText = tail(plain, BUDGET);
  const all = c.truth.failing.length;
  return {
    log: c.name,
    runner: c.truth.runner,
    bytes: Buffer.byteLength(raw),
    failing: all,
    digest: {
      ids: all === 0 ? 1 : s.ids / all,
      messages: all === 0 ? 1 : s.messages / all,
      places: s.placesWanted === 0 ? 1 : s.places / s.placesWanted,
      tokens: d.tokens,
      exactCounts: s.exactCounts,
      ms,
    },
    tail: recallOf(tailText, c.truth, countTokens(tailText)),
  };
}

/** Streams a file line by line and does nothing else: the floor any streaming digest pays. */
async function readLines(file: string): Promise<number> {
  let lines = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  await new Promise<void>((resolve, reject) => {
    rl.on('line', () => (lines += 1));
    rl.on('close', resolve);
    rl.on('error', reject);
  });
  return lines;
}

/** Child-process side of the memory measurement. */
export async function digestMemory(file: string, mode: 'digest' | 'read'): Promise<DigestMemory> {
  const startRssBytes = process.memoryUsage().rss;
  const start = performance.now();
  let lines: number;
  if (mode === 'digest') {
    const d = await digestFile(file, { tokens: BUDGET, counter: o200k });
    lines = d.failures.length;
  } else {
    lines = await readLines(file);
  }
  return {
    ms: performance.now() - start,
    lines,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    startRssBytes,
  };
}

async function timeTestRun(
  dir: string,
  log: string,
): Promise<{ testRunMs: number; rawCommandMs: number }> {
  const runner = await createProcessRunner({ sandbox: 'none', workspace: dir });
  const env = scrubEnv(process.env);
  const command = `cat "${log}"; exit 1`;
  const tests = createTestCommand({
    runner,
    command,
    cwd: dir,
    env,
    timeoutMs: 120_000,
    logDir: dir,
    digestTokens: BUDGET,
    counter: o200k,
    reportGlob: '',
  });
  const raw: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 3; i++) {
    let start = performance.now();
    await runner.run({ command, cwd: dir, env, timeoutMs: 120_000 });
    raw.push(performance.now() - start);
    start = performance.now();
    await tests.run(`bench-${i}`, {});
    full.push(performance.now() - start);
  }
  return { testRunMs: median(full), rawCommandMs: median(raw) };
}

export async function benchDigest(): Promise<DigestResult> {
  const cases = realCases();
  const rows: DigestRow[] = [];
  for (const c of cases) rows.push(await measure(c));
  const work = tempDir('gl-bench-digest-');
  try {
    // Timing on the corpus' largest real log; memory on it and on a 20 MB+ log made of real logs.
    const largest = cases.reduce((a, b) => (statSync(a.log).size >= statSync(b.log).size ? a : b));
    const big = path.join(work, 'real-20mb.log');
    writeFileSync(big, '');
    while (statSync(big).size < 20_000_000)
      for (const c of cases) appendFileSync(big, readFileSync(c.log));
    const memory = [];
    let digestMs = 0;
    let readLinesMs = 0;
    for (const file of [largest.log, big]) {
      const digest = await runChild<DigestMemory>(['digest-memory', file, 'digest']);
      const read = await runChild<DigestMemory>(['digest-memory', file, 'read']);
      if (file === largest.log) {
        digestMs = digest.ms;
        readLinesMs = read.ms;
      }
      memory.push({
        bytes: statSync(file).size,
        digestPeakRssBytes: digest.maxRssBytes,
        readPeakRssBytes: read.maxRssBytes,
        digestGrowthBytes: digest.maxRssBytes - digest.startRssBytes,
        readGrowthBytes: read.maxRssBytes - read.startRssBytes,
      });
    }
    const runs = await timeTestRun(work, largest.log);
    const failing = rows.reduce((total, row) => total + row.failing, 0);
    const sum = (pick: (row: DigestRow) => number): number =>
      rows.reduce((total, row) => total + pick(row) * row.failing, 0) / failing;
    const totals = {
      failing,
      runs: rows.length,
      digest: {
        ids: sum((r) => r.digest.ids),
        messages: sum((r) => r.digest.messages),
        places: sum((r) => r.digest.places),
        exactCounts: rows.filter((r) => r.digest.exactCounts).length,
        tokens: 0,
        maxTokens: Math.max(...rows.map((r) => r.digest.tokens)),
      },
      tail: {
        ids: sum((r) => r.tail.ids),
        messages: sum((r) => r.tail.messages),
        places: sum((r) => r.tail.places),
        tokens: 0,
        maxTokens: Math.max(...rows.map((r) => r.tail.tokens)),
      },
    };
    return {
      budget: BUDGET,
      rows,
      totals,
      meetsTarget:
        totals.digest.ids === 1 &&
        totals.digest.messages === 1 &&
        totals.digest.exactCounts === rows.length &&
        totals.digest.maxTokens <= BUDGET,
      timing: {
        logBytes: statSync(largest.log).size,
        digestMs,
        readLinesMs,
        memory,
        ...runs,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
