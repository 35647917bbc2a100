/**
 * Token efficiency, what users pay for: the input tokens of every request of a scripted session
 * and the share of them a prefix cache serves, three ways:
 * - greenloop as shipped (its requests, as the scripted model received them);
 * - a naive loop: the same turns, but the whole test log in the task and after every test run,
 *   every output kept whole, no masking, no digest (the oldest turns dropped when the window is
 *   full, as such a loop must);
 * - greenloop with the prompt cache disabled: the same requests, nothing served from cache.
 *
 * The cache model is OpenAI's: "cache hits require an exact, repeated prefix match and work
 * automatically for prompts containing 1024 tokens or more, with cache hits occurring in
 * increments of 128 tokens" (openai-cookbook, examples/Prompt_Caching_201.ipynb). A request's
 * cached tokens are its prefix shared with the request before it, so counted.
 */
import { countTokens, itemText } from '../src/model/tokens.js';
import type { Item, ToolSpec, TurnRequest } from '../src/model/types.js';

export interface RequestTokens {
  readonly input: number;
  readonly cached: number;
}

export interface IterationTokens {
  readonly iteration: number;
  readonly shipped: RequestTokens;
  readonly naive: RequestTokens;
  /** Input tokens of greenloop with the cache disabled (none cached). */
  readonly noCache: number;
}

const FRAMING = 4;
const CACHE_MIN = 1024;
const CACHE_STEP = 128;

function toolTokens(tools: readonly ToolSpec[]): number {
  return tools.reduce(
    (sum, t) =>
      sum + countTokens(`${t.name} ${t.description} ${JSON.stringify(t.parameters)}`) + FRAMING,
    0,
  );
}

/** What the cache serves of a prompt whose first `prefix` tokens were sent before. */
export function cachedPart(prefix: number): number {
  return prefix < CACHE_MIN ? 0 : Math.floor(prefix / CACHE_STEP) * CACHE_STEP;
}

/** Input and cached tokens of each request greenloop sent. */
export function shippedTokens(requests: readonly TurnRequest[]): RequestTokens[] {
  const itemCache = new WeakMap<Item, { tokens: number; json: string }>();
  const of = (item: Item): { tokens: number; json: string } => {
    let entry = itemCache.get(item);
    if (entry === undefined) {
      entry = { tokens: countTokens(itemText(item)) + FRAMING, json: JSON.stringify(item) };
      itemCache.set(item, entry);
    }
    return entry;
  };
  const out: RequestTokens[] = [];
  requests.forEach((request, i) => {
    const fixed = countTokens(request.instructions) + FRAMING + toolTokens(request.tools);
    const tokens = request.input.map((item) => of(item).tokens);
    const input = fixed + tokens.reduce((a, b) => a + b, 0);
    const previous = requests[i - 1];
    let prefix = 0;
    if (
      previous !== undefined &&
      previous.instructions === request.instructions &&
      JSON.stringify(previous.tools) === JSON.stringify(request.tools)
    ) {
      prefix = fixed;
      for (let j = 0; j < request.input.length && j < previous.input.length; j++) {
        if (of(request.input[j]!).json !== of(previous.input[j]!).json) break;
        prefix += tokens[j]!;
      }
    }
    out.push({ input, cached: Math.min(input, cachedPart(prefix)) });
  });
  return out;
}

export interface NaiveTurn {
  readonly call: string;
  readonly output: string;
}

/**
 * The naive loop's requests: instructions, tools, the task with the whole baseline log, then
 * every earlier turn whole; the oldest turns go when the window is full.
 */
export function naiveTokens(options: {
  readonly instructions: string;
  readonly tools: readonly ToolSpec[];
  readonly task: string;
  readonly baselineLog: string;
  readonly turns: readonly NaiveTurn[];
  readonly contextWindow: number;
}): RequestTokens[] {
  const fixed =
    countTokens(options.instructions) +
    FRAMING +
    toolTokens(options.tools) +
    countTokens(`${options.task}\n${options.baselineLog}`) +
    FRAMING;
  const turnTokens = options.turns.map(
    (t) => countTokens(t.call) + FRAMING + countTokens(t.output) + FRAMING,
  );
  const out: RequestTokens[] = [];
  let first = 0; // oldest turn still sent
  let previousFirst = 0;
  let previousInput = 0;
  for (let k = 0; k < turnTokens.length; k++) {
    // Request k carries turns [first, k).
    let history = turnTokens.slice(first, k).reduce((a, b) => a + b, 0);
    while (fixed + history > options.contextWindow && first < k) history -= turnTokens[first++]!;
    const input = fixed + history;
    // Append-only until a turn is dropped: then only the fixed part is a shared prefix.
    const prefix = k === 0 ? 0 : first === previousFirst ? previousInput : fixed;
    out.push({ input, cached: Math.min(input, cachedPart(prefix)) });
    previousFirst = first;
    previousInput = input;
  }
  return out;
}

/** Sums requests into iterations (`perIteration` requests each). */
export function byIteration(
  shipped: readonly RequestTokens[],
  naive: readonly RequestTokens[],
  perIteration: number,
): IterationTokens[] {
  const rows: IterationTokens[] = [];
  const sum = (list: readonly RequestTokens[], from: number, to: number): RequestTokens =>
    list
      .slice(from, to)
      .reduce((a, r) => ({ input: a.input + r.input, cached: a.cached + r.cached }), {
        input: 0,
        cached: 0,
      });
  for (let from = 0; from < shipped.length; from += perIteration) {
    const to = from + perIteration;
    const s = sum(shipped, from, to);
    rows.push({
      iteration: rows.length + 1,
      shipped: s,
      naive: sum(naive, from, to),
      noCache: s.input,
    });
  }
  return rows;
}
