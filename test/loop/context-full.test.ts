/**
 * When the API answers `context_length_exceeded` (its count is higher than our
 * estimate), the loop compacts once and retries the turn before it stops with
 * `context-full`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ModelError } from '../../src/model/errors.js';
import { createModelClient } from '../../src/model/index.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { patchCall, scriptedModel, shellCall } from '../fakes/scripted-model.js';
import { createRepo, SUM_FIX, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';
import { runScripted } from './harness.js';

let repo: TempRepo | undefined;
let fake: FakeOpenAI | undefined;
afterEach(async () => {
  repo?.remove();
  repo = undefined;
  await fake?.close();
  fake = undefined;
});

const contextFull = (): ModelError =>
  new ModelError('context-full', 'model: 400 context length exceeded', { httpStatus: 400 });

describe('context_length_exceeded', () => {
  it('compacts once and retries the turn', async () => {
    repo = createRepo(SUM_PROJECT);
    const model = scriptedModel([
      { calls: [shellCall('cat src/sum.js')] },
      { error: contextFull() },
      { calls: [patchCall(SUM_FIX)] },
      { text: 'Fixed.' },
    ]);
    const { outcome } = await runScripted(repo.dir, model, { compaction: 'mask' });
    expect(outcome.status).toBe('success');
    expect(outcome.spent.compactions).toBe(1);
    expect(model.requests).toHaveLength(4);
  });

  it('stops with context-full when the retry is refused too', async () => {
    repo = createRepo(SUM_PROJECT);
    const model = scriptedModel([
      { calls: [shellCall('cat src/sum.js')] },
      { error: contextFull() },
      { error: contextFull() },
    ]);
    const { outcome } = await runScripted(repo.dir, model, { compaction: 'mask' });
    expect(outcome.status).toBe('context-full');
    expect(outcome.spent.compactions).toBe(1);
    expect(model.requests).toHaveLength(3);
  });

  it('stops with context-full at once when compaction is off', async () => {
    repo = createRepo(SUM_PROJECT);
    const model = scriptedModel([{ error: contextFull() }]);
    const { outcome } = await runScripted(repo.dir, model, { compaction: 'off' });
    expect(outcome.status).toBe('context-full');
    expect(model.requests).toHaveLength(1);
  });

  it('recovers on the wire: the strict fake refuses, server compaction shrinks, the turn is retried', async () => {
    repo = createRepo(SUM_PROJECT);
    // A 6,000-token input limit the client does not know of (it believes 272,000).
    fake = await startFakeOpenAI(
      (_req, index) => ({
        toolCalls: [{ name: 'shell', arguments: { commands: [`seq ${index} ${index + 1500}`] } }],
      }),
      { contextLimits: { 'gpt-5': 6_000 } },
    );
    const model = createModelClient(
      {
        model: 'gpt-5.1-codex-max',
        api: 'responses',
        baseUrl: fake.url,
        apiKey: 'sk-test',
        reasoningEffort: 'medium',
        toolStyle: 'auto',
        price: undefined,
        contextWindow: 0,
      },
      { maxRetries: 0 },
    );
    const { outcome } = await runScripted(
      repo.dir,
      model,
      { 'max-turns': '5', compaction: 'auto' },
      { openaiEndpoint: true },
    );
    expect(outcome.status).toBe('budget-turns');
    // Each compaction counted is one the server did (and there was at least one).
    const compacts = fake.requests.filter((r) => r.path === '/v1/responses/compact');
    expect(compacts.length).toBeGreaterThan(0);
    expect(outcome.spent.compactions).toBe(compacts.length);
  });
});
