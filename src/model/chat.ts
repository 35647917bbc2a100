/**
 * ModelClient on Chat Completions (`client.chat.completions.create`), for
 * local servers (Ollama, vLLM, llama.cpp, LM Studio) and gateways.
 *
 * Only function tools; opaque (Responses-only) items are dropped; tool
 * results become `role: 'tool'` messages; no server-side compaction.
 * Streaming asks for `stream_options: { include_usage: true }` so the last
 * chunk carries usage.
 */
import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionAssistantMessageParam,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import {
  StreamMeter,
  buildTurn,
  parseArgs,
  reasoningEffortFor,
  retryFor,
  type AdapterOptions,
} from './common.js';
import { zeroUsage } from './pricing.js';
import { IncompleteStreamError, withRetries, type AttemptContext } from './retry.js';
import type { Item, ModelClient, ToolCall, ToolSpec, Turn, TurnRequest, Usage } from './types.js';

export function chatTools(tools: readonly ToolSpec[]): ChatCompletionFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: { ...tool.parameters },
    },
  }));
}

/**
 * Our items → chat messages. An assistant message and the tool calls that
 * follow it are merged into one assistant message with `tool_calls`.
 */
export function toChatMessages(
  instructions: string,
  items: readonly Item[],
): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  if (instructions !== '') messages.push({ role: 'system', content: instructions });
  let assistant: ChatCompletionAssistantMessageParam | undefined;
  const flush = (): void => {
    if (assistant) messages.push(assistant);
    assistant = undefined;
  };
  for (const item of items) {
    switch (item.type) {
      case 'message':
        flush();
        if (item.role === 'assistant') assistant = { role: 'assistant', content: item.text };
        else
          messages.push({
            role: item.role === 'developer' ? 'system' : 'user',
            content: item.text,
          });
        break;
      case 'tool_call':
        assistant ??= { role: 'assistant', content: null };
        assistant.tool_calls = [
          ...(assistant.tool_calls ?? []),
          {
            id: item.call.callId,
            type: 'function',
            function: {
              name: item.call.name,
              arguments: item.call.rawArgs ?? JSON.stringify(item.call.args ?? {}),
            },
          },
        ];
        break;
      case 'tool_result':
        flush();
        messages.push({
          role: 'tool',
          tool_call_id: item.result.callId,
          content: item.result.output,
        });
        break;
      case 'opaque':
        break;
    }
  }
  flush();
  return messages;
}

