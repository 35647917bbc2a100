/**
 * Contract tests: streams in test/fixtures/model-streams/ (one recorded from
 * the live OpenAI API, the others written from the documented event sequence;
 * see the folder's README) are served unchanged by a plain HTTP server and
 * read through the adapters.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/index.js';
import type { Item } from '../../src/model/types.js';
import { TOOLS, modelConfig } from './helpers.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'model-streams');

let server: http.Server | undefined;
afterEach(async () => {
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** Serves `file` for every POST, as SSE or JSON; returns the base URL. */
async function replay(file: string): Promise<string> {
  const body = fs.readFileSync(path.join(DIR, file));
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': file.endsWith('.json') ? 'application/json' : 'text/event-stream',
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

const ask = {
  instructions: 'You are greenloop.',
  input: [{ type: 'message', role: 'user', text: 'Fix it.' }] as Item[],
  tools: TOOLS,
};

describe('Responses streams', () => {
  it('reasoning, then a native shell_call with two commands', async () => {
    const model = createModelClient(
      modelConfig({ baseUrl: await replay('responses-reasoning-shell.sse') }),
    );
    const turn = await model.turn(ask);
    expect(turn.items[0]).toEqual({
      type: 'opaque',
      api: 'responses',
      item: {
        type: 'reasoning',
        id: 'rs_0a1b2c3d4e5f',
        summary: [],
        encrypted_content: 'gAAAAABpK3Zb-encrypted-reasoning-blob',
      },
    });
    expect(turn.toolCalls).toEqual([
      {
        callId: 'call_Shell01',
        name: 'shell',
        wire: 'native',
        args: {
          commands: ['ls src', 'npm test -- --reporter=dot'],
          timeout_ms: 120000,
          max_output_length: 8000,
        },
      },
    ]);
    expect(turn.usage).toEqual({
      inputTokens: 5120,
      cachedInputTokens: 4096,
      outputTokens: 310,
      reasoningTokens: 256,
    });
  });

  it('assistant text with its phase, then a native apply_patch_call', async () => {
    const model = createModelClient(
      modelConfig({ baseUrl: await replay('responses-apply-patch.sse') }),
    );
    const turn = await model.turn(ask);
    expect(turn.items[0]).toEqual({
      type: 'message',
      role: 'assistant',
      text: 'I will fix the off-by-one in sum().',
      phase: 'commentary',
    });
    expect(turn.toolCalls[0]).toMatchObject({
      callId: 'call_Patch01',
      name: 'apply_patch',
      wire: 'native',
      args: { operation: { type: 'update_file', path: 'src/sum.js' } },
    });
  });

  it('an incomplete response with only reasoning keeps no orphan reasoning item', async () => {
    const model = createModelClient(
      modelConfig({ baseUrl: await replay('responses-incomplete-reasoning.sse') }),
    );
    const turn = await model.turn(ask);
    expect(turn.items).toEqual([]);
    expect(turn.usage.reasoningTokens).toBe(4096);
  });

  it('a /responses/compact answer becomes user messages and one compaction item', async () => {
    const model = createModelClient(
      modelConfig({ baseUrl: await replay('responses-compact.json') }),
    );
    const result = await model.compact?.(ask);
    expect(result?.items).toEqual([
      { type: 'message', role: 'user', text: '# Task\nMake `npm test` pass.' },
      { type: 'message', role: 'user', text: '# Test run 1\n2 failing' },
      {
        type: 'opaque',
        api: 'responses',
        item: { type: 'compaction', encrypted_content: 'gAAAAABpK3Zd-compacted-history' },
      },
    ]);
  });
});

describe('Chat Completions streams', () => {
  const chat = async (file: string, model: string) =>
    createModelClient(modelConfig({ baseUrl: await replay(file), api: 'chat', model })).turn(ask);

  it('OpenAI (recorded): two parallel tool calls and the usage chunk', async () => {
    const turn = await chat('openai-python/chat-two-tool-calls.sse', 'gpt-4o-2024-08-06');
    expect(turn.toolCalls.map((c) => [c.callId, c.name, c.args])).toEqual([
      [
        'call_lQnnsesjFMWMQ5IeWPHzR4th',
        'GetWeatherArgs',
        { city: 'Edinburgh', country: 'UK', units: 'c' },
      ],
      ['call_2xjOUgaCdiwAcl9ZBL9LyMUU', 'get_stock_price', { ticker: 'AAPL', exchange: 'NASDAQ' }],
    ]);
    expect(turn.usage).toMatchObject({ inputTokens: 149, outputTokens: 60 });
  });

  it.each(['chat-ollama-no-index.sse', 'chat-ollama-index-0.sse'])(
    'Ollama (%s): two whole calls stay two calls',
    async (file) => {
      const turn = await chat(file, 'qwen2.5-coder:7b');
      expect(turn.toolCalls.map((c) => [c.callId, c.args])).toEqual([
        ['call_a1b2c3', { path: 'src/a.ts' }],
        ['call_d4e5f6', { path: 'src/b.ts' }],
      ]);
    },
  );

  it('a server repeating id and name in every delta, arguments cut mid-escape', async () => {
    const turn = await chat('chat-repeated-name.sse', 'Qwen/Qwen3-Coder-30B-A3B-Instruct');
    expect(turn.toolCalls).toEqual([
      expect.objectContaining({
        callId: 'chatcmpl-tool-9c1d',
        name: 'shell',
        args: { commands: ['printf "a\\"b"'], timeout_ms: 5000 },
      }),
    ]);
  });
});
