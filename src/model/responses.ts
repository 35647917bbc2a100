/**
 * ModelClient on the Responses API (`client.responses.create`).
 *
 * - Stateless: `store: false`, full history sent each turn, reasoning kept as
 *   encrypted `reasoning` items (`include: ['reasoning.encrypted_content']`)
 *   stored as opaque items and passed back verbatim.
 * - Tools: with `nativeTools`, ToolSpecs marked `native` become the built-in
 *   `{ type: 'shell' }` / `{ type: 'apply_patch' }` tools; all others are
 *   function tools.
 * - `compact()` calls `/responses/compact`; its output replaces the history.
 */
import type OpenAI from 'openai';
import { NotFoundError } from 'openai';
import type {
  ResponseCompactParams,
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
} from 'openai/resources/responses/responses';
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
import { costOf, zeroUsage } from './pricing.js';
import {
  IncompleteStreamError,
  ResponseFailedError,
  withRetries,
  type AttemptContext,
} from './retry.js';
import type {
  Item,
  ModelClient,
  ToolCall,
  ToolResult,
  ToolSpec,
  Turn,
  TurnRequest,
  Usage,
} from './types.js';

/** Wire tools for a request. */
export function responsesTools(tools: readonly ToolSpec[], nativeTools: boolean): Json[] {
  return tools.map((tool) =>
    nativeTools && tool.native
      ? { type: tool.native }
      : {
          type: 'function',
          name: tool.name,
          description: tool.description,
          parameters: tool.parameters,
          strict: false,
        },
  );
}

function callToWire(call: ToolCall): Json {
  if (call.wire === 'native' && isRecord(call.args)) {
    if (call.name === 'shell') {
      const a = call.args;
      return {
        type: 'shell_call',
        call_id: call.callId,
        status: 'completed',
        action: {
          commands: Array.isArray(a.commands) ? a.commands : [],
          timeout_ms: typeof a.timeout_ms === 'number' ? a.timeout_ms : null,
          max_output_length: typeof a.max_output_length === 'number' ? a.max_output_length : null,
        },
      };
    }
    if (call.name === 'apply_patch') {
      return {
        type: 'apply_patch_call',
        call_id: call.callId,
        status: 'completed',
        operation: call.args.operation,
      };
    }
  }
  return {
    type: 'function_call',
    call_id: call.callId,
    name: call.name,
    arguments: call.rawArgs ?? JSON.stringify(call.args ?? {}),
  };
}

function resultToWire(result: ToolResult): Json {
  if (result.wire === 'native' && result.name === 'shell') {
    const shell = result.shell ?? {
      stdout: result.output,
      stderr: '',
      exitCode: result.ok ? 0 : 1,
      timedOut: false,
    };
    const outcome =
      shell.timedOut || shell.exitCode === null
        ? { type: 'timeout' }
        : { type: 'exit', exit_code: shell.exitCode };
    return {
      type: 'shell_call_output',
      call_id: result.callId,
      output: [{ stdout: shell.stdout, stderr: shell.stderr, outcome }],
    };
  }
  if (result.wire === 'native' && result.name === 'apply_patch') {
    return {
      type: 'apply_patch_call_output',
      call_id: result.callId,
      status: result.ok ? 'completed' : 'failed',
      output: result.output,
    };
  }
  return { type: 'function_call_output', call_id: result.callId, output: result.output };
}

/** Our items → Responses input items. */
export function toResponsesInput(items: readonly Item[]): Json[] {
  return items.map((item): Json => {
    switch (item.type) {
      case 'message':
        return { type: 'message', role: item.role, content: item.text };
      case 'tool_call':
        return callToWire(item.call);
      case 'tool_result':
        return resultToWire(item.result);
      case 'opaque':
        return { ...item.item };
    }
  });
}

function messageText(item: Json): string {
  const content = item.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) =>
      isRecord(part) && (part.type === 'output_text' || part.type === 'text')
        ? (str(part.text) ?? '')
        : isRecord(part) && part.type === 'refusal'
          ? (str(part.refusal) ?? '')
          : '',
    )
    .join('');
}

/** One Responses output item → our item. Unknown kinds are kept opaque. */
export function fromResponsesOutput(item: Json): Item {
  const callId = str(item.call_id) ?? str(item.id) ?? '';
  switch (item.type) {
    case 'message':
      return { type: 'message', role: 'assistant', text: messageText(item) };
    case 'function_call': {
      const rawArgs = str(item.arguments) ?? '';
      const parsed = parseArgs(rawArgs);
      const call: ToolCall = {
        callId,
        name: str(item.name) ?? '',
        wire: 'function',
        rawArgs,
        ...parsed,
      };
      return { type: 'tool_call', call };
    }
    case 'shell_call': {
      const action = isRecord(item.action) ? item.action : {};
      const commands = Array.isArray(action.commands)
        ? action.commands.filter((c): c is string => typeof c === 'string')
        : [];
      const args: Json = { commands };
      if (typeof action.timeout_ms === 'number') args.timeout_ms = action.timeout_ms;
      if (typeof action.max_output_length === 'number') {
        args.max_output_length = action.max_output_length;
      }
      return { type: 'tool_call', call: { callId, name: 'shell', wire: 'native', args } };
    }
    case 'apply_patch_call': {
      const operation = isRecord(item.operation) ? item.operation : undefined;
      const call: ToolCall = operation
        ? { callId, name: 'apply_patch', wire: 'native', args: { operation } }
        : {
            callId,
            name: 'apply_patch',
            wire: 'native',
            args: undefined,
            argsError: 'apply_patch_call without an operation',
          };
      return { type: 'tool_call', call };
    }
    default:
      return { type: 'opaque', api: 'responses', item };
  }
}

