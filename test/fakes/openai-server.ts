/**
 * A fake OpenAI-compatible server on 127.0.0.1 (real node:http, random port)
 * for tests of the model adapters, the loop, the benchmark and end-to-end runs.
 *
 * Endpoints:
 *   POST /v1/responses          Responses API: SSE when `body.stream`, else JSON
 *   POST /v1/responses/compact  server-side compaction (see `options.compact`)
 *   POST /v1/chat/completions   Chat Completions: SSE chunks when `body.stream`, else JSON
 *
 * Scripting: `startFakeOpenAI(script, options?)` where `script` is either a list
 * of replies consumed in order by /responses and /chat/completions requests,
 * or a function `(request, index) => Reply` (index counts those requests from 0).
 * When a list runs out the server answers 400 `fake-openai: script exhausted`.
 *
 *   const fake = await startFakeOpenAI([
 *     { toolCalls: [{ name: 'read_file', arguments: { path: 'a.ts' } }] },
 *     { toolCalls: [{ name: 'shell', arguments: { commands: ['npm test'] } }] }, // native when offered
 *     { fault: 'status', status: 429, headers: { 'retry-after': '1' } },
 *     { text: 'done', usage: { inputTokens: 1000, cachedInputTokens: 800 } },
 *   ]);
 *   // ... createModelClient({ ..., baseUrl: fake.url }) ...
 *   fake.requests[0].body;  // the parsed JSON the client sent
 *   await fake.close();
 *
 * Replies:
 *   { text?, toolCalls?, reasoning?, usage? }   a normal answer. `toolCalls[].arguments` is an
 *       object (JSON-encoded) or a raw string (sent as-is, e.g. invalid JSON). On /responses,
 *       calls named `shell` / `apply_patch` become native `shell_call` / `apply_patch_call` items
 *       when `native: true`, or when `native` is unset and the request offered `{ type: name }`.
 *       Native shell arguments: `{ commands, timeout_ms?, max_output_length? }`; native
 *       apply_patch: `{ operation: { type, path, diff? } }`. `reasoning: 'blob'` adds a
 *       reasoning item with that `encrypted_content` first (/responses only). `usage` overrides
 *       parts of the default usage (input ≈ request body length / 4, so it grows with the
 *       history; output ≈ answer length / 4; reasoning 16 when `reasoning` is set).
 *   { fault: 'status', status, headers?, body? }  that HTTP status (body defaults to an
 *       OpenAI-style `{ error: { message, type, code } }`).
 *   { fault: 'context-length' }                 400 with code `context_length_exceeded`.
 *   { fault: 'cut-stream', afterEvents? }       (streaming) send that many events (default 3) of
 *       a text answer, then destroy the socket; (non-streaming) destroy the socket at once.
 *   { fault: 'slow-first-byte', delayMs, then? } wait before the status line, then answer `then`
 *       (default `{ text: 'ok' }`).
 *   { fault: 'stall', afterEvents? }            send that many events (default 2), then go silent
 *       until the client hangs up (non-streaming: never answer).
 *   { fault: 'empty' }                          a completed answer with no output at all.
 *   { fault: 'sse-error', code?, message? }     (streaming) `response.created`, then an SSE
 *       `error` event (non-streaming: HTTP 500).
 *   { fault: 'response-failed', code?, message? } a `response.failed` event (non-streaming:
 *       a response with `status: 'failed'`).
 *   { fault: 'incomplete-reasoning' }           a response that ends `incomplete`
 *       (max_output_tokens) with only a reasoning item.
 *   { fault: 'silent-reasoning', silentMs, then? } a long reasoning phase: the reasoning item is
 *       announced, then nothing is sent for `silentMs` (Codex waits 300 s for such streams), then
 *       the answer `then` (default `{ text: 'ok' }`) follows.
 *   { fault: 'endless-stream', delta? }         (streaming) a text answer whose `delta` (default
 *       'x' × 64 KiB) repeats until the client hangs up: never `response.completed` (Responses)
 *       nor a `finish_reason` (Chat). The real APIs always end an answer with one of those
 *       (Responses streaming guide: `response.completed`/`.incomplete`/`.failed`; Chat:
 *       the SDK's `ChatCompletionChunk.Choice.finish_reason`), so this models a broken server.
 *       Writes respect back-pressure, so the fake never buffers more than the socket does.
 *
 * Strictness (on unless `strict: false`; rules and their sources in openai-rules.ts):
 * /responses bodies, tool declarations and input items are checked against the SDK's types;
 * replayed item ids need `store: true` (reasoning ids with encrypted content excepted, except in
 * `azure` mode); every tool output answers an earlier call; a reasoning item needs its following
 * item; reasoning efforts are checked per model; past a model's input limit (gpt-5*: 272,000
 * o200k tokens) the answer is 400 `context_length_exceeded`; /responses/compact needs the tools
 * its input refers to. Chat: tool messages answer an earlier call; the same context limits.
 * `azure: true` serves under `/openai/v1` (Azure's v1 base URL) and rejects item ids when
 * nothing was stored. `chatToolCalls` streams chat tool calls the way other servers do:
 * 'repeated' (id and name in every delta, no `index`, arguments split right after each
 * backslash, i.e. mid-escape), 'ollama-no-index' (each call whole, no `index`: Ollama before
 * 0.4.7, ollama/ollama#7881), 'ollama-index-0' (each call whole, `index: 0` for all:
 * ollama/ollama#15457).
 *
 * Compaction (`options.compact`): 'unsupported' answers 404; a function
 * `(request, index) => CompactReply` scripts it; by default the output is the
 * request's user messages plus one `compaction` item whose `encrypted_content`
 * is `fake-compaction:<n>` (n = number of input items replaced).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkChatRequest,
  checkCompactRequest,
  checkResponsesRequest,
  type Rejection,
} from './openai-rules.js';

export interface FakeUsage {
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
}

export interface ScriptedToolCall {
  readonly name: string;
  /** An object (sent as JSON) or a raw argument string (sent as-is). */
  readonly arguments?: Readonly<Record<string, unknown>> | string;
  /** Force native (`true`) or function (`false`) rendering on /responses; unset = native when offered. */
  readonly native?: boolean;
  readonly callId?: string;
}

