/**
 * The bounded loop. Read `runLoop` first: it is the whole story.
 *
 *   prepare → baseline tests → (already green? stop) → until a stop:
 *     check budget → compact if needed → ask the model → run its tools →
 *     run the tests when asked or when the model ends its turn → keep the best
 *     state → checkpoint.
 *
 * What the model can fix comes back to it as tool output; what ends the run is
 * a StopRun whose status becomes the action's `status` output.
 */
import { findFlakyTests } from '../checks/rerun.js';
import type { Failure, TestRun } from '../checks/types.js';
import type { RunLog } from '../core/log.js';
import type { IterationRecord, PlanStep, RunStatus } from '../core/record.js';
import type { RunConfig } from '../config/types.js';
import { ModelError } from '../model/errors.js';
import type { Item, ModelClient, ToolCall, ToolResult, Turn } from '../model/types.js';
import { createToolBox, RUN_TESTS, type ToolBox } from '../tools/index.js';
import { formatPlan } from '../tools/plan.js';
import { progressLine } from '../report/progress.js';
import { type TestCommand, whyCannotRun } from '../checks/run-tests.js';
import { sandboxHint } from '../workspace/sandbox.js';
import type { Git, ProcessRunner, WorkspaceGuard } from '../workspace/types.js';
import {
  afterCall,
  type Budget,
  createBudget,
  limitsOf,
  nothingSpent,
  type Spent,
} from './budget.js';
import { type Checkpoint, configDigest, saveCheckpoint } from './checkpoint.js';
import { Compactor } from './compaction.js';
import { Conversation, type ConversationState } from './conversation.js';
import { type Evaluation, evaluateRun, type TestState, toTestState } from './evaluate.js';
import { pinnedTask, systemInstructions } from './prompt.js';
import { StopRun } from './stop.js';

export interface LoopDeps {
  readonly config: RunConfig;
  /** The test command actually used (configured or detected). */
  readonly testCommand: string;
  readonly model: ModelClient;
  readonly git: Git;
  readonly runner: ProcessRunner;
  readonly guard: WorkspaceGuard;
  readonly tests: TestCommand;
  /** Scrubbed environment for setup and model commands. */
  readonly env: Readonly<Record<string, string>>;
  readonly log: RunLog;
  /** Folder for checkpoints; none = no checkpoints. */
  readonly checkpointDir?: string;
  /** Called with the checkpoint file after each iteration's checkpoint (the action uploads it). */
  readonly onCheckpoint?: (file: string, iteration: number) => Promise<void>;
  readonly resume?: Checkpoint;
  /** Whether the endpoint is OpenAI's own (server compaction). */
  readonly openaiEndpoint: boolean;
  /** Removes known secrets and token shapes from text before the model reads it (defence in depth). */
  readonly redact?: (text: string) => string;
  readonly now?: () => number;
  /**
   * Aborted on Ctrl-C or SIGTERM: the running command's process group is killed (the runner
   * gets the same signal), and the loop stops with `cancelled` so what exists is still published.
   */
  readonly signal?: AbortSignal;
  /** Milliseconds kept aside for publishing before the wall-clock limit. */
  readonly publishReserveMs?: number;
}

export interface TranscriptEntry {
  readonly at: string;
  readonly kind: 'turn' | 'tool' | 'tests' | 'compaction' | 'note' | 'stop';
  readonly data: unknown;
}

