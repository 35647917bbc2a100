/**
 * Keeps the conversation inside the context window.
 *
 * - mask: older tool outputs (and the patch text of older calls) become
 *   one-line placeholders; the last few stay whole. If that is not enough, the
 *   oldest segments are dropped behind one note. No model call.
 * - summary: the model writes a structured handoff that replaces every
 *   segment; the pinned task and the latest digest stay verbatim.
 * - server: the Responses API's own compaction; falls back to summary.
 * - auto: server on OpenAI's endpoint, else mask, then summary if masking is
 *   not enough.
 * The instructions, tools and pinned task are never touched, so the request
 * prefix stays byte-identical and the provider's prompt cache keeps hitting.
 */
import type { CompactionMode } from '../config/types.js';
import type { Item, ModelClient, ToolSpec, Usage } from '../model/types.js';
import {
  countTokens,
  ESTIMATE_FLOOR,
  isTokenizerLoaded,
  itemTokens,
  loadTokenizer,
} from '../model/tokens.js';
import { type Conversation, type Segment, userMessage } from './conversation.js';

export type CompactionKind = 'mask' | 'summary' | 'server';

export interface CompactionEvent {
  readonly kind: CompactionKind;
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  readonly usage?: Usage;
  readonly costUsd: number;
}

export interface CompactorOptions {
  readonly mode: CompactionMode;
  readonly model: ModelClient;
  /** Whether the endpoint is OpenAI's own (server compaction available). */
  readonly openaiEndpoint: boolean;
  readonly instructions: string;
  readonly tools: readonly ToolSpec[];
  readonly contextWindow: number;
  readonly threshold: number;
  /** Tool results kept whole by masking. */
  readonly keepRecent?: number;
  readonly log: (line: string) => void;
}

const LATEST_HEADING = '# Latest test run\n';

const HANDOFF_REQUEST = [
  'Context compaction: the conversation so far is about to be replaced by your handoff note.',
  'Do not call any tool. Write the handoff for the engineer who continues, with these headings:',
  '## Goal and constraints',
  '## What was tried and why it failed',
  '## Current failing tests',
  '## Files changed and why',
  '## Plan',
  '## Next step',
  'Be specific (file paths, function names, error messages). At most 600 words.',
].join('\n');

export class Compactor {
  private readonly tokenCache = new WeakMap<Item, number>();
  private serverUnsupported = false;

  constructor(private readonly options: CompactorOptions) {}

  /** Tokens the next request would carry (instructions, tools and input). */
  measure(conversation: Conversation): number {
    const fixed = this.fixedTokens();
    return fixed + conversation.input().reduce((sum, item) => sum + this.itemTokens(item), 0);
  }

  get limit(): number {
    return Math.floor(this.options.contextWindow * this.options.threshold);
  }

  /** Whether the next request would not fit the window at all. */
  overflows(conversation: Conversation): boolean {
    return this.measure(conversation) >= this.options.contextWindow;
  }

  /** Compacts when the conversation is past the threshold; returns what was done. */
  async maybeCompact(conversation: Conversation): Promise<CompactionEvent | undefined> {
    const before = await this.exactNearLimit(conversation, this.measure(conversation));
    if (this.options.mode === 'off' || before < this.limit) return undefined;
    return this.compact(conversation, before);
  }

  /**
   * Compacts now, whatever the estimate says: the API answered
   * `context_length_exceeded`, so the estimate was short of the real count.
   * Undefined when compaction is off.
   */
  async compactNow(conversation: Conversation): Promise<CompactionEvent | undefined> {
    if (this.options.mode === 'off') return undefined;
    return this.compact(conversation, this.measure(conversation));
  }

  private async compact(
    conversation: Conversation,
    before: number,
  ): Promise<CompactionEvent | undefined> {
    const { mode } = this.options;
    const target = Math.floor(this.limit * 0.6);
    if (mode === 'server' || (mode === 'auto' && this.options.openaiEndpoint)) {
      const event = await this.serverCompact(conversation, before);
      if (event) return event;
    }
    if (mode === 'mask' || mode === 'auto') {
      this.mask(conversation, mode === 'mask' ? target : Number.POSITIVE_INFINITY);
      const after = this.measure(conversation);
      if (mode === 'mask' || after <= target) {
        return { kind: 'mask', tokensBefore: before, tokensAfter: after, costUsd: 0 };
      }
    }
    return this.summarise(conversation, before);
  }

