/**
 * The failure digest: parses a test log (streamed line by line) and renders at most `tokens`
 * tokens for the model, in priority order:
 *   1. a counts line; 2. every failing test id; 3. each failure's message (shortened evenly when
 *   ids + messages alone exceed the budget); 4. the first project stack frame with a short code
 *   excerpt read from `projectRoot`; 5. detail lines; 6. flaky tests; 7. generic error lines and
 *   the log tail (always for unrecognised logs; otherwise only when failures were missed).
 * Output is deterministic for a given log and options.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import stripAnsi from 'strip-ansi';
import type { TokenCounter } from '../core/tokens.js';
import type { Counts, Digest, Failure } from './types.js';
import { own, ParseContext, type ParseResult, type ParsedFailure } from './parsers/base.js';
import { JunitParser } from './parsers/junit.js';
import { loadXml, xmlLoading } from './parsers/xml.js';
import { layout, type Block } from './layout.js';
import { Segmenter } from './segment.js';
import { familyOf, isAmbiguousNodeRunner } from './sniff.js';

export const DEFAULT_TOKENS = 2000;
/** Longest line kept from a log (longer lines are cut: minified bundles, base64 dumps). */
export const MAX_INPUT_LINE = 4000;
const EXCERPT_RADIUS = 2;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
const MAX_SOURCE_BYTES = 2_000_000;

export interface DigestOptions {
  /** Token budget of `text` (o200k_base). Default 2000. */
  readonly tokens?: number;
  /** Counts the tokens of `text`: the model layer's o200k counter (a bound until its tables load). */
  readonly counter: TokenCounter;
  /** Force a parser (vitest, jest, mocha, node-test, ava, tap, pytest, unittest, cargo, go, junit, generic). */
  readonly runner?: string;
  /** Project root: makes absolute paths relative and enables code excerpts. */
  readonly projectRoot?: string;
  /** Glob (relative to projectRoot) of JUnit XML reports to read instead of the log's failures. */
  readonly reportGlob?: string;
  /** Exit code of the test command, shown in the counts line. */
  readonly exitCode?: number | null;
  /** The test command was killed by its timeout (shown in the counts line). */
  readonly timedOut?: boolean;
}

export interface FullDigest extends Digest {
  readonly flaky: readonly string[];
  readonly failures: readonly ParsedFailure[];
}

/**
 * The digest as the loop holds it (the `Digest` type: runner, counts, failures, flaky, text,
 * tokens) in plain JSON; `greenloop digest --json` prints exactly this. Parser-internal fields
 * (stack frames) are left out.
 */
export type DigestJson = Digest & { readonly flaky: readonly string[] };

export function digestJson(d: Digest): DigestJson {
  return {
    runner: d.runner,
    counts: { passed: d.counts.passed, failed: d.counts.failed, skipped: d.counts.skipped },
    failures: d.failures.map((f): Failure => ({
      id: f.id,
      ...(f.file !== undefined ? { file: f.file } : {}),
      ...(f.line !== undefined ? { line: f.line } : {}),
      message: f.message,
      ...(f.kind !== undefined ? { kind: f.kind } : {}),
      ...(f.detail !== undefined ? { detail: f.detail } : {}),
    })),
    flaky: [...(d.flaky ?? [])],
    text: d.text,
    tokens: d.tokens,
  };
}

/** Incremental digest: feed raw lines (ANSI allowed), then `finish`. Memory stays bounded. */
export class DigestBuilder {
  private readonly seg: Segmenter;
  /** This digest's own paths and budgets, shared by its parsers (JUnit reports included). */
  readonly ctx: ParseContext;
  lines = 0;

  constructor(private readonly options: DigestOptions) {
    const forced =
      options.runner && !isAmbiguousNodeRunner(options.runner)
        ? familyOf(options.runner)
        : undefined;
    this.ctx = new ParseContext(options.projectRoot);
    this.seg = new Segmenter(forced, this.ctx);
  }

  push(raw: string): void {
    this.lines++;
    let line = raw.length > MAX_INPUT_LINE ? raw.slice(0, MAX_INPUT_LINE) : raw;
    if (line.includes('\r')) {
      const parts = line.split('\r').filter((p) => p !== '');
      line = parts[parts.length - 1] ?? '';
    }
    if (line.includes('\u001b') || line.includes('\u009b')) line = stripAnsi(line);
    // GitHub Actions raw logs prefix every line with an ISO timestamp.
    if (TIMESTAMP.test(line)) line = line.replace(TIMESTAMP, '');
    this.seg.push(line);
  }

  finish(extra: readonly ParseResult[] = []): FullDigest {
    const results = extra.length > 0 ? extra : this.seg.finish();
    return render(results, this.seg, this.options);
  }
}

