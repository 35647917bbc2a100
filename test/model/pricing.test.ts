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

describe('priceOf (longest prefix)', () => {
  it.each([
    ['gpt-5.1-codex-max', 1.25, 0.125, 10],
    ['gpt-5.1-codex-mini', 0.25, 0.025, 2],
    ['gpt-5.1-codex', 1.25, 0.125, 10],
    ['gpt-5.1', 1.25, 0.125, 10],
    ['gpt-5.1-2025-11-13', 1.25, 0.125, 10],
    ['gpt-5', 1.25, 0.125, 10],
    ['gpt-5-mini-2025-08-07', 0.25, 0.025, 2],
    ['gpt-5-nano', 0.05, 0.005, 0.4],
    ['gpt-4.1', 2, 0.5, 8],
    ['gpt-4.1-mini', 0.4, 0.1, 1.6],
    ['gpt-4o', 2.5, 1.25, 10],
    ['gpt-4o-mini-2024-07-18', 0.15, 0.075, 0.6],
    ['o3', 2, 0.5, 8],
    ['o3-mini', 1.1, 0.55, 4.4],
    ['o4-mini', 1.1, 0.275, 4.4],
    ['GPT-5.1-CODEX-MAX', 1.25, 0.125, 10],
  ])('%s → %s / %s / %s', (model, input, cachedInput, output) => {
    expect(priceOf(model)).toEqual({ input, cachedInput, output });
  });

  it.each(['llama3.1:8b', 'qwen3-coder', 'my-azure-deployment', ''])('%s is unpriced', (model) => {
    expect(priceOf(model)).toBeUndefined();
    expect(costOf(model, usage(M, 0, M))).toEqual({ usd: 0, priced: false });
  });
});

describe('costOf', () => {
  it.each([
    ['gpt-5.1-codex-max', usage(M, 0, 0), 1.25],
    ['gpt-5.1-codex-max', usage(M, M, 0), 0.125],
    ['gpt-5.1-codex-max', usage(0, 0, M), 10],
    ['gpt-5.1-codex-max', usage(2 * M, M, M / 2), 1.25 + 0.125 + 5],
    ['gpt-4o-mini', usage(M, M / 2, M), 0.075 + 0.0375 + 0.6],
    // More cached than input (bad server data) never gives a negative cost.
    ['gpt-5', usage(100, 500, 0), (100 * 0.125) / M],
  ])('%s %j → $%s', (model, u, usd) => {
    const cost = costOf(model, u);
    expect(cost.priced).toBe(true);
    expect(cost.usd).toBeCloseTo(usd, 10);
  });

  it('uses the override for any model', () => {
    expect(costOf('llama3', usage(M, 0, M), { input: 1, cachedInput: 0.5, output: 2 })).toEqual({
      usd: 3,
      priced: true,
    });
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