export function usageFromChat(usage: CompletionUsage | null | undefined): Usage {
  if (!usage) return zeroUsage;
  return {
    inputTokens: usage.prompt_tokens,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    outputTokens: usage.completion_tokens,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

interface RawCall {
  id: string;
  name: string;
  arguments: string;
}

function toItems(text: string, calls: readonly RawCall[]): Item[] {
  const items: Item[] = [];
  if (text !== '') items.push({ type: 'message', role: 'assistant', text });
  calls.forEach((raw, i) => {
    const call: ToolCall = {
      callId: raw.id !== '' ? raw.id : `call_${i}`,
      name: raw.name,
      wire: 'function',
      rawArgs: raw.arguments,
      ...parseArgs(raw.arguments),
    };
    items.push({ type: 'tool_call', call });
  });
  return items;
}

interface Collected {
  readonly text: string;
  readonly calls: RawCall[];
  readonly usage: CompletionUsage | null | undefined;
}

type ToolCallDelta = ChatCompletionChunk.Choice.Delta.ToolCall;

/**
 * Assembles streamed tool-call deltas. Servers differ (checked against the
 * SDK's `ChatCompletionStream` and the servers' issue trackers):
 * - OpenAI sends `index`, `id` and `function.name` once, then argument pieces;
 * - some servers repeat `id` and `function.name` in every delta: the name is
 *   assigned, as the SDK's accumulator does, never concatenated;
 * - Ollama before 0.4.7 omitted `index` (ollama/ollama#7881; the SDK's type
 *   says it is always there), and later versions send `index: 0` for every
 *   call of a response (ollama/ollama#15457). So a delta whose `id` differs
 *   from the call in its slot starts a new call; one without an `id` (or with
 *   the same one) continues it.
 */
export class ToolCallAccumulator {
  readonly calls: RawCall[] = [];
  /** Slot of `calls` that each index the server used last pointed to. */
  private readonly slots = new Map<number, number>();
  private lastSlot = -1;

  add(delta: ToolCallDelta): void {
    const reported: unknown = delta.index;
    const id = delta.id ?? '';
    const known = typeof reported === 'number' ? this.slots.get(reported) : this.lastSlot;
    const current = known === undefined || known < 0 ? undefined : this.calls[known];
    let slot = known ?? -1;
    let call: RawCall;
    if (!current || (id !== '' && current.id !== '' && id !== current.id)) {
      slot = this.calls.length;
      call = { id: '', name: '', arguments: '' };
      this.calls.push(call);
    } else {
      call = current;
    }
    if (typeof reported === 'number') this.slots.set(reported, slot);
    this.lastSlot = slot;
    if (id !== '') call.id = id;
    const fn = delta.function;
    if (fn?.name) call.name = fn.name;
    if (fn?.arguments) call.arguments += fn.arguments;
  }
}

class ChatModelClient implements ModelClient {
  readonly api = 'chat' as const;
  readonly nativeTools = false;
  readonly model: string;
  readonly contextWindow: number;

  constructor(
    private readonly client: OpenAI,
    private readonly options: AdapterOptions,
  ) {
    this.model = options.model;
    this.contextWindow = options.capabilities.inputRoom;
  }

  /** The request body (without `stream`). */
  params(request: TurnRequest): ChatCompletionCreateParamsNonStreaming {
    const effort = reasoningEffortFor(this.options);
    return {
      model: this.model,
      messages: toChatMessages(request.instructions, request.input),
      ...(request.tools.length > 0 ? { tools: chatTools(request.tools) } : {}),
      ...(effort !== undefined ? { reasoning_effort: effort } : {}),
    };
  }

  async turn(request: TurnRequest): Promise<Turn> {
    const params = this.params(request);
    const { value, retries } = await withRetries(
      (ctx) => (this.options.stream ? this.streamed(params, ctx) : this.whole(params, ctx)),
      retryFor(this.options),
      request.signal,
    );
    const items = toItems(value.text, value.calls);
    return buildTurn(this.options, items, usageFromChat(value.usage), retries);
  }

  private requestOptions(ctx: AttemptContext): { signal: AbortSignal; timeout: number } {
    return { signal: ctx.signal, timeout: this.options.requestTimeoutMs };
  }

  private async whole(
    params: ChatCompletionCreateParamsNonStreaming,
    ctx: AttemptContext,
  ): Promise<Collected> {
    const completion: ChatCompletion = await this.client.chat.completions.create(
      { ...params, stream: false },
      this.requestOptions(ctx),
    );
    const message = completion.choices[0]?.message;
    const calls = (message?.tool_calls ?? []).flatMap((tc): RawCall[] =>
      tc.type === 'function'
        ? [{ id: tc.id, name: tc.function.name, arguments: tc.function.arguments }]
        : [],
    );
    return { text: message?.content ?? '', calls, usage: completion.usage };
  }

  /**
   * Hand accumulation: the SDK's `chat.completions.stream()` keys tool calls by
   * `index`, which some servers leave out or reuse (see ToolCallAccumulator).
   */
  private async streamed(
    params: ChatCompletionCreateParamsNonStreaming,
    ctx: AttemptContext,
  ): Promise<Collected> {
    const stream = await this.client.chat.completions.create(
      { ...params, stream: true, stream_options: { include_usage: true } },
      this.requestOptions(ctx),
    );
    ctx.touch();
    let text = '';
    const calls = new ToolCallAccumulator();
    let usage: CompletionUsage | null | undefined;
    let finished = false;
    const meter = new StreamMeter();
    for await (const chunk of stream) {
      ctx.touch();
      meter.add(deltaChars(chunk));
      if (chunk.usage) usage = chunk.usage;
      // Some servers leave `choices` out of the usage-only last chunk.
      const choices: readonly ChatCompletionChunk.Choice[] | undefined = chunk.choices;
      const choice = choices?.[0];
      if (!choice) continue;
      if (choice.finish_reason) finished = true;
      if (typeof choice.delta.content === 'string') text += choice.delta.content;
      for (const delta of choice.delta.tool_calls ?? []) calls.add(delta);
    }
    if (!finished) throw new IncompleteStreamError();
    return { text, calls: calls.calls, usage };
  }
}

/** Characters of text and tool-call arguments one chunk adds to the answer. */
function deltaChars(chunk: ChatCompletionChunk): number {
  // Some servers leave `choices` out of the usage-only last chunk.
  const choices: readonly ChatCompletionChunk.Choice[] | undefined = chunk.choices;
  const delta = choices?.[0]?.delta;
  if (!delta) return 0;
  let n = delta.content?.length ?? 0;
  for (const call of delta.tool_calls ?? []) n += call.function?.arguments?.length ?? 0;
  return n;
}

export function createChatClient(client: OpenAI, options: AdapterOptions): ModelClient {
  return new ChatModelClient(client, options);
}
