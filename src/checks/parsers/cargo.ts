/**
 * cargo test / libtest. `Running unittests src/lib.rs (target/...)` names the test binary; lines
 * `test path::name ... ok|FAILED|ignored`; blocks `---- name stdout ----` hold
 * `thread 'name' (id) panicked at src/x.rs:1:2:` followed by the panic message (older Rust:
 * `panicked at 'msg', src/x.rs:1:2`). Compile errors `error[E0308]: ...` / ` --> src/x.rs:1:2`
 * belong to the crate named by the following `error: could not compile `crate` (target)`.
 * Totals: `test result: FAILED. 6 passed; 2 failed; 1 ignored; ...` (summed per binary).
 */
import {
  addDetail,
  addFrame,
  Collector,
  ParseContext,
  type LineParser,
  MAX_FAILURES,
  type MutableFailure,
  type ParseResult,
} from './base.js';
import { type ProjectPaths } from './util.js';

interface Panic {
  file: string;
  line: number;
  col: number;
  message?: string;
}

const RUNNING = /^\s*Running (?:unittests )?(\S+)(?: \(.*\))?\s*$/;
// With --nocapture a test's own output can share the line: `test a ... okpushing 1`.
const TEST = /^\s?test (\S.*?) \.\.\. (ok|FAILED|ignored)/;
const RESULT = /^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/;
/** `thread 'name' (id) panicked at src/x.rs:1:2:` (older Rust: `panicked at 'msg', src/x.rs:1:2`). */
const PANIC =
  /^thread '([^']*)'(?: \(\d+\))? panicked at (?:'(.*)', )?((?:[A-Za-z]:)?[^\s:]+):(\d+):(\d+)(:?)$/;
/**
 * cargo's own summary lines, never tests: `error: test failed, to rerun pass `--lib``,
 * `error: doctest failed, to rerun pass `--doc``, `error: 3 targets failed:` and its list.
 */
const CARGO_SUMMARY = /^failures:$|^error: (test failed|doctest failed|\d+ targets? failed)\b/;

interface CompileError {
  message: string;
  loc?: string;
  detail: string[];
}

export class CargoParser implements LineParser {
  readonly runner = 'cargo';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  /** The test binary running (`Running unittests src/lib.rs (...)`, `Doc-tests crate`). */
  private target = '';
  /** The failure whose `---- name stdout ----` block is being read. */
  private current: MutableFailure | undefined;
  private awaitingPanic = false;
  /** Panics seen before their test's result line (--nocapture), by test id. */
  private readonly pending = new Map<string, Panic>();
  private pendingMessage: Panic | undefined;
  private ignoredSinceResult = 0;
  private compileErrors: CompileError[] = [];
  private compileCurrent: CompileError | undefined;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it. */
  push(line: string): void {
    if (
      this.onTarget(line) ||
      this.onTest(line) ||
      this.onBlock(line) ||
      this.onResult(line) ||
      this.onCargoSummary(line) ||
      this.compile(line)
    )
      return;
    const panic = PANIC.exec(line);
    if (this.onLoosePanic(panic) || this.onPendingMessage(line)) return;
    if (this.current) this.onBlockLine(this.current, line, panic);
  }

  /** `Running unittests src/lib.rs (target/...)` or `Doc-tests crate`: ids are under it. */
  private onTarget(line: string): boolean {
    const running = RUNNING.exec(line)?.[1];
    if (running) {
      this.target = this.paths.rel(running);
      this.current = undefined;
      return true;
    }
    const doc = /^\s*Doc-tests (\S+)/.exec(line);
    if (doc) this.target = `Doc-tests ${doc[1] ?? ''}`;
    return doc !== null;
  }

  /** `test name ... ok|FAILED|ignored`; a panic printed before it (--nocapture) places it. */
  private onTest(line: string): boolean {
    const test = TEST.exec(line);
    if (!test || !test[1]) return false;
    const id = this.idOf(test[1].replace(/ - should panic$/, ''));
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (test[2] === 'FAILED') {
      const f = this.c.fail({ id, kind: 'test' });
      if (f && p && !f.message) {
        f.file = p.file;
        f.line = p.line;
        addFrame(f, `${p.file}:${p.line}:${p.col}`);
        f.message = p.message ?? '';
      }
    } else if (test[2] === 'ignored') this.ignoredSinceResult++;
    else this.c.pass(id);
    return true;
  }

  /** `---- name stdout ----` opens the failure's captured output. */
  private onBlock(line: string): boolean {
    const name = /^---- (.+?) stdout ----$/.exec(line)?.[1];
    if (!name) return false;
    this.current = this.c.fail({ id: this.idOf(name), kind: 'test' });
    this.awaitingPanic = false;
    return true;
  }

  /** `test result: FAILED. 6 passed; 2 failed; 1 ignored; ...` (summed per binary). */
  private onResult(line: string): boolean {
    const result = RESULT.exec(line);
    if (!result) return false;
    this.c.summary = true;
    this.c.passed += Number(result[1]);
    this.c.failed += Number(result[2]);
    // the result line counts the binary's ignored tests already
    this.c.skipped += Number(result[3]);
    this.ignoredSinceResult = 0;
    this.current = undefined;
    this.ended = true;
    return true;
  }