export interface AnswerReply {
  readonly text?: string;
  readonly toolCalls?: readonly ScriptedToolCall[];
  /** Encrypted content of a reasoning item emitted before the answer (/responses only). */
  readonly reasoning?: string;
  readonly usage?: Partial<FakeUsage>;
  /** `phase` of the assistant message (/responses only; SDK `ResponseOutputMessage.phase`). */
  readonly phase?: 'commentary' | 'final_answer';
  readonly fault?: undefined;
}

export type FaultReply =
  | {
      readonly fault: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: unknown;
    }
  | { readonly fault: 'context-length' }
  | { readonly fault: 'cut-stream'; readonly afterEvents?: number }
  | { readonly fault: 'slow-first-byte'; readonly delayMs: number; readonly then?: AnswerReply }
  | { readonly fault: 'stall'; readonly afterEvents?: number }
  | { readonly fault: 'empty' }
  | { readonly fault: 'sse-error'; readonly code?: string; readonly message?: string }
  | { readonly fault: 'response-failed'; readonly code?: string; readonly message?: string }
  | { readonly fault: 'incomplete-reasoning' }
  | { readonly fault: 'silent-reasoning'; readonly silentMs: number; readonly then?: AnswerReply }
  | { readonly fault: 'endless-stream'; readonly delta?: string };

export type Reply = AnswerReply | FaultReply;

export interface RecordedRequest {
  readonly method: string;
  /** Path including the `/v1` prefix, e.g. `/v1/responses`. */
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body (undefined when empty or not JSON). */
  readonly body: Record<string, unknown> | undefined;
  /** Raw body text. */
  readonly raw: string;
}

