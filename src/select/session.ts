/**
 * The select step as a session: the baseline test run, each candidate verified in the workspace
 * (restored to the starting state before and after), the choice, and the chosen diff left in
 * the workspace for publishing, filtered like any loop result. Shared by the action's
 * `mode: select` and the CLI's `--attempts`; knows nothing of GitHub.
 */
import { rm } from 'node:fs/promises';
import type { TestRun } from '../checks/types.js';
import { compareRuns, deletedTestFiles } from '../checks/compare.js';
import type { RunConfig } from '../config/types.js';
import { redactedConfig } from '../config/parse.js';
import { err, ok } from '../core/result.js';
import type { RunStatus } from '../core/status.js';
import type { RunLog } from '../core/log.js';
import { summarise } from '../loop/build-record.js';
import { type TestState, toTestState } from '../loop/evaluate.js';
import type { RunRecord } from '../core/record.js';
import { filterChanges, refusedChanges, type FilteredResult } from '../loop/integrity.js';
import type { Git, WorkspaceGuard } from '../workspace/types.js';
import { selectAttempt, type AttemptClaim, type Candidate, type Selection } from './rank.js';
import { verifyCandidates, verifyLabel, type Verified } from './verify.js';

export interface SelectDeps {
  readonly config: RunConfig;
  readonly testCommand: string;
  readonly git: Git;
  readonly guard: WorkspaceGuard;
  readonly log: RunLog;
  readonly sandbox: { readonly mode: 'bwrap' | 'none'; readonly reason: string };
  /**
   * Runs the test command in the workspace, sandboxed; `runnerHint` reads a log no parser
   * recognises with the baseline's parser (see TestCommand.run).
   */
  runTests(label: string, runnerHint?: string): Promise<TestRun>;
  readonly now?: () => number;
  /**
   * The ignored entries of the workspace, absolute paths. Given, the ones that appeared while a
   * test run of this step ran (build output, caches) are removed before and after each
   * candidate's run, so no candidate passes on what another one's run left behind. Entries made
   * between runs (by the user, on a laptop) are left alone.
   */
  readonly ignoredEntries?: () => Promise<string[]>;
}

export interface SelectOutcome {
  readonly record: RunRecord;
  readonly selection: Selection;
  /** Tree of the published state (the winner applied, filtered). */
  readonly bestTree: string;
  readonly baselineLogPath: string;
  readonly finalLogPath: string | undefined;
}

/** The reason a loop gives (src/loop/baseline.ts) when the tests pass and there is no task. */
const ALREADY_GREEN = 'the tests already pass and there is no task';

/**
 * The attempts to choose from: given (the action's, made by other jobs), or made once the baseline
 * is known (the CLI's `--attempts`): then a baseline that passes with no task ends the step
 * `already-green`, as a loop does, and no attempt starts.
 */
export type Candidates = readonly Candidate[] | (() => Promise<readonly Candidate[]>);

export async function runSelectSession(
  given: Candidates,
  deps: SelectDeps,
): Promise<SelectOutcome> {
  const { git, log } = deps;
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const baselineTree = await git.ensureBaseline();
  const tidy = ignoredTidier(deps);
  const baseline = await tidy.during(() => deps.runTests('select-baseline'));
  const green = baseline.exitCode === 0 && deps.config.task === '';
  if (typeof given === 'function' && green) {
    log.info('Baseline: the tests already pass and there is no task: no attempt is started');
    return alreadyGreen(deps, baseline, baselineTree, startedAt);
  }
  const candidates = typeof given === 'function' ? await given() : given;
  log.info(
    `Baseline: exit ${baseline.exitCode ?? 'none'}, ${baseline.digest.counts.failed} failing; ${candidates.length} attempt(s) to choose from`,
  );
  const runs = new Map<string, TestRun>();
  const verified = await verifyInWorkspace(candidates, baseline, baselineTree, runs, {
    ...deps,
    restore: async () => {
      await git.restore(baselineTree);
      await tidy.sweep();
    },
    runTests: (label, runnerHint) => tidy.during(() => deps.runTests(label, runnerHint)),
  });
  const selection = selectAttempt(verified, baseline.digest.counts.failed);
  const winner = verified.find((v) => v.claim === selection.winner?.claim);
  let bestTree = baselineTree;
  if (winner) {
    await git.restore(baselineTree);
    await git.apply(winner.diff);
    bestTree = await git.snapshot();
  }
  const filtered = await filterChanges({ git, guard: deps.guard, baselineTree, bestTree, log });
  const finalRun = winner ? runs.get(verifyLabel(winner.claim.name)) : undefined;
  log.info(`Selected: ${selection.why}`);
  const record = selectRecord(deps, {
    baseline: toTestState(baseline, baselineTree, []),
    final: finalRun ? toTestState(finalRun, filtered.bestTree, []) : undefined,
    baselineGreen: baseline.exitCode === 0,
    selection,
    verified,
    winner,
    filtered,
    startedAt,
    finishedAt: now(),
  });
  return {
    record,
    selection,
    bestTree: filtered.bestTree,
    baselineLogPath: baseline.logPath,
    finalLogPath: finalRun?.logPath,
  };
}

