import { describe, expect, it } from 'vitest';
import {
  countTokens,
  estimateItemsTokens,
  isTokenizerLoaded,
  loadTokenizer,
} from '../../src/model/tokens.js';
import type { Item } from '../../src/model/types.js';
import { TOOLS } from './helpers.js';

// One file, in order: the fallback is only observable before the first load.
describe('tokens', () => {
  // Skipped if another test in the same worker already loaded the tokenizer.
  it.skipIf(isTokenizerLoaded())('estimates chars/4 before the tokenizer is loaded', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('abcdefgh')).toBe(2);
    expect(countTokens('abcdefghi')).toBe(3);
  });

  it('counts o200k tokens exactly once loaded', async () => {
    await loadTokenizer();
    await loadTokenizer(); // idempotent
    expect(isTokenizerLoaded()).toBe(true);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
    expect(countTokens('x'.repeat(1000))).toBeLessThan(300);
  });

  it('estimates a request: instructions, items and tool schemas', async () => {
    await loadTokenizer();
    const items: Item[] = [
      { type: 'message', role: 'user', text: 'Fix the failing test in src/a.ts please.' },
      {
        type: 'tool_call',
        call: { callId: 'c1', name: 'read_file', wire: 'function', args: { path: 'src/a.ts' } },
      },
      {
        type: 'tool_result',
        result: {
          callId: 'c1',
          name: 'read_file',
          wire: 'function',
          output: 'export const a = 1;',
          ok: true,
        },
      },
      { type: 'opaque', api: 'responses', item: { type: 'reasoning', encrypted_content: 'abc' } },
    ];
    const bare = estimateItemsTokens('You are greenloop.', [], []);
    const withItems = estimateItemsTokens('You are greenloop.', items, []);
    const withTools = estimateItemsTokens('You are greenloop.', items, TOOLS);
    expect(bare).toBeGreaterThan(0);
    expect(withItems).toBeGreaterThan(bare + 4 * 4);
    expect(withTools).toBeGreaterThan(withItems + 20);
    // Grows with the history.
    expect(estimateItemsTokens('', [...items, ...items], [])).toBeGreaterThan(
      estimateItemsTokens('', items, []),
    );
  });
});