export interface LoopOutcome {
  readonly status: RunStatus;
  readonly stopReason: string;
  readonly baselineTree: string;
  readonly bestTree: string;
  readonly baseline: TestState | undefined;
  readonly best: TestState | undefined;
  readonly flaky: readonly string[];
  readonly iterations: readonly IterationRecord[];
  readonly spent: Spent;
  readonly plan: readonly PlanStep[];
  readonly explanation: string;
  readonly transcript: readonly TranscriptEntry[];
  readonly warnings: readonly string[];
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** Consecutive malformed tool calls or empty answers tolerated before the run ends. */
const MALFORMED_LIMIT = 5;
const EMPTY_ANSWER_LIMIT = 3;
/** Iterations in a row with the same failures and a repeated change before `no-progress`. */
const NO_PROGRESS_LIMIT = 3;

export async function runLoop(deps: LoopDeps): Promise<LoopOutcome> {
  const run = new Run(deps);
  try {
    await run.prepare();
    await run.runBaseline();
    await run.pinTask();
    for (;;) {
      run.stopIfCancelled();
      await run.step();
    }
  } catch (error) {
    run.stopWith(error);
  } finally {
    await run.finish();
  }
  return run.outcome();
}

class Run {
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly budget: Budget;
  private spent: Spent;
  private readonly tools: ToolBox;
  private readonly instructions: string;
  private readonly transcript: TranscriptEntry[] = [];
  private readonly warnings: string[] = [];
  private readonly iterations: IterationRecord[] = [];
  private conversation = new Conversation('');
  private compactor: Compactor | undefined;
  private plan: readonly PlanStep[] = [];
  private flaky: string[] = [];
  private explanation = '';
  private status: RunStatus = 'error';
  private stopReason = 'the run did not start';
  private baselineTree = '';
  private bestTree = '';
  private lastTestedTree = '';
  private baseline: TestState | undefined;
  private best: TestState | undefined;
  private pendingStop: StopRun | undefined;
  private malformedInARow = 0;
  private emptyInARow = 0;
  private idleEnds = 0;
  private noProgressStreak = 0;
  private readonly actionsSeen = new Map<string, number>();
  private repeatedActionSinceTests = false;
  private readonly testedTrees = new Set<string>();
  private iterationStart = {
    turns: 0,
    input: 0,
    cached: 0,
    output: 0,
    cost: 0,
    at: 0,
    compactions: 0,
  };
  private finishedAt = 0;
  private groupOpen = false;
  /** "Iteration N" is the Nth test rerun, counting the one under way: the group title and progress lines agree. */
  private groupIteration = 0;

  constructor(private readonly deps: LoopDeps) {
    this.now = deps.now ?? Date.now;
    this.startedAt = this.now();
    const { config } = deps;
    this.budget = createBudget(limitsOf(config, this.startedAt, deps.publishReserveMs), this.now);
    this.spent = deps.resume ? { ...deps.resume.spent } : nothingSpent();
    this.tools = createToolBox({
      guard: deps.guard,
      runner: deps.runner,
      env: deps.env,
      onPlan: (plan) => this.showPlan(plan),
      remainingMs: () => this.budget.remainingMs(),
    });
    this.instructions = systemInstructions({
      testCommand: deps.testCommand,
      protectedPaths: config.protectedPaths,
      allowTestEdits: config.allowTestEdits,
      nativeTools: deps.model.nativeTools,
      maxIterations: config.maxIterations,
    });
  }

  /** Setup command, then the baseline snapshot (and the resumed state, if any). */
  async prepare(): Promise<void> {
    const { config, log } = this.deps;
    if (config.setupCommand !== '') {
      await log.group('Setup', async () => {
        log.info(`$ ${config.setupCommand}`);
        const result = await this.deps.runner.run({
          command: config.setupCommand,
          cwd: config.workspace,
          env: this.deps.env,
          timeoutMs: Math.min(config.testTimeoutSeconds * 1000, this.budget.remainingMs()),
        });
        if (result.exitCode !== 0) {
          log.info(result.output);
          throw new StopRun(
            'error',
            `setup-command failed (${result.timedOut ? 'timed out' : `exit code ${result.exitCode}`})`,
          );
        }
      });
    }
    this.baselineTree = await this.deps.git.snapshot();
    this.bestTree = this.baselineTree;
    const resume = this.deps.resume;
    if (resume) {
      if (resume.configDigest !== configDigest(config, this.deps.testCommand)) {
        this.warn(
          'resume-from: the checkpoint was made with different settings (task, test command or model); continuing anyway',
        );
      }
      if (resume.bestPatch.trim() !== '') await this.deps.git.apply(resume.bestPatch);
      this.bestTree = await this.deps.git.snapshot();
      this.iterations.push(...resume.iterations);
      this.plan = resume.plan;
      this.flaky = [...resume.flaky];
      this.explanation = resume.explanation;
      log.info(
        `Resumed from a checkpoint of ${resume.createdAt}: ${resume.spent.iterations} iterations and ${resume.spent.turns} turns already spent`,
      );
    }
  }