export type Script = readonly Reply[] | ((request: RecordedRequest, index: number) => Reply);

export type CompactReply =
  | { readonly output?: readonly Record<string, unknown>[]; readonly usage?: Partial<FakeUsage> }
  | Extract<FaultReply, { fault: 'status' }>;

export interface FakeOpenAIOptions {
  readonly compact?: 'unsupported' | ((request: RecordedRequest, index: number) => CompactReply);
  /** Characters per streamed text/argument delta (default 8). */
  readonly chunkSize?: number;
  /** Enforce the real services' rules (default true). */
  readonly strict?: boolean;
  /** Behave as Azure OpenAI (served under `/openai/v1`). */
  readonly azure?: boolean;
  /** Input limits by model-name prefix, over the built-in ones (e.g. `{ 'gpt-5': 20_000 }`). */
  readonly contextLimits?: Readonly<Record<string, number>>;
  /** How chat tool calls are streamed (default 'openai'). */
  readonly chatToolCalls?: 'openai' | 'repeated' | 'ollama-no-index' | 'ollama-index-0';
}

export interface FakeOpenAI {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  /** Every request received, in order (including faulted ones and compaction). */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const MODEL_PATHS = new Set(['/v1/responses', '/v1/chat/completions']);

function errorBody(
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
): Json {
  return { error: { message, type, param, code } };
}

function chunks(text: string, size: number): string[] {
  if (text === '') return [];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Pieces of `text`, cut after every backslash (inside a JSON escape) and every `size` characters. */
function splitMidEscape(text: string, size: number): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of text) {
    piece += ch;
    if (ch === '\\' || piece.length >= size) {
      out.push(piece);
      piece = '';
    }
  }
  if (piece !== '' || out.length === 0) out.push(piece);
  return out;
}

function argumentText(call: ScriptedToolCall): string {
  if (typeof call.arguments === 'string') return call.arguments;
  return JSON.stringify(call.arguments ?? {});
}

function offeredNative(body: Json | undefined, name: string): boolean {
  const tools = body?.tools;
  return (
    Array.isArray(tools) &&
    tools.some((t) => typeof t === 'object' && t !== null && (t as Json).type === name)
  );
}

function isNative(call: ScriptedToolCall, body: Json | undefined): boolean {
  if (call.name !== 'shell' && call.name !== 'apply_patch') return false;
  return call.native ?? offeredNative(body, call.name);
}

function usageOf(reply: AnswerReply, raw: string): FakeUsage {
  const answer =
    (reply.text ?? '') + (reply.toolCalls ?? []).map((c) => c.name + argumentText(c)).join('');
  const reasoningTokens = reply.usage?.reasoningTokens ?? (reply.reasoning !== undefined ? 16 : 0);
  return {
    inputTokens: reply.usage?.inputTokens ?? Math.ceil(raw.length / 4),
    cachedInputTokens: reply.usage?.cachedInputTokens ?? 0,
    outputTokens: reply.usage?.outputTokens ?? Math.ceil(answer.length / 4) + reasoningTokens,
    reasoningTokens,
  };
}

function responsesUsage(u: FakeUsage): Json {
  return {
    input_tokens: u.inputTokens,
    input_tokens_details: { cached_tokens: u.cachedInputTokens, cache_write_tokens: 0 },
    output_tokens: u.outputTokens,
    output_tokens_details: { reasoning_tokens: u.reasoningTokens },
    total_tokens: u.inputTokens + u.outputTokens,
  };
}

function chatUsage(u: FakeUsage): Json {
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cachedInputTokens },
    completion_tokens_details: { reasoning_tokens: u.reasoningTokens },
  };
}

/** Counter-based ids so recorded runs are deterministic. */
class Ids {
  private n = 0;
  next(prefix: string): string {
    this.n += 1;
    return `${prefix}_${String(this.n).padStart(6, '0')}`;
  }
}

