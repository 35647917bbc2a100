/**
 * `report.json`: the machine-readable record of a run, for dashboards, evals and other tools.
 *
 * Schema, version 1 (`schemaVersion: 1`). New optional fields may be added within a version;
 * removing or changing the meaning of a field bumps the version.
 *
 * | field            | type                                   | meaning |
 * |------------------|----------------------------------------|---------|
 * | schemaVersion    | 1                                      | version of this layout |
 * | tool             | "greenloop"                            | producer |
 * | status           | string                                 | the `status` output (success, already-green, budget-*, timeout, no-progress, model-gave-up, model-error, auth-error, context-full, error) |
 * | success          | boolean                                | status is success or already-green |
 * | stopReason       | string                                 | one line, human-readable |
 * | startedAt/finishedAt | ISO 8601 string                    | wall-clock bounds |
 * | durationMs       | number                                 | run duration |
 * | model, api       | string, "responses" \| "chat"         | model used and API kind |
 * | sandbox          | { mode: "bwrap" \| "none", reason }   | how commands were isolated |
 * | task, testCommand| string                                 | what was asked, how tests ran |
 * | config           | object                                 | run settings; keys that look secret (key, token, secret, password, auth) are removed |
 * | tests.baseline/final | TestRun \| null                   | { runner, exitCode, timedOut, counts {passed, failed, skipped}, failures [{ id, file?, line?, message, kind? }] } |
 * | comparison       | { fixed, stillFailing, newlyFailing }  | test ids, baseline vs final |
 * | flaky            | string[]                               | test ids with inconsistent results |
 * | iterations       | Iteration[]                            | { index, turns, inputTokens, cachedInputTokens, outputTokens, tokens, costUsd, durationMs, failing, passed, exitCode, rolledBack, note?, compactions } |
 * | totals           | object                                 | { iterations, turns, inputTokens, cachedInputTokens, outputTokens, reasoningTokens, tokens, cachedShare (0..1), costUsd, compactions } |
 * | filesChanged     | FileChange[]                           | { path, status, added, removed, binary } |
 * | dropped          | { path, reason }[]                     | changes removed by the integrity filter |
 * | plan             | { step, status }[]                     | the model's last plan |
 * | explanation      | string                                 | the model's final explanation |
 * | diff             | { bytes, files, added, removed }       | size of `greenloop.diff` (the diff itself is that file) |
 * | warnings         | string[]                               | everything the run warned about |
 *
 * `REPORT_SCHEMA` below states the same as a JSON-Schema-style object.
 */
import type { Failure } from '../checks/types.js';
import type { RunRecord, RunStatus, TestSummary } from '../loop/record.js';
import { redactedConfig } from '../config/parse.js';
import { RUN_STATUSES } from '../core/status.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportTestRun {
  readonly runner: string;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly counts: { readonly passed: number; readonly failed: number; readonly skipped: number };
  readonly failures: readonly Failure[];
}

export interface ReportIteration {
  readonly index: number;
  readonly turns: number;
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly tokens: number;
  readonly costUsd: number;
  readonly durationMs: number;
  readonly failing: number;
  readonly passed: number;
  readonly exitCode: number | null;
  readonly rolledBack: boolean;
  readonly note?: string;
  readonly compactions: number;
}

export interface ReportJson {
  readonly schemaVersion: 1;
  readonly tool: 'greenloop';
  readonly status: RunStatus;
  readonly success: boolean;
  readonly stopReason: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly model: string;
  readonly api: 'responses' | 'chat';
  readonly sandbox: { readonly mode: 'bwrap' | 'none'; readonly reason: string };
  readonly task: string;
  readonly testCommand: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly tests: { readonly baseline: ReportTestRun | null; readonly final: ReportTestRun | null };
  readonly comparison: {
    readonly fixed: readonly string[];
    readonly stillFailing: readonly string[];
    readonly newlyFailing: readonly string[];
  };
  readonly flaky: readonly string[];
  readonly iterations: readonly ReportIteration[];
  readonly totals: RunRecord['totals'] & { readonly cachedShare: number };
  readonly filesChanged: RunRecord['filesChanged'];
  readonly dropped: RunRecord['dropped'];
  readonly plan: RunRecord['plan'];
  readonly explanation: string;
  readonly diff: {
    readonly bytes: number;
    readonly files: number;
    readonly added: number;
    readonly removed: number;
  };
  readonly warnings: readonly string[];
}

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
    schemaVersion: 1,
    tool: 'greenloop',
    status: record.status,
    success: record.status === 'success' || record.status === 'already-green',
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

/** A small JSON-Schema-like description of one field. */
export interface SchemaNode {
  readonly type:
    'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | readonly string[];
  readonly description?: string;
  readonly enum?: readonly (string | number)[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly additionalProperties?: boolean;
}

const counts: SchemaNode = {
  type: 'object',
  required: ['passed', 'failed', 'skipped'],
  properties: {
    passed: { type: 'integer' },
    failed: { type: 'integer' },
    skipped: { type: 'integer' },
  },
};

const testRunSchema: SchemaNode = {
  type: ['object', 'null'],
  description: 'A test run, or null when it did not happen.',
  required: ['runner', 'exitCode', 'timedOut', 'counts', 'failures'],
  properties: {
    runner: { type: 'string', description: 'Detected runner (vitest, jest, pytest, go, ...).' },
    exitCode: { type: ['integer', 'null'], description: 'null when killed or timed out.' },
    timedOut: { type: 'boolean' },
    counts,
    failures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'message'],
        properties: {
          id: { type: 'string', description: '`<file or suite> > <describe...> > <test>`' },
          file: { type: 'string' },
          line: { type: 'integer' },
          message: { type: 'string', description: 'Key error line, ANSI stripped.' },
          kind: { type: 'string' },
          detail: { type: 'string' },
        },
      },
    },
  },
};

