/**
 * Token estimates with the o200k_base encoding (GPT-4o, GPT-4.1, o-series, GPT-5.x).
 *
 * The tokenizer's tables are large, so they are loaded lazily with a dynamic
 * `import()` the first time `loadTokenizer()` runs (start-up time matters for
 * an action). Until it has loaded, the synchronous functions fall back to an
 * estimate of one token per four characters; call `await loadTokenizer()`
 * once early (e.g. at the start of the loop) to get exact counts afterwards.
 */
import type { Item, ToolSpec } from './types.js';

type Counter = (text: string) => number;

let counter: Counter | undefined;
let loading: Promise<void> | undefined;

/** Load the o200k tokenizer once; later calls return the same promise. */
export function loadTokenizer(): Promise<void> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((mod) => {
    counter = (text) => mod.countTokens(text);
  });
  return loading;
}

export function isTokenizerLoaded(): boolean {
  return counter !== undefined;
}

/** Tokens in `text`: exact once the tokenizer has loaded, chars/4 before. */
export function countTokens(text: string): number {
  if (text === '') return 0;
  return counter ? counter(text) : Math.ceil(text.length / 4);
}

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
