/**
 * One model turn and everything it asks for: check the budget, compact if needed, ask the model,
 * then run its tools — or, when it ends its turn, test its changes, nudge it, or accept that it
 * gave up. A model error ends the run here, as a stop value like any other.
 */
import { ModelError } from '../model/errors.js';
import type { Item, ToolResult, Turn } from '../model/types.js';
import { afterCall } from './budget.js';
import { cancelled, type RunContext } from './context.js';
import { Conversation, inputOf, withMessage, withResults, withTurn } from './conversation.js';
import { runIteration } from './iteration.js';
import { CONTINUE, isStop, type NextStep, type Stop, stop } from './next-step.js';
import { watchAnswer, watchIdleEnd } from './stall.js';
import type { LoopState } from './state.js';
import { runTool } from './tool-call.js';

export async function takeTurn(ctx: RunContext, state: LoopState): Promise<NextStep> {
  const before = ctx.budget.exceeded(state.spent);
  if (before) return before;
  ctx.journal.openIteration(state.spent);
  const compacted = await compact(ctx, state, false);
  if (typeof compacted !== 'boolean') return compacted;
  // A compaction call is paid too: check again so no limit is overshot by more than one call.
  const turn = ctx.budget.exceeded(state.spent) ?? (await askModel(ctx, state));
  if (isStop(turn)) return turn;
  return turn.toolCalls.length === 0 ? endTurn(ctx, state, turn) : answerCalls(ctx, state, turn);
}

/** Runs the turn's tool calls; every call gets a result, even when the run stops mid-turn. */
async function answerCalls(ctx: RunContext, state: LoopState, turn: Turn): Promise<NextStep> {
  state.watch.emptyInARow = 0;
  const results: ToolResult[] = [];
  let next: NextStep = CONTINUE;
  try {
    for (const call of turn.toolCalls) {
      const ran = await runTool(ctx, state, call, next.kind === 'stop');
      if (ran.kind === 'stop') return ran;
      results.push(ran.result);
      if (ran.next.kind === 'stop') next = ran.next;
    }
  } finally {
    // So the conversation (and a checkpoint of it) stays valid for the API.
    const unanswered = turn.toolCalls.slice(results.length).map((call): ToolResult => ({
      callId: call.callId,
      name: call.name,
      wire: call.wire,
      output: 'Not run: the run is stopping.',
      ok: false,
    }));
    const items = [...results, ...unanswered].map((result): Item => ({
      type: 'tool_result',
      result,
    }));
    state.conversation = withResults(state.conversation, items);
  }
  return next;
}

/** Asks the model for its next turn, within the time left; a stop when none comes. */
async function askModel(ctx: RunContext, state: LoopState): Promise<Turn | Stop> {
  const timeout = AbortSignal.timeout(Math.max(1, ctx.budget.remainingMs()));
  const signal = ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout;
  const ask = (): Promise<Turn> =>
    ctx.model.turn({
      instructions: ctx.instructions,
      input: inputOf(state.conversation),
      tools: ctx.tools.specs,
      signal,
    });
  const turn = await ask()
    .catch(async (error: unknown) => {
      // The API counted more than our estimate: compact once and retry the turn.
      if (!(error instanceof ModelError && error.status === 'context-full')) throw error;
      const compacted = await compact(ctx, state, true);
      if (compacted !== true) return compacted === false ? Promise.reject(error) : compacted;
      return ctx.budget.exceeded(state.spent) ?? ask();
    })
    .catch((error: unknown) => {
      if (signal.aborted && !ctx.signal?.aborted)
        return stop('timeout', 'the time limit was reached while waiting for the model');
      return cancelled(ctx, state) ?? modelStop(error);
    });
  if (isStop(turn)) return turn;
  recordTurn(ctx, state, turn);
  return turn;
}

function recordTurn(ctx: RunContext, state: LoopState, turn: Turn): void {
  state.spent = afterCall(state.spent, turn.usage, turn.costUsd);
  state.conversation = withTurn(state.conversation, turn.items);
  if (turn.text.trim() !== '') state.explanation = turn.text.trim();
  ctx.journal.record('turn', {
    turn: state.spent.turns,
    items: turn.items,
    usage: turn.usage,
    costUsd: turn.costUsd,
    retries: turn.retries,
  });
  ctx.journal.progress(state);
}

/** A model error ends the run with its own status; anything else is unexpected. */
function modelStop(error: unknown): Stop {
  if (error instanceof ModelError) return stop(error.status, error.message);
  throw error;
}

/**
 * Compacts past the threshold (or now, when `force`d); whether it compacted, or the stop when
 * the conversation no longer fits the window.
 */
async function compact(ctx: RunContext, state: LoopState, force: boolean): Promise<boolean | Stop> {
  const conversation = new Conversation(state.conversation.pinned, state.conversation.segments);
  const event = await (
    force ? ctx.compactor.compactNow(conversation) : ctx.compactor.maybeCompact(conversation)
  ).catch(modelStop);
  if (event?.kind === 'stop') return event;
  state.conversation = conversation.state();
  if (event) {
    state.spent = { ...state.spent, compactions: state.spent.compactions + 1 };
    if (event.usage) state.spent = afterCall(state.spent, event.usage, event.costUsd);
    ctx.log.info(
      `Compacted the conversation (${event.kind}): ${event.tokensBefore} → ${event.tokensAfter} tokens`,
    );
    ctx.journal.record('compaction', event);
  }
  if (ctx.compactor.overflows(conversation)) {
    const window = `${ctx.model.contextWindow}-token context window`;
    return stop(
      'context-full',
      `the conversation no longer fits the ${window} (compaction: ${ctx.config.compaction})`,
    );
  }
  return event !== undefined;
}

/** The model ended its turn: test its changes, or nudge it, or accept that it gave up. */
async function endTurn(ctx: RunContext, state: LoopState, turn: Turn): Promise<NextStep> {
  const empty = watchAnswer(state.watch, turn.text);
  if (empty) return empty;
  if (turn.text.trim() === '') return nudge(state, EMPTY_ANSWER);
  if ((await ctx.git.snapshot()) !== state.trees.lastTested) {
    const tested = await runIteration(ctx, state, 'end of turn');
    if (tested.kind === 'stop') return tested;
    state.conversation = withMessage(state.conversation, ctx.redact(tested.message), 'digest');
    return tested.next;
  }
  return watchIdleEnd(state.watch) ?? nudge(state, NOTHING_CHANGED);
}

const EMPTY_ANSWER =
  'Your answer was empty. Continue the task with the tools, or explain why you cannot.';
const NOTHING_CHANGED =
  'The tests still fail and nothing changed since the last test run. Keep going: read the failing code, fix it with apply_patch, then call run_tests. If you are sure it cannot be fixed, explain why.';

function nudge(state: LoopState, text: string): NextStep {
  state.conversation = withMessage(state.conversation, text);
  return CONTINUE;
}
