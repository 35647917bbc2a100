/**
 * ModelClient on the Responses API. Every request body and replayed item is
 * built as the `openai` SDK's own parameter type, so a misspelt or misplaced
 * field fails `npm run typecheck`.
 *
 * - Stateless: the full history is sent each turn; reasoning comes back as
 *   encrypted `reasoning` items (`include: ['reasoning.encrypted_content']`),
 *   kept as opaque items and replayed by their encrypted content.
 * - Item ids: never sent on replay (Codex marks them `skip_serializing`), except
 *   on reasoning items, whose SDK type requires one. `store: false`, except on
 *   Azure OpenAI, which looks up every replayed id and fails ("Item with id …
 *   not found") when nothing was stored: there `store: true`, as Codex does.
 * - Tools: with `nativeTools`, ToolSpecs marked `native` become the built-in
 *   `shell` (with a local environment) and `apply_patch` tools; all others are
 *   function tools.
 * - Streaming goes through the SDK's `responses.stream()` helper, which
 *   accumulates the events into the final response; we add only the idle
 *   watchdog (`ctx.touch()`), the per-turn cap (STREAM_CAP) and the retry
 *   budget (retry.ts).
 * - A response that ends with reasoning and nothing after it (an `incomplete`
 *   response cut during reasoning) keeps no reasoning item: the API rejects a
 *   replayed reasoning item without the item that followed it.
 * - `compact()` calls `/responses/compact` with the tool definitions its input
 *   refers to (Codex's `CompactionInput` sends `tools`; the SDK's
 *   `ResponseCompactParams` has no such field, hence `CompactBody`).
 */
import type OpenAI from 'openai';
import { NotFoundError } from 'openai';
import type {
  CompactedResponse,
  Response,
  ResponseCompactParams,
  ResponseCreateParamsNonStreaming,
  ResponseFunctionShellCallOutputContent,
  ResponseInputItem,
  ResponseOutputItem,
  ResponseUsage,
  Tool,
} from 'openai/resources/responses/responses';
import {
  StreamMeter,
  buildTurn,
  parseArgs,
  reasoningEffortFor,
  retryFor,
  isRecord,
  str,
  type AdapterOptions,
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
  ShellOutput,
  ToolCall,
  ToolResult,
  ToolSpec,
  Turn,
  TurnRequest,
  Usage,
} from './types.js';

/** The body of `/responses/compact`: the SDK's params plus the tools its input refers to. */
export type CompactBody = ResponseCompactParams & { readonly tools?: Tool[] };

/** Wire tools for a request. */
export function responsesTools(tools: readonly ToolSpec[], nativeTools: boolean): Tool[] {
  return tools.map((tool): Tool => {
    if (nativeTools && tool.native === 'shell') {
      return { type: 'shell', environment: { type: 'local' } };
    }
    if (nativeTools && tool.native === 'apply_patch') return { type: 'apply_patch' };
    return {
      type: 'function',
      name: tool.name,
      description: tool.description,
      parameters: { ...tool.parameters },
      strict: false,
    };
  });
}

type PatchOperation = ResponseInputItem.ApplyPatchCall['operation'];

