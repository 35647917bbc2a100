/**
 * `report.json`: the machine-readable record of a run, for dashboards, evals and other tools.
 * Its layout (type, validator, JSON Schema) is defined once in `schema.ts`.
 */
import type { RunRecord, TestSummary } from '../core/record.js';
import { SUCCESS_STATUSES } from '../core/status.js';
import { redactedConfig } from '../config/parse.js';
import { REPORT_SCHEMA_VERSION, type ReportJson, type ReportTestRun } from './schema.js';

function testRun(summary: TestSummary | undefined): ReportTestRun | null {
  if (!summary) return null;
  return {
    runner: summary.runner,
    exitCode: summary.exitCode,
    timedOut: summary.timedOut,
    counts: { ...summary.counts },
    failures: summary.failures.map((f) => ({ ...f })),
  };
}

/** Builds the `report.json` object (plain data, ready for `JSON.stringify`). */
export function buildReportJson(record: RunRecord): ReportJson {
  const t = record.totals;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'greenloop',
    status: record.status,
    success: SUCCESS_STATUSES.has(record.status),
    stopReason: record.stopReason,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    durationMs: record.durationMs,
    model: record.model,
    api: record.api,
    sandbox: { mode: record.sandbox.mode, reason: record.sandbox.reason },
    task: record.task,
    testCommand: record.testCommand,
    config: redactedConfig(record.config),
    tests: { baseline: testRun(record.baseline), final: testRun(record.final) },
    comparison: {
      fixed: [...record.comparison.fixed],
      stillFailing: [...record.comparison.stillFailing],
      newlyFailing: [...record.comparison.newlyFailing],
    },
    flaky: [...record.flaky],
    iterations: record.iterations.map((it) => ({
      index: it.index,
      turns: it.turns,
      inputTokens: it.inputTokens,
      cachedInputTokens: it.cachedInputTokens,
      outputTokens: it.outputTokens,
      tokens: it.inputTokens + it.outputTokens,
      costUsd: it.costUsd,
      durationMs: it.durationMs,
      failing: it.failing,
      passed: it.passed,
      exitCode: it.exitCode,
      rolledBack: it.rolledBack,
      ...(it.note !== undefined ? { note: it.note } : {}),
      compactions: it.compactions,
    })),
    totals: {
      ...t,
      cachedShare:
        t.inputTokens > 0 ? Math.round((t.cachedInputTokens / t.inputTokens) * 1e4) / 1e4 : 0,
    },
    filesChanged: record.filesChanged.map((f) => ({ ...f })),
    dropped: record.dropped.map((d) => ({ ...d })),
    plan: record.plan.map((p) => ({ ...p })),
    explanation: record.explanation,
    diff: {
      bytes: Buffer.byteLength(record.diff, 'utf8'),
      files: record.filesChanged.length,
      added: record.filesChanged.reduce((n, f) => n + f.added, 0),
      removed: record.filesChanged.reduce((n, f) => n + f.removed, 0),
    },
    warnings: [...record.warnings],
  };
}
