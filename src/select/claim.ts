/**
 * Reads what an attempt claims from its `report.json`. The report comes from another job (or a
 * process of another model), so it is untrusted data: every field is checked, and a report that
 * is not greenloop's says so in one line.
 */
import { err, ok, type Result } from '../core/result.js';
import type { AttemptClaim } from './rank.js';

export type ClaimResult = Result<AttemptClaim>;

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Longest text kept from a claim's field: a model name or a status is short. */
const MAX_TEXT = 100;

/** A text field, on one line and cut: it is shown in the job summary and the log. */
function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const line = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

/** Longest explanation kept: the job summary clips it further. */
const MAX_EXPLANATION = 20_000;

/** A multi-line text field (the model's explanation): control characters but line breaks dropped. */
function multiline(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .slice(0, MAX_EXPLANATION);
}

function failing(run: unknown): number | null {
  if (!isObject(run) || !isObject(run.counts)) return null;
  return num(run.counts.failed) ?? null;
}

/** Parses one attempt's `report.json` text into its claim. */
export function readClaim(name: string, text: string): ClaimResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return err(`${name}: report.json is not JSON`);
  }
  if (!isObject(data) || data.tool !== 'greenloop') {
    return err(`${name}: report.json is not a greenloop report`);
  }
  const status = str(data.status);
  const model = str(data.model);
  if (status === undefined || model === undefined) {
    return err(`${name}: report.json has no status or model`);
  }
  const config = isObject(data.config) ? data.config : {};
  const tests = isObject(data.tests) ? data.tests : {};
  const totals = isObject(data.totals) ? data.totals : {};
  const diff = isObject(data.diff) ? data.diff : {};
  return ok({
    name,
    model,
    reasoningEffort: str(config.reasoningEffort) ?? '',
    status,
    failingBefore: failing(tests.baseline),
    failingAfter: failing(tests.final),
    diffLines: (num(diff.added) ?? 0) + (num(diff.removed) ?? 0),
    tokens: num(totals.tokens) ?? 0,
    costUsd: num(totals.costUsd) ?? 0,
    usage: {
      iterations: num(totals.iterations) ?? 0,
      turns: num(totals.turns) ?? 0,
      inputTokens: num(totals.inputTokens) ?? 0,
      cachedInputTokens: num(totals.cachedInputTokens) ?? 0,
      outputTokens: num(totals.outputTokens) ?? 0,
      reasoningTokens: num(totals.reasoningTokens) ?? 0,
      compactions: num(totals.compactions) ?? 0,
    },
    explanation: multiline(data.explanation),
  });
}
