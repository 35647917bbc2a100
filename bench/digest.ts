/**
 * Digest quality against a tail truncation of the same token budget and against the whole log,
 * on the shared real logs and on generated large noisy logs; digest timing and memory on 5 MB.
 */
import {
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
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
import { generateLog, type GenerateOptions } from '../test/checks/generate.js';
import { median, repoRoot, runChild, tempDir } from './util.js';

export const BUDGET = 2000;

interface TruthFailure {
  readonly id: string;
  readonly message: string;
}

export interface Recall {
  readonly ids: number;
  readonly messages: number;
  readonly tokens: number;
}

export interface DigestRow {
  readonly log: string;
  readonly bytes: number;
  readonly failing: number;
  readonly digest: Recall & { readonly structuredIds: number; readonly ms: number };
  readonly tail: Recall;
  readonly whole: Recall;
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
    readonly digest: {
      readonly ids: number;
      readonly messages: number;
      readonly maxTokens: number;
    };
    readonly tail: { readonly ids: number; readonly messages: number; readonly maxTokens: number };
    readonly whole: { readonly ids: number; readonly messages: number; readonly maxTokens: number };
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
    }[];
    readonly testRunMs: number;
    readonly rawCommandMs: number;
  };
}

/** The test's own name: the last segment of the id (the truth files join parents with ` > `). */
const testName = (id: string): string => id.split(' > ').pop() ?? id;

function recallOf(text: string, truth: readonly TruthFailure[], tokens: number): Recall {
  if (truth.length === 0) return { ids: 1, messages: 1, tokens };
  const ids = truth.filter((t) => text.includes(testName(t.id))).length;
  const messages = truth.filter((t) => text.includes(t.message)).length;
  return { ids: ids / truth.length, messages: messages / truth.length, tokens };
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

async function measure(
  name: string,
  file: string,
  truth: readonly TruthFailure[],
  projectRoot?: string,
): Promise<DigestRow> {
  const raw = readFileSync(file, 'utf8');
  const plain = stripAnsi(raw);
  const start = performance.now();
  const d = await digestFile(file, { tokens: BUDGET, ...(projectRoot ? { projectRoot } : {}) });
  const ms = performance.now() - start;
  const tailText = tail(plain, BUDGET);
  const structured = truth.filter((t) => d.failures.some((f) => f.id.endsWith(testName(t.id))));
  return {
    log: name,
    bytes: Buffer.byteLength(raw),
    failing: truth.length,
    digest: {
      ...recallOf(d.text, truth, d.tokens),
      structuredIds: truth.length === 0 ? 1 : structured.length / truth.length,
      ms,
    },
    tail: recallOf(tailText, truth, countTokens(tailText)),
    whole: recallOf(plain, truth, countTokens(plain)),
  };
}

const GENERATED: readonly (GenerateOptions & { readonly name: string })[] = [
  {
    name: 'gen-vitest-1mb-colour-retries',
    runner: 'vitest',
    sizeBytes: 1_000_000,
    failures: 5,
    colour: true,
    retries: true,
    flaky: 1,
    seed: 11,
  },
  {
    name: 'gen-jest-2mb-timeouts',
    runner: 'jest',
    sizeBytes: 2_000_000,
    failures: 6,
    timeouts: 2,
    colour: true,
    seed: 12,
  },
  {
    name: 'gen-pytest-2mb-collect-error',
    runner: 'pytest',
    sizeBytes: 2_000_000,
    failures: 5,
    loadError: true,
    seed: 13,
  },
  {
    name: 'gen-mocha-1mb-crash',
    runner: 'mocha',
    sizeBytes: 1_000_000,
    failures: 4,
    crash: true,
    seed: 14,
  },
  { name: 'gen-go-3mb', runner: 'go', sizeBytes: 3_000_000, failures: 5, seed: 15 },
  { name: 'gen-cargo-3mb', runner: 'cargo', sizeBytes: 3_000_000, failures: 4, seed: 16 },
  {
    name: 'gen-monorepo-5mb',
    runner: ['vitest', 'pytest', 'node-test'],
    sizeBytes: 5_000_000,
    failures: 3,
    colour: true,
    retries: true,
    seed: 17,
  },
];

function sharedLogsDir(): string {
  return path.resolve(repoRoot, '..', 'shared', 'test-logs');
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
    const d = await digestFile(file, { tokens: BUDGET });
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
  const rows: DigestRow[] = [];
  const logs = sharedLogsDir();
  const cases = existsSync(logs)
    ? readdirSync(logs)
        .filter((name) => existsSync(path.join(logs, name, 'truth.json')))
        .sort()
    : [];
  for (const name of cases) {
    const dir = path.join(logs, name);
    const truth = (
      JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as {
        failing: TruthFailure[];
      }
    ).failing;
    rows.push(await measure(name, path.join(dir, 'log.txt'), truth, path.join(dir, 'project')));
  }
  const work = tempDir('gl-bench-digest-');
  try {
    let fiveMb = '';
    for (const options of GENERATED) {
      const generated = generateLog(options);
      const file = path.join(work, `${options.name}.log`);
      writeFileSync(file, generated.text);
      if (options.name === 'gen-monorepo-5mb') fiveMb = file;
      rows.push(await measure(options.name, file, generated.truth.failing));
    }
    // A 20 MB log beside the 5 MB one shows whether memory grows with the log.
    const twenty = path.join(work, 'gen-20mb.log');
    writeFileSync(
      twenty,
      generateLog({
        runner: ['vitest', 'pytest', 'node-test'],
        sizeBytes: 20_000_000,
        failures: 3,
        colour: true,
        seed: 18,
      }).text,
    );
    const memory = [];
    let digestMs = 0;
    let readLinesMs = 0;
    for (const file of [fiveMb, twenty]) {
      const digest = await runChild<DigestMemory>(['digest-memory', file, 'digest']);
      const read = await runChild<DigestMemory>(['digest-memory', file, 'read']);
      if (file === fiveMb) {
        digestMs = digest.ms;
        readLinesMs = read.ms;
      }
      memory.push({
        bytes: readFileSync(file).byteLength,
        digestPeakRssBytes: digest.maxRssBytes,
        readPeakRssBytes: read.maxRssBytes,
      });
    }
    const runs = await timeTestRun(work, fiveMb);
    const sum = (pick: (row: DigestRow) => number): number =>
      rows.reduce((total, row) => total + pick(row) * row.failing, 0);
    const failing = rows.reduce((total, row) => total + row.failing, 0);
    const totals = {
      failing,
      digest: {
        ids: sum((r) => r.digest.ids) / failing,
        messages: sum((r) => r.digest.messages) / failing,
        maxTokens: Math.max(...rows.map((r) => r.digest.tokens)),
      },
      tail: {
        ids: sum((r) => r.tail.ids) / failing,
        messages: sum((r) => r.tail.messages) / failing,
        maxTokens: Math.max(...rows.map((r) => r.tail.tokens)),
      },
      whole: {
        ids: sum((r) => r.whole.ids) / failing,
        messages: sum((r) => r.whole.messages) / failing,
        maxTokens: Math.max(...rows.map((r) => r.whole.tokens)),
      },
    };
    return {
      budget: BUDGET,
      rows,
      totals,
      meetsTarget:
        totals.digest.ids === 1 &&
        totals.digest.messages === 1 &&
        totals.digest.maxTokens <= BUDGET,
      timing: {
        logBytes: readFileSync(fiveMb).byteLength,
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