/**
 * Digests a log held in memory. Synchronous: a log holding JUnit XML needs `await loadXml()`
 * first (digestFile loads the XML parser itself).
 */
export function digestText(text: string, options: DigestOptions): FullDigest {
  const b = new DigestBuilder(options);
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start || end < text.length) b.push(text.slice(start, end).replace(/\r$/, ''));
    start = end + 1;
  }
  return b.finish();
}

/** Digests a log file as a stream (readline over createReadStream); never loads it whole. */
export async function digestFile(file: string, options: DigestOptions): Promise<FullDigest> {
  const b = new DigestBuilder(options);
  await eachLine(file, (line) => b.push(line));
  const reports = await readReports(options, b.ctx);
  // A JUnit XML log holds its test cases until the XML parser has loaded.
  await xmlLoading();
  return b.finish(reports);
}

/** Calls `onLine` for every line of a file, streamed (readline 'line' events, no async iterator). */
async function eachLine(file: string, onLine: (line: string) => void): Promise<void> {
  // Small chunks: a chunk and its lines are alive while they are parsed, and whatever a young-
  // generation GC finds alive twice moves to the old generation. With 256 KB chunks a 20 MB log
  // peaked 21-52 MB above just reading it; with 16 KB, 1-5 MB (test/checks/memory.heavy.ts).
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 16 * 1024 });
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  // readline's lines are slices of its read chunk: each line gets its own copy so that what the
  // parsers keep (names, messages, buffered output) does not keep whole chunks alive.
  rl.on('line', (line: string) => onLine(own(line)));
  await new Promise<void>((resolve, reject) => {
    input.once('error', reject);
    rl.once('close', resolve);
  });
}

async function readReports(options: DigestOptions, ctx: ParseContext): Promise<ParseResult[]> {
  if (!options.reportGlob || !options.projectRoot) return [];
  const { glob } = await import('tinyglobby');
  const files = (
    await glob(options.reportGlob, { cwd: options.projectRoot, absolute: true })
  ).sort();
  const out: ParseResult[] = [];
  if (files.length > 0) await loadXml();
  for (const f of files) {
    const p = new JunitParser(ctx);
    await eachLine(f, (line) => p.push(line));
    const r = p.finish();
    if (r.failures.length > 0 || r.counts.passed > 0 || r.counts.skipped > 0) out.push(r);
  }
  return out;
}

/** The segments' results as one run: failures deduped across segments, counts summed. */
interface Merged {
  readonly failures: ParsedFailure[];
  readonly flaky: string[];
  readonly counts: Counts;
  /** Runners of the segments that found something, in order. */
  readonly runners: string[];
  /** Every test by id, when every segment named its tests. */
  readonly tests: string[] | undefined;
  /** One segment found something, and counted it from its runner's summary line. */
  readonly countsFromSummary: boolean;
}

function merge(results: readonly ParseResult[]): Merged {
  const failures: ParsedFailure[] = [];
  const seen = new Set<string>();
  const seenWithMessage = new Set<string>();
  const flaky = new Set<string>();
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const runners: string[] = [];
  let summaries = 0;
  let found = 0;
  for (const r of results) {
    if (
      r.failures.length === 0 &&
      r.counts.passed + r.counts.failed + r.counts.skipped === 0 &&
      r.flaky.length === 0
    )
      continue;
    if (!runners.includes(r.runner)) runners.push(r.runner);
    found += 1;
    if (r.countsFromSummary) summaries += 1;
    counts.passed += r.counts.passed;
    counts.failed += r.counts.failed;
    counts.skipped += r.counts.skipped;
    // Segments are deduped within themselves; across segments (monorepo packages) only an
    // identical id + message is a repeat.
    for (const f of r.failures) {
      const key = `${f.id}\u0000${f.message}`;
      if (seenWithMessage.has(key)) continue;
      seenWithMessage.add(key);
      seen.add(f.id);
      failures.push(f);
    }
    for (const id of r.flaky) flaky.add(id);
  }
  counts.failed = Math.max(counts.failed, failures.length);
  const known = results.length > 0 && results.every((r) => r.tests !== undefined);
  return {
    failures,
    flaky: [...flaky].filter((id) => !seen.has(id)).sort(),
    counts,
    runners,
    tests: known ? [...new Set(results.flatMap((r) => r.tests ?? []))] : undefined,
    // One run only: in a log of several (a monorepo), a cached package may print nothing.
    countsFromSummary: found === 1 && summaries === 1,
  };
}

/**
 * Crashes (OOM, segfault, killed worker) to show next to the counts, not as test failures: the
 * tests they interrupted never ran, and runners that report them (jest, go) already did.
 */
