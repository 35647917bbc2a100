/**
 * Patch parser: text in, typed operations out. Pure, no I/O.
 *
 * One output type (`PatchOp[]`) for three input shapes, detected by `parsePatch`:
 *
 * 1. The Codex envelope (V4A):
 *
 *      patch    := '*** Begin Patch' NL fileop* ('*** End Patch' NL?)?
 *      fileop   := add | delete | update
 *      add      := '*** Add File: ' path NL ('+' text NL)*
 *      delete   := '*** Delete File: ' path NL
 *      update   := '*** Update File: ' path NL ('*** Move to: ' path NL)? hunk*
 *      hunk     := header? line+ ('*** End of File' NL)?
 *      header   := '@@' | '@@ ' context-line | '@@ -l,n +l,n @@' section?
 *      line     := ' ' text | '-' text | '+' text | '' (an empty context line)
 *
 *    Only the first hunk of a file may omit its header. Lenient where harmless: a missing
 *    `*** End Patch` (or `*** Begin Patch` when the first line is a file header), blank lines
 *    around the patch, a patch wrapped in ``` fences or in a heredoc (`apply_patch <<'EOF' … EOF`),
 *    blank lines inside hunks (empty context lines; trailing ones at the end of a hunk are dropped),
 *    and whitespace around the markers and file headers (`  *** Update File: a.py  `) wherever a
 *    file header is expected. Codex's own parser (codex-rs/apply-patch/src/parser.rs, "lenient
 *    mode") accepts the same padding, so models trained on it write it. Inside a hunk a padded
 *    header is a context line, as there: a line ' *** Update File: x' may be the file's own text.
 *
 * 2. The Responses API's per-file operation `{ type: 'create_file'|'update_file'|'delete_file',
 *    path, diff }` (see `parseOperation`): `diff` is the hunk grammar above without the envelope
 *    and file headers; for create_file it is '+' lines.
 *
 * 3. A unified diff (git or plain):
 *
 *      udiff    := (junk* file)+
 *      file     := ('diff --git a/x b/y' NL extended*)? ('--- ' old NL '+++ ' new NL hunk*)?
 *      extended := 'new file mode' | 'deleted file mode' | 'rename from x' | 'rename to y' | 'index …' | …
 *      hunk     := '@@ -a[,b] +c[,d] @@' section? NL (' ' | '-' | '+' text NL | '\ No newline…' NL)*
 *
 *    '/dev/null' marks adds and deletes; 'a/' and 'b/' prefixes are removed; hunk counts are used
 *    to find where a hunk ends and tolerated when wrong.
 *
 * Errors are `PatchParseError`s whose message starts with `line N:` and says what was expected.
 */

export const BEGIN_PATCH = '*** Begin Patch';
export const END_PATCH = '*** End Patch';
export const ADD_FILE = '*** Add File: ';
export const DELETE_FILE = '*** Delete File: ';
export const UPDATE_FILE = '*** Update File: ';
export const MOVE_TO = '*** Move to: ';
export const END_OF_FILE = '*** End of File';
export const HUNK_HEADER = '@@';
export const FENCE = '```';
export const DIFF_GIT = 'diff --git ';
export const UNIFIED_OLD = '--- ';
export const UNIFIED_NEW = '+++ ';
export const DEV_NULL = '/dev/null';
export const NO_NEWLINE = '\\';
export const RENAME_FROM = 'rename from ';
export const RENAME_TO = 'rename to ';
export const BINARY_FILES = 'Binary files ';
export const GIT_BINARY_PATCH = 'GIT binary patch';

export type LineOp = ' ' | '-' | '+';

export interface HunkLine {
  readonly op: LineOp;
  readonly text: string;
}

export interface Hunk {
  /** The `@@ <context>` header: a line expected somewhere before the hunk. */
  readonly context?: string;
  /** 1-based line in the old file where the hunk starts (from a unified `@@ -l,n`). */
  readonly lineHint?: number;
  readonly lines: readonly HunkLine[];
  /** The hunk must match at the end of the file. */
  readonly endOfFile: boolean;
}

