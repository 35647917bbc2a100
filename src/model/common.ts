/** Pieces shared by the Responses and Chat Completions adapters. */
import type { PriceOverride, ReasoningEffort } from '../config/types.js';
import { costOf } from './pricing.js';
import type { RetryOptions } from './retry.js';
import type { Item, ToolCall, Turn, Usage } from './types.js';

export interface AdapterOptions {
  readonly model: string;
  readonly reasoningEffort: ReasoningEffort;
  /** Offer `native` ToolSpecs as the Responses API's built-in shell/apply_patch tools. */
  readonly nativeTools: boolean;
  readonly contextWindow: number;
  readonly price: PriceOverride | undefined;
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

/** Whether the model likely accepts `reasoning` parameters (OpenAI reasoning families). */
export function isReasoningModel(model: string): boolean {
  return /^(gpt-5|o\d|codex)/i.test(model);
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
    costUsd: costOf(options.model, usage, options.price).usd,
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
