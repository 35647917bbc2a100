/**
 * Choosing between attempts by evidence. An attempt's report says what it claims; the select
 * step verifies the diff itself (applied to a clean checkout, tests run in the sandbox) and only
 * the verified result ranks. Pure: no I/O.
 *
 * Ranking, best first (issue 23): the tests pass, then fewest failing tests, then no integrity
 * problem (tests deleted or skipped, a protected path touched), then the smallest diff (as
 * measured on the diff itself, not as claimed), then the lowest cost. Only a clean attempt can be
 * chosen: a suite made green by deleting tests is never published, nor is an attempt whose report
 * claims success while its tests fail, nor one that was not verified or did not apply.
 */
import { isSuccessStatus } from '../core/status.js';
import type { RunRecord } from '../core/record.js';

/** What an attempt's `report.json` says about itself. */
export interface AttemptClaim {
  /** The artifact name (action) or attempt label (CLI). */
  readonly name: string;
  readonly model: string;
  readonly reasoningEffort: string;
  readonly status: string;
  readonly failingBefore: number | null;
  readonly failingAfter: number | null;
  /** Lines added plus lines removed by the attempt's diff. */
  readonly diffLines: number;
  readonly tokens: number;
  readonly costUsd: number;
  /** The rest of its report's totals (missing in a report that has none: counted as 0). */
  readonly usage?: AttemptUsage;
  /** The model's final explanation in its report ('' when none). */
  readonly explanation?: string;
}

/** The figures of an attempt's report that add up over the attempts. */
export type AttemptUsage = Pick<
  RunRecord['totals'],
  | 'iterations'
  | 'turns'
  | 'inputTokens'
  | 'cachedInputTokens'
  | 'outputTokens'
  | 'reasoningTokens'
  | 'compactions'
>;

/** What the select step found when it ran the tests on the attempt's diff. */
export type Verification =
  | {
      readonly kind: 'verified';
      readonly passed: boolean;
      readonly failing: number;
      /** Integrity problems found (deleted or skipped tests, protected paths); empty = none. */
      readonly problems: readonly string[];
    }
  | { readonly kind: 'not-applied'; readonly reason: string }
  /** Refused without running (a protected path touched). */
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-verified'; readonly reason: string };

export interface Candidate {
  readonly claim: AttemptClaim;
  readonly diff: string;
}

export interface RankedAttempt {
  readonly claim: AttemptClaim;
  readonly verification: Verification;
  /** True when the claim said success but the verified tests did not pass. */
  readonly falseClaim: boolean;
}

export interface Selection {
  /** Every attempt, best first. */
  readonly ranked: readonly RankedAttempt[];
  /** The attempt to publish, if any improves on the baseline. */
  readonly winner: RankedAttempt | undefined;
  /** Whether the winner's tests pass. */
  readonly passing: boolean;
  /** One sentence: why the winner won, or why nothing was chosen. */
  readonly why: string;
}

/**
 * Order in which to spend verifications: attempts claiming success first, then fewest failing
 * tests claimed, then smallest diff. Empty diffs are left out (there is nothing to verify).
 */
export function verificationOrder(candidates: readonly Candidate[]): Candidate[] {
  return candidates
    .filter((c) => c.diff.trim() !== '')
    .sort(
      (a, b) =>
        Number(isSuccessStatus(b.claim.status)) - Number(isSuccessStatus(a.claim.status)) ||
        (a.claim.failingAfter ?? Infinity) - (b.claim.failingAfter ?? Infinity) ||
        a.claim.diffLines - b.claim.diffLines ||
        a.claim.name.localeCompare(b.claim.name),
    );
}

/** Sort key of one attempt: lower is better. Attempts not verified sort last. */
function sortKey(a: RankedAttempt): readonly number[] {
  const v = a.verification;
  if (v.kind !== 'verified') return [1, Infinity, 1, Infinity, Infinity];
  return [
    v.passed ? 0 : 1,
    v.failing,
    v.problems.length > 0 ? 1 : 0,
    a.claim.diffLines,
    a.claim.costUsd,
  ];
}

function compare(a: RankedAttempt, b: RankedAttempt): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < ka.length; i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.claim.name.localeCompare(b.claim.name);
}

/** Whether an attempt may be published: verified, no integrity problem, no false claim. */
function eligible(a: RankedAttempt): boolean {
  return (
    a.verification.kind === 'verified' && a.verification.problems.length === 0 && !a.falseClaim
  );
}

/**
 * Ranks attempts by their verified results. `baselineFailing` is the number of failing tests
 * before any attempt: a non-passing attempt wins only when it fails fewer tests than that, with
 * no integrity problem.
 */
export function selectAttempt(
  attempts: readonly { claim: AttemptClaim; verification: Verification }[],
  baselineFailing: number,
): Selection {
  const ranked = attempts
    .map((a) => ({
      ...a,
      falseClaim:
        isSuccessStatus(a.claim.status) &&
        a.verification.kind === 'verified' &&
        !a.verification.passed,
    }))
    .sort(compare);
  const best = ranked.find(eligible);
  const v = best?.verification;
  if (!best || v?.kind !== 'verified') {
    return { ranked, winner: undefined, passing: false, why: nothingWhy(ranked, baselineFailing) };
  }
  if (v.passed) {
    return { ranked, winner: best, passing: true, why: passingWhy(best, ranked) };
  }
  if (v.failing >= baselineFailing) {
    return {
      ranked,
      winner: undefined,
      passing: false,
      why: `No attempt passed the tests or improved on the ${baselineFailing} failing before.`,
    };
  }
  return {
    ranked,
    winner: best,
    passing: false,
    why: `No attempt passed the tests; ${best.claim.name} leaves the fewest failing (${v.failing} of ${baselineFailing}).`,
  };
}

function nothingWhy(ranked: readonly RankedAttempt[], baselineFailing: number): string {
  if (!ranked.some((r) => r.verification.kind === 'verified')) {
    return 'No attempt had a diff that applied and could be tested.';
  }
  return `No attempt passed the tests or improved on the ${baselineFailing} failing before.`;
}

function passingWhy(best: RankedAttempt, ranked: readonly RankedAttempt[]): string {
  const others = ranked.filter(
    (r) => r !== best && eligible(r) && r.verification.kind === 'verified' && r.verification.passed,
  );
  const name = best.claim.name;
  const next = others[0];
  if (!next) return `${name} is the only attempt whose tests pass.`;
  const size = best.claim.diffLines;
  const lines = `${size} line${size === 1 ? '' : 's'}`;
  const of = `of the ${others.length + 1} that pass`;
  if (size < next.claim.diffLines) {
    return `${name}'s tests pass and its diff is the smallest ${of} (${lines}).`;
  }
  if (best.claim.costUsd < next.claim.costUsd) {
    return `${name}'s tests pass, its diff is as small as any ${of} (${lines}) and it cost the least ($${best.claim.costUsd.toFixed(4)}).`;
  }
  return `${name}'s tests pass; it ties with ${next.claim.name} on diff size and cost and comes first by name.`;
}

/** Short words for a verification, for tables and logs. */
export function describeVerification(v: Verification): string {
  switch (v.kind) {
    case 'verified':
      if (v.problems.length > 0) return `rejected: ${v.problems.join('; ')}`;
      return v.passed ? 'tests pass' : `${v.failing} failing`;
    case 'rejected':
      return `rejected: ${v.reason}`;
    case 'not-applied':
      return `diff did not apply: ${v.reason}`;
    case 'empty':
      return 'no change';
    case 'not-verified':
      return `not verified: ${v.reason}`;
  }
}
