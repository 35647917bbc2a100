/**
 * The run context: everything a step reads and never changes — the instructions, the tools, the
 * limits, the ports (model, git, runner, tests, log) and the clock. Built once per run.
 */
import type { TestCommand } from '../checks/run-tests.js';
import type { RunConfig } from '../config/types.js';
import type { ModelClient } from '../model/types.js';
import { createToolBox, type ToolBox } from '../tools/index.js';
import { formatPlan } from '../tools/plan.js';
import type { Git, ProcessRunner, WorkspaceGuard } from '../workspace/types.js';
import { type Budget, createBudget, limitsOf } from './budget.js';
import type { Checkpoint } from './checkpoint.js';
import { Compactor } from './compaction.js';
import type { RunLog } from '../core/log.js';
import { createJournal, type Journal } from './journal.js';
import { type Stop, stop } from './next-step.js';
import { systemInstructions } from './prompt.js';
import type { LoopState } from './state.js';

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

export interface RunContext extends Omit<LoopDeps, 'now' | 'redact' | 'publishReserveMs'> {
  readonly now: () => number;
  readonly startedAt: number;
  readonly redact: (text: string) => string;
  readonly budget: Budget;
  readonly instructions: string;
  readonly tools: ToolBox;
  readonly compactor: Compactor;
  readonly journal: Journal;
}

/** The context of one run; the plan tool writes the plan into `state`. */
export function createContext(deps: LoopDeps, state: LoopState): RunContext {
  const { config, log, model } = deps;
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const budget = createBudget(limitsOf(config, startedAt, deps.publishReserveMs), now);
  const tools = createToolBox({
    guard: deps.guard,
    runner: deps.runner,
    env: deps.env,
    onPlan: (plan) => {
      state.plan = plan;
      log.info(`Plan:\n${formatPlan(plan)}`);
    },
    remainingMs: () => budget.remainingMs(),
  });
  const instructions = systemInstructions({
    testCommand: deps.testCommand,
    protectedPaths: config.protectedPaths,
    allowTestEdits: config.allowTestEdits,
    nativeTools: model.nativeTools,
    maxIterations: config.maxIterations,
  });
  const compactor = new Compactor({
    mode: config.compaction,
    model,
    openaiEndpoint: deps.openaiEndpoint,
    instructions,
    tools: tools.specs,
    contextWindow: model.contextWindow,
    threshold: config.compactThreshold,
    log: (line) => log.info(line),
  });
  const journal = createJournal({
    log,
    now,
    startedAt,
    maxIterations: config.maxIterations,
    model: config.model,
  });
  const redact = deps.redact ?? ((text: string) => text);
  return { ...deps, now, startedAt, redact, budget, instructions, tools, compactor, journal };
}

/** `cancelled` once the run's signal is aborted (Ctrl-C, SIGTERM), else nothing. */
export function cancelled(ctx: RunContext, state: LoopState): Stop | undefined {
  if (!ctx.signal?.aborted) return undefined;
  const during = state.baseline ? '' : ' during the baseline test run';
  return stop('cancelled', `stopped by ${reasonOf(ctx.signal)}${during}`);
}

/** `SIGINT` or `SIGTERM` when the signal was aborted with that name as its reason. */
function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return typeof reason === 'string' ? reason : 'a cancellation';
}
