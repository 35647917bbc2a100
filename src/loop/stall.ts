/**
 * The stall watch: signs that the model is going round in circles. Malformed tool calls or empty
 * answers in a row, turns that end without a change, and test runs that keep failing the same way
 * after a repeated change each end the run after a few in a row; a clean step resets the count.
 * Plain data, updated in place; each question answers with the stop that applies, if any.
 */
import type { ToolCall } from '../model/types.js';
import { RUN_TESTS } from '../tools/index.js';
import type { Evaluation } from './evaluate.js';
import { type Stop, stop } from './next-step.js';

/** Consecutive malformed tool calls or empty answers tolerated before the run ends. */
export const MALFORMED_LIMIT = 5;
export const EMPTY_ANSWER_LIMIT = 3;
/** Iterations in a row with the same failures and a repeated change before `no-progress`. */
export const NO_PROGRESS_LIMIT = 3;

export interface StallWatch {
  malformedInARow: number;
  emptyInARow: number;
  /** Turns ended without a change since the last test run. */
  idleEnds: number;
  noProgressStreak: number;
  /** How often each action (tool and arguments) was asked for. */
  readonly actionsSeen: Record<string, number>;
  repeatedActionSinceTests: boolean;
  /** Trees already tested. */
  readonly testedTrees: string[];
}

export function newStallWatch(): StallWatch {
  return {
    malformedInARow: 0,
    emptyInARow: 0,
    idleEnds: 0,
    noProgressStreak: 0,
    actionsSeen: {},
    repeatedActionSinceTests: false,
    testedTrees: [],
  };
}

/** A tool call of the model: too many malformed ones in a row end the run. */
export function watchToolCall(
  watch: StallWatch,
  call: ToolCall,
  malformed: boolean,
): Stop | undefined {
  watch.malformedInARow = malformed ? watch.malformedInARow + 1 : 0;
  if (watch.malformedInARow > MALFORMED_LIMIT)
    return stop(
      'model-error',
      `the model sent ${watch.malformedInARow} malformed tool calls in a row`,
    );
  noteAction(watch, call);
  return undefined;
}

function noteAction(watch: StallWatch, call: ToolCall): void {
  if (call.name === RUN_TESTS || call.name === 'update_plan') return;
  const key = `${call.name}:${call.rawArgs ?? JSON.stringify(call.args ?? null)}`;
  const seen = (watch.actionsSeen[key] ?? 0) + 1;
  watch.actionsSeen[key] = seen;
  if (seen > 1 && call.name === 'apply_patch') watch.repeatedActionSinceTests = true;
  if (seen > 2) watch.repeatedActionSinceTests = true;
}

/** A turn that ended with text (or without): too many empty answers in a row end the run. */
export function watchAnswer(watch: StallWatch, text: string): Stop | undefined {
  if (text.trim() !== '') {
    watch.emptyInARow = 0;
    return undefined;
  }
  watch.emptyInARow += 1;
  if (watch.emptyInARow < EMPTY_ANSWER_LIMIT) return undefined;
  return stop('model-error', `the model returned ${watch.emptyInARow} empty answers in a row`);
}

/** A turn that ended without changing anything since the last test run: twice, and it gave up. */
export function watchIdleEnd(watch: StallWatch): Stop | undefined {
  watch.idleEnds += 1;
  if (watch.idleEnds < 2) return undefined;
  return stop('model-gave-up', 'the model ended its turn twice without changing anything');
}

/** A test run of `tree`: the same failures after a repeated change, several times, is no progress. */
export function watchTestRun(
  watch: StallWatch,
  evaluation: Evaluation,
  tree: string,
): Stop | undefined {
  watch.idleEnds = 0;
  const repeated = watch.testedTrees.includes(tree) || watch.repeatedActionSinceTests;
  if (!watch.testedTrees.includes(tree)) watch.testedTrees.push(tree);
  watch.repeatedActionSinceTests = false;
  const stalled = evaluation.verdict !== 'success' && evaluation.sameFailuresAsBefore && repeated;
  watch.noProgressStreak = stalled ? watch.noProgressStreak + 1 : 0;
  if (watch.noProgressStreak < NO_PROGRESS_LIMIT) return undefined;
  return stop(
    'no-progress',
    `the same tests failed ${NO_PROGRESS_LIMIT} times in a row after repeated changes`,
  );
}
