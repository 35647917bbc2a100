/**
 * mocha spec reporter. Counts: `2 passing (1s)`, `4 failing`, `1 pending`. Failure blocks:
 * `  1) Suite` / deeper-indented title lines / last title line ends with `:`; then the error line
 * and a stack. The test file comes from the first test-looking project frame (or the path in
 * a timeout message).
 */
import { addDetail, Collector, ParseContext, type LineParser, type ParseResult } from './base.js';
import { ERROR_LINE, frameText, isTestPath, isProjectPath, type ProjectPaths } from './util.js';

const HEADER = /^(\s*)(\d+)\) (.*)$/;

interface Block {
  titles: string[];
  titleDone: boolean;
  message: string;
  detail: string[];
  frames: string[];
  testFile?: string;
}

export class MochaParser implements LineParser {
  readonly runner = 'mocha';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }
  private inFailures = false;
  private block: Block | undefined;

  push(line: string): void {
    const counts = /^\s+(\d+) (passing|failing|pending)\b/.exec(line);
    if (counts) {
      this.c.summary = true;
      const n = Number(counts[1]);
      if (counts[2] === 'passing') {
        this.c.passed += n;
        this.ended = true;
      } else if (counts[2] === 'failing') {
        this.c.failed += n;
        this.inFailures = true;
      } else this.c.skipped += n;
      return;
    }
    if (this.loadError(line)) return;
    if (!this.inFailures) return;
    const header = HEADER.exec(line);
    if (header && header[3] !== undefined && (header[1]?.length ?? 0) <= 4) {
      this.flush();
      const title = header[3];
      const done = title.endsWith(':');
      this.block = {
        titles: [done ? title.slice(0, -1) : title],
        titleDone: done,
        message: '',
        detail: [],
        frames: [],
      };
      return;
    }
    const b = this.block;
    if (!b) return;
    const t = line.trim();
    if (!b.titleDone) {
      if (t === '') return;
      b.titles.push(t.endsWith(':') ? t.slice(0, -1) : t);
      if (t.endsWith(':')) b.titleDone = true;
      return;
    }
    if (!b.message) {
      if (t === '') return;
      b.message = t;
      const inMessage = /\(((?:\/|[A-Za-z]:\\)[^()]+\.[cm]?[jt]sx?)\)\s*$/.exec(t);
      if (inMessage && inMessage[1]) b.testFile = this.paths.rel(inMessage[1]);
      return;
    }
    if (/^at /.test(t)) {
      const f = this.paths.frame(t);
      if (f && isProjectPath(f.file)) {
        if (b.frames.length < 3) b.frames.push(frameText(f));
        if (!b.testFile && isTestPath(f.file)) b.testFile = f.file;
      }
      return;
    }
    if (b.detail.length < 16 && !(t === '' && b.detail.length === 0))
      b.detail.push(line.replace(/\s+$/, ''));
  }

  private flush(): void {
    const b = this.block;
    this.block = undefined;
    if (!b) return;
    const file = b.testFile ?? b.frames.map((f) => f.replace(/:\d+(:\d+)?$/, '')).find(isTestPath);
    const title = b.titles.join(' > ');
    const id = file ? `${file} > ${title}` : title;
    const last = b.titles[b.titles.length - 1] ?? '';
    const kind = /^"(before|after) (all|each)" hook/.test(last)
      ? 'hook'
      : /^Error: Timeout of \d+ms exceeded/.test(b.message)
        ? 'timeout'
        : 'test';
    const f = this.c.fail({ id, message: b.message, kind, ...(file ? { file } : {}) });
    if (!f) return;
    for (const d of b.detail) addDetail(f, d);
    f.frames.push(...b.frames);
    const first = b.frames.find((fr) => file && fr.startsWith(`${file}:`));
    const lineNo = first ? Number(first.split(':')[1]) : undefined;
    if (lineNo !== undefined && !Number.isNaN(lineNo)) f.line = lineNo;
  }

  private crashedIn: { file: string; line: number } | undefined;

  /**
   * `Exception during run: /path/test/x.spec.js:4` then (after the source line and caret) the
   * error: a spec file failed to load and mocha ran no test at all.
   */
  private loadError(line: string): boolean {
    const at = /^\s*Exception during run: (.+?):(\d+)\s*$/.exec(line);
    if (at && at[1]) {
      this.crashedIn = { file: this.paths.rel(at[1]), line: Number(at[2]) };
      this.ended = true;
      return true;
    }
    const c = this.crashedIn;
    if (!c) return false;
    if (ERROR_LINE.test(line.trim())) {
      this.c.fail({
        id: c.file,
        file: c.file,
        line: c.line,
        message: line.trim(),
        kind: 'load_error',
      });
      this.crashedIn = undefined;
    }
    return true;
  }

  finish(): ParseResult {
    this.flush();
    return this.c.result(this.runner);
  }
}
