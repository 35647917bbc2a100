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

export class JestParser implements LineParser {
  readonly runner = 'jest';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }
  private file: string | undefined;
  private filePassed = false;
  /** Verbose `✓ name` lines of the current file: a ● block for one of them was a retried attempt. */
  private readonly passedNames = new Set<string>();
  private current: MutableFailure | undefined;
  private awaitingMessage = false;

  push(line: string): void {
    const fileHeader = FILE_HEADER.exec(line);
    if (fileHeader && fileHeader[2]) {
      this.file = fileHeader[2];
      this.filePassed = fileHeader[1] === 'PASS';
      this.passedNames.clear();
      this.current = undefined;
      this.ended = false;
      return;
    }
    const passLine = /^\s+[✓√] (.+?)(?: \(\d+(?:\.\d+)? m?s\))?$/.exec(line);
    if (passLine && passLine[1] && !this.current && this.passedNames.size < 5000) {
      this.passedNames.add(passLine[1].slice(0, 300));
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet && bullet[1]) {
      const title = bullet[1];
      if (/^Console$/.test(title)) {
        this.current = undefined;
        return;
      }
      const file = this.file ?? 'unknown';
      if (title === 'Test suite failed to run') {
        this.current = this.c.fail({ id: file, file, kind: 'load_error' });
      } else {
        const parts = title.split(' › ');
        const kind = parts.some((p) => /^(beforeAll|afterAll|beforeEach|afterEach)\b/.test(p))
          ? 'hook'
          : 'test';
        const id = [file, ...parts].join(' > ');
        this.current = this.c.fail({ id, file, kind });
        // A block under a PASS file is a retried attempt of a test that passed in the end.
        if (this.filePassed || this.passedNames.has(parts[parts.length - 1] ?? '')) this.c.pass(id);
      }
      this.awaitingMessage = this.current !== undefined && this.current.message === '';
      if (!this.awaitingMessage) this.current = undefined;
      return;
    }
    const summary = TESTS_SUMMARY.exec(line);
    if (summary && summary[1]) {
      this.c.summary = true;
      for (const m of summary[1].matchAll(/(\d+) (failed|passed|skipped|todo|pending)/g)) {
        const n = Number(m[1]);
        if (m[2] === 'failed') this.c.failed += n;
        else if (m[2] === 'passed') this.c.passed += n;
        else this.c.skipped += n;
      }
      this.current = undefined;
      return;
    }
    if (/^(Test Suites:|Snapshots:|Time:|Ran all test suites)/.test(line)) {
      if (/^Ran all test suites/.test(line)) this.ended = true;
      this.current = undefined;
      return;
    }
    if (/^Summary of all failing tests/.test(line)) {
      this.current = undefined;
      return;
    }
    if (!this.current) return;
    const t = line.trim();
    if (this.awaitingMessage) {
      if (t === '' || /^RETRY \d+$/.test(t)) return;
      this.current.message = t;
      if (/Exceeded timeout of \d+/.test(t)) this.current.kind = 'timeout';
      this.awaitingMessage = false;
      return;
    }
    if (/^at /.test(t)) {
      const f = this.paths.projectFrame(t);
      if (f) {
        addFrame(this.current, frameText(f));
        if (this.current.line === undefined && f.file === this.current.file)
          this.current.line = f.line;
      }
      return;
    }
    if (/^(>\s*)?\d+ \|/.test(t) || /^\|/.test(t)) return;
    addDetail(this.current, line);
  }

  finish(): ParseResult {
    return this.c.result(this.runner);
  }
}
