/**
 * Token usage arithmetic and costs. Prices come from the capability table
 * (`capabilities.ts`); a `price` in the run config overrides it (use it for
 * Azure deployments with custom names, gateways, or prices that changed).
 */
import type { PriceOverride } from '../config/types.js';
import { knownCapabilities, type Price } from './capabilities.js';
import type { Usage } from './types.js';

export type { Price };

/** The table price of a model (any `vendor/` prefix removed), or undefined when unknown. */
export function priceOf(model: string): Price | undefined {
  return knownCapabilities(model)?.price;
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
