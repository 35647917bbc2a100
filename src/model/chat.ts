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
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import {
  buildTurn,
  retryFor,
  isReasoningModel,
  isRecord,
  num,
  parseArgs,
  str,
  type AdapterOptions,
  type Json,
} from './common.js';
import { zeroUsage } from './pricing.js';
import { IncompleteStreamError, withRetries, type AttemptContext } from './retry.js';
import type { Item, ModelClient, ToolCall, ToolSpec, Turn, TurnRequest, Usage } from './types.js';

export function chatTools(tools: readonly ToolSpec[]): Json[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

/**
 * Our items → chat messages. An assistant message and the tool calls that
 * follow it are merged into one assistant message with `tool_calls`.
 */
export function toChatMessages(instructions: string, items: readonly Item[]): Json[] {
  const messages: Json[] = [];
  if (instructions !== '') messages.push({ role: 'system', content: instructions });
  let assistant: { content: string | null; tool_calls: Json[] } | undefined;
  const flush = (): void => {
    if (!assistant) return;
    const message: Json = { role: 'assistant', content: assistant.content };
    if (assistant.tool_calls.length > 0) message.tool_calls = assistant.tool_calls;
    messages.push(message);
    assistant = undefined;
  };
  for (const item of items) {
    switch (item.type) {
      case 'message':
        flush();
        if (item.role === 'assistant') assistant = { content: item.text, tool_calls: [] };
        else
          messages.push({
            role: item.role === 'developer' ? 'system' : 'user',
            content: item.text,
          });
        break;
      case 'tool_call':
        assistant ??= { content: null, tool_calls: [] };
        assistant.tool_calls.push({
          id: item.call.callId,
          type: 'function',
          function: {
            name: item.call.name,
            arguments: item.call.rawArgs ?? JSON.stringify(item.call.args ?? {}),
          },
        });
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

export function usageFromChat(usage: unknown): Usage {
  if (!isRecord(usage)) return zeroUsage;
  const prompt = isRecord(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const completion = isRecord(usage.completion_tokens_details)
    ? usage.completion_tokens_details
    : {};
  return {
    inputTokens: num(usage.prompt_tokens),
    cachedInputTokens: num(prompt.cached_tokens),
    outputTokens: num(usage.completion_tokens),
    reasoningTokens: num(completion.reasoning_tokens),
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
  readonly usage: unknown;
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
    this.contextWindow = options.contextWindow;
  }

  async turn(request: TurnRequest): Promise<Turn> {
    const body: Json = {
      model: this.model,
      messages: toChatMessages(request.instructions, request.input),
    };
    if (request.tools.length > 0) body.tools = chatTools(request.tools);
    if (isReasoningModel(this.model)) body.reasoning_effort = this.options.reasoningEffort;
    const { value, retries } = await withRetries(
      (ctx) => (this.options.stream ? this.streamed(body, ctx) : this.whole(body, ctx)),
      retryFor(this.options),
      request.signal,
    );
    const items = toItems(value.text, value.calls);
    return buildTurn(this.options, items, usageFromChat(value.usage), retries);
  }

  private requestOptions(ctx: AttemptContext): { signal: AbortSignal; timeout: number } {
    return { signal: ctx.signal, timeout: this.options.requestTimeoutMs };
  }

  private async whole(body: Json, ctx: AttemptContext): Promise<Collected> {
    const params = { ...body, stream: false } as unknown as ChatCompletionCreateParamsNonStreaming;
    const completion = (await this.client.chat.completions.create(
      params,
      this.requestOptions(ctx),
    )) as unknown as Json;
    const choices = Array.isArray(completion.choices) ? completion.choices : [];
    const first: unknown = choices[0];
    const message = isRecord(first) && isRecord(first.message) ? first.message : {};
    const toolCalls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
    const calls = toolCalls.filter(isRecord).map((tc): RawCall => {
      const fn = isRecord(tc.function) ? tc.function : {};
      return { id: str(tc.id) ?? '', name: str(fn.name) ?? '', arguments: str(fn.arguments) ?? '' };
    });
    return { text: str(message.content) ?? '', calls, usage: completion.usage };
  }

  private async streamed(body: Json, ctx: AttemptContext): Promise<Collected> {
    const params = {
      ...body,
      stream: true,
      stream_options: { include_usage: true },
    } as unknown as ChatCompletionCreateParamsStreaming;
    const stream = await this.client.chat.completions.create(params, this.requestOptions(ctx));
    ctx.touch();
    let text = '';
    const calls: RawCall[] = [];
    let usage: unknown;
    let finished = false;
    for await (const raw of stream) {
      ctx.touch();
      const chunk = raw as unknown as Json;
      if (isRecord(chunk.usage)) usage = chunk.usage;
      const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
      const choice: unknown = choices[0];
      if (!isRecord(choice)) continue;
      if (typeof choice.finish_reason === 'string') finished = true;
      const delta = isRecord(choice.delta) ? choice.delta : {};
      if (typeof delta.content === 'string') text += delta.content;
      const deltas = Array.isArray(delta.tool_calls) ? delta.tool_calls.filter(isRecord) : [];
      for (const d of deltas) {
        const index = typeof d.index === 'number' ? d.index : calls.length;
        const call = (calls[index] ??= { id: '', name: '', arguments: '' });
        const fn = isRecord(d.function) ? d.function : {};
        if (typeof d.id === 'string' && d.id !== '') call.id = d.id;
        if (typeof fn.name === 'string') call.name += fn.name;
        if (typeof fn.arguments === 'string') call.arguments += fn.arguments;
      }
    }
    if (!finished) throw new IncompleteStreamError();
    return { text, calls: calls.filter((c) => c !== undefined), usage };
  }
}

export function createChatClient(client: OpenAI, options: AdapterOptions): ModelClient {
  return new ChatModelClient(client, options);
}
