/**
 * One iteration: rerun the tests, judge the run against the baseline and the best state, keep it
 * or roll it back (settle), record it, watch for a stall, checkpoint. The stop it finds (success,
 * the time limit, the last rerun, no progress) waits until the turn's tool calls are answered.
 */
import { type Checkpoint, configDigest, saveCheckpoint } from './checkpoint.js';
import { deletedTestFiles } from '../checks/index.js';
import { withoutUrlCredentials } from '../core/secrets.js';
import { cancelled, type RunContext } from './context.js';
import type { ConversationState } from './conversation.js';
import { type Evaluation, evaluateRun } from './evaluate.js';
import { CONTINUE, type NextStep, type Stop, stop } from './next-step.js';
import { watchTestRun } from './stall.js';
import type { LoopState } from './state.js';

/** What the model reads about the run, and what happens once the turn is answered. */
export interface Tested {
  readonly kind: 'tested';
  readonly message: string;
  readonly next: NextStep;
}

/** Runs the tests (unless no rerun is left); a stop returned as such ends the turn at once. */
export async function runIteration(
  ctx: RunContext,
  state: LoopState,
  trigger: string,
): Promise<Tested | Stop> {
  if (!ctx.budget.canRunTests(state.spent))
    return { kind: 'tested', message: 'No test reruns are left.', next: lastRerunUsed(ctx) };
  state.spent = { ...state.spent, iterations: state.spent.iterations + 1 };
  const index = state.spent.iterations;
  const tree = await ctx.git.snapshot();
  ctx.log.info(`Running the tests (${trigger}): ${ctx.testCommand}`);
  const run = await ctx.tests.run(`iteration-${index}`, {
    timeoutMs: ctx.budget.remainingMs(),
    runnerHint: state.baseline!.digest.runner,
  });
  const cancel = cancelled(ctx, state);
  if (cancel) return cancel;
  const evaluation = evaluateRun({
    run,
    tree,
    baseline: state.baseline!,
    best: state.best!,
    flaky: state.flaky,
    allowTestEdits: ctx.config.allowTestEdits,
    deletedTests: ctx.config.allowTestEdits ? [] : await deletedTests(ctx, state, tree),
  });
  ctx.journal.record('tests', {
    label: `iteration-${index}`,
    exitCode: run.exitCode,
    counts: run.digest.counts,
    failures: run.digest.failures,
    verdict: evaluation.verdict,
    note: evaluation.note,
  });
  await settle(ctx, state, evaluation, tree);
  recordIteration(ctx, state, evaluation);
  const stalled = watchTestRun(state.watch, evaluation, tree);
  await checkpointAfter(ctx, state, index);
  ctx.journal.progress(state);
  const next = stopAfter(ctx, state, evaluation, run.timedOut) ?? stalled ?? CONTINUE;
  state.trees.lastTested = await ctx.git.snapshot();
  ctx.journal.closeIteration();
  state.iterationStart = { spent: state.spent, at: ctx.now() };
  return { kind: 'tested', message: evaluation.message, next };
}

/** Test files deleted between the baseline and `tree`. */
async function deletedTests(ctx: RunContext, state: LoopState, tree: string): Promise<string[]> {
  if (tree === state.trees.baseline) return [];
  const changes = await ctx.git.diffStat(state.trees.baseline, tree);
  const deleted = changes.filter((c) => c.status === 'deleted').map((c) => c.path);
  return deletedTestFiles(deleted, ctx.testCommand);
}

function lastRerunUsed(ctx: RunContext): Stop {
  const max = ctx.config.maxIterations;
  return stop('budget-iterations', `all ${max} test reruns (max-iterations) were used`);
}

function stopAfter(
  ctx: RunContext,
  state: LoopState,
  evaluation: Evaluation,
  timedOut: boolean,
): Stop | undefined {
  if (evaluation.verdict === 'success') return stop('success', 'the test command passes');
  if (timedOut && ctx.budget.remainingMs() === 0)
    return stop('timeout', 'the time limit was reached during a test run');
  if (!ctx.budget.canRunTests(state.spent)) return lastRerunUsed(ctx);
  return undefined;
}

