/**
 * Token usage arithmetic, prices and context windows of known models.
 *
 * Prices are USD per 1M tokens (input / cached input / output; reasoning
 * tokens are billed as output). Model names match by longest prefix, so
 * dated snapshots (`gpt-4.1-2025-04-14`) inherit their family's price. A
 * `price` in the run config overrides the table (use it for Azure
 * deployments with custom names, gateways, or prices that changed).
 */
import type { PriceOverride } from '../config/types.js';
import type { Usage } from './types.js';

export type Price = PriceOverride;

/**
 * Source for every row: OpenAI's public pricing page (platform.openai.com/docs/pricing),
 * standard tier, as I believe it stood in November 2025. Check before relying on it.
 */
const PRICES: Readonly<Record<string, Price>> = {
  // GPT-5.1-Codex-Max launch pricing, Nov 2025 (same as GPT-5.1).
  'gpt-5.1-codex-max': { input: 1.25, cachedInput: 0.125, output: 10 },
  // GPT-5.1-Codex, Nov 2025.
  'gpt-5.1-codex-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5.1-codex': { input: 1.25, cachedInput: 0.125, output: 10 },
  // GPT-5.1, Nov 2025.
  'gpt-5.1': { input: 1.25, cachedInput: 0.125, output: 10 },
  // GPT-5 family, Aug 2025.
  'gpt-5-codex': { input: 1.25, cachedInput: 0.125, output: 10 },
  'gpt-5-mini': { input: 0.25, cachedInput: 0.025, output: 2 },
  'gpt-5-nano': { input: 0.05, cachedInput: 0.005, output: 0.4 },
  'gpt-5': { input: 1.25, cachedInput: 0.125, output: 10 },
  // GPT-4.1 family, Apr 2025.
  'gpt-4.1-nano': { input: 0.1, cachedInput: 0.025, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, cachedInput: 0.1, output: 1.6 },
  'gpt-4.1': { input: 2, cachedInput: 0.5, output: 8 },
  // GPT-4o family (gpt-4o-2024-08-06 pricing), 2024-2025.
  'gpt-4o-mini': { input: 0.15, cachedInput: 0.075, output: 0.6 },
  'gpt-4o': { input: 2.5, cachedInput: 1.25, output: 10 },
  // o3 after the June 2025 price cut; o3-mini and o4-mini as of 2025.
  'o3-mini': { input: 1.1, cachedInput: 0.55, output: 4.4 },
  o3: { input: 2, cachedInput: 0.5, output: 8 },
  'o4-mini': { input: 1.1, cachedInput: 0.275, output: 4.4 },
};

/** Context windows in tokens (input + output), from OpenAI's model pages as of Nov 2025. */
const CONTEXT_WINDOWS: Readonly<Record<string, number>> = {
  'gpt-5.1': 400_000,
  'gpt-5': 400_000,
  'gpt-4.1': 1_047_576,
  'gpt-4o': 128_000,
  o3: 200_000,
  'o4-mini': 200_000,
};

export const DEFAULT_CONTEXT_WINDOW = 200_000;

function longestPrefix<T>(table: Readonly<Record<string, T>>, model: string): T | undefined {
  const name = model.toLowerCase();
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (name.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

/** The table price of a model, or undefined when unknown. */
export function priceOf(model: string): Price | undefined {
  return longestPrefix(PRICES, model);
}

export function contextWindowOf(model: string): number {
  return longestPrefix(CONTEXT_WINDOWS, model) ?? DEFAULT_CONTEXT_WINDOW;
}

export const zeroUsage: Usage = {
  inputTokens: 0,
  cachedInputTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
};

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
  };
}

/**
 * Cost of one usage record in USD. Cached input tokens are part of
 * `inputTokens` and billed at the cached rate; reasoning tokens are part of
 * `outputTokens`. `priced` is false (and `usd` 0) for unknown models without override.
 */
export function costOf(
  model: string,
  usage: Usage,
  override?: PriceOverride,
): { usd: number; priced: boolean } {
  const price = override ?? priceOf(model);
  if (!price) return { usd: 0, priced: false };
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const usd =
    ((usage.inputTokens - cached) * price.input +
      cached * price.cachedInput +
      usage.outputTokens * price.output) /
    1_000_000;
  return { usd, priced: true };
}
