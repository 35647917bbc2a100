import { afterEach, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/index.js';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../fakes/openai-server.js';
import { SECRET, TOOLS, exchange, modelConfig, noSleep } from './helpers.js';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const NATIVE_SCRIPT: Reply[] = [
  {
    reasoning: 'enc-reasoning-1',
    text: 'Let me look.',
    toolCalls: [{ name: 'shell', arguments: { commands: ['ls', 'npm test'], timeout_ms: 5000 } }],
  },
  {
    toolCalls: [
      {
        name: 'apply_patch',
        arguments: { operation: { type: 'update_file', path: 'src/a.ts', diff: '@@\n-a\n+b\n' } },
      },
    ],
  },
  { text: 'Fixed.', usage: { inputTokens: 1000, cachedInputTokens: 600, outputTokens: 50 } },
];

function inputOf(index: number): Record<string, unknown>[] {
  const body = fake?.requests[index]?.body;
  return (body?.input ?? []) as Record<string, unknown>[];
}

describe.each([true, false])('Responses adapter, native tools, stream=%s', (stream) => {
  it('completes a three-turn shell / apply_patch exchange with the right wire shapes', async () => {
    fake = await startFakeOpenAI(NATIVE_SCRIPT);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { stream });
    expect(model.api).toBe('responses');
    expect(model.nativeTools).toBe(true);
    expect(model.contextWindow).toBe(272_000);

    const { turns } = await exchange(model);
    expect(turns).toHaveLength(3);

    const [t1, t2, t3] = turns;
    expect(t1?.text).toBe('Let me look.');
    expect(t1?.toolCalls).toEqual([
      expect.objectContaining({
        name: 'shell',
        wire: 'native',
        args: { commands: ['ls', 'npm test'], timeout_ms: 5000 },
      }),
    ]);
    expect(t1?.items[0]).toMatchObject({
      type: 'opaque',
      api: 'responses',
      item: { type: 'reasoning', encrypted_content: 'enc-reasoning-1' },
    });
    expect(t2?.toolCalls[0]).toMatchObject({
      name: 'apply_patch',
      wire: 'native',
      args: { operation: { type: 'update_file', path: 'src/a.ts', diff: '@@\n-a\n+b\n' } },
    });
    expect(t3?.text).toBe('Fixed.');
    expect(t3?.toolCalls).toEqual([]);
    expect(t3?.usage).toEqual({
      inputTokens: 1000,
      cachedInputTokens: 600,
      outputTokens: 50,
      reasoningTokens: 0,
    });
    // 400 uncached * 1.25 + 600 * 0.125 + 50 * 10, per million.
    expect(t3?.costUsd).toBeCloseTo((400 * 1.25 + 600 * 0.125 + 50 * 10) / 1e6, 12);

    const first = fake.requests[0];
    expect(first?.path).toBe('/v1/responses');
    expect(first?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(first?.body).toMatchObject({
      model: 'gpt-5.1-codex-max',
      instructions: 'You are greenloop.',
      store: false,
      include: ['reasoning.encrypted_content'],
      reasoning: { effort: 'high' },
      stream,
    });
    expect(first?.body?.tools).toEqual([
      { type: 'shell', environment: { type: 'local' } },
      { type: 'apply_patch' },
      expect.objectContaining({ type: 'function', name: 'read_file' }),
    ]);
    expect(inputOf(0)).toEqual([
      { type: 'message', role: 'user', content: 'Fix the failing test.' },
    ]);

    const second = inputOf(1);
    expect(second[1]).toMatchObject({ type: 'reasoning', encrypted_content: 'enc-reasoning-1' });
    expect(second[2]).toEqual({ type: 'message', role: 'assistant', content: 'Let me look.' });
    const callId = t1?.toolCalls[0]?.callId;
    expect(second[3]).toMatchObject({
      type: 'shell_call',
      call_id: callId,
      action: { commands: ['ls', 'npm test'], timeout_ms: 5000, max_output_length: null },
    });
    expect(second[4]).toEqual({
      type: 'shell_call_output',
      call_id: callId,
      output: [{ stdout: 'a.ts\nb.ts', stderr: 'warn', outcome: { type: 'exit', exit_code: 0 } }],
    });

    const third = inputOf(2);
    expect(third.at(-2)).toMatchObject({
      type: 'apply_patch_call',
      call_id: t2?.toolCalls[0]?.callId,
      operation: { type: 'update_file', path: 'src/a.ts' },
    });
    expect(third.at(-1)).toEqual({
      type: 'apply_patch_call_output',
      call_id: t2?.toolCalls[0]?.callId,
      status: 'completed',
      output: 'result of apply_patch',
    });
  });
});

describe.each([true, false])('Responses adapter, function tools, stream=%s', (stream) => {
  it('sends every tool as a function and returns function_call_output items', async () => {
    fake = await startFakeOpenAI([
      { toolCalls: [{ name: 'shell', arguments: { commands: ['ls'] } }] },
      { toolCalls: [{ name: 'read_file', arguments: { path: 'a.ts' } }] },
      { text: 'Done.' },
    ]);
    const model = createModelClient(
      modelConfig({ baseUrl: fake.url, toolStyle: 'function', reasoningEffort: 'medium' }),
      { stream },
    );
    expect(model.nativeTools).toBe(false);
    const { turns } = await exchange(model);
    expect(turns.map((t) => t.text)).toEqual(['', '', 'Done.']);
    expect(turns[0]?.toolCalls[0]).toMatchObject({
      name: 'shell',
      wire: 'function',
      args: { commands: ['ls'] },
      rawArgs: '{"commands":["ls"]}',
    });
    const tools = fake.requests[0]?.body?.tools as Record<string, unknown>[];
    expect(tools.map((t) => t.type)).toEqual(['function', 'function', 'function']);
    expect(tools.map((t) => t.name)).toEqual(['shell', 'apply_patch', 'read_file']);
    expect(fake.requests[0]?.body?.reasoning).toEqual({ effort: 'medium' });
    const second = inputOf(1);
    expect(second[1]).toEqual({
      type: 'function_call',
      call_id: turns[0]?.toolCalls[0]?.callId,
      name: 'shell',
      arguments: '{"commands":["ls"]}',
    });
    expect(second[2]).toEqual({
      type: 'function_call_output',
      call_id: turns[0]?.toolCalls[0]?.callId,
      output: 'result of shell',
    });
    expect(inputOf(2).at(-1)).toMatchObject({
      type: 'function_call_output',
      output: 'result of read_file',
    });
  });
});

describe('Responses adapter, edge answers', () => {
  it('reports invalid JSON arguments as argsError and keeps unknown tools as-is', async () => {
    fake = await startFakeOpenAI([
      {
        toolCalls: [
          { name: 'read_file', arguments: '{"path": "a.ts"', callId: 'call_bad' },
          { name: 'no_such_tool', arguments: { x: 1 } },
        ],
      },
    ]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }));
    const turn = await model.turn({ instructions: '', input: [], tools: TOOLS });
    expect(turn.toolCalls).toHaveLength(2);
    expect(turn.toolCalls[0]).toMatchObject({
      callId: 'call_bad',
      name: 'read_file',
      args: undefined,
      rawArgs: '{"path": "a.ts"',
    });
    expect(turn.toolCalls[0]?.argsError).toMatch(/not valid JSON/);
    expect(turn.toolCalls[1]).toMatchObject({ name: 'no_such_tool', args: { x: 1 } });
  });

  it.each([true, false])(
    'returns an empty turn for an empty answer (stream=%s)',
    async (stream) => {
      fake = await startFakeOpenAI([{ fault: 'empty' }]);
      const model = createModelClient(modelConfig({ baseUrl: fake.url }), { stream });
      const turn = await model.turn({ instructions: '', input: [], tools: [] });
      expect(turn.items).toEqual([]);
      expect(turn.toolCalls).toEqual([]);
      expect(turn.text).toBe('');
      expect(fake.requests[0]?.body?.tools).toBeUndefined();
    },
  );

  it('omits reasoning parameters for non-reasoning models and prices unknown models at 0', async () => {
    const million = { inputTokens: 1_000_000, outputTokens: 0 };
    fake = await startFakeOpenAI([
      { text: 'hi', usage: million },
      { text: 'hi', usage: million },
    ]);
    const gpt41 = createModelClient(modelConfig({ baseUrl: fake.url, model: 'gpt-4.1' }));
    const t = await gpt41.turn({ instructions: '', input: [], tools: [] });
    expect(fake.requests[0]?.body?.reasoning).toBeUndefined();
    expect(fake.requests[0]?.body?.include).toBeUndefined();
    // gpt-4.1's published input price: $2 per 1M tokens.
    expect(t.costUsd).toBeCloseTo(2, 10);
    const local = createModelClient(modelConfig({ baseUrl: fake.url, model: 'qwen3-coder' }));
    expect((await local.turn({ instructions: '', input: [], tools: [] })).costUsd).toBe(0);
  });

  it('uses config.price over the table', async () => {
    fake = await startFakeOpenAI([
      { text: 'x', usage: { inputTokens: 1_000_000, outputTokens: 0 } },
    ]);
    const model = createModelClient(
      modelConfig({ baseUrl: fake.url, price: { input: 3, cachedInput: 1, output: 9 } }),
    );
    expect((await model.turn({ instructions: '', input: [], tools: [] })).costUsd).toBeCloseTo(3);
  });
});

