import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord, TestSummary } from '../../src/core/record.js';
import {
  JOB_SUMMARY_LIMIT,
  appendJobSummary,
  runOutputValues,
  setOutputs,
  truncateUtf8,
} from '../../src/github/outputs.js';

/** The outputs action.yml declares: what a workflow can read. */
function declaredOutputs(): Record<string, unknown> {
  const action = parse(fs.readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    outputs: Record<string, unknown>;
  };
  return action.outputs;
}

describe('outputs', () => {
  let dir = '';
  const saved = process.env.GITHUB_OUTPUT;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
    process.env.GITHUB_OUTPUT = path.join(dir, 'output');
    fs.writeFileSync(process.env.GITHUB_OUTPUT, '');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function readOutputs(): Record<string, string> {
    const text = fs.readFileSync(path.join(dir, 'output'), 'utf8');
    const result: Record<string, string> = {};
    const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
    for (const m of text.matchAll(re)) result[m[1] ?? ''] = m[3] ?? '';
    return result;
  }

  it('writes every output name to GITHUB_OUTPUT, empty when not given', () => {
    setOutputs({ status: 'success', iterations: 3, 'cost-usd': 0.125, 'pr-url': undefined });
    const written = readOutputs();
    expect(Object.keys(written).sort()).toEqual(Object.keys(declaredOutputs()).sort());
    expect(written.status).toBe('success');
    expect(written.iterations).toBe('3');
    expect(written['cost-usd']).toBe('0.125');
    expect(written['pr-url']).toBe('');
  });

  it('appends to the job summary and respects the 1 MiB cap', () => {
    const file = path.join(dir, 'summary.md');
    expect(appendJobSummary('# one', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(appendJobSummary('two\n', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('# one\ntwo\n');
    expect(appendJobSummary('é'.repeat(JOB_SUMMARY_LIMIT), { GITHUB_STEP_SUMMARY: file })).toBe(
      true,
    );
    const size = fs.statSync(file).size;
    expect(size).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(fs.readFileSync(file, 'utf8')).toContain('summary cut');
    expect(appendJobSummary('more', { GITHUB_STEP_SUMMARY: file })).toBe(false);
    expect(appendJobSummary('x', {})).toBe(false);
  });

  it.each<[string, number, string]>([
    ['abc', 10, 'abc'],
    ['abc', 2, 'ab'],
    ['aé', 2, 'a'],
    ['aé', 3, 'aé'],
    ['😀😀', 5, '😀'],
    ['x', 0, ''],
  ])('truncateUtf8(%j, %d) → %j', (text, bytes, expected) => {
    expect(truncateUtf8(text, bytes)).toBe(expected);
  });
});

describe('runOutputValues', () => {
  const summary = (failed: number): TestSummary => ({
    exitCode: failed > 0 ? 1 : 0,
    timedOut: false,
    counts: { passed: 10 - failed, failed, skipped: 0 },
    failures: [],
    runner: 'vitest',
    logPath: '/tmp/log',
  });
  const record = {
    status: 'success',
    totals: { iterations: 2, tokens: 1234, costUsd: 0.123456 },
    baseline: summary(3),
    final: summary(0),
  } as unknown as RunRecord;
  const files = { diffPath: '/o/d.diff', summaryPath: '/o/s.md', reportPath: '/o/r.json' };

  it('maps the record, files and publish result to outputs', () => {
    expect(
      runOutputValues(record, files, {
        branch: 'greenloop/1',
        commitSha: 'abc',
        prUrl: 'u',
        artifactId: 9,
      }),
    ).toEqual({
      status: 'success',
      'diff-path': '/o/d.diff',
      'summary-path': '/o/s.md',
      'report-path': '/o/r.json',
      iterations: 2,
      tokens: 1234,
      'cost-usd': 0.1235,
      'failing-before': 3,
      'failing-after': 0,
      branch: 'greenloop/1',
      'commit-sha': 'abc',
      'pr-url': 'u',
      'artifact-id': 9,
    });
  });

  it('leaves unknown values empty', () => {
    const bare = { ...record, baseline: undefined, final: undefined } as RunRecord;
    const values = runOutputValues(bare, files);
    expect(values['failing-before']).toBeUndefined();
    expect(values['failing-after']).toBeUndefined();
    expect(values.branch).toBeUndefined();
  });
});