export function usageFromResponses(usage: unknown): Usage {
  if (!isRecord(usage)) return zeroUsage;
  const inDetails = isRecord(usage.input_tokens_details) ? usage.input_tokens_details : {};
  const outDetails = isRecord(usage.output_tokens_details) ? usage.output_tokens_details : {};
  return {
    inputTokens: num(usage.input_tokens),
    cachedInputTokens: num(inDetails.cached_tokens),
    outputTokens: num(usage.output_tokens),
    reasoningTokens: num(outDetails.reasoning_tokens),
  };
}

function failedError(response: Json): ResponseFailedError {
  const error = isRecord(response.error) ? response.error : {};
  return new ResponseFailedError(str(error.code), str(error.message) ?? 'response failed');
}

interface Collected {
  readonly output: Json[];
  readonly usage: unknown;
}

class ResponsesModelClient implements ModelClient {
  readonly api = 'responses' as const;
  readonly model: string;
  readonly nativeTools: boolean;
  readonly contextWindow: number;

  constructor(
    private readonly client: OpenAI,
    private readonly options: AdapterOptions,
  ) {
    this.model = options.model;
    this.nativeTools = options.nativeTools;
    this.contextWindow = options.contextWindow;
  }

  private body(request: TurnRequest): Json {
    const body: Json = {
      model: this.model,
      instructions: request.instructions,
      input: toResponsesInput(request.input),
      store: false,
    };
    if (request.tools.length > 0) body.tools = responsesTools(request.tools, this.nativeTools);
    if (isReasoningModel(this.model)) {
      body.reasoning = { effort: this.options.reasoningEffort };
      body.include = ['reasoning.encrypted_content'];
    }
    return body;
  }

  async turn(request: TurnRequest): Promise<Turn> {
    const body = this.body(request);
    const { value, retries } = await withRetries(
      (ctx) => (this.options.stream ? this.streamed(body, ctx) : this.whole(body, ctx)),
      retryFor(this.options),
      request.signal,
    );
    const items = value.output.map(fromResponsesOutput);
    return buildTurn(this.options, items, usageFromResponses(value.usage), retries);
  }

  private requestOptions(ctx: AttemptContext): { signal: AbortSignal; timeout: number } {
    return { signal: ctx.signal, timeout: this.options.requestTimeoutMs };
  }

  private async whole(body: Json, ctx: AttemptContext): Promise<Collected> {
    const params = { ...body, stream: false } as unknown as ResponseCreateParamsNonStreaming;
    const response = (await this.client.responses.create(
      params,
      this.requestOptions(ctx),
    )) as unknown as Json;
    if (response.status === 'failed') throw failedError(response);
    const output = Array.isArray(response.output) ? response.output.filter(isRecord) : [];
    return { output, usage: response.usage };
  }

  private async streamed(body: Json, ctx: AttemptContext): Promise<Collected> {
    const params = { ...body, stream: true } as unknown as ResponseCreateParamsStreaming;
    const stream = await this.client.responses.create(params, this.requestOptions(ctx));
    ctx.touch();
    const done = new Map<number, Json>();
    let finalResponse: Json | undefined;
    for await (const raw of stream) {
      ctx.touch();
      const event = raw as unknown as Json;
      switch (event.type) {
        case 'response.output_item.done':
          if (isRecord(event.item)) done.set(num(event.output_index), event.item);
          break;
        case 'response.completed':
        case 'response.incomplete':
          finalResponse = isRecord(event.response) ? event.response : {};
          break;
        case 'response.failed':
          throw failedError(isRecord(event.response) ? event.response : {});
        case 'error':
          throw new ResponseFailedError(str(event.code), str(event.message) ?? 'stream error');
      }
    }
    if (!finalResponse) throw new IncompleteStreamError();
    const finalOutput = Array.isArray(finalResponse.output)
      ? finalResponse.output.filter(isRecord)
      : [];
    const streamedOutput = [...done.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
    return {
      output: finalOutput.length > 0 ? finalOutput : streamedOutput,
      usage: finalResponse.usage,
    };
  }

  async compact(
    request: TurnRequest,
  ): Promise<{ items: readonly Item[]; usage: Usage; costUsd: number } | undefined> {
    const params = {
      model: this.model,
      instructions: request.instructions,
      input: toResponsesInput(request.input),
    } as unknown as ResponseCompactParams;
    try {
      const { value } = await withRetries(
        async (ctx) =>
          (await this.client.responses.compact(
            params,
            this.requestOptions(ctx),
          )) as unknown as Json,
        retryFor({ ...this.options, stream: false }),
        request.signal,
      );
      const output = Array.isArray(value.output) ? value.output.filter(isRecord) : [];
      const items = output.map((item): Item => ({ type: 'opaque', api: 'responses', item }));
      const usage = usageFromResponses(value.usage);
      return { items, usage, costUsd: costOf(this.model, usage, this.options.price).usd };
    } catch (e) {
      if (isUnsupported(e)) return undefined;
      throw e;
    }
  }
}

function isUnsupported(e: unknown): boolean {
  if (e instanceof NotFoundError) return true;
  const status = isRecord(e) ? e.httpStatus : undefined;
  return status === 404 || status === 405 || status === 501;
}

export function createResponsesClient(client: OpenAI, options: AdapterOptions): ModelClient {
  return new ResponsesModelClient(client, options);
}
