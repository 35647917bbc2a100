/**
 * Patch applier: takes parsed `PatchOp`s, locates every hunk of every file against the files as
 * they are (nothing written), builds the new contents, then writes them all. All or nothing: when
 * any hunk cannot be placed nothing is written; when a write fails midway, the files already
 * written are restored.
 *
 * Hunk matching tries, in order: exact, ignoring trailing whitespace, ignoring leading and
 * trailing whitespace, and with typographic punctuation normalised. Between several candidates it
 * prefers those after the previous hunk, then the `@@ <context>` line, then line-number hints;
 * when a hunk still matches several places equally well it is refused, never guessed.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PathRefusedError, type WorkspaceGuard } from '../../workspace/types.js';
import type { Hunk, PatchOp } from './parse.js';
import { err, ok, type Result } from '../../core/result.js';

export type MatchStrategy = 'exact' | 'trimEnd' | 'trim' | 'punctuation';

export const ALL_STRATEGIES: readonly MatchStrategy[] = ['exact', 'trimEnd', 'trim', 'punctuation'];
export const EXACT_ONLY: readonly MatchStrategy[] = ['exact'];

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ApplyOptions {
  /** Existing files larger than this are refused (default 2 MiB). */
  readonly maxFileBytes?: number;
  /** Matching strategies to try, in order (default: all). `EXACT_ONLY` for exact matching. */
  readonly strategies?: readonly MatchStrategy[];
}

/** A patch that applied: what changed, and the message the model reads. */
export interface AppliedPatch {
  readonly added: string[];
  readonly modified: string[];
  readonly deleted: string[];
  readonly moved: { from: string; to: string }[];
  readonly message: string;
}

/** Applied, or why not (written for the model; nothing was changed). */
export type PatchResult = Result<AppliedPatch>;

/** A problem the model can fix by changing its patch. */
class PatchRejected extends Error {
  override readonly name = 'PatchRejected';
}

// ---------------------------------------------------------------------------------------------
// Text model

interface FileText {
  bom: boolean;
  lines: string[];
  /** Line ending of each line ('' for a last line without newline). */
  eols: string[];
  eol: '\n' | '\r\n';
  finalNewline: boolean;
}

const BOM = '\uFEFF';

function decode(buf: Buffer): FileText {
  let s = buf.toString('utf8');
  const bom = s.startsWith(BOM);
  if (bom) s = s.slice(1);
  const lines: string[] = [];
  const eols: string[] = [];
  let crlf = 0;
  let lf = 0;
  let start = 0;
  for (;;) {
    const i = s.indexOf('\n', start);
    if (i < 0) break;
    if (i > start && s.charCodeAt(i - 1) === 13) {
      lines.push(s.slice(start, i - 1));
      eols.push('\r\n');
      crlf++;
    } else {
      lines.push(s.slice(start, i));
      eols.push('\n');
      lf++;
    }
    start = i + 1;
  }
  if (start < s.length) {
    lines.push(s.slice(start));
    eols.push('');
  }
  const finalNewline = lines.length === 0 || eols[eols.length - 1] !== '';
  return { bom, lines, eols, eol: crlf > lf ? '\r\n' : '\n', finalNewline };
}

function encode(ft: FileText): Buffer {
  const parts: string[] = [];
  const n = ft.lines.length;
  for (let i = 0; i < n; i++) {
    let eol = ft.eols[i] || ft.eol;
    if (i === n - 1 && !ft.finalNewline) eol = '';
    parts.push(ft.lines[i]! + eol);
  }
  return Buffer.from((ft.bom ? BOM : '') + parts.join(''), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
};
const PUNCTUATION_RE =
  /[\u2018\u2019\u201A\u201B\u2032\u201C-\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212\u2026]/g;
const UNICODE_SPACES_RE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u200B\uFEFF]/g;

