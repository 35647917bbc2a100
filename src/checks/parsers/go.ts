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
/** Tests whose verbose output is kept until their result line (6 short lines each). */
const MAX_OUTPUTS = 5000;

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

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }
  private pending: Pending[] = [];
  private current: Pending | undefined;
  private passes: string[] = [];
  private buildLines: string[] = [];
  private inPanic = false;
  private timeoutRunning = false;

  push(line: string): void {
    const fail = /^(\s*)--- (FAIL|PASS|SKIP): (\S+) \([\d.]+s\)/.exec(line);
    if (fail && fail[3]) {
      this.inPanic = false;
      this.building = undefined;
      if (this.finished.size < MAX_PENDING) this.finished.add(fail[3]);
      if (fail[2] === 'FAIL') {
        this.current = this.pending.find((p) => p.name === fail[3]);
        if (!this.current && this.pending.length < MAX_PENDING) {
          this.current = {
            name: fail[3],
            message: '',
            kind: 'test',
            detail: [],
            frames: [],
            own: false,
          };
          this.pending.push(this.current);
          this.useEarlyOutput(this.current);
        } else if (!this.current) this.c.dropped++;
        this.output.delete(fail[3]);
      } else {
        this.current = undefined;
        this.output.delete(fail[3]);
        if (fail[2] === 'PASS') {
          this.c.passed++;
          if (this.passes.length < MAX_PENDING) this.passes.push(fail[3]);
        } else this.c.skipped++;
      }
      return;
    }
    const pkg = /^(FAIL|ok)\s+(\S+)\s+(?:\(cached\)|[\d.]+s|\[(build failed|setup failed)\])/.exec(
      line,
    );
    if (pkg && pkg[2]) {
      this.closePackage(pkg[2], pkg[1] === 'FAIL', pkg[3]);
      return;
    }
    const header = /^#\s+(\S+)/.exec(line);
    if (header && header[1]) {
      // `# pkg [pkg.test]`: compile errors of pkg follow; its `FAIL pkg [build failed]` may come
      // much later, after other packages ran.
      this.building = header[1];
      this.buildLines = [];
      if (this.buildErrors.size < MAX_PENDING) this.buildErrors.set(header[1], this.buildLines);
      this.current = undefined;
      return;
    }
    const run = /^=== (RUN|CONT|NAME)\s+(\S+)/.exec(line);
    if (run) this.building = undefined;
    if (run && run[2]) {
      // The previous test's buffered lines may wait until the end of the run: own copies.
      const prev = this.running !== undefined ? this.output.get(this.running) : undefined;
      if (prev) for (let i = 0; i < prev.length; i++) prev[i] = own(prev[i] ?? '');
      // -v streams a test's output before its `--- FAIL` line: remember it per test.
      this.running = run[2];
      this.current = undefined;
      this.inPanic = false;
      return;
    }
    if (/^(=== PAUSE|PASS$|FAIL$|ok\s|\?\s)/.test(line)) return;
    const panic = /^panic: (.*?)(?: \[recovered\])?$/.exec(line);
    if (panic) {
      const timeout = /^test timed out after/.test(panic[1] ?? '');
      this.timeoutRunning = timeout;
      if (timeout) {
        this.current = undefined;
        this.timeoutMessage = line.trim();
      } else {
        if (!this.current) {
          this.current = {
            name: '',
            message: '',
            kind: 'panic',
            detail: [],
            frames: [],
            own: true,
          };
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
      return;
    }
    if (this.timeoutRunning) {
      const running = /^\s+(Test\S*) \(/.exec(line);
      if (running && running[1] && this.pending.length < MAX_PENDING) {
        this.pending.push({
          name: running[1],
          message: this.timeoutMessage,
          kind: 'timeout',
          detail: [],
          frames: [],
          own: true,
        });
      }
      if (/^goroutine /.test(line)) this.timeoutRunning = false;
      return;
    }
    const cur = this.current;
    if (this.inPanic && cur) {
      const fr = /^\s+((?:[A-Za-z]:)?[^\s:]+\.go):(\d+)/.exec(line);
      if (fr && fr[1]) {
        const file = this.paths.rel(fr[1]);
        if (isProjectPath(file)) {
          if (cur.frames.length < 3) cur.frames.push(`${file}:${fr[2]}`);
          if (!cur.file || (!isTestPath(cur.file) && isTestPath(file))) {
            cur.file = file;
            cur.line = Number(fr[2]);
          }
        }
      }
      const runtime =
        /(^|\/)(usr\/(local\/)?lib\/go[^/]*|usr\/local\/go|go\/src|GOROOT)\/|^\s*(testing|runtime|panic)[.(]|^\s*created by testing|^\s*goroutine \d+/.test(
          line.trim(),
        );
      if (
        !runtime &&
        cur.detail.length < 12 &&
        line.trim() !== '' &&
        `panic: ${line.trim()}` !== cur.message &&
        `panic: ${line.trim()} [recovered]` !== cur.message &&
        line.trim() !== cur.message
      ) {
        cur.detail.push(fr && fr[1] ? `${this.paths.rel(fr[1])}:${fr[2]}` : line.trim());
      }
      return;
    }
    if (cur) {
      const t = line.trim();
      if (t === '') return;
      const loc = /^([\w./-]+\.go):(\d+): /.exec(t);
      // t.Log and t.Error print alike; the last `file.go:N:` line before the result is
      // usually the failed check (a test logs, then reports).
      const replaces = loc && /^[\w./-]+\.go:\d+: /.test(cur.message);
      if (!cur.message || replaces) {
        if (cur.message && cur.detail.length < 12) cur.detail.push(cur.message);
        cur.message = t;
        cur.own = true;
        if (loc && loc[1]) {
          cur.file = loc[1];
          cur.line = Number(loc[2]);
        }
      } else if (cur.detail.length < 12) cur.detail.push(t);
      return;
    }
    if (this.running && /^\s+\S/.test(line)) {
      let buf = this.output.get(this.running);
      if (!buf) {
        // Bounded: the oldest test's output goes first (tests that never printed a result line).
        // go -v prints subtests' results only when the parent ends, so keep many.
        if (this.output.size >= MAX_OUTPUTS) this.output.delete(this.output.keys().next().value!);
        buf = [];
        this.output.set(this.running, buf);
      }
      // keep the newest lines: the failed check comes after the test's own logging
      buf.push(line.trim());
      if (buf.length > 6) buf.shift();
      return;
    }
    if (line.trim() !== '' && this.buildLines.length < 12) this.buildLines.push(line.trim());
  }

  private running: string | undefined;
  /** Tests that printed their result line (a timeout charges the one that did not). */
  private readonly finished = new Set<string>();
  private building: string | undefined;
  private readonly buildErrors = new Map<string, string[]>();
  /** Output printed under `=== RUN name` (verbose mode) until the test's result line. */
  private readonly output = new Map<string, string[]>();

  private useEarlyOutput(p: Pending): void {
    const early = this.output.get(p.name);
    if (!early || early.length === 0) return;
    const key = early.findLast((l) => /^[\w./-]+\.go:\d+: /.test(l)) ?? early[0] ?? '';
    p.message = key;
    p.own = true;
    const loc = /^([\w./-]+\.go):(\d+): /.exec(key);
    if (loc && loc[1]) {
      p.file = loc[1];
      p.line = Number(loc[2]);
    }
    for (const l of early) if (l !== key && p.detail.length < 12) p.detail.push(l);
  }

  private timeoutMessage = '';

  private closePackage(pkg: string, failed: boolean, special: string | undefined): void {
    const dir = pkgDir(pkg);
    // go 1.19 names no test on `panic: test timed out`: with -v, the last test that started
    // and printed no result was running.
    if (
      this.timeoutMessage &&
      this.running &&
      !this.finished.has(this.running) &&
      !this.pending.some((p) => p.kind === 'timeout') &&
      this.pending.length < MAX_PENDING
    ) {
      this.pending.push({
        name: this.running,
        message: this.timeoutMessage,
        kind: 'timeout',
        detail: [],
        frames: [],
        own: true,
      });
    }
    const built = this.buildErrors.get(pkg) ?? this.buildErrors.get(`${pkg}.test`);
    if (built && built.length > 0) this.buildLines = built;
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
    if (failed && !any) {
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
    for (const name of this.passes) this.c.pass(`${pkg} > ${name}`);
    this.pending = [];
    this.passes = [];
    this.finished.clear();
    this.buildErrors.delete(pkg);
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
