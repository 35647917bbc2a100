/**
 * `report.json`'s layout, defined once: the TypeScript type (`ReportJson`), the validator
 * (`ReportSchema.parse`) and the published JSON Schema (`reportJsonSchema()`, committed as
 * `docs/report.schema.json` by `node scripts/gen-action.mjs`) all come from this definition.
 *
 * Version 1 (`schemaVersion: 1`). New optional fields may be added within a version, so the
 * published JSON Schema allows unknown fields; removing a field or changing its meaning bumps
 * the version.
 */
import { z } from 'zod';
import { RUN_STATUSES } from '../core/status.js';

export const REPORT_SCHEMA_VERSION = 1;

const count = z.int().nonnegative();
const exitCode = z.int().nullable().describe('null when killed or timed out.');
const ids = z.array(z.string()).describe('Test ids.');

const failure = z.object({
  id: z.string().describe('`<file or suite> > <describe...> > <test>`'),
  file: z.string().optional(),
  line: z.int().optional(),
  message: z.string().describe('Key error line, ANSI stripped.'),
  kind: z.string().optional(),
  detail: z.string().optional().describe('A few lines that explain it.'),
});

const testRun = z
  .object({
    runner: z.string().describe('Detected runner (vitest, jest, pytest, go, ...).'),
    exitCode,
    timedOut: z.boolean(),
    counts: z.object({ passed: count, failed: count, skipped: count }),
    failures: z.array(failure),
  })
  .nullable()
  .describe('A test run, or null when it did not happen.');

const iteration = z.object({
  index: z.int().positive().describe('1-based; the baseline is not an iteration.'),
  turns: count,
  inputTokens: count,
  cachedInputTokens: count,
  outputTokens: count,
  tokens: count.describe('inputTokens + outputTokens.'),
  costUsd: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
  failing: count,
  passed: count,
  exitCode,
  rolledBack: z.boolean(),
  note: z.string().optional().describe('Why it was rolled back, or another remark.'),
  compactions: count,
});

const totals = z.object({
  iterations: count,
  turns: count,
  inputTokens: count,
  cachedInputTokens: count,
  outputTokens: count,
  reasoningTokens: count,
  tokens: count,
  costUsd: z.number().nonnegative(),
  compactions: count,
  cachedShare: z.number().min(0).max(1).describe('cachedInputTokens / inputTokens, 0..1.'),
});

const fileChange = z.object({
  path: z.string(),
  status: z.enum(['added', 'modified', 'deleted', 'renamed']),
  added: count,
  removed: count,
  binary: z.boolean(),
});

/** The schema of `report.json`, version 1. */
export const ReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe('Layout version.'),
    tool: z.literal('greenloop'),
    status: z.enum(RUN_STATUSES).describe('The `status` output.'),
    success: z.boolean().describe('status is success or already-green.'),
    stopReason: z.string().describe('Why the run stopped, one line.'),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationMs: z.number().nonnegative(),
    model: z.string(),
    api: z.enum(['responses', 'chat']),
    sandbox: z.object({
      mode: z.enum(['bwrap', 'none']),
      reason: z.string().describe('Why this mode was chosen.'),
    }),
    task: z.string().describe('Written task; empty when only fixing tests.'),
    testCommand: z.string(),
    config: z
      .record(z.string(), z.unknown())
      .describe('Run settings; the values of secret settings are replaced by "***".'),
    tests: z.object({ baseline: testRun, final: testRun }),
    comparison: z.object({ fixed: ids, stillFailing: ids, newlyFailing: ids }),
    flaky: ids.describe('Test ids whose result changed on reruns.'),
    iterations: z.array(iteration),
    totals,
    filesChanged: z.array(fileChange),
    dropped: z
      .array(z.object({ path: z.string(), reason: z.string() }))
      .describe('Changes removed by the integrity filter.'),
    plan: z
      .array(
        z.object({ step: z.string(), status: z.enum(['pending', 'in_progress', 'completed']) }),
      )
      .describe("The model's last plan."),
    explanation: z.string().describe("The model's final explanation."),
    diff: z
      .object({ bytes: count, files: count, added: count, removed: count })
      .describe('Size of greenloop.diff (the diff itself is that file).'),
    warnings: z.array(z.string()).describe('Everything the run warned about.'),
  })
  .meta({ title: 'greenloop report.json', description: 'The machine-readable record of a run.' });

export type ReportJson = z.infer<typeof ReportSchema>;
export type ReportTestRun = NonNullable<ReportJson['tests']['baseline']>;

/**
 * The published JSON Schema of `report.json`. Generated for readers (`io: 'input'`), so fields a
 * later version 1 adds are allowed rather than rejected.
 */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { io: 'input' });
}