/** The step's outcome when the baseline passes and there is no task: nothing to choose. */
async function alreadyGreen(
  deps: SelectDeps,
  baseline: TestRun,
  baselineTree: string,
  startedAt: number,
): Promise<SelectOutcome> {
  const { git, guard, log } = deps;
  const selection: Selection = {
    ranked: [],
    winner: undefined,
    passing: false,
    why: ALREADY_GREEN,
  };
  const filtered = await filterChanges({ git, guard, baselineTree, bestTree: baselineTree, log });
  const record = selectRecord(deps, {
    baseline: toTestState(baseline, baselineTree, []),
    final: undefined,
    baselineGreen: true,
    selection,
    verified: [],
    winner: undefined,
    filtered,
    startedAt,
    finishedAt: (deps.now ?? Date.now)(),
  });
  return {
    record,
    selection,
    bestTree: baselineTree,
    baselineLogPath: baseline.logPath,
    finalLogPath: undefined,
  };
}

/** Each candidate applied to the baseline in the workspace and tested; the workspace restored after. */
function verifyInWorkspace(
  candidates: readonly Candidate[],
  baseline: TestRun,
  baselineTree: string,
  runs: Map<string, TestRun>,
  deps: SelectDeps & { restore(): Promise<void> },
): Promise<Verified[]> {
  const { git, config } = deps;
  return verifyCandidates(
    candidates,
    baseline,
    {
      checkout: async (diff) => {
        await deps.restore();
        try {
          await git.apply(diff);
        } catch (error) {
          await deps.restore();
          return err(error instanceof Error ? error.message.split('\n')[0]! : String(error));
        }
        // What the diff really changed, as git sees it once applied (never its headers).
        const applied = await git.snapshot();
        const { changes, dropped } = await refusedChanges(git, deps.guard, baselineTree, applied);
        const deleted = changes.filter((c) => c.status === 'deleted').map((c) => c.path);
        return ok({
          dir: config.workspace,
          diffLines: changes.reduce((sum, c) => sum + c.added + c.removed, 0),
          deletedTests: config.allowTestEdits ? [] : deletedTestFiles(deleted, deps.testCommand),
          refused: dropped.map((d) => `${d.path} (${d.reason})`),
          dispose: () => deps.restore(),
        });
      },
      runTests: async (_dir, label, runnerHint) => {
        const run = await deps.runTests(label, runnerHint);
        runs.set(label, run);
        return run;
      },
      info: (line) => deps.log.info(line),
    },
    Math.max(1, config.maxIterations),
  );
}

/** Notes the ignored entries each test run makes (`during`) and removes them (`sweep`). */
function ignoredTidier(deps: SelectDeps): {
  during<T>(run: () => Promise<T>): Promise<T>;
  sweep(): Promise<void>;
} {
  const list = deps.ignoredEntries;
  const made = new Set<string>();
  return {
    async during(run) {
      if (!list) return run();
      const before = new Set(await list());
      try {
        return await run();
      } finally {
        for (const entry of await list()) if (!before.has(entry)) made.add(entry);
      }
    },
    async sweep() {
      for (const entry of made) await rm(entry, { recursive: true, force: true });
      made.clear();
    },
  };
}

interface SelectFacts {
  readonly baseline: TestState;
  /** The winner's test state; undefined when there is no winner (the baseline stands). */
  readonly final: TestState | undefined;
  readonly baselineGreen: boolean;
  readonly selection: Selection;
  readonly verified: readonly Verified[];
  readonly winner: Verified | undefined;
  readonly filtered: FilteredResult;
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** The run's totals: the sums over every attempt's report (what the whole run spent). */
function sumTotals(claims: readonly AttemptClaim[]): RunRecord['totals'] {
  const sum = (of: (c: AttemptClaim) => number): number =>
    claims.reduce((total, c) => total + of(c), 0);
  return {
    iterations: sum((c) => c.usage?.iterations ?? 0),
    turns: sum((c) => c.usage?.turns ?? 0),
    inputTokens: sum((c) => c.usage?.inputTokens ?? 0),
    cachedInputTokens: sum((c) => c.usage?.cachedInputTokens ?? 0),
    outputTokens: sum((c) => c.usage?.outputTokens ?? 0),
    reasoningTokens: sum((c) => c.usage?.reasoningTokens ?? 0),
    tokens: sum((c) => c.tokens),
    costUsd: sum((c) => c.costUsd),
    compactions: sum((c) => c.usage?.compactions ?? 0),
  };
}

/** The run record of a select step: the loop's record shape, with the attempts' totals. */
function selectRecord(deps: SelectDeps, facts: SelectFacts): RunRecord {
  const { config } = deps;
  const { selection, verified, winner, filtered, startedAt, finishedAt } = facts;
  const before = facts.baseline;
  const after = facts.final ?? before;
  const status: RunStatus =
    facts.baselineGreen && !winner
      ? 'already-green'
      : selection.passing
        ? 'success'
        : 'no-passing-attempt';
  const totals = sumTotals(verified.map((v) => v.claim));
  return {
    schemaVersion: 1,
    status,
    stopReason: selection.why,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    config: redactedConfig(config),
    model: winner ? winner.claim.model : 'none',
    api: config.api,
    sandbox: deps.sandbox,
    testCommand: deps.testCommand,
    task: config.task,
    baseline: summarise(before),
    final: summarise(after),
    comparison: compareRuns(before.failures, after.failures),
    flaky: [],
    iterations: [],
    totals,
    filesChanged: filtered.filesChanged,
    dropped: filtered.dropped,
    plan: [],
    // The winner's own words; why it was chosen is the stop reason.
    explanation: winner?.claim.explanation ?? '',
    diff: filtered.diff,
    warnings: filtered.dropped.map((d) => `Dropped ${d.path} from the result: ${d.reason}`),
  };
}
