/**
 * TAP (version 13/14) with nested subtests, as printed by node-tap and by `node --test` (whose
 * default reporter is TAP when stdout is not a TTY). Grammar handled:
 *   `# Subtest: name`            opens a child at the next indentation level
 *   `ok N - name # SKIP|TODO`    a point; `not ok` fails it
 *   `  ---` ... `  ...`          YAML diagnostics of the preceding point
 *   `# pass N` / `# fail N` ...  node:test totals
 * A `not ok` point whose children failed (or whose YAML says `subtestsFailed`) is a parent and is
 * not a failure of its own, unless node names another cause (a suite's hook failed or its body
 * threw). Ids join the subtest names with ` > `, prefixed with the test file.
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

const POINT = /^(\s*)(not ok|ok)\b\s*\d*\s*(?:-\s*)?(.*?)\s*$/;
const SUBTEST = /^(\s*)# Subtest: (.*)$/;
/** node:test's totals: `# pass 9`, `# fail 1`, ... */
const TOTAL = /^# (pass|fail|skipped|todo|cancelled|tests|suites) (\d+)$/;
/** What node prints when a test file throws while loading: `# /path/x.test.js:5` then the error. */
const THROWN_AT = /^((?:file:\/\/)?(?:[A-Za-z]:)?[\\/]\S+\.[cm]?[jt]sx?):\d+$/;
const THROWN = /^[\w$.]*(?:Error|Exception)\b(?: \[\w+\])?: \S/;

interface Level {
  indent: number;
  name?: string;
  childFailed: boolean;
  hasChildren: boolean;
}

interface Pending {
  indent: number;
  names: string[];
  name: string;
  failed: boolean;
  skipped: boolean;
  parent: boolean;
  yaml: string[];
  inYaml: boolean;
}

function looksLikeFile(name: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(name) || /^(\/|[A-Za-z]:\\)/.test(name);
}

export class TapParser implements LineParser {
  runner = 'tap';
  ended = false;
  private readonly c: Collector;
  private readonly paths: ProjectPaths;
  private nodeMarkers = 0;
  private tapMarkers = 0;
  private totals = false;
  private leafPass = 0;
  private leafSkip = 0;
  /** Passed parent tests (`t.test`): node counts them in `# pass`; they are not named tests. */
  private parentPass = 0;
  /** Stack of open subtests by indentation. */
  private stack: Level[] = [];
  private pending: Pending | undefined;
  private thrownIn: string | undefined;
  private readonly loadErrors = new Map<string, string>();

  constructor(ctx = new ParseContext()) {
    this.c = new Collector(ctx);
    this.paths = ctx.paths;
  }

