/**
 * Token counts with the o200k_base encoding (GPT-4o, GPT-4.1, o-series, GPT-5.x).
 *
 * The tokenizer's tables are 2.4 MB of code: compiling them costs more CPU than the rest of the
 * action's start-up, so nothing on the way to the first model request loads them. Until
 * `loadTokenizer()` has run, counts are a cheap estimate (`estimateTokens`, a linear model over
 * the pre-tokenizer's pieces, calibrated against the real tokenizer: see its comment); callers
 * for whom an exact count matters (the compactor near its threshold) await `loadTokenizer()`
 * then, or start it in the background when the count approaches that point.
 */
import type { TokenCounter } from '../core/tokens.js';
import type { Item, ToolSpec } from './types.js';

type Counter = (text: string) => number;

let counter: Counter | undefined;
let loading: Promise<void> | undefined;

/** Load the o200k tokenizer once; later calls return the same promise. */
export function loadTokenizer(): Promise<void> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((mod) => {
    counter = (text) => countInChunks(text, mod.countTokens);
  });
  return loading;
}

/**
 * Longest text handed to the tokenizer in one call. Its byte-pair merge is quadratic in the
 * length of one pre-tokenizer piece, and a piece has no length limit (a run of one letter, of
 * punctuation, of spaces): 80,000 'Z's took 19 s, so a model answer of that kind would block
 * the event loop (and the run's deadline) for hours.
 */
export const TOKENIZER_CHUNK = 4096;

/**
 * `count` summed over chunks of at most TOKENIZER_CHUNK characters, cut before a space or line
 * break where the chunk's second half has one (the pre-tokenizer mostly starts a piece there),
 * else inside the run. Each cut adds at most one token: never an undercount. On the real runner
 * logs the sum equals the whole count, or exceeds it by one.
 */
export function countInChunks(text: string, count: (chunk: string) => number): number {
  if (text.length <= TOKENIZER_CHUNK) return count(text);
  let total = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + TOKENIZER_CHUNK, text.length);
    if (end < text.length) {
      const cut = lastBreakBefore(text, end, start + TOKENIZER_CHUNK / 2);
      if (cut > start) end = cut;
    }
    total += count(text.slice(start, end));
    start = end;
  }
  return total;
}

/** The last index in (min, end] at which a space or line break follows a non-blank character. */
function lastBreakBefore(text: string, end: number, min: number): number {
  for (let i = end; i > min; i--) {
    const c = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    const blank = (x: number): boolean => isSpace(x) || isNewline(x);
    if (blank(c) && !blank(before)) return i;
  }
  return -1;
}

export function isTokenizerLoaded(): boolean {
  return counter !== undefined;
}

/** Tokens in `text`: exact once the tokenizer has loaded, `estimateTokens` before. */
export function countTokens(text: string): number {
  if (text === '') return 0;
  return counter ? counter(text) : estimateTokens(text);
}

/**
 * Weights of the estimate, fitted (least squares on the relative error) against o200k_base on
 * 858 pieces of 3,000 characters: the real runner logs under test/fixtures/logs/real, src/ and
 * fixture sources, the READMEs. estimate / exact over those pieces: median 1.00, 5th-95th
 * percentile 0.88-1.12, extremes 0.72 and 1.73 (test/model/tokens.test.ts checks the spread on
 * the logs). About 20 times cheaper than the tokenizer, and it needs no tables.
 */
const WEIGHT = {
  word: 1.07,
  longWordChar: 0.044,
  digits: 2.03,
  punctuation: 0.563,
  newlines: 0.514,
  spaces: 1.29,
  nonAscii: 2.27,
} as const;

/** Lowest estimate / exact ratio seen in the calibration: `estimate / this` bounds the count. */
export const ESTIMATE_FLOOR = 0.72;

const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 9;
const isNewline = (c: number): boolean => c === 10 || c === 13;
const isPunctuation = (c: number): boolean =>
  c > 32 && c < 127 && !isLower(c) && !isUpper(c) && !isDigit(c);

/** End of the run of characters from `i` that pass `test`. */
function runEnd(text: string, i: number, test: (c: number) => boolean): number {
  let j = i;
  while (j < text.length && test(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Estimated o200k tokens of `text` without the tokenizer: counts the pieces its pre-tokenizer
 * splits text into (words split at case changes, digit groups of three, punctuation runs, line
 * breaks, runs of spaces) and weighs them (see WEIGHT).
 */
export function estimateTokens(text: string): number {
  let sum = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let j: number;
    if (isLower(c) || isUpper(c)) {
      j = runEnd(text, runEnd(text, i, isUpper), isLower);
      sum += WEIGHT.word + Math.max(0, j - i - 6) * WEIGHT.longWordChar;
    } else if (isDigit(c)) {
      j = runEnd(text, i, isDigit);
      sum += Math.ceil((j - i) / 3) * WEIGHT.digits;
    } else if (isNewline(c)) {
      j = runEnd(text, i, isNewline);
      sum += WEIGHT.newlines;
    } else if (isSpace(c)) {
      j = runEnd(text, i, isSpace);
      // One space joins the word after it; longer runs (indentation) are pieces of their own.
      if (j - i > 1 || j === text.length) sum += WEIGHT.spaces;
    } else if (c > 127) {
      j = i + 1;
      sum += WEIGHT.nonAscii;
    } else {
      j = runEnd(text, i + 1, isPunctuation);
      sum += (1 + Math.floor((j - i - 1) / 2)) * WEIGHT.punctuation;
    }
    i = j;
  }
  return Math.max(1, Math.round(sum));
}

/**
 * The o200k counter as the token-counting port, for budgets that must hold (the digest): exact
 * once the tokenizer has loaded; before (it is not on the way to the first model request), a
 * bound from the calibrated estimate.
 */
export const o200k: TokenCounter = {
  count: (text) =>
    isTokenizerLoaded() ? countTokens(text) : Math.ceil(estimateTokens(text) / ESTIMATE_FLOOR),
};

/** Per-message framing the API adds around each item (role markers etc.). */
const ITEM_OVERHEAD = 4;

/** Tokens one conversation item adds to a request (its text plus framing). */
export function itemTokens(item: Item): number {
  return ITEM_OVERHEAD + countTokens(itemText(item));
}

/** The text of one conversation item, as it is counted. */
export function itemText(item: Item): string {
  switch (item.type) {
    case 'message':
      return item.text;
    case 'tool_call':
      return `${item.call.name} ${item.call.rawArgs ?? JSON.stringify(item.call.args ?? null)}`;
    case 'tool_result':
      return item.result.output;
    case 'opaque':
      return JSON.stringify(item.item);
  }
}

/**
 * Estimated prompt tokens of a request: instructions, every item and the tool
 * schemas. Opaque items (encrypted reasoning/compaction blobs) are counted by
 * their JSON size, which overestimates: safe for deciding when to compact.
 */
export function estimateItemsTokens(
  instructions: string,
  items: readonly Item[],
  tools: readonly ToolSpec[],
): number {
  let total = countTokens(instructions) + ITEM_OVERHEAD;
  for (const item of items) total += countTokens(itemText(item)) + ITEM_OVERHEAD;
  for (const tool of tools) {
    total += countTokens(`${tool.name} ${tool.description} ${JSON.stringify(tool.parameters)}`);
    total += ITEM_OVERHEAD;
  }
  return total;
}
