/**
 * The conversation the model sees: a pinned task message followed by segments.
 * A segment is one model turn with the results of its tool calls, or one
 * message from the loop (a test digest, a nudge, a handoff). Compaction only
 * ever rewrites or drops whole segments, so every tool call keeps its result.
 */
import type { Item } from '../model/types.js';

export interface Segment {
  readonly kind: 'turn' | 'message' | 'handoff' | 'digest';
  readonly items: readonly Item[];
}

export interface ConversationState {
  readonly pinned: string;
  readonly segments: readonly Segment[];
}

export class Conversation {
  private segmentList: Segment[];

  constructor(
    /** The task (and baseline digest); always the first input item. */
    readonly pinned: string,
    segments: readonly Segment[] = [],
  ) {
    this.segmentList = [...segments];
  }

  get segments(): readonly Segment[] {
    return this.segmentList;
  }

  /** The request input: pinned task first, then every segment in order. */
  input(): Item[] {
    return [userMessage(this.pinned), ...this.segmentList.flatMap((segment) => segment.items)];
  }

  addTurn(items: readonly Item[]): void {
    this.segmentList.push({ kind: 'turn', items });
  }

  /** Appends tool results to the last turn segment (they answer its calls). */
  addResults(items: readonly Item[]): void {
    const last = this.segmentList.at(-1);
    if (!last || last.kind !== 'turn') throw new Error('tool results must follow a model turn');
    this.segmentList[this.segmentList.length - 1] = {
      kind: 'turn',
      items: [...last.items, ...items],
    };
  }

  addMessage(text: string, kind: 'message' | 'digest' = 'message'): void {
    this.segmentList.push({ kind, items: [userMessage(text)] });
  }

  /** The text of the latest digest message or run_tests result, if any. */
  latestDigest(): string | undefined {
    for (let i = this.segmentList.length - 1; i >= 0; i--) {
      const segment = this.segmentList[i]!;
      for (let j = segment.items.length - 1; j >= 0; j--) {
        const item = segment.items[j]!;
        if (segment.kind === 'digest' && item.type === 'message') return item.text;
        if (item.type === 'tool_result' && item.result.name === 'run_tests')
          return item.result.output;
      }
    }
    return undefined;
  }

  replace(segments: readonly Segment[]): void {
    this.segmentList = [...segments];
  }

  state(): ConversationState {
    return { pinned: this.pinned, segments: this.segmentList };
  }
}

/** A model turn appended (plain data in, plain data out: the loop's state keeps this shape). */
export function withTurn(state: ConversationState, items: readonly Item[]): ConversationState {
  return { ...state, segments: [...state.segments, { kind: 'turn', items }] };
}

/** Tool results appended to the last turn segment (they answer its calls). */
export function withResults(state: ConversationState, items: readonly Item[]): ConversationState {
  const conversation = new Conversation(state.pinned, state.segments);
  conversation.addResults(items);
  return conversation.state();
}

export function withMessage(
  state: ConversationState,
  text: string,
  kind: 'message' | 'digest' = 'message',
): ConversationState {
  return { ...state, segments: [...state.segments, { kind, items: [userMessage(text)] }] };
}

export function inputOf(state: ConversationState): Item[] {
  return new Conversation(state.pinned, state.segments).input();
}

export function userMessage(text: string): Item {
  return { type: 'message', role: 'user', text };
}
