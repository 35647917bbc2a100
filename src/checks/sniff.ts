/**
 * Runner detection from log lines. Each marker is specific to one runner; `start` markers open a
 * run (a new segment when another run already ended), the others only identify the runner.
 */
import stripAnsi from 'strip-ansi';
import { AvaParser } from './parsers/ava.js';
import type { LineParser, ParseContext } from './parsers/base.js';
import { CargoParser } from './parsers/cargo.js';
import { GenericParser } from './parsers/generic.js';
import { GoParser } from './parsers/go.js';
import { JestParser } from './parsers/jest.js';
import { JunitParser } from './parsers/junit.js';
import { MochaParser } from './parsers/mocha.js';
import { NodeSpecParser } from './parsers/node-test.js';
import { PytestParser } from './parsers/pytest.js';
import { TapParser } from './parsers/tap.js';
import { UnittestParser } from './parsers/unittest.js';
import { UvuParser } from './parsers/uvu.js';
import { VitestParser } from './parsers/vitest.js';

export const RUNNERS = [
  'vitest',
  'jest',
  'mocha',
  'node-test',
  'ava',
  'tap',
  'pytest',
  'unittest',
  'cargo',
  'go',
  'uvu',
  'junit',
  'generic',
] as const;
export type RunnerName = (typeof RUNNERS)[number];

/** Parser family: node-test TAP and node-tap share the TAP parser. */
export type Family = Exclude<RunnerName, 'node-test' | 'tap'> | 'tap' | 'node-spec';

interface Marker {
  readonly family: Family;
  readonly re: RegExp;
  readonly start?: boolean;
  /** Cheap gate: first non-blank character must be one of these. */
  readonly first?: string;
  /** Cheap gate: the line must contain this. */
  readonly has?: string;
}

