/**
 * uvu. Per file: the file name, a progress line (`suite  • • ✘   (2 / 3)`), then for each failure
 * `FAIL  suite  "test name"` (no suite for uvu's default `test`), the message line (an assertion
 * ends with its operator in parentheses: `punctuation stays  (equal)`), a diff and the stack; the
 * test's own file is the first project frame. Totals: `Total:`, `Passed:`, `Skipped:`.
 */
import {
  addDetail,
  addFrame,
  Collector,
  ParseContext,
  type LineParser,
  type ParseResult,
} from './base.js';
import { frameText, isProjectPath, type ProjectPaths } from './util.js';

const FAIL = /^\s*FAIL\s+(?:(.+?)\s+)?"(.*)"\s*$/;

interface Block {
  suite?: string;
  name: string;
  message: string;
  detail: string[];
  frames: string[];
  file?: string;
  line?: number;
}

export class UvuParser implements LineParser {
  readonly runner = 'uvu';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }
  private block: Block | undefined;
  private total = 0;

  push(line: string): void {
    const fail = FAIL.exec(line);
    if (fail) {
      this.close();
      this.block = {
        ...(fail[1] ? { suite: fail[1] } : {}),
        name: fail[2] ?? '',
        message: '',
        detail: [],
        frames: [],
      };
      return;
    }
    const n = /^\s*(Total|Passed|Skipped):\s+(\d+)\s*$/.exec(line);
    if (n) {
      this.close();
      this.c.summary = true;
      if (n[1] === 'Total') this.total = Number(n[2]);
      else if (n[1] === 'Passed') this.c.passed += Number(n[2]);
      else this.c.skipped += Number(n[2]);
      return;
    }
    if (/^\s*Duration:\s/.test(line)) {
      this.close();
      this.ended = true;
      return;
    }
    const b = this.block;
    if (!b) return;
    const t = line.trim();
    if (t === '') return;
    if (!b.message) {
      b.message = t.replace(/\s+\((\w+)\)$/, '');
      return;
    }
    if (/^at /.test(t)) {
      const fr = this.paths.frame(t);
      if (fr && isProjectPath(fr.file) && b.frames.length < 3) {
        b.frames.push(frameText(fr));
        if (!b.file) {
          b.file = fr.file;
          if (fr.line !== undefined) b.line = fr.line;
        }
      }
      return;
    }
    if (b.detail.length < 12) b.detail.push(t);
  }

  private close(): void {
    const b = this.block;
    this.block = undefined;
    if (!b) return;
    const id = [b.file, b.suite, b.name].filter((x) => x !== undefined && x !== '').join(' > ');
    const f = this.c.fail({
      id,
      message: b.message,
      kind: 'test',
      ...(b.file ? { file: b.file } : {}),
      ...(b.line !== undefined ? { line: b.line } : {}),
    });
    for (const fr of b.frames) addFrame(f, fr);
    for (const d of b.detail) addDetail(f, d);
  }

  finish(): ParseResult {
    this.close();
    // uvu prints no failed total: Total - Passed - Skipped.
    this.c.failed = Math.max(0, this.total - this.c.passed - this.c.skipped);
    return this.c.result(this.runner);
  }
}
