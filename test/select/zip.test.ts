/** Reading an attempt's artifact zip in memory: only the wanted files, each within its limit. */
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { readCandidate } from '../../src/github/attempts.js';
import { readZipFiles } from '../../src/select/zip.js';

function zipOf(files: Record<string, string | Buffer>): Buffer {
  const zip = new AdmZip();
  for (const [name, content] of Object.entries(files)) {
    zip.addFile(name, Buffer.isBuffer(content) ? content : Buffer.from(content));
  }
  return zip.toBuffer();
}

const REPORT = JSON.stringify({
  tool: 'greenloop',
  status: 'success',
  model: 'gpt-5.1-codex-max',
  config: { reasoningEffort: 'high' },
  tests: { baseline: { counts: { failed: 1 } }, final: { counts: { failed: 0 } } },
  totals: { tokens: 10, costUsd: 0.01 },
  diff: { added: 1, removed: 1 },
});

describe('readZipFiles', () => {
  it('reads the wanted top-level files and nothing else', () => {
    const files = readZipFiles(
      zipOf({ 'report.json': '{}', 'logs/test.log': 'x', 'greenloop.diff': 'd' }),
      { 'report.json': 100, 'greenloop.diff': 100, 'missing.txt': 100 },
    );
    expect(files.ok && [...files.value.keys()].sort()).toEqual(['greenloop.diff', 'report.json']);
    expect(files.ok && files.value.get('greenloop.diff')?.toString()).toBe('d');
  });

  it('never follows an entry name out of the folder: ../report.json is not report.json', () => {
    const zip = zipOf({ 'x.txt': 'x' });
    // adm-zip cleans names it is given; write the traversal name into the headers by hand.
    const crafted = Buffer.from(zip.toString('latin1').replaceAll('x.txt', '../xx'), 'latin1');
    const files = readZipFiles(crafted, { '../xx': 10 });
    // Asked for by that exact name it is data in memory; nothing is ever written to disk.
    expect(files.ok && files.value.get('../xx')?.toString()).toBe('x');
    expect(readZipFiles(crafted, { 'x.txt': 10 })).toEqual({ ok: true, value: new Map() });
  });

  it('stops a deflate bomb at the limit instead of expanding it', () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const zip = zipOf({ 'report.json': zeros });
    expect(zip.length).toBeLessThan(1024 * 1024);
    expect(readZipFiles(zip, { 'report.json': 1024 * 1024 })).toEqual({
      ok: false,
      error: 'report.json: too large (limit 1048576 bytes)',
    });
  });

  it('refuses what is not a zip, a damaged directory and a name given twice, in one line', () => {
    expect(readZipFiles(Buffer.from('not a zip at all, not even close'), { a: 1 })).toEqual({
      ok: false,
      error: 'not a zip file',
    });
    const zip = zipOf({ 'a.txt': 'one', 'b.txt': 'two' });
    const twice = Buffer.from(zip.toString('latin1').replaceAll('b.txt', 'a.txt'), 'latin1');
    expect(readZipFiles(twice, { 'a.txt': 10 })).toEqual({
      ok: false,
      error: 'a.txt is in the zip twice',
    });
    // The end record points the directory at the first local header instead.
    const damaged = Buffer.from(zip);
    damaged.writeUInt32LE(0, damaged.length - 22 + 16);
    expect(readZipFiles(damaged, { 'a.txt': 10 })).toEqual({
      ok: false,
      error: 'its central directory is damaged',
    });
  });
});

describe('readCandidate', () => {
  it('reads the claim and the diff of an attempt', () => {
    const c = readCandidate('greenloop-a', zipOf({ 'report.json': REPORT, 'greenloop.diff': 'D' }));
    expect(c.ok && c.value.claim.model).toBe('gpt-5.1-codex-max');
    expect(c.ok && c.value.diff).toBe('D');
  });

  it('keeps text fields short and on one line, and ignores fields of the wrong type', () => {
    const hostile = JSON.stringify({
      ...JSON.parse(REPORT),
      model: `evil\n::set-output name=status::success\n${'m'.repeat(200_000)}`,
      config: { reasoningEffort: ['high'] },
      totals: { tokens: '1e9', costUsd: -5 },
      diff: { added: 'lots', removed: null },
    });
    const c = readCandidate('greenloop-h', zipOf({ 'report.json': hostile }));
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.claim.model.length).toBeLessThanOrEqual(100);
    expect(c.value.claim.model).not.toMatch(/\n/);
    expect(c.value.claim).toMatchObject({
      reasoningEffort: '',
      tokens: 0,
      costUsd: 0,
      diffLines: 0,
    });
    expect(c.value.diff).toBe('');
  });

  it('refuses a report.json over 1 MB', () => {
    const big = JSON.stringify({ ...JSON.parse(REPORT), padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(readCandidate('greenloop-big', zipOf({ 'report.json': big }))).toEqual({
      ok: false,
      error: 'greenloop-big: report.json: too large (limit 1048576 bytes)',
    });
  });
});
