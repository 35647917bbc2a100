/**
 * ava default reporter. `✘ [fail]: file title › test title` lists failures; after a `─` rule each
 * failure has a block: its title, `test/x.test.js:11`, a code frame, then either an error line
 * (`Error: ...`) or `Difference (- actual, + expected):` with a diff. The real file comes from the
 * block's location line; the file-title prefix of the ava name is replaced by it.
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
import { ERROR_LINE, frameText, isProjectPath, isTestPath, type ProjectPaths } from './util.js';

const FAIL_LINE = /^\s*✘\s+\[(fail|timeout|crash)\]:\s+(.+?)\s*$/;
const PASS_LINE = /^\s*✔\s+(?:\[\w+\]:\s+)?(.+?)(?:\s+\(\d+(?:\.\d+)?m?s\))?\s*$/;
const SKIP_LINE = /^\s*-\s+\[(skip|todo)\]:?\s+/;
const RULE = /^\s*─+\s*$/;
const SUMMARY =
  /^\s*(\d+) (?:tests?|known failures?|uncaught exceptions?|unhandled rejections?) (failed|passed|skipped|todo)/;
/** What ava appends to a failing title on its `✘ [fail]:` line when the test threw. */
const THROWN_SUFFIX = / (Rejected promise returned by test|Error thrown in test|Timed out.*)$/;
/** A block's location line: `test/x.test.js:11`. */
const LOCATION = /^((?:file:\/\/)?[^\s:]+\.[cm]?[jt]sx?):(\d+)$/;

const idOf = (title: string): string => title.split(' › ').join(' > ');

interface Entry {
  name: string;
  failure: MutableFailure;
}

export class AvaParser implements LineParser {
  readonly runner = 'ava';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  private readonly byName = new Map<string, Entry>();
  /** Past the `─` rule: failure blocks follow. */
  private inBlocks = false;
  private block: Entry | undefined;
  private blockMessage: 'none' | 'weak' | 'strong' = 'none';
  private timedOut: string | undefined;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it; past the rule, to the failure blocks. */
  push(line: string): void {
    if (
      this.onFail(line) ||
      this.onTimedOut(line) ||
      this.onPending(line) ||
      this.onCount(line) ||
      this.onSummary(line) ||
      this.onRule(line)
    )
      return;
    const t = line.trim();
    if (!this.inBlocks || t === '' || this.onBlockTitle(t)) return;
    const b = this.block;
    if (b) this.onBlockLine(b, line, t);
  }

  /** `✘ [fail]: file › title` (a message or how it threw may follow the title). */
  private onFail(line: string): boolean {
    const fail = FAIL_LINE.exec(line);
    if (!fail || !fail[2]) return false;
    let name = fail[2];
    const thrown = THROWN_SUFFIX.exec(name);
    if (thrown) name = name.slice(0, thrown.index);
    const f = this.c.fail({ id: idOf(name), kind: fail[1] === 'timeout' ? 'timeout' : 'test' });
    if (f) {
      this.byName.set(name, { name, failure: f });
      if (thrown?.[1]) f.message = thrown[1];
    }
    return true;
  }

  private onTimedOut(line: string): boolean {
    if (!/^\s*✘ Timed out while running tests/.test(line)) return false;
    this.timedOut = line.trim().replace(/^✘\s*/, '');
    return true;
  }

  /** `◌ title` after a timeout: a test still pending when ava gave up. */
  private onPending(line: string): boolean {
    const title = /^\s*◌ (.+?)\s*$/.exec(line)?.[1];
    if (!title || !this.timedOut) return false;
    const f = this.c.fail({ id: idOf(title), kind: 'timeout', message: this.timedOut });
    if (f) this.byName.set(title, { name: title, failure: f });
    return true;
  }

  /** `- [skip]: title` and `✔ title` (before the failure blocks). */
  private onCount(line: string): boolean {
    if (SKIP_LINE.test(line)) {
      this.c.skipped++;
      return true;
    }
    if (this.inBlocks || !PASS_LINE.test(line)) return false;
    this.c.passed++;
    return true;
  }

  /** `2 tests failed`, `1 known failure`, ...: the run's totals. */
  private onSummary(line: string): boolean {
    const summary = SUMMARY.exec(line);
    if (!summary) return false;
    this.ended = true;
    this.c.summary = true;
    if (summary[2] === 'failed') this.c.failed += Number(summary[1]);
    return true;
  }

