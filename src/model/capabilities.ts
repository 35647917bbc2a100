/**
 * What each known model can do, in one table keyed by the model name:
 * usable input room, the output it reserves, the reasoning efforts it accepts,
 * whether it gets the Responses API's native shell/apply_patch tools, and its
 * price. Names match by longest prefix after any `vendor/` prefix is removed
 * (`openai/gpt-5.1-codex` on OpenRouter is `gpt-5.1-codex`), so dated
 * snapshots (`gpt-4.1-2025-04-14`) inherit their family's row.
 *
 * A name the table does not know (an Azure deployment called `prod-coder`, a
 * local `qwen3-coder`) gets no reasoning parameter, function tools, a 200,000
 * token window and no price: the `context-window`, `price`, `tool-style` and
 * `reasoning-effort` inputs say what the table cannot.
 *
 * Sources:
 * - Input room: OpenAI's Codex client, `codex-rs/core/src/openai_models/model_family.rs`
 *   (`CONTEXT_WINDOW_272K = 272_000` for every gpt-5* family; 200,000 for o3 and
 *   o4-mini; 1,047,576 for gpt-4.1; 128,000 for gpt-4o). The gpt-5 model pages list
 *   a 400,000-token window with 128,000 output tokens: 400,000 − 128,000 = 272,000.
 * - Efforts: `codex-rs/core/src/openai_models/model_presets.rs` (supported_reasoning_efforts)
 *   and the `reasoning.effort` docs of the Responses API (`none` from gpt-5.1,
 *   `minimal` for the gpt-5 family only, `xhigh` for gpt-5.1-codex-max).
 * - Prices: OpenAI's pricing page (platform.openai.com/docs/pricing), standard tier,
 *   USD per 1M tokens, as of November 2025. Check before relying on them.
 */
import type { PriceOverride, ReasoningEffort } from '../config/types.js';

export type Price = PriceOverride;

export interface Capabilities {
  /** Largest input the API accepts (the window less the reserved output). */
  readonly inputRoom: number;
  /** Output tokens the model may produce (kept out of the input room). */
  readonly outputReserve: number;
  /** Efforts the `reasoning` parameter accepts; empty = send no reasoning parameter. */
  readonly efforts: readonly ReasoningEffort[];
  /** Offer the Responses API's native `shell` / `apply_patch` tools by default. */
  readonly nativeTools: boolean;
  readonly price: Price | undefined;
}

const GPT5_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];
const O_EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high'];

/** gpt-5* models: 400,000 window, 128,000 output. */
function gpt5(
  efforts: readonly ReasoningEffort[],
  nativeTools: boolean,
  price: Price,
): Capabilities {
  return { inputRoom: 272_000, outputReserve: 128_000, efforts, nativeTools, price };
}

