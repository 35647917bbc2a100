/**
 * vitest default reporter. Failure blocks: `FAIL  <file> > <describe> > <test>` (or
 * `FAIL  <file> [ <file> ]` for a file that failed to load), then the error line, diff, and a
 * `❯ file:line:col` location with a code frame. Summary: `Tests  3 failed | 9 passed (12)`.
 */
import {
  addDetail,
  addFrame,
  Collector,
  ParseContext,
  type LineParser,
  type MutableFailure,
  type ParseResult,
} from './base.js';
import { isProjectPath, frameText, type ProjectPaths } from './util.js';

const FAIL_HEADER = /^\s*FAIL\s+(?:\|[^|]+\|\s+)?(\S.*?)\s*$/;
const SEPARATOR = /^\s*⎯{3,}/;
const TESTS_SUMMARY = /^\s*Tests\s+(.*\(\d+\))\s*$/;
const RETRY_PASS = /^\s*[✓√]\s+(.+?)\s+\(retry x\d+\)/;

export class VitestParser implements LineParser {
  readonly runner = 'vitest';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;

  private current: MutableFailure | undefined;
  private awaitingMessage = false;
  private inUnhandled = false;
  /**
   * Tests whose `FAIL` headers came right before the current one: vitest prints one error block
   * under several headers when they failed with the same error (a failing beforeEach).
   */
  private siblings: MutableFailure[] = [];

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it; the rest belong to the open failure. */
  push(line: string): void {
    if (this.onFailHeader(line) || this.onSeparator(line) || this.onSummary(line)) return;
    const retry = RETRY_PASS.exec(line)?.[1];
    if (retry) this.c.markFlaky(retry.trim());
    if (/^\s*Test Files\s/.test(line) || /^\s*(Start at|Duration)\s/.test(line)) {
      this.current = undefined;
      return;
    }
    if (this.onUnhandled(line) || !this.current) return;
    this.onFailureLine([this.current, ...this.siblings], line);
  }

  /** ` FAIL  file > suite > test` (or ` FAIL  file [ file ]` for a file that failed to load). */
  private onFailHeader(line: string): boolean {
    const spec = FAIL_HEADER.exec(line)?.[1];
    if (!spec || !(spec.includes(' > ') || / \[ .+ \]$/.test(spec) || /\.\w+$/.test(spec)))
      return false;
    this.startFailure(spec);
    return true;
  }

  /** `⎯⎯⎯ Failed Tests 2 ⎯⎯⎯`, `⎯⎯⎯ Unhandled Errors ⎯⎯⎯`, or the rule between two failures. */
  private onSeparator(line: string): boolean {
    if (!SEPARATOR.test(line)) return false;
    this.inUnhandled = /Unhandled (Error|Rejection|Exception)\b/i.test(line);
    this.current = undefined;
    this.siblings = [];
    this.awaitingMessage = this.inUnhandled;
    return true;
  }

  /** `Tests  2 failed | 7 passed (9)`. */
  private onSummary(line: string): boolean {
    const summary = TESTS_SUMMARY.exec(line)?.[1];
    if (!summary) return false;
    this.readSummary(summary);
    this.ended = true;
    this.current = undefined;
    return true;
  }

  /** The first line of an unhandled error is a failure of its own (of the file it came from). */
  private onUnhandled(line: string): boolean {
    if (!this.inUnhandled || !this.awaitingMessage || line.trim() === '') return false;
    const origin = /originated in "([^"]+)"/.exec(line)?.[1];
    const msg = line.trim();
    this.current = this.c.fail({ id: `unhandled error: ${msg}`, message: msg, kind: 'error' });
    this.awaitingMessage = false;
    if (origin && this.current) this.current.file = this.paths.rel(origin);
    return true;
  }

  /** Under one or more `FAIL` headers: the error line, then frames, code frame and detail. */
  private onFailureLine(group: readonly MutableFailure[], line: string): void {
    const t = line.trim();
    if (this.awaitingMessage) {
      if (t !== '') this.setMessage(group, t);
    } else if (/^❯ /.test(t) || /^at /.test(t)) {
      const fr = this.paths.frame(t.replace(/^❯ (?:\S+ )?/, ' at '));
      if (!fr || !isProjectPath(fr.file)) return;
      for (const f of group) {
        addFrame(f, frameText(fr));
        if (f.line === undefined && fr.file === f.file) f.line = fr.line;
      }
    } else if (!/^\d+\|/.test(t) && !/^\|/.test(t)) for (const f of group) addDetail(f, line);
  }

  private setMessage(group: readonly MutableFailure[], t: string): void {
    for (const f of group) {
      f.message = t;
      if (/timed out in \d+ms/i.test(t)) f.kind = 'timeout';
      else if (
        /^(SyntaxError|Error: Failed to (load|resolve)|Error: Cannot find)/.test(t) &&
        !f.id.includes(' > ')
      )
        f.kind = 'load_error';
    }
    this.awaitingMessage = false;
  }

  private startFailure(spec: string): void {
    let id = spec;
    let kind = 'test';
    const load = / \[ (.+) \]$/.exec(spec);
    if (load) {
      id = spec.slice(0, load.index);
      kind = 'load_error';
    }
    const parts = id.split(' > ');
    const file = parts[0] ?? id;
    // A header right after another (no error line yet) shares the error that follows.
    const prev = this.awaitingMessage ? this.current : undefined;
    if (!prev) this.siblings = [];
    else if (!this.siblings.includes(prev)) this.siblings.push(prev);
    this.current = this.c.fail({ id, file, kind });
    this.siblings = this.siblings.filter((f) => f !== this.current);
    if (parts.some((p) => /^(before|after)(All|Each)\b|hook/.test(p)) && this.current)
      this.current.kind = 'hook';
    this.awaitingMessage = true;
    this.inUnhandled = false;
  }

  private readSummary(text: string): void {
    this.c.summary = true;
    for (const m of text.matchAll(/(\d+) (failed|passed|skipped|todo)/g)) {
      const n = Number(m[1]);
      if (m[2] === 'failed') this.c.failed += n;
      else if (m[2] === 'passed') this.c.passed += n;
      else this.c.skipped += n;
    }
  }

  finish(): ParseResult {
    return this.c.result(this.runner);
  }
}
