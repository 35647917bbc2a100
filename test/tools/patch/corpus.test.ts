import { describe, expect, it } from 'vitest';
import { applyPatchText, EXACT_ONLY } from '../../../src/tools/patch/index.js';
import { CATEGORIES, generateCorpus, runCorpus, type CorpusApplier } from './corpus.js';
import { makeGuard } from './helpers.js';

const ours: CorpusApplier = async (dir, c) => (await applyPatchText(c.patch, makeGuard(dir))).ok;
const oursUnified: CorpusApplier = async (dir, c) =>
  (await applyPatchText(c.unified, makeGuard(dir))).ok;

describe('generated corpus', () => {
  const cases = generateCorpus(1);

  it('is deterministic and covers every category', () => {
    expect(cases).toHaveLength(240);
    expect(generateCorpus(1, 40)).toEqual(generateCorpus(1, 40));
    expect(generateCorpus(2, 40)).not.toEqual(generateCorpus(1, 40));
    for (const cat of CATEGORIES) expect(cases.filter((c) => c.category === cat).length).toBe(30);
  });

  it('applies ≥98% of well-formed patches, never in the wrong place, never partially', async () => {
    const report = await runCorpus(ours, cases);
    expect(report.wrongPlace).toEqual([]);
    expect(report.partial).toEqual([]);
    expect(report.notRefused).toEqual([]);
    expect(report.refuseCases).toBeGreaterThan(30);
    expect(report.applyRate, JSON.stringify(report.notApplied)).toBeGreaterThanOrEqual(0.98);
  });

  it('applies the unified form of the same changes too', async () => {
    const report = await runCorpus(
      oursUnified,
      cases.filter((c, i) => c.expected !== 'refuse' && i % 2 === 0),
    );
    expect(report.wrongPlace).toEqual([]);
    expect(report.partial).toEqual([]);
    expect(report.applyRate, JSON.stringify(report.notApplied)).toBeGreaterThanOrEqual(0.98);
  });

  it('exact-only matching does worse on drift but never applies in the wrong place', async () => {
    const exact: CorpusApplier = async (dir, c) =>
      (await applyPatchText(c.patch, makeGuard(dir), { strategies: EXACT_ONLY })).ok;
    const report = await runCorpus(exact, cases.slice(0, 96));
    expect(report.wrongPlace).toEqual([]);
    expect(report.partial).toEqual([]);
    expect(report.byCategory['whitespace']!.ok).toBeLessThan(6);
    expect(report.byCategory['exact']!.ok).toBe(12);
  });
});
