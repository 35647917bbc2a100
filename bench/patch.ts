/**
 * Patch application on the generated corpus of the tools issue: our applier (all matching
 * strategies) against exact-only matching of the same patches, `git apply` and
 * `patch --fuzz=3` (both on the unified-diff form of each case).
 */
import { execFileSync } from 'node:child_process';
import { applyPatchText, EXACT_ONLY } from '../src/tools/patch/index.js';
import {
  type CorpusApplier,
  type CorpusReport,
  generateCorpus,
  runCorpus,
} from '../test/tools/patch/corpus.js';
import { makeGuard } from '../test/tools/patch/helpers.js';
import { spawnCollect } from './util.js';

export interface PatchRow {
  readonly applier: string;
  readonly available: boolean;
  readonly note?: string;
  readonly total: number;
  readonly wellFormed: number;
  readonly applied: number;
  readonly applyRate: number;
  readonly wrongPlace: number;
  readonly partial: number;
  readonly refuseCases: number;
  readonly refusedCorrectly: number;
  readonly byCategory: Record<string, { total: number; ok: number }>;
  readonly ms: number;
}

export interface PatchResult {
  readonly seed: number;
  readonly cases: number;
  readonly rows: readonly PatchRow[];
}

function has(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const ours: CorpusApplier = async (dir, c) => (await applyPatchText(c.patch, makeGuard(dir))).ok;

const exactOnly: CorpusApplier = async (dir, c) =>
  (await applyPatchText(c.patch, makeGuard(dir), { strategies: EXACT_ONLY })).ok;

/** `git apply` outside a repository behaves like a careful `patch -p1` (all or nothing). */
const gitApply: CorpusApplier = async (dir, c) => {
  const result = await spawnCollect('git', ['apply', '--whitespace=nowarn', '-'], {
    cwd: dir,
    input: c.unified,
    env: { ...process.env, GIT_CEILING_DIRECTORIES: dir },
  });
  return result.code === 0;
};

/** GNU patch with fuzz 3; no backup or reject files, so only the patched files change. */
const gnuPatch: CorpusApplier = async (dir, c) => {
  const result = await spawnCollect(
    'patch',
    ['-p1', '--fuzz=3', '--batch', '--forward', '--no-backup-if-mismatch', '--reject-file=-'],
    { cwd: dir, input: c.unified },
  );
  return result.code === 0;
};

function row(applier: string, report: CorpusReport, ms: number): PatchRow {
  return {
    applier,
    available: true,
    total: report.total,
    wellFormed: report.wellFormed,
    applied: report.applied,
    applyRate: report.applyRate,
    wrongPlace: report.wrongPlace.length,
    partial: report.partial.length,
    refuseCases: report.refuseCases,
    refusedCorrectly: report.refuseCases - report.notRefused.length,
    byCategory: report.byCategory,
    ms,
  };
}

export async function benchPatch(seed = 1, count = 240): Promise<PatchResult> {
  const cases = generateCorpus(seed, count);
  const appliers: [string, CorpusApplier, boolean, string?][] = [
    ['greenloop (all strategies)', ours, true],
    ['greenloop exact-only', exactOnly, true],
    ['git apply', gitApply, has('git', ['--version']), 'git not found'],
    ['patch --fuzz=3', gnuPatch, has('patch', ['--version']), 'GNU patch not installed'],
  ];
  const rows: PatchRow[] = [];
  for (const [name, applier, available, missing] of appliers) {
    if (!available) {
      rows.push({
        applier: name,
        available: false,
        note: missing ?? 'not available',
        total: 0,
        wellFormed: 0,
        applied: 0,
        applyRate: 0,
        wrongPlace: 0,
        partial: 0,
        refuseCases: 0,
        refusedCorrectly: 0,
        byCategory: {},
        ms: 0,
      });
      continue;
    }
    const start = performance.now();
    const report = await runCorpus(applier, cases);
    rows.push(row(name, report, performance.now() - start));
  }
  return { seed, cases: cases.length, rows };
}
