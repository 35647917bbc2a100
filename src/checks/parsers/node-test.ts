/**
 * `node --test`. Without a TTY Node 20 prints TAP (handled by TapParser); the spec reporter
 * (TTY, or Node 22+ / `--test-reporter=spec`) prints a tree:
 *   `▶ suite` opens a suite, `✔ name (1.2ms)` passes, `✖ name (1.2ms)` fails (error lines follow,
 *   indented), `﹣ name # SKIP`, and totals `ℹ pass 9`. A `✖` whose error is `N subtest(s) failed`
 *   is a parent. The trailing `✖ failing tests:` section repeats failures (deduped by id).
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
import { frameText, isProjectPath, type ProjectPaths } from './util.js';

const MARK = /^(\s*)([▶✔✖﹣])\s+(.*?)(?:\s+\((\d+(?:\.\d+)?m?s)\))?(?:\s+#\s+(SKIP|TODO).*)?\s*$/;
const TOTAL = /^ℹ (pass|fail|skipped|todo|cancelled) (\d+)$/;
const TEST_AT = /^test at (.+?):(\d+):(\d+)$/;

export class NodeSpecParser implements LineParser {
  readonly runner = 'node-test';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  private suites: { indent: number; name: string }[] = [];
  private current: MutableFailure | undefined;
  private currentIndent = 0;
  private awaitingMessage = false;
  private inFailingSection = false;
  private file: string | undefined;
  private line: number | undefined;
  /** Failures the `✖ failing tests:` section already described (each is described once). */
  private readonly described = new Set<MutableFailure>();
  /** Suites closed by `✖ name`: a failing before/after hook fails the suite itself. */
  private readonly failedSuites = new Map<string, string>();
  /** A test file that threw while loading: node prints its error, then `✖ <file>` says 'test failed'. */
  private thrownIn: string | undefined;
  private readonly loadErrors = new Map<string, string>();
  /** `ℹ pass` and the `✔` leaves: node also counts a passed parent test (`t.test`), which is not named. */
  private summaryPass = 0;
  private leafPass = 0;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it; the rest belong to the open failure. */
  push(line: string): void {
    const t = line.trim();
    if (this.onTotal(t) || this.onFailingSection(t) || this.onTestAt(t)) return;
    if (!this.inFailingSection && (this.loadError(line) || this.onMark(line))) return;
    if (this.inFailingSection && this.onFailingEntry(line)) return;
    if (this.current) this.onFailureLine(this.current, line, t);
  }

  /** `ℹ pass 9`, `ℹ skipped 1`, ... */
  private onTotal(t: string): boolean {
    const total = TOTAL.exec(t);
    if (!total) return false;
    this.c.summary = true;
    const n = Number(total[2]);
    // `ℹ fail` also counts parent tests that failed only through a child (and no suite that
    // failed on its own, measured on Node 20, 22 and 24: test/fixtures/digest/node-suites): the
    // failure list is the count.
    if (total[1] === 'pass') this.summaryPass += n;
    else if (total[1] === 'skipped' || total[1] === 'todo') this.c.skipped += n;
    this.ended = true;
    this.current = undefined;
    return true;
  }

  private onFailingSection(t: string): boolean {
    if (!/^✖ failing tests:/.test(t)) return false;
    this.inFailingSection = true;
    this.current = undefined;
    return true;
  }

  /** `test at file:line:col` places the failure described next. */
  private onTestAt(t: string): boolean {
    const at = TEST_AT.exec(t);
    if (!at || !at[1]) return false;
    this.file = this.paths.frame(`at ${at[1]}:${at[2]}:${at[3]}`)?.file;
    this.line = Number(at[2]);
    return true;
  }

  /** A line of the tree: `▶ suite`, `✔ name (1ms)`, `✖ name (1ms)`, `﹣ name # SKIP`. */
  private onMark(line: string): boolean {
    const m = MARK.exec(line);
    if (!m || !m[2]) return false;
    const indent = m[1]?.length ?? 0;
    const name = m[3] ?? '';
    this.current = undefined;
    if (this.closeSuites(indent, name, m[2])) return true;
    if (m[2] === '▶') {
      if (!m[4]) this.suites.push({ indent, name });
      return true;
    }
    const id = [...this.suites.map((s) => s.name), name].join(' > ');
    if (m[2] === '✔') this.c.pass(id);
    if (m[2] === '✔' && !m[5]) this.leafPass++;
    // Skipped tests are counted by the summary; named here for the integrity check.
    if (m[2] === '﹣') this.c.see(id);
    if (m[2] === '✖') {
      this.current = this.c.fail({ id, kind: 'test' });
      this.currentIndent = indent;
      this.awaitingMessage = true;
    }
    return true;
  }

  /**
   * Closes the suites at or below `indent`. Node 22 closes a suite with `✔|✖ name (ms)` at the
   * suite's own indentation: whether this line was such a close.
   */
  private closeSuites(indent: number, name: string, mark: string): boolean {
    let closesSuite = false;
    while (this.suites.length > 0 && (this.suites[this.suites.length - 1]?.indent ?? 0) >= indent) {
      const s = this.suites.pop();
      if (s && s.indent === indent && s.name === name) {
        closesSuite = true;
        const path = [...this.suites.map((x) => x.name), name].join(' > ');
        if (mark === '✖' && this.failedSuites.size < 500) this.failedSuites.set(name, path);
      }
    }
    return closesSuite;
  }

  /** `✖ name` at the left margin of the `✖ failing tests:` section. */
  private onFailingEntry(line: string): boolean {
    const failed = MARK.exec(line);
    if (!failed || failed[2] !== '✖' || (failed[1] ?? '') !== '') return false;
    this.describe(failed[3] ?? '');
    return true;
  }

  /** Indented lines under `✖ name`: the error's first line, then frames and detail. */
  private onFailureLine(f: MutableFailure, line: string, t: string): void {
    if (t !== '' && line.search(/\S/) <= this.currentIndent) {
      this.current = undefined;
      return;
    }
    if (this.awaitingMessage) {
      if (t !== '') this.onMessage(f, t);
      return;
    }
    if (/^at /.test(t) || /\(file:\/\//.test(t)) {
      const fr = this.paths.frame(t);
      if (fr && isProjectPath(fr.file)) {
        addFrame(f, frameText(fr));
        if (!f.file) f.file = fr.file;
      }
      return;
    }
    addDetail(f, t);
  }

  /** A parent whose error is `N subtests failed` is no failure of its own. */
  private onMessage(f: MutableFailure, t: string): void {
    if (/^'?\d+ subtests? failed'?$/.test(t)) {
      this.c.remove(f.id);
      this.current = undefined;
      return;
    }
    f.message = t.replace(/^'(.*)'$/, '$1');
    if (/timed out|timeout/i.test(t)) f.kind = 'timeout';
    this.awaitingMessage = false;
  }

  /**
   * An entry of the `✖ failing tests:` section (Node 22+): `test at file:line:col`, `✖ name`, then
   * the error, indented. It belongs to the first failure of that name not yet described, or to a
   * suite whose hook failed. The tree above it printed no messages.
   */
  private describe(name: string): void {
    const leaf = this.c
      .all()
      .find((f) => !this.described.has(f) && (f.id === name || f.id.endsWith(` > ${name}`)));
    const suite = leaf ? undefined : this.failedSuites.get(name);
    const f = leaf ?? (suite !== undefined ? this.c.fail({ id: suite, kind: 'hook' }) : undefined);
    this.current = f;
    if (!f) return;
    this.described.add(f);
    if (this.file) {
      f.file = this.file;
      if (this.line !== undefined) f.line = this.line;
    }
    this.currentIndent = 0;
    this.awaitingMessage = f.message === '' || f.message === 'test failed';
  }

  /** `/path/test/x.test.js:5` then `Error: ...`: what a test file threw while loading. */
  private loadError(line: string): boolean {
    const where = /^((?:file:\/\/)?(?:[A-Za-z]:)?[\\/]\S+\.[cm]?[jt]sx?):\d+$/.exec(line);
    if (where && where[1]) {
      this.thrownIn = this.paths.frame(`at ${where[1]}:1:1`)?.file;
      return true;
    }
    if (this.thrownIn && /^[\w$.]*(?:Error|Exception)\b(?: \[\w+\])?: \S/.test(line)) {
      if (this.loadErrors.size < 100) this.loadErrors.set(this.thrownIn, line.trim());
      this.thrownIn = undefined;
      return true;
    }
    return false;
  }

  finish(): ParseResult {
    // The runner's count, as the truth files keep it; the `✔` closing a parent is not a leaf
    // (closeSuites), so passes beyond the leaves are parents, counted but not named.
    this.c.passed = this.summaryPass;
    if (this.leafPass > 0) this.c.unnamedPasses = Math.max(0, this.summaryPass - this.leafPass);
    const r = this.c.result(this.runner);
    const failures = r.failures.map((f) => {
      const file = f.file;
      const thrown = this.loadErrors.get(f.id);
      if (thrown && (f.message === 'test failed' || f.message === ''))
        return { ...f, message: thrown, kind: 'load_error' };
      if (!file || f.id === file || f.id.startsWith(`${file} > `)) return f;
      return { ...f, id: `${file} > ${f.id}` };
    });
    return { ...r, failures };
  }
}
