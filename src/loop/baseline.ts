/**
 * Before the first model turn: the setup command, the baseline snapshot (and a resumed run's
 * changes), the baseline test run with its flaky reruns, and the pinned task that opens the
 * conversation. Each phase says whether the run goes on.
 */
import { findFlakyTests } from '../checks/rerun.js';
import { whyCannotRun } from '../checks/run-tests.js';
import type { TestRun } from '../checks/types.js';
import { sandboxHint } from '../workspace/sandbox.js';
import { configDigest } from './checkpoint.js';
import { cancelled, type RunContext } from './context.js';
import { toTestState } from './evaluate.js';
import { CONTINUE, type NextStep, stop } from './next-step.js';
import { pinnedTask } from './prompt.js';
import type { LoopState } from './state.js';

/** Setup command, then the baseline snapshot (and the resumed state, if any). */
export async function prepare(ctx: RunContext, state: LoopState): Promise<NextStep> {
  const setup = await runSetup(ctx);
  if (setup.kind === 'stop') return setup;
  state.trees.baseline = await ctx.git.snapshot();
  state.trees.best = state.trees.baseline;
  const resume = ctx.resume;
  if (!resume) return CONTINUE;
  if (resume.configDigest !== configDigest(ctx.config, ctx.testCommand)) {
    ctx.journal.warn(
      'resume-from: the checkpoint was made with different settings (task, test command or model); continuing anyway',
    );
  }
  if (resume.bestPatch.trim() !== '') await ctx.git.apply(resume.bestPatch);
  state.trees.best = await ctx.git.snapshot();
  state.iterations.push(...resume.iterations);
  state.plan = resume.plan;
  state.flaky.push(...resume.flaky);
  state.explanation = resume.explanation;
  ctx.log.info(
    `Resumed from a checkpoint of ${resume.createdAt}: ${resume.spent.iterations} iterations and ${resume.spent.turns} turns already spent`,
  );
  return CONTINUE;
}

async function runSetup(ctx: RunContext): Promise<NextStep> {
  const { config, log } = ctx;
  if (config.setupCommand === '') return CONTINUE;
  return log.group('Setup', async () => {
    log.info(`$ ${config.setupCommand}`);
    const result = await ctx.runner.run({
      command: config.setupCommand,
      cwd: config.workspace,
      env: ctx.env,
      timeoutMs: Math.min(config.testTimeoutSeconds * 1000, ctx.budget.remainingMs()),
    });
    if (result.exitCode === 0) return CONTINUE;
    log.info(result.output);
    const how = result.timedOut ? 'timed out' : `exit code ${result.exitCode}`;
    return stop('error', `setup-command failed (${how})`);
  });
}

/** The test run before the model changes anything; a green build without a task stops here. */
export async function runBaseline(ctx: RunContext, state: LoopState): Promise<NextStep> {
  const run = await ctx.log.group('Baseline test run', async () => {
    ctx.log.info(`$ ${ctx.testCommand}`);
    const result = await ctx.tests.run('baseline', { timeoutMs: ctx.budget.remainingMs() });
    // A passing run says so in one line (its counts), not with its whole log.
    ctx.log.info(result.exitCode === 0 ? firstLine(result.digest.text) : result.digest.text);
    return result;
  });
  const unusable = cancelled(ctx, state) ?? sandboxStop(ctx, run);
  if (unusable) return unusable;
  state.baseline = toTestState(run, state.trees.best, []);
  ctx.journal.record('tests', {
    label: 'baseline',
    exitCode: run.exitCode,
    counts: run.digest.counts,
    failures: run.digest.failures,
  });
  // A typo in the command or no tests at all: nothing for the model to fix.
  const unrunnable = await whyCannotRun(run);
  if (unrunnable) return stop('error', `the test command cannot run: ${unrunnable}`);
  return ctx.resume ? resumeFrom(ctx, state, run) : judgeBaseline(ctx, state, run);
}

/**
 * Every test run shares one sandbox and environment; a baseline that fails because the sandbox
 * hides something it needs stops here, before any model call, naming what is hidden.
 */
function sandboxStop(ctx: RunContext, run: TestRun): NextStep | undefined {
  if (run.exitCode === 0 || run.timedOut) return undefined;
  const hint = sandboxHint(run.logPath, ctx.env, ctx.config.workspace, ctx.runner);
  if (!hint) return undefined;
  ctx.log.warn(`Sandbox: ${hint}`);
  return stop('error', hint);
}

/** A resumed run keeps its first baseline's failures; its best state is the resumed changes. */
function resumeFrom(ctx: RunContext, state: LoopState, run: TestRun): NextStep {
  const resume = ctx.resume!;
  state.baseline = {
    ...state.baseline!,
    failures: resume.baselineFailures,
    counts: resume.baselineCounts,
  };
  state.best = toTestState(run, state.trees.best, state.flaky);
  state.trees.lastTested = state.trees.best;
  if (run.exitCode === 0) return stop('success', 'the tests pass with the resumed changes');
  return CONTINUE;
}

async function judgeBaseline(ctx: RunContext, state: LoopState, run: TestRun): Promise<NextStep> {
  const { config } = ctx;
  state.best = state.baseline;
  state.trees.lastTested = state.trees.baseline;
  if (run.timedOut && ctx.budget.remainingMs() === 0)
    return stop('timeout', 'the time limit was reached during the baseline test run');
  if (run.exitCode === 0 && config.task === '')
    return stop('already-green', 'the tests already pass and there is no task');
  if (run.exitCode !== 0 && config.flakyReruns > 0 && run.digest.failures.length > 0)
    await findFlakies(ctx, state, run);
  return CONTINUE;
}

/** Reruns the baseline's failing tests (only them where the runner allows it); those that pass are flaky. */
async function findFlakies(ctx: RunContext, state: LoopState, baseline: TestRun): Promise<void> {
  const check = await findFlakyTests({
    baseline,
    reruns: ctx.config.flakyReruns,
    maxFullSeconds: ctx.config.flakyRerunMaxSeconds,
    cwd: ctx.config.workspace,
    run: (label, command) => ctx.tests.run(label, { timeoutMs: ctx.budget.remainingMs(), command }),
  });
  for (const line of check.info) ctx.log.info(line);
  for (const note of check.notes) ctx.journal.warn(note);
  state.flaky.push(...check.flaky);
  if (state.flaky.length === 0) return;
  ctx.journal.warn(
    `Flaky tests (failed, then passed on a rerun; not targets): ${state.flaky.join(', ')}`,
  );
  state.baseline = {
    ...state.baseline!,
    failures: state.baseline!.failures.filter((f) => !state.flaky.includes(f.id)),
  };
  state.best = state.baseline;
}

/** The pinned task (with the baseline's digest) opens the conversation, or a resumed one. */
export function startConversation(ctx: RunContext, state: LoopState): NextStep {
  const run = state.baseline!;
  const pinned = pinnedTask(ctx.config.task, ctx.testCommand, run.digest, run.exitCode);
  state.conversation = { pinned, segments: ctx.resume?.conversation.segments ?? [] };
  state.iterationStart = { spent: state.spent, at: ctx.now() };
  return CONTINUE;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
