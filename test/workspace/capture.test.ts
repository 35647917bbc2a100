import { describe, expect, it } from 'vitest';
import { HeadTail, capText } from '../../src/workspace/capture.js';

describe('HeadTail', () => {
  it.each([
    [['abc'], 4, 'abc'],
    [['abcd', 'efgh'], 4, 'abcdefgh'],
    [['abcdefghij'], 4, 'abcd\n[... 2 bytes cut ...]\nghij'],
    [['ab', 'cd', 'ef', 'gh', 'ij', 'kl'], 4, 'abcd\n[... 4 bytes cut ...]\nijkl'],
    [['abcde', 'f', 'g', 'hijklmnop'], 3, 'abc\n[... 10 bytes cut ...]\nnop'],
  ])('%j limit %i', (chunks, limit, expected) => {
    const capture = new HeadTail(limit);
    for (const c of chunks) capture.push(Buffer.from(c));
    expect(capture.toString()).toBe(expected);
    expect(capture.total).toBe(chunks.join('').length);
  });

  it('keeps memory bounded with many chunks', () => {
    const capture = new HeadTail(16);
    for (let i = 0; i < 10_000; i++) capture.push(Buffer.from(`line ${i}\n`));
    const text = capture.toString();
    expect(text.startsWith('line 0\nline 1\nli')).toBe(true);
    expect(text.endsWith('line 9999\n')).toBe(true);
    expect(text).toMatch(/\[\.\.\. \d+ bytes cut \.\.\.\]/);
  });
});

describe('capText', () => {
  it.each([
    ['short', 10, 'short'],
    ['0123456789', 4, '01\n[... 6 characters cut ...]\n89'],
  ])('%s / %i', (text, max, expected) => {
    expect(capText(text, max)).toBe(expected);
  });
});
