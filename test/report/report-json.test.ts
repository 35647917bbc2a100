import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/record.js';
import { buildReportJson } from '../../src/report/report-json.js';
import { ReportSchema } from '../../src/report/schema.js';
import { alreadyGreenRecord, budgetRecord, modelErrorRecord, successRecord } from './fixtures.js';

describe('buildReportJson', () => {
  it.each<[string, RunRecord]>([
    ['success', successRecord()],
    ['budget', budgetRecord()],
    ['model-error', modelErrorRecord()],
    ['already-green', alreadyGreenRecord()],
  ])('%s matches ReportSchema, field for field, and survives JSON', (_name, record) => {
    const report: unknown = JSON.parse(JSON.stringify(buildReportJson(record)));
    // parse() drops fields the schema does not know: equality means none were dropped.
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  it('carries status, comparison, totals, files and warnings', () => {
    const report = buildReportJson(budgetRecord({ warnings: ['w1'] }));
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: 'greenloop',
      status: 'budget-iterations',
      success: false,
      sandbox: { mode: 'bwrap' },
      comparison: { stillFailing: ['test/b.test.ts > parses'], newlyFailing: [] },
      flaky: ['test/c.test.ts > sometimes'],
      totals: { iterations: 3, tokens: 40_500, cachedShare: 0.25 },
      diff: { files: 1, added: 1, removed: 1 },
      warnings: ['w1'],
    });
    expect(report.iterations[1]).toMatchObject({
      index: 2,
      rolledBack: true,
      note: 'more tests failed (5 > 1)',
      tokens: 13_500,
    });
    expect(report.iterations[0]).not.toHaveProperty('note');
    expect(report.tests.final?.counts.failed).toBe(1);
    expect(report.tests.baseline).not.toHaveProperty('logPath');
  });

  it('success is true for success and already-green only', () => {
    expect(buildReportJson(successRecord()).success).toBe(true);
    expect(buildReportJson(alreadyGreenRecord()).success).toBe(true);
    expect(buildReportJson(modelErrorRecord()).success).toBe(false);
    expect(buildReportJson(modelErrorRecord()).tests.final).toBeNull();
  });

  it('keeps every setting and hides exactly the secret fields (maxTokens, digestTokens stay)', () => {
    const report = buildReportJson(
      successRecord({
        config: {
          model: 'm',
          apiKey: 'k-value',
          githubToken: 't-value',
          maxTokens: 100000,
          digestTokens: 2000,
          keyboardLayout: 'us',
        },
      }),
    );
    expect(report.config).toEqual({
      model: 'm',
      apiKey: '***',
      githubToken: '***',
      maxTokens: 100000,
      digestTokens: 2000,
      keyboardLayout: 'us',
    });
  });
});
