import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/loop/record.js';
import { REPORT_SCHEMA, buildReportJson, type SchemaNode } from '../../src/report/report-json.js';
import { alreadyGreenRecord, budgetRecord, modelErrorRecord, successRecord } from './fixtures.js';

/** A tiny validator for the subset of JSON Schema REPORT_SCHEMA uses. Returns error paths. */
function validate(node: SchemaNode, value: unknown, at = '$'): string[] {
  const types = typeof node.type === 'string' ? [node.type] : [...node.type];
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value === 'number' && Number.isInteger(value)
          ? 'integer'
          : typeof value;
  const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
  if (!ok) return [`${at}: expected ${types.join('|')}, got ${actual}`];
  const errors: string[] = [];
  if (node.enum && !node.enum.includes(value as string | number)) errors.push(`${at}: not in enum`);
  if (actual === 'array' && node.items) {
    (value as unknown[]).forEach((v, i) =>
      errors.push(...validate(node.items as SchemaNode, v, `${at}[${i}]`)),
    );
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in obj)) errors.push(`${at}.${key}: missing`);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (key in obj) errors.push(...validate(child, obj[key], `${at}.${key}`));
    }
  }
  return errors;
}

describe('buildReportJson', () => {
  it.each<[string, RunRecord]>([
    ['success', successRecord()],
    ['budget', budgetRecord()],
    ['model-error', modelErrorRecord()],
    ['already-green', alreadyGreenRecord()],
  ])('%s matches REPORT_SCHEMA and survives JSON', (_name, record) => {
    const report = buildReportJson(record);
    expect(validate(REPORT_SCHEMA, report)).toEqual([]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('schema requires every field the builder produces', () => {
    const report = buildReportJson(successRecord());
    expect([...(REPORT_SCHEMA.required ?? [])].sort()).toEqual(Object.keys(report).sort());
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
