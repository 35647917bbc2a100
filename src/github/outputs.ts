/**
 * The action's outputs and job summary. Output names come from `OUTPUTS` in src/config/inputs.ts,
 * the one list action.yml and the README table are generated from.
 */
import * as fs from 'node:fs';
import * as core from '@actions/core';
import { OUTPUTS, type OutputName } from '../config/inputs.js';
import { failingCount, type RunRecord } from '../core/record.js';
import type { PublishResult } from './publish.js';
import { appendNoFollowSync } from '../workspace/safe-fs.js';

type OutputValue = string | number | boolean | undefined;
export type OutputValues = Partial<Record<OutputName, OutputValue>>;

/**
 * Sets every output name: values given are written as strings, missing ones as
 * '' so a workflow can always read them. Returns what was set.
 */
export function setOutputs(values: OutputValues): Record<OutputName, string> {
  const written = {} as Record<OutputName, string>;
  for (const { name } of OUTPUTS) {
    const value = values[name];
    const text = value === undefined ? '' : String(value);
    core.setOutput(name, text);
    written[name] = text;
  }
  return written;
}

/**
 * Output values of a finished run: the record, its report files, what was published. Every
 * name is listed (a value may be undefined), so a new output fails to compile until it is set.
 */
export function runOutputValues(
  record: RunRecord,
  files: { readonly diffPath: string; readonly summaryPath: string; readonly reportPath: string },
  published: Partial<PublishResult> = {},
): Record<OutputName, OutputValue> {
  const failingAfter = record.final ?? record.baseline;
  return {
    status: record.status,
    'diff-path': files.diffPath,
    'summary-path': files.summaryPath,
    'report-path': files.reportPath,
    iterations: record.totals.iterations,
    tokens: record.totals.tokens,
    'cost-usd': Number(record.totals.costUsd.toFixed(4)),
    'failing-before': record.baseline && failingCount(record.baseline),
    'failing-after': failingAfter && failingCount(failingAfter),
    branch: published.branch,
    'commit-sha': published.commitSha,
    'pr-url': published.prUrl,
    'artifact-id': published.artifactId,
  };
}

/** Sets every output from a finished run (see runOutputValues). */
export function setRunOutputs(
  record: RunRecord,
  files: { readonly diffPath: string; readonly summaryPath: string; readonly reportPath: string },
  published: Partial<PublishResult> = {},
): Record<OutputName, string> {
  return setOutputs(runOutputValues(record, files, published));
}

/** GitHub's limit on one step's job summary. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

const CUT_NOTE = '\n\n_(summary cut: the job summary limit is 1 MiB)_\n';

/**
 * Appends markdown to the job summary file (GITHUB_STEP_SUMMARY), keeping the
 * file within 1 MiB. Returns false when there is no job summary (outside Actions)
 * or nothing fits.
 */
export function appendJobSummary(
  markdown: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  let existing: number;
  try {
    existing = fs.statSync(file).size;
  } catch {
    existing = 0;
  }
  const room = JOB_SUMMARY_LIMIT - existing;
  let text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  if (Buffer.byteLength(text, 'utf8') > room) {
    const budget = room - Buffer.byteLength(CUT_NOTE, 'utf8');
    if (budget <= 0) return false;
    text = `${truncateUtf8(text, budget)}${CUT_NOTE}`;
  }
  appendNoFollowSync(file, text);
  return true;
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  // Step back over continuation bytes (10xxxxxx).
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
