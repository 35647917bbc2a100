/**
 * Shared state for the line parsers. Every parser receives ANSI-stripped lines one at a time and
 * keeps only bounded state: the failure map (capped at MAX_FAILURES), per-failure detail (capped at
 * MAX_DETAIL_LINES lines of MAX_LINE_CHARS characters) and small per-block buffers.
 */
import type { Counts, Failure } from '../types.js';
import { ProjectPaths } from './util.js';

export const MAX_FAILURES = 500;
export const MAX_DETAIL_LINES = 16;
export const MAX_LINE_CHARS = 300;
export const MAX_MESSAGE_CHARS = 4000;
export const MAX_FRAMES = 3;
/**
 * Test ids remembered per digest (over all its runs) for the integrity check; beyond it the
 * run's identities are unknown.
 */
export const MAX_NAMED_TESTS = 20_000;

/**
 * What the parsers of one digest share, and nothing else does: the project's paths, and the
 * budgets that bound what all the digest's segments keep together (a log of many runs, one
 * after another, must not keep MAX_FAILURES failures and MAX_NAMED_TESTS names per run).
 */
export class ParseContext {
  readonly paths: ProjectPaths;
  private failures = 0;
  private names = 0;

  constructor(projectRoot?: string) {
    this.paths = new ProjectPaths(projectRoot);
  }

  /** Room to store one more failure; false once the digest holds MAX_FAILURES. */
  takeFailure(): boolean {
    if (this.failures >= MAX_FAILURES) return false;
    this.failures++;
    return true;
  }

  releaseFailure(): void {
    if (this.failures > 0) this.failures--;
  }

  /** Room to remember one more test id; false once the digest holds MAX_NAMED_TESTS. */
  takeName(): boolean {
    if (this.names >= MAX_NAMED_TESTS) return false;
    this.names++;
    return true;
  }
}

export interface ParseResult {
  readonly runner: string;
  readonly failures: readonly ParsedFailure[];
  readonly counts: Counts;
  readonly flaky: readonly string[];
  /** Counts came from the runner's own summary line (not inferred). */
  readonly countsFromSummary: boolean;
  /**
   * Every test the run reported by name (passed, failed or skipped): only when the runner's own
   * summary counted exactly these (so a summary or error line taken for a test makes it undefined).
   * The integrity check compares these instead of totals.
   */
  readonly tests?: readonly string[];
}

export interface ParsedFailure extends Failure {
  /** Project stack frames `path:line[:col]`, first is the best place to look. */
  readonly frames: readonly string[];
}

export interface LineParser {
  readonly runner: string;
  /** True once the runner printed its final summary (a new run may follow). */
  readonly ended: boolean;
  push(line: string): void;
  finish(): ParseResult;
  /** True while `finish()` must wait for a module still loading (JUnit: the XML parser). */
  waiting?(): boolean;
}

