/**
 * Writes the run's published files into one folder (the artifact's content). Every byte passes
 * through the Redactor: exact secrets (and their encoded forms) plus a token-shape scan. A
 * token-shape finding adds a warning naming the file and the kind of credential (never the value).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { RunRecord } from '../core/record.js';
import type { Redactor } from '../core/secrets.js';
import { buildReportJson } from './report-json.js';
import { renderSummary, type SummaryOptions } from './summary.js';
import { assertRealDirectory, openNewSync, writeNewFile } from '../workspace/safe-fs.js';

export const REPORT_FILES = {
  diff: 'greenloop.diff',
  summary: 'summary.md',
  report: 'report.json',
  testBefore: 'test-before.log',
  testAfter: 'test-after.log',
  transcript: 'transcript.jsonl',
} as const;

export interface ReportExtras {
  /** Baseline test log; defaults to `record.baseline.logPath`. */
  readonly baselineLogPath?: string;
  /** Final test log; defaults to `record.final.logPath`. */
  readonly finalLogPath?: string;
  /** Conversation entries (JSON-able), one line each in `transcript.jsonl`. */
  readonly transcript: readonly unknown[];
  readonly summaryOptions?: SummaryOptions;
}

export interface WrittenReport {
  /** Absolute paths of every file written. */
  readonly files: string[];
  readonly diffPath: string;
  readonly summaryPath: string;
  readonly reportPath: string;
  /** Redaction findings and files that could not be copied. */
  readonly warnings: string[];
}

class FindingLog {
  private readonly seen = new Set<string>();
  readonly warnings: string[] = [];

  add(file: string, kinds: Iterable<string>): void {
    for (const kind of kinds) {
      const warning = `Redacted ${kind} in ${file}.`;
      if (this.seen.has(warning)) continue;
      this.seen.add(warning);
      this.warnings.push(warning);
    }
  }
}

async function writeRedacted(
  target: string,
  text: string,
  redactor: Redactor,
  log: FindingLog,
): Promise<void> {
  const r = redactor.redactWithFindings(text);
  log.add(path.basename(target), r.findings);
  await writeNewFile(target, r.redacted);
}

/** Streams `source` into `target` line by line through the redactor. */
async function copyRedacted(
  source: string,
  target: string,
  redactor: Redactor,
  log: FindingLog,
): Promise<void> {
  const input = createReadStream(source, { encoding: 'utf8' });
  const output = createWriteStream(target, { encoding: 'utf8', fd: openNewSync(target) });
  const redactLine = redactor.lineRedactor();
  const name = path.basename(target);
  const outputDone = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
  });
  try {
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      const r = redactLine(line);
      log.add(name, r.findings);
      if (r.line === undefined) continue;
      if (!output.write(`${r.line}\n`)) await once(output, 'drain');
    }
  } finally {
    input.destroy();
    output.end();
  }
  await outputDone;
}

/**
 * The record with every string (explanation, diff, failure messages, stop reason...) redacted.
 * Render the job summary from this, never from the raw record: markdown escaping (`ghs_` →
 * `ghs\_`) would hide a secret from a redaction of the rendered text.
 */
export function redactRecord(
  record: RunRecord,
  redactor: Redactor,
): { record: RunRecord; findings: string[] } {
  const findings = new Set<string>();
  const redacted = redactor.redactValue(record, findings) as RunRecord;
  return { record: redacted, findings: [...findings] };
}

/** Copies a test log, redacted; on failure removes the partial copy and says why. */
async function copyTestLog(
  source: string,
  target: string,
  redactor: Redactor,
  log: FindingLog,
): Promise<string | undefined> {
  try {
    await copyRedacted(source, target, redactor, log);
    return undefined;
  } catch (error) {
    await rm(target, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    return `Could not copy the test log to ${path.basename(target)}: ${redactor.redact(reason)}`;
  }
}

/** The transcript as JSON lines, each entry redacted. */
async function writeTranscript(
  file: string,
  transcript: ReportExtras['transcript'],
  redactor: Redactor,
  log: FindingLog,
): Promise<void> {
  const findings = new Set<string>();
  const lines = transcript.map(
    (entry) => `${JSON.stringify(redactor.redactValue(entry, findings)) ?? 'null'}\n`,
  );
  log.add(REPORT_FILES.transcript, findings);
  await writeNewFile(file, lines.join(''));
}

/**
 * Writes `greenloop.diff`, `summary.md`, `report.json`, `test-before.log`, `test-after.log` (when
 * the logs exist) and `transcript.jsonl` into `dir` (created if needed).
 */
export async function writeReportFiles(
  record: RunRecord,
  dir: string,
  extras: ReportExtras,
  redactor: Redactor,
): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  assertRealDirectory(dir);
  const log = new FindingLog();
  const problems: string[] = [];
  const files: string[] = [];
  const target = (name: string): string => path.resolve(dir, name);

  const logs: [string | undefined, string][] = [
    [extras.baselineLogPath ?? record.baseline?.logPath, REPORT_FILES.testBefore],
    [extras.finalLogPath ?? record.final?.logPath, REPORT_FILES.testAfter],
  ];
  for (const [source, name] of logs) {
    if (!source) continue;
    const problem = await copyTestLog(source, target(name), redactor, log);
    if (problem === undefined) files.push(target(name));
    else problems.push(problem);
  }

  const transcriptPath = target(REPORT_FILES.transcript);
  await writeTranscript(transcriptPath, extras.transcript, redactor, log);
  files.push(transcriptPath);

  const diffPath = target(REPORT_FILES.diff);
  await writeRedacted(diffPath, record.diff, redactor, log);
  files.push(diffPath);

  // Redact the record itself before rendering: escaping (`ghs_` → `ghs\_`) would otherwise hide
  // a secret from the redaction of the rendered text.
  const redactedRecord = redactRecord(record, redactor);
  const safe = redactedRecord.record;
  log.add('the run record (summary.md, report.json)', redactedRecord.findings);

  // What was found so far is worth telling the reviewer in the summary and the report.
  const shown: RunRecord = {
    ...safe,
    warnings: [...safe.warnings, ...problems, ...log.warnings],
  };

  const summaryPath = target(REPORT_FILES.summary);
  await writeRedacted(summaryPath, renderSummary(shown, extras.summaryOptions), redactor, log);
  files.push(summaryPath);

  const reportPath = target(REPORT_FILES.report);
  const reportFindings = new Set<string>();
  const report = redactor.redactValue(buildReportJson(shown), reportFindings);
  log.add(REPORT_FILES.report, reportFindings);
  await writeNewFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  files.push(reportPath);

  return { files, diffPath, summaryPath, reportPath, warnings: [...problems, ...log.warnings] };
}
