/**
 * A deterministic corpus of realistic patch cases for the applier and the benchmark.
 *
 * `generateCorpus(seed, count)` builds source files and patches from a seeded PRNG, in categories:
 * exact, whitespace drift, CRLF files, shifted line numbers, stale @@ hints, ambiguous contexts
 * (expected to be refused), multi-file (some with a broken file, expected to be refused) and
 * add/delete/move. Each case carries the envelope patch and the same change as a unified diff.
 *
 * `runCorpus(applier, cases)` applies every case in a fresh temp folder and counts apply rate,
 * wrong-place applies (ok reported but wrong result), partial applies (failure with the tree
 * changed) and refusals.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readContents, tempDir, writeFiles } from './helpers.js';

export const CATEGORIES = [
  'exact',
  'whitespace',
  'crlf',
  'shifted',
  'stale-hint',
  'ambiguous',
  'multi-file',
  'add-delete-move',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CorpusCase {
  readonly name: string;
  readonly category: Category;
  readonly files: Record<string, string>;
  /** The change in the Codex envelope. */
  readonly patch: string;
  /** The same change as a unified diff (as `git diff` would print it, line hints included). */
  readonly unified: string;
  /** Files after the patch (null: deleted), or 'refuse' when the patch must not apply. */
  readonly expected: Record<string, string | null> | 'refuse';
}

// ---------------------------------------------------------------------------------------------
// PRNG

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    // mulberry32
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Source files

const VERBS = [
  'load',
  'parse',
  'render',
  'compute',
  'merge',
  'scan',
  'build',
  'check',
  'format',
  'resolve',
  'update',
  'collect',
];
const NOUNS = [
  'Config',
  'Order',
  'User',
  'Report',
  'Token',
  'Invoice',
  'Graph',
  'Cache',
  'Queue',
  'Record',
  'Session',
  'Batch',
];
const VARS = [
  'count',
  'total',
  'index',
  'limit',
  'offset',
  'size',
  'score',
  'delta',
  'weight',
  'level',
];
const DIRS = ['src', 'lib', 'app', 'pkg', 'core'];

type Lang = 'ts' | 'py';

interface Func {
  /** Index of the header line. */
  header: number;
  /** Body lines [bodyStart, bodyEnd) (statements, closing brace excluded). */
  bodyStart: number;
  bodyEnd: number;
}

interface Source {
  lang: Lang;
  lines: string[];
  funcs: Func[];
}

let uniq = 0;
function fresh(r: Rng): string {
  uniq++;
  return `${r.pick(VARS)}${uniq.toString(36)}`;
}

function statement(r: Rng, lang: Lang, ind: string, fn: string): string[] {
  const v = fresh(r);
  const n = r.int(2, 999);
  const semi = lang === 'ts' ? ';' : '';
  const input = lang === 'ts' ? `${fn}Input` : `${fn}_input`;
  const decl = lang === 'ts' ? 'const ' : '';
  switch (r.int(0, 6)) {
    case 0:
      return [`${ind}${decl}${v} = ${input}.${r.pick(VARS)} * ${n}${semi}`];
    case 1:
      return [`${ind}${decl}${v} = helper(${n}, '${fn}')${semi}`];
    case 2:
      return lang === 'ts'
        ? [
            `${ind}if (${fn}Input.${r.pick(VARS)} > ${n}) {`,
            `${ind}  log('${fn} over ${n}');`,
            `${ind}}`,
          ]
        : [`${ind}if ${fn}_input.${r.pick(VARS)} > ${n}:`, `${ind}    log("${fn} over ${n}")`];
    case 3:
      return [
        `${ind}${lang === 'ts' ? '// ' : '# '}${r.pick(VERBS)} the ${r.pick(NOUNS).toLowerCase()} (${v})`,
      ];
    case 4:
      return [
        `${ind}results.push(${n})${semi}`.replace(
          'results.push',
          lang === 'ts' ? 'results.push' : 'results.append',
        ),
      ];
    case 5:
      return [`${ind}${decl}${v} = format${r.pick(NOUNS)}(${input}, ${n})${semi}`];
    default:
      return [`${ind}${lang === 'ts' ? 'await ' : ''}save('${v}', ${n})${semi}`];
  }
}