const MARKERS: readonly Marker[] = [
  { family: 'junit', re: /^\s*(<\?xml\b.*\?>\s*)?<testsuites?[\s>]/, start: true, first: '<' },
  { family: 'vitest', re: /^\s*RUN\s+v\d+\.\d+\.\d+/, start: true, first: 'R' },
  {
    family: 'vitest',
    re: /^\s*[✓❯×]\s+(\|[^|]+\|\s+)?\S+\.(test|spec)\.[cm]?[jt]sx?\s+\(\d+ tests?/,
    first: '✓❯×',
  },
  { family: 'vitest', re: /^\s*Test Files\s+\d+ (failed|passed)/, first: 'T' },
  { family: 'vitest', re: /^\s*⎯{3,}.*Failed Tests \d+/, first: '⎯' },
  {
    family: 'jest',
    re: /^(PASS|FAIL)\s+(\S+\s+)?\S+\.[cm]?[jt]sx?(\s+\([\d.]+ m?s\))?\s*$/,
    start: true,
    first: 'PF',
  },
  { family: 'jest', re: /^\s+● .+ › .+$/, first: '●' },
  { family: 'jest', re: /^Test Suites: \d+/, first: 'T' },
  {
    family: 'mocha',
    re: /^\s+\d+ passing \(\d+(\.\d+)?m?s\)\s*$/,
    first: '0123456789',
    has: ' passing (',
  },
  // mocha could not load a spec file and ran nothing (lib/cli/run-helpers prints this)
  { family: 'mocha', re: /^\s*Exception during run: /, start: true, first: 'E' },
  { family: 'tap', re: /^TAP version 1[34]\s*$/, start: true, first: 'T' },
  { family: 'node-spec', re: /^ℹ (tests|suites|pass|fail) \d+$/, first: 'ℹ' },
  { family: 'node-spec', re: /^\s*[✔✖]\s+.+\s+\(\d+\.\d+ms\)\s*$/, first: '✔✖', has: 'ms)' },
  { family: 'ava', re: /^\s*✘\s+\[(fail|timeout|crash)\]:\s/, first: '✘' },
  { family: 'ava', re: /^\s*✔\s+\S.*›.*\S$/, first: '✔', has: '›' },
  {
    family: 'pytest',
    re: /^=+ test session starts =+$/,
    start: true,
    first: '=',
    has: 'test session starts',
  },
  { family: 'pytest', re: /^platform \S+ -- Python \d/, first: 'p' },
  // `pytest -q` prints no session header: its section rules and bare final line identify it.
  {
    family: 'pytest',
    re: /^=+ (FAILURES|ERRORS|short test summary info) =+$/,
    first: '=',
  },
  {
    family: 'pytest',
    // Also a run of skipped tests only (`5 skipped in 0.13s`): pytest's -q final line.
    re: /^\d+ (failed|passed|errors?|skipped|xfailed|xpassed)(, \d+ [a-z]+)* in \d+\.\d+s( \([\d:.]+\))?$/,
    first: '0123456789',
    has: ' in ',
  },
  {
    family: 'unittest',
    re: /^\S+ \([\w.]+\)(?: \(.*\))? \.\.\. (ok|FAIL|ERROR|skipped)/,
    has: ') ... ',
  },
  { family: 'unittest', re: /^(FAIL|ERROR): \w+ \([\w.]+\)/, first: 'FE' },
  { family: 'unittest', re: /^Ran \d+ tests? in [\d.]+s$/, first: 'R' },
  { family: 'cargo', re: /^\s+Compiling \S+ v\d/, start: true, first: 'C' },
  { family: 'cargo', re: /^\s+Running (unittests )?\S+ \(target[\\/]/, start: true, first: 'R' },
  { family: 'cargo', re: /^running \d+ tests?$/, first: 'r' },
  { family: 'cargo', re: /^test result: (ok|FAILED)\. \d+ passed/, first: 't' },
  // uvu's per-file progress: `suite  • • ✘   (2 / 3)`
  { family: 'uvu', re: /[•✘] +\(\d+ \/ \d+\)\s*$/, has: ' / ' },
  { family: 'go', re: /^=== RUN\s+Test/, first: '=' },
  { family: 'go', re: /^\s*--- (FAIL|PASS): Test\S* \([\d.]+s\)/, first: '-' },
  { family: 'go', re: /^(ok|FAIL)\s+\S+\s+([\d.]+s|\(cached\)|\[build failed\])/, first: 'oF' },
  { family: 'go', re: /^\?\s+\S+\s+\[no test files\]/, first: '?' },
];

export interface Sniff {
  readonly family: Family;
  readonly start: boolean;
}

const byFirst = new Map<string, readonly Marker[]>();

/** Markers that can match a line starting with `ch` (cached; keeps the table's order). */
function candidates(ch: string): readonly Marker[] {
  let list = byFirst.get(ch);
  if (!list) {
    list = MARKERS.filter((m) => m.first === undefined || m.first.includes(ch));
    if (byFirst.size < 2000) byFirst.set(ch, list);
  }
  return list;
}

/** The runner a line identifies, if it carries a marker. Runs on every line, so it is gated. */
export function sniffLine(line: string): Sniff | undefined {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (i >= line.length) return undefined;
  const code = line.charCodeAt(i);
  // Keep surrogate pairs (no marker starts with one today, but stay correct).
  const first = code >= 0xd800 && code <= 0xdbff ? line.slice(i, i + 2) : line.charAt(i);
  for (const m of candidates(first)) {
    if (m.has !== undefined && !line.includes(m.has)) continue;
    if (m.re.test(line)) return { family: m.family, start: m.start === true };
  }
  return undefined;
}

/**
 * The parser family for a runner name as a user (or a truth file) spells it: `node --test`,
 * `cargo test`, `python unittest`, `tap (node-tap 16)`... Unknown names map to `generic`.
 */
export function familyOf(runner: string): Family {
  const r = runner.toLowerCase().trim();
  if (/^node[\s-]*(--)?test|^node$/.test(r)) return 'tap';
  if (r === 'node-spec') return 'node-spec';
  if (/^(python[\s-]+)?unittest/.test(r)) return 'unittest';
  if (/^(cargo|rust|libtest)/.test(r)) return 'cargo';
  if (/^go(\s|-|$)|^golang/.test(r)) return 'go';
  if (/^(junit|xunit)/.test(r)) return 'junit';
  const word = /^[a-z]+/.exec(r)?.[0] ?? '';
  return (RUNNERS as readonly string[]).includes(word) ? (word as Family) : 'generic';
}

/** A forced `node-test` may be TAP or the spec reporter: leave that choice to detection. */
export function isAmbiguousNodeRunner(runner: string): boolean {
  return /^node[\s-]*(--)?test|^node$/.test(runner.toLowerCase().trim());
}

const PARSERS: Record<Family, new (ctx: ParseContext) => LineParser> = {
  vitest: VitestParser,
  jest: JestParser,
  mocha: MochaParser,
  tap: TapParser,
  'node-spec': NodeSpecParser,
  ava: AvaParser,
  pytest: PytestParser,
  unittest: UnittestParser,
  cargo: CargoParser,
  go: GoParser,
  uvu: UvuParser,
  junit: JunitParser,
  generic: GenericParser,
};

/** A parser of `family` for one digest (`ctx` is that digest's paths and budgets). */
export function createParser(family: Family, ctx: ParseContext): LineParser {
  return new PARSERS[family](ctx);
}

const FAMILY_RUNNER: Record<Family, RunnerName> = {
  vitest: 'vitest',
  jest: 'jest',
  mocha: 'mocha',
  tap: 'tap',
  'node-spec': 'node-test',
  ava: 'ava',
  pytest: 'pytest',
  unittest: 'unittest',
  cargo: 'cargo',
  go: 'go',
  uvu: 'uvu',
  junit: 'junit',
  generic: 'generic',
};

/**
 * The runner that produced a log (first one when several ran), from its content; `generic` when
 * nothing is recognised. TAP logs are told apart as node-test or tap by their diagnostics.
 */
export function detectRunner(text: string): RunnerName {
  const lines = text.split(/\r?\n/);
  for (const raw of lines) {
    const s = sniffLine(stripAnsi(raw));
    if (!s) continue;
    if (s.family === 'tap') {
      return /^\s*(duration_ms:|failureType:|# suites \d+)/m.test(text) ? 'node-test' : 'tap';
    }
    return FAMILY_RUNNER[s.family];
  }
  return 'generic';
}
