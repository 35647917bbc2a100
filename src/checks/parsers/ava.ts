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

interface Entry {
  name: string;
  failure: MutableFailure;
}

export class AvaParser implements LineParser {
  readonly runner = 'ava';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }
  private readonly byName = new Map<string, Entry>();
  private inBlocks = false;
  private block: Entry | undefined;
  private blockMessage: 'none' | 'weak' | 'strong' = 'none';
  private timedOut: string | undefined;

  push(line: string): void {
    const fail = FAIL_LINE.exec(line);
    if (fail && fail[2]) {
      let name = fail[2];
      let extra = '';
      const rp = / (Rejected promise returned by test|Error thrown in test|Timed out.*)$/.exec(
        name,
      );
      if (rp) {
        extra = rp[1] ?? '';
        name = name.slice(0, rp.index);
      }
      const f = this.c.fail({
        id: name.split(' › ').join(' > '),
        kind: fail[1] === 'timeout' ? 'timeout' : 'test',
      });
      if (f) {
        this.byName.set(name, { name, failure: f });
        if (extra) f.message = extra;
      }
      return;
    }
    if (/^\s*✘ Timed out while running tests/.test(line)) {
      this.timedOut = line.trim().replace(/^✘\s*/, '');
      return;
    }
    const pending = /^\s*◌ (.+?)\s*$/.exec(line);
    if (pending && pending[1] && this.timedOut) {
      const f = this.c.fail({
        id: pending[1].split(' › ').join(' > '),
        kind: 'timeout',
        message: this.timedOut,
      });
      if (f) this.byName.set(pending[1], { name: pending[1], failure: f });
      return;
    }
    if (SKIP_LINE.test(line)) {
      this.c.skipped++;
      return;
    }
    const pass = PASS_LINE.exec(line);
    if (pass && !this.inBlocks) {
      this.c.passed++;
      return;
    }
    const summary =
      /^\s*(\d+) (?:tests?|known failures?|uncaught exceptions?|unhandled rejections?) (failed|passed|skipped|todo)/.exec(
        line,
      );
    if (summary) {
      this.ended = true;
      this.c.summary = true;
      if (summary[2] === 'failed') this.c.failed += Number(summary[1]);
      return;
    }
    if (RULE.test(line)) {
      this.inBlocks = true;
      this.block = undefined;
      return;
    }
    if (!this.inBlocks) return;
    const t = line.trim();
    if (t === '') return;
    const entry = this.byName.get(t) ?? this.retitle(t);
    if (entry) {
      this.block = entry;
      this.blockMessage = 'none';
      entry.failure.message =
        entry.failure.message.startsWith('Rejected') ||
        entry.failure.message.startsWith('Error thrown')
          ? ''
          : entry.failure.message;
      return;
    }
    const b = this.block;
    if (!b) return;
    const f = b.failure;
    const loc = /^((?:file:\/\/)?[^\s:]+\.[cm]?[jt]sx?):(\d+)$/.exec(t);
    if (loc && loc[1] && !f.file) {
      this.setFile(b, this.paths.rel(loc[1]), Number(loc[2]));
      return;
    }
    if (/^\d+: /.test(t)) return;
    if (/^(at |›|file:)/.test(t) || /\(file:\/\//.test(t)) {
      const fr = this.paths.frame(t.replace(/^›\s*/, 'at '));
      if (fr && isProjectPath(fr.file)) {
        addFrame(f, frameText(fr));
        // the test's own file, not the source the error came from
        if (!f.file && this.isTestFileOf(b, fr.file)) this.setFile(b, fr.file, fr.line);
      }
      return;
    }
    if (
      this.blockMessage !== 'strong' &&
      ERROR_LINE.test(t) &&
      t.includes(':') &&
      !/^Error \{$/.test(t)
    ) {
      if (f.message) addDetail(f, f.message);
      f.message = t;
      this.blockMessage = 'strong';
      return;
    }
    if (
      this.blockMessage === 'none' &&
      !/^(Rejected promise returned by test|Error thrown in test)/.test(t) &&
      !/^\w+ \{$/.test(t)
    ) {
      f.message = t;
      this.blockMessage = 'weak';
      return;
    }
    addDetail(f, line.replace(/^ {2}/, ''));
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