function unreported(crashes: readonly string[], failures: readonly ParsedFailure[]): string[] {
  return crashes
    .filter(
      (c) =>
        !failures.some(
          (f) =>
            f.message.includes(c) ||
            (f.detail ?? '').includes(c) ||
            (f.kind === 'crash' && c.includes(f.message)),
        ),
    )
    .slice(0, 2);
}

function runnerName(
  options: DigestOptions,
  results: readonly ParseResult[],
  runners: readonly string[],
): string {
  if (options.runner && runners.length <= 1) return normaliseRunner(options.runner, runners[0]);
  if (runners.length > 0) return runners.join('+');
  // Segments that found nothing still name the runner when no segment found anything.
  const detected = [...new Set(results.map((r) => r.runner))].filter((r) => r !== 'generic');
  return detected.length > 0 ? detected.join('+') : 'generic';
}

function headerText(
  runner: string,
  { passed, failed, skipped }: Counts,
  crashes: readonly string[],
  options: DigestOptions,
): string {
  const exit =
    options.exitCode !== undefined && options.exitCode !== null
      ? `, exit code ${options.exitCode}`
      : '';
  const killed = options.timedOut ? ', killed by timeout' : '';
  return [
    `${runner}: ${failed} failed, ${passed} passed, ${skipped} skipped${exit}${killed}`,
    ...crashes.map(
      (c) => `The test process crashed: ${c.length > 200 ? `${c.slice(0, 199)}…` : c}`,
    ),
  ].join('\n');
}

function render(
  results: readonly ParseResult[],
  seg: Segmenter,
  options: DigestOptions,
): FullDigest {
  const { failures, flaky, counts, runners, tests, countsFromSummary } = merge(results);
  const crashes = unreported(seg.crashes, failures);
  const runner = runnerName(options, results, runners);
  const genericWanted =
    failures.length === 0 || counts.failed > failures.length || crashes.length > 0;
  const text = layout({
    header: headerText(runner, counts, crashes, options),
    blocks: failures.map((f) => makeBlock(f, options.projectRoot)),
    flaky,
    generic: genericWanted ? seg.generic : undefined,
    genericOnly: failures.length === 0,
    budget: Math.max(1, Math.floor(options.tokens ?? DEFAULT_TOKENS)),
    tokens: (s) => (s === '' ? 0 : options.counter.count(s)),
  });
  return {
    runner,
    counts,
    failures,
    flaky,
    text: text.text,
    tokens: text.tokens,
    ...(tests ? { tests } : {}),
    ...(countsFromSummary ? { countsFromSummary } : {}),
    ...(seg.crashes.length > 0 ? { crashes: [...seg.crashes] } : {}),
  };
}

function normaliseRunner(forced: string, parsed: string | undefined): string {
  const f = familyOf(forced);
  if (f === 'tap' && parsed) return parsed;
  if (f === 'node-spec') return 'node-test';
  return f;
}

function makeBlock(f: ParsedFailure, projectRoot: string | undefined): Block {
  const frame = f.frames[0] ?? (f.file && f.line !== undefined ? `${f.file}:${f.line}` : undefined);
  const excerpt = frame && projectRoot ? readExcerpt(projectRoot, frame) : [];
  const detail = (f.detail ?? '')
    .split('\n')
    .filter((l, i, a) => l !== f.message && !(l === '' && (i === 0 || a[i - 1] === '')));
  return {
    id: f.id,
    message: f.message,
    ...(frame ? { location: frame } : {}),
    excerpt,
    detail: detail.filter((l) => l.trim() !== '' || detail.length > 0),
    show: { location: false, excerpt: false, detail: 0 },
  };
}

/** A few lines around `file:line` from the project, when the file exists and is small. */
export function readExcerpt(projectRoot: string, frame: string): string[] {
  const m = /^(.*?):(\d+)(?::\d+)?$/.exec(frame);
  if (!m || !m[1]) return [];
  const file = path.isAbsolute(m[1]) ? m[1] : path.join(projectRoot, m[1]);
  const lineNo = Number(m[2]);
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_SOURCE_BYTES) return [];
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    const from = Math.max(1, lineNo - EXCERPT_RADIUS);
    const to = Math.min(lines.length, lineNo + EXCERPT_RADIUS);
    const out: string[] = [];
    for (let i = from; i <= to; i++) {
      const src = (lines[i - 1] ?? '').slice(0, 160);
      out.push(`${i === lineNo ? '>' : ' '} ${String(i).padStart(4)} | ${src}`);
    }
    return out;
  } catch {
    return [];
  }
}

export type { Failure };
