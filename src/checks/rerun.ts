/**
 * Reruns of the baseline's failing tests, to tell flaky tests from failing ones.
 *
 * Where the test command's runner can select tests, only the failing tests rerun:
 * - pytest: their node ids (`tests/test_a.py::TestK::test_m`) when the command names no path of
 *   its own, else `--lf --lfnf=none` (the cache of the baseline run lists what failed);
 * - jest: `-t '^(?:full name|…)$'` (the full name is the describe blocks and the test's name,
 *   joined by spaces; jest CLI docs, `--testNamePattern`) and the files as path patterns;
 * - vitest: the files as filters and the same `-t` (vitest's full name has no file name);
 * - cargo: `-- --exact name…` (libtest takes several filters; `--exact` matches whole paths);
 * - go: `-run '^(?:TestA|TestB)$' -v` (top-level names: a failing subtest reruns its parent);
 * - node --test: `--test-name-pattern` with the test's own name, placed right after `node` (Node
 *   20 matches the pattern against a test's own name only; Node 24 against that or the full name).
 * `npm test` / `npm run <script>` is followed into package.json when its script is one such
 * command. Otherwise the whole suite reruns, but only when the baseline took less than
 * `maxFullSeconds`; else no rerun. Commands for cmd.exe are never narrowed.
 *
 * A test is flaky when the rerun shows it passed, matched by identity (its id, or its name when
 * that is unique in the rerun, as in compare.ts), never only because fewer tests failed.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Digest, Failure, TestRun } from './types.js';

export interface RerunPlan {
  /** `targeted`: only the failing tests; `full`: the whole suite; `skip`: no rerun. */
  readonly kind: 'targeted' | 'full' | 'skip';
  /** The command to run (undefined for `skip`). */
  readonly command?: string;
  /** The failing tests this rerun can show passing. */
  readonly ids: readonly string[];
  /** What was (or was not) done, for the log and the summary. */
  readonly description: string;
}

export interface RerunRequest {
  readonly command: string;
  /** The runner whose parser read the baseline (`Digest.runner`). */
  readonly runner: string;
  readonly failures: readonly Pick<Failure, 'id' | 'kind'>[];
  readonly baselineMs: number;
  /** The whole suite reruns only when the baseline took less than this. */
  readonly maxFullSeconds: number;
  /** The test scripts of package.json, for `npm test`. */
  readonly scripts?: Readonly<Record<string, string>>;
  /** Default process.platform. */
  readonly platform?: NodeJS.Platform;
}

interface Word {
  readonly value: string;
  /** Offset just past the word in the command text. */
  readonly end: number;
}

/** Longest command narrowed (a shell's `-c` argument is capped at 128 KiB on Linux). */
const MAX_COMMAND = 64 * 1024;

/** Builds the rerun of the failing tests (see the header). */
export function planRerun(request: RerunRequest): RerunPlan {
  const ids = request.failures.map((f) => f.id);
  const targeted =
    (request.platform ?? process.platform) === 'win32' ? undefined : narrowed(request);
  if (targeted && targeted.command.length <= MAX_COMMAND && targeted.ids.length > 0) {
    const n = targeted.ids.length;
    return {
      kind: 'targeted',
      command: targeted.command,
      ids: targeted.ids,
      description: `reran ${n} failing test${n === 1 ? '' : 's'} with ${targeted.how}`,
    };
  }
  const seconds = Math.round(request.baselineMs / 100) / 10;
  if (request.baselineMs < request.maxFullSeconds * 1000) {
    return {
      kind: 'full',
      command: request.command,
      ids,
      description: `reran the whole suite (baseline ${seconds} s < ${request.maxFullSeconds} s)`,
    };
  }
  return {
    kind: 'skip',
    ids: [],
    description: `skipped: baseline ${seconds} s ≥ flaky-rerun-max-seconds (${request.maxFullSeconds} s) and the failing tests cannot be selected in \`${clip(request.command)}\``,
  };
}

interface Narrowed {
  readonly command: string;
  readonly ids: readonly string[];
  readonly how: string;
}

/** The command with the failing tests selected, or undefined when the runner cannot be told. */
function narrowed(request: RerunRequest): Narrowed | undefined {
  const words = shellWords(request.command);
  if (!words) return undefined;
  const script = npmScript(words, request.scripts ?? {});
  if (script) {
    const inner = shellWords(script.text);
    if (!inner) return undefined;
    const selection = select(request, [...inner, ...script.extra], true);
    if (!selection || selection.insertAfter !== undefined) return undefined;
    const args = selection.args.map(quote).join(' ');
    const dashes = script.extra.length > 0 || words.some((w) => w.value === '--') ? '' : ' --';
    return { ...selection, command: `${request.command}${dashes} ${args}` };
  }
  const selection = select(request, words, false);
  if (!selection) return undefined;
  const args = selection.args.map(quote).join(' ');
  const at =
    selection.insertAfter === undefined
      ? request.command.length
      : words[selection.insertAfter]!.end;
  const text = request.command;
  return { ...selection, command: `${text.slice(0, at)} ${args}${text.slice(at)}` };
}