  private onCargoSummary(line: string): boolean {
    if (!CARGO_SUMMARY.test(line)) return false;
    this.current = undefined;
    this.compileCurrent = undefined;
    return true;
  }

  /**
   * --nocapture: panics are printed as they happen, outside any `---- name stdout ----` block,
   * before `test name ... FAILED` (or `ok` for should_panic); the thread is named after the test.
   */
  private onLoosePanic(panic: RegExpExecArray | null): boolean {
    const thread = panic?.[1];
    if (!panic || !thread || thread === 'main' || this.current?.id === this.idOf(thread))
      return false;
    const p: Panic = {
      file: this.paths.rel(panic[3] ?? ''),
      line: Number(panic[4]),
      col: Number(panic[5]),
      ...(panic[2] !== undefined ? { message: panic[2] } : {}),
    };
    if (this.pending.size < MAX_FAILURES) this.pending.set(this.idOf(thread), p);
    this.pendingMessage = panic[2] === undefined ? p : undefined;
    this.current = undefined;
    return true;
  }

  /** The line after a loose `panicked at file:line:col:` is its message. */
  private onPendingMessage(line: string): boolean {
    if (!this.pendingMessage) return false;
    this.pendingMessage.message = line.trim();
    this.pendingMessage = undefined;
    return true;
  }

  /** A line of a failure's `---- name stdout ----` block. */
  private onBlockLine(f: MutableFailure, line: string, panic: RegExpExecArray | null): void {
    if (panic) {
      const file = this.paths.rel(panic[3] ?? '');
      // A doc-test panics in a temporary bundle (`/tmp/rustdoctest…`): not a place in the project.
      if (!file.startsWith('/')) {
        f.file = file;
        f.line = Number(panic[4]);
        addFrame(f, `${file}:${panic[4]}:${panic[5]}`);
      }
      if (panic[2] !== undefined) f.message = panic[2];
      else this.awaitingPanic = true;
      return;
    }
    if (this.awaitingPanic) {
      f.message = line.trim();
      this.awaitingPanic = false;
      return;
    }
    if (/^note: run with `RUST_BACKTRACE/.test(line) || line.trim() === '') return;
    // No panic: `#[should_panic]` that did not (`note: test did not panic as expected at …`), a
    // test returning Err (`Error: "…"`). A later panic line replaces it.
    if (!f.message && /^(note: |Error: )/.test(line)) f.message = line.trim();
    else addDetail(f, line);
  }

  private idOf(name: string): string {
    return this.target ? `${this.target} > ${name}` : name;
  }

  private compile(line: string): boolean {
    const err = /^error(\[E\d+\])?: (.*)$/.exec(line);
    if (err) {
      const couldNot = /^could not compile `([^`]+)`(?: \(([^)]+)\))?/.exec(err[2] ?? '');
      if (couldNot) {
        const crate = couldNot[2] ? `${couldNot[1]} (${couldNot[2]})` : (couldNot[1] ?? '');
        for (const ce of this.compileErrors) {
          const f = this.c.fail({
            id: ce.loc ? `${crate} > ${ce.loc}` : crate,
            message: ce.message,
            kind: 'compile_error',
          });
          if (f && ce.loc) {
            const [file, ln] = ce.loc.split(':');
            if (file) f.file = file;
            if (ln) f.line = Number(ln);
            f.frames.push(ce.loc);
          }
          for (const d of ce.detail) addDetail(f, d);
        }
        if (this.compileErrors.length === 0)
          this.c.fail({ id: crate, message: line.trim(), kind: 'compile_error' });
        this.compileErrors = [];
        this.compileCurrent = undefined;
        return true;
      }
      if (/^(aborting due to|test failed|\d+ previous errors?)/.test(err[2] ?? '')) return true;
      this.compileCurrent = { message: line.trim(), detail: [] };
      if (this.compileErrors.length < 50) this.compileErrors.push(this.compileCurrent);
      this.current = undefined;
      return true;
    }
    if (/^warning(\[\w+\])?: /.test(line)) {
      this.compileCurrent = undefined;
      return false;
    }
    const ce = this.compileCurrent;
    if (!ce) return false;
    const loc = /^\s*--> ((?:[A-Za-z]:)?[^\s:]+):(\d+):(\d+)/.exec(line);
    if (loc && !ce.loc) {
      ce.loc = `${this.paths.rel(loc[1] ?? '')}:${loc[2]}:${loc[3]}`;
      return true;
    }
    if (line.trim() === '') {
      this.compileCurrent = undefined;
      return true;
    }
    if (ce.detail.length < 12) ce.detail.push(line.trimEnd());
    return true;
  }

  finish(): ParseResult {
    // A binary cut off before its `test result:` line.
    this.c.skipped += this.ignoredSinceResult;
    this.ignoredSinceResult = 0;
    // Compile errors whose `could not compile` line never came (truncated log).
    for (const ce of this.compileErrors) {
      const f = this.c.fail({
        id: ce.loc ?? ce.message,
        message: ce.message,
        kind: 'compile_error',
      });
      if (f && ce.loc) f.frames.push(ce.loc);
      for (const d of ce.detail) addDetail(f, d);
    }
    return this.c.result(this.runner);
  }
}
