import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redactRecord, writeReportFiles } from '../../src/report/files.js';
import { KNOWN_SECRET, Redactor } from '../../src/core/secrets.js';
import { successRecord, testSummary } from './fixtures.js';

const TOKEN = 'ghs' + '_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8';
const API_KEY = 'key-with/slash+plus=eq-0123456789';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
const URLENC = encodeURIComponent(API_KEY);
const STRANGER = 'ghp' + '_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const AWS_ID = 'AKIA' + 'IOSFODNN7EXAMPLE';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function leakyRecord(before: string, after: string) {
  return successRecord({
    baseline: testSummary({ logPath: before }),
    final: testSummary({
      exitCode: 0,
      logPath: after,
      failures: [{ id: 'x', message: `auth ${BASIC}` }],
    }),
    explanation: `I used ${TOKEN} and ${URLENC}`,
    diff: `+const key = "${API_KEY}";\n+const other = "${STRANGER}";\n`,
    stopReason: `done with ${TOKEN}`,
  });
}

describe('writeReportFiles', () => {
  it('writes every file, redacting secrets in all their forms', async () => {
    const before = path.join(dir, 'before.log');
    const after = path.join(dir, 'after.log');
    fs.writeFileSync(
      before,
      [
        'FAIL test/a.test.ts',
        `git fetch https://x-access-token:${TOKEN}@github.com/o/r`,
        `AUTHORIZATION: basic ${BASIC}`,
        '-----BEGIN OPENSSH PRIVATE KEY-----',
        'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
        '-----END OPENSSH PRIVATE KEY-----',
        'done',
      ].join('\r\n'),
    );
    fs.writeFileSync(after, `ok\nkey=${URLENC}\naws ${AWS_ID}\n`);
    const out = path.join(dir, 'out', 'nested');
    const result = await writeReportFiles(
      leakyRecord(before, after),
      out,
      {
        transcript: [
          { role: 'user', content: `token ${TOKEN}` },
          { role: 'assistant', content: [{ text: `${STRANGER}` }], usage: { input: 5 } },
        ],
      },
      new Redactor([TOKEN, API_KEY]),
    );

    const names = result.files.map((f) => path.basename(f)).sort();
    expect(names).toEqual(
      [
        'greenloop.diff',
        'report.json',
        'summary.md',
        'test-after.log',
        'test-before.log',
        'transcript.jsonl',
      ].sort(),
    );
    for (const file of result.files) {
      expect(path.isAbsolute(file)).toBe(true);
      const text = fs.readFileSync(file, 'utf8');
      const escaped = [TOKEN, STRANGER].map((t) => t.replace('_', '\\_'));
      for (const leak of [
        TOKEN,
        API_KEY,
        BASIC,
        URLENC,
        STRANGER,
        AWS_ID,
        'b3BlbnNzaC1rZXkt',
        ...escaped,
      ]) {
        expect(text, `${path.basename(file)} leaks`).not.toContain(leak);
      }
    }

    const beforeLog = fs.readFileSync(path.join(out, 'test-before.log'), 'utf8');
    expect(beforeLog).toBe(
      [
        'FAIL test/a.test.ts',
        'git fetch https://x-access-token:***@github.com/o/r',
        'AUTHORIZATION: basic ***',
        '-----BEGIN OPENSSH PRIVATE KEY-----',
        '***',
        '-----END OPENSSH PRIVATE KEY-----',
        'done',
        '',
      ].join('\n'),
    );
    expect(fs.readFileSync(path.join(out, 'test-after.log'), 'utf8')).toBe(
      'ok\nkey=***\naws ***\n',
    );

    const transcript = fs
      .readFileSync(path.join(out, 'transcript.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(transcript).toEqual([
      { role: 'user', content: 'token ***' },
      { role: 'assistant', content: [{ text: '***' }], usage: { input: 5 } },
    ]);

    expect(fs.readFileSync(result.diffPath, 'utf8')).toBe(
      '+const key = "***";\n+const other = "***";\n',
    );

    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'Redacted private key (PEM) in test-before.log.',
        `Redacted ${KNOWN_SECRET} in test-before.log.`,
        'Redacted AWS access key id in test-after.log.',
        'Redacted GitHub token (ghp_) in transcript.jsonl.',
        'Redacted GitHub token (ghp_) in greenloop.diff.',
      ]),
    );
    for (const w of result.warnings) expect(w).not.toContain(STRANGER);

    const report = JSON.parse(fs.readFileSync(result.reportPath, 'utf8')) as {
      warnings: string[];
      stopReason: string;
      explanation: string;
    };
    expect(report.stopReason).toBe('done with ***');
    expect(report.explanation).toBe('I used *** and ***');
    expect(report.warnings).toContain('Redacted AWS access key id in test-after.log.');

    const summary = fs.readFileSync(result.summaryPath, 'utf8');
    expect(summary.split('\n')[0]).toBe('## ✅ greenloop: success — done with \\*\\*\\*');
    expect(summary).toContain('Redacted AWS access key id in test-after.log.');
    expect(summary).toContain('the run record');
  });

  it('warns instead of failing when a log is missing, and skips absent logs', async () => {
    const record = successRecord({ baseline: undefined, final: undefined });
    const result = await writeReportFiles(
      record,
      dir,
      { transcript: [], baselineLogPath: path.join(dir, 'missing.log') },
      new Redactor([]),
    );
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^Could not copy the test log to test-before.log: /);
    const names = result.files.map((f) => path.basename(f)).sort();
    expect(names).toEqual(['greenloop.diff', 'report.json', 'summary.md', 'transcript.jsonl']);
    expect(fs.readFileSync(path.join(dir, 'transcript.jsonl'), 'utf8')).toBe('');
    expect(fs.existsSync(path.join(dir, 'test-before.log'))).toBe(false);
  });
});

describe('redactRecord', () => {
  it('redacts every string of the record and reports the kinds', () => {
    const record = successRecord({
      explanation: `used ${TOKEN}`,
      plan: [{ step: `push with ${STRANGER}`, status: 'completed' }],
    });
    const { record: safe, findings } = redactRecord(record, new Redactor([TOKEN]));
    expect(safe.explanation).toBe('used ***');
    expect(safe.plan[0]?.step).toBe('push with ***');
    expect(safe.iterations).toEqual(record.iterations);
    expect(findings.sort()).toEqual([KNOWN_SECRET, 'GitHub token (ghp_)'].sort());
  });
});
