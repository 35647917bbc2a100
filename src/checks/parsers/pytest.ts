/**
 * pytest. Sections: `==== ERRORS ====` / `==== FAILURES ====` hold blocks headed
 * `____ [ERROR at setup of |ERROR collecting ]name ____`; in a block the first `E   ` line is the
 * message and `path.py:20: ExcType` lines locate it. `short test summary info` lists
 * `FAILED|ERROR nodeid - message`; `-v` prints `nodeid PASSED|FAILED|RERUN`. A test that reran and
 * then passed is flaky. Final line: `== 2 failed, 7 passed, 1 error in 0.89s ==`.
 */
import {
  addDetail,
  addFrame,
  Collector,
  ParseContext,
  type LineParser,
  type ParseResult,
} from './base.js';
import { isProjectPath, isTestPath, type ProjectPaths } from './util.js';

/** `-q` prints the final counts without the `=` rule. */
const QUIET_FINAL =
  /^(\d+ (?:passed|failed|errors?|skipped|deselected|xfailed|xpassed|rerun|warnings?)\b.*) in [\d.]+s(?: \([\d:.]+\))?$/;
const BLOCK = /^_{3,} (.+?) _{3,}$/;
const SUMMARY_ITEM = /^(FAILED|ERROR) (\S+?)(?: - (.*))?$/;
const VERBOSE =
  /^(?:\[gw\d+\] (?:\[\s*\d+%\] )?)?(\S+::\S+|\S+\.py) (PASSED|FAILED|ERROR|RERUN|SKIPPED|XFAIL|XPASS)\b/;
const VERBOSE_XDIST = /^(?:\[gw\d+\] (?:\[\s*\d+%\] )?)(PASSED|FAILED|ERROR|RERUN|SKIPPED) (\S+)/;
const SECTION = /^=+ (.+?) =+$/;
const BLOCK_ERROR = /^ERROR (at (setup|teardown) of|collecting) (.+)$/;
/** `path.py:20: ExcType`: where a block's traceback passed. */
const LOCATION = /^((?:[A-Za-z]:)?[^\s:]+\.py):(\d+): (.*)$/;
const FINAL =
  /^=+ (.*\d+ (?:passed|failed|error|errors|skipped|deselected|xfailed|xpassed|rerun|warnings?)\b.*) in [\d.]+s.*=+$/;

interface Block {
  name: string;
  kind: string;
  message: string;
  detail: string[];
  frames: string[];
  file?: string;
  line?: number;
}

function splitNodeId(nodeid: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < nodeid.length; i++) {
    const ch = nodeid[i];
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === ':' && nodeid[i + 1] === ':') {
      parts.push(cur);
      cur = '';
      i++;
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts;
}

export class PytestParser implements LineParser {
  readonly runner = 'pytest';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  /** Blocks by their short name (bounded by the failure cap). */
  private readonly blocks = new Map<string, Block>();
  private block: Block | undefined;
  private section: 'none' | 'failures' | 'summary' = 'none';
  private lastSummary: string | undefined;
  /** The last summary item had no FAILURES block: its continuation lines are its detail. */
  private summaryTakesDetail = false;
  private readonly reran = new Set<string>();

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it, then to the section it is in. */
  push(line: string): void {
    if (this.onQuietFinal(line) || this.onSection(line) || this.crash(line) || this.onVerbose(line))
      return;
    if (this.section === 'summary') this.onSummaryLine(line);
    else if (this.section === 'failures' && !this.onBlockHeader(line) && this.block)
      this.onBlockLine(this.block, line);
  }

  /** `-q`'s bare `3 failed, 4 passed in 0.05s`. */
  private onQuietFinal(line: string): boolean {
    const quiet = QUIET_FINAL.exec(line)?.[1];
    if (!quiet) return false;
    this.readFinal(quiet);
    this.section = 'none';
    return true;
  }

  /** `=== FAILURES ===`, `=== short test summary info ===`, the final `=== 2 failed in 1s ===`. */
  private onSection(line: string): boolean {
    const title = SECTION.exec(line)?.[1];
    if (!title) return false;
    this.block = undefined;
    const fin = FINAL.exec(line)?.[1];
    if (fin) this.readFinal(fin);
    this.section = fin
      ? 'none'
      : /^(FAILURES|ERRORS)$/.test(title)
        ? 'failures'
        : /short test summary info/.test(title)
          ? 'summary'
          : 'none';
    return true;
  }

