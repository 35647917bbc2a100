/** Compares test runs: which failures were fixed, remain, or are new; and test-count integrity. */
import type { Comparison, Counts, Failure } from './types.js';

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

/**
 * A reason to reject an iteration that "fixes" tests by removing or skipping them: fewer tests in
 * total than the baseline, or more skipped. Undefined when the counts are acceptable.
 */
export function integrityProblem(baseline: Counts, current: Counts): string | undefined {
  const totalBefore = baseline.passed + baseline.failed + baseline.skipped;
  const totalNow = current.passed + current.failed + current.skipped;
  if (totalNow < totalBefore) {
    return (
      `The test run now has ${totalNow} tests in total, fewer than the ${totalBefore} of the baseline: ` +
      'tests were deleted or no longer run. This iteration is rejected; fix the code instead of removing tests.'
    );
  }
  if (current.skipped > baseline.skipped) {
    return (
      `The test run now skips ${current.skipped} tests, more than the ${baseline.skipped} of the baseline. ` +
      'This iteration is rejected; fix the code instead of skipping tests.'
    );
  }
  return undefined;
}
