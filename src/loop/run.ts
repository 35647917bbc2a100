/**
 * The bounded loop. `runLoop` is the whole story:
 *
 *   prepare → baseline tests → (already green? stop) → pin the task → until a stop:
 *     check budget → compact if needed → ask the model → run its tools →
 *     run the tests when asked or when the model ends its turn → keep the best
 *     state → checkpoint.
 *
 * Every phase and every turn returns a NextStep: `continue`, or `stop` with the status that
 * becomes the action's `status` output. What the model can fix comes back to it as tool output.
 * The steps share an immutable RunContext (context.ts) and a plain-data LoopState (state.ts).
 */
import { prepare, runBaseline, startConversation } from './baseline.js';
import type { Spent } from './budget.js';
import { cancelled, createContext, type LoopDeps, type RunContext } from './context.js';
import type { TestState } from './evaluate.js';
import { writeCheckpoint } from './iteration.js';
import type { TranscriptEntry } from './journal.js';
import { CONTINUE, type NextStep, type Stop, stop } from './next-step.js';
import type { IterationRecord, PlanStep, RunStatus } from '../core/record.js';
import { initialState, type LoopState } from './state.js';
import { takeTurn } from './turn.js';
import { reportingWrites } from './writes.js';

export type { LoopDeps } from './context.js';
export type { TranscriptEntry } from './journal.js';

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

type Phase = (ctx: RunContext, state: LoopState) => Promise<NextStep> | NextStep;

/** Until a stop: a turn at a time, unless the run was cancelled. */
async function turns(ctx: RunContext, state: LoopState): Promise<NextStep> {
  let next: NextStep = CONTINUE;
  while (next.kind === 'continue') next = cancelled(ctx, state) ?? (await takeTurn(ctx, state));
  return next;
}

const PHASES: readonly Phase[] = [prepare, runBaseline, startConversation, turns];

export async function runLoop(deps: LoopDeps): Promise<LoopOutcome> {
  const state = initialState(deps.resume, (deps.now ?? Date.now)());
  // Every write is reported to git: its snapshots then look only at what changed.
  const ctx = createContext(reportingWrites(deps), state);
  let next: NextStep = CONTINUE;
  try {
    for (const phase of PHASES) if (next.kind === 'continue') next = await phase(ctx, state);
  } catch (error) {
    next = unexpected(ctx, error);
  }
  // Whatever a killed command or an aborted call led to, the run was cancelled.
  const end = next.kind === 'stop' && next.status === 'cancelled' ? next : cancelled(ctx, state);
  const final = end ?? (next.kind === 'stop' ? next : unexpected(ctx, 'the loop ended early'));
  ctx.journal.record('stop', { status: final.status, reason: final.reason });
  const finishedAt = await finish(ctx, state);
  return outcome(ctx, state, final, finishedAt);
}

/** An error no step expected ends the run with `error`, its stack among the warnings. */
function unexpected(ctx: RunContext, error: unknown): Stop {
  const message = error instanceof Error ? error.message : String(error);
  if (!ctx.signal?.aborted)
    ctx.journal.warn(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : message}`,
    );
  return stop('error', message);
}

/** Leaves the workspace in the best state and writes the last checkpoint; returns when it ended. */
async function finish(ctx: RunContext, state: LoopState): Promise<number> {
  ctx.journal.closeIteration();
  const finishedAt = ctx.now();
  try {
    const best = state.trees.best;
    if (best !== '' && (await ctx.git.snapshot()) !== best) await ctx.git.restore(best);
    if (state.iterations.length > 0 || ctx.resume) await writeCheckpoint(ctx, state);
  } catch (error) {
    ctx.journal.warn(
      `Could not restore the best state: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return finishedAt;
}

function outcome(ctx: RunContext, state: LoopState, end: Stop, finishedAt: number): LoopOutcome {
  return {
    status: end.status,
    stopReason: end.reason,
    baselineTree: state.trees.baseline,
    bestTree: state.trees.best,
    baseline: state.baseline,
    best: state.best,
    flaky: state.flaky,
    iterations: state.iterations,
    spent: state.spent,
    plan: state.plan,
    explanation: state.explanation,
    transcript: ctx.journal.transcript,
    warnings: ctx.journal.warnings,
    startedAt: ctx.startedAt,
    finishedAt,
  };
}
