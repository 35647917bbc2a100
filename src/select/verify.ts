/**
 * Verifies attempts instead of trusting them: each candidate diff is applied to a clean
 * checkout of the starting commit and the test command runs there (in the sandbox, through the
 * same test runner as the loop). The verified run is compared with the baseline by the same
 * integrity check the loop uses, and a diff touching a protected path is rejected.
 */
import { integrityProblem } from '../checks/compare.js';
import type { TestRun } from '../checks/types.js';
import type { Result } from '../core/result.js';
import { verificationOrder, type AttemptClaim, type Candidate, type Verification } from './rank.js';

/** A clean checkout with one candidate applied. */
export interface AppliedCheckout {
  readonly dir: string;
  dispose(): Promise<void>;
}

export interface VerifyPorts {
  /** Applies `diff` to a fresh checkout of the starting commit; the error says why it failed. */
  checkout(diff: string, label: string): Promise<Result<AppliedCheckout>>;
  /** Runs the test command in `dir`, sandboxed. */
  runTests(dir: string, label: string): Promise<TestRun>;
  /** The protected paths the diff touches (empty = none). */
  protectedPaths(diff: string): readonly string[];
  /** Progress for the log. */
  info(line: string): void;
}

export interface Verified {
  readonly claim: AttemptClaim;
  readonly verification: Verification;
  readonly diff: string;
}

/**
 * Verifies at most `max` candidates, best-claimed first; the rest are reported as not verified.
 * Never throws for a candidate's fault: a diff that does not apply or tests that crash are results.
 */
export async function verifyCandidates(
  candidates: readonly Candidate[],
  baseline: TestRun,
  ports: VerifyPorts,
  max: number,
): Promise<Verified[]> {
  const order = verificationOrder(candidates);
  const toVerify = new Set(order.slice(0, Math.max(0, max)));
  const results: Verified[] = [];
  for (const candidate of order) {
    const verification = toVerify.has(candidate)
      ? await verifyOne(candidate, baseline, ports)
      : { kind: 'not-verified' as const, reason: `over the limit of ${max} verifications` };
    results.push({ claim: candidate.claim, verification, diff: candidate.diff });
  }
  for (const candidate of candidates) {
    if (!order.includes(candidate)) {
      results.push({
        claim: candidate.claim,
        verification: { kind: 'empty' },
        diff: candidate.diff,
      });
    }
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
): Promise<Verification> {
  const name = candidate.claim.name;
  const touched = ports.protectedPaths(candidate.diff);
  if (touched.length > 0) {
    ports.info(`${name}: rejected, it changes protected paths (${touched.join(', ')})`);
    return { kind: 'rejected', reason: `changes protected paths: ${touched.join(', ')}` };
  }
  const applied = await ports.checkout(candidate.diff, name);
  if (!applied.ok) {
    ports.info(`${name}: the diff does not apply to the starting commit (${applied.error})`);
    return { kind: 'not-applied', reason: applied.error };
  }
  const checkout = applied.value;
  try {
    const run = await ports.runTests(checkout.dir, verifyLabel(name));
    const problem = integrityProblem(baseline, run);
    const problems = problem?.rejects ? [problem.message] : [];
    const failing = run.digest.counts.failed;
    const passed = run.exitCode === 0 && !run.timedOut;
    ports.info(
      `${name}: ${passed ? 'tests pass' : `exit ${run.exitCode ?? 'none'}, ${failing} failing`}${problems.length > 0 ? `; ${problems[0]}` : ''}`,
    );
    return { kind: 'verified', passed, failing, problems };
  } finally {
    await checkout.dispose();
  }
}