  /** Masks old tool outputs; then drops the oldest segments until under `target`. */
  mask(conversation: Conversation, target: number): void {
    const keep = this.options.keepRecent ?? 3;
    const segments = [...conversation.segments];
    let kept = 0;
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i]!;
      if (segment.kind !== 'turn') continue;
      const results = segment.items.filter((item) => item.type === 'tool_result').length;
      if (kept >= keep) segments[i] = maskSegment(segment);
      kept += results;
    }
    conversation.replace(segments);
    let dropped = 0;
    while (this.measure(conversation) > target) {
      const current = [...conversation.segments];
      const index = current.findIndex(
        (segment, i) => segment.kind !== 'handoff' && i < current.length - 2,
      );
      if (index < 0) break;
      current.splice(index, 1);
      dropped += 1;
      conversation.replace(current);
    }
    if (dropped > 0) {
      const current = [...conversation.segments];
      const note = current[0]?.kind === 'handoff' ? 1 : 0;
      current.splice(note, 0, {
        kind: 'handoff',
        items: [
          userMessage(
            `[${dropped} earlier steps were removed to save context; the latest test digest follows later.]`,
          ),
        ],
      });
      conversation.replace(mergeNotes(current));
    }
  }

  private async serverCompact(
    conversation: Conversation,
    before: number,
  ): Promise<CompactionEvent | undefined> {
    const { model } = this.options;
    if (!model.compact || this.serverUnsupported) return undefined;
    const latest = conversation.latestDigest();
    let result: Awaited<ReturnType<NonNullable<ModelClient['compact']>>>;
    try {
      result = await model.compact({
        instructions: this.options.instructions,
        input: conversation.input(),
        tools: this.options.tools,
      });
    } catch (error) {
      // A failing server compaction falls back to the summary; it never ends the run.
      this.options.log(
        `compaction: server compaction failed (${error instanceof Error ? error.message : String(error)}); using summary instead`,
      );
      return undefined;
    }
    if (!result) {
      this.serverUnsupported = true;
      this.options.log('compaction: the endpoint has no server compaction; using summary instead');
      return undefined;
    }
    // The output is the conversation's user messages, then one compaction item.
    // The pinned task is always sent first by the conversation itself, and only
    // the latest digest is kept (after the compaction item): both are left out
    // here, as are older digests, so neither piles up across compactions.
    const digests = new Set(
      conversation.segments
        .filter((segment) => segment.kind === 'digest')
        .flatMap((segment) => segment.items)
        .flatMap((item) => (item.type === 'message' ? [item.text] : [])),
    );
    const seen = new Set<string>();
    const items = result.items.filter((item) => {
      if (item.type !== 'message' || item.role === 'assistant') return true;
      if (item.text === conversation.pinned || digests.has(item.text) || seen.has(item.text)) {
        return false;
      }
      seen.add(item.text);
      return true;
    });
    const segments: Segment[] = [{ kind: 'handoff', items }];
    if (latest !== undefined) segments.push({ kind: 'digest', items: [userMessage(latest)] });
    conversation.replace(segments);
    return {
      kind: 'server',
      tokensBefore: before,
      tokensAfter: this.measure(conversation),
      usage: result.usage,
      costUsd: result.costUsd,
    };
  }

  private async summarise(conversation: Conversation, before: number): Promise<CompactionEvent> {
    const latest = conversation.latestDigest();
    let usage: Usage | undefined;
    let costUsd = 0;
    let handoff = '';
    try {
      // The handoff request must itself fit: mask first when it would not.
      if (this.measure(conversation) > this.options.contextWindow * 0.9)
        this.mask(conversation, this.limit);
      const turn = await this.options.model.turn({
        instructions: this.options.instructions,
        input: [...conversation.input(), userMessage(HANDOFF_REQUEST)],
        tools: this.options.tools,
      });
      usage = turn.usage;
      costUsd = turn.costUsd;
      handoff = turn.text.trim();
    } catch (error) {
      this.options.log(
        `compaction: the handoff request failed (${error instanceof Error ? error.message : String(error)}); masking instead`,
      );
    }
    if (handoff === '') {
      this.mask(conversation, Math.floor(this.limit * 0.6));
      return {
        kind: 'mask',
        tokensBefore: before,
        tokensAfter: this.measure(conversation),
        ...(usage ? { usage } : {}),
        costUsd,
      };
    }
    const segments: Segment[] = [
      { kind: 'handoff', items: [userMessage(`# Handoff (earlier work, compacted)\n${handoff}`)] },
    ];
    if (latest !== undefined) {
      const text = latest.startsWith(LATEST_HEADING) ? latest : `${LATEST_HEADING}${latest}`;
      segments.push({ kind: 'digest', items: [userMessage(text)] });
    }
    conversation.replace(segments);
    return {
      kind: 'summary',
      tokensBefore: before,
      tokensAfter: this.measure(conversation),
      ...(usage ? { usage } : {}),
      costUsd,
    };
  }

  /**
   * The count estimated until it nears the limit (the estimate is never below ESTIMATE_FLOOR of
   * the exact count, so under that share of the limit the exact count is under the limit too);
   * exact from there. The tokenizer starts loading in the background half-way.
   */
  private async exactNearLimit(conversation: Conversation, estimate: number): Promise<number> {
    if (isTokenizerLoaded()) return estimate;
    if (estimate >= this.limit * ESTIMATE_FLOOR) {
      await loadTokenizer();
      return this.measure(conversation);
    }
    if (estimate >= this.limit / 2) void loadTokenizer();
    return estimate;
  }

  private fixedTokens(): number {
    const tools = JSON.stringify(this.options.tools);
    return countTokens(this.options.instructions) + countTokens(tools);
  }

  private itemTokens(item: Item): number {
    const cached = this.tokenCache.get(item);
    if (cached !== undefined) return cached;
    const tokens = itemTokens(item);
    // Estimates are not kept: the exact count replaces them once the tokenizer has loaded.
    if (isTokenizerLoaded()) this.tokenCache.set(item, tokens);
    return tokens;
  }
}

