/**
 * Judges one test run against the baseline and the best state so far. Pure:
 * the loop decides what to do with the verdict (keep, roll back, stop).
 */
import { compareRuns, integrityProblem, LOAD_KINDS } from '../checks/index.js';
import type { RunEvidence } from '../checks/compare.js';
import type { Comparison, Counts, Digest, Failure, TestRun } from '../checks/types.js';

export interface TestState {
  readonly tree: string;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly counts: Counts;
  /** Failing tests that are targets (flaky ones removed; a synthetic entry when the command failed without parsable failures). */
  readonly failures: readonly Failure[];
  readonly digest: Digest;
  readonly logPath: string;
}

export type Verdict = 'success' | 'better' | 'same' | 'worse';

export interface Evaluation {
  readonly verdict: Verdict;
  readonly state: TestState;
  readonly comparison: Comparison;
  /** Why a state was rejected, in whole sentences (the log, the summary and the model read it). */
  readonly note?: string;
  /** What the model reads: verdict, comparison and the digest. */
  readonly message: string;
  readonly sameFailuresAsBefore: boolean;
}

export function toTestState(run: TestRun, tree: string, flaky: readonly string[]): TestState {
  let failures = run.digest.failures.filter((failure) => !flaky.includes(failure.id));
  if (run.exitCode !== 0 && failures.length === 0 && run.digest.failures.length === 0) {
    failures = [
      {
        id: `(test command ${run.timedOut ? 'timed out' : `exited with ${run.exitCode ?? 'a signal'}`})`,
        message: run.timedOut
          ? 'the test command timed out'
          : `exit code ${run.exitCode ?? 'none'} without a parsable failure`,
        kind: run.timedOut ? 'timeout' : 'error',
      },
    ];
  }
  return {
    tree,
    exitCode: run.exitCode,
    timedOut: run.timedOut,
    counts: run.digest.counts,
    failures,
    digest: run.digest,
    logPath: run.logPath,
  };
}

export interface EvaluateInput {
  readonly run: TestRun;
  readonly tree: string;
  readonly baseline: TestState;
  readonly best: TestState;
  readonly flaky: readonly string[];
  readonly allowTestEdits: boolean;
  /** Test files the changes deleted since the baseline (see deletedTestFiles). */
  readonly deletedTests?: readonly string[];
}

function evidenceOf(state: TestState): RunEvidence {
  // On resume the baseline's counts come from the checkpoint: they are what was compared before.
  return {
    digest: { ...state.digest, counts: state.counts },
    exitCode: state.exitCode,
    timedOut: state.timedOut,
  };
}

/** Net progress: passing tests gained count for, failing ones against. */
function net(state: Pick<TestState, 'counts' | 'failures'>): number {
  return state.counts.passed - state.failures.length;
}

export function evaluateRun(input: EvaluateInput): Evaluation {
  const { run, baseline, best } = input;
  const state = toTestState(run, input.tree, input.flaky);
  const comparison = compareRuns(baseline.failures, state.failures);
  const found = integrityProblem(evidenceOf(baseline), evidenceOf(state));
  // With allow-test-edits, removing or skipping tests is allowed; a run that could not run is not.
  const integrity = input.allowTestEdits && found?.kind !== 'not-run' ? undefined : found;
  const regressions = regressionsOf(comparison, baseline);
  const sameFailuresAsBefore = sameIds(state.failures, best.failures);

  const deleted = input.allowTestEdits ? [] : (input.deletedTests ?? []);
  let verdict: Verdict;
  let note: string | undefined;
  if (deleted.length > 0) {
    verdict = 'worse';
    note = `The changes deleted test files: ${listFiles(deleted)}. Fix the code instead of removing tests.`;
  } else if (integrity?.rejects) {
    verdict = 'worse';
    note = integrity.message;
  } else if (run.exitCode === 0) {
    verdict = 'success';
    note = integrity?.message;
  } else if (regressions.length > 0) {
    verdict = 'worse';
    note = `They broke tests that passed before: ${regressions.slice(0, 5).join(', ')}${regressions.length > 5 ? ` and ${regressions.length - 5} more` : ''}.`;
  } else if (net(state) < net(best)) {
    verdict = 'worse';
    note = `They made things worse: ${state.failures.length} failing and ${state.counts.passed} passing, where the best state so far had ${best.failures.length} failing and ${best.counts.passed} passing.`;
  } else {
    verdict =
      net(state) > net(best) || state.failures.length < best.failures.length ? 'better' : 'same';
  }

  return {
    verdict,
    state,
    comparison,
    ...(note ? { note } : {}),
    message: messageFor(verdict, state, comparison, note),
    sameFailuresAsBefore,
  };
}

/**
 * Newly failing tests that count as regressions. When the baseline had load or
 * compile errors, tests of those files never ran, so their failures are not
 * regressions.
 */
function regressionsOf(comparison: Comparison, baseline: TestState): string[] {
  const hidden = baseline.failures
    .filter(
      (failure) => LOAD_KINDS.has(failure.kind ?? '') || failure.id.startsWith('(test command'),
    )
    .map((failure) => failure.file ?? failure.id);
  if (baseline.failures.some((failure) => failure.id.startsWith('(test command'))) return [];
  return comparison.newlyFailing.filter(
    (id) =>
      !hidden.some((prefix) => prefix !== '' && (id === prefix || id.startsWith(`${prefix} > `))),
  );
}

function listFiles(files: readonly string[]): string {
  return `${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;
}

function sameIds(a: readonly Failure[], b: readonly Failure[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((failure) => failure.id));
  return b.every((failure) => ids.has(failure.id));
}

function messageFor(
  verdict: Verdict,
  state: TestState,
  comparison: Comparison,
  note: string | undefined,
): string {
  const head: string[] = [];
  if (verdict === 'success') head.push('The test command passes.');
  else if (verdict === 'worse') {
    head.push(
      `Your last changes were rolled back. ${note ?? ''} The workspace is back at the best state so far; take a different approach.`,
    );
  } else {
    head.push(
      `The test command still fails (exit code ${state.exitCode ?? 'none'}${state.timedOut ? ', timed out' : ''}).`,
    );
  }
  const list = (label: string, ids: readonly string[]): void => {
    if (ids.length > 0)
      head.push(
        `${label} (${ids.length}): ${ids.slice(0, 20).join('; ')}${ids.length > 20 ? '; ...' : ''}`,
      );
  };
  list('Fixed since the first run', comparison.fixed);
  list('Newly failing', comparison.newlyFailing);
  return `${head.join('\n')}\n\n${state.digest.text}`;
}