  /** `-v`: `nodeid PASSED|FAILED|RERUN...` (xdist: `[gw0] PASSED nodeid`). */
  private onVerbose(line: string): boolean {
    const v = VERBOSE.exec(line) ?? swapXdist(VERBOSE_XDIST.exec(line));
    if (!v || !v[1] || !v[2]) return false;
    this.verbose(v[1], v[2]);
    return true;
  }

  /** `FAILED nodeid - message` (and its indented continuation lines). */
  private onSummaryLine(line: string): void {
    const s = SUMMARY_ITEM.exec(line);
    if (s && s[2]) this.fromSummary(s[1] === 'ERROR', s[2], s[3]);
    // Lines under an item continue its message (under CI, pytest prints the whole assertion
    // diff there); kept only when no FAILURES block already gave the failure its detail.
    else if (this.lastSummary && this.summaryTakesDetail && /^\s/.test(line))
      addDetail(this.c.get(this.lastSummary), line.trim());
  }

  /** `____ name ____`, `____ ERROR at setup of name ____`, `____ ERROR collecting file ____`. */
  private onBlockHeader(line: string): boolean {
    const header = BLOCK.exec(line)?.[1];
    if (!header || /^_ _/.test(line)) return false;
    const err = BLOCK_ERROR.exec(header);
    const name = err?.[3] ?? header;
    const when = err?.[2];
    const kind = !err
      ? 'test'
      : when === 'setup'
        ? 'setup_error'
        : when === 'teardown'
          ? 'teardown_error'
          : 'collection_error';
    if (this.blocks.size < 500) {
      this.block = { name, kind, message: '', detail: [], frames: [] };
      this.blocks.set(`${kind === 'teardown_error' ? 'T:' : ''}${name}`, this.block);
    }
    return true;
  }

  /** In a block: `E   ` lines (the first is the message), `path.py:20: Exc` locations. */
  private onBlockLine(b: Block, line: string): void {
    const e = /^E\s{1,8}(.*)$/.exec(line);
    if (e) {
      this.onErrorLine(b, (e[1] ?? '').trim());
      return;
    }
    const loc = LOCATION.exec(line);
    if (loc && loc[1]) this.onLocation(b, this.paths.rel(loc[1]), Number(loc[2]));
    else if (
      !b.message &&
      b.kind === 'collection_error' &&
      line.trim() !== '' &&
      b.detail.length < 16
    )
      b.detail.push(line.trim());
  }

  private onErrorLine(b: Block, text: string): void {
    // A SyntaxError shows `File "…", line N`, the source and a caret before its own line.
    if (/^\s*File ".*", line \d+/.test(b.message) && /^[\w.]*(Error|Exception)\b.*?: /.test(text)) {
      b.detail.unshift(b.message);
      b.message = text;
    } else if (!b.message && text !== '') b.message = text;
    else if (b.detail.length < 16 && text !== '') b.detail.push(text);
  }

  /** The innermost location comes last in a block: keep the innermost three, innermost first. */
  private onLocation(b: Block, file: string, line: number): void {
    if (!isProjectPath(file)) return;
    b.frames.unshift(`${file}:${line}`);
    if (b.frames.length > 3) b.frames.pop();
    if (!b.file || (!isTestPath(b.file) && isTestPath(file))) {
      b.file = file;
      b.line = line;
    }
  }

  private fatal: string | undefined;

