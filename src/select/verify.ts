/**
 * Verifies attempts instead of trusting them: each candidate diff is applied to a clean
 * checkout of the starting commit and the test command runs there (in the sandbox, through the
 * same test runner as the loop). The verified run is compared with the baseline by the same
 * integrity check the loop uses; a diff that changes what the result filter never publishes
 * (protected paths, `.git/`, symlinks out of the workspace) is rejected without running it. The
 * changed paths and the diff's size are read from git after applying, never from the diff's
 * headers or the attempt's report.
 */
import { integrityProblem } from '../checks/compare.js';
import type { TestRun } from '../checks/types.js';
import type { Result } from '../core/result.js';
import { verificationOrder, type AttemptClaim, type Candidate, type Verification } from './rank.js';

/** A clean checkout with one candidate applied. */
export interface AppliedCheckout {
  readonly dir: string;
  /** Lines added plus removed, measured on what the diff really changed (not as claimed). */
  readonly diffLines: number;
  /**
   * Changes that may not be published, with why (a protected path, `.git/`, a symlink out of the
   * workspace, a submodule, an oversized file): the candidate is rejected without running its tests.
   */
  readonly refused: readonly string[];
  /** Test files the diff deletes (see deletedTestFiles; empty with allow-test-edits). */
  readonly deletedTests: readonly string[];
  dispose(): Promise<void>;
}

export interface VerifyPorts {
  /** Applies `diff` to a fresh checkout of the starting commit; the error says why it failed. */
  checkout(diff: string, label: string): Promise<Result<AppliedCheckout>>;
  /** Runs the test command in `dir`, sandboxed; `runnerHint`: the baseline's runner. */
  runTests(dir: string, label: string, runnerHint?: string): Promise<TestRun>;
  /** Progress for the log. */
  info(line: string): void;
}

export interface Verified {
  readonly claim: AttemptClaim;
  readonly verification: Verification;
  readonly diff: string;
}

/**
 * Verifies candidates best-claimed first, running the tests at most `max` times; the rest are
 * reported as not verified. A diff that does not apply or is rejected before running costs no
 * test run, so such candidates cannot use up the verifications of the others. Never throws for a
 * candidate's fault: a diff that does not apply or tests that crash are results.
 */
export async function verifyCandidates(
  candidates: readonly Candidate[],
  baseline: TestRun,
  ports: VerifyPorts,
  max: number,
): Promise<Verified[]> {
  const order = verificationOrder(candidates);
  const results: Verified[] = [];
  let runs = 0;
  for (const candidate of order) {
    if (runs >= max) {
      const reason = `over the limit of ${max} verifications`;
      results.push({ ...candidate, verification: { kind: 'not-verified', reason } });
      continue;
    }
    const { verification, diffLines } = await verifyOne(candidate, baseline, ports);
    if (verification.kind === 'verified') runs++;
    const claim = diffLines === undefined ? candidate.claim : { ...candidate.claim, diffLines };
    results.push({ claim, verification, diff: candidate.diff });
  }
  for (const candidate of candidates) {
    if (!order.includes(candidate)) results.push({ ...candidate, verification: { kind: 'empty' } });
  }
  return results;
}

/** The label of a candidate's verification run (a log file name: no separators from artifact names). */
export function verifyLabel(name: string): string {
  return `verify-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

async function verifyOne(
  candidate: Candidate,
  baseline: TestRun,
  ports: VerifyPorts,
): Promise<{ verification: Verification; diffLines?: number }> {
  const name = candidate.claim.name;
  const applied = await ports.checkout(candidate.diff, name);
  if (!applied.ok) {
    ports.info(`${name}: the diff does not apply to the starting commit (${applied.error})`);
    return { verification: { kind: 'not-applied', reason: applied.error } };
  }
  const checkout = applied.value;
  const diffLines = checkout.diffLines;
  try {
    if (checkout.refused.length > 0) {
      const reason = `changes what is never published: ${checkout.refused.join('; ')}`;
      ports.info(`${name}: rejected without running its tests, it ${reason}`);
      return { verification: { kind: 'rejected', reason }, diffLines };
    }
    const run = await ports.runTests(checkout.dir, verifyLabel(name), baseline.digest.runner);
    const problem = integrityProblem(baseline, run);
    const problems = [
      ...(checkout.deletedTests.length > 0
        ? [`it deleted test files: ${checkout.deletedTests.join(', ')}`]
        : []),
      ...(problem?.rejects ? [problem.message] : []),
    ];
    const failing = run.digest.counts.failed;
    const passed = run.exitCode === 0 && !run.timedOut;
    ports.info(
      `${name}: ${passed ? 'tests pass' : `exit ${run.exitCode ?? 'none'}, ${failing} failing`}${problems.length > 0 ? `; ${problems[0]}` : ''}`,
    );
    return { verification: { kind: 'verified', passed, failing, problems }, diffLines };
  } finally {
    await checkout.dispose();
  }
}
