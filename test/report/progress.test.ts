import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/report/summary.js';
import { successRecord } from './fixtures.js';
import {
  formatCost,
  SCRIPTED_MODEL,
  formatBytes,
  formatDuration,
  formatPercent,
  formatTokens,
  formatUsd,
  progressLine,
} from '../../src/loop/progress.js';

describe('formatTokens', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [1000, '1k'],
    [4100, '4.1k'],
    [41_234, '41k'],
    [999_400, '999k'],
    [999_600, '1M'],
    [1_234_567, '1.2M'],
    [25_000_000, '25M'],
    [-5, '0'],
    [Number.NaN, '0'],
  ])('%d → %s', (n, expected) => expect(formatTokens(n)).toBe(expected));
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.0042, '$0.0042'],
    [0.18, '$0.18'],
    [12.5, '$12.50'],
    [1234.4, '$1,234'],
    [-1, '$0.00'],
  ])('%d → %s', (n, expected) => expect(formatUsd(n)).toBe(expected));
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [1000, '1s'],
    [12_340, '12s'],
    [9_500, '9.5s'],
    [245_000, '4m 05s'],
    [3_720_000, '1h 02m'],
  ])('%d → %s', (n, expected) => expect(formatDuration(n)).toBe(expected));
});

describe('formatPercent / formatBytes', () => {
  it.each([
    [1, 4, '25%'],
    [0, 0, '0%'],
    [2, 3, '67%'],
  ])('%d/%d → %s', (a, b, expected) => expect(formatPercent(a, b)).toBe(expected));
  it.each([
    [512, '512 B'],
    [4300, '4.2 KB'],
    [2048, '2 KB'],
    [1_400_000, '1.3 MB'],
  ])('%d → %s', (n, expected) => expect(formatBytes(n)).toBe(expected));
});

describe('progressLine', () => {
  it.each([
    [
      {
        iteration: 2,
        maxIterations: 5,
        failing: 3,
        baselineFailing: 7,
        tokens: 41_000,
        costUsd: 0.18,
      },
      'iteration 2/5 · 3 failing (was 7) · 41k tokens · $0.18',
    ],
    [
      {
        iteration: 1,
        maxIterations: 3,
        failing: 0,
        baselineFailing: 2,
        tokens: 900,
        costUsd: 0,
        elapsedMs: 245_000,
      },
      'iteration 1/3 · 0 failing (was 2) · 900 tokens · $0.00 · 4m 05s',
    ],
  ])('%j', (input, expected) => expect(progressLine(input)).toBe(expected));
});

describe('a scripted run (npm run demo) is labelled as such', () => {
  it('costs `$0 (scripted)`, never a price, in the progress line', () => {
    expect(formatCost(0.0046, SCRIPTED_MODEL)).toBe('$0 (scripted)');
    expect(formatCost(0.0046, 'gpt-5.1-codex-max')).toBe('$0.0046');
    const line = progressLine({
      iteration: 1,
      maxIterations: 3,
      failing: 0,
      baselineFailing: 2,
      tokens: 2830,
      costUsd: 0.0046,
      model: SCRIPTED_MODEL,
    });
    expect(line).toBe('iteration 1/3 · 0 failing (was 2) · 2.8k tokens · $0 (scripted)');
  });

  it('shows model `scripted` and `$0 (scripted)` in the summary, in the totals and every iteration', () => {
    const md = renderSummary(successRecord({ model: SCRIPTED_MODEL }));
    expect(md).toContain('**$0 (scripted)**');
    expect(md).toContain('model scripted');
    expect(md).toMatch(/\| \$0 \(scripted\) \|/);
    expect(md).not.toMatch(/\$0\.\d/);
  });
});
