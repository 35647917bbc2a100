/**
 * Python unittest. Verbose lines `name (module.Class.name) ... ok|FAIL|ERROR|skipped`; blocks
 * `====` / `FAIL: name (module.Class.name) [(params)]` / `----` / traceback. The message is the final
 * exception line of the (last chained) traceback. Totals: `Ran 7 tests`, `FAILED (failures=1, errors=2, skipped=1)`.
 */
import {
  addDetail,
  Collector,
  ParseContext,
  type LineParser,
  type MutableFailure,
  type ParseResult,
} from './base.js';
import { frameText, isProjectPath, type ProjectPaths } from './util.js';

const HEADER = /^(FAIL|ERROR|UNEXPECTED SUCCESS): (\S+) \(([\w.]+)\)(.*)$/;
const VERBOSE =
  /^\s*(\S+) \(([\w.]+)\)(.*?) \.\.\. (ok|FAIL|ERROR|skipped|expected failure|unexpected success)\b/;

/** Maps `name (pkg.module.Class.name) extra` to an id `pkg/module.py > Class > name extra`. */
export function unittestId(
  name: string,
  dotted: string,
  extra: string,
): { id: string; file?: string; kind: string } {
  const parts = dotted.split('.');
  if (parts[0] === 'unittest' && parts[1] === 'loader') {
    // A module that failed to import: `tests.test_x (unittest.loader._FailedTest.tests.test_x)`.
    const file = /^[\w.]+$/.test(name) ? `${name.split('.').join('/')}.py` : undefined;
    return { id: file ?? name, kind: 'load_error', ...(file ? { file } : {}) };
  }
  if (parts[parts.length - 1] === name) parts.pop();
  let cls: string | undefined;
  if (parts.length > 1 && /^[A-Z]/.test(parts[parts.length - 1] ?? '')) cls = parts.pop();
  const file = `${parts.join('/')}.py`;
  const hook = /^(setUpClass|tearDownClass|setUpModule|tearDownModule)$/.test(name);
  const full = `${name}${extra.trimEnd()}`;
  return {
    id: [file, ...(cls ? [cls] : []), full].join(' > '),
    file,
    kind: hook ? 'hook' : extra.trim() ? 'subtest' : 'test',
  };
}

export class UnittestParser implements LineParser {
  readonly runner = 'unittest';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  private okLines = 0;
  private ran = 0;
  private current: MutableFailure | undefined;
  private inTrace = false;
  private sawTrace = false;
  /** `... skipped` / `... expected failure` lines since the last `OK`/`FAILED` line. */
  private skipLines = 0;

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it; the rest belong to the open block. */
  push(line: string): void {
    if (this.onVerbose(line) || this.onHeader(line) || this.onRan(line) || this.onFinal(line))
      return;
    if (this.current) this.onBlockLine(this.current, line);
  }

  /** `name (module.Class.name) ... ok|FAIL|ERROR|skipped`. */
  private onVerbose(line: string): boolean {
    const v = VERBOSE.exec(line);
    if (!v) return false;
    if (v[4] === 'ok') {
      this.okLines++;
      this.c.pass(unittestId(v[1] ?? '', v[2] ?? '', v[3] ?? '').id);
    } else if (v[4] === 'skipped' || v[4] === 'expected failure') this.skipLines++;
    return true;
  }

  /** `FAIL: name (module.Class.name)` opens a block. */
  private onHeader(line: string): boolean {
    const h = HEADER.exec(line);
    if (!h) return false;
    const meta = unittestId(h[2] ?? '', h[3] ?? '', h[4] ?? '');
    this.current = this.c.fail({
      id: meta.id,
      kind: meta.kind,
      ...(meta.file ? { file: meta.file } : {}),
    });
    this.inTrace = false;
    this.sawTrace = false;
    return true;
  }

  private onRan(line: string): boolean {
    const ran = /^Ran (\d+) tests? in /.exec(line);
    if (!ran) return false;
    this.ran += Number(ran[1]);
    this.current = undefined;
    return true;
  }

  /** `OK` or `FAILED (failures=2, errors=3, skipped=1, expected failures=1)` after `Ran N tests`. */
  private onFinal(line: string): boolean {
    const fin = /^(OK|FAILED)(?: \((.*)\))?\s*$/.exec(line);
    if (!fin || this.ran === 0) return false;
    this.ended = true;
    this.c.summary = true;
    let bad = 0;
    for (const m of (fin[2] ?? '').matchAll(/([a-z ]+)=(\d+)/g)) {
      const key = (m[1] ?? '').trim();
      const n = Number(m[2]);
      if (key === 'skipped' || key === 'expected failures') this.c.skipped += n;
      if (key === 'failures' || key === 'errors' || key === 'unexpected successes') bad += n;
    }
    this.skipLines = 0;
    this.c.failed += bad;
    this.c.passed += this.okLines > 0 ? this.okLines : Math.max(0, this.ran - bad - this.c.skipped);
    this.okLines = 0;
    this.ran = 0;
    return true;
  }

  /** A block: rules, the traceback's frames, then the exception line (the last one wins). */
  private onBlockLine(f: MutableFailure, line: string): void {
    if (/^(=|-){20,}$/.test(line)) {
      if (line.startsWith('=')) this.current = undefined;
    } else if (/^Traceback \(most recent call last\):/.test(line)) {
      f.frames = [];
      this.inTrace = true;
      this.sawTrace = true;
    } else if (/^\s/.test(line) && this.inTrace) this.onFrame(f, line);
    else if (line.trim() === '') return;
    else if (this.inTrace || !this.sawTrace) {
      if (f.message) addDetail(f, f.message);
      f.message = line.trim();
      this.inTrace = false;
      this.sawTrace = true;
    } else addDetail(f, line);
  }

  /** Python prints the innermost frame last: keep the innermost three, innermost first. */
  private onFrame(f: MutableFailure, line: string): void {
    const fr = this.paths.frame(line);
    if (!fr || !/^\s*File "/.test(line) || !isProjectPath(fr.file)) return;
    f.frames.unshift(frameText(fr));
    if (f.frames.length > 3) f.frames.pop();
    if (f.file === fr.file) f.line = fr.line;
  }

  finish(): ParseResult {
    this.c.skipped += this.skipLines;
    this.skipLines = 0;
    return this.c.result(this.runner);
  }
}
