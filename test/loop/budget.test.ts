import { describe, expect, it } from 'vitest';
import { afterCall, createBudget, nothingSpent } from '../../src/loop/budget.js';

const usage = { inputTokens: 4000, cachedInputTokens: 0, outputTokens: 1000, reasoningTokens: 0 };

describe('a budget answers, it does not throw', () => {
  const limits = { maxIterations: 2, maxTurns: 3, maxTokens: 12_000, maxCostUsd: 1, deadline: 100 };

  it('names the limit reached before a paid call, or nothing', () => {
    let now = 0;
    const budget = createBudget(limits, () => now);
    let spent = nothingSpent();
    expect(budget.exceeded(spent)).toBeUndefined();
    spent = afterCall(afterCall(spent, usage, 0.2), usage, 0.2);
    expect(budget.exceeded(spent)).toBeUndefined();
    spent = afterCall(spent, usage, 0.2);
    expect(budget.exceeded(spent)).toMatchObject({ kind: 'stop', status: 'budget-turns' });
    expect(budget.exceeded({ ...spent, turns: 0 })).toMatchObject({ status: 'budget-tokens' });
    expect(budget.exceeded({ ...nothingSpent(), costUsd: 1 })).toEqual({
      kind: 'stop',
      status: 'budget-cost',
      reason: '$1.00 spent, limit max-cost-usd=1',
    });
    now = 100;
    expect(budget.exceeded(nothingSpent())).toMatchObject({ status: 'timeout' });
    expect(budget.remainingMs()).toBe(0);
  });

  it('counts test reruns and leaves what was spent untouched', () => {
    const budget = createBudget(limits, () => 0);
    const spent = nothingSpent();
    const after = afterCall(spent, usage, 0.5);
    expect(spent.turns).toBe(0);
    expect(after).toMatchObject({ turns: 1, inputTokens: 4000, outputTokens: 1000, costUsd: 0.5 });
    expect(budget.canRunTests({ ...spent, iterations: 1 })).toBe(true);
    expect(budget.canRunTests({ ...spent, iterations: 2 })).toBe(false);
  });
});
