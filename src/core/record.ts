/**
 * The run's record: everything the report and publishing steps need, built up by the loop.
 * Plain data (JSON-serialisable) so it can be checkpointed. Part of the core: every layer may
 * import it, and it imports nothing of them.
 */
import type { RunStatus } from './status.js';

export type { RunStatus } from './status.js';

export interface Failure {
  /** `<file or suite> > <describe...> > <test name>`, or the file/package for load errors. */
  readonly id: string;
  readonly file?: string;
  readonly line?: number;
  /** The key error/assertion line, ANSI stripped. */
  readonly message: string;
  readonly kind?: string;
  /** A few lines that explain it (diff, first project frame, code excerpt). */
  readonly detail?: string;
}

export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface Comparison {
  readonly fixed: readonly string[];
  readonly stillFailing: readonly string[];
  readonly newlyFailing: readonly string[];
}

/** One file changed between two trees (`git diff --numstat`). */
export interface FileChange {
  readonly path: string;
  readonly added: number;
  readonly removed: number;
  readonly status: 'added' | 'modified' | 'deleted' | 'renamed';
  readonly binary: boolean;
}

export interface PlanStep {
  readonly step: string;
  readonly status: 'pending' | 'in_progress' | 'completed';
}

export interface IterationRecord {
  /** 1-based; iteration 0 is the baseline test run. */
  readonly index: number;
  readonly turns: number;
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly durationMs: number;
  readonly failing: number;
  readonly passed: number;
  readonly exitCode: number | null;
  /** Whether this state was rolled back (it made things worse, or broke integrity). */
  readonly rolledBack: boolean;
  /** Why it was rolled back, if it was. */
  readonly note?: string;
  readonly compactions: number;
}

export interface TestSummary {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly counts: Counts;
  readonly failures: readonly Failure[];
  readonly runner: string;
  /** Path of the full log on disk. */
  readonly logPath: string;
}

/**
 * Failing tests of a test run, as the summary, the CLI and the action's outputs report them: the
 * runner's own count, or the failures named when it counted fewer (a failing command with no
 * test named counts one).
 */
export function failingCount(summary: TestSummary): number {
  return Math.max(summary.counts.failed, summary.failures.length);
}

export interface RunRecord {
  readonly schemaVersion: 1;
  readonly status: RunStatus;
  /** Human-readable reason for the stop, one line. */
  readonly stopReason: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  /** Redacted config (no key or token). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly model: string;
  readonly api: 'responses' | 'chat';
  readonly sandbox: { readonly mode: 'bwrap' | 'none'; readonly reason: string };
  readonly testCommand: string;
  readonly task: string;
  readonly baseline: TestSummary | undefined;
  /** Test summary of the published (best) state. */
  readonly final: TestSummary | undefined;
  readonly comparison: Comparison;
  readonly flaky: readonly string[];
  readonly iterations: readonly IterationRecord[];
  readonly totals: {
    readonly iterations: number;
    readonly turns: number;
    readonly inputTokens: number;
    readonly cachedInputTokens: number;
    readonly outputTokens: number;
    readonly reasoningTokens: number;
    readonly tokens: number;
    readonly costUsd: number;
    readonly compactions: number;
  };
  readonly filesChanged: readonly FileChange[];
  /** Files dropped from the diff by the integrity filter, with why. */
  readonly dropped: readonly { readonly path: string; readonly reason: string }[];
  readonly plan: readonly PlanStep[];
  /** The model's last explanation. */
  readonly explanation: string;
  /** Unified diff of best state vs baseline (`git diff --binary`). */
  readonly diff: string;
  readonly warnings: readonly string[];
}