export interface MutableFailure {
  id: string;
  file?: string;
  line?: number;
  message: string;
  kind?: string;
  detail: string[];
  frames: string[];
  seq: number;
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. Log lines are slices of
 * the reader's 256 KB chunk; a line kept for long (a message, a detail, a buffered test output)
 * would keep its whole chunk alive, and a 20 MB log's worth of chunks with it.
 */
export function own(s: string): string {
  // Slicing a concatenation flattens it into a new string first (V8), which is then all the
  // slice refers to: one copy, no encoding round trip.
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** `text` cut to `max` characters, as its own string (see `own`). */
export function clip(text: string, max = MAX_LINE_CHARS): string {
  return own(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** Failure store: dedupes by id, caps the count, remembers passes that follow a failure (flaky). */
export class Collector {
  private readonly map = new Map<string, MutableFailure>();
  private readonly flakyIds = new Set<string>();
  private readonly named = new Set<string>();
  private namedOverflow = false;
  private seq = 0;
  dropped = 0;
  passed = 0;
  failed = 0;
  skipped = 0;
  /**
   * Passes the runner counts that are no test of their own, so never named (node:test counts a
   * passed parent test in `# pass`). `passed` keeps the runner's count, as the truth files do.
   */
  unnamedPasses = 0;
  summary = false;

  constructor(private readonly ctx: ParseContext) {}

  /** Adds (or returns the existing) failure for `id`. Undefined when the cap is reached. */
  fail(init: {
    id: string;
    message?: string;
    file?: string;
    line?: number;
    kind?: string;
  }): MutableFailure | undefined {
    this.name(init.id);
    const existing = this.map.get(init.id);
    if (existing) {
      this.flakyIds.delete(init.id);
      existing.seq = ++this.seq;
      if (!existing.message && init.message)
        existing.message = clip(init.message, MAX_MESSAGE_CHARS);
      return existing;
    }
    if (!this.ctx.takeFailure()) {
      this.dropped++;
      return undefined;
    }
    const f: MutableFailure = {
      id: init.id,
      message: clip(init.message ?? '', MAX_MESSAGE_CHARS),
      detail: [],
      frames: [],
      seq: ++this.seq,
    };
    if (init.file !== undefined) f.file = init.file;
    if (init.line !== undefined) f.line = init.line;
    if (init.kind !== undefined) f.kind = init.kind;
    this.map.set(init.id, f);
    return f;
  }

  /** Number of failures stored (passes only matter when there are some). */
  get size(): number {
    return this.map.size;
  }

  get(id: string): MutableFailure | undefined {
    return this.map.get(id);
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  remove(id: string): void {
    if (this.map.delete(id)) this.ctx.releaseFailure();
  }

  /** A test passed; if it failed earlier it was retried and is flaky, not failing. */
  pass(id: string): void {
    this.name(id);
    if (this.map.has(id)) this.flakyIds.add(id);
  }

  /** Names a test without counting it (a runner whose totals come from its summary). */
  see(id: string): void {
    this.name(id);
  }

  private name(id: string): void {
    if (this.named.has(id)) return;
    if (this.ctx.takeName()) this.named.add(own(id));
    else this.namedOverflow = true;
  }

  markFlaky(id: string): void {
    this.flakyIds.add(id);
  }

  all(): MutableFailure[] {
    return [...this.map.values()];
  }

  result(runner: string): ParseResult {
    const failures: ParsedFailure[] = [];
    for (const f of this.map.values()) {
      if (this.flakyIds.has(f.id)) continue;
      failures.push(freeze(f));
    }
    const flaky = [...this.flakyIds].filter(
      (id) => !failures.some((f) => f.id === id) || !this.map.has(id),
    );
    const failed = this.summary
      ? Math.max(this.failed, failures.length + this.dropped)
      : failures.length + this.dropped;
    const counted = this.passed - this.unnamedPasses + failed + this.skipped;
    const named =
      this.summary &&
      !this.namedOverflow &&
      this.dropped === 0 &&
      // More failures than the runner counted: a summary or error line was taken for a test.
      // (A parser that leaves `failed` at 0 counts failures from its own list instead.)
      (this.failed === 0 || failures.length <= this.failed) &&
      this.flakyIds.size === 0 &&
      this.named.size === counted;
    return {
      runner,
      failures,
      counts: { passed: this.passed, failed, skipped: this.skipped },
      flaky: flaky.sort(),
      countsFromSummary: this.summary,
      ...(named ? { tests: [...this.named] } : {}),
    };
  }
}

export function addDetail(f: MutableFailure | undefined, line: string): void {
  if (!f || f.detail.length >= MAX_DETAIL_LINES) return;
  const trimmed = line.replace(/\s+$/, '');
  if (trimmed.trim() === '' && (f.detail.length === 0 || f.detail[f.detail.length - 1] === ''))
    return;
  f.detail.push(clip(trimmed.trim() === '' ? '' : trimmed));
}

export function addFrame(f: MutableFailure | undefined, frame: string): void {
  if (!f || f.frames.length >= MAX_FRAMES || f.frames.includes(frame)) return;
  f.frames.push(frame);
}

function freeze(f: MutableFailure): ParsedFailure {
  const detail = [...f.detail];
  while (detail.length > 0 && detail[detail.length - 1] === '') detail.pop();
  const out: { -readonly [K in keyof ParsedFailure]: ParsedFailure[K] } = {
    id: f.id,
    message: f.message,
    frames: [...f.frames],
  };
  if (f.file !== undefined) out.file = f.file;
  if (f.line !== undefined) out.line = f.line;
  if (f.kind !== undefined) out.kind = f.kind;
  if (detail.length > 0) out.detail = detail.join('\n');
  return out;
}