  /** The test run before the model changes anything; a green build without a task stops here. */
  async runBaseline(): Promise<void> {
    const { config, log } = this.deps;
    const run = await log.group('Baseline test run', async () => {
      log.info(`$ ${this.deps.testCommand}`);
      const running = this.deps.tests.run('baseline', {
        timeoutMs: this.budget.remainingMs(),
      });
      const result = await running;
      // A passing run says so in one line (its counts), not with its whole log.
      log.info(result.exitCode === 0 ? firstLine(result.digest.text) : result.digest.text);
      return result;
    });
    this.stopIfCancelled();
    // Every test run shares one sandbox and environment; a baseline that fails because the sandbox
    // hides something it needs stops here, before any model call, naming what is hidden.
    const hint =
      run.exitCode !== 0 && !run.timedOut
        ? sandboxHint(run.logPath, this.deps.env, config.workspace, this.deps.runner)
        : undefined;
    if (hint) {
      log.warn(`Sandbox: ${hint}`);
      throw new StopRun('error', hint);
    }
    this.baseline = toTestState(run, this.bestTree, []);
    this.record('tests', {
      label: 'baseline',
      exitCode: run.exitCode,
      counts: run.digest.counts,
      failures: run.digest.failures,
    });
    // A typo in the command or no tests at all: nothing for the model to fix.
    const unrunnable = await whyCannotRun(run);
    if (unrunnable) throw new StopRun('error', `the test command cannot run: ${unrunnable}`);
    if (this.deps.resume) {
      this.baseline = {
        ...this.baseline,
        failures: this.deps.resume.baselineFailures,
        counts: this.deps.resume.baselineCounts,
      };
      this.best = toTestState(run, this.bestTree, this.flaky);
      this.lastTestedTree = this.bestTree;
      if (run.exitCode === 0)
        throw new StopRun('success', 'the tests pass with the resumed changes');
      return;
    }
    this.best = this.baseline;
    this.lastTestedTree = this.baselineTree;
    if (run.timedOut && this.budget.remainingMs() === 0)
      throw new StopRun('timeout', 'the time limit was reached during the baseline test run');
    if (run.exitCode === 0 && config.task === '') {
      throw new StopRun('already-green', 'the tests already pass and there is no task');
    }
    if (run.exitCode !== 0 && config.flakyReruns > 0 && run.digest.failures.length > 0)
      await this.findFlakyTests(run);
  }

  /** Reruns the baseline's failing tests (only them where the runner allows it); those that pass are flaky. */
  private async findFlakyTests(baseline: TestRun): Promise<void> {
    const check = await findFlakyTests({
      baseline,
      reruns: this.deps.config.flakyReruns,
      maxFullSeconds: this.deps.config.flakyRerunMaxSeconds,
      cwd: this.deps.config.workspace,
      run: (label, command) =>
        this.deps.tests.run(label, { timeoutMs: this.budget.remainingMs(), command }),
    });
    for (const note of check.notes) this.warn(note);
    this.flaky.push(...check.flaky);
    if (this.flaky.length > 0) {
      this.warn(
        `Flaky tests (failed, then passed on a rerun; not targets): ${this.flaky.join(', ')}`,
      );
      this.baseline = {
        ...this.baseline!,
        failures: this.baseline!.failures.filter((f) => !this.flaky.includes(f.id)),
      };
      this.best = this.baseline;
    }
  }

  async pinTask(): Promise<void> {
    const run = this.baseline!;
    const pinned = pinnedTask(
      this.deps.config.task,
      this.deps.testCommand,
      run.digest,
      run.exitCode,
    );
    this.conversation = new Conversation(pinned, this.deps.resume?.conversation.segments ?? []);
    this.compactor = new Compactor({
      mode: this.deps.config.compaction,
      model: this.deps.model,
      openaiEndpoint: this.deps.openaiEndpoint,
      instructions: this.instructions,
      tools: this.tools.specs,
      contextWindow: this.deps.model.contextWindow,
      threshold: this.deps.config.compactThreshold,
      log: (line) => this.deps.log.info(line),
    });
    this.startIteration();
  }