interface Selection {
  readonly args: readonly string[];
  readonly ids: readonly string[];
  readonly how: string;
  /** Index of the word after which the args go (default: at the end). */
  readonly insertAfter?: number;
}

const SELECTORS: Readonly<
  Record<string, (words: readonly Word[], failing: readonly string[]) => Selection | undefined>
> = {
  pytest: selectPytest,
  jest: selectJest,
  vitest: selectVitest,
  cargo: selectCargo,
  go: selectGo,
  'node-test': selectNodeTest,
};

/** Failure kinds that name one test (a go panic names the test that panicked). */
const SELECTABLE: ReadonlySet<string> = new Set(['test', 'timeout', 'panic']);

function select(request: RerunRequest, words: readonly Word[], viaScript: boolean) {
  const selector = SELECTORS[request.runner];
  if (!selector) return undefined;
  const failing = request.failures
    .filter((f) => f.kind === undefined || SELECTABLE.has(f.kind))
    .map((f) => f.id);
  const selection = selector(words, failing);
  // Through npm the args can only go at the end of the script.
  if (selection?.insertAfter !== undefined && viaScript) {
    if (words.slice(selection.insertAfter + 1).some((w) => !w.value.startsWith('-')))
      return undefined;
    return { ...selection, insertAfter: undefined };
  }
  return selection;
}

function selectPytest(words: readonly Word[], failing: readonly string[]): Selection | undefined {
  // `pytest`, `py.test`, `venv/bin/pytest`, `python -m pytest`, `uv run pytest`.
  const at = words.findIndex((w) => /^py\.?test$/.test(base(w.value)));
  if (at < 0 || words.some((w) => /no:cacheprovider/.test(w.value))) return undefined;
  const rest = words.slice(at + 1);
  const ids = failing.filter((id) => /\.py$/.test(id.split(' > ')[0] ?? '') && id.includes(' > '));
  if (rest.every((w) => w.value.startsWith('-')) && ids.length > 0) {
    return { args: ids.map((id) => id.split(' > ').join('::')), ids, how: 'pytest node ids' };
  }
  return { args: ['--lf', '--lfnf=none'], ids: failing, how: 'pytest --lf' };
}

/** The full names (describe blocks and test name) and files of jest/vitest ids. */
function fullNames(failing: readonly string[]): {
  ids: string[];
  names: string[];
  files: string[];
} {
  const ids = failing.filter((id) => id.split(' > ').length >= 2);
  const names = ids.map((id) => id.split(' > ').slice(1).join(' '));
  const files = [...new Set(ids.map((id) => id.split(' > ')[0]!))];
  return { ids, names, files };
}

function hasFlag(words: readonly Word[], flags: readonly string[]): boolean {
  return words.some((w) => flags.some((f) => w.value === f || w.value.startsWith(`${f}=`)));
}

function selectJest(words: readonly Word[], failing: readonly string[]): Selection | undefined {
  if (!words.some((w) => base(w.value) === 'jest')) return undefined;
  if (hasFlag(words, ['-t', '--testNamePattern', '--test-name-pattern'])) return undefined;
  const { ids, names, files } = fullNames(failing);
  const args = [...files.map(escapeRegExp), '-t', anchored(names)];
  return { args, ids, how: 'jest -t and test file patterns' };
}

function selectVitest(words: readonly Word[], failing: readonly string[]): Selection | undefined {
  if (!words.some((w) => base(w.value) === 'vitest')) return undefined;
  if (hasFlag(words, ['-t', '--testNamePattern'])) return undefined;
  const { ids, names, files } = fullNames(failing);
  return { args: [...files, '-t', anchored(names)], ids, how: 'vitest test files and -t' };
}

function selectCargo(words: readonly Word[], failing: readonly string[]): Selection | undefined {
  const at = words.findIndex((w, i) => base(w.value) === 'cargo' && words[i + 1]?.value === 'test');
  if (at < 0) return undefined;
  const dashes = words.findIndex((w) => w.value === '--');
  const before = words.slice(at + 2, dashes < 0 ? undefined : dashes);
  const after = dashes < 0 ? [] : words.slice(dashes + 1);
  // A test name filter of its own would select more than the failing tests.
  if (positionals(before, CARGO_VALUE_FLAGS).length > 0) return undefined;
  if (positionals(after, LIBTEST_VALUE_FLAGS).length > 0 || hasFlag(after, ['--exact']))
    return undefined;
  const ids = failing.filter((id) => /^[\w:]+$/.test(leaf(id)));
  const args = [...(dashes < 0 ? ['--'] : []), '--exact', ...ids.map(leaf)];
  return { args, ids, how: 'cargo test names (--exact)' };
}

