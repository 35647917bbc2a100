/** Turns the loop's outcome into the run's record (plain data for the report). */
import { compareRuns } from '../checks/index.js';
import type { RunConfig } from '../config/types.js';
import { redactedConfig } from '../config/parse.js';
import type { FileChange } from '../workspace/types.js';
import type { TestState } from './evaluate.js';
import type { RunRecord, TestSummary } from '../core/record.js';
import type { LoopOutcome } from './run.js';

export interface RecordExtras {
  readonly config: RunConfig;
  readonly testCommand: string;
  readonly model: string;
  readonly api: 'responses' | 'chat';
  readonly sandbox: { readonly mode: 'bwrap' | 'none'; readonly reason: string };
  readonly diff: string;
  readonly filesChanged: readonly FileChange[];
  readonly dropped: readonly { readonly path: string; readonly reason: string }[];
  readonly warnings: readonly string[];
}

export function buildRecord(outcome: LoopOutcome, extras: RecordExtras): RunRecord {
  const { spent } = outcome;
  const baseline = outcome.baseline ? summarise(outcome.baseline) : undefined;
  const final = outcome.best ? summarise(outcome.best) : undefined;
  const comparison =
    outcome.baseline && outcome.best
      ? compareRuns(outcome.baseline.failures, outcome.best.failures)
      : { fixed: [], stillFailing: [], newlyFailing: [] };
  return {
    schemaVersion: 1,
    status: outcome.status,
    stopReason: outcome.stopReason,
    startedAt: new Date(outcome.startedAt).toISOString(),
    finishedAt: new Date(outcome.finishedAt).toISOString(),
    durationMs: outcome.finishedAt - outcome.startedAt,
    config: redactedConfig(extras.config),
    model: extras.model,
    api: extras.api,
    sandbox: extras.sandbox,
    testCommand: extras.testCommand,
    task: extras.config.task,
    baseline,
    final,
    comparison,
    flaky: outcome.flaky,
    iterations: outcome.iterations,
    totals: {
      iterations: spent.iterations,
      turns: spent.turns,
      inputTokens: spent.inputTokens,
      cachedInputTokens: spent.cachedInputTokens,
      outputTokens: spent.outputTokens,
      reasoningTokens: spent.reasoningTokens,
      tokens: spent.inputTokens + spent.outputTokens,
      costUsd: spent.costUsd,
      compactions: spent.compactions,
    },
    filesChanged: extras.filesChanged,
    dropped: extras.dropped,
    plan: outcome.plan,
    explanation: outcome.explanation,
    diff: extras.diff,
    warnings: [...outcome.warnings, ...extras.warnings],
  };
}

/** A test run's state as the record keeps it (the loop's and the select step's one way). */
export function summarise(state: TestState): TestSummary {
  return {
    exitCode: state.exitCode,
    timedOut: state.timedOut,
    counts: state.counts,
    failures: state.failures,
    runner: state.digest.runner,
    logPath: state.logPath,
  };
}