const TABLE: Readonly<Record<string, Capabilities>> = {
  // GPT-5.1-Codex-Max, Nov 2025 (price as GPT-5.1).
  'gpt-5.1-codex-max': gpt5(['low', 'medium', 'high', 'xhigh'], true, {
    input: 1.25,
    cachedInput: 0.125,
    output: 10,
  }),
  'gpt-5.1-codex-mini': gpt5(['medium', 'high'], true, {
    input: 0.25,
    cachedInput: 0.025,
    output: 2,
  }),
  'gpt-5.1-codex': gpt5(['low', 'medium', 'high'], true, {
    input: 1.25,
    cachedInput: 0.125,
    output: 10,
  }),
  'gpt-5.1': gpt5(['none', 'low', 'medium', 'high'], true, {
    input: 1.25,
    cachedInput: 0.125,
    output: 10,
  }),
  // GPT-5 family, Aug 2025.
  'gpt-5-codex': gpt5(['low', 'medium', 'high'], false, {
    input: 1.25,
    cachedInput: 0.125,
    output: 10,
  }),
  'gpt-5-mini': gpt5(GPT5_EFFORTS, false, { input: 0.25, cachedInput: 0.025, output: 2 }),
  'gpt-5-nano': gpt5(GPT5_EFFORTS, false, { input: 0.05, cachedInput: 0.005, output: 0.4 }),
  'gpt-5': gpt5(GPT5_EFFORTS, false, { input: 1.25, cachedInput: 0.125, output: 10 }),
  // GPT-4.1 family, Apr 2025: 1,047,576 window, 32,768 output, no reasoning.
  'gpt-4.1-nano': gpt41({ input: 0.1, cachedInput: 0.025, output: 0.4 }),
  'gpt-4.1-mini': gpt41({ input: 0.4, cachedInput: 0.1, output: 1.6 }),
  'gpt-4.1': gpt41({ input: 2, cachedInput: 0.5, output: 8 }),
  // GPT-4o family: 128,000 window, 16,384 output, no reasoning.
  'gpt-4o-mini': gpt4o({ input: 0.15, cachedInput: 0.075, output: 0.6 }),
  'gpt-4o': gpt4o({ input: 2.5, cachedInput: 1.25, output: 10 }),
  // o-series: 200,000 window, 100,000 output. o3 after the June 2025 price cut.
  'o3-mini': oSeries({ input: 1.1, cachedInput: 0.55, output: 4.4 }),
  o3: oSeries({ input: 2, cachedInput: 0.5, output: 8 }),
  'o4-mini': oSeries({ input: 1.1, cachedInput: 0.275, output: 4.4 }),
};

function gpt41(price: Price): Capabilities {
  return {
    inputRoom: 1_047_576 - 32_768,
    outputReserve: 32_768,
    efforts: [],
    nativeTools: false,
    price,
  };
}

function gpt4o(price: Price): Capabilities {
  return {
    inputRoom: 128_000 - 16_384,
    outputReserve: 16_384,
    efforts: [],
    nativeTools: false,
    price,
  };
}

function oSeries(price: Price): Capabilities {
  return {
    inputRoom: 200_000 - 100_000,
    outputReserve: 100_000,
    efforts: O_EFFORTS,
    nativeTools: false,
    price,
  };
}

/** Window assumed for a model the table does not know. */
export const DEFAULT_CONTEXT_WINDOW = 200_000;

/** Output reserved in a window the table cannot account for: a quarter of it, at most 32,000. */
export function defaultReserve(window: number): number {
  return Math.min(32_000, Math.floor(window / 4));
}

/** The model's own name: `openai/gpt-5.1-codex` → `gpt-5.1-codex`, lower-cased. */
export function baseModelName(model: string): string {
  return model.slice(model.lastIndexOf('/') + 1).toLowerCase();
}

/** The table row of a model (longest prefix of its base name), or undefined. */
export function knownCapabilities(model: string): Capabilities | undefined {
  const name = baseModelName(model);
  let best: string | undefined;
  for (const key of Object.keys(TABLE)) {
    if (name.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : TABLE[best];
}

export interface CapabilityOverrides {
  /** The `context-window` input: the model's whole window in tokens; 0 = from the table. */
  readonly contextWindow?: number;
  /** The `price` input. */
  readonly price?: Price | undefined;
}

/** Capabilities of a model, with the run's inputs taking precedence over the table. */
export function capabilitiesOf(model: string, overrides: CapabilityOverrides = {}): Capabilities {
  const known = knownCapabilities(model);
  const window = overrides.contextWindow ?? 0;
  const base: Capabilities = known ?? {
    inputRoom: DEFAULT_CONTEXT_WINDOW - defaultReserve(DEFAULT_CONTEXT_WINDOW),
    outputReserve: defaultReserve(DEFAULT_CONTEXT_WINDOW),
    efforts: [],
    nativeTools: false,
    price: undefined,
  };
  // A given window keeps the table's reserve when it leaves room for input, else a quarter of it.
  const outputReserve =
    window > 0 && !(known && known.outputReserve <= window / 2)
      ? defaultReserve(window)
      : base.outputReserve;
  return {
    ...base,
    outputReserve,
    inputRoom: window > 0 ? Math.max(1, window - outputReserve) : base.inputRoom,
    price: overrides.price ?? base.price,
  };
}