  private onRule(line: string): boolean {
    if (!RULE.test(line)) return false;
    this.inBlocks = true;
    this.block = undefined;
    return true;
  }

  /** A block's title line names the failure whose block it opens. */
  private onBlockTitle(t: string): boolean {
    const entry = this.byName.get(t) ?? this.retitle(t);
    if (!entry) return false;
    this.block = entry;
    this.blockMessage = 'none';
    const m = entry.failure.message;
    if (m.startsWith('Rejected') || m.startsWith('Error thrown')) entry.failure.message = '';
    return true;
  }

  /** A line of a failure's block: its location, stack frames, error line or first line. */
  private onBlockLine(b: Entry, line: string, t: string): void {
    const f = b.failure;
    const loc = LOCATION.exec(t);
    if (loc && loc[1] && !f.file) this.setFile(b, this.paths.rel(loc[1]), Number(loc[2]));
    else if (/^\d+: /.test(t)) return;
    else if (/^(at |›|file:)/.test(t) || /\(file:\/\//.test(t)) this.onFrame(b, t);
    else if (!this.onMessage(f, t)) addDetail(f, line.replace(/^ {2}/, ''));
  }

  private onFrame(b: Entry, t: string): void {
    const fr = this.paths.frame(t.replace(/^›\s*/, 'at '));
    if (!fr || !isProjectPath(fr.file)) return;
    addFrame(b.failure, frameText(fr));
    // the test's own file, not the source the error came from
    if (!b.failure.file && this.isTestFileOf(b, fr.file)) this.setFile(b, fr.file, fr.line);
  }

  /**
   * An error line (`TypeError: ...`) is the message; before one, the block's first plain line
   * (an assertion's own message) stands in. Whether the line was taken.
   */
  private onMessage(f: MutableFailure, t: string): boolean {
    if (
      this.blockMessage !== 'strong' &&
      ERROR_LINE.test(t) &&
      t.includes(':') &&
      t !== 'Error {'
    ) {
      if (f.message) addDetail(f, f.message);
      f.message = t;
      this.blockMessage = 'strong';
      return true;
    }
    if (
      this.blockMessage !== 'none' ||
      /^(Rejected promise returned by test|Error thrown in test)/.test(t) ||
      /^\w+ \{$/.test(t)
    )
      return false;
    f.message = t;
    this.blockMessage = 'weak';
    return true;
  }

  /**
   * `✘ [fail]: file › title message` carries the assertion's message after the title; the
   * block's title line (`file › title`) tells where the name ends.
   */
  private retitle(title: string): Entry | undefined {
    for (const [key, e] of this.byName) {
      if (!key.startsWith(`${title} `)) continue;
      this.byName.delete(key);
      e.name = title;
      this.byName.set(title, e);
      const id = title.split(' › ').join(' > ');
      if (!this.c.has(id)) {
        const f = e.failure;
        this.c.remove(f.id);
        const moved = this.c.fail({ id });
        if (moved) Object.assign(moved, { ...f, id, seq: moved.seq });
        e.failure = moved ?? f;
      }
      return e;
    }
    return undefined;
  }

  /** A test file whose name matches ava's title prefix (`fm` for test/fm.test.js). */
  private isTestFileOf(b: Entry, file: string): boolean {
    const first = b.name.split(' › ')[0] ?? '';
    const base = file.replace(/\\/g, '/').replace(/\.[cm]?[jt]sx?$/, '');
    const named =
      b.name.split(' › ').length < 2 ||
      base.endsWith(first) ||
      base.replace(/[._-](test|spec)$/, '').endsWith(first);
    return isTestPath(file) && named;
  }

  private setFile(b: Entry, file: string, line: number | undefined): void {
    const f = b.failure;
    f.file = file;
    if (line !== undefined) f.line = line;
    const parts = b.name.split(' › ');
    const base = file.replace(/\\/g, '/').replace(/\.[cm]?[jt]sx?$/, '');
    const first = parts[0] ?? '';
    if (
      parts.length > 1 &&
      (base.endsWith(first) || base.replace(/[._-](test|spec)$/, '').endsWith(first))
    )
      parts.shift();
    const id = [file, ...parts].join(' > ');
    if (id !== f.id && !this.c.has(id)) {
      this.c.remove(f.id);
      f.id = id;
      const moved = this.c.fail({ id });
      if (moved) Object.assign(moved, { ...f, seq: moved.seq });
      b.failure = moved ?? f;
    }
  }

  finish(): ParseResult {
    return this.c.result(this.runner);
  }
}