export type PatchOp =
  | { readonly kind: 'add'; readonly path: string; readonly content: string }
  | { readonly kind: 'delete'; readonly path: string }
  | {
      readonly kind: 'update';
      readonly path: string;
      readonly moveTo?: string;
      readonly hunks: readonly Hunk[];
      /** From a unified diff's `\ No newline at end of file`: whether the new file ends with a newline. Absent: keep the file's. */
      readonly finalNewline?: boolean;
    };

/** The Responses API's native apply_patch operation. */
export interface PatchOperation {
  readonly type: 'create_file' | 'update_file' | 'delete_file';
  readonly path: string;
  readonly diff?: string;
}

export class PatchParseError extends Error {
  override readonly name = 'PatchParseError';
  constructor(
    /** 1-based line in the text given to the parser (0 when not tied to a line). */
    readonly line: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `line ${line}: ${detail}` : detail);
  }
  static isPatchParseError(e: unknown): e is PatchParseError {
    return e instanceof PatchParseError;
  }
}

/** A line of input with its 1-based number in the original text. */
interface Line {
  readonly n: number;
  readonly text: string;
}

const UNIFIED_RANGE = /^@@+ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@+ ?(.*)$/;
const HEREDOC_START = /^(?:[\w./-]+\s+)*<<-?\s*['"]?(\w+)['"]?\s*$/;

export type PatchShape = 'envelope' | 'unified' | 'hunks';

/** Parses a patch in any supported text shape. Throws PatchParseError. */
export function parsePatch(text: string): PatchOp[] {
  const lines = unwrap(toLines(text));
  const shape = detectShape(lines);
  if (shape === 'unified') return parseUnified(lines);
  return parseEnvelope(lines);
}

/** Which shape `parsePatch` will read the text as. */
export function detectShape(lines: readonly Line[] | string): PatchShape {
  const ls = typeof lines === 'string' ? unwrap(toLines(lines)) : lines;
  for (const l of ls) {
    if (l.text.trim() === '') continue;
    if (l.text.trimStart().startsWith('*** ')) return 'envelope';
    if (l.text.startsWith(DIFF_GIT)) return 'unified';
    if (l.text.startsWith(UNIFIED_OLD) || l.text.startsWith(UNIFIED_NEW)) return 'unified';
    if (UNIFIED_RANGE.test(l.text)) return 'unified';
    if (l.text.startsWith(HUNK_HEADER)) return 'hunks';
    // Free text before a unified diff (a commit message, `index` lines) is allowed.
    if (ls.some((x) => x.text.startsWith(DIFF_GIT) || x.text.startsWith(UNIFIED_OLD)))
      return 'unified';
    return 'envelope';
  }
  return 'envelope';
}

/** Parses one native Responses API operation. Throws PatchParseError. */
export function parseOperation(op: PatchOperation): PatchOp {
  if (typeof op.path !== 'string' || op.path.trim() === '') {
    throw new PatchParseError(0, `operation needs a non-empty 'path'`);
  }
  const path = op.path.trim();
  switch (op.type) {
    case 'delete_file':
      return { kind: 'delete', path };
    case 'create_file': {
      const lines = unwrap(toLines(op.diff ?? ''));
      const body = trimBlankEdges(lines);
      const out: string[] = [];
      for (const l of body) {
        if (l.text.startsWith('+')) out.push(l.text.slice(1));
        else if (l.text === '') out.push('');
        else
          throw new PatchParseError(
            l.n,
            `create_file diff lines must start with '+', got ${quote(l.text)}`,
          );
      }
      return { kind: 'add', path, content: out.length === 0 ? '' : out.join('\n') + '\n' };
    }
    case 'update_file': {
      const lines = trimBlankEdges(unwrap(toLines(op.diff ?? '')));
      if (lines.length === 0)
        throw new PatchParseError(0, `update_file for '${path}' has an empty diff`);
      const cur = new Cursor(lines);
      const hunks = parseHunks(cur, path, true);
      if (!cur.done()) {
        const l = cur.peek();
        throw new PatchParseError(
          l?.n ?? 0,
          `expected a hunk line (' ', '-', '+'), '@@' or '${END_OF_FILE}', got ${quote(l?.text ?? '')}`,
        );
      }
      if (hunks.length === 0)
        throw new PatchParseError(0, `update_file for '${path}' has no hunks`);
      return { kind: 'update', path, hunks };
    }
    default:
      throw new PatchParseError(
        0,
        `unknown operation type ${quote(String((op as { type: unknown }).type))}: expected 'create_file', 'update_file' or 'delete_file'`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Input normalisation

function toLines(text: string): Line[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const raw = body.split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((t, i) => ({ n: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
}

function trimBlankEdges(lines: readonly Line[]): Line[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.text.trim() === '') a++;
  while (b > a && lines[b - 1]!.text.trim() === '') b--;
  return lines.slice(a, b);
}

/** Removes surrounding blank lines, ``` fences and a heredoc wrapper, repeatedly. */
function unwrap(input: readonly Line[]): Line[] {
  let lines = trimBlankEdges(input);
  for (;;) {
    const first = lines[0]?.text.trim() ?? '';
    if (first.startsWith(FENCE) && !first.slice(3).includes(FENCE)) {
      // Up to the closing fence (a line that is exactly ```; hunk lines always carry a prefix).
      const close = lines.findIndex((l, i) => i > 0 && l.text.trimEnd() === FENCE);
      lines = trimBlankEdges(lines.slice(1, close > 0 ? close : undefined));
      continue;
    }
    const heredoc = HEREDOC_START.exec(first);
    if (heredoc && lines.length > 1) {
      const tag = heredoc[1]!;
      const close = lines.findIndex((l, i) => i > 0 && l.text.trim() === tag);
      lines = trimBlankEdges(lines.slice(1, close > 0 ? close : undefined));
      continue;
    }
    return lines;
  }
}

class Cursor {
  private i = 0;
  constructor(private readonly lines: readonly Line[]) {}
  peek(offset = 0): Line | undefined {
    return this.lines[this.i + offset];
  }
  next(): Line {
    const l = this.lines[this.i];
    if (!l) throw new PatchParseError(this.lastLine() + 1, 'unexpected end of patch');
    this.i++;
    return l;
  }
  done(): boolean {
    return this.i >= this.lines.length;
  }
  lastLine(): number {
    return this.lines[this.lines.length - 1]?.n ?? 0;
  }
}

function quote(s: string): string {
  const short = s.length > 80 ? `${s.slice(0, 77)}...` : s;
  return `'${short}'`;
}

// ---------------------------------------------------------------------------------------------
// Envelope

const FILE_HEADERS = `'${ADD_FILE.trim()}', '${DELETE_FILE.trim()}' or '${UPDATE_FILE.trim()}'`;

function isFileHeader(t: string): boolean {
  return t.startsWith(ADD_FILE) || t.startsWith(DELETE_FILE) || t.startsWith(UPDATE_FILE);
}

/**
 * A file header where one is expected (after `*** Begin Patch`, an added file's content, a delete
 * or a file's last hunk): surrounding whitespace is dropped, as Codex does (its `parse_one_hunk`
 * trims the line before matching the markers).
 */
function asFileHeader(l: Line): Line | undefined {
  const t = l.text.trim();
  return isFileHeader(t) ? { n: l.n, text: t } : undefined;
}

function isEnd(t: string): boolean {
  return t.trim() === END_PATCH;
}

function headerPath(l: Line, marker: string): string {
  const p = l.text.slice(marker.length).trim();
  if (p === '') throw new PatchParseError(l.n, `'${marker.trim()}' needs a path`);
  return p;
}

function parseEnvelope(lines: readonly Line[]): PatchOp[] {
  const cur = new Cursor(lines);
  const first = cur.peek();
  if (!first) throw new PatchParseError(0, `empty patch: expected '${BEGIN_PATCH}'`);
  if (first.text.trim() === BEGIN_PATCH) cur.next();
  else if (!asFileHeader(first)) {
    throw new PatchParseError(first.n, `expected '${BEGIN_PATCH}', got ${quote(first.text)}`);
  }
  const ops: PatchOp[] = [];
  while (!cur.done()) {
    const raw = cur.next();
    const l = asFileHeader(raw) ?? raw;
    const t = l.text;
    if (isEnd(t)) {
      expectNothingAfterEnd(cur);
      break;
    }
    if (t.trim() === '') continue;
    if (t.startsWith(ADD_FILE)) {
      ops.push(readAddFile(cur, headerPath(l, ADD_FILE)));
    } else if (t.startsWith(DELETE_FILE)) {
      ops.push({ kind: 'delete', path: headerPath(l, DELETE_FILE) });
    } else if (t.startsWith(UPDATE_FILE)) {
      ops.push(readUpdateFile(cur, headerPath(l, UPDATE_FILE)));
    } else {
      const prev = ops[ops.length - 1];
      const hint =
        prev?.kind === 'add' && /^[ -]/.test(t)
          ? ` (every line of an added file starts with '+')`
          : '';
      throw new PatchParseError(l.n, `expected ${FILE_HEADERS}, got ${quote(t)}${hint}`);
    }
  }
  return ops;
}

function expectNothingAfterEnd(cur: Cursor): void {
  const rest = trimBlankEdges(linesAfter(cur));
  if (rest.length > 0) {
    throw new PatchParseError(
      rest[0]!.n,
      `unexpected text after '${END_PATCH}': ${quote(rest[0]!.text)}`,
    );
  }
}

/** The `+` lines after `*** Add File:` (blank lines between them too): the new file's content. */
function readAddFile(cur: Cursor, path: string): PatchOp {
  const content: string[] = [];
  while (!cur.done()) {
    const c = cur.peek()!;
    if (c.text.startsWith('+')) content.push(cur.next().text.slice(1));
    else if (c.text === '' && continuesAdd(cur)) {
      cur.next();
      content.push('');
    } else break;
  }
  return { kind: 'add', path, content: content.length ? content.join('\n') + '\n' : '' };
}

/** What follows `*** Update File:`: an optional `*** Move to:`, then hunks (none only for a move). */
function readUpdateFile(cur: Cursor, path: string): PatchOp {
  let moveTo: string | undefined;
  const m = cur.peek();
  if (m && m.text.startsWith(MOVE_TO)) moveTo = headerPath(cur.next(), MOVE_TO);
  const hunks = parseHunks(cur, path, true);
  if (hunks.length === 0 && moveTo === undefined) {
    const nx = cur.peek();
    throw new PatchParseError(
      nx?.n ?? cur.lastLine() + 1,
      `'${UPDATE_FILE}${path}' has no hunks: expected '@@' or a line starting with ' ', '-' or '+', got ${nx ? quote(nx.text) : 'end of patch'}`,
    );
  }
  return moveTo === undefined
    ? { kind: 'update', path, hunks }
    : { kind: 'update', path, moveTo, hunks };
}

function linesAfter(cur: Cursor): Line[] {
  const out: Line[] = [];
  for (let k = 0; cur.peek(k); k++) out.push(cur.peek(k)!);
  return out;
}

/** A blank line inside an added file is content only when more '+' lines follow. */
function continuesAdd(cur: Cursor): boolean {
  for (let k = 0; ; k++) {
    const l = cur.peek(k);
    if (!l) return false;
    if (l.text === '') continue;
    return l.text.startsWith('+');
  }
}

/** What an `@@` line says: a context line to look for, and in a unified range the line number. */
type HunkHeader = Pick<Hunk, 'context' | 'lineHint'>;

function readHunkHeader(text: string): HunkHeader {
  const range = UNIFIED_RANGE.exec(text);
  if (range) {
    const section = range[5]!.trim();
    return { lineHint: Number(range[1]), ...(section !== '' ? { context: section } : {}) };
  }
  const c = text.slice(HUNK_HEADER.length);
  const ctx = c.startsWith(' ') ? c.slice(1) : c;
  return ctx.trim() !== '' ? { context: ctx } : {};
}

/** A hunk's lines, up to the next `@@`, file header or end; blank lines at its end dropped. */
function readHunkLines(cur: Cursor, path: string): { lines: HunkLine[]; endOfFile: boolean } {
  const lines: HunkLine[] = [];
  let trailingBlank = 0;
  let endOfFile = false;
  while (!cur.done()) {
    const x = cur.peek()!;
    const t = x.text;
    if (t.trim() === END_OF_FILE) {
      cur.next();
      endOfFile = true;
      break;
    }
    if (t.startsWith(HUNK_HEADER) || isFileHeader(t) || isEnd(t)) break;
    if (t.startsWith('*** ')) {
      throw new PatchParseError(
        x.n,
        `expected ${FILE_HEADERS}, '${END_OF_FILE}' or '${END_PATCH}', got ${quote(t)}`,
      );
    }
    const op = t[0];
    if (op === ' ' || op === '-' || op === '+') {
      lines.push({ op, text: t.slice(1) });
      trailingBlank = 0;
    } else if (t === '' || t.trim() === '') {
      lines.push({ op: ' ', text: '' });
      trailingBlank++;
    } else if (t.startsWith(NO_NEWLINE)) {
      // "\ No newline at end of file" pasted into an envelope: the hunk ends the file.
      endOfFile = true;
    } else {
      throw new PatchParseError(
        x.n,
        `in '${path}': expected a hunk line starting with ' ', '-' or '+', '@@', '${END_OF_FILE}' or a file header, got ${quote(t)}`,
      );
    }
    cur.next();
  }
  if (trailingBlank > 0) lines.splice(lines.length - trailingBlank, trailingBlank);
  return { lines, endOfFile };
}

/**
 * Reads hunks until a file header, `*** End Patch` or the end. `firstMayOmitHeader`: the first
 * hunk may start directly with lines.
 */
function parseHunks(cur: Cursor, path: string, firstMayOmitHeader: boolean): Hunk[] {
  const hunks: Hunk[] = [];
  for (;;) {
    const l = cur.peek();
    if (!l || isFileHeader(l.text) || isEnd(l.text)) break;
    let header: HunkHeader = {};
    const headerLine = l;
    if (l.text.startsWith(HUNK_HEADER)) {
      cur.next();
      header = readHunkHeader(l.text);
    } else if (hunks.length > 0 || !firstMayOmitHeader) {
      if (l.text.trim() === '') {
        cur.next();
        continue;
      }
      throw new PatchParseError(
        l.n,
        `expected '@@', '${END_OF_FILE}', ${FILE_HEADERS} or '${END_PATCH}', got ${quote(l.text)}`,
      );
    }
    const { lines, endOfFile } = readHunkLines(cur, path);
    if (lines.length === 0) {
      // Consecutive headers (`@@ class A` then `@@ def f`): the inner one wins.
      if (header.context !== undefined && cur.peek()?.text.startsWith(HUNK_HEADER)) continue;
      throw new PatchParseError(headerLine.n, `hunk in '${path}' has no lines`);
    }
    if (!lines.some((x) => x.op !== ' ')) {
      throw new PatchParseError(
        headerLine.n,
        `hunk in '${path}' changes nothing: it needs a '-' or '+' line`,
      );
    }
    hunks.push({ lines, endOfFile, ...header });
  }
  return hunks;
}

// ---------------------------------------------------------------------------------------------
// Unified diff

function stripPrefix(p: string): string {
  return p.startsWith('a/') || p.startsWith('b/') ? p.slice(2) : p;
}

function unquote(p: string): string {
  if (!(p.startsWith('"') && p.endsWith('"') && p.length >= 2)) return p;
  return p
    .slice(1, -1)
    .replace(/\\(["\\tn])/g, (_m, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
}

/** Path from a `--- x` / `+++ y` line: drops a trailing timestamp and the a/ b/ prefix. */
function unifiedPath(l: Line, marker: string): string {
  let p = l.text.slice(marker.length);
  const tab = p.indexOf('\t');
  if (tab >= 0) p = p.slice(0, tab);
  p = unquote(p.trim());
  if (p === '') throw new PatchParseError(l.n, `'${marker.trim()}' needs a path`);
  return p === DEV_NULL ? p : stripPrefix(p);
}

function gitHeaderPaths(t: string): [string, string] | undefined {
  const rest = t.slice(DIFF_GIT.length).trim();
  const q = /^"((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"$/.exec(rest);
  if (q) return [stripPrefix(unquote(`"${q[1]}"`)), stripPrefix(unquote(`"${q[2]}"`))];
  // `a/x b/x`: split at the middle " b/" when both halves are equal, else at the last " b/".
  const mid = rest.lastIndexOf(' b/');
  if (mid > 0) return [stripPrefix(rest.slice(0, mid)), rest.slice(mid + 3)];
  const parts = rest.split(' ');
  if (parts.length === 2) return [stripPrefix(parts[0]!), stripPrefix(parts[1]!)];
  return undefined;
}

function looksLikeFileStart(cur: Cursor): boolean {
  const a = cur.peek();
  const b = cur.peek(1);
  return !!a && a.text.startsWith(UNIFIED_OLD) && !!b && b.text.startsWith(UNIFIED_NEW);
}

function parseUnified(lines: readonly Line[]): PatchOp[] {
  const cur = new Cursor(lines);
  const ops: PatchOp[] = [];
  while (!cur.done()) {
    const l = cur.peek()!;
    if (l.text.startsWith(DIFF_GIT)) {
      ops.push(...parseUnifiedFile(cur));
    } else if (l.text.startsWith(UNIFIED_OLD) && cur.peek(1)?.text.startsWith(UNIFIED_NEW)) {
      ops.push(...parseUnifiedFile(cur));
    } else if (l.text.startsWith(HUNK_HEADER)) {
      throw new PatchParseError(
        l.n,
        `hunk without file headers: expected '--- a/<path>' and '+++ b/<path>' before it`,
      );
    } else if (/^[-+ ]/.test(l.text) && !l.text.startsWith(UNIFIED_OLD) && ops.length > 0) {
      throw new PatchParseError(
        l.n,
        `hunk line outside a hunk: expected '@@ -l,n +l,n @@', 'diff --git' or '--- a/<path>', got ${quote(l.text)} (check the @@ line counts)`,
      );
    } else if (l.text.startsWith(UNIFIED_OLD)) {
      throw new PatchParseError(l.n, `'--- ${l.text.slice(4)}' must be followed by '+++ <path>'`);
    } else {
      cur.next(); // free text between files (commit message, "index" lines, ...)
    }
  }
  if (ops.length === 0) throw new PatchParseError(0, 'no file changes found in the unified diff');
  return ops;
}

/** What a unified diff's header lines say about one file. */
interface FileHeaders {
  oldPath?: string | undefined;
  newPath?: string | undefined;
  renameFrom?: string | undefined;
  renameTo?: string | undefined;
  isNew: boolean;
  isDeleted: boolean;
}

function parseUnifiedFile(cur: Cursor): PatchOp[] {
  const h: FileHeaders = { isNew: false, isDeleted: false };
  const first = cur.peek()!;
  if (first.text.startsWith(DIFF_GIT)) readGitHeaders(cur, h);
  const hunks: Hunk[] = [];
  let finalNewline: boolean | undefined;
  if (looksLikeFileStart(cur)) {
    const o = unifiedPath(cur.next(), UNIFIED_OLD);
    const n = unifiedPath(cur.next(), UNIFIED_NEW);
    if (o === DEV_NULL) h.isNew = true;
    else h.oldPath = o;
    if (n === DEV_NULL) h.isDeleted = true;
    else h.newPath = n;
    while (cur.peek()?.text.startsWith(HUNK_HEADER)) {
      const { hunk, newNoNewline, oldNoNewline } = parseUnifiedHunk(cur);
      hunks.push(hunk);
      if (newNoNewline) finalNewline = false;
      else if (oldNoNewline) finalNewline = true;
    }
  }
  const oldPath = h.renameFrom ?? h.oldPath;
  const newPath = h.renameTo ?? h.newPath;
  if (h.isNew && h.isDeleted) throw new PatchParseError(first.n, `'${DEV_NULL}' on both sides`);
  if (h.isNew) {
    if (!newPath) throw new PatchParseError(first.n, 'added file has no path');
    const body = hunks.flatMap((k) => k.lines.filter((x) => x.op !== '-').map((x) => x.text));
    const content = body.length === 0 ? '' : body.join('\n') + (finalNewline === false ? '' : '\n');
    return [{ kind: 'add', path: newPath, content }];
  }
  if (h.isDeleted) {
    if (!oldPath) throw new PatchParseError(first.n, 'deleted file has no path');
    return [{ kind: 'delete', path: oldPath }];
  }
  if (!oldPath || !newPath) {
    throw new PatchParseError(first.n, `expected '--- a/<path>' and '+++ b/<path>' file headers`);
  }
  if (hunks.length === 0 && oldPath === newPath) return []; // mode-only change
  const base = { kind: 'update' as const, path: oldPath, hunks };
  const moved = oldPath !== newPath ? { ...base, moveTo: newPath } : base;
  return [finalNewline === undefined ? moved : { ...moved, finalNewline }];
}

/** `diff --git a/x b/x` and its extended header lines (new, deleted, renamed), into `h`. */
function readGitHeaders(cur: Cursor, h: FileHeaders): void {
  const paths = gitHeaderPaths(cur.next().text);
  if (paths) [h.oldPath, h.newPath] = paths;
  while (!cur.done()) {
    const t = cur.peek()!.text;
    if (t.startsWith(DIFF_GIT) || t.startsWith(HUNK_HEADER) || looksLikeFileStart(cur)) break;
    if (t.startsWith(BINARY_FILES) || t.startsWith(GIT_BINARY_PATCH)) {
      throw new PatchParseError(
        cur.peek()!.n,
        `binary patches are not supported (${h.oldPath ?? 'file'})`,
      );
    }
    if (t.startsWith('new file mode')) h.isNew = true;
    else if (t.startsWith('deleted file mode')) h.isDeleted = true;
    else if (t.startsWith(RENAME_FROM)) h.renameFrom = unquote(t.slice(RENAME_FROM.length).trim());
    else if (t.startsWith(RENAME_TO)) h.renameTo = unquote(t.slice(RENAME_TO.length).trim());
    else if (t.startsWith('copy from') || t.startsWith('copy to')) {
      throw new PatchParseError(cur.peek()!.n, `copies are not supported: use '*** Add File:'`);
    }
    cur.next();
  }
}

function parseUnifiedHunk(cur: Cursor): {
  hunk: Hunk;
  oldNoNewline: boolean;
  newNoNewline: boolean;
} {
  const head = cur.next();
  const m = UNIFIED_RANGE.exec(head.text);
  if (!m && (head.text === HUNK_HEADER || head.text.startsWith(`${HUNK_HEADER} `))) {
    return parseCountlessHunk(cur, head);
  }
  if (!m) {
    throw new PatchParseError(
      head.n,
      `expected '@@ -<line>,<count> +<line>,<count> @@', got ${quote(head.text)}`,
    );
  }
  const oldStart = Number(m[1]);
  const oldCount = m[2] === undefined ? 1 : Number(m[2]);
  const newCount = m[4] === undefined ? 1 : Number(m[4]);
  const section = m[5]!.trim();
  const lines: HunkLine[] = [];
  let oldSeen = 0;
  let newSeen = 0;
  let oldNoNewline = false;
  let newNoNewline = false;
  let last: LineOp | undefined;
  while (!cur.done()) {
    const x = cur.peek()!;
    const t = x.text;
    if (t.startsWith(NO_NEWLINE)) {
      cur.next();
      if (last === '-' || last === ' ') oldNoNewline = true;
      if (last === '+' || last === ' ') newNoNewline = true;
      continue;
    }
    if (oldSeen >= oldCount && newSeen >= newCount) break;
    if (t.startsWith(HUNK_HEADER) || t.startsWith(DIFF_GIT) || looksLikeFileStart(cur)) break;
    const op = t === '' ? ' ' : t[0];
    if (op !== ' ' && op !== '-' && op !== '+') break;
    lines.push({ op, text: t.slice(1) });
    if (op !== '+') oldSeen++;
    if (op !== '-') newSeen++;
    last = op;
    cur.next();
  }
  if (!lines.some((x) => x.op !== ' ') && !oldNoNewline && !newNoNewline) {
    throw new PatchParseError(head.n, `hunk changes nothing: it needs a '-' or '+' line`);
  }
  // For a pure insertion (-l,0) the new lines go after line l; the hint names the line after it.
  const lineHint = oldCount === 0 ? oldStart + 1 : oldStart;
  const hunk: { -readonly [K in keyof Hunk]: Hunk[K] } = {
    lines,
    endOfFile: oldNoNewline,
    lineHint,
  };
  if (section !== '') hunk.context = section;
  return { hunk, oldNoNewline, newNoNewline };
}

/**
 * A hunk under a bare `@@` or `@@ <context>` header (no line numbers), as models often write in
 * unified diffs: it runs until the next header.
 */
function parseCountlessHunk(
  cur: Cursor,
  head: Line,
): { hunk: Hunk; oldNoNewline: boolean; newNoNewline: boolean } {
  const lines: HunkLine[] = [];
  let oldNoNewline = false;
  let newNoNewline = false;
  let last: LineOp | undefined;
  while (!cur.done()) {
    const t = cur.peek()!.text;
    if (t.startsWith(HUNK_HEADER) || t.startsWith(DIFF_GIT) || looksLikeFileStart(cur)) break;
    if (t.startsWith(NO_NEWLINE)) {
      if (last === '-' || last === ' ') oldNoNewline = true;
      if (last === '+' || last === ' ') newNoNewline = true;
      cur.next();
      continue;
    }
    const op = t === '' ? ' ' : t[0];
    if (op !== ' ' && op !== '-' && op !== '+') break;
    lines.push({ op, text: t.slice(1) });
    last = op;
    cur.next();
  }
  let trailing = 0;
  while (
    trailing < lines.length &&
    lines[lines.length - 1 - trailing]!.text === '' &&
    lines[lines.length - 1 - trailing]!.op === ' '
  )
    trailing++;
  lines.splice(lines.length - trailing, trailing);
  if (!lines.some((x) => x.op !== ' ')) {
    throw new PatchParseError(head.n, `hunk changes nothing: it needs a '-' or '+' line`);
  }
  const context = head.text.slice(HUNK_HEADER.length).trim();
  const hunk: { -readonly [K in keyof Hunk]: Hunk[K] } = { lines, endOfFile: oldNoNewline };
  if (context !== '') hunk.context = context;
  return { hunk, oldNoNewline, newNoNewline };
}