  /** One model turn and everything it asks for. */
  async step(): Promise<void> {
    this.checkBudget();
    this.openIterationGroup();
    await this.compactIfNeeded();
    // A compaction call is paid too: check again so no limit is overshot by more than one call.
    this.checkBudget();
    const turn = await this.askModel();
    if (turn.toolCalls.length === 0) return this.onTurnEnd(turn);
    this.emptyInARow = 0;
    const results: ToolResult[] = [];
    try {
      for (const call of turn.toolCalls) results.push(await this.runTool(call));
    } finally {
      // Every call gets a result, even when the run stops mid-turn, so the
      // conversation (and a checkpoint of it) stays valid for the API.
      const unanswered = turn.toolCalls.slice(results.length).map((call): ToolResult => ({
        callId: call.callId,
        name: call.name,
        wire: call.wire,
        output: 'Not run: the run is stopping.',
        ok: false,
      }));
      this.conversation.addResults(
        [...results, ...unanswered].map((result): Item => ({ type: 'tool_result', result })),
      );
    }
    if (this.pendingStop) throw this.pendingStop;
  }

  private async askModel(): Promise<Turn> {
    const timeout = AbortSignal.timeout(Math.max(1, this.budget.remainingMs()));
    const signal = this.deps.signal ? AbortSignal.any([timeout, this.deps.signal]) : timeout;
    const ask = (): Promise<Turn> =>
      this.deps.model.turn({
        instructions: this.instructions,
        input: this.conversation.input(),
        tools: this.tools.specs,
        signal,
      });
    let turn: Turn;
    try {
      turn = await ask().catch(async (error: unknown) => {
        // The API counted more than our estimate: compact once and retry the turn.
        if (!(error instanceof ModelError && error.status === 'context-full')) throw error;
        if (!(await this.compactIfNeeded(true))) throw error;
        this.checkBudget();
        return ask();
      });
    } catch (error) {
      this.stopIfCancelled();
      if (signal.aborted)
        throw new StopRun('timeout', 'the time limit was reached while waiting for the model');
      throw error;
    }
    this.spent = afterCall(this.spent, turn.usage, turn.costUsd);
    this.conversation.addTurn(turn.items);
    if (turn.text.trim() !== '') this.explanation = turn.text.trim();
    this.record('turn', {
      turn: this.spent.turns,
      items: turn.items,
      usage: turn.usage,
      costUsd: turn.costUsd,
      retries: turn.retries,
    });
    this.deps.log.progress(this.progressLine());
    return turn;
  }

  private async runTool(call: ToolCall): Promise<ToolResult> {
    const malformed =
      call.argsError !== undefined ||
      !this.tools.specs.some(
        (spec) => spec.name === call.name || (call.name === 'local_shell' && spec.name === 'shell'),
      );
    this.malformedInARow = malformed ? this.malformedInARow + 1 : 0;
    if (this.malformedInARow > MALFORMED_LIMIT) {
      throw new StopRun(
        'model-error',
        `the model sent ${this.malformedInARow} malformed tool calls in a row`,
      );
    }
    this.noteAction(call);
    const raw =
      call.name === RUN_TESTS && !malformed
        ? await this.testsForTool(call)
        : await this.tools.execute(call);
    const result = this.redactResult(raw);
    this.record('tool', {
      call: { name: call.name, args: call.args, argsError: call.argsError },
      ok: result.ok,
      output: result.output,
    });
    this.deps.log.info(`${result.ok ? '✓' : '✗'} ${describeCall(call)}`);
    return result;
  }

  private redactResult(result: ToolResult): ToolResult {
    const redact = this.deps.redact;
    if (!redact) return result;
    return {
      ...result,
      output: redact(result.output),
      ...(result.shell
        ? {
            shell: {
              ...result.shell,
              stdout: redact(result.shell.stdout),
              stderr: redact(result.shell.stderr),
              outputs: result.shell.outputs?.map((o) => ({
                ...o,
                stdout: redact(o.stdout),
                stderr: redact(o.stderr),
              })),
            },
          }
        : {}),
    };
  }

  /** The model asked for a test run: run it now and answer with the digest. */
  private async testsForTool(call: ToolCall): Promise<ToolResult> {
    const message = this.pendingStop
      ? 'The run is stopping; no more test runs.'
      : await this.iterate('run_tests');
    return { callId: call.callId, name: call.name, wire: call.wire, output: message, ok: true };
  }