/** The SSE events of a Responses answer, plus the final response object. */
function responsesEvents(
  reply: AnswerReply,
  req: RecordedRequest,
  ids: Ids,
  chunkSize: number,
): { events: Json[]; response: Json } {
  const model = typeof req.body?.model === 'string' ? req.body.model : 'fake-model';
  const id = ids.next('resp');
  const base: Json = {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    model,
    status: 'in_progress',
    output: [],
    usage: null,
    error: null,
    incomplete_details: null,
    instructions: req.body?.instructions ?? null,
    tools: req.body?.tools ?? [],
    parallel_tool_calls: true,
    store: req.body?.store ?? false,
  };
  const events: Json[] = [
    { type: 'response.created', response: base },
    { type: 'response.in_progress', response: base },
  ];
  const output: Json[] = [];
  const add = (item: Json, done: Json, middle: (index: number) => Json[]): void => {
    const output_index = output.length;
    events.push({ type: 'response.output_item.added', output_index, item });
    events.push(...middle(output_index));
    events.push({ type: 'response.output_item.done', output_index, item: done });
    output.push(done);
  };
  if (reply.reasoning !== undefined) {
    const rid = ids.next('rs');
    add(
      { id: rid, type: 'reasoning', summary: [] },
      {
        id: rid,
        type: 'reasoning',
        summary: [],
        encrypted_content: reply.reasoning,
      },
      () => [],
    );
  }
  if (reply.text !== undefined && reply.text !== '') {
    const text = reply.text;
    const mid = ids.next('msg');
    const part = { type: 'output_text', text, annotations: [], logprobs: [] };
    add(
      { id: mid, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
      {
        id: mid,
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [part],
        ...(reply.phase ? { phase: reply.phase } : {}),
      },
      (output_index) => [
        {
          type: 'response.content_part.added',
          item_id: mid,
          output_index,
          content_index: 0,
          part: { ...part, text: '' },
        },
        ...chunks(text, chunkSize).map((delta) => ({
          type: 'response.output_text.delta',
          item_id: mid,
          output_index,
          content_index: 0,
          delta,
          logprobs: [],
        })),
        {
          type: 'response.output_text.done',
          item_id: mid,
          output_index,
          content_index: 0,
          text,
          logprobs: [],
        },
        { type: 'response.content_part.done', item_id: mid, output_index, content_index: 0, part },
      ],
    );
  }
  for (const call of reply.toolCalls ?? []) {
    const callId = call.callId ?? ids.next('call');
    const args = typeof call.arguments === 'object' ? call.arguments : {};
    if (isNative(call, req.body) && call.name === 'shell') {
      const sid = ids.next('sh');
      const action = {
        commands: Array.isArray(args.commands) ? args.commands : [],
        timeout_ms: typeof args.timeout_ms === 'number' ? args.timeout_ms : null,
        max_output_length:
          typeof args.max_output_length === 'number' ? args.max_output_length : null,
      };
      const item = { id: sid, type: 'shell_call', call_id: callId, action, environment: null };
      add({ ...item, status: 'in_progress' }, { ...item, status: 'completed' }, () => []);
    } else if (isNative(call, req.body) && call.name === 'apply_patch') {
      const pid = ids.next('apc');
      const operation = typeof args.operation === 'object' ? args.operation : args;
      const item = { id: pid, type: 'apply_patch_call', call_id: callId, operation };
      add({ ...item, status: 'in_progress' }, { ...item, status: 'completed' }, () => []);
    } else {
      const fid = ids.next('fc');
      const text = argumentText(call);
      const item = { id: fid, type: 'function_call', call_id: callId, name: call.name };
      add(
        { ...item, arguments: '', status: 'in_progress' },
        { ...item, arguments: text, status: 'completed' },
        (output_index) => [
          ...chunks(text, chunkSize).map((delta) => ({
            type: 'response.function_call_arguments.delta',
            item_id: fid,
            output_index,
            delta,
          })),
          {
            type: 'response.function_call_arguments.done',
            item_id: fid,
            output_index,
            name: call.name,
            arguments: text,
          },
        ],
      );
    }
  }
  const response = {
    ...base,
    status: 'completed',
    output,
    usage: responsesUsage(usageOf(reply, req.raw)),
  };
  events.push({ type: 'response.completed', response });
  events.forEach((e, i) => (e.sequence_number = i));
  return { events, response };
}

/** The SSE chunks of a chat answer, plus the whole completion object. */
function chatEvents(
  reply: AnswerReply,
  req: RecordedRequest,
  ids: Ids,
  chunkSize: number,
  style: NonNullable<FakeOpenAIOptions['chatToolCalls']>,
): { events: Json[]; completion: Json } {
  const model = typeof req.body?.model === 'string' ? req.body.model : 'fake-model';
  const id = ids.next('chatcmpl');
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Json, finish: string | null = null): Json => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const text = reply.text ?? '';
  const calls = (reply.toolCalls ?? []).map((c) => ({
    id: c.callId ?? ids.next('call'),
    name: c.name,
    args: argumentText(c),
  }));
  const finish = calls.length > 0 ? 'tool_calls' : 'stop';
  const usage = chatUsage(usageOf(reply, req.raw));
  const events: Json[] = [chunk({ role: 'assistant', content: '' })];
  for (const delta of chunks(text, chunkSize)) events.push(chunk({ content: delta }));
  calls.forEach((c, index) => {
    if (style === 'ollama-no-index' || style === 'ollama-index-0') {
      const whole = { id: c.id, type: 'function', function: { name: c.name, arguments: c.args } };
      events.push(
        chunk({ tool_calls: [style === 'ollama-index-0' ? { index: 0, ...whole } : whole] }),
      );
      return;
    }
    if (style === 'repeated') {
      for (const delta of splitMidEscape(c.args, chunkSize)) {
        events.push(
          chunk({
            tool_calls: [
              { id: c.id, type: 'function', function: { name: c.name, arguments: delta } },
            ],
          }),
        );
      }
      return;
    }
    events.push(
      chunk({
        tool_calls: [
          { index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } },
        ],
      }),
    );
    for (const delta of chunks(c.args, chunkSize)) {
      events.push(chunk({ tool_calls: [{ index, function: { arguments: delta } }] }));
    }
  });
  events.push(chunk({}, finish));
  const streamOptions = req.body?.stream_options;
  if (
    typeof streamOptions === 'object' &&
    streamOptions !== null &&
    (streamOptions as Json).include_usage
  ) {
    events.push({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
  }
  const message: Json = { role: 'assistant', content: text === '' ? null : text, refusal: null };
  if (calls.length > 0) {
    message.tool_calls = calls.map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: c.args },
    }));
  }
  const completion = {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
    usage,
  };
  return { events, completion };
}

