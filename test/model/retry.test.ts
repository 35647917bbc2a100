import { afterEach, describe, expect, it } from 'vitest';
import { STREAM_CAP, StreamMeter } from '../../src/model/common.js';
import { ModelError } from '../../src/model/errors.js';
import { createModelClient, type ModelClientOptions } from '../../src/model/index.js';
import {
  IncompleteStreamError,
  ResponseFailedError,
  StreamStallError,
  StreamTooLongError,
  classifyError,
  retryAfterMs,
} from '../../src/model/retry.js';
import { APIError } from 'openai';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../fakes/openai-server.js';
import { SECRET, modelConfig, noSleep } from './helpers.js';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  script: Reply[],
  api: 'responses' | 'chat' = 'responses',
  options: ModelClientOptions = {},
): Promise<{
  lines: string[];
  run: () => ReturnType<ReturnType<typeof createModelClient>['turn']>;
}> {
  fake = await startFakeOpenAI(script);
  const lines: string[] = [];
  const model = createModelClient(modelConfig({ baseUrl: fake.url, api }), {
    log: (line) => lines.push(line),
    sleep: noSleep,
    ...options,
  });
  return { lines, run: () => model.turn({ instructions: 'i', input: [], tools: [] }) };
}

async function failure(p: Promise<unknown>): Promise<ModelError> {
  try {
    await p;
  } catch (e) {
    if (ModelError.isModelError(e)) return e;
    throw e;
  }
  throw new Error('expected a ModelError');
}

describe('retries', () => {
  it('honours retry-after: 1 on a 429 with exactly one retry (~1s)', async () => {
    const { lines, run } = await setup(
      [{ fault: 'status', status: 429, headers: { 'retry-after': '1' } }, { text: 'ok' }],
      'responses',
      { sleep: undefined },
    );
    const started = performance.now();
    const turn = await run();
    const elapsed = performance.now() - started;
    expect(turn.text).toBe('ok');
    expect(turn.retries).toBe(1);
    expect(fake?.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5000);
    expect(lines).toEqual(['model: 429 rate limited, retrying in 1.0s (attempt 2/5)']);
  });

  it.each(['responses', 'chat'] as const)('survives three 503s (%s)', async (api) => {
    const s503: Reply = { fault: 'status', status: 503 };
    const { lines, run } = await setup([s503, s503, s503, { text: 'ok' }], api);
    const turn = await run();
    expect(turn.text).toBe('ok');
    expect(turn.retries).toBe(3);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      /^model: 503 service unavailable, retrying in \d+\.\ds \(attempt 4\/5\)$/,
    );
  });

  it('gives up after maxRetries with a model-error', async () => {
    const s500: Reply = { fault: 'status', status: 500 };
    const { run } = await setup([s500, s500, s500], 'responses', { maxRetries: 2 });
    const e = await failure(run());
    expect(e.status).toBe('model-error');
    expect(e.httpStatus).toBe(500);
    expect(e.attempts).toBe(3);
    expect(e.message).toMatch(/giving up after 3 attempts/);
  });

  it('stops when the total wait budget would be exceeded', async () => {
    const { run } = await setup(
      [{ fault: 'status', status: 429, headers: { 'retry-after': '120' } }, { text: 'never' }],
      'responses',
      { maxTotalWaitMs: 60_000 },
    );
    const e = await failure(run());
    expect(e.message).toMatch(/retry wait would exceed 60s/);
    expect(fake?.requests).toHaveLength(1);
  });

  it.each(['responses', 'chat'] as const)('retries a cut stream (%s)', async (api) => {
    const { lines, run } = await setup(
      [{ fault: 'cut-stream', afterEvents: 3 }, { text: 'whole' }],
      api,
    );
    const turn = await run();
    expect(turn.text).toBe('whole');
    expect(turn.retries).toBe(1);
    expect(lines[0]).toMatch(
      /^model: (connection error|stream ended before the response completed), retrying/,
    );
  });

  it('retries a cut connection without streaming', async () => {
    const { run } = await setup([{ fault: 'cut-stream' }, { text: 'whole' }], 'chat', {
      stream: false,
    });
    expect((await run()).retries).toBe(1);
  });

  it.each(['responses', 'chat'] as const)(
    'aborts and retries a stalled stream (%s)',
    async (api) => {
      const { lines, run } = await setup(
        [{ fault: 'stall', afterEvents: 2 }, { text: 'ok' }],
        api,
        {
          idleTimeoutMs: 400,
        },
      );
      const started = performance.now();
      const turn = await run();
      expect(turn.text).toBe('ok');
      expect(turn.retries).toBe(1);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(lines[0]).toMatch(/^model: stream stalled for 0\.4s, retrying/);
    },
  );

  it('treats a slow first byte within the idle timeout as fine', async () => {
    const { run } = await setup(
      [{ fault: 'slow-first-byte', delayMs: 100, then: { text: 'late' } }],
      'responses',
      {
        idleTimeoutMs: 1000,
      },
    );
    const turn = await run();
    expect(turn).toMatchObject({ text: 'late', retries: 0 });
  });

  it('retries a slow first byte beyond the idle timeout', async () => {
    const { run } = await setup(
      [{ fault: 'slow-first-byte', delayMs: 1200 }, { text: 'ok' }],
      'responses',
      { idleTimeoutMs: 400 },
    );
    const turn = await run();
    expect(turn).toMatchObject({ text: 'ok', retries: 1 });
  });
});

