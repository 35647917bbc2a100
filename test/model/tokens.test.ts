import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTokens as o200kCount } from 'gpt-tokenizer/encoding/o200k_base';
import {
  countInChunks,
  countTokens,
  ESTIMATE_FLOOR,
  estimateItemsTokens,
  estimateTokens,
  isTokenizerLoaded,
  loadTokenizer,
  TOKENIZER_CHUNK,
} from '../../src/model/tokens.js';
import type { Item } from '../../src/model/types.js';
import { TOOLS } from './helpers.js';

const REAL_LOGS = path.join(import.meta.dirname, '..', 'fixtures', 'logs', 'real');

/** 3,000-character pieces of every real runner log (the calibration's unit). */
function logPieces(): string[] {
  const pieces: string[] = [];
  for (const name of readdirSync(REAL_LOGS)) {
    let text: string;
    try {
      text = readFileSync(path.join(REAL_LOGS, name, 'log.txt'), 'utf8').slice(0, 300_000);
    } catch {
      continue; // README.md, _deps
    }
    for (let i = 0; i < text.length; i += 3000) pieces.push(text.slice(i, i + 3000));
  }
  return pieces;
}

// One file, in order: the estimate is only observable through countTokens before the first load.
describe('tokens', () => {
  // Skipped if another test in the same worker already loaded the tokenizer.
  it.skipIf(isTokenizerLoaded())('counts with the estimate before the tokenizer is loaded', () => {
    expect(countTokens('')).toBe(0);
    const line = 'FAIL src/sum.test.ts > sum > adds (expected 3, got -1)';
    expect(countTokens(line)).toBe(estimateTokens(line));
  });

  it('counts o200k tokens exactly once loaded', async () => {
    await loadTokenizer();
    await loadTokenizer(); // idempotent
    expect(isTokenizerLoaded()).toBe(true);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
    expect(countTokens('x'.repeat(1000))).toBeLessThan(300);
  });

  it('estimates real runner logs within the calibrated spread of the exact count', async () => {
    await loadTokenizer();
    const ratios = logPieces()
      .map((piece) => estimateTokens(piece) / countTokens(piece))
      .sort((a, b) => a - b);
    expect(ratios.length).toBeGreaterThan(50);
    // Never below the floor that callers rely on (the compactor, the digest's bound) ...
    expect(ratios[0]).toBeGreaterThanOrEqual(ESTIMATE_FLOOR);
    // ... and close: chars/4 ranged 0.37-1.35 on the same pieces (5th-95th percentile 0.5-1.1).
    const at = (q: number): number => ratios[Math.floor(q * (ratios.length - 1))]!;
    expect(at(0.5)).toBeGreaterThan(0.9);
    expect(at(0.5)).toBeLessThan(1.15);
    expect(at(0.05)).toBeGreaterThan(0.85);
    expect(at(0.95)).toBeLessThan(1.3);
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

// The tokenizer's byte-pair merge is quadratic in the length of one pre-tokenizer piece (80,000
// 'Z's: 19 s on the CI machine), so a hostile model's answer of one long run blocked the event
// loop, and with it the run's deadline, for hours. The counter hands it bounded chunks.
describe('counting long runs without a space', () => {
  it('never hands the tokenizer more than one chunk at a time, whatever the text', () => {
    for (const text of ['Z'.repeat(300_000), ' '.repeat(100_000), '='.repeat(100_000)]) {
      const seen: number[] = [];
      const total = countInChunks(text, (chunk) => (seen.push(chunk.length), chunk.length));
      expect(Math.max(...seen)).toBeLessThanOrEqual(TOKENIZER_CHUNK);
      expect(total).toBe(text.length); // every character counted once
    }
  });

  it('counts a long run through the loaded tokenizer in chunks', async () => {
    await loadTokenizer();
    // 'ZZ' is one o200k token: 300,000 'Z's are 150,000 tokens, with or without the chunks.
    expect(countTokens('Z'.repeat(300_000))).toBe(150_000);
  });

  it('counts real runner logs as the whole-text tokenizer does, or one token more per cut', () => {
    for (const name of readdirSync(REAL_LOGS)) {
      let text: string;
      try {
        text = readFileSync(path.join(REAL_LOGS, name, 'log.txt'), 'utf8').slice(0, 100_000);
      } catch {
        continue;
      }
      const whole = o200kCount(text);
      const chunked = countInChunks(text, o200kCount);
      expect(chunked).toBeGreaterThanOrEqual(whole);
      expect(chunked - whole).toBeLessThanOrEqual(Math.ceil(text.length / (TOKENIZER_CHUNK / 2)));
    }
  });
});