function selectGo(words: readonly Word[], failing: readonly string[]): Selection | undefined {
  const at = words.findIndex((w, i) => base(w.value) === 'go' && words[i + 1]?.value === 'test');
  if (at < 0 || hasFlag(words, ['-run', '--run'])) return undefined;
  const ids = failing.filter((id) => /^Test\w*$/.test(leaf(id).split('/')[0] ?? ''));
  const tops = [...new Set(ids.map((id) => leaf(id).split('/')[0]!))];
  const verbose = hasFlag(words, ['-v', '--v']) ? [] : ['-v'];
  return { args: ['-run', `^(?:${tops.join('|')})$`, ...verbose], ids, how: 'go test -run' };
}

function selectNodeTest(words: readonly Word[], failing: readonly string[]): Selection | undefined {
  const at = words.findIndex((w) => base(w.value) === 'node');
  if (at < 0 || !words.slice(at + 1).some((w) => w.value === '--test')) return undefined;
  if (hasFlag(words, ['--test-name-pattern'])) return undefined;
  const ids = failing.filter((id) => id.includes(' > '));
  const args = [`--test-name-pattern=${anchored([...new Set(ids.map(leaf))])}`];
  return { args, ids, how: 'node --test-name-pattern', insertAfter: at };
}

/** cargo test options that take a value (cargo help test). */
const CARGO_VALUE_FLAGS = new Set([
  '-p',
  '--package',
  '--exclude',
  '--test',
  '--bench',
  '--bin',
  '--example',
  '-F',
  '--features',
  '-j',
  '--jobs',
  '--target',
  '--target-dir',
  '--manifest-path',
  '--profile',
  '--color',
  '--message-format',
  '-Z',
  '--config',
]);
/** libtest options that take a value (`cargo test -- --help`). */
const LIBTEST_VALUE_FLAGS = new Set([
  '--skip',
  '--test-threads',
  '--logfile',
  '--color',
  '--format',
  '-Z',
  '--shuffle-seed',
  '--report-time',
]);

/** Words that are neither options nor the values of options that take one. */
function positionals(words: readonly Word[], valueFlags: ReadonlySet<string>): Word[] {
  return words.filter(
    (w, i) => !w.value.startsWith('-') && !valueFlags.has(words[i - 1]?.value ?? ''),
  );
}

/** `npm test`, `npm t`, `npm run <name>`, `npm run-script <name>`: the script and args after `--`. */
function npmScript(
  words: readonly Word[],
  scripts: Readonly<Record<string, string>>,
): { text: string; extra: Word[] } | undefined {
  if (base(words[0]?.value ?? '') !== 'npm') return undefined;
  const verb = words[1]?.value;
  let name: string | undefined;
  let rest: readonly Word[];
  if (verb === 'test' || verb === 't') [name, rest] = ['test', words.slice(2)];
  else if (verb === 'run' || verb === 'run-script')
    [name, rest] = [words[2]?.value, words.slice(3)];
  else return undefined;
  const text = name === undefined ? undefined : scripts[name];
  if (text === undefined) return undefined;
  const dashes = rest.findIndex((w) => w.value === '--');
  // npm's own options before `--` (`--silent`) are fine; anything else is not understood.
  if (rest.slice(0, dashes < 0 ? undefined : dashes).some((w) => !w.value.startsWith('-')))
    return undefined;
  return { text, extra: dashes < 0 ? [] : rest.slice(dashes + 1) };
}

/**
 * The words of a simple POSIX shell command (assignments, words, quotes, backslashes); undefined
 * when it has anything after which appended words would not reach the same program: operators
 * (`;`, `&`, `|`, redirections, parentheses), command substitution, a comment, a line break.
 */
