/** Compares test runs: which failures were fixed, remain, or are new; and whether tests went missing. */
import type { Comparison, Digest, Failure } from './types.js';
import { isTestPath } from './parsers/util.js';

export function compareRuns(
  baseline: readonly Pick<Failure, 'id'>[],
  current: readonly Pick<Failure, 'id'>[],
): Comparison {
  const before = new Set(baseline.map((f) => f.id));
  const now = new Set(current.map((f) => f.id));
  return {
    fixed: [...before].filter((id) => !now.has(id)),
    stillFailing: [...now].filter((id) => before.has(id)),
    newlyFailing: [...now].filter((id) => !before.has(id)),
  };
}

/** Failure kinds meaning that a file or suite could not load, so its tests never ran. */
export const LOAD_KINDS: ReadonlySet<string> = new Set([
  'load_error',
  'collection_error',
  'compile_error',
  'build_error',
  'suite_error',
  'setup_error',
  'crash',
  'timeout',
]);

/** What the integrity check reads of one test run. */
export interface RunEvidence {
  readonly digest: Pick<
    Digest,
    'runner' | 'counts' | 'failures' | 'tests' | 'crashes' | 'countsFromSummary'
  >;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
}

/**
 * What the integrity check found:
 * - `not-run`: fewer tests ran and the run shows why (collection or import errors, a compile
 *   error, a crash, a timeout): the evidence is those error lines;
 * - `removed`: tests of the baseline are gone (their ids are the evidence);
 * - `skipped`: the runner skips more tests than in the baseline;
 * - `unverified`: fewer tests or more skipped ones, but the runner does not name every test, so
 *   nothing shows which: not a reason to reject a passing run, only a note.
 */
export interface IntegrityProblem {
  readonly kind: 'not-run' | 'removed' | 'skipped' | 'unverified';
  /** Whether the run is rejected (rolled back). */
  readonly rejects: boolean;
  readonly evidence: readonly string[];
  /** One sentence for the log, the summary and the model. */
  readonly message: string;
}

const SHOWN = 10;

/**
 * Decides, on evidence it can trust, whether a run "passes" because tests disappeared:
 * - a drop in tests that comes with load errors, a crash or a timeout is `not-run`, never
 *   "tests deleted";
 * - otherwise the check only applies when both runs were read by the same runner's parser
 *   (not the generic one, not a mix);
 * - tests are compared by identity when the parser named every test in both runs;
 * - without identities, counts are evidence only when both came from the runner's own summary
 *   line (`4 passed, 1 skipped in 0.2s`): then a passing run must pass every test of the
 *   baseline (its passing ones and its failing tests, now fixed) and skip no more. Counts read
 *   from other lines are not (a runner's summary lines are easily taken for failures,
 *   interleaved output splits lines): a passing run is never rejected on those, a failing one
 *   only for skipping more tests.
 */
export function integrityProblem(
  baseline: RunEvidence,
  current: RunEvidence,
): IntegrityProblem | undefined {
  const notRun = couldNotRun(baseline, current) ?? noneRan(baseline, current);
  if (notRun) return notRun;
  const runner = baseline.digest.runner;
  if (runner !== current.digest.runner || !isOneRunner(runner)) return undefined;
  const before = baseline.digest.tests;
  const now = current.digest.tests;
  const named = before !== undefined && now !== undefined;
  const missing = named ? missingIds(before, now) : [];
  if (missing.length > 0) {
    return {
      kind: 'removed',
      rejects: true,
      evidence: missing,
      message: `${missing.length} test${missing.length === 1 ? '' : 's'} of the baseline no longer ran: ${listed(missing)}. Fix the code instead of removing tests`,
    };
  }
  const counted =
    baseline.digest.countsFromSummary === true && current.digest.countsFromSummary === true;
  return (
    moreSkipped(baseline, current, named || counted) ??
    (counted ? fewerPassed(baseline, current) : fewerUnnamed(baseline, current, named))
  );
}

/**
 * A passing run that passed fewer tests than the baseline's passing and failing ones together:
 * tests of the baseline no longer ran. Only counts from the runner's summary in both runs, and
 * only failures that are tests (not load errors, hooks or a failing command).
 */