  /**
   * `Fatal Python error: Segmentation fault` (faulthandler) kills pytest mid-run; the dump that
   * follows, most recent call first, names the test that was running: that test failed.
   */
  private crash(line: string): boolean {
    const fatal = /Fatal Python error: .*$/.exec(line);
    if (fatal) {
      this.fatal = fatal[0].trim();
      return true;
    }
    if (!this.fatal) return false;
    const fr = /^\s*File "([^"]+)", line (\d+) in (\w+)/.exec(line);
    if (fr && fr[1] && fr[3]) {
      const file = this.paths.rel(fr[1]);
      if (isTestPath(file) && isProjectPath(file) && /^test/.test(fr[3])) {
        const f = this.c.fail({
          id: `${file} > ${fr[3]}`,
          file,
          kind: 'crash',
          message: this.fatal,
        });
        if (f) {
          f.line = Number(fr[2]);
          f.frames.push(`${file}:${fr[2]}`);
        }
        this.fatal = undefined;
      }
      return true;
    }
    if (/^(Current thread|Thread) 0x/.test(line) || line.trim() === '') return true;
    this.fatal = undefined;
    return false;
  }

  private verbose(nodeid: string, status: string): void {
    const id = splitNodeId(nodeid).join(' > ');
    if (status === 'RERUN') this.reran.add(id);
    if (status === 'PASSED' && this.reran.has(id)) this.c.markFlaky(id);
    if (status === 'PASSED') this.c.pass(id);
  }

  private fromSummary(isError: boolean, nodeid: string, msg: string | undefined): void {
    const parts = splitNodeId(nodeid);
    const file = parts[0] ?? nodeid;
    const id = parts.join(' > ');
    const short = parts.slice(1).join('.');
    const block =
      (isError && this.blocks.get(`T:${parts[parts.length - 1] ?? ''}`)) ||
      this.blocks.get(short) ||
      this.blocks.get(parts[parts.length - 1] ?? '') ||
      this.blocks.get(nodeid) ||
      this.blocks.get(file);
    const kind =
      block?.kind ?? (isError ? (parts.length === 1 ? 'collection_error' : 'setup_error') : 'test');
    const f = this.c.fail({ id, file, kind });
    this.lastSummary = id;
    this.summaryTakesDetail = block === undefined;
    if (!f) return;
    if (block) {
      this.consume(block, f);
    }
    if (!f.message && msg) f.message = msg.trim();
    if (!f.message) f.message = block?.detail[0] ?? (isError ? 'ERROR' : 'FAILED');
    if (block && !block.message && block.detail.length > 0) {
      f.detail = f.detail.filter((d) => d !== f.message);
    }
  }

  private consume(block: Block, f: ReturnType<Collector['fail']>): void {
    if (!f) return;
    if (block.message) f.message = block.message;
    for (const d of block.detail) addDetail(f, d);
    for (const fr of block.frames) addFrame(f, fr);
    if (block.line !== undefined && block.file === f.file) f.line = block.line;
    for (const [k, v] of this.blocks) if (v === block) this.blocks.delete(k);
  }

  private readFinal(text: string): void {
    this.ended = true;
    // Deselected tests (`--lf`, `-k`, testmon) are not counted: the counts are not all the tests.
    this.c.summary = !/\d+ deselected/.test(text);
    for (const m of text.matchAll(/(\d+) (passed|failed|errors?|skipped|xfailed)/g)) {
      const n = Number(m[1]);
      if (m[2] === 'passed') this.c.passed += n;
      else if (m[2] === 'failed' || m[2]?.startsWith('error')) this.c.failed += n;
      else this.c.skipped += n;
    }
  }

  finish(): ParseResult {
    // Without a short summary (-rN, -q), fall back to the blocks themselves.
    for (const b of this.blocks.values()) {
      const file = b.file ?? (b.kind === 'collection_error' ? b.name : undefined);
      const parts = b.kind === 'collection_error' ? [] : b.name.split(/\.(?![^[]*\])/);
      const fileForId =
        b.kind === 'collection_error' ? b.name : file && isTestPath(file) ? file : undefined;
      const id = [...(fileForId ? [fileForId] : []), ...parts].join(' > ');
      const f = this.c.fail({ id, kind: b.kind, ...(fileForId ? { file: fileForId } : {}) });
      if (f) {
        this.consume(b, f);
        if (!f.message) f.message = b.detail[0] ?? b.name;
      }
    }
    return this.c.result(this.runner);
  }
}

function swapXdist(m: RegExpExecArray | null): [string, string, string] | null {
  return m && m[1] && m[2] ? [m[0], m[2], m[1]] : null;
}
