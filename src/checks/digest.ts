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
  for (const f of files) {
    const p = new JunitParser(ctx);
    await eachLine(f, (line) => p.push(line));
    const r = p.finish();
    if (r.failures.length > 0 || r.counts.passed > 0 || r.counts.skipped > 0) out.push(r);
  }
  return out;
}

interface Block {
  failure: ParsedFailure;
  id: string;
  message: string;
  location?: string;
  excerpt: string[];
  detail: string[];
  show: { location: boolean; excerpt: boolean; detail: number };
}

function render(
  results: readonly ParseResult[],
  seg: Segmenter,
  options: DigestOptions,
): FullDigest {
  const budget = Math.max(1, Math.floor(options.tokens ?? DEFAULT_TOKENS));
  const failures: ParsedFailure[] = [];
  const seen = new Set<string>();
  const seenWithMessage = new Set<string>();
  const flaky = new Set<string>();
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const runners: string[] = [];
  const tests = new Set<string>();
  let testsKnown = true;
  // Segments that found nothing still name the runner when no segment found anything.
  const detected = [...new Set(results.map((r) => r.runner))].filter((r) => r !== 'generic');
  for (const r of results) {
    if (r.tests) for (const id of r.tests) tests.add(id);
    else testsKnown = false;
  }
  for (const r of results) {
    if (
      r.failures.length === 0 &&
      r.counts.passed + r.counts.failed + r.counts.skipped === 0 &&
      r.flaky.length === 0
    )
      continue;
    if (!runners.includes(r.runner)) runners.push(r.runner);
    passed += r.counts.passed;
    failed += r.counts.failed;
    skipped += r.counts.skipped;
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
  // A crash (OOM, segfault, killed worker) is shown next to the counts, not as a test failure:
  // the tests it interrupted never ran, and runners that report it (jest, go) already did.
  const crashes = seg.crashes
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
  failed = Math.max(failed, failures.length);
  const runner =
    options.runner && runners.length <= 1
      ? normaliseRunner(options.runner, runners[0])
      : runners.length > 0
        ? runners.join('+')
        : detected.length > 0
          ? detected.join('+')
          : 'generic';
  const counts: Counts = { passed, failed, skipped };
  const flakyList = [...flaky].filter((id) => !seen.has(id)).sort();

  const exit =
    options.exitCode !== undefined && options.exitCode !== null
      ? `, exit code ${options.exitCode}`
      : '';
  const killed = options.timedOut ? ', killed by timeout' : '';
  const header = [
    `${runner}: ${failed} failed, ${passed} passed, ${skipped} skipped${exit}${killed}`,
    ...crashes.map(
      (c) => `The test process crashed: ${c.length > 200 ? `${c.slice(0, 199)}…` : c}`,
    ),
  ].join('\n');
  const blocks = failures.map((f) => makeBlock(f, options.projectRoot));
  const genericWanted = failures.length === 0 || failed > failures.length || crashes.length > 0;
  const text = layout(
    header,
    blocks,
    flakyList,
    genericWanted ? seg : undefined,
    failures.length === 0,
    budget,
    tokensOf(options.counter),
  );
  return {
    runner,
    counts,
    failures,
    flaky: flakyList,
    text: text.text,
    tokens: text.tokens,
    ...(testsKnown && results.length > 0 ? { tests: [...tests] } : {}),
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
    failure: f,
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

function tokensOf(counter: TokenCounter): (s: string) => number {
  return (s) => (s === '' ? 0 : counter.count(s));
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  return max <= 1 ? '…' : `${s.slice(0, max - 1)}…`;
}

interface Layout {
  text: string;
  tokens: number;
}

function renderText(
  header: string,
  blocks: readonly Block[],
  msgMax: number,
  idMax: number,
  shown: number,
  tailLines: readonly string[],
): string {
  const out: string[] = [header];
  if (blocks.length > 0) out.push(`Failing tests (${blocks.length}):`);
  blocks.slice(0, shown).forEach((b) => {
    out.push(`✗ ${shorten(b.id, idMax)}`);
    if (msgMax > 0 && b.message) out.push(`  ${shorten(b.message, msgMax)}`);
    if (b.show.location && b.location) out.push(`  at ${b.location}`);
    if (b.show.excerpt) for (const l of b.excerpt) out.push(`    ${l}`);
    for (const l of b.detail.slice(0, b.show.detail)) out.push(`    ${l}`);
  });
  if (shown < blocks.length) out.push(`… and ${blocks.length - shown} more failing tests`);
  out.push(...tailLines);
  return out.join('\n');
}

function layout(
  header: string,
  blocks: Block[],
  flaky: readonly string[],
  seg: Segmenter | undefined,
  genericOnly: boolean,
  budget: number,
  tok: (s: string) => number,
): Layout {
  const maxMsg = Math.max(0, ...blocks.map((b) => b.message.length));
  const maxId = Math.max(0, ...blocks.map((b) => b.id.length));
  const fits = (s: string): boolean => tok(s) <= budget;
  let msgMax = maxMsg;
  let idMax = maxId;
  let shown = blocks.length;
  if (!fits(renderText(header, blocks, msgMax, idMax, shown, []))) {
    msgMax = bestFit(0, maxMsg, (n) => fits(renderText(header, blocks, n, idMax, shown, [])));
    if (msgMax < 8) {
      msgMax = 0;
      idMax = bestFit(12, maxId, (n) => fits(renderText(header, blocks, 0, n, shown, [])));
      if (!fits(renderText(header, blocks, 0, idMax, shown, []))) {
        shown = bestFit(0, blocks.length, (n) => fits(renderText(header, blocks, 0, idMax, n, [])));
      }
    }
  }
  // Extras, round by round, each kept only while the estimate fits; verified exactly at the end.
  let used = tok(renderText(header, blocks, msgMax, idMax, shown, []));
  const visible = blocks.slice(0, shown);
  const tryAdd = (cost: number): boolean => {
    if (used + cost > budget) return false;
    used += cost;
    return true;
  };
  for (const b of visible)
    if (b.location && tryAdd(tok(`  at ${b.location}`) + 1)) b.show.location = true;
  for (const b of visible)
    if (
      b.show.location &&
      b.excerpt.length > 0 &&
      tryAdd(tok(b.excerpt.map((l) => `    ${l}`).join('\n')) + 1)
    )
      b.show.excerpt = true;
  for (let round = 0; round < 16; round++) {
    let added = false;
    for (const b of visible) {
      const line = b.detail[b.show.detail];
      if (b.show.detail !== round || line === undefined) continue;
      if (tryAdd(tok(`    ${line}`) + 1)) {
        b.show.detail++;
        added = true;
      }
    }
    if (!added) break;
  }
  const tail: string[] = [];
  const addTail = (line: string): boolean => {
    if (!tryAdd(tok(line) + 1)) return false;
    tail.push(line);
    return true;
  };
  if (
    flaky.length > 0 &&
    addTail(`Flaky (failed, then passed on retry; not counted as failing): ${flaky.length}`)
  ) {
    for (const id of flaky) if (!addTail(`~ ${id}`)) break;
  }
  if (seg) {
    const snippets = seg.generic.snippets;
    const tailLines = seg.generic.tail.toArray();
    if (
      snippets.length > 0 &&
      addTail(genericOnly ? 'Error lines from the log:' : 'Other error lines from the log:')
    ) {
      outer: for (const s of snippets) {
        for (const l of s) if (!addTail(`  ${l}`)) break outer;
        if (!addTail('  --')) break;
      }
    }
    // The tail gets the remaining budget, newest lines kept.
    const kept: string[] = [];
    for (let i = tailLines.length - 1; i >= 0; i--) {
      const l = `  ${tailLines[i] ?? ''}`;
      if (!tryAdd(tok(l) + 1)) break;
      kept.unshift(l);
    }
    if (kept.length > 0 && addTail('Last lines of the log:')) tail.push(...kept);
  }
  let text = renderText(header, blocks, msgMax, idMax, shown, tail);
  let tokens = tok(text);
  // Estimates can undershoot by a little: drop extras from the end until it truly fits.
  while (tokens > budget) {
    if (tail.length > 0) tail.pop();
    else {
      const b = [...visible]
        .reverse()
        .find((x) => x.show.detail > 0 || x.show.excerpt || x.show.location);
      if (b) {
        if (b.show.detail > 0) b.show.detail--;
        else if (b.show.excerpt) b.show.excerpt = false;
        else b.show.location = false;
      } else if (msgMax > 0) msgMax = Math.floor(msgMax * 0.9);
      else if (shown > 0) shown--;
      else {
        text = shorten(header, Math.max(1, budget));
        while (tok(text) > budget && text.length > 1)
          text = shorten(text, Math.floor(text.length * 0.8));
        return { text, tokens: tok(text) };
      }
    }
    text = renderText(header, blocks, msgMax, idMax, shown, tail);
    tokens = tok(text);
  }
  return { text, tokens };
}

/** Largest n in [lo, hi] with ok(n), assuming ok is monotone (lo when none). */
function bestFit(lo: number, hi: number, ok: (n: number) => boolean): number {
  let best = lo;
  let a = lo;
  let b = hi;
  while (a <= b) {
    const mid = Math.floor((a + b) / 2);
    if (ok(mid)) {
      best = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  return best;
}

export type { Failure };