describe('Responses adapter, compaction', () => {
  it('returns the compacted user messages as messages and the compaction item as opaque', async () => {
    const usage = {
      inputTokens: 1_000_000,
      cachedInputTokens: 400_000,
      outputTokens: 100_000,
      reasoningTokens: 0,
    };
    fake = await startFakeOpenAI([], { compact: () => ({ usage }) });
    const model = createModelClient(
      modelConfig({ baseUrl: fake.url, price: { input: 3, cachedInput: 1, output: 9 } }),
    );
    const result = await model.compact?.({
      instructions: 'You are greenloop.',
      input: [
        { type: 'message', role: 'user', text: 'Fix it.' },
        { type: 'message', role: 'assistant', text: 'Working on it.' },
      ],
      tools: TOOLS,
    });
    expect(fake.requests[0]?.path).toBe('/v1/responses/compact');
    expect(fake.requests[0]?.body).toMatchObject({
      model: 'gpt-5.1-codex-max',
      instructions: 'You are greenloop.',
    });
    expect(result?.items).toEqual([
      { type: 'message', role: 'user', text: 'Fix it.' },
      {
        type: 'opaque',
        api: 'responses',
        item: expect.objectContaining({
          type: 'compaction',
          encrypted_content: 'fake-compaction:2',
        }),
      },
    ]);
    expect(result?.usage).toEqual(usage);
    // 600k uncached at $3, 400k cached at $1, 100k output at $9 (per 1M tokens).
    expect(result?.costUsd).toBeCloseTo(1.8 + 0.4 + 0.9, 10);
  });

  it('returns undefined when the endpoint answers 404', async () => {
    fake = await startFakeOpenAI([], { compact: 'unsupported' });
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { sleep: noSleep });
    expect(await model.compact?.({ instructions: '', input: [], tools: [] })).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });
});