const PLACEHOLDER_LIMIT = 400;

/** Replaces big tool outputs and patch arguments of one turn by placeholders. */
export function maskSegment(segment: Segment): Segment {
  const items = segment.items.map((item): Item => {
    if (item.type === 'tool_result' && item.result.output.length > PLACEHOLDER_LIMIT) {
      const { result } = item;
      const firstLine = result.output.split('\n', 1)[0]!.slice(0, 120);
      const summary = `[output elided to save context: ${result.name}, ${result.ok ? 'ok' : 'failed'}${
        result.shell ? `, exit ${result.shell.exitCode ?? 'killed'}` : ''
      }, ${result.output.length} chars; began: ${firstLine}]`;
      return {
        type: 'tool_result',
        result: {
          ...result,
          output: summary,
          ...(result.shell
            ? {
                shell: {
                  ...result.shell,
                  stdout: summary,
                  stderr: '',
                  outputs: [
                    {
                      stdout: summary,
                      stderr: '',
                      exitCode: result.shell.exitCode,
                      timedOut: result.shell.timedOut,
                    },
                  ],
                },
              }
            : {}),
        },
      };
    }
    if (item.type === 'tool_call' && item.call.name === 'apply_patch') {
      const size = item.call.rawArgs?.length ?? JSON.stringify(item.call.args ?? null).length;
      if (size <= PLACEHOLDER_LIMIT) return item;
      const note = `[patch of ${size} chars elided to save context]`;
      const args =
        item.call.wire === 'native' ? maskOperation(item.call.args, note) : { patch: note };
      return { type: 'tool_call', call: { ...item.call, args, rawArgs: JSON.stringify(args) } };
    }
    return item;
  });
  return { kind: segment.kind, items };
}

function maskOperation(args: unknown, note: string): unknown {
  if (typeof args !== 'object' || args === null) return args;
  const operation = (args as { operation?: Record<string, unknown> }).operation;
  if (!operation) return args;
  return { ...args, operation: { ...operation, diff: note } };
}

function mergeNotes(segments: Segment[]): Segment[] {
  const [first, second, ...rest] = segments;
  if (
    first?.kind === 'handoff' &&
    second?.kind === 'handoff' &&
    second.items.length === 1 &&
    first.items.every((i) => i.type === 'message')
  ) {
    return [{ kind: 'handoff', items: [...first.items, ...second.items] }, ...rest];
  }
  return segments;
}