function defaultCompaction(req: RecordedRequest, ids: Ids): Json {
  const input = Array.isArray(req.body?.input) ? (req.body.input as unknown[]) : [];
  const users = input.filter(
    (i): i is Json =>
      typeof i === 'object' &&
      i !== null &&
      (i as Json).type === 'message' &&
      (i as Json).role === 'user',
  );
  return {
    output: [
      // CompactedResponse.output: "a list of all user messages, followed by a single compaction item".
      ...users.map((u) => ({
        id: ids.next('msg'),
        type: 'message',
        role: 'user',
        status: 'completed',
        content:
          typeof u.content === 'string' ? [{ type: 'input_text', text: u.content }] : u.content,
      })),
      {
        id: ids.next('cmp'),
        type: 'compaction',
        encrypted_content: `fake-compaction:${input.length}`,
      },
    ],
  };
}

export async function startFakeOpenAI(
  script: Script,
  options: FakeOpenAIOptions = {},
): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const ids = new Ids();
  const chunkSize = options.chunkSize ?? 8;
  let modelIndex = 0;
  let compactIndex = 0;
  const strict = options.strict ?? true;
  const azure = options.azure ?? false;
  /** Ids of output items of responses made with `store: true`. */
  const stored = new Set<string>();
  const rulesFor = (req: RecordedRequest) => ({
    store: req.body?.store === true,
    azure,
    stored,
    contextLimits: options.contextLimits,
  });
  const check = (req: RecordedRequest): Rejection | undefined => {
    if (!strict) return undefined;
    if (req.path === '/v1/responses') return checkResponsesRequest(req.body, rulesFor(req));
    if (req.path === '/v1/chat/completions') return checkChatRequest(req.body, rulesFor(req));
    return checkCompactRequest(req.body, rulesFor(req));
  };

  const nextReply = (req: RecordedRequest): Reply => {
    const index = modelIndex++;
    if (typeof script === 'function') return script(req, index);
    const reply = script[index];
    if (reply !== undefined) return reply;
    return {
      fault: 'status',
      status: 400,
      body: errorBody(
        `fake-openai: script exhausted after ${script.length} replies`,
        'invalid_request_error',
        'script_exhausted',
      ),
    };
  };

  const sendJson = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const startSse = (res: http.ServerResponse): void => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
  };

  const writeEvent = (res: http.ServerResponse, event: Json, chat: boolean): void => {
    if (res.destroyed) return;
    const data = JSON.stringify(event);
    res.write(chat ? `data: ${data}\n\n` : `event: ${String(event.type)}\ndata: ${data}\n\n`);
  };

  const answer = (
    req: RecordedRequest,
    res: http.ServerResponse,
    reply: AnswerReply,
    cutAfter?: number,
    stallAfter?: number,
  ): void => {
    const chat = req.path === '/v1/chat/completions';
    const streaming = req.body?.stream === true;
    const built = chat
      ? chatEvents(reply, req, ids, chunkSize, options.chatToolCalls ?? 'openai')
      : responsesEvents(reply, req, ids, chunkSize);
    if ('response' in built) remember(req, built.response);
    if (!streaming) {
      if (cutAfter !== undefined) {
        res.socket?.destroy();
        return;
      }
      if (stallAfter !== undefined) return; // never answer
      sendJson(res, 200, 'completion' in built ? built.completion : built.response);
      return;
    }
    startSse(res);
    const limit = cutAfter ?? stallAfter;
    const events = limit === undefined ? built.events : built.events.slice(0, limit);
    for (const event of events) writeEvent(res, event, chat);
    if (cutAfter !== undefined) {
      // Let the written events reach the client before the reset.
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (stallAfter !== undefined) return; // silent until the client hangs up
    if (chat) res.write('data: [DONE]\n\n');
    res.end();
  };

  const remember = (req: RecordedRequest, response: Json): void => {
    if (req.body?.store !== true || !Array.isArray(response.output)) return;
    for (const item of response.output as unknown[]) {
      const id = typeof item === 'object' && item !== null ? (item as Json).id : undefined;
      if (typeof id === 'string') stored.add(id);
    }
  };

  /** A streamed answer whose last event is replaced (failed / incomplete endings). */
  const sendEvents = (res: http.ServerResponse, events: readonly Json[]): void => {
    startSse(res);
    events.forEach((event, i) => writeEvent(res, { ...event, sequence_number: i }, false));
    res.end();
  };

  /** The opening events of a text answer, then its first delta again and again (see 'endless-stream'). */
  const endless = (req: RecordedRequest, res: http.ServerResponse, delta: string): void => {
    const chat = req.path === '/v1/chat/completions';
    const built = chat
      ? chatEvents({ text: delta }, req, ids, delta.length, 'openai')
      : responsesEvents({ text: delta }, req, ids, delta.length);
    const first = built.events.findIndex((e) =>
      chat ? e !== built.events[0] : e.type === 'response.output_text.delta',
    );
    const repeated = built.events[first]!;
    startSse(res);
    for (const event of built.events.slice(0, first)) writeEvent(res, event, chat);
    let sequence = first;
    const pump = (): void => {
      while (!res.destroyed) {
        const event = chat ? repeated : { ...repeated, sequence_number: sequence++ };
        const data = JSON.stringify(event);
        const frame = chat
          ? `data: ${data}\n\n`
          : `event: ${String(event.type)}\ndata: ${data}\n\n`;
        if (!res.write(frame)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  };

  const handleModel = async (req: RecordedRequest, res: http.ServerResponse): Promise<void> => {
    const rejection = check(req);
    if (rejection) {
      sendJson(res, rejection.status, rejection.body);
      return;
    }
    const reply = nextReply(req);
    const streaming = req.body?.stream === true;
    switch (reply.fault) {
      case undefined:
        answer(req, res, reply);
        return;
      case 'endless-stream':
        if (!streaming) {
          sendJson(
            res,
            500,
            errorBody('fake-openai: endless-stream needs stream: true', 'server_error', null),
          );
          return;
        }
        endless(req, res, reply.delta ?? 'x'.repeat(64 * 1024));
        return;
      case 'status':
        sendJson(
          res,
          reply.status,
          reply.body ??
            errorBody(
              `fake-openai: scripted status ${reply.status}`,
              reply.status >= 500 ? 'server_error' : 'invalid_request_error',
              null,
            ),
          { ...reply.headers },
        );
        return;
      case 'context-length':
        sendJson(
          res,
          400,
          errorBody(
            "This model's maximum context length is 400000 tokens. However, your messages resulted in 412345 tokens. Please reduce the length of the messages.",
            'invalid_request_error',
            'context_length_exceeded',
            'input',
          ),
        );
        return;
      case 'cut-stream':
        answer(
          req,
          res,
          { text: 'This answer will be cut off before it completes.' },
          reply.afterEvents ?? 3,
        );
        return;
      case 'stall':
        answer(req, res, { text: 'This answer stalls.' }, undefined, reply.afterEvents ?? 2);
        return;
      case 'slow-first-byte':
        await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (res.destroyed || res.socket?.destroyed) return;
        answer(req, res, reply.then ?? { text: 'ok' });
        return;
      case 'empty':
        answer(req, res, { usage: { outputTokens: 0 } });
        return;
      case 'sse-error': {
        const code = reply.code ?? 'server_error';
        const message = reply.message ?? 'The server had an error while processing your request.';
        if (!streaming) {
          sendJson(res, 500, errorBody(message, 'server_error', code));
          return;
        }
        const { events } = responsesEvents({}, req, ids, chunkSize);
        // ResponseErrorEvent: { type: 'error', code, message, param, sequence_number }.
        sendEvents(res, [events[0]!, { type: 'error', code, message, param: null }]);
        return;
      }
      case 'response-failed': {
        const { events, response } = responsesEvents({}, req, ids, chunkSize);
        const failed = {
          ...response,
          status: 'failed',
          output: [],
          error: {
            code: reply.code ?? 'server_error',
            message: reply.message ?? 'The model failed to generate a response.',
          },
        };
        if (!streaming) sendJson(res, 200, failed);
        else
          sendEvents(res, [events[0]!, events[1]!, { type: 'response.failed', response: failed }]);
        return;
      }
      case 'incomplete-reasoning': {
        // A response cut by max_output_tokens during reasoning: its only item is the reasoning.
        const { events, response } = responsesEvents(
          { reasoning: 'cut-short' },
          req,
          ids,
          chunkSize,
        );
        const incomplete = {
          ...response,
          status: 'incomplete',
          incomplete_details: { reason: 'max_output_tokens' },
        };
        remember(req, incomplete);
        if (!streaming) sendJson(res, 200, incomplete);
        else
          sendEvents(res, [
            ...events.slice(0, -1),
            { type: 'response.incomplete', response: incomplete },
          ]);
        return;
      }
      case 'silent-reasoning': {
        const then = reply.then ?? { text: 'ok' };
        const built = responsesEvents(
          { ...then, reasoning: then.reasoning ?? 'long-thought' },
          req,
          ids,
          chunkSize,
        );
        remember(req, built.response);
        if (!streaming) {
          await new Promise((resolve) => setTimeout(resolve, reply.silentMs));
          if (!res.destroyed) sendJson(res, 200, built.response);
          return;
        }
        startSse(res);
        // created, in_progress, the reasoning item announced; then nothing while it "thinks".
        for (const event of built.events.slice(0, 3)) writeEvent(res, event, false);
        await new Promise((resolve) => setTimeout(resolve, reply.silentMs));
        if (res.destroyed || res.socket?.destroyed) return;
        for (const event of built.events.slice(3)) writeEvent(res, event, false);
        res.end();
        return;
      }
    }
  };

  const handleCompact = (req: RecordedRequest, res: http.ServerResponse): void => {
    const rejection = options.compact === 'unsupported' ? undefined : check(req);
    if (rejection) {
      sendJson(res, rejection.status, rejection.body);
      return;
    }
    if (options.compact === 'unsupported') {
      sendJson(
        res,
        404,
        errorBody('Not found: /v1/responses/compact', 'invalid_request_error', 'not_found'),
      );
      return;
    }
    const reply: CompactReply = options.compact
      ? options.compact(req, compactIndex++)
      : defaultCompaction(req, ids);
    if ('fault' in reply) {
      sendJson(
        res,
        reply.status,
        reply.body ??
          errorBody(`fake-openai: scripted status ${reply.status}`, 'server_error', null),
        { ...reply.headers },
      );
      return;
    }
    const output = reply.output ?? (defaultCompaction(req, ids).output as Json[]);
    const usage = usageOf({ usage: reply.usage, text: JSON.stringify(output) }, req.raw);
    sendJson(res, 200, {
      id: ids.next('cmp_resp'),
      object: 'response.compaction',
      created_at: Math.floor(Date.now() / 1000),
      output,
      usage: responsesUsage(usage),
    });
  };

  const server = http.createServer((incoming, res) => {
    const parts: Buffer[] = [];
    incoming.on('data', (c: Buffer) => parts.push(c));
    incoming.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      let body: Json | undefined;
      try {
        const parsed: unknown = raw === '' ? undefined : JSON.parse(raw);
        body = typeof parsed === 'object' && parsed !== null ? (parsed as Json) : undefined;
      } catch {
        body = undefined;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(incoming.headers)) {
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      }
      const rawPath = (incoming.url ?? '/').split('?')[0] ?? '/';
      // Azure OpenAI's v1 API lives under /openai/v1.
      const path = azure
        ? rawPath.startsWith('/openai/v1/')
          ? rawPath.slice('/openai'.length)
          : '/not-azure' + rawPath
        : rawPath;
      const req: RecordedRequest = { method: incoming.method ?? 'GET', path, headers, body, raw };
      requests.push(req);
      if (req.method === 'POST' && MODEL_PATHS.has(path)) {
        handleModel(req, res).catch((e: unknown) => {
          if (!res.headersSent)
            sendJson(res, 500, errorBody(`fake-openai: ${String(e)}`, 'server_error', null));
        });
      } else if (req.method === 'POST' && path === '/v1/responses/compact') {
        handleCompact(req, res);
      } else {
        sendJson(
          res,
          404,
          errorBody(
            `fake-openai: no route ${req.method} ${path}`,
            'invalid_request_error',
            'not_found',
          ),
        );
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${azure ? '/openai/v1' : '/v1'}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
