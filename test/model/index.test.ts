import { afterEach, describe, expect, it } from 'vitest';
import {
  KEYLESS_PLACEHOLDER,
  createModelClient,
  isAzure,
  usesNativeTools,
  type ModelConfig,
} from '../../src/model/index.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { SECRET, modelConfig } from './helpers.js';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const ask = { instructions: '', input: [], tools: [] };

describe('usesNativeTools', () => {
  it.each<[ModelConfig['api'], string, ModelConfig['toolStyle'], boolean]>([
    ['responses', 'gpt-5.1-codex-max', 'auto', true],
    ['responses', 'gpt-5.1', 'auto', true],
    ['responses', 'gpt-5.1-codex-mini', 'auto', true],
    ['responses', 'gpt-5', 'auto', false],
    ['responses', 'gpt-4.1', 'auto', false],
    ['responses', 'gpt-4.1', 'native', true],
    ['responses', 'gpt-5.1-codex-max', 'function', false],
    ['chat', 'gpt-5.1-codex-max', 'auto', false],
    ['chat', 'gpt-5.1-codex-max', 'native', false],
  ])('%s %s %s → %s', (api, model, toolStyle, expected) => {
    expect(usesNativeTools({ api, model, toolStyle })).toBe(expected);
  });
});

describe('isAzure', () => {
  it.each<[string, boolean]>([
    ['https://my-resource.openai.azure.com/openai/v1', true],
    ['https://my-resource.cognitiveservices.azure.com/openai/v1/', true],
    // Azure behind a company gateway: known by Azure's v1 path.
    ['https://llm-gateway.example.com/openai/v1', true],
    // Groq serves the OpenAI API under the same path (its docs' base URL): not Azure, so no
    // `store: true` and no `api-key` header.
    ['https://api.groq.com/openai/v1', false],
    ['https://api.openai.com/v1', false],
    ['http://127.0.0.1:8080/v1', false],
    ['not a url', false],
  ])('%s → %s', (url, azure) => {
    expect(isAzure(url)).toBe(azure);
  });
});

describe('createModelClient', () => {
  it('reads base URL and key from the environment when the config has none', async () => {
    fake = await startFakeOpenAI([{ text: 'ok' }]);
    const model = createModelClient(modelConfig({ apiKey: '' }), {
      env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-from-env-999' },
    });
    await model.turn(ask);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-from-env-999');
  });

  it('prefers the config over the environment', async () => {
    fake = await startFakeOpenAI([{ text: 'ok' }]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'sk-from-env-999' },
    });
    await model.turn(ask);
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('talks to keyless local servers with a placeholder key', async () => {
    fake = await startFakeOpenAI([{ text: 'ok' }]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url, apiKey: '', api: 'chat' }), {
      env: {},
    });
    expect((await model.turn(ask)).text).toBe('ok');
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEYLESS_PLACEHOLDER}`);
  });

  it('says so when a keyless run is refused', async () => {
    fake = await startFakeOpenAI([{ fault: 'status', status: 401 }]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url, apiKey: '' }), { env: {} });
    await expect(model.turn(ask)).rejects.toThrow(/no API key configured/);
  });

  it('honours a configured context window', () => {
    expect(
      createModelClient(modelConfig({ contextWindow: 32_000 }), { env: {} }).contextWindow,
    ).toBe(24_000);
    expect(createModelClient(modelConfig({ model: 'llama3' }), { env: {} }).contextWindow).toBe(
      168_000,
    );
  });

  it('does not retry inside the SDK', async () => {
    fake = await startFakeOpenAI([{ fault: 'status', status: 503 }, { text: 'ok' }]);
    const model = createModelClient(modelConfig({ baseUrl: fake.url }), { maxRetries: 0 });
    await expect(model.turn(ask)).rejects.toMatchObject({
      name: 'ModelError',
      status: 'model-error',
    });
    expect(fake.requests).toHaveLength(1);
  });
});
