/**
 * The run's record: everything the report and publishing steps need, built up
 * by the loop. Plain data (JSON-serialisable) so it can be checkpointed.
 */
import type { Comparison, Counts, Failure } from '../checks/types.js';
import type { FileChange } from '../workspace/types.js';

/** The run's `status` output (the list lives in the core). */
export type { RunStatus } from '../core/status.js';
import type { RunStatus } from '../core/status.js';

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
