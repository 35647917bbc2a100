/**
 * Several attempts on one machine (`greenloop run --attempts N --jobs J`): N loops run side by
 * side, each in its own git worktree of the starting commit, at most J at a time; then every
 * attempt's diff is verified in a fresh worktree and the best verified one is chosen, exactly
 * as the action's select step does. The user's working tree is never touched (unless the
 * caller applies the winner).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { TestRun } from '../checks/types.js';
import { readClaim } from './claim.js';
import { selectAttempt, type Candidate, type Selection } from './rank.js';
import { attemptsTable } from './table.js';
import { verifyCandidates, type AppliedCheckout } from './verify.js';

/** One attempt's settings: the model and effort it runs with. */
export interface AttemptSpec {
  readonly label: string;
  readonly model: string;
  readonly reasoningEffort: string;
}

/** What running one attempt left behind. */
export interface AttemptOutput {
  readonly diff: string;
  /** Text of its report.json. */
  readonly report: string;
}

export interface LocalAttemptPorts {
  /** A fresh worktree of the starting commit (detached), removed by `dispose`. */
  worktree(label: string): Promise<AppliedCheckout>;
  /** Applies a diff in a worktree; a string says why it did not apply. */
  apply(dir: string, diff: string): Promise<string | undefined>;
  /** Runs one whole loop in `dir`, writing its report files under `outDir`. */
  runAttempt(spec: AttemptSpec, dir: string, outDir: string): Promise<AttemptOutput>;
  runTests(dir: string, label: string): Promise<TestRun>;
  protectedPaths(diff: string): readonly string[];
  info(line: string): void;
}

export interface LocalAttemptsResult {
  readonly selection: Selection;
  /** The diff to apply (the winner's), empty when nothing was chosen. */
  readonly diff: string;
  readonly summary: string;
}

/** Runs `tasks` with at most `jobs` at a time; results keep the order of the tasks. */
export async function mapLimit<T, R>(
  items: readonly T[],
  jobs: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}

/** The N attempt specs from repeated `--model`/`--reasoning-effort` flags (cycled). */
export function attemptSpecs(
  count: number,
  models: readonly string[],
  efforts: readonly string[],
): AttemptSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    label: `attempt-${i + 1}`,
    model: models[i % models.length] ?? '',
    reasoningEffort: efforts[i % efforts.length] ?? '',
  }));
}

export async function runLocalAttempts(
  specs: readonly AttemptSpec[],
  jobs: number,
  outDir: string,
  ports: LocalAttemptPorts,
): Promise<LocalAttemptsResult> {
  const outputs = await mapLimit(specs, jobs, async (spec) => {
    const tree = await ports.worktree(spec.label);
    try {
      ports.info(`${spec.label}: ${spec.model} (${spec.reasoningEffort}) in ${tree.dir}`);
      return await ports.runAttempt(spec, tree.dir, path.join(outDir, spec.label));
    } finally {
      await tree.dispose();
    }
  });
  const candidates: Candidate[] = [];
  for (const [i, spec] of specs.entries()) {
    const output = outputs[i]!;
    const claim = readClaim(spec.label, output.report);
    if (claim.ok) candidates.push({ claim: claim.claim, diff: output.diff });
    else ports.info(claim.error);
  }
  const baselineTree = await ports.worktree('baseline');
  let baseline: TestRun;
  try {
    baseline = await ports.runTests(baselineTree.dir, 'select-baseline');
  } finally {
    await baselineTree.dispose();
  }
  const verified = await verifyCandidates(
    candidates,
    baseline,
    {
      checkout: async (diff, label) => {
        const tree = await ports.worktree(`verify-${label}`);
        const refused = await ports.apply(tree.dir, diff);
        if (refused === undefined) return tree;
        await tree.dispose();
        return refused;
      },
      runTests: (dir, label) => ports.runTests(dir, label),
      protectedPaths: (diff) => ports.protectedPaths(diff),
      info: (line) => ports.info(line),
    },
    specs.length,
  );
  const selection = selectAttempt(verified, baseline.digest.counts.failed);
  const winner = verified.find((v) => v.claim === selection.winner?.claim);
  const summary = `# greenloop: ${specs.length} attempts\n\n${attemptsTable(selection)}`;
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'summary.md'), summary);
  await writeFile(path.join(outDir, 'diff.patch'), winner?.diff ?? '');
  return { selection, diff: winner?.diff ?? '', summary };
}
