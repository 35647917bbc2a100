/** Pieces shared by the Responses and Chat Completions adapters. */
import type { ReasoningEffort } from '../config/types.js';
import type { Capabilities } from './capabilities.js';
import { ModelError } from './errors.js';
import { costOf } from './pricing.js';
import { StreamTooLongError, type RetryOptions } from './retry.js';
import type { Item, ToolCall, Turn, Usage } from './types.js';

export interface AdapterOptions {
  readonly model: string;
  readonly reasoningEffort: ReasoningEffort;
  /** Offer `native` ToolSpecs as the Responses API's built-in shell/apply_patch tools. */
  readonly nativeTools: boolean;
  /** The model's row of the capability table, with the run's overrides applied. */
  readonly capabilities: Capabilities;
  /**
   * Azure OpenAI: `store: true`, because Azure looks up every replayed item id
   * and fails ("Item with id … not found") when nothing was stored.
   */
  readonly azure: boolean;
  /** Stream the answer (default) or wait for the whole response. */
  readonly stream: boolean;
  readonly retry: RetryOptions;
  /** Per-request timeout handed to the SDK. */
  readonly requestTimeoutMs: number;
}

export type Json = Record<string, unknown>;

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Parse function-call arguments; invalid JSON is reported, not thrown (the tools layer answers the model). */
export function parseArgs(raw: string): { args: unknown; argsError?: string } {
  const text = raw.trim() === '' ? '{}' : raw;
  try {
    return { args: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { args: undefined, argsError: `arguments are not valid JSON: ${why}` };
  }
}

/**
 * The efforts the model takes when it does not take this one (the API answers 400 "Unsupported
 * value"); undefined when it does, or when it takes no `reasoning` parameter at all (none is sent).
 */
export function refusedEffort(
  capabilities: Pick<Capabilities, 'efforts'>,
  effort: ReasoningEffort,
): readonly ReasoningEffort[] | undefined {
  const { efforts } = capabilities;
  return efforts.length === 0 || efforts.includes(effort) ? undefined : efforts;
}

/**
 * The effort to send, or undefined for a model that takes no `reasoning` parameter. Sessions
 * refuse an effort the model rejects before they start (configEffortRefusal); a client used
 * without that check ends before any request, with the efforts the model accepts.
 */
export function reasoningEffortFor(options: AdapterOptions): ReasoningEffort | undefined {
  const accepted = refusedEffort(options.capabilities, options.reasoningEffort);
  if (accepted !== undefined) {
    throw new ModelError(
      'model-error',
      `model: reasoning-effort '${options.reasoningEffort}' is not accepted by ${options.model} (it accepts: ${accepted.join(', ')})`,
    );
  }
  return options.capabilities.efforts.length === 0 ? undefined : options.reasoningEffort;
}

export function buildTurn(
  options: AdapterOptions,
  items: readonly Item[],
  usage: Usage,
  retries: number,
): Turn {
  const toolCalls: ToolCall[] = [];
  const texts: string[] = [];
  for (const item of items) {
    if (item.type === 'tool_call') toolCalls.push(item.call);
    else if (item.type === 'message' && item.role === 'assistant') texts.push(item.text);
  }
  return {
    items,
    toolCalls,
    text: texts.join('\n'),
    usage,
    costUsd: costOf(options.model, usage, options.capabilities.price).usd,
    retries,
  };
}

/**
 * Retry options for one request: a streamed answer must show activity every
 * `idleTimeoutMs`; a whole (non-streamed) answer may stay silent until the
 * request timeout, since the model reasons before the first byte.
 */
export function retryFor(options: AdapterOptions): RetryOptions {
  return options.stream
    ? options.retry
    : {
        ...options.retry,
        idleTimeoutMs: Math.max(options.retry.idleTimeoutMs, options.requestTimeoutMs),
      };
}

/**
 * What one streamed turn may carry. The real APIs end every answer (Responses:
 * `response.completed`, `.incomplete` or `.failed`; Chat: a chunk with a
 * `finish_reason`), and a gpt-5* answer is at most 128,000 output tokens:
 * ~4 characters each (~0.5 MiB) in about one delta event per token. A stream
 * past 8× those characters or 4× those events has no end in sight: it is
 * aborted as a model fault (not retried) instead of growing the answer in
 * memory until `timeout-minutes` (measured with 8-character deltas: +155 MB RSS, 18 s).
 */
export const STREAM_CAP = { chars: 4 * 1024 * 1024, events: 4 * 128_000 } as const;

/** Counts one streamed turn against {@link STREAM_CAP}; throws StreamTooLongError past it. */
export class StreamMeter {
  private chars = 0;
  private events = 0;

  constructor(
    private readonly cap: { readonly chars: number; readonly events: number } = STREAM_CAP,
  ) {}

  /** One event carrying `chars` characters of text, reasoning or argument deltas. */
  add(chars: number): void {
    this.chars += chars;
    this.events += 1;
    if (this.chars > this.cap.chars || this.events > this.cap.events) {
      throw new StreamTooLongError(
        `stream exceeded the per-turn cap of ${this.cap.chars} characters of text/argument deltas or ${this.cap.events} events without ending; aborted`,
      );
    }
  }
}