export function shellWords(command: string): Word[] | undefined {
  const words: Word[] = [];
  let current: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (ch === ' ' || ch === '\t') {
      if (current !== undefined) words.push({ value: current, end: i });
      current = undefined;
    } else if (ch === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) return undefined;
      current = (current ?? '') + command.slice(i + 1, close);
      i = close;
    } else if (ch === '"') {
      const read = doubleQuoted(command, i + 1);
      if (!read) return undefined;
      current = (current ?? '') + read.value;
      i = read.close;
    } else if (ch === '\\') {
      if (i + 1 >= command.length || command[i + 1] === '\n') return undefined;
      current = (current ?? '') + command[++i];
    } else if (/[;&|<>()`\n\r]/.test(ch) || (ch === '#' && current === undefined)) {
      return undefined;
    } else if (ch === '$' && command[i + 1] === '(') {
      return undefined;
    } else {
      current = (current ?? '') + ch;
    }
  }
  if (current !== undefined) words.push({ value: current, end: command.length });
  return words;
}

function doubleQuoted(text: string, from: number): { value: string; close: number } | undefined {
  let value = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return { value, close: i };
    if (ch === '`' || (ch === '$' && text[i + 1] === '(')) return undefined;
    if (ch === '\\' && /[$`"\\\n]/.test(text[i + 1] ?? '')) value += text[++i];
    else value += ch;
  }
  return undefined;
}

/** One word for a POSIX shell, quoted only when needed. */
export function quote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function anchored(names: readonly string[]): string {
  return `^(?:${[...new Set(names)].map(escapeRegExp).join('|')})$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function base(word: string): string {
  return path.posix.basename(word);
}

function leaf(id: string): string {
  const at = id.lastIndexOf(' > ');
  return at < 0 ? id : id.slice(at + 3);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Which of the rerun's target tests passed, by identity (see the header): the id itself, or the
 * only test of that name in the rerun when no other target has that name.
 */
export function passedOnRerun(
  ids: readonly string[],
  rerun: Pick<TestRun, 'timedOut'> & { digest: Pick<Digest, 'failures' | 'tests' | 'counts'> },
): string[] {
  if (rerun.timedOut) return [];
  const shared = new Set(
    ids.filter((id, i) => ids.findIndex((o) => leaf(o) === leaf(id)) !== i).map(leaf),
  );
  const matches = (id: string, among: readonly string[]): boolean =>
    among.includes(id) ||
    (!shared.has(leaf(id)) && among.filter((other) => leaf(other) === leaf(id)).length === 1);
  const failed = rerun.digest.failures.map((f) => f.id);
  const candidates = ids.filter((id) => !matches(id, failed));
  const named = rerun.digest.tests;
  if (named) return candidates.filter((id) => matches(id, named));
  return rerun.digest.counts.passed >= candidates.length ? candidates : [];
}

export interface FlakyCheck {
  readonly flaky: readonly string[];
  /** Warnings: a rerun that found flaky tests (what was rerun, what passed), or a skipped check. */
  readonly notes: readonly string[];
  /** For the log only: a rerun whose tests all failed again (the usual case, nothing to act on). */
  readonly info: readonly string[];
}

/** Runs up to `reruns` reruns of the baseline's failing tests; those that pass are flaky. */
export async function findFlakyTests(options: {
  readonly baseline: TestRun;
  readonly reruns: number;
  readonly maxFullSeconds: number;
  readonly cwd: string;
  readonly run: (label: string, command: string) => Promise<TestRun>;
}): Promise<FlakyCheck> {
  const { baseline } = options;
  const scripts = await packageScripts(options.cwd);
  const flaky: string[] = [];
  const notes: string[] = [];
  const info: string[] = [];
  let failing = baseline.digest.failures;
  for (let i = 1; i <= options.reruns && failing.length > 0; i++) {
    const plan = planRerun({
      command: baseline.command,
      runner: baseline.digest.runner,
      failures: failing,
      baselineMs: baseline.durationMs,
      maxFullSeconds: options.maxFullSeconds,
      scripts,
    });
    if (plan.kind === 'skip' || !plan.command) {
      notes.push(`Flaky check ${plan.description}`);
      break;
    }
    const passed = passedOnRerun(plan.ids, await options.run(`baseline-rerun-${i}`, plan.command));
    if (passed.length > 0) {
      notes.push(`Flaky check: ${plan.description}; ${passed.length} passed on rerun ${i}`);
    } else {
      const again =
        failing.length === 1
          ? 'the failing test failed again, so it is a real failure'
          : `the ${failing.length} failing tests failed again, so they are real failures`;
      info.push(`Flaky check: ${plan.description}; ${again}.`);
    }
    flaky.push(...passed);
    failing = failing.filter((f) => !passed.includes(f.id));
  }
  return { flaky, notes, info };
}

async function packageScripts(cwd: string): Promise<Record<string, string>> {
  try {
    const pkg: unknown = JSON.parse(await readFile(path.join(cwd, 'package.json'), 'utf8'));
    const scripts = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'scripts') : {};
    if (typeof scripts !== 'object' || scripts === null) return {};
    return Object.fromEntries(
      Object.entries(scripts).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}