function fewerPassed(baseline: RunEvidence, current: RunEvidence): IntegrityProblem | undefined {
  if (current.exitCode !== 0 || !countsPasses(baseline, current)) return undefined;
  const passedBefore = baseline.digest.counts.passed;
  const failingTests = new Set(
    baseline.digest.failures
      .filter((f) => f.kind === undefined || FAILING_TEST_KINDS.has(f.kind))
      .filter((f) => !f.id.startsWith('(test command'))
      .map((f) => f.id),
  );
  const failingBefore = Math.min(failingTests.size, baseline.digest.counts.failed);
  const passedNow = current.digest.counts.passed;
  const lost = passedBefore + failingBefore - passedNow;
  if (lost <= 0) return undefined;
  return {
    kind: 'removed',
    rejects: true,
    evidence: [
      `${passedNow} passed, the baseline had ${passedBefore} passing and ${failingBefore} failing`,
    ],
    message: `${passedNow} test${passedNow === 1 ? '' : 's'} passed, but the baseline had ${passedBefore} passing and ${failingBefore} failing: ${lost} of its tests no longer ran. Fix the code instead of removing tests`,
  };
}

/** Failures that are one test each (a timed-out test, a test's setup error, its crash). */
const FAILING_TEST_KINDS: ReadonlySet<string> = new Set([
  'test',
  'timeout',
  'setup_error',
  'crash',
]);

/** Whether the runner counts passing tests: `go test` without `-v` prints only failures. */
function countsPasses(baseline: RunEvidence, current: RunEvidence): boolean {
  return baseline.digest.counts.passed > 0 || current.digest.counts.passed > 0;
}

/** A runner's own results: not the generic reader's, not a mix of runners (`jest+vitest`). */
export function isOneRunner(runner: string): boolean {
  return runner !== 'generic' && !runner.includes('+');
}

/** Fewer tests ran, and the run shows why (load errors, a crash, a timeout). */
function couldNotRun(baseline: RunEvidence, current: RunEvidence): IntegrityProblem | undefined {
  const totalBefore = total(baseline);
  const totalNow = total(current);
  const fewer =
    totalNow < totalBefore ||
    (current.digest.counts.passed === 0 && baseline.digest.counts.passed > 0);
  const cause = whyNotRun(baseline, current);
  if (cause.length === 0 || !fewer || current.exitCode === 0) return undefined;
  return {
    kind: 'not-run',
    rejects: true,
    evidence: cause,
    message: `the tests could not run (${totalNow} ran, the baseline ran ${totalBefore}): ${listed(cause)}`,
  };
}

/**
 * No test ran: when the runner's own output says so (go's `ok pkg` lines count none), or when a
 * baseline counted from its runner's summary is followed by a run read with the same parser
 * that found none of its results (`echo all tests passed` in place of the test script).
 */
function noneRan(baseline: RunEvidence, current: RunEvidence): IntegrityProblem | undefined {
  const totalBefore = total(baseline);
  const namedNone = current.digest.tests?.length === 0;
  const countedNone =
    baseline.digest.countsFromSummary === true &&
    current.digest.countsFromSummary !== true &&
    current.digest.runner === baseline.digest.runner;
  if (total(current) !== 0 || totalBefore === 0 || !(namedNone || countedNone)) return undefined;
  const evidence = [`no test ran, the baseline ran ${totalBefore}`];
  return current.exitCode === 0
    ? {
        kind: 'removed',
        rejects: true,
        evidence,
        message: `no test ran (the baseline ran ${totalBefore}). Fix the code instead of removing tests`,
      }
    : {
        kind: 'not-run',
        rejects: true,
        evidence,
        message: `the tests could not run: no test ran (the baseline ran ${totalBefore}), exit code ${current.exitCode ?? 'none'}`,
      };
}

function moreSkipped(
  baseline: RunEvidence,
  current: RunEvidence,
  named: boolean,
): IntegrityProblem | undefined {
  const skippedBefore = baseline.digest.counts.skipped;
  const skippedNow = current.digest.counts.skipped;
  if (skippedNow <= skippedBefore) return undefined;
  const rejects = named || current.exitCode !== 0;
  return {
    kind: rejects ? 'skipped' : 'unverified',
    rejects,
    evidence: [`${skippedNow} skipped, the baseline skipped ${skippedBefore}`],
    message: rejects
      ? `the run skips ${skippedNow} tests, more than the ${skippedBefore} of the baseline. Fix the code instead of skipping tests`
      : `the run skips ${skippedNow} tests, the baseline skipped ${skippedBefore} (${baseline.digest.runner} does not name every test, so which ones could not be checked)`,
  };
}