/** An apply_patch operation from a call's arguments, when it has the SDK's shape. */
function patchOperation(args: unknown): PatchOperation | undefined {
  if (!isRecord(args) || !isRecord(args.operation)) return undefined;
  const op = args.operation;
  const path = str(op.path);
  if (path === undefined) return undefined;
  if (op.type === 'delete_file') return { type: 'delete_file', path };
  const diff = str(op.diff) ?? '';
  if (op.type === 'create_file') return { type: 'create_file', path, diff };
  if (op.type === 'update_file') return { type: 'update_file', path, diff };
  return undefined;
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function callToWire(call: ToolCall): ResponseInputItem {
  if (call.wire === 'native' && call.name === 'shell' && isRecord(call.args)) {
    const a = call.args;
    const commands = Array.isArray(a.commands)
      ? a.commands.filter((c): c is string => typeof c === 'string')
      : [];
    return {
      type: 'shell_call',
      call_id: call.callId,
      status: 'completed',
      action: {
        commands,
        timeout_ms: numberOrNull(a.timeout_ms),
        max_output_length: numberOrNull(a.max_output_length),
      },
    };
  }
  const operation =
    call.wire === 'native' && call.name === 'apply_patch' ? patchOperation(call.args) : undefined;
  if (operation) {
    return { type: 'apply_patch_call', call_id: call.callId, status: 'completed', operation };
  }
  return {
    type: 'function_call',
    call_id: call.callId,
    name: call.name,
    arguments: call.rawArgs ?? JSON.stringify(call.args ?? {}),
  };
}

function shellContent(output: ShellOutput): ResponseFunctionShellCallOutputContent {
  return {
    stdout: output.stdout,
    stderr: output.stderr,
    outcome:
      output.timedOut || output.exitCode === null
        ? { type: 'timeout' }
        : { type: 'exit', exit_code: output.exitCode },
  };
}

function resultToWire(result: ToolResult): ResponseInputItem {
  if (result.wire === 'native' && result.name === 'shell') {
    const shell = result.shell ?? {
      stdout: result.output,
      stderr: '',
      exitCode: result.ok ? 0 : 1,
      timedOut: false,
    };
    // One output entry per command that ran (older checkpoints hold only the joined one).
    const outputs = 'outputs' in shell && shell.outputs ? shell.outputs : [shell];
    return {
      type: 'shell_call_output',
      call_id: result.callId,
      output: outputs.map(shellContent),
      ...('maxOutputLength' in shell && shell.maxOutputLength !== undefined
        ? { max_output_length: shell.maxOutputLength }
        : {}),
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

/** A kept reasoning or compaction item → its replay form; anything else is dropped. */
function replayOpaque(item: Readonly<Record<string, unknown>>): ResponseInputItem | undefined {
  const encrypted = str(item.encrypted_content);
  if (item.type === 'compaction' && encrypted !== undefined) {
    return { type: 'compaction', encrypted_content: encrypted };
  }
  if (item.type === 'reasoning') {
    const id = str(item.id);
    if (id === undefined) return undefined;
    const summary = Array.isArray(item.summary)
      ? item.summary.flatMap((s) => {
          const text = isRecord(s) ? str(s.text) : undefined;
          return text === undefined ? [] : [{ type: 'summary_text' as const, text }];
        })
      : [];
    return {
      type: 'reasoning',
      id,
      summary,
      ...(encrypted !== undefined ? { encrypted_content: encrypted } : {}),
    };
  }
  return undefined;
}

/** Our items → Responses input items. */
export function toResponsesInput(items: readonly Item[]): ResponseInputItem[] {
  return items.flatMap((item): ResponseInputItem[] => {
    switch (item.type) {
      case 'message':
        return [
          {
            type: 'message',
            role: item.role,
            content: item.text,
            ...(item.phase !== undefined ? { phase: item.phase } : {}),
          },
        ];
      case 'tool_call':
        return [callToWire(item.call)];
      case 'tool_result':
        return [resultToWire(item.result)];
      case 'opaque': {
        const replayed = replayOpaque(item.item);
        return replayed ? [replayed] : [];
      }
    }
  });
}

/** An assistant message: its text and refusals, in order. */
function messageOf(item: Extract<ResponseOutputItem, { type: 'message' }>): Item {
  const text = item.content
    .map((part) => (part.type === 'output_text' ? part.text : part.refusal))
    .join('');
  return { type: 'message', role: 'assistant', text, ...(item.phase ? { phase: item.phase } : {}) };
}

/** A native `shell` call, with the arguments parseShellArgs reads. */
function shellCallOf(item: Extract<ResponseOutputItem, { type: 'shell_call' }>): Item {
  const { action } = item;
  const args: Record<string, unknown> = { commands: action.commands };
  if (typeof action.timeout_ms === 'number') args.timeout_ms = action.timeout_ms;
  if (typeof action.max_output_length === 'number') {
    args.max_output_length = action.max_output_length;
  }
  return { type: 'tool_call', call: { callId: item.call_id, name: 'shell', wire: 'native', args } };
}

/** One Responses output item → our item; kinds we never offer are dropped. */
export function fromResponsesOutput(item: ResponseOutputItem): Item | undefined {
  switch (item.type) {
    case 'message':
      return messageOf(item);
    case 'function_call': {
      const call: ToolCall = {
        callId: item.call_id,
        name: item.name,
        wire: 'function',
        rawArgs: item.arguments,
        ...parseArgs(item.arguments),
      };
      return { type: 'tool_call', call };
    }
    case 'shell_call':
      return shellCallOf(item);
    case 'apply_patch_call':
      return {
        type: 'tool_call',
        call: {
          callId: item.call_id,
          name: 'apply_patch',
          wire: 'native',
          args: { operation: { ...item.operation } },
        },
      };
    case 'reasoning':
      return {
        type: 'opaque',
        api: 'responses',
        item: {
          type: 'reasoning',
          id: item.id,
          summary: item.summary.map((s) => ({ type: s.type, text: s.text })),
          encrypted_content: item.encrypted_content ?? null,
        },
      };
    case 'compaction':
      return {
        type: 'opaque',
        api: 'responses',
        item: { type: 'compaction', encrypted_content: item.encrypted_content },
      };
    default:
      return undefined;
  }
}

/**
 * Our items of one response. Reasoning items with nothing after them (an
 * `incomplete` response cut while reasoning) are left out: the API rejects a
 * replayed reasoning item "without its required following item".
 */
export function itemsOfOutput(output: readonly ResponseOutputItem[]): Item[] {
  let end = output.length;
  while (end > 0 && output[end - 1]?.type === 'reasoning') end -= 1;
  return output.slice(0, end).flatMap((item) => {
    const ours = fromResponsesOutput(item);
    return ours ? [ours] : [];
  });
}

/**
 * The output of `/responses/compact`: the conversation's user messages, then
 * one `compaction` item. The SDK types those messages as assistant output
 * messages; on the wire they are `role: 'user'` with `input_text` parts (or
 * string content), so role and text are read as the plain values they are.
 */
export function compactedItems(output: readonly ResponseOutputItem[]): Item[] {
  return output.flatMap((item): Item[] => {
    if (item.type !== 'message') {
      const ours = fromResponsesOutput(item);
      return ours ? [ours] : [];
    }
    const role: string = item.role;
    const content: unknown = item.content;
    const text = Array.isArray(content)
      ? content.map((part) => (isRecord(part) ? (str(part.text) ?? '') : '')).join('')
      : (str(content) ?? '');
    return [{ type: 'message', role: role === 'assistant' ? 'assistant' : 'user', text }];
  });
}

export function usageFromResponses(usage: ResponseUsage | null | undefined): Usage {
  if (!usage) return zeroUsage;
  return {
    inputTokens: usage.input_tokens,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    outputTokens: usage.output_tokens,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
  };
}

/** The output of a finished response; a failed or unfinished one throws (retry.ts decides). */
function outputOf(response: Response): Response {
  if (response.status === 'failed') {
    throw new ResponseFailedError(
      response.error?.code,
      response.error?.message ?? 'response failed',
    );
  }
  if (response.status !== 'completed' && response.status !== 'incomplete') {
    throw new IncompleteStreamError();
  }
  return response;
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
    this.contextWindow = options.capabilities.inputRoom;
  }

  /** The request body (without `stream`). */
  params(request: TurnRequest): ResponseCreateParamsNonStreaming {
    const effort = reasoningEffortFor(this.options);
    return {
      model: this.model,
      instructions: request.instructions,
      input: toResponsesInput(request.input),
      store: this.options.azure,
      ...(request.tools.length > 0
        ? { tools: responsesTools(request.tools, this.nativeTools) }
        : {}),
      ...(effort !== undefined
        ? { reasoning: { effort }, include: ['reasoning.encrypted_content' as const] }
        : {}),
    };
  }

  async turn(request: TurnRequest): Promise<Turn> {
    const params = this.params(request);
    const { value, retries } = await withRetries(
      (ctx) => (this.options.stream ? this.streamed(params, ctx) : this.whole(params, ctx)),
      retryFor(this.options),
      request.signal,
    );
    return buildTurn(
      this.options,
      itemsOfOutput(value.output),
      usageFromResponses(value.usage),
      retries,
    );
  }

  private requestOptions(ctx: AttemptContext): { signal: AbortSignal; timeout: number } {
    return { signal: ctx.signal, timeout: this.options.requestTimeoutMs };
  }

  private async whole(
    params: ResponseCreateParamsNonStreaming,
    ctx: AttemptContext,
  ): Promise<Response> {
    return outputOf(
      await this.client.responses.create({ ...params, stream: false }, this.requestOptions(ctx)),
    );
  }

  private async streamed(
    params: ResponseCreateParamsNonStreaming,
    ctx: AttemptContext,
  ): Promise<Response> {
    const stream = this.client.responses.stream(
      { ...params, stream: true },
      this.requestOptions(ctx),
    );
    const final = stream.finalResponse();
    // The iteration below reports any failure; this keeps the helper's promise from going unhandled.
    final.catch(() => undefined);
    const meter = new StreamMeter();
    for await (const event of stream) {
      ctx.touch();
      meter.add('delta' in event && typeof event.delta === 'string' ? event.delta.length : 0);
      if (event.type === 'error') {
        throw new ResponseFailedError(event.code ?? undefined, event.message);
      }
    }
    return outputOf(await final);
  }

  async compact(
    request: TurnRequest,
  ): Promise<{ items: readonly Item[]; usage: Usage; costUsd: number } | undefined> {
    const body: CompactBody = {
      model: this.model,
      instructions: request.instructions,
      input: toResponsesInput(request.input),
      ...(request.tools.length > 0
        ? { tools: responsesTools(request.tools, this.nativeTools) }
        : {}),
    };
    try {
      const { value } = await withRetries(
        (ctx) =>
          this.client.post<CompactedResponse>('/responses/compact', {
            body,
            ...this.requestOptions(ctx),
          }),
        retryFor({ ...this.options, stream: false }),
        request.signal,
      );
      const items = compactedItems(value.output);
      const usage = usageFromResponses(value.usage);
      return {
        items,
        usage,
        costUsd: costOf(this.model, usage, this.options.capabilities.price).usd,
      };
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