  /** Each line goes to the first handler that takes it (comments may also be load errors). */
  push(line: string): void {
    if (this.onYaml(line)) return;
    this.onComment(line);
    const t = line.trim();
    if (this.onSubtest(line) || this.onPoint(line) || this.onTotal(t)) return;
    if (/^# (failed \d+ of \d+ tests|time=)/.test(t)) this.tapMarkers++;
    if (/^1\.\.\d+/.test(line)) {
      this.flush();
      this.ended = true;
    }
  }

  /** `  ---` ... `  ...`: the YAML diagnostics of the point before. */
  private onYaml(line: string): boolean {
    const p = this.pending;
    if (!p) return false;
    if (p.inYaml) {
      if (/^\s*\.\.\.\s*$/.test(line)) {
        p.inYaml = false;
        this.flush();
      } else if (p.yaml.length < 200) p.yaml.push(line);
      return true;
    }
    if (!/^\s*---\s*$/.test(line)) return false;
    p.inYaml = true;
    return true;
  }

  /** `# /path/x.test.js:5` then `# Error: ...`: what a test file threw while loading. */
  private onComment(line: string): void {
    const comment = /^# (.*)$/.exec(line)?.[1];
    if (!comment) return;
    const where = THROWN_AT.exec(comment)?.[1];
    if (where) this.thrownIn = this.paths.rel(where.replace(/^file:\/\//, ''));
    else if (this.thrownIn && THROWN.test(comment)) {
      if (this.loadErrors.size < 100) this.loadErrors.set(this.thrownIn, comment.trim());
      this.thrownIn = undefined;
    }
  }

  /** `# Subtest: name` opens a child at the next indentation level. */
  private onSubtest(line: string): boolean {
    const sub = SUBTEST.exec(line);
    if (!sub) return false;
    this.flush();
    const indent = sub[1]?.length ?? 0;
    this.popTo(indent);
    this.stack.push({ indent, name: sub[2]?.trim() ?? '', childFailed: false, hasChildren: false });
    return true;
  }

  /** `ok N - name # SKIP|TODO` / `not ok N - name`: a point, pending until its YAML ends. */
  private onPoint(line: string): boolean {
    const pt = POINT.exec(line);
    if (!pt || !pt[2]) return false;
    this.flush();
    const indent = pt[1]?.length ?? 0;
    const parent = this.closeLevels(indent);
    let raw = pt[3] ?? '';
    const directive = /\s+#\s+(SKIP|TODO)\b.*$/i.exec(raw);
    if (directive) raw = raw.slice(0, directive.index);
    this.pending = {
      indent,
      names: this.stack.map((l) => l.name ?? '').filter((n) => n !== ''),
      name: raw.replace(/\s+#\s+time=[\d.]+m?s$/, '').trim(),
      failed: pt[2] === 'not ok' && !(directive && /todo/i.test(directive[1] ?? '')),
      skipped: directive !== null,
      parent,
      yaml: [],
      inYaml: false,
    };
    this.markParentFailed(indent, this.pending.failed);
    return true;
  }

  /**
   * Closes the levels at or below `indent` (the level at this indent is the point's own
   * subtest): whether the point is a parent (it had children, or one of them failed).
   */
  private closeLevels(indent: number): boolean {
    let parent = false;
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1]?.indent ?? 0) >= indent) {
      const lvl = this.stack.pop();
      if (lvl && (lvl.hasChildren || lvl.indent > indent || lvl.childFailed)) parent = true;
    }
    for (const lvl of this.stack) lvl.hasChildren = true;
    return parent;
  }

  private onTotal(t: string): boolean {
    const total = TOTAL.exec(t);
    if (!total) return false;
    this.nodeMarkers++;
    this.totals = true;
    const n = Number(total[2]);
    if (total[1] === 'pass') this.c.passed = n;
    else if (total[1] === 'skipped' || total[1] === 'todo') this.c.skipped += n;
    // `# pass` counts passed parent tests (kept: the runner's count; they are not named). `# fail` is not the failure
    // count: node counts in it a parent test whose subtests failed,
    // and neither a suite whose hook failed or whose body threw nor a cancelled test (measured
    // on Node 20, 22 and 24: test/fixtures/digest/node-suites). The failures listed are.
    if (total[1] === 'fail' || total[1] === 'pass') this.ended = true;
    return true;
  }

  private markParentFailed(indent: number, failed: boolean): void {
    if (!failed) return;
    for (const lvl of this.stack) if (lvl.indent < indent) lvl.childFailed = true;
  }

  private popTo(indent: number): void {
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1]?.indent ?? 0) >= indent)
      this.stack.pop();
  }

  private flush(): void {
    const p = this.pending;
    this.pending = undefined;
    if (!p) return;
    const yaml = p.yaml.map((l) => l.trim());
    const field = (k: string): string | undefined =>
      yaml
        .find((l) => l.startsWith(`${k}:`))
        ?.slice(k.length + 1)
        .trim();
    if (field('duration_ms') !== undefined || field('failureType') !== undefined)
      this.nodeMarkers++;
    if (field('tapCaught') !== undefined) this.tapMarkers++;
    const suite = field('type') === "'suite'";
    if (suite) p.parent = true;
    if (!p.failed) {
      this.passed(p, suite);
      return;
    }
    // A parent fails on its own when node names another cause than its children (a suite whose
    // hook failed: hookFailed; whose body threw: testCodeFailure); node-tap names none.
    const failureType = field('failureType') ?? '';
    if (/subtestsFailed/.test(failureType) || (p.parent && failureType === '')) return;
    const location = field('location');
    const locFrame = location ? this.paths.frame(location.replace(/^'|'$/g, '')) : undefined;
    const atFile = field('file');
    let file = locFrame?.file ?? (atFile ? this.paths.rel(atFile) : undefined);
    const top = p.names[0] ?? (looksLikeFile(p.name) ? p.name : undefined);
    if (top && looksLikeFile(top)) file = this.paths.rel(top);
    const id = this.idOf(p, file);
    const kind = /cancelled/i.test(failureType)
      ? 'cancelled'
      : /hook/i.test(failureType)
        ? 'hook'
        : /timeout|timed out/i.test(`${field('error') ?? ''} ${failureType}`) ||
            field('expired') !== undefined
          ? 'timeout'
          : field('tapCaught') !== undefined
            ? 'error'
            : 'test';
    const f = this.c.fail({ id, kind, ...(file ? { file } : {}) });
    if (!f) return;
    if (locFrame?.line !== undefined) f.line = locFrame.line;
    f.message = this.messageOf(p, yaml);
    // node: a file that threw while loading reports only 'test failed'; its stderr, printed
    // as `# ` comments above, has the error.
    const thrown = this.loadErrors.get(id);
    if (thrown && (f.message === 'test failed' || f.message === '')) {
      f.message = thrown;
      f.kind = 'load_error';
    }
    this.collectYamlDetail(f, p.yaml);
  }

  /** A passed or skipped point: every test is named (the integrity check compares identities). */
  private passed(p: Pending, suite: boolean): void {
    if (p.parent) {
      if (!suite && !p.skipped) this.parentPass++;
      return;
    }
    if (p.skipped) this.leafSkip++;
    else this.leafPass++;
    if (p.skipped) this.c.see(this.idOf(p, undefined));
    else this.c.pass(this.idOf(p, undefined));
  }

  private idOf(p: Pending, file: string | undefined): string {
    const names = [...p.names];
    if (names[0] && looksLikeFile(names[0])) names[0] = this.paths.rel(names[0]);
    else if (file && !(names.length === 0 && looksLikeFile(p.name))) names.unshift(file);
    names.push(looksLikeFile(p.name) && names.length === 0 ? this.paths.rel(p.name) : p.name);
    return names.join(' > ');
  }

  private messageOf(p: Pending, yaml: string[]): string {
    if (this.nodeMarkers > this.tapMarkers || yaml.some((l) => l.startsWith('failureType:'))) {
      const idx = yaml.findIndex((l) => l.startsWith('error:'));
      if (idx >= 0) {
        const v = (yaml[idx] ?? '').slice(6).trim();
        if (/^[|>][-+]?$/.test(v)) {
          const next = yaml.slice(idx + 1).find((l) => l !== '');
          if (next) return next;
        } else if (v) return v.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
      }
    }
    return p.name;
  }

  private collectYamlDetail(f: MutableFailure, yaml: string[]): void {
    let section = '';
    for (const raw of yaml) {
      const t = raw.trim();
      const key = /^(\w+):/.exec(t);
      if (key && raw.search(/\S/) <= (yaml[0]?.search(/\S/) ?? 0)) section = key[1] ?? '';
      if (section === 'stack' && !key) {
        const fr = this.paths.frame(t);
        if (fr && isProjectPath(fr.file) && f.frames.length < 3) f.frames.push(frameText(fr));
      } else if ((section === 'diff' || section === 'error') && !key) {
        if (!/^(---|\+\+\+|@@) /.test(t) && t !== '' && t !== f.message) addDetail(f, t);
      } else if (
        (section === 'type' || section === 'name') &&
        key &&
        !/^'?(suite|test)'?$/.test(t.slice(section.length + 1).trim())
      ) {
        addDetail(
          f,
          t
            .slice(section.length + 1)
            .trim()
            .replace(/^'(.*)'$/, '$1'),
        );
      } else if (section === 'at' && /^file: /.test(t) && f.frames.length === 0) {
        const line = yaml.find((l) => /^\s*line: \d+/.test(l));
        const file = this.paths.rel(t.slice(6));
        if (isProjectPath(file)) f.frames.push(line ? `${file}:${line.trim().slice(6)}` : file);
      }
    }
  }

  finish(): ParseResult {
    this.flush();
    this.runner = this.nodeMarkers > this.tapMarkers ? 'node-test' : 'tap';
    if (!this.totals) {
      this.c.passed = this.leafPass;
      this.c.skipped = this.leafSkip;
    } else {
      this.c.summary = true;
      this.c.unnamedPasses = Math.min(this.parentPass, this.c.passed);
    }
    return this.c.result(this.runner);
  }
}