/**
 * Fewer tests, and the runner does not name them: a note, never a reason to reject. Not when
 * neither run counted a passing test: such a runner prints only failures (`go test` without
 * `-v`), so its totals are failures, and fewer of them is what a fix looks like.
 */
function fewerUnnamed(
  baseline: RunEvidence,
  current: RunEvidence,
  named: boolean,
): IntegrityProblem | undefined {
  const totalBefore = total(baseline);
  const totalNow = total(current);
  if (named || totalNow >= totalBefore || !countsPasses(baseline, current)) return undefined;
  return {
    kind: 'unverified',
    rejects: false,
    evidence: [`${totalNow} tests, the baseline had ${totalBefore}`],
    message: `${totalNow} tests ran, the baseline counted ${totalBefore} (${baseline.digest.runner} does not name every test, so which ones could not be checked)`,
  };
}

function total(run: RunEvidence): number {
  const { passed, failed, skipped } = run.digest.counts;
  return passed + failed + skipped;
}

/** New load errors, crashes or a timeout in `current`: lines naming what kept the tests from running. */
function whyNotRun(baseline: RunEvidence, current: RunEvidence): string[] {
  const known = new Set(baseline.digest.failures.map((f) => f.id));
  const lines = current.digest.failures
    .filter(
      (f) => LOAD_KINDS.has(f.kind ?? '') && !known.has(f.id) && !f.id.startsWith('(test command'),
    )
    .map((f) => (f.message && f.message !== f.id ? `${f.id}: ${f.message}` : f.id));
  const crashesBefore = new Set(baseline.digest.crashes ?? []);
  for (const crash of current.digest.crashes ?? [])
    if (!crashesBefore.has(crash)) lines.push(`crash: ${crash}`);
  if (current.timedOut && !baseline.timedOut) lines.push('the test command timed out');
  return lines;
}

/**
 * Baseline ids with no match now. Which file or suite a parser puts in front of a test's name can
 * vary between runs (cargo's `Running` line on stderr interleaves with the tests' stdout, the node
 * runner names the file only for failures), so tests are matched by name: a name counts as
 * missing when the current run has fewer tests of that name than the baseline.
 */
function missingIds(before: readonly string[], now: readonly string[]): string[] {
  const present = new Set(now);
  const countNow = new Map<string, number>();
  for (const id of now) countNow.set(nameOf(id), (countNow.get(nameOf(id)) ?? 0) + 1);
  const byName = new Map<string, string[]>();
  for (const id of before) byName.set(nameOf(id), [...(byName.get(nameOf(id)) ?? []), id]);
  const missing: string[] = [];
  for (const [name, ids] of byName) {
    const lost = ids.length - (countNow.get(name) ?? 0);
    if (lost <= 0) continue;
    const absent = ids.filter((id) => !present.has(id));
    missing.push(...(absent.length >= lost ? absent : ids).slice(0, lost));
  }
  return missing;
}

function nameOf(id: string): string {
  const at = id.lastIndexOf(' > ');
  // cargo names a doc-test by its line (`src/lib.rs - add (line 3)`): a change above the
  // example moves it, the test is the same.
  return (at < 0 ? id : id.slice(at + 3)).replace(/ \(line \d+\)$/, '');
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN).join('; ');
  return ids.length > SHOWN ? `${shown} and ${ids.length - SHOWN} more` : shown;
}

/**
 * The test files among deleted paths: by the usual naming (`tests/`, `*_test.go`, `*.test.ts`,
 * `test_*.py`, a root `test.js`) or named by the test command (`node test.js`; a folder only
 * when its own name is a test folder's, as a `cd` target or a go package holds code). Docs
 * (`*.md`, `*.txt`) are never test files.
 * A log that names no test cannot show them gone, so the integrity check looks at the files too.
 */
export function deletedTestFiles(deleted: readonly string[], testCommand: string): string[] {
  const named = testCommand
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/^['"]|['"]$/g, '')
        .replace(/^\.\//, '')
        .replace(/\/+$/, ''),
    )
    .filter((word) => word !== '' && word !== '.' && !word.startsWith('-'));
  return deleted.filter(
    (file) =>
      !/\.(md|markdown|rst|txt|adoc)$/i.test(file) &&
      (isTestPath(file) ||
        /^(tests?|specs?)\.[^/]+$/.test(file) ||
        named.some(
          (word) => file === word || (file.startsWith(`${word}/`) && isTestPath(`${word}/`)),
        )),
  );
}