const stringList: SchemaNode = { type: 'array', items: { type: 'string' } };

/** The schema of `report.json`, version 1. */
export const REPORT_SCHEMA: SchemaNode = {
  type: 'object',
  description: 'greenloop run report (report.json).',
  required: [
    'schemaVersion',
    'tool',
    'status',
    'success',
    'stopReason',
    'startedAt',
    'finishedAt',
    'durationMs',
    'model',
    'api',
    'sandbox',
    'task',
    'testCommand',
    'config',
    'tests',
    'comparison',
    'flaky',
    'iterations',
    'totals',
    'filesChanged',
    'dropped',
    'plan',
    'explanation',
    'diff',
    'warnings',
  ],
  properties: {
    schemaVersion: { type: 'integer', enum: [1], description: 'Layout version.' },
    tool: { type: 'string', enum: ['greenloop'] },
    status: {
      type: 'string',
      description: 'The `status` output.',
      enum: RUN_STATUSES,
    },
    success: { type: 'boolean', description: 'status is success or already-green.' },
    stopReason: { type: 'string', description: 'Why the run stopped, one line.' },
    startedAt: { type: 'string', description: 'ISO 8601.' },
    finishedAt: { type: 'string', description: 'ISO 8601.' },
    durationMs: { type: 'number' },
    model: { type: 'string' },
    api: { type: 'string', enum: ['responses', 'chat'] },
    sandbox: {
      type: 'object',
      required: ['mode', 'reason'],
      properties: {
        mode: { type: 'string', enum: ['bwrap', 'none'] },
        reason: { type: 'string', description: 'Why this mode was chosen.' },
      },
    },
    task: { type: 'string', description: 'Written task; empty when only fixing tests.' },
    testCommand: { type: 'string' },
    config: {
      type: 'object',
      description: 'Run settings without anything that looks like a credential.',
    },
    tests: {
      type: 'object',
      required: ['baseline', 'final'],
      properties: { baseline: testRunSchema, final: testRunSchema },
    },
    comparison: {
      type: 'object',
      required: ['fixed', 'stillFailing', 'newlyFailing'],
      properties: { fixed: stringList, stillFailing: stringList, newlyFailing: stringList },
    },
    flaky: { ...stringList, description: 'Test ids whose result changed on reruns.' },
    iterations: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'index',
          'turns',
          'inputTokens',
          'cachedInputTokens',
          'outputTokens',
          'tokens',
          'costUsd',
          'durationMs',
          'failing',
          'passed',
          'exitCode',
          'rolledBack',
          'compactions',
        ],
        properties: {
          index: { type: 'integer', description: '1-based.' },
          turns: { type: 'integer' },
          inputTokens: { type: 'integer' },
          cachedInputTokens: { type: 'integer' },
          outputTokens: { type: 'integer' },
          tokens: { type: 'integer', description: 'inputTokens + outputTokens.' },
          costUsd: { type: 'number' },
          durationMs: { type: 'number' },
          failing: { type: 'integer' },
          passed: { type: 'integer' },
          exitCode: { type: ['integer', 'null'] },
          rolledBack: { type: 'boolean' },
          note: { type: 'string', description: 'Why it was rolled back, or another remark.' },
          compactions: { type: 'integer' },
        },
      },
    },
    totals: {
      type: 'object',
      required: [
        'iterations',
        'turns',
        'inputTokens',
        'cachedInputTokens',
        'outputTokens',
        'reasoningTokens',
        'tokens',
        'costUsd',
        'compactions',
        'cachedShare',
      ],
      properties: {
        iterations: { type: 'integer' },
        turns: { type: 'integer' },
        inputTokens: { type: 'integer' },
        cachedInputTokens: { type: 'integer' },
        outputTokens: { type: 'integer' },
        reasoningTokens: { type: 'integer' },
        tokens: { type: 'integer' },
        costUsd: { type: 'number' },
        compactions: { type: 'integer' },
        cachedShare: { type: 'number', description: 'cachedInputTokens / inputTokens, 0..1.' },
      },
    },
    filesChanged: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'status', 'added', 'removed', 'binary'],
        properties: {
          path: { type: 'string' },
          status: { type: 'string', enum: ['added', 'modified', 'deleted', 'renamed'] },
          added: { type: 'integer' },
          removed: { type: 'integer' },
          binary: { type: 'boolean' },
        },
      },
    },
    dropped: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'reason'],
        properties: { path: { type: 'string' }, reason: { type: 'string' } },
      },
    },
    plan: {
      type: 'array',
      items: {
        type: 'object',
        required: ['step', 'status'],
        properties: {
          step: { type: 'string' },
          status: { type: 'string', enum: ['pending', 'in_progress', 'completed'] },
        },
      },
    },
    explanation: { type: 'string' },
    diff: {
      type: 'object',
      required: ['bytes', 'files', 'added', 'removed'],
      properties: {
        bytes: { type: 'integer' },
        files: { type: 'integer' },
        added: { type: 'integer' },
        removed: { type: 'integer' },
      },
    },
    warnings: stringList,
  },
};
