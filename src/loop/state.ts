/**
 * The loop's state: plain data, updated by the steps. Its first six fields are what a checkpoint
 * carries, saved as they are (checkpoint.ts); the rest is where this job's workspace stands.
 */
import { type Spent, nothingSpent } from './budget.js';
import type { Checkpoint } from './checkpoint.js';
import type { ConversationState } from './conversation.js';
import type { TestState } from './evaluate.js';
import type { IterationRecord, PlanStep } from '../core/record.js';
import { newStallWatch, type StallWatch } from './stall.js';

export interface LoopState {
  conversation: ConversationState;
  spent: Spent;
  readonly iterations: IterationRecord[];
  plan: readonly PlanStep[];
  readonly flaky: string[];
  /** The model's last explanation. */
  explanation: string;

  /** The baseline test run (with a resumed run's baseline failures). */
  baseline: TestState | undefined;
  /** The best test run so far: the state that is published. */
  best: TestState | undefined;
  /** Snapshot trees: before any change, of the best state, and of the last test run. */
  readonly trees: { baseline: string; best: string; lastTested: string };
  readonly watch: StallWatch;
  /** What was spent when the iteration under way began, and when. */
  iterationStart: { readonly spent: Spent; readonly at: number };
}

/** The fields of the state that a checkpoint carries as they are. */
export type CarriedState = Pick<
  LoopState,
  'conversation' | 'spent' | 'iterations' | 'plan' | 'flaky' | 'explanation'
>;

/** A new run's state; a resumed run starts with what its checkpoint spent. */
export function initialState(resume: Checkpoint | undefined, now: number): LoopState {
  const spent = resume ? { ...resume.spent } : nothingSpent();
  return {
    conversation: { pinned: '', segments: [] },
    spent,
    iterations: [],
    plan: [],
    flaky: [],
    explanation: '',
    baseline: undefined,
    best: undefined,
    trees: { baseline: '', best: '', lastTested: '' },
    watch: newStallWatch(),
    iterationStart: { spent, at: now },
  };
}
