/**
 * jest default reporter. `FAIL <file>` opens a test file; `● a › b › c` opens a failure (the error
 * line is the first non-empty line after it); `● Test suite failed to run` is a load error for the
 * file. The "Summary of all failing tests" section repeats blocks: ids dedupe them.
 * Summary: `Tests:       3 failed, 1 skipped, 10 passed, 14 total`.
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
import { frameText, type ProjectPaths } from './util.js';

const FILE_HEADER = /^\s*(FAIL|PASS)\s+(?:\S+\s+)?(\S+\.[cm]?[jt]sx?)\b/;
const BULLET = /^\s*●\s+(.+?)\s*$/;
const TESTS_SUMMARY = /^Tests:\s+(.*\d+ total)/;
const PASS_LINE = /^\s+[✓√] (.+?)(?: \(\d+(?:\.\d+)? m?s\))?$/;
const HOOK = /^(beforeAll|afterAll|beforeEach|afterEach)\b/;
/** Summary lines other than `Tests:`, and the repeat of every failure that follows them. */
const OTHER_SUMMARY =
  /^(Test Suites:|Snapshots:|Time:|Ran all test suites|Summary of all failing tests)/;

export class JestParser implements LineParser {
  readonly runner = 'jest';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  private file: string | undefined;
  private filePassed = false;
  /** Verbose `✓ name` lines of the current file: a ● block for one of them was a retried attempt. */
  private readonly passedNames = new Set<string>();
  private current: MutableFailure | undefined;
  private awaitingMessage = false;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it; the rest belong to the open failure. */
  push(line: string): void {
    if (
      this.onFileHeader(line) ||
      this.onPassLine(line) ||
      this.onBullet(line) ||
      this.onTestsSummary(line) ||
      this.onOtherSummary(line)
    )
      return;
    if (this.current) this.onFailureLine(this.current, line);
  }

  /** `FAIL file` / `PASS file`. */
  private onFileHeader(line: string): boolean {
    const header = FILE_HEADER.exec(line);
    if (!header || !header[2]) return false;
    this.file = header[2];
    this.filePassed = header[1] === 'PASS';
    this.passedNames.clear();
    this.current = undefined;
    this.ended = false;
    return true;
  }

  /** Verbose `✓ name (3 ms)`, outside a failure block. */
  private onPassLine(line: string): boolean {
    const name = PASS_LINE.exec(line)?.[1];
    if (!name || this.current || this.passedNames.size >= 5000) return false;
    this.passedNames.add(name.slice(0, 300));
    return true;
  }

  /** `● a › b › c` opens a failure; `● Test suite failed to run` a load error of the file. */
  private onBullet(line: string): boolean {
    const title = BULLET.exec(line)?.[1];
    if (!title) return false;
    this.current =
      title === 'Console' ? undefined : this.openFailure(title, this.file ?? 'unknown');
    this.awaitingMessage = this.current !== undefined && this.current.message === '';
    if (!this.awaitingMessage) this.current = undefined;
    return true;
  }

  private openFailure(title: string, file: string): MutableFailure | undefined {
    if (title === 'Test suite failed to run')
      return this.c.fail({ id: file, file, kind: 'load_error' });
    const parts = title.split(' › ');
    const id = [file, ...parts].join(' > ');
    const f = this.c.fail({ id, file, kind: parts.some((p) => HOOK.test(p)) ? 'hook' : 'test' });
    // A block under a PASS file is a retried attempt of a test that passed in the end.
    if (this.filePassed || this.passedNames.has(parts[parts.length - 1] ?? '')) this.c.pass(id);
    return f;
  }

  /** `Tests:       3 failed, 1 skipped, 10 passed, 14 total`. */
  private onTestsSummary(line: string): boolean {
    const summary = TESTS_SUMMARY.exec(line)?.[1];
    if (!summary) return false;
    this.c.summary = true;
    for (const m of summary.matchAll(/(\d+) (failed|passed|skipped|todo|pending)/g)) {
      const n = Number(m[1]);
      if (m[2] === 'failed') this.c.failed += n;
      else if (m[2] === 'passed') this.c.passed += n;
      else this.c.skipped += n;
    }
    this.current = undefined;
    return true;
  }

  private onOtherSummary(line: string): boolean {
    if (!OTHER_SUMMARY.test(line)) return false;
    if (/^Ran all test suites/.test(line)) this.ended = true;
    this.current = undefined;
    return true;
  }

  /** In a ● block: the first non-empty line is the message, then frames, code frame, detail. */
  private onFailureLine(f: MutableFailure, line: string): void {
    const t = line.trim();
    if (this.awaitingMessage) {
      if (t === '' || /^RETRY \d+$/.test(t)) return;
      f.message = t;
      if (/Exceeded timeout of \d+/.test(t)) f.kind = 'timeout';
      this.awaitingMessage = false;
    } else if (/^at /.test(t)) {
      const fr = this.paths.projectFrame(t);
      if (!fr) return;
      addFrame(f, frameText(fr));
      if (f.line === undefined && fr.file === f.file) f.line = fr.line;
    } else if (!/^(>\s*)?\d+ \|/.test(t) && !/^\|/.test(t)) addDetail(f, line);
  }

  finish(): ParseResult {
    return this.c.result(this.runner);
  }
}