function normalisePunctuation(s: string): string {
  return s
    .replace(PUNCTUATION_RE, (c) => PUNCTUATION[c] ?? c)
    .replace(UNICODE_SPACES_RE, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const NORMALISERS: Record<MatchStrategy, (s: string) => string> = {
  exact: (s) => s,
  trimEnd: (s) => s.trimEnd(),
  trim: (s) => s.trim(),
  punctuation: normalisePunctuation,
};

// ---------------------------------------------------------------------------------------------
// Locating hunks

interface Placement {
  start: number;
  oldLen: number;
  hunk: Hunk;
  strategy: MatchStrategy;
  index: number;
}

function oldLines(h: Hunk): string[] {
  return h.lines.filter((l) => l.op !== '+').map((l) => l.text);
}

function describeHunk(file: string, index: number, h: Hunk): string {
  const first = h.lines.find((l) => l.op !== '+') ?? h.lines[0];
  const firstText = first ? `'${clip(first.text)}'` : '(empty)';
  return `'${file}' hunk ${index + 1} (first old line ${firstText})`;
}

function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

class Locator {
  private readonly cache = new Map<MatchStrategy, string[]>();
  constructor(
    private readonly lines: readonly string[],
    private readonly strategies: readonly MatchStrategy[],
  ) {}

  private normalised(s: MatchStrategy): string[] {
    let v = this.cache.get(s);
    if (!v) {
      v = this.lines.map(NORMALISERS[s]);
      this.cache.set(s, v);
    }
    return v;
  }

  /** All positions where `old` matches with the first strategy that finds any. */
  find(
    old: readonly string[],
    endOfFile: boolean,
  ): { positions: number[]; strategy: MatchStrategy } {
    const n = this.lines.length;
    for (const s of this.strategies) {
      const norm = NORMALISERS[s];
      const want = old.map(norm);
      const have = this.normalised(s);
      const positions: number[] = [];
      const m = want.length;
      for (let p = 0; p + m <= n; p++) {
        let ok = true;
        for (let i = 0; i < m; i++) {
          if (have[p + i] !== want[i]) {
            ok = false;
            break;
          }
        }
        if (ok) positions.push(p);
      }
      const fitting = endOfFile ? positions.filter((p) => this.endsFile(p + m)) : positions;
      if (fitting.length > 0) return { positions: fitting, strategy: s };
    }
    return { positions: [], strategy: 'exact' };
  }

  /** Whether everything from `end` on is blank (the hunk reaches the end of the file). */
  private endsFile(end: number): boolean {
    for (let i = end; i < this.lines.length; i++) if (this.lines[i]!.trim() !== '') return false;
    return true;
  }

  /** Lines equal to the `@@` context line (loosely compared; a long context may be a prefix). */
  contextPositions(context: string): number[] {
    const want = normalisePunctuation(context);
    const have = this.normalised('punctuation');
    const out: number[] = [];
    if (want === '') return out;
    for (let i = 0; i < have.length; i++) {
      const h = have[i]!;
      if (h === want || (want.length >= 8 && h.startsWith(want))) out.push(i);
    }
    return out;
  }

  /** The window most similar to `old`, as numbered lines for an error message. */
  closest(old: readonly string[]): string {
    const n = this.lines.length;
    if (n === 0) return 'The file is empty.';
    const k = Math.min(old.length, 6);
    if (k === 0) return '';
    const budget = 200_000;
    const limit = Math.min(n, Math.max(1, Math.floor(budget / k)));
    const want = old.slice(0, k).map((s) => bigrams(normalisePunctuation(s)));
    const haveCache = new Map<number, Map<string, number>>();
    const have = (i: number): Map<string, number> => {
      let v = haveCache.get(i);
      if (!v) {
        v = bigrams(normalisePunctuation(this.lines[i] ?? ''));
        haveCache.set(i, v);
      }
      return v;
    };
    let best = 0;
    let bestScore = -1;
    for (let p = 0; p < limit; p++) {
      let score = 0;
      for (let i = 0; i < k && p + i < n; i++) score += dice(want[i]!, have(p + i));
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    const show = Math.min(Math.max(old.length, 5), 8);
    const from = Math.max(0, Math.min(best, n - show));
    const to = Math.min(n, from + show);
    const width = String(to).length;
    const body = this.lines
      .slice(from, to)
      .map((l, i) => `${String(from + i + 1).padStart(width)} | ${clip(l, 160)}`)
      .join('\n');
    return `Closest lines in the file (lines ${from + 1}-${to}):\n${body}`;
  }
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = s.length < 2 ? ` ${s} ` : s;
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let common = 0;
  for (const v of a.values()) total += v;
  for (const v of b.values()) total += v;
  if (total === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [g, v] of small) common += Math.min(v, large.get(g) ?? 0);
  return (2 * common) / total;
}

function withoutTrailingBlankContext(h: Hunk): Hunk | undefined {
  let end = h.lines.length;
  while (end > 0 && h.lines[end - 1]!.op === ' ' && h.lines[end - 1]!.text.trim() === '') end--;
  if (end === h.lines.length || !h.lines.slice(0, end).some((l) => l.op !== '+')) return undefined;
  return { ...h, lines: h.lines.slice(0, end) };
}

function placeHunks(
  file: string,
  lines: readonly string[],
  hunks: readonly Hunk[],
  strategies: readonly MatchStrategy[],
): Placement[] {
  const loc = new Locator(lines, strategies);
  const placements: Placement[] = [];
  const keys = hunks.map((h) => oldLines(h).join('\n'));
  let cursor = 0;
  hunks.forEach((original, index) => {
    const what = describeHunk(file, index, original);
    if (oldLines(original).length === 0) {
      const start = insertionPoint(file, index, original, loc, lines.length, cursor);
      placements.push({ start, oldLen: 0, hunk: original, strategy: 'exact', index });
      cursor = start;
      return;
    }
    const { hunk, positions, strategy } = findHunk(loc, original, what);
    const old = oldLines(hunk);
    // Identical hunks still to come can take the candidates in order.
    let sameAhead = 0;
    for (let j = index; j < hunks.length; j++) if (keys[j] === keys[index]) sameAhead++;
    const start = choose(positions, cursor, hunk, loc, sameAhead);
    if (start === undefined) {
      const fwd = positions.filter((p) => p >= cursor);
      const shown = (fwd.length > 1 ? fwd : positions).map((p) => p + 1);
      throw new PatchRejected(
        `${what} matches ${shown.length} places (lines ${shown.slice(0, 10).join(', ')}): add more context lines or an '@@ <line>' header naming the enclosing function or class.`,
      );
    }
    placements.push({ start, oldLen: old.length, hunk, strategy, index });
    cursor = start + old.length;
  });
  return inFileOrder(file, placements);
}

/**
 * Where a hunk's old lines are, by the first strategy that finds any. A trailing blank context
 * line often stands for the end of the file: without a match, the hunk is retried without it.
 */
function findHunk(
  loc: Locator,
  hunk: Hunk,
  what: string,
): { hunk: Hunk; positions: readonly number[]; strategy: MatchStrategy } {
  const found = loc.find(oldLines(hunk), hunk.endOfFile);
  if (found.positions.length > 0) return { hunk, ...found };
  const trimmed = withoutTrailingBlankContext(hunk);
  if (trimmed) {
    const again = loc.find(oldLines(trimmed), hunk.endOfFile);
    if (again.positions.length > 0) return { hunk: trimmed, ...again };
  }
  const where = hunk.endOfFile ? ' at the end of the file' : '';
  throw new PatchRejected(
    `${what} was not found${where}. Copy the old lines exactly from the file.\n${loc.closest(oldLines(hunk))}`,
  );
}

/** The placements sorted by line, refused when two overlap. */
function inFileOrder(file: string, placements: readonly Placement[]): Placement[] {
  const sorted = [...placements].sort((a, b) => a.start - b.start || a.index - b.index);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.start < a.start + a.oldLen) {
      throw new PatchRejected(
        `'${file}' hunks ${a.index + 1} and ${b.index + 1} overlap (lines ${a.start + 1} and ${b.start + 1}): merge them into one hunk.`,
      );
    }
  }
  return sorted;
}

function choose(
  positions: readonly number[],
  cursor: number,
  hunk: Hunk,
  loc: Locator,
  sameAhead: number,
): number | undefined {
  let cands = [...positions];
  const fwd = cands.filter((p) => p >= cursor);
  if (fwd.length > 0) cands = fwd;
  if (cands.length === 1) return cands[0];
  if (hunk.context !== undefined) {
    // For each place the context line occurs, the first candidate at or after it.
    const picked = new Set<number>();
    for (const c of loc.contextPositions(hunk.context)) {
      const next = cands.find((p) => p >= c);
      if (next !== undefined) picked.add(next);
    }
    if (picked.size > 0) cands = [...picked].sort((a, b) => a - b);
    if (cands.length === 1) return cands[0];
  }
  if (hunk.lineHint !== undefined) {
    const target = hunk.lineHint - 1;
    const byDistance = [...cands].sort((a, b) => Math.abs(a - target) - Math.abs(b - target));
    const d0 = Math.abs(byDistance[0]! - target);
    const d1 = Math.abs(byDistance[1]! - target);
    if (d0 * 2 < d1) return byDistance[0];
  }
  if (sameAhead === cands.length) return cands[0];
  return undefined;
}

function insertionPoint(
  file: string,
  index: number,
  hunk: Hunk,
  loc: Locator,
  n: number,
  cursor: number,
): number {
  if (hunk.lineHint !== undefined) return Math.max(0, Math.min(n, hunk.lineHint - 1));
  if (hunk.context !== undefined) {
    const all = loc.contextPositions(hunk.context);
    const fwd = all.filter((p) => p >= cursor);
    const cands = fwd.length > 0 ? fwd : all;
    if (cands.length === 1) return cands[0]! + 1;
    const what = `'${file}' hunk ${index + 1} (only '+' lines, after '@@ ${clip(hunk.context)}')`;
    if (cands.length === 0) {
      throw new PatchRejected(
        `${what}: the '@@' line was not found. ${loc.closest([hunk.context])}`,
      );
    }
    throw new PatchRejected(
      `${what}: the '@@' line matches ${cands.length} places (lines ${cands
        .slice(0, 10)
        .map((p) => p + 1)
        .join(', ')}): add context lines around the insertion.`,
    );
  }
  return n;
}

/** When matched ignoring indentation, re-indent added lines by the same consistent shift. */
function indentShift(
  fileLines: readonly string[],
  start: number,
  hunk: Hunk,
): ((s: string) => string) | undefined {
  const leading = (s: string): string => /^[ \t]*/.exec(s)![0];
  let add: string | undefined;
  let remove: string | undefined;
  let k = start;
  for (const l of hunk.lines) {
    if (l.op === '+') continue;
    const actual = fileLines[k++]!;
    if (l.text.trim() === '') continue;
    const fileWs = leading(actual);
    const patchWs = leading(l.text);
    if (add === undefined && remove === undefined) {
      if (fileWs.endsWith(patchWs)) add = fileWs.slice(0, fileWs.length - patchWs.length);
      else if (patchWs.endsWith(fileWs)) remove = patchWs.slice(0, patchWs.length - fileWs.length);
      else return undefined;
    }
    if (add !== undefined && fileWs !== add + patchWs) return undefined;
    if (remove !== undefined && remove + fileWs !== patchWs) return undefined;
  }
  if (add) {
    const a = add;
    return (s) => (s.trim() === '' ? s : a + s);
  }
  if (remove) {
    const r = remove;
    return (s) => (s.startsWith(r) ? s.slice(r.length) : s);
  }
  return undefined;
}

/** Applies the hunks of one update to a file's text. Throws PatchRejected. */
function applyHunks(
  file: string,
  ft: FileText,
  hunks: readonly Hunk[],
  strategies: readonly MatchStrategy[],
  finalNewline: boolean | undefined,
): FileText {
  const placements = placeHunks(file, ft.lines, hunks, strategies);
  const lines: string[] = [];
  const eols: string[] = [];
  let idx = 0;
  for (const p of placements) {
    for (; idx < p.start; idx++) {
      lines.push(ft.lines[idx]!);
      eols.push(ft.eols[idx]!);
    }
    const shift =
      p.strategy === 'trim' || p.strategy === 'punctuation'
        ? indentShift(ft.lines, p.start, p.hunk)
        : undefined;
    let k = p.start;
    for (const l of p.hunk.lines) {
      if (l.op === ' ') {
        lines.push(ft.lines[k]!);
        eols.push(ft.eols[k]!);
        k++;
      } else if (l.op === '-') {
        k++;
      } else {
        lines.push(shift ? shift(l.text) : l.text);
        eols.push(ft.eol);
      }
    }
    idx = p.start + p.oldLen;
  }
  for (; idx < ft.lines.length; idx++) {
    lines.push(ft.lines[idx]!);
    eols.push(ft.eols[idx]!);
  }
  const keepFinal = ft.lines.length === 0 ? true : ft.finalNewline;
  return { ...ft, lines, eols, finalNewline: finalNewline ?? keepFinal };
}

// ---------------------------------------------------------------------------------------------
// Planning against a virtual file system, then writing

interface Entry {
  readonly abs: string;
  /** Content on disk before the patch (null: did not exist). */
  readonly original: Buffer | null;
  readonly originalMode: number | undefined;
  /** Content after the ops planned so far (null: absent). */
  current: Buffer | null;
  mode: number | undefined;
}

class Plan {
  readonly entries = new Map<string, Entry>();
  constructor(private readonly maxFileBytes: number) {}

  /** `sizeLimit`: refuse files over the limit (not needed to delete a file). */
  async entry(abs: string, shown: string, sizeLimit = true): Promise<Entry> {
    const known = this.entries.get(abs);
    if (known) return known;
    let original: Buffer | null = null;
    let mode: number | undefined;
    try {
      const st = await fs.stat(abs);
      if (st.isDirectory()) throw new PatchRejected(`'${shown}' is a directory, not a file.`);
      if (!st.isFile()) throw new PatchRejected(`'${shown}' is not a regular file.`);
      if (sizeLimit && st.size > this.maxFileBytes) {
        throw new PatchRejected(
          `'${shown}' is too large to patch (${st.size} bytes, limit ${this.maxFileBytes}); edit it with a shell command instead.`,
        );
      }
      original = await fs.readFile(abs);
      mode = st.mode & 0o7777;
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    const entry: Entry = { abs, original, originalMode: mode, current: original, mode };
    this.entries.set(abs, entry);
    return entry;
  }
}

function isNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function textOf(e: Entry, shown: string): FileText {
  const buf = e.current!;
  if (buf.includes(0)) {
    throw new PatchRejected(
      `'${shown}' is a binary file (it contains NUL bytes); the patch tool edits text files only.`,
    );
  }
  return decode(buf);
}

function resolvePath(guard: WorkspaceGuard, p: string): string {
  try {
    return guard.resolve(p, 'write');
  } catch (e) {
    if (e instanceof PathRefusedError || (e instanceof Error && e.name === 'PathRefusedError')) {
      throw new PatchRejected(`${e.message}. Use a path inside the workspace (not under .git/).`);
    }
    throw e;
  }
}

/** Applies parsed ops, all or nothing. Problems the model can fix come back as `ok: false`. */
export async function applyPatch(
  ops: readonly PatchOp[],
  guard: WorkspaceGuard,
  options: ApplyOptions = {},
): Promise<PatchResult> {
  if (ops.length === 0) return err('The patch contains no file operations.');
  const strategies = options.strategies?.length ? options.strategies : ALL_STRATEGIES;
  const plan = new Plan(options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const changes: Changes = { added: [], modified: [], deleted: [], moved: [] };
  try {
    await planOps(ops, { guard, plan, strategies, changes });
  } catch (e) {
    if (e instanceof PatchRejected)
      return err(`Patch not applied (no files were changed): ${e.message}`);
    throw e;
  }
  try {
    await write(plan);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return err(`Patch not applied (no files were changed): writing failed: ${why}`);
  }
  return ok(applied(changes));
}

/** What a patch changes, as paths shown to the model, in the order the ops came. */
interface Changes {
  readonly added: string[];
  readonly modified: string[];
  readonly deleted: string[];
  readonly moved: { from: string; to: string }[];
}

/** Where planned ops go: the plan of new contents, and the changes to report. */
interface Planning {
  readonly guard: WorkspaceGuard;
  readonly plan: Plan;
  readonly strategies: readonly MatchStrategy[];
  readonly changes: Changes;
}

/** Locates every op against the files as they are and records the new contents in the plan. */
async function planOps(ops: readonly PatchOp[], planning: Planning): Promise<void> {
  const { guard, plan, changes } = planning;
  // Resolve every path first so a refused path fails before any reading.
  const resolved = ops.map((op) => ({
    abs: resolvePath(guard, op.path),
    to: op.kind === 'update' && op.moveTo !== undefined ? resolvePath(guard, op.moveTo) : undefined,
  }));
  for (const [i, op] of ops.entries()) {
    const { abs, to } = resolved[i]!;
    const shown = guard.relative(abs);
    const e = await plan.entry(abs, shown, op.kind !== 'delete');
    if (op.kind === 'add') {
      if (e.current !== null) {
        throw new PatchRejected(
          `Cannot add '${shown}': it already exists. Use '*** Update File: ${shown}' to change it.`,
        );
      }
      e.current = Buffer.from(op.content, 'utf8');
      changes.added.push(shown);
    } else if (op.kind === 'delete') {
      if (e.current === null)
        throw new PatchRejected(`Cannot delete '${shown}': file does not exist.`);
      e.current = null;
      changes.deleted.push(shown);
    } else {
      await planUpdate(op, e, shown, to !== abs ? to : undefined, planning);
    }
  }
}

/** An update: its hunks placed in the file's current text, then kept in place or moved. */
async function planUpdate(
  op: Extract<PatchOp, { kind: 'update' }>,
  e: Entry,
  shown: string,
  moveTo: string | undefined,
  at: Planning,
): Promise<void> {
  if (e.current === null) {
    throw new PatchRejected(
      `Cannot update '${shown}': file does not exist. Use '*** Add File: ${shown}' to create it.`,
    );
  }
  const next =
    op.hunks.length > 0
      ? encode(applyHunks(shown, textOf(e, shown), op.hunks, at.strategies, op.finalNewline))
      : e.current;
  if (moveTo === undefined) {
    e.current = next;
    at.changes.modified.push(shown);
    return;
  }
  const target = at.guard.relative(moveTo);
  const t = await at.plan.entry(moveTo, target);
  if (t.current !== null)
    throw new PatchRejected(`Cannot move '${shown}' to '${target}': '${target}' already exists.`);
  t.current = next;
  t.mode = e.mode;
  e.current = null;
  at.changes.moved.push({ from: shown, to: target });
}

/** The result the model reads: the changed paths, each once, and one line per change. */
function applied(changes: Changes): AppliedPatch {
  const lines = [
    ...changes.added.map((p) => `A ${p}`),
    ...changes.modified.map((p) => `M ${p}`),
    ...changes.deleted.map((p) => `D ${p}`),
    ...changes.moved.map((m) => `R ${m.from} -> ${m.to}`),
  ];
  return {
    added: unique(changes.added),
    modified: unique(changes.modified),
    deleted: unique(changes.deleted),
    moved: changes.moved,
    message: `Applied patch:\n${unique(lines).join('\n')}`,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Writes the plan: removals are renamed aside first, then contents written; undone on failure. */
async function write(plan: Plan): Promise<void> {
  const undo: (() => Promise<void>)[] = [];
  const backups: string[] = [];
  try {
    for (const e of plan.entries.values()) {
      if (e.original !== null && e.current === null) {
        const bak = `${e.abs}.greenloop-${randomBytes(4).toString('hex')}.bak`;
        await fs.rename(e.abs, bak);
        backups.push(bak);
        undo.push(() => fs.rename(bak, e.abs));
      }
    }
    for (const e of plan.entries.values()) {
      if (e.current === null) continue;
      if (e.original !== null && e.original.equals(e.current) && e.mode === e.originalMode)
        continue;
      const dir = path.dirname(e.abs);
      const created = await fs.mkdir(dir, { recursive: true });
      if (created !== undefined) undo.push(() => fs.rm(created, { recursive: true, force: true }));
      if (e.original === null) {
        undo.push(() => fs.rm(e.abs, { force: true }));
        await fs.writeFile(e.abs, e.current, { flag: 'wx' });
      } else {
        const orig = e.original;
        undo.push(async () => {
          await fs.writeFile(e.abs, orig);
          if (e.originalMode !== undefined) await fs.chmod(e.abs, e.originalMode);
        });
        await fs.writeFile(e.abs, e.current);
      }
      if (e.mode !== undefined && process.platform !== 'win32') await fs.chmod(e.abs, e.mode);
    }
  } catch (err) {
    for (const u of undo.reverse()) {
      try {
        await u();
      } catch {
        // best effort: keep undoing the rest
      }
    }
    throw err;
  }
  for (const b of backups) await fs.rm(b, { force: true });
}