describe('non-retryable errors', () => {
  it.each([401, 403])('%s → auth-error, one line, no key', async (status) => {
    const { lines, run } = await setup([
      {
        fault: 'status',
        status,
        body: {
          error: {
            message: `Incorrect API key provided: ${SECRET}.\nSee docs.`,
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        },
      },
    ]);
    const e = await failure(run());
    expect(e.name).toBe('ModelError');
    expect(e.status).toBe('auth-error');
    expect(e.httpStatus).toBe(status);
    expect(e.message).not.toContain(SECRET);
    expect(e.message).toContain('***');
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(
      new RegExp(`^model: ${status} not authorized: Incorrect API key provided`),
    );
    expect(lines).toEqual([]);
    expect(fake?.requests).toHaveLength(1);
  });

  it.each(['responses', 'chat'] as const)(
    'context_length_exceeded → context-full (%s)',
    async (api) => {
      const { run } = await setup([{ fault: 'context-length' }], api);
      const e = await failure(run());
      expect(e.status).toBe('context-full');
      expect(e.message).toMatch(/maximum context length/);
    },
  );

  it.each([400, 404])('%s → model-error without retry', async (status) => {
    const { run } = await setup([{ fault: 'status', status }, { text: 'never' }]);
    const e = await failure(run());
    expect(e.status).toBe('model-error');
    expect(fake?.requests).toHaveLength(1);
  });

  it('429 insufficient_quota is not retried', async () => {
    const { run } = await setup([
      {
        fault: 'status',
        status: 429,
        body: {
          error: {
            message: 'You exceeded your current quota',
            type: 'insufficient_quota',
            code: 'insufficient_quota',
          },
        },
      },
      { text: 'never' },
    ]);
    expect((await failure(run())).status).toBe('model-error');
    expect(fake?.requests).toHaveLength(1);
  });

  it('masks the encoded forms of the key too (one secrets module: a proxy echoing basic auth)', async () => {
    const basic = Buffer.from(`x-access-token:${SECRET}`).toString('base64');
    const { run } = await setup([
      {
        fault: 'status',
        status: 401,
        body: { error: { message: `bad credentials: basic ${basic}`, type: 'x', code: null } },
      },
    ]);
    const e = await failure(run());
    expect(e.message).not.toContain(basic);
    expect(e.message).toContain('basic ***');
  });

  it('never puts the key in logged lines', async () => {
    const body = {
      error: { message: `upstream rejected key ${SECRET}`, type: 'server_error', code: null },
    };
    const { lines, run } = await setup([
      { fault: 'status', status: 502, body },
      { fault: 'status', status: 502, body },
      { text: 'ok' },
    ]);
    await run();
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(SECRET);
  });

  it('passes the caller abort through without retrying', async () => {
    fake = await startFakeOpenAI([{ fault: 'stall', afterEvents: 1 }, { text: 'never' }]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { sleep: noSleep });
    const controller = new AbortController();
    const turn = model.turn({ instructions: '', input: [], tools: [], signal: controller.signal });
    // Aborted once the request has arrived (a fixed delay lost that race on a loaded machine).
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error('run timeout'));
    await expect(turn).rejects.toThrow('run timeout');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, 3000],
    [{ 'retry-after-ms': '100', 'retry-after': '9' }, 100],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('abort during a retry wait', () => {
  it('stops waiting as soon as the caller aborts', async () => {
    fake = await startFakeOpenAI([
      { fault: 'status', status: 429, headers: { 'retry-after': '30' } },
      { text: 'never' },
    ]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('budget timeout')), 100);
    const started = performance.now();
    await expect(
      model.turn({ instructions: '', input: [], tools: [], signal: controller.signal }),
    ).rejects.toThrow('budget timeout');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('classifyError', () => {
  const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
  it.each<[string, unknown, boolean, string]>([
    ['stall', new StreamStallError(1000), true, 'model-error'],
    ['cut', new IncompleteStreamError(), true, 'model-error'],
    ['failed: server_error', new ResponseFailedError('server_error', 'boom'), true, 'model-error'],
    ['failed: bad', new ResponseFailedError('invalid_prompt', 'no'), false, 'model-error'],
    [
      'failed: context',
      new ResponseFailedError('context_length_exceeded', 'too long'),
      false,
      'context-full',
    ],
    [
      'stream error event',
      new APIError(
        undefined,
        { code: 'rate_limit_exceeded', message: 'slow down' },
        undefined,
        undefined,
      ),
      true,
      'model-error',
    ],
    ['undici terminated', new TypeError('terminated'), true, 'model-error'],
    ['reset in cause', new TypeError('fetch failed', { cause: reset }), true, 'model-error'],
    ['bug', new RangeError('oops'), false, 'model-error'],
  ])('%s', (_name, error, retryable, status) => {
    expect(classifyError(error)).toMatchObject({ retryable, status });
  });
});

describe('stream cap', () => {
  it.each(['responses', 'chat'] as const)(
    'ends an endless stream with a model-error naming the cap, without retrying (%s)',
    async (api) => {
      const { lines, run } = await setup([{ fault: 'endless-stream' }, { text: 'never' }], api);
      const e = await failure(run());
      expect(e.status).toBe('model-error');
      expect(e.attempts).toBe(1);
      expect(e.message).toBe(
        `model: stream exceeded the per-turn cap of ${STREAM_CAP.chars} characters of text/argument deltas or ${STREAM_CAP.events} events without ending; aborted`,
      );
      expect(fake?.requests).toHaveLength(1);
      expect(lines).toEqual([]);
    },
  );

  it('counts every delta character and every event', () => {
    const meter = new StreamMeter({ chars: 10, events: 3 });
    meter.add(4);
    meter.add(6);
    expect(() => meter.add(1)).toThrow(StreamTooLongError);
    const events = new StreamMeter({ chars: 10, events: 3 });
    for (let i = 0; i < 3; i++) events.add(0);
    expect(() => events.add(0)).toThrow(StreamTooLongError);
  });

  it('allows far more than a full 128,000-token answer (~4 bytes per token)', () => {
    expect(STREAM_CAP.chars).toBeGreaterThanOrEqual(8 * 128_000 * 4);
    expect(STREAM_CAP.events).toBeGreaterThanOrEqual(4 * 128_000);
  });
});