  /** The model ended its turn: test its changes, or nudge it, or accept that it gave up. */
  private async onTurnEnd(turn: Turn): Promise<void> {
    if (turn.text.trim() === '') {
      this.emptyInARow += 1;
      if (this.emptyInARow >= EMPTY_ANSWER_LIMIT) {
        throw new StopRun(
          'model-error',
          `the model returned ${this.emptyInARow} empty answers in a row`,
        );
      }
      this.conversation.addMessage(
        'Your answer was empty. Continue the task with the tools, or explain why you cannot.',
      );
      return;
    }
    this.emptyInARow = 0;
    const tree = await this.deps.git.snapshot();
    if (tree !== this.lastTestedTree) {
      const digest = await this.iterate('end of turn');
      this.conversation.addMessage(this.deps.redact ? this.deps.redact(digest) : digest, 'digest');
      if (this.pendingStop) throw this.pendingStop;
      return;
    }
    this.idleEnds += 1;
    if (this.idleEnds >= 2) {
      throw new StopRun(
        'model-gave-up',
        'the model ended its turn twice without changing anything',
      );
    }
    this.conversation.addMessage(
      'The tests still fail and nothing changed since the last test run. Keep going: read the failing code, fix it with apply_patch, then call run_tests. If you are sure it cannot be fixed, explain why.',
    );
  }

