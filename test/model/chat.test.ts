import { afterEach, describe, expect, it } from 'vitest';
import { toChatMessages } from '../../src/model/chat.js';
import { createModelClient } from '../../src/model/index.js';
import type { Item } from '../../src/model/types.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { TOOLS, exchange, modelConfig } from './helpers.js';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

type Msg = Record<string, unknown>;

describe.each([true, false])('Chat Completions adapter, stream=%s', (stream) => {
  it('completes a three-turn tool exchange with function tools only', async () => {
    fake = await startFakeOpenAI([
      {
        text: 'Looking.',
        toolCalls: [
          { name: 'shell', arguments: { commands: ['ls'] }, callId: 'call_a' },
          { name: 'read_file', arguments: { path: 'src/a.ts' }, callId: 'call_b' },
        ],
      },
      { toolCalls: [{ name: 'read_file', arguments: '{not json', callId: 'call_c' }] },
      {
        text: 'All green.',
        usage: {
          inputTokens: 2000,
          cachedInputTokens: 1000,
          outputTokens: 100,
          reasoningTokens: 40,
        },
      },
    ]);
    const model = createModelClient(
      modelConfig({ baseUrl: fake.url, api: 'chat', model: 'gpt-4o-mini', toolStyle: 'native' }),
      { stream },
    );
    expect(model.api).toBe('chat');
    expect(model.nativeTools).toBe(false);
    expect(model.compact).toBeUndefined();
    expect(model.contextWindow).toBe(128_000 - 16_384);

    const { turns } = await exchange(model);
    expect(turns).toHaveLength(3);
    expect(turns[0]?.text).toBe('Looking.');
    expect(turns[0]?.toolCalls).toEqual([
      {
        callId: 'call_a',
        name: 'shell',
        wire: 'function',
        rawArgs: '{"commands":["ls"]}',
        args: { commands: ['ls'] },
      },
      {
        callId: 'call_b',
        name: 'read_file',
        wire: 'function',
        rawArgs: '{"path":"src/a.ts"}',
        args: { path: 'src/a.ts' },
      },
    ]);
    expect(turns[1]?.toolCalls[0]?.argsError).toMatch(/not valid JSON/);
    expect(turns[2]?.usage).toEqual({
      inputTokens: 2000,
      cachedInputTokens: 1000,
      outputTokens: 100,
      reasoningTokens: 40,
    });
    expect(turns[2]?.costUsd).toBeCloseTo((1000 * 0.15 + 1000 * 0.075 + 100 * 0.6) / 1e6, 12);

    const first = fake.requests[0];
    expect(first?.path).toBe('/v1/chat/completions');
    expect(first?.body?.stream).toBe(stream);
    if (stream) expect(first?.body?.stream_options).toEqual({ include_usage: true });
    expect(first?.body?.reasoning_effort).toBeUndefined();
    const tools = first?.body?.tools as Msg[];
    expect(tools.map((t) => (t.function as Msg).name)).toEqual([
      'shell',
      'apply_patch',
      'read_file',
    ]);
    expect(tools.every((t) => t.type === 'function')).toBe(true);

    const messages = fake.requests[1]?.body?.messages as Msg[];
    expect(messages).toEqual([
      { role: 'system', content: 'You are greenloop.' },
      { role: 'user', content: 'Fix the failing test.' },
      {
        role: 'assistant',
        content: 'Looking.',
        tool_calls: [
          {
            id: 'call_a',
            type: 'function',
            function: { name: 'shell', arguments: '{"commands":["ls"]}' },
          },
          {
            id: 'call_b',
            type: 'function',
            function: { name: 'read_file', arguments: '{"path":"src/a.ts"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'result of shell' },
      { role: 'tool', tool_call_id: 'call_b', content: 'result of read_file' },
    ]);
    const third = fake.requests[2]?.body?.messages as Msg[];
    expect(third.at(-2)).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_c', type: 'function', function: { name: 'read_file', arguments: '{not json' } },
      ],
    });
    expect(third.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_c' });
  });

  it('returns an empty turn for an empty answer', async () => {
    fake = await startFakeOpenAI([{ fault: 'empty' }]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url, api: 'chat' }), { stream });
    const turn = await model.turn({ instructions: '', input: [], tools: [] });
    expect(turn).toMatchObject({ items: [], toolCalls: [], text: '' });
  });
});

describe('toChatMessages', () => {
  it('drops opaque items and maps developer messages to system', () => {
    const items: Item[] = [
      { type: 'message', role: 'developer', text: 'Budget: 3 turns left.' },
      { type: 'opaque', api: 'responses', item: { type: 'reasoning', encrypted_content: 'x' } },
      { type: 'message', role: 'assistant', text: 'ok' },
      { type: 'message', role: 'user', text: 'go' },
    ];
    expect(toChatMessages('', items)).toEqual([
      { role: 'system', content: 'Budget: 3 turns left.' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'go' },
    ]);
  });

  it('sends reasoning_effort for OpenAI reasoning models', async () => {
    fake = await startFakeOpenAI([{ text: 'x' }]);
    const model = createModelClient(
      modelConfig({ baseUrl: fake.url, api: 'chat', model: 'o4-mini', reasoningEffort: 'low' }),
    );
    await model.turn({ instructions: 'i', input: [], tools: TOOLS });
    expect(fake.requests[0]?.body?.reasoning_effort).toBe('low');
  });
});