/** Keeps a better state as the best one; rolls a worse one back. */
async function settle(
  ctx: RunContext,
  state: LoopState,
  evaluation: Evaluation,
  tree: string,
): Promise<void> {
  if (evaluation.verdict === 'worse') {
    await ctx.git.restore(state.trees.best);
    ctx.log.warn(`Rolled back the last changes. ${evaluation.note ?? ''}`.trim());
    return;
  }
  state.best = evaluation.state;
  state.trees.best = tree;
}

function recordIteration(ctx: RunContext, state: LoopState, evaluation: Evaluation): void {
  const s = state.spent;
  const { spent: from, at } = state.iterationStart;
  state.iterations.push({
    index: s.iterations,
    turns: s.turns - from.turns,
    inputTokens: s.inputTokens - from.inputTokens,
    cachedInputTokens: s.cachedInputTokens - from.cachedInputTokens,
    outputTokens: s.outputTokens - from.outputTokens,
    costUsd: s.costUsd - from.costUsd,
    durationMs: ctx.now() - at,
    failing: evaluation.state.failures.length,
    passed: evaluation.state.counts.passed,
    exitCode: evaluation.state.exitCode,
    rolledBack: evaluation.verdict === 'worse',
    ...(evaluation.note ? { note: evaluation.note } : {}),
    compactions: s.compactions - from.compactions,
  });
}

/** The iteration's checkpoint, handed to `onCheckpoint`; a failure to write it is a warning. */
async function checkpointAfter(ctx: RunContext, state: LoopState, index: number): Promise<void> {
  const saved = await writeCheckpoint(ctx, state).catch((error: unknown) =>
    ctx.journal.warn(
      `Could not write the checkpoint: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  if (saved !== undefined) await ctx.onCheckpoint?.(saved, index);
}

/** Writes the checkpoint: the carried state as it is; undefined when there is none to write. */
export async function writeCheckpoint(
  ctx: RunContext,
  state: LoopState,
): Promise<string | undefined> {
  const dir = ctx.checkpointDir;
  if (!dir || !state.baseline || state.trees.baseline === '') return undefined;
  const { conversation, spent, iterations, plan, flaky, explanation } = state;
  const checkpoint: Checkpoint = {
    schemaVersion: 1,
    createdAt: new Date(ctx.now()).toISOString(),
    configDigest: configDigest(ctx.config, ctx.testCommand),
    testCommand: ctx.testCommand,
    conversation: completeTurnsOnly(conversation),
    bestPatch: await ctx.git.diff(state.trees.baseline, state.trees.best),
    bestFailing: state.best?.failures ?? [],
    baselineFailures: state.baseline.failures,
    baselineCounts: state.baseline.counts,
    spent,
    iterations,
    plan,
    flaky,
    explanation,
    model: modelOf(ctx.config),
  };
  return saveCheckpoint(dir, checkpoint);
}

/** The model settings a checkpoint keeps; a base URL's user and password are left out. */
function modelOf(config: RunContext['config']): NonNullable<Checkpoint['model']> {
  const { model, api, reasoningEffort, toolStyle } = config;
  return { model, api, baseUrl: withoutUrlCredentials(config.baseUrl), reasoningEffort, toolStyle };
}

/**
 * A checkpoint written while a turn's tool calls are still running (run_tests)
 * must not carry calls without results: the API would refuse it on resume.
 */
function completeTurnsOnly(state: ConversationState): ConversationState {
  const last = state.segments.at(-1);
  if (!last || last.kind !== 'turn') return state;
  const answered = new Set(
    last.items.flatMap((item) => (item.type === 'tool_result' ? [item.result.callId] : [])),
  );
  const complete = last.items.every(
    (item) => item.type !== 'tool_call' || answered.has(item.call.callId),
  );
  return complete ? state : { ...state, segments: state.segments.slice(0, -1) };
}
