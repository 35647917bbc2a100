import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '../../src/core/status.js';
import { buildReportJson } from '../../src/report/report-json.js';
import { ReportSchema, reportJsonSchema } from '../../src/report/schema.js';
import { successRecord } from './fixtures.js';

const published = new URL('../../docs/report.schema.json', import.meta.url);

describe('report.json schema', () => {
  it('the committed docs/report.schema.json is the one generated from ReportSchema', () => {
    // When this fails: `node scripts/gen-action.mjs` rewrites the file.
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(reportJsonSchema());
  });

  it('derives the status list from the core and allows fields a later version 1 adds', () => {
    const schema = reportJsonSchema();
    expect(schema).toMatchObject({ properties: { status: { enum: [...RUN_STATUSES] } } });
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(ReportSchema.safeParse({ ...buildReportJson(successRecord()), later: 1 }).success).toBe(
      true,
    );
  });

  it.each<[string, (report: Record<string, unknown>) => unknown]>([
    ['an unknown status', (r) => ({ ...r, status: 'done' })],
    ['a missing field', ({ warnings: _, ...rest }) => rest],
    ['a negative count', (r) => ({ ...r, diff: { bytes: 1, files: -1, added: 0, removed: 0 } })],
    ['a date that is not ISO 8601', (r) => ({ ...r, startedAt: 'yesterday' })],
    ['another layout version', (r) => ({ ...r, schemaVersion: 2 })],
  ])('rejects %s', (_name, spoil) => {
    const report = { ...buildReportJson(successRecord()) };
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(ReportSchema.safeParse(spoil(report)).success).toBe(false);
  });
});
