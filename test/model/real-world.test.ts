/**
 * The mismatches between the model port and the real services (issue 16),
 * each driven through the adapters against the strict fake server. Every case
 * here failed on the port before the fix.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/index.js';
import { defaultRetryOptions } from '../../src/model/retry.js';
import type { Item, ToolCall } from '../../src/model/types.js';
import { runShellTool, type ShellDeps } from '../../src/tools/shell.js';
import { scrubEnv } from '../../src/workspace/env.js';
import { createGuard } from '../../src/workspace/guard.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../fakes/openai-server.js';
import { TOOLS, exchange, modelConfig, noSleep } from './helpers.js';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function input(index: number): Record<string, unknown>[] {
  const body = fake?.requests[index]?.body;
  return Array.isArray(body?.input) ? (body.input as Record<string, unknown>[]) : [];
}

const ask = (items: Item[] = [{ type: 'message', role: 'user', text: 'Fix it.' }]) => ({
  instructions: 'You are greenloop.',
  input: items,
  tools: TOOLS,
});

describe('1. input room is the window less the reserved output', () => {
  it('gives gpt-5.1-codex-max 272,000 tokens of input (codex-rs model_family.rs), not 400,000', () => {
    const model = createModelClient(modelConfig(), { env: {} });
    expect(model.contextWindow).toBe(272_000);
  });

  it('the strict fake answers context_length_exceeded past the limit, reported as context-full', async () => {
    fake = await startFakeOpenAI([{ text: 'never' }], { contextLimits: { 'gpt-5': 500 } });
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { maxRetries: 0 });
    const big = 'word '.repeat(2000);
    await expect(
      model.turn(ask([{ type: 'message', role: 'user', text: big }])),
    ).rejects.toMatchObject({ name: 'ModelError', status: 'context-full', httpStatus: 400 });
  });
});

describe('2. Azure OpenAI rejects replayed item ids when nothing was stored', () => {
  it('replays reasoning across turns on Azure (store: true there), never sending other ids', async () => {
    fake = await startFakeOpenAI(
      [
        {
          reasoning: 'enc-1',
          text: 'Looking.',
          toolCalls: [{ name: 'read_file', arguments: { path: 'a' } }],
        },
        { reasoning: 'enc-2', text: 'Done.' },
      ],
      { azure: true },
    );
    expect(fake.url).toMatch(/\/openai\/v1$/);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { maxRetries: 0 });
    const { turns } = await exchange(model);
    expect(turns.map((t) => t.text)).toEqual(['Looking.', 'Done.']);
    expect(fake.requests[0]?.body?.store).toBe(true);
    const replayed = input(1);
    expect(replayed.filter((i) => i.id !== undefined).map((i) => i.type)).toEqual(['reasoning']);
  });

  it('sends no ids but the reasoning ones to OpenAI (store: false)', async () => {
    fake = await startFakeOpenAI([
      {
        reasoning: 'enc-1',
        text: 'Looking.',
        toolCalls: [{ name: 'shell', arguments: { commands: ['ls'] } }],
      },
      { text: 'Done.' },
    ]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { maxRetries: 0 });
    await exchange(model);
    expect(fake.requests[1]?.body?.store).toBe(false);
    expect(
      input(1)
        .filter((i) => i.id !== undefined)
        .map((i) => i.type),
    ).toEqual(['reasoning']);
  });
});

describe('4. chat tool-call streams of other servers', () => {
  const chat = (url: string) =>
    createModelClient(modelConfig({ baseUrl: url, api: 'chat', model: 'qwen3-coder' }), {
      maxRetries: 0,
    });

  it('assigns a name repeated in every delta (no index, arguments split mid-escape)', async () => {
    const args = { command: 'printf "a\\"b\\\\n"', path: 'C:\\tmp\\"x"' };
    fake = await startFakeOpenAI(
      [{ toolCalls: [{ name: 'shell', arguments: args, callId: 'call_1' }] }],
      { chatToolCalls: 'repeated', chunkSize: 3 },
    );
    const turn = await chat(fake.url).turn(ask());
    expect(turn.toolCalls).toEqual([
      expect.objectContaining({ name: 'shell', callId: 'call_1', args }),
    ]);
  });

  it.each(['ollama-index-0', 'ollama-no-index'] as const)(
    'keeps two calls apart when the server sends %s',
    async (style) => {
      fake = await startFakeOpenAI(
        [
          {
            toolCalls: [
              { name: 'read_file', arguments: { path: 'a.ts' }, callId: 'call_a' },
              { name: 'read_file', arguments: { path: 'b.ts' }, callId: 'call_b' },
            ],
          },
        ],
        { chatToolCalls: style },
      );
      const turn = await chat(fake.url).turn(ask());
      expect(turn.toolCalls.map((c) => [c.callId, c.args])).toEqual([
        ['call_a', { path: 'a.ts' }],
        ['call_b', { path: 'b.ts' }],
      ]);
    },
  );
});

describe('5. shell_call_output: one entry per command, max_output_length echoed', () => {
  let ws: string;
  let deps: ShellDeps;
  beforeAll(async () => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-rw-')));
    deps = {
      runner: await createProcessRunner({ sandbox: 'none', workspace: ws }),
      guard: createGuard(ws, []),
      env: scrubEnv(process.env),
    };
  });
  afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('answers a two-command shell_call with the real shell tool', async () => {
    fake = await startFakeOpenAI([
      {
        toolCalls: [
          {
            name: 'shell',
            arguments: { commands: ['echo one', 'echo two >&2'], max_output_length: 4000 },
          },
        ],
      },
      { text: 'Done.' },
    ]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { maxRetries: 0 });
    const first = await model.turn(ask());
    const call: ToolCall = first.toolCalls[0]!;
    const result = await runShellTool(call, deps);
    await model.turn(ask([...ask().input, ...first.items, { type: 'tool_result', result }]));
    expect(input(1).at(-1)).toEqual({
      type: 'shell_call_output',
      call_id: call.callId,
      max_output_length: 4000,
      output: [
        { stdout: 'one\n', stderr: '', outcome: { type: 'exit', exit_code: 0 } },
        { stdout: '', stderr: 'two\n', outcome: { type: 'exit', exit_code: 0 } },
      ],
    });
  });
});

describe('6. assistant phase', () => {
  it('keeps the phase of an assistant message on replay', async () => {
    fake = await startFakeOpenAI([
      {
        text: 'Checking first.',
        phase: 'commentary',
        toolCalls: [{ name: 'read_file', arguments: { path: 'a' } }],
      },
      { text: 'Done.', phase: 'final_answer' },
    ]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { maxRetries: 0 });
    await exchange(model);
    expect(input(1)).toContainEqual({
      type: 'message',
      role: 'assistant',
      content: 'Checking first.',
      phase: 'commentary',
    });
  });
});

describe('7. reasoning effort checked per model', () => {
  it.each([
    ['gpt-5.1-codex-max', 'minimal', 'low, medium, high, xhigh'],
    ['gpt-5.1-codex-max', 'none', 'low, medium, high, xhigh'],
    ['gpt-5', 'none', 'minimal, low, medium, high'],
    ['gpt-5.1', 'minimal', 'none, low, medium, high'],
  ] as const)(
    '%s with %s fails before any request, naming what it accepts',
    async (model, effort, accepted) => {
      fake = await startFakeOpenAI([{ text: 'never' }]);
      const client = createModelClient(
        modelConfig({ baseUrl: fake.url, model, reasoningEffort: effort }),
        { maxRetries: 0 },
      );
      await expect(client.turn(ask())).rejects.toMatchObject({
        name: 'ModelError',
        status: 'model-error',
        message: expect.stringContaining(`(it accepts: ${accepted})`),
      });
      expect(fake.requests).toHaveLength(0);
    },
  );
});

describe('8. vendor-prefixed model names', () => {
  it('prices, reasons and uses native tools for openai/gpt-5.1-codex (OpenRouter)', async () => {
    fake = await startFakeOpenAI([
      { text: 'ok', usage: { inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 0 } },
    ]);
    const model = createModelClient(
      modelConfig({ baseUrl: fake.url, model: 'openai/gpt-5.1-codex', reasoningEffort: 'medium' }),
      { maxRetries: 0 },
    );
    expect(model.nativeTools).toBe(true);
    expect(model.contextWindow).toBe(272_000);
    const turn = await model.turn(ask());
    expect(turn.costUsd).toBeCloseTo(1.25, 10);
    expect(fake.requests[0]?.body).toMatchObject({ reasoning: { effort: 'medium' } });
  });

  it('takes an Azure deployment name from the context-window and price inputs', () => {
    const model = createModelClient(
      modelConfig({
        model: 'prod-coder',
        contextWindow: 400_000,
        price: { input: 1, cachedInput: 0.1, output: 8 },
      }),
      { env: {} },
    );
    expect(model.contextWindow).toBe(368_000);
    expect(model.nativeTools).toBe(false);
  });
});

describe('9. the rest', () => {
  it('declares the native shell tool with a local environment', async () => {
    fake = await startFakeOpenAI([{ text: 'ok' }]);
    await createModelClient(modelConfig({ baseUrl: fake.url })).turn(ask());
    expect(fake.requests[0]?.body?.tools).toContainEqual({
      type: 'shell',
      environment: { type: 'local' },
    });
  });

  it('waits 300 s for a silent stream by default, as Codex does', () => {
    expect(defaultRetryOptions.idleTimeoutMs).toBe(300_000);
  });

  it('does not abort (and pay again for) a reasoning phase shorter than the idle timeout', async () => {
    fake = await startFakeOpenAI([
      { fault: 'silent-reasoning', silentMs: 300, then: { text: 'thought' } },
    ]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), {
      idleTimeoutMs: 5_000,
      sleep: noSleep,
    });
    const turn = await model.turn(ask());
    expect(turn.text).toBe('thought');
    expect(turn.retries).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([true, false])(
    'does not replay the lone reasoning item of an incomplete response (stream=%s)',
    async (stream) => {
      fake = await startFakeOpenAI([{ fault: 'incomplete-reasoning' }, { text: 'Done.' }]);
      const model = createModelClient(modelConfig({ baseUrl: fake.url }), {
        stream,
        maxRetries: 0,
      });
      const first = await model.turn(ask());
      expect(first.items).toEqual([]);
      const second = await model.turn(
        ask([...ask().input, ...first.items, { type: 'message', role: 'user', text: 'Go on.' }]),
      );
      expect(second.text).toBe('Done.');
    },
  );

  it('sends the tool definitions to /responses/compact', async () => {
    fake = await startFakeOpenAI([
      { toolCalls: [{ name: 'shell', arguments: { commands: ['ls'] } }] },
    ]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { maxRetries: 0 });
    const first = await model.turn(ask());
    const result = await model.compact?.(
      ask([
        ...ask().input,
        ...first.items,
        {
          type: 'tool_result',
          result: {
            callId: first.toolCalls[0]!.callId,
            name: 'shell',
            wire: 'native',
            output: 'a',
            ok: true,
          },
        },
      ]),
    );
    expect(result?.items.at(-1)).toMatchObject({ type: 'opaque', item: { type: 'compaction' } });
    expect(fake.requests[1]?.body?.tools).toContainEqual({
      type: 'shell',
      environment: { type: 'local' },
    });
  });

  // The SDK (7.x makeStatusError) wraps such bodies itself; this guards that it still does.
  it('keeps the text of an error body with a top-level message (older vLLM)', async () => {
    fake = await startFakeOpenAI([
      {
        fault: 'status',
        status: 400,
        body: {
          object: 'error',
          message: "This model's maximum context length is 32768 tokens.",
          type: 'BadRequestError',
          param: null,
          code: 400,
        },
      },
    ]);
    const model = createModelClient(
      modelConfig({ baseUrl: fake.url, api: 'chat', model: 'qwen3-coder' }),
      { maxRetries: 0 },
    );
    await expect(model.turn(ask())).rejects.toMatchObject({
      status: 'context-full',
      message: expect.stringContaining('maximum context length is 32768 tokens'),
    });
  });

  it.each<Reply>([
    { fault: 'sse-error', code: 'server_error' },
    { fault: 'response-failed', code: 'server_error' },
  ])('retries a %j stream, then succeeds', async (fault) => {
    fake = await startFakeOpenAI([fault, { text: 'ok' }]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { sleep: noSleep });
    const turn = await model.turn(ask());
    expect(turn.text).toBe('ok');
    expect(turn.retries).toBe(1);
  });
});