  /** One iteration: rerun the tests, compare with the best state, keep or roll back. */
  private async iterate(trigger: string): Promise<string> {
    if (!this.budget.canRunTests(this.spent)) {
      this.pendingStop = new StopRun(
        'budget-iterations',
        `all ${this.deps.config.maxIterations} test reruns (max-iterations) were used`,
      );
      return 'No test reruns are left.';
    }
    this.spent = { ...this.spent, iterations: this.spent.iterations + 1 };
    this.idleEnds = 0;
    const index = this.spent.iterations;
    const tree = await this.deps.git.snapshot();
    this.deps.log.info(`Running the tests (${trigger}): ${this.deps.testCommand}`);
    const run = await this.deps.tests.run(`iteration-${index}`, {
      timeoutMs: this.budget.remainingMs(),
    });
    this.stopIfCancelled();
    const evaluation = evaluateRun({
      run,
      tree,
      baseline: this.baseline!,
      best: this.best!,
      flaky: this.flaky,
      allowTestEdits: this.deps.config.allowTestEdits,
    });
    this.record('tests', {
      label: `iteration-${index}`,
      exitCode: run.exitCode,
      counts: run.digest.counts,
      failures: run.digest.failures,
      verdict: evaluation.verdict,
      note: evaluation.note,
    });
    await this.settle(evaluation, tree);
    this.recordIteration(evaluation);
    this.checkProgress(evaluation, tree);
    const saved = await this.checkpoint().catch((error: unknown) =>
      this.warn(
        `Could not write the checkpoint: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    if (saved !== undefined) await this.deps.onCheckpoint?.(saved, index);
    this.deps.log.progress(this.progressLine());
    if (evaluation.verdict === 'success') {
      this.pendingStop = new StopRun('success', 'the test command passes');
    } else if (run.timedOut && this.budget.remainingMs() === 0) {
      this.pendingStop = new StopRun('timeout', 'the time limit was reached during a test run');
    } else if (!this.budget.canRunTests(this.spent)) {
      this.pendingStop = new StopRun(
        'budget-iterations',
        `all ${this.deps.config.maxIterations} test reruns (max-iterations) were used`,
      );
    }
    this.lastTestedTree = await this.deps.git.snapshot();
    this.closeIterationGroup();
    this.startIteration();
    return evaluation.message;
  }

  /** Keeps a better state as the best one; rolls a worse one back. */
  private async settle(evaluation: Evaluation, tree: string): Promise<void> {
    if (evaluation.verdict === 'worse') {
      await this.deps.git.restore(this.bestTree);
      this.deps.log.warn(`Rolled back the last changes. ${evaluation.note ?? ''}`.trim());
      return;
    }
    this.best = evaluation.state;
    this.bestTree = tree;
  }

  private checkProgress(evaluation: Evaluation, tree: string): void {
    const sameFailures = evaluation.sameFailuresAsBefore;
    const repeated = this.testedTrees.has(tree) || this.repeatedActionSinceTests;
    this.testedTrees.add(tree);
    this.repeatedActionSinceTests = false;
    this.noProgressStreak =
      evaluation.verdict !== 'success' && sameFailures && repeated ? this.noProgressStreak + 1 : 0;
    if (this.noProgressStreak >= NO_PROGRESS_LIMIT) {
      this.pendingStop = new StopRun(
        'no-progress',
        `the same tests failed ${NO_PROGRESS_LIMIT} times in a row after repeated changes`,
      );
    }
  }

  private noteAction(call: ToolCall): void {
    if (call.name === RUN_TESTS || call.name === 'update_plan') return;
    const key = `${call.name}:${call.rawArgs ?? JSON.stringify(call.args ?? null)}`;
    const seen = (this.actionsSeen.get(key) ?? 0) + 1;
    this.actionsSeen.set(key, seen);
    if (seen > 1 && call.name === 'apply_patch') this.repeatedActionSinceTests = true;
    if (seen > 2) this.repeatedActionSinceTests = true;
  }

  /** Compacts past the threshold (or now, when `force`d); returns whether it compacted. */
  private async compactIfNeeded(force = false): Promise<boolean> {
    const compactor = this.compactor!;
    const event = force
      ? await compactor.compactNow(this.conversation)
      : await compactor.maybeCompact(this.conversation);
    if (event) {
      this.spent = { ...this.spent, compactions: this.spent.compactions + 1 };
      if (event.usage) this.spent = afterCall(this.spent, event.usage, event.costUsd);
      this.deps.log.info(
        `Compacted the conversation (${event.kind}): ${event.tokensBefore} → ${event.tokensAfter} tokens`,
      );
      this.record('compaction', event);
    }
    if (compactor.overflows(this.conversation)) {
      throw new StopRun(
        'context-full',
        `the conversation no longer fits the ${this.deps.model.contextWindow}-token context window (compaction: ${this.deps.config.compaction})`,
      );
    }
    return event !== undefined;
  }

  /** Stops before a paid call once a budget is exhausted. */
  private checkBudget(): void {
    const exceeded = this.budget.exceeded(this.spent);
    if (exceeded) throw new StopRun(exceeded.status, exceeded.reason);
  }

  private showPlan(plan: readonly PlanStep[]): void {
    this.plan = plan;
    this.deps.log.info(`Plan:\n${formatPlan(plan)}`);
  }

  /** Ends the run with `cancelled` once the run's signal is aborted (Ctrl-C, SIGTERM). */
  stopIfCancelled(): void {
    if (this.deps.signal?.aborted) throw this.cancelled(this.deps.signal);
  }

  private cancelled(signal: AbortSignal): StopRun {
    const during = this.baseline ? '' : ' during the baseline test run';
    return new StopRun('cancelled', `stopped by ${reasonOf(signal)}${during}`);
  }

  /** Turns whatever ended the loop into its status. */
  stopWith(error: unknown): void {
    // Whatever a killed command or an aborted call led to, the run was cancelled.
    const signal = this.deps.signal;
    if (signal?.aborted && !(StopRun.is(error) && error.status === 'cancelled'))
      error = this.cancelled(signal);
    if (StopRun.is(error)) {
      this.status = error.status;
      this.stopReason = error.reason;
    } else if (error instanceof ModelError) {
      this.status = error.status;
      this.stopReason = error.message;
    } else {
      this.status = 'error';
      this.stopReason = error instanceof Error ? error.message : String(error);
      this.warn(
        `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    this.record('stop', { status: this.status, reason: this.stopReason });
  }

  /** Leaves the workspace in the best state and writes the last checkpoint. */
  async finish(): Promise<void> {
    this.closeIterationGroup();
    this.finishedAt = this.now();
    try {
      if (this.bestTree !== '' && (await this.deps.git.snapshot()) !== this.bestTree) {
        await this.deps.git.restore(this.bestTree);
      }
      if (this.iterations.length > 0 || this.deps.resume) await this.checkpoint();
    } catch (error) {
      this.warn(
        `Could not restore the best state: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  outcome(): LoopOutcome {
    return {
      status: this.status,
      stopReason: this.stopReason,
      baselineTree: this.baselineTree,
      bestTree: this.bestTree,
      baseline: this.baseline,
      best: this.best,
      flaky: this.flaky,
      iterations: this.iterations,
      spent: this.spent,
      plan: this.plan,
      explanation: this.explanation,
      transcript: this.transcript,
      warnings: this.warnings,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt || this.now(),
    };
  }

  /** Writes the checkpoint; returns its file, undefined when there is none to write. */
  private async checkpoint(): Promise<string | undefined> {
    const dir = this.deps.checkpointDir;
    if (!dir || !this.baseline || this.baselineTree === '') return undefined;
    const checkpoint: Checkpoint = {
      schemaVersion: 1,
      createdAt: new Date(this.now()).toISOString(),
      configDigest: configDigest(this.deps.config, this.deps.testCommand),
      testCommand: this.deps.testCommand,
      conversation: completeTurnsOnly(this.conversation.state()),
      bestPatch: await this.deps.git.diff(this.baselineTree, this.bestTree),
      bestFailing: this.best?.failures ?? [],
      baselineFailures: this.baseline.failures,
      baselineCounts: this.baseline.counts,
      spent: { ...this.spent },
      iterations: this.iterations,
      plan: this.plan,
      flaky: this.flaky,
      explanation: this.explanation,
    };
    return saveCheckpoint(dir, checkpoint);
  }

  /** One log group per iteration: from its first model turn to its test run. */
  private openIterationGroup(): void {
    if (this.groupOpen) return;
    this.groupIteration = Math.min(this.spent.iterations + 1, this.deps.config.maxIterations);
    const title = `Iteration ${this.groupIteration}/${this.deps.config.maxIterations}`;
    if (this.deps.log.startGroup) this.deps.log.startGroup(title);
    else this.deps.log.info(`── ${title}`);
    this.groupOpen = true;
  }

  private closeIterationGroup(): void {
    if (!this.groupOpen) return;
    this.deps.log.endGroup?.();
    this.groupOpen = false;
  }

  private startIteration(): void {
    const s = this.spent;
    this.iterationStart = {
      turns: s.turns,
      input: s.inputTokens,
      cached: s.cachedInputTokens,
      output: s.outputTokens,
      cost: s.costUsd,
      at: this.now(),
      compactions: s.compactions,
    };
  }

  private recordIteration(evaluation: Evaluation): void {
    const s = this.spent;
    const from = this.iterationStart;
    this.iterations.push({
      index: s.iterations,
      turns: s.turns - from.turns,
      inputTokens: s.inputTokens - from.input,
      cachedInputTokens: s.cachedInputTokens - from.cached,
      outputTokens: s.outputTokens - from.output,
      costUsd: s.costUsd - from.cost,
      durationMs: this.now() - from.at,
      failing: evaluation.state.failures.length,
      passed: evaluation.state.counts.passed,
      exitCode: evaluation.state.exitCode,
      rolledBack: evaluation.verdict === 'worse',
      ...(evaluation.note ? { note: evaluation.note } : {}),
      compactions: s.compactions - from.compactions,
    });
  }

  private progressLine(): string {
    const s = this.spent;
    return progressLine({
      iteration: this.groupOpen ? this.groupIteration : s.iterations,
      maxIterations: this.deps.config.maxIterations,
      failing: this.best?.failures.length ?? 0,
      baselineFailing: this.baseline?.failures.length ?? 0,
      tokens: s.inputTokens + s.outputTokens,
      costUsd: s.costUsd,
      model: this.deps.config.model,
      elapsedMs: this.now() - this.startedAt,
    });
  }

  private record(kind: TranscriptEntry['kind'], data: unknown): void {
    this.transcript.push({ at: new Date(this.now()).toISOString(), kind, data });
  }

  private warn(line: string): void {
    this.warnings.push(line);
    this.deps.log.warn(line);
  }
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

/** `SIGINT` or `SIGTERM` when the signal was aborted with that name as its reason. */
function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return typeof reason === 'string' ? reason : 'a cancellation';
}

function describeCall(call: ToolCall): string {
  const args = call.args as Record<string, unknown> | undefined;
  if (call.name === 'shell') {
    const command = args?.command ?? args?.commands;
    return `shell ${Array.isArray(command) ? command.join(' ') : String(command ?? '')}`.slice(
      0,
      160,
    );
  }
  if (call.name === 'apply_patch') {
    const op = args?.operation as { type?: string; path?: string } | undefined;
    if (op) return `apply_patch ${op.type} ${op.path}`;
    const files = String(args?.patch ?? '').match(/^\*\*\* (Add|Update|Delete) File: .+$/gm) ?? [];
    return `apply_patch ${files.map((f) => f.replace('*** ', '')).join(', ')}`.slice(0, 160);
  }
  return call.name;
}

export type { Failure };

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