function genSource(r: Rng, nFuncs = r.int(4, 7)): Source {
  const lang: Lang = r.chance(0.5) ? 'ts' : 'py';
  const lines: string[] =
    lang === 'ts'
      ? [`import { helper, log, save } from './util.js';`, '']
      : ['from util import helper, log, save', '', ''];
  const funcs: Func[] = [];
  for (let f = 0; f < nFuncs; f++) {
    const name = `${r.pick(VERBS)}${r.pick(NOUNS)}${f}`;
    const header = lines.length;
    lines.push(
      lang === 'ts'
        ? `export async function ${name}(${name}Input: Input): Promise<number[]> {`
        : `def ${name}(${name}_input):`,
    );
    const ind = lang === 'ts' ? '  ' : '    ';
    lines.push(lang === 'ts' ? `${ind}const results: number[] = [];` : `${ind}results = []`);
    const bodyStart = header + 1;
    const k = r.int(4, 8);
    for (let i = 0; i < k; i++) lines.push(...statement(r, lang, ind, name));
    lines.push(`${ind}return results${lang === 'ts' ? ';' : ''}`);
    const bodyEnd = lines.length;
    if (lang === 'ts') lines.push('}', '');
    else lines.push('', '');
    funcs.push({ header, bodyStart, bodyEnd });
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return { lang, lines, funcs };
}

// ---------------------------------------------------------------------------------------------
// Edits

interface Edit {
  /** Index of the first old line (context before included). */
  start: number;
  before: string[];
  removed: string[];
  added: string[];
  after: string[];
}

function oldBlock(e: Edit): string[] {
  return [...e.before, ...e.removed, ...e.after];
}

function occurrences(
  lines: readonly string[],
  block: readonly string[],
  norm: (s: string) => string = (s) => s,
): number[] {
  const want = block.map(norm);
  const have = lines.map(norm);
  const out: number[] = [];
  for (let p = 0; p + want.length <= have.length; p++) {
    if (want.every((w, i) => have[p + i] === w)) out.push(p);
  }
  return out;
}

function newLines(r: Rng, src: Source, at: number, n: number): string[] {
  const ind = /^\s*/.exec(src.lines[at] ?? '')![0] || (src.lang === 'ts' ? '  ' : '    ');
  const out: string[] = [];
  while (out.length < n) out.push(...statement(r, src.lang, ind, 'patched'));
  return out
    .slice(0, n)
    .map((l) =>
      l.trim() === '}' || l.endsWith('{') || l.endsWith(':') ? `${ind}keep(${uniq++})` : l,
    );
}

/** Picks an edit inside a function body whose old block is unique (under `norm`) and after `minStart`. */
function pickEdit(
  r: Rng,
  src: Source,
  minStart: number,
  opts: { ctx?: number; maxIndex?: number } = {},
): Edit | undefined {
  const ctx = opts.ctx ?? 3;
  for (let attempt = 0; attempt < 40; attempt++) {
    const f = r.pick(src.funcs);
    const i = r.int(f.bodyStart + 1, f.bodyEnd - 1);
    const removeN = r.int(0, 2);
    const addN = removeN === 0 ? r.int(1, 3) : r.int(0, 3);
    const end = Math.min(i + removeN, f.bodyEnd);
    const start = Math.max(0, i - ctx);
    if (start < minStart || (opts.maxIndex !== undefined && end + ctx > opts.maxIndex)) continue;
    const e: Edit = {
      start,
      before: src.lines.slice(start, i),
      removed: src.lines.slice(i, end),
      added: newLines(r, src, i, addN),
      after: src.lines.slice(end, Math.min(src.lines.length, end + ctx)),
    };
    if (e.removed.length === 0 && e.added.length === 0) continue;
    if (occurrences(src.lines, oldBlock(e), (s) => s.trim()).length !== 1) continue;
    return e;
  }
  return undefined;
}

function pickEdits(r: Rng, src: Source, count: number, maxIndex?: number): Edit[] {
  const edits: Edit[] = [];
  let min = 0;
  for (let k = 0; k < count; k++) {
    const e = pickEdit(r, src, min, maxIndex === undefined ? {} : { maxIndex });
    if (!e) break;
    edits.push(e);
    min = e.start + oldBlock(e).length + 1;
  }
  return edits;
}

function applyEdits(lines: readonly string[], edits: readonly Edit[]): string[] {
  const out = [...lines];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out.splice(e.start + e.before.length, e.removed.length, ...e.added);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Patch text

interface View {
  /** How the patch author wrote an existing line (drift). */
  old?: (s: string, i: number) => string;
  /** How the patch author wrote an added line. */
  add?: (s: string) => string;
  /** Header per hunk: 'bare' '@@', 'context' '@@ <function header>', 'range' '@@ -l,n +l,n @@'. */
  header?: 'bare' | 'context' | 'range' | 'none';
  /** Added to the line numbers written in range headers (stale hints). */
  shift?: number;
  eofMarker?: boolean;
}

function enclosingHeader(src: Source, at: number): string | undefined {
  let best: Func | undefined;
  for (const f of src.funcs) if (f.header <= at) best = f;
  return best ? src.lines[best.header] : undefined;
}

function rangeOf(edits: readonly Edit[], k: number, shift: number): string {
  const e = edits[k]!;
  let delta = 0;
  for (let j = 0; j < k; j++) delta += edits[j]!.added.length - edits[j]!.removed.length;
  const oldN = oldBlock(e).length;
  const newN = e.before.length + e.added.length + e.after.length;
  // Stale hints stay valid numbers (git rejects a hunk starting before line 1).
  const oldStart = oldN === 0 ? e.start : Math.max(1, e.start + 1 + shift);
  const newStart = newN === 0 ? e.start + delta : Math.max(1, e.start + 1 + delta + shift);
  return `@@ -${oldStart},${oldN} +${newStart},${newN} @@`;
}

function hunkBody(e: Edit, view: View, eol = ''): string {
  const o = view.old ?? ((s: string) => s);
  const a = view.add ?? ((s: string) => s);
  let i = 0;
  const out: string[] = [];
  for (const l of e.before) out.push(` ${o(l, i++)}${eol}`);
  for (const l of e.removed) out.push(`-${o(l, i++)}${eol}`);
  for (const l of e.added) out.push(`+${a(l)}${eol}`);
  for (const l of e.after) out.push(` ${o(l, i++)}${eol}`);
  return out.join('\n') + '\n';
}

function envelopeUpdate(
  file: string,
  src: Source,
  edits: readonly Edit[],
  view: View,
  moveTo?: string,
): string {
  let s = `*** Update File: ${file}\n`;
  if (moveTo) s += `*** Move to: ${moveTo}\n`;
  edits.forEach((e, k) => {
    const h = view.header ?? 'bare';
    if (h === 'context')
      s += `@@ ${enclosingHeader(src, e.start) ?? ''}\n`.replace('@@ \n', '@@\n');
    else if (h === 'range') s += `${rangeOf(edits, k, view.shift ?? 0)}\n`;
    else if (h === 'bare' || k > 0) s += '@@\n';
    s += hunkBody(e, view);
  });
  return s;
}

function unifiedUpdate(
  file: string,
  edits: readonly Edit[],
  view: View,
  opts: { eol?: string; moveTo?: string; fileEndsWithoutNewline?: boolean } = {},
): string {
  const to = opts.moveTo ?? file;
  let s = `diff --git a/${file} b/${to}\n`;
  if (opts.moveTo) s += `similarity index 90%\nrename from ${file}\nrename to ${to}\n`;
  s += `--- a/${file}\n+++ b/${to}\n`;
  edits.forEach((e, k) => {
    s += `${rangeOf(edits, k, view.shift ?? 0)}\n${hunkBody(e, view, opts.eol ?? '')}`;
  });
  return s;
}

function unifiedAdd(file: string, content: string): string {
  const lines = content.split('\n').slice(0, -1);
  return `diff --git a/${file} b/${file}\nnew file mode 100644\n--- /dev/null\n+++ b/${file}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}\n`).join('')}`;
}

function unifiedDelete(file: string, content: string): string {
  const lines = content.split('\n').slice(0, -1);
  return `diff --git a/${file} b/${file}\ndeleted file mode 100644\n--- a/${file}\n+++ /dev/null\n@@ -1,${lines.length} +0,0 @@\n${lines.map((l) => `-${l}\n`).join('')}`;
}

const wrap = (body: string): string => `*** Begin Patch\n${body}*** End Patch\n`;
const text = (lines: readonly string[], eol = '\n', finalNewline = true): string =>
  lines.join(eol) + (finalNewline ? eol : '');

function fileName(r: Rng, src: Source, k: number): string {
  return `${r.pick(DIRS)}/${r.pick(NOUNS).toLowerCase()}_${k}.${src.lang}`;
}

// ---------------------------------------------------------------------------------------------
// Cases

type Built = Omit<CorpusCase, 'name' | 'category'>;

function simpleCase(r: Rng, view: View, opts: { eol?: string } = {}): Built | undefined {
  const src = genSource(r);
  const file = fileName(r, src, 0);
  const eol = opts.eol ?? '\n';
  const final = eol === '\n' || r.chance(0.7);
  // Without a final newline, keep hunks off the last line (its diff needs '\ No newline').
  const edits = pickEdits(r, src, r.int(1, 2), final ? undefined : src.lines.length - 1);
  if (edits.length === 0) return undefined;
  return {
    files: { [file]: text(src.lines, eol, final) },
    patch: wrap(envelopeUpdate(file, src, edits, view)),
    unified: unifiedUpdate(file, edits, view, { eol: eol === '\r\n' ? '\r' : '' }),
    expected: { [file]: text(applyEdits(src.lines, edits), eol, final) },
  };
}

/** [ascii open, ascii close, typographic open, typographic close, separator ascii, typographic]. */
const TYPOGRAPHIC: [string, string, string, string][] = [
  ['"', '"', '\u201C', '\u201D'],
  ["'", "'", '\u2018', '\u2019'],
  ['- ', ' -', '\u2014 ', ' \u2014'],
  ['(', '...)', '(', '\u2026)'],
  ['[', ' ]', '[', '\u00A0]'],
];

function whitespaceCase(r: Rng): Built | undefined {
  const variant = r.int(0, 3);
  const src = genSource(r);
  const file = fileName(r, src, 0);
  const edits = pickEdits(r, src, 1);
  const e = edits[0];
  if (!e) return undefined;
  const fileLines = [...src.lines];
  let view: View = { header: r.pick(['bare', 'context'] as const) };
  if (variant === 0) {
    // The file has trailing whitespace the model did not copy.
    const block = oldBlock(e);
    block.forEach((_, i) => {
      if (r.chance(0.5))
        fileLines[e.start + i] = fileLines[e.start + i] + r.pick([' ', '  ', '\t']);
    });
  } else if (variant === 1) {
    view = { ...view, old: (s) => (r.chance(0.5) ? s + ' ' : s) };
  } else if (variant === 2) {
    // The model indented everything one level deeper.
    const lvl = src.lang === 'ts' ? '  ' : '    ';
    view = { ...view, old: (s) => (s.trim() === '' ? s : lvl + s), add: (s) => lvl + s };
  } else {
    // The file has typographic punctuation in a comment the model wrote in ASCII.
    const idx = e.start + r.int(0, Math.max(0, e.before.length - 1));
    const [open, close, typoOpen, typoClose] = r.pick(TYPOGRAPHIC);
    const mark = src.lang === 'ts' ? '//' : '#';
    const verb = r.pick(VERBS);
    const asciiLine = `${fileLines[idx]} ${mark} note ${open}${verb}${close} ok`;
    fileLines[idx] = `${fileLines[idx]} ${mark} note ${typoOpen}${verb}${typoClose} ok`;
    const patchIdx = idx - e.start;
    view = { ...view, old: (s, i) => (i === patchIdx ? asciiLine : s) };
  }
  const drifted: Source = { ...src, lines: fileLines };
  // Recompute the edit's old lines against the drifted file (context keeps the file's text).
  const de: Edit = {
    ...e,
    before: fileLines.slice(e.start, e.start + e.before.length),
    removed: fileLines.slice(
      e.start + e.before.length,
      e.start + e.before.length + e.removed.length,
    ),
    after: fileLines.slice(
      e.start + e.before.length + e.removed.length,
      e.start + oldBlock(e).length,
    ),
  };
  const patchOld = (s: string, i: number): string => {
    if (variant === 0) return oldBlock(e)[i]!;
    return (view.old ?? ((x: string) => x))(s, i);
  };
  const pview: View = { ...view, old: patchOld };
  return {
    files: { [file]: text(fileLines) },
    patch: wrap(envelopeUpdate(file, drifted, [de], pview)),
    unified: unifiedUpdate(file, [de], pview),
    expected: { [file]: text(applyEdits(fileLines, [de])) },
  };
}

/** A file with one function duplicated under another name far away; the edit targets one copy. */
function duplicateCase(r: Rng, withHint: boolean): Built | undefined {
  const src = genSource(r, r.int(4, 6));
  const f = src.funcs[r.int(0, 1)]!;
  const copyHeader = src.lines[f.header]!.replace(/(\w+?)(\d)\b/, `$1Copy$2`).replace(
    /(\w+?)(\d)(Input|_input)/g,
    '$1$2$3',
  );
  const body = src.lines.slice(f.header + 1, f.bodyEnd + (src.lang === 'ts' ? 1 : 0));
  const insertAt = src.funcs[src.funcs.length - 1]!.header;
  const lines = [...src.lines];
  lines.splice(
    insertAt,
    0,
    copyHeader.replace('(', 'Copy('),
    ...body,
    '',
    ...(src.lang === 'py' ? [''] : []),
  );
  const distance = insertAt - f.header;
  if (distance < 14) return undefined;
  // Old block inside the body, excluding the header.
  const len = f.bodyEnd - f.bodyStart;
  if (len < 4) return undefined;
  const i = r.int(f.bodyStart + 1, f.bodyEnd - 2);
  const target = r.chance(0.5) ? 0 : distance;
  const before = lines.slice(Math.max(f.bodyStart, i - 2) + target, i + target);
  const removed = lines.slice(i + target, i + target + 1);
  const after = lines.slice(i + target + 1, Math.min(f.bodyEnd, i + 3) + target);
  const e: Edit = {
    start: Math.max(f.bodyStart, i - 2) + target,
    before,
    removed,
    added: newLines(r, src, i, r.int(1, 2)),
    after,
  };
  if (occurrences(lines, oldBlock(e)).length !== 2) return undefined;
  if (occurrences(lines, oldBlock(e), (s) => s.trim()).length !== 2) return undefined;
  const file = fileName(r, src, 0);
  const dsrc: Source = { ...src, lines };
  const shift = withHint ? r.int(-4, 4) : 0;
  const view: View = withHint ? { header: 'range', shift } : { header: 'bare' };
  return {
    files: { [file]: text(lines) },
    patch: wrap(envelopeUpdate(file, dsrc, [e], view)),
    unified: unifiedUpdate(file, [e], { shift }),
    expected: withHint ? { [file]: text(applyEdits(lines, [e])) } : 'refuse',
  };
}

function multiFileCase(r: Rng): Built | undefined {
  const n = r.int(2, 3);
  const broken = r.chance(0.2);
  const files: Record<string, string> = {};
  const expected: Record<string, string | null> = {};
  let patch = '';
  let unified = '';
  for (let k = 0; k < n; k++) {
    const src = genSource(r, r.int(3, 5));
    const file = fileName(r, src, k);
    const edits = pickEdits(r, src, 1);
    if (edits.length === 0 || files[file] !== undefined) return undefined;
    if (broken && k === n - 1) {
      const e = edits[0]!;
      e.removed = [...e.removed, `${src.lang === 'ts' ? '  ' : '    '}notInTheFile(${uniq++})`];
    }
    files[file] = text(src.lines);
    expected[file] = text(applyEdits(src.lines, edits));
    const view: View = { header: r.pick(['bare', 'context'] as const) };
    patch += envelopeUpdate(file, src, edits, view);
    unified += unifiedUpdate(file, edits, view);
  }
  return { files, patch: wrap(patch), unified, expected: broken ? 'refuse' : expected };
}

function addDeleteMoveCase(r: Rng): Built | undefined {
  const variant = r.int(0, 3);
  const src = genSource(r, r.int(3, 5));
  const file = fileName(r, src, 0);
  const content = text(src.lines);
  const other = genSource(r, 2);
  const otherFile = fileName(r, other, 1);
  if (otherFile === file) return undefined;
  const otherContent = text(other.lines);
  if (variant === 0) {
    const body = src.lines.map((l) => `+${l}\n`).join('');
    return {
      files: { [otherFile]: otherContent },
      patch: wrap(`*** Add File: ${file}\n${body}`),
      unified: unifiedAdd(file, content),
      expected: { [otherFile]: otherContent, [file]: content },
    };
  }
  if (variant === 1) {
    return {
      files: { [file]: content, [otherFile]: otherContent },
      patch: wrap(`*** Delete File: ${file}\n`),
      unified: unifiedDelete(file, content),
      expected: { [file]: null, [otherFile]: otherContent },
    };
  }
  const target = `moved/${path.posix.basename(file)}`;
  if (variant === 2) {
    const edits = pickEdits(r, src, 1);
    if (edits.length === 0) return undefined;
    return {
      files: { [file]: content },
      patch: wrap(envelopeUpdate(file, src, edits, { header: 'bare' }, target)),
      unified: unifiedUpdate(file, edits, {}, { moveTo: target }),
      expected: { [file]: null, [target]: text(applyEdits(src.lines, edits)) },
    };
  }
  return {
    files: { [file]: content, [otherFile]: otherContent },
    patch: wrap(`*** Update File: ${file}\n*** Move to: ${target}\n`),
    unified: `diff --git a/${file} b/${target}\nsimilarity index 100%\nrename from ${file}\nrename to ${target}\n`,
    expected: { [file]: null, [target]: content, [otherFile]: otherContent },
  };
}

function build(r: Rng, category: Category): Built | undefined {
  switch (category) {
    case 'exact':
      return simpleCase(r, { header: r.pick(['bare', 'context', 'none'] as const) });
    case 'whitespace':
      return whitespaceCase(r);
    case 'crlf':
      return simpleCase(r, { header: r.pick(['bare', 'context'] as const) }, { eol: '\r\n' });
    case 'shifted':
      return simpleCase(r, { header: 'range', shift: r.pick([-1, 1]) * r.int(3, 15) });
    case 'stale-hint':
      return duplicateCase(r, true);
    case 'ambiguous':
      return duplicateCase(r, false);
    case 'multi-file':
      return multiFileCase(r);
    case 'add-delete-move':
      return addDeleteMoveCase(r);
  }
}

/** Deterministic cases: the same seed and count always give the same corpus. */
export function generateCorpus(seed: number, count = 240): CorpusCase[] {
  const r = new Rng(seed);
  uniq = 0;
  const cases: CorpusCase[] = [];
  for (let i = 0; cases.length < count; i++) {
    const category = CATEGORIES[cases.length % CATEGORIES.length]!;
    const built = build(r, category);
    if (i > count * 50) throw new Error('corpus generator is stuck');
    if (!built) continue;
    cases.push({
      name: `${String(cases.length + 1).padStart(3, '0')}_${category}`,
      category,
      ...built,
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Running

/** Applies one case inside `dir` (already holding `c.files`); returns whether it reported success. */
export type CorpusApplier = (dir: string, c: CorpusCase) => Promise<boolean>;

export interface CorpusReport {
  readonly total: number;
  /** Cases expected to apply. */
  readonly wellFormed: number;
  /** Well-formed cases applied with exactly the expected result. */
  readonly applied: number;
  readonly applyRate: number;
  /** Well-formed cases not applied (reported failure). */
  readonly notApplied: string[];
  /** Reported success but the tree differs from the expected one. */
  readonly wrongPlace: string[];
  /** Reported failure but the tree changed. */
  readonly partial: string[];
  readonly refuseCases: number;
  /** 'refuse' cases that were applied anyway. */
  readonly notRefused: string[];
  readonly byCategory: Record<string, { total: number; ok: number }>;
}

function expectedTree(c: CorpusCase): Record<string, string> | undefined {
  if (c.expected === 'refuse') return undefined;
  const out: Record<string, string> = { ...c.files };
  for (const [p, v] of Object.entries(c.expected)) {
    if (v === null) delete out[p];
    else out[p] = v;
  }
  return out;
}

function sameTree(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export async function runCorpus(
  applier: CorpusApplier,
  cases: readonly CorpusCase[] = generateCorpus(1),
): Promise<CorpusReport> {
  const notApplied: string[] = [];
  const wrongPlace: string[] = [];
  const partial: string[] = [];
  const notRefused: string[] = [];
  const byCategory: Record<string, { total: number; ok: number }> = {};
  let applied = 0;
  let wellFormed = 0;
  let refuseCases = 0;
  for (const c of cases) {
    const dir = tempDir();
    try {
      writeFiles(dir, c.files);
      let ok = false;
      try {
        ok = await applier(dir, c);
      } catch {
        ok = false;
      }
      const tree = readContents(dir);
      const want = expectedTree(c);
      const cat = (byCategory[c.category] ??= { total: 0, ok: 0 });
      cat.total++;
      if (!ok && !sameTree(tree, c.files)) partial.push(c.name);
      if (want === undefined) {
        refuseCases++;
        if (ok) notRefused.push(c.name);
        else cat.ok++;
      } else {
        wellFormed++;
        if (!ok) notApplied.push(c.name);
        else if (!sameTree(tree, want)) wrongPlace.push(c.name);
        else {
          applied++;
          cat.ok++;
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    total: cases.length,
    wellFormed,
    applied,
    applyRate: wellFormed === 0 ? 1 : applied / wellFormed,
    notApplied,
    wrongPlace,
    partial,
    refuseCases,
    notRefused,
    byCategory,
  };
}
