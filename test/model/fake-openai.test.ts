/** The fake server's own wire shapes, as other suites (loop, bench, e2e) rely on them. */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** The few wire fields these tests read. */
interface Wire {
  usage: { prompt_tokens: number };
  error: { code: string };
}

async function json(res: Response): Promise<Wire> {
  return (await res.json()) as Wire;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${fake?.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function sseEvents(text: string): { event: string | undefined; data: string }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6) ?? '';
      return { event, data };
    });
}

describe('fake OpenAI server', () => {
  it('streams Responses events in the documented order with usage', async () => {
    fake = await startFakeOpenAI([
      { text: 'hello there', toolCalls: [{ name: 'read_file', arguments: { path: 'a' } }] },
    ]);
    const res = await post('/responses', { model: 'm', input: 'hi', stream: true });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = sseEvents(await res.text());
    const types = events.map((e) => e.event);
    expect(types[0]).toBe('response.created');
    expect(types).toContain('response.output_text.delta');
    expect(types).toContain('response.function_call_arguments.delta');
    expect(types.filter((t) => t === 'response.output_item.done')).toHaveLength(2);
    expect(types.at(-1)).toBe('response.completed');
    for (const e of events) expect(JSON.parse(e.data).type).toBe(e.event);
    const completed = JSON.parse(events.at(-1)?.data ?? '{}');
    expect(completed.response.usage).toMatchObject({
      input_tokens: expect.any(Number),
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    });
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/responses',
      body: { model: 'm' },
    });
  });

  it('grows default input usage with the request size', async () => {
    fake = await startFakeOpenAI(() => ({ text: 'ok' }));
    const small = await json(await post('/chat/completions', { model: 'm', messages: [] }));
    const big = await json(
      await post('/chat/completions', {
        model: 'm',
        messages: [{ role: 'user', content: 'x'.repeat(4000) }],
      }),
    );
    expect(big.usage.prompt_tokens).toBeGreaterThan(small.usage.prompt_tokens + 900);
  });

  it('ends chat streams with [DONE] and answers 400 when the script runs out', async () => {
    fake = await startFakeOpenAI([{ text: 'a' }]);
    const text = await (
      await post('/chat/completions', { model: 'm', messages: [], stream: true })
    ).text();
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const res = await post('/chat/completions', { model: 'm', messages: [] });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('script_exhausted');
  });

  it('scripts compaction', async () => {
    fake = await startFakeOpenAI([], {
      compact: (_req, i) =>
        i === 0
          ? { output: [{ type: 'compaction', encrypted_content: 'c1' }] }
          : { fault: 'status', status: 500 },
    });
    const ok: unknown = await (await post('/responses/compact', { model: 'm', input: [] })).json();
    expect(ok).toMatchObject({
      object: 'response.compaction',
      output: [{ encrypted_content: 'c1' }],
    });
    expect((await post('/responses/compact', { model: 'm', input: [] })).status).toBe(500);
  });
});
