/**
 * go test. `--- FAIL: TestX (0.00s)` (indented for subtests) opens a failure; indented output
 * lines follow (`x_test.go:31: msg`); `panic: ...` kills the package binary. The package is named
 * afterwards by `FAIL\tpkg\t0.01s` (or `FAIL\tpkg [build failed]`), so failures wait for it.
 * Parents that failed only because a subtest failed are dropped. `-v` adds `--- PASS` lines.
 */
import {
  addDetail,
  addFrame,
  Collector,
  ParseContext,
  type LineParser,
  type MutableFailure,
  own,
  type ParseResult,
} from './base.js';
import { isProjectPath, isTestPath, type ProjectPaths } from './util.js';

interface Pending {
  name: string;
  message: string;
  kind: string;
  detail: string[];
  frames: string[];
  file?: string;
  line?: number;
  own: boolean;
}

const MAX_PENDING = 500;
const MAX_DETAIL = 12;
/** Tests whose verbose output is kept until their result line (6 short lines each). */
const MAX_OUTPUTS = 5000;

function pending(name: string, kind: string, message = '', isOwn = false): Pending {
  return { name, message, kind, detail: [], frames: [], own: isOwn };
}

const RESULT = /^(\s*)--- (FAIL|PASS|SKIP): (\S+) \([\d.]+s\)/;
const PACKAGE = /^(FAIL|ok)\s+(\S+)\s+(?:\(cached\)|[\d.]+s|\[(build failed|setup failed)\])/;
const RUN = /^=== (RUN|CONT|NAME)\s+(\S+)/;
const PANIC = /^panic: (.*?)(?: \[recovered\])?$/;
/** Lines that say nothing about one test: `=== PAUSE`, bare `PASS`/`FAIL`, `ok`/`?` package lines. */
const QUIET = /^(=== PAUSE|PASS$|FAIL$|ok\s|\?\s)/;
/** A frame of the Go runtime or the testing package in a panic's goroutine dump. */
const RUNTIME_FRAME =
  /(^|\/)(usr\/(local\/)?lib\/go[^/]*|usr\/local\/go|go\/src|GOROOT)\/|^\s*(testing|runtime|panic)[.(]|^\s*created by testing|^\s*goroutine \d+/;
/** `file.go:N: ` as t.Log and t.Error print it. */
const LOCATED = /^([\w./-]+\.go):(\d+): /;

function pkgDir(pkg: string): string {
  const segs = pkg.split('/');
  const first = segs[0] ?? '';
  const moduleLen = /^(github\.com|gitlab\.com|bitbucket\.org)$/.test(first)
    ? 3
    : first.includes('.')
      ? 2
      : 1;
  return segs.slice(moduleLen).join('/');
}

export class GoParser implements LineParser {
  readonly runner = 'go';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  /** Failures of the package running now, named when its `FAIL pkg` line comes. */
  private pending: Pending[] = [];
  /** The failure whose output lines follow. */
  private current: Pending | undefined;
  private passes: string[] = [];
  private buildLines: string[] = [];
  private inPanic = false;
  /** Inside the goroutine list that `panic: test timed out` prints (`\tTestX (10m0s)`). */
  private timeoutRunning = false;
  private timeoutMessage = '';
  /** The test that printed `=== RUN` last (verbose). */
  private running: string | undefined;
  /** Tests that printed their result line (a timeout charges the one that did not). */
  private readonly finished = new Set<string>();
  private building: string | undefined;
  private readonly buildErrors = new Map<string, string[]>();
  /** Output printed under `=== RUN name` (verbose mode) until the test's result line. */
  private readonly output = new Map<string, string[]>();

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it; the rest may be compile errors. */
  push(line: string): void {
    if (
      this.onResult(line) ||
      this.onPackage(line) ||
      this.onBuildHeader(line) ||
      this.onRun(line) ||
      QUIET.test(line) ||
      this.onPanic(line) ||
      this.onTimeoutDump(line) ||
      this.onPanicDump(line) ||
      this.onFailureOutput(line) ||
      this.onVerboseOutput(line)
    )
      return;
    if (line.trim() !== '' && this.buildLines.length < MAX_DETAIL)
      this.buildLines.push(line.trim());
  }

  /** `--- FAIL|PASS|SKIP: name (0.00s)`. */
  private onResult(line: string): boolean {
    const m = RESULT.exec(line);
    const name = m?.[3];
    if (!m || !name) return false;
    this.inPanic = false;
    this.building = undefined;
    if (this.finished.size < MAX_PENDING) this.finished.add(name);
    if (m[2] === 'FAIL') this.openFailure(name);
    else {
      this.current = undefined;
      if (m[2] === 'PASS') {
        this.c.passed++;
        if (this.passes.length < MAX_PENDING) this.passes.push(name);
      } else this.c.skipped++;
    }
    this.output.delete(name);
    return true;
  }

  private openFailure(name: string): void {
    this.current = this.pending.find((p) => p.name === name);
    if (this.current) return;
    if (this.pending.length >= MAX_PENDING) {
      this.c.dropped++;
      return;
    }
    this.current = pending(name, 'test');
    this.pending.push(this.current);
    this.useEarlyOutput(this.current);
  }

  /** `FAIL\tpkg\t0.01s`, `ok\tpkg\t(cached)`, `FAIL\tpkg [build failed]`. */
  private onPackage(line: string): boolean {
    const m = PACKAGE.exec(line);
    if (!m || !m[2]) return false;
    this.closePackage(m[2], m[1] === 'FAIL', m[3]);
    return true;
  }

  /**
   * `# pkg [pkg.test]`: compile errors of pkg follow; its `FAIL pkg [build failed]` may come
   * much later, after other packages ran.
   */
  private onBuildHeader(line: string): boolean {
    const pkg = /^#\s+(\S+)/.exec(line)?.[1];
    if (!pkg) return false;
    this.building = pkg;
    this.buildLines = [];
    if (this.buildErrors.size < MAX_PENDING) this.buildErrors.set(pkg, this.buildLines);
    this.current = undefined;
    return true;
  }

  /** `=== RUN name`: -v streams a test's output before its `--- FAIL` line. */
  private onRun(line: string): boolean {
    const name = RUN.exec(line)?.[2];
    if (!name) return false;
    this.building = undefined;
    // The previous test's buffered lines may wait until the end of the run: own copies.
    const prev = this.running !== undefined ? this.output.get(this.running) : undefined;
    if (prev) for (let i = 0; i < prev.length; i++) prev[i] = own(prev[i] ?? '');
    this.running = name;
    this.current = undefined;
    this.inPanic = false;
    return true;
  }

  /** `panic: ...` kills the package's test binary; `panic: test timed out after` is a timeout. */
  private onPanic(line: string): boolean {
    const m = PANIC.exec(line);
    if (!m) return false;
    this.timeoutRunning = /^test timed out after/.test(m[1] ?? '');
    if (this.timeoutRunning) {
      this.current = undefined;
      this.timeoutMessage = line.trim();
    } else {
      if (!this.current) {
        this.current = pending('', 'panic', '', true);
        if (this.pending.length < MAX_PENDING) this.pending.push(this.current);
      }
      if (!this.inPanic) {
        // verbatim: go 1.19 prints `panic: msg [recovered]` first, then `\tpanic: msg`
        this.current.message = line.trim();
        this.current.kind = 'panic';
        this.current.own = true;
      }
    }
    this.inPanic = true;
    return true;
  }

  /** The running tests a timeout lists (`\tTestX (10m0s)`), up to the first goroutine. */
  private onTimeoutDump(line: string): boolean {
    if (!this.timeoutRunning) return false;
    const running = /^\s+(Test\S*) \(/.exec(line)?.[1];
    if (running && this.pending.length < MAX_PENDING)
      this.pending.push(pending(running, 'timeout', this.timeoutMessage, true));
    if (/^goroutine /.test(line)) this.timeoutRunning = false;
    return true;
  }

  /** A panic's goroutine dump: the project's frames place it, other lines explain it. */
  private onPanicDump(line: string): boolean {
    const cur = this.current;
    if (!this.inPanic || !cur) return false;
    const fr = /^\s+((?:[A-Za-z]:)?[^\s:]+\.go):(\d+)/.exec(line);
    const file = fr?.[1] ? this.paths.rel(fr[1]) : undefined;
    if (file && isProjectPath(file)) {
      if (cur.frames.length < 3) cur.frames.push(`${file}:${fr?.[2]}`);
      if (!cur.file || (!isTestPath(cur.file) && isTestPath(file))) {
        cur.file = file;
        cur.line = Number(fr?.[2]);
      }
    }
    const t = line.trim();
    const repeatsMessage =
      cur.message === t ||
      cur.message === `panic: ${t}` ||
      cur.message === `panic: ${t} [recovered]`;
    if (!RUNTIME_FRAME.test(t) && cur.detail.length < MAX_DETAIL && t !== '' && !repeatsMessage)
      cur.detail.push(file ? `${file}:${fr?.[2]}` : t);
    return true;
  }

  /**
   * Indented lines after `--- FAIL`. t.Log and t.Error print alike; the last `file.go:N:` line
   * before the result is usually the failed check (a test logs, then reports).
   */
  private onFailureOutput(line: string): boolean {
    const cur = this.current;
    if (!cur) return false;
    const t = line.trim();
    if (t === '') return true;
    const loc = LOCATED.exec(t);
    if (cur.message && !(loc && LOCATED.test(cur.message))) {
      if (cur.detail.length < MAX_DETAIL) cur.detail.push(t);
      return true;
    }
    if (cur.message && cur.detail.length < MAX_DETAIL) cur.detail.push(cur.message);
    cur.message = t;
    cur.own = true;
    if (loc && loc[1]) {
      cur.file = loc[1];
      cur.line = Number(loc[2]);
    }
    return true;
  }

  /** Output under `=== RUN name` before any result: kept per test, newest lines, bounded. */
  private onVerboseOutput(line: string): boolean {
    if (!this.running || !/^\s+\S/.test(line)) return false;
    let buf = this.output.get(this.running);
    if (!buf) {
      // The oldest test's output goes first (tests that never printed a result line).
      // go -v prints subtests' results only when the parent ends, so keep many.
      if (this.output.size >= MAX_OUTPUTS) this.output.delete(this.output.keys().next().value!);
      buf = [];
      this.output.set(this.running, buf);
    }
    // keep the newest lines: the failed check comes after the test's own logging
    buf.push(line.trim());
    if (buf.length > 6) buf.shift();
    return true;
  }

  private useEarlyOutput(p: Pending): void {
    const early = this.output.get(p.name);
    if (!early || early.length === 0) return;
    const key = early.findLast((l) => LOCATED.test(l)) ?? early[0] ?? '';
    p.message = key;
    p.own = true;
    const loc = LOCATED.exec(key);
    if (loc && loc[1]) {
      p.file = loc[1];
      p.line = Number(loc[2]);
    }
    for (const l of early) if (l !== key && p.detail.length < MAX_DETAIL) p.detail.push(l);
  }

  /** The package's result line: its pending failures get their ids (`pkg > TestX`). */
  private closePackage(pkg: string, failed: boolean, special: string | undefined): void {
    this.chargeTimeout();
    const built = this.buildErrors.get(pkg) ?? this.buildErrors.get(`${pkg}.test`);
    if (built && built.length > 0) this.buildLines = built;
    const any = this.failPending(pkg);
    if (failed && !any) this.failPackage(pkg, special);
    for (const name of this.passes) this.c.pass(`${pkg} > ${name}`);
    this.buildErrors.delete(pkg);
    this.resetPackage();
  }

  /**
   * go 1.19 names no test on `panic: test timed out`: with -v, the last test that started and
   * printed no result was running.
   */
  private chargeTimeout(): void {
    if (
      this.timeoutMessage &&
      this.running &&
      !this.finished.has(this.running) &&
      !this.pending.some((p) => p.kind === 'timeout') &&
      this.pending.length < MAX_PENDING
    )
      this.pending.push(pending(this.running, 'timeout', this.timeoutMessage, true));
  }

  /**
   * Records the package's pending failures; parents that failed only because a subtest did
   * are left out. Whether any was recorded.
   */
  private failPending(pkg: string): boolean {
    const dir = pkgDir(pkg);
    const names = new Set(this.pending.map((p) => p.name));
    let any = false;
    for (const p of this.pending) {
      const isParent = [...names].some((n) => n.startsWith(`${p.name}/`));
      if (isParent && p.kind !== 'panic' && p.kind !== 'timeout') continue;
      if (!p.name && names.size > 1) continue;
      const id = p.name ? `${pkg} > ${p.name}` : pkg;
      const f = this.c.fail({ id, message: p.message || `--- FAIL: ${p.name}`, kind: p.kind });
      if (!f) continue;
      any = true;
      this.fill(f, p, dir);
    }
    return any;
  }

  /** A package that failed with no test to blame: a build or setup error, or its own panic. */
  private failPackage(pkg: string, special: string | undefined): void {
    const msg = this.buildLines[0] ?? (this.timeoutMessage || `FAIL ${pkg}`);
    const kind =
      special === 'build failed'
        ? 'build_error'
        : special === 'setup failed'
          ? 'setup_error'
          : 'error';
    const f = this.c.fail({ id: pkg, message: msg, kind });
    for (const d of this.buildLines.slice(1)) addDetail(f, d);
    const loc = /^([\w./-]+\.go):(\d+)/.exec(msg);
    if (f && loc && loc[1]) {
      f.file = loc[1];
      f.line = Number(loc[2]);
      f.frames.push(`${loc[1]}:${loc[2]}`);
    }
  }

  private resetPackage(): void {
    this.pending = [];
    this.passes = [];
    this.finished.clear();
    this.output.clear();
    this.running = undefined;
    this.buildLines = [];
    this.current = undefined;
    this.inPanic = false;
    this.timeoutRunning = false;
    this.timeoutMessage = '';
  }

  private fill(f: MutableFailure, p: Pending, dir: string): void {
    if (p.file) {
      const file = p.file.includes('/') || !dir ? p.file : `${dir}/${p.file}`;
      f.file = file;
      if (p.line !== undefined) f.line = p.line;
      addFrame(f, `${file}:${p.line ?? ''}`.replace(/:$/, ''));
    }
    for (const fr of p.frames) addFrame(f, fr);
    for (const d of p.detail) addDetail(f, d);
  }

  finish(): ParseResult {
    if (this.pending.length > 0) this.closePackage('(unknown package)', true, undefined);
    return this.c.result(this.runner);
  }
}
