/**
 * Several attempts on one machine (`greenloop run --attempts N --jobs J`): N loops run side by
 * side, each in its own git worktree of the starting commit, at most J at a time. Their results
 * then go through the same select step as the action's `mode: select`.
 */
import * as path from 'node:path';
import { readClaim } from './claim.js';
import type { Candidate } from './rank.js';

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
  worktree(label: string): Promise<{ readonly dir: string; dispose(): Promise<void> }>;
  /** Runs one whole loop in `dir`, writing its report files under `outDir`. */
  runAttempt(spec: AttemptSpec, dir: string, outDir: string): Promise<AttemptOutput>;
  info(line: string): void;
  /** Aborted (Ctrl-C): no further attempt starts (the running ones stop through their own). */
  readonly signal?: AbortSignal;
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

/**
 * Runs every attempt in its own worktree, at most `jobs` at a time, and returns them as
 * candidates for the select step. An attempt that crashes is reported and left out.
 */
export async function runLocalAttempts(
  specs: readonly AttemptSpec[],
  jobs: number,
  outDir: string,
  ports: LocalAttemptPorts,
): Promise<Candidate[]> {
  const outputs = await mapLimit(specs, jobs, async (spec) => {
    if (ports.signal?.aborted) return undefined;
    let tree: Awaited<ReturnType<LocalAttemptPorts['worktree']>> | undefined;
    try {
      tree = await ports.worktree(spec.label);
      ports.info(`${spec.label}: ${spec.model} (${spec.reasoningEffort}) in ${tree.dir}`);
      return await ports.runAttempt(spec, tree.dir, path.join(outDir, spec.label));
    } catch (error) {
      ports.info(
        `${spec.label}: failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    } finally {
      await tree?.dispose();
    }
  });
  const candidates: Candidate[] = [];
  for (const [i, spec] of specs.entries()) {
    const output = outputs[i];
    if (!output) continue;
    const claim = readClaim(spec.label, output.report);
    if (claim.ok) candidates.push({ claim: claim.value, diff: output.diff });
    else ports.info(claim.error);
  }
  return candidates;
}
