import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/model/capabilities.js';
import { addUsage, costOf, priceOf, zeroUsage } from '../../src/model/pricing.js';
import type { Usage } from '../../src/model/types.js';

const M = 1_000_000;
const usage = (inputTokens: number, cachedInputTokens: number, outputTokens: number): Usage => ({
  inputTokens,
  cachedInputTokens,
  outputTokens,
  reasoningTokens: 0,
});

/**
 * Published list prices in USD per 1M tokens (input / cached input / output), from OpenAI's
 * pricing page (developers.openai.com/api/docs/pricing), as also recorded per token in
 * BerriAI/litellm's model_prices_and_context_window.json. Written here by hand, not read from
 * the table under test: a wrong row in capabilities.ts fails these.
 */
const PUBLISHED = {
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
} as const;

describe('costOf at published prices', () => {
  // One realistic run: 1.2M input tokens of which 0.8M cached, 60k output.
  const run = usage(1_200_000, 800_000, 60_000);
  it.each([
    // 0.4M × 1.25 + 0.8M × 0.125 + 0.06M × 10
    ['gpt-5', 0.5 + 0.1 + 0.6],
    // 0.4M × 0.25 + 0.8M × 0.025 + 0.06M × 2
    ['gpt-5-mini', 0.1 + 0.02 + 0.12],
    // 0.4M × 2.5 + 0.8M × 1.25 + 0.06M × 10
    ['gpt-4o', 1 + 1 + 0.6],
    // 0.4M × 0.15 + 0.8M × 0.075 + 0.06M × 0.6
    ['gpt-4o-mini', 0.06 + 0.06 + 0.036],
  ])('%s: $%s', (model, usd) => {
    expect(costOf(model, run)).toEqual({ usd: expect.closeTo(usd, 10) as unknown, priced: true });
  });

  it.each(Object.entries(PUBLISHED))('%s is priced as published', (model, price) => {
    expect(priceOf(model)).toEqual(price);
  });
});

describe('priceOf: which row a model name gets', () => {
  it.each([
    // A dated snapshot inherits its family's price.
    ['gpt-5-mini-2025-08-07', PUBLISHED['gpt-5-mini']],
    ['gpt-4o-mini-2024-07-18', PUBLISHED['gpt-4o-mini']],
    ['gpt-4.1-2025-04-14', PUBLISHED['gpt-4.1']],
    // The longest prefix wins: gpt-5-nano is not priced as gpt-5.
    ['gpt-5-nano', PUBLISHED['gpt-5-nano']],
    // A gateway's vendor prefix (OpenRouter's `openai/...`) is removed, and case is ignored.
    ['openai/gpt-5', PUBLISHED['gpt-5']],
    ['GPT-4o', PUBLISHED['gpt-4o']],
  ])('%s', (model, price) => {
    expect(priceOf(model)).toEqual(price);
  });

  it.each(['llama3.1:8b', 'qwen3-coder', 'my-azure-deployment', 'gpt', ''])(
    '%s is unpriced: cost 0, marked unpriced',
    (model) => {
      expect(priceOf(model)).toBeUndefined();
      expect(costOf(model, usage(M, 0, M))).toEqual({ usd: 0, priced: false });
    },
  );
});

describe('costOf arithmetic', () => {
  it('bills cached tokens at the cached rate, never more cached than input', () => {
    // More cached than input (bad server data): all input is cached, never a negative cost.
    expect(costOf('gpt-5', usage(100, 500, 0)).usd).toBeCloseTo((100 * 0.125) / M, 12);
  });

  it('uses the price input over the table, for an unknown and a known model', () => {
    const override = { input: 1, cachedInput: 0.5, output: 2 };
    expect(costOf('llama3', usage(M, 0, M), override)).toEqual({ usd: 3, priced: true });
    expect(costOf('gpt-5', usage(2 * M, M, M), override)).toEqual({ usd: 3.5, priced: true });
  });
});

describe('addUsage', () => {
  it('sums every field', () => {
    const a: Usage = { inputTokens: 10, cachedInputTokens: 4, outputTokens: 3, reasoningTokens: 1 };
    const b: Usage = { inputTokens: 20, cachedInputTokens: 8, outputTokens: 6, reasoningTokens: 2 };
    expect([a, b].reduce(addUsage, zeroUsage)).toEqual({
      inputTokens: 30,
      cachedInputTokens: 12,
      outputTokens: 9,
      reasoningTokens: 3,
    });
  });
});

describe('capabilitiesOf: input room is the window less the reserved output', () => {
  it.each([
    // codex-rs model_family.rs: CONTEXT_WINDOW_272K for every gpt-5* family.
    ['gpt-5.1-codex-max', 272_000],
    ['gpt-5.1-codex', 272_000],
    ['gpt-5-mini', 272_000],
    ['openai/gpt-5.1-codex', 272_000],
    ['gpt-4.1-mini', 1_047_576 - 32_768],
    ['gpt-4o', 128_000 - 16_384],
    ['o3', 100_000],
    ['o4-mini', 100_000],
    ['llama3.1:8b', 200_000 - 32_000],
  ])('%s → %s', (model, tokens) => {
    expect(capabilitiesOf(model).inputRoom).toBe(tokens);
  });

  it('takes the context-window input as the whole window, less the output reserve', () => {
    expect(capabilitiesOf('gpt-5.1-codex-max', { contextWindow: 400_000 }).inputRoom).toBe(272_000);
    expect(capabilitiesOf('qwen3-coder', { contextWindow: 32_768 }).inputRoom).toBe(32_768 - 8_192);
    expect(capabilitiesOf('prod-deployment', { contextWindow: 400_000 }).inputRoom).toBe(368_000);
  });

  it('strips vendor prefixes for the price, efforts and native tools', () => {
    for (const name of [
      'openai/gpt-5.1-codex',
      'OpenAI/GPT-5.1-Codex',
      'azure/openai/gpt-5.1-codex',
    ]) {
      const caps = capabilitiesOf(name);
      expect(caps.price).toEqual({ input: 1.25, cachedInput: 0.125, output: 10 });
      expect(caps.nativeTools).toBe(true);
      expect(caps.efforts).toEqual(['low', 'medium', 'high']);
    }
    expect(costOf('openai/gpt-5.1-codex', usage(M, 0, 0))).toEqual({ usd: 1.25, priced: true });
  });

  it('lets the price input override the table', () => {
    const price = { input: 9, cachedInput: 1, output: 9 };
    expect(capabilitiesOf('gpt-5.1-codex-max', { price }).price).toEqual(price);
    expect(capabilitiesOf('prod-deployment', { price }).price).toEqual(price);
  });
});
