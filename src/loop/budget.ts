/**
 * Budgets of a run. `beforeCall()` is asked before every paid call and throws
 * the precise stop; `spend()` records what a call cost. A limit is never
 * overshot by more than the one call in flight.
 */
import type { Usage } from '../model/types.js';
import { StopRun } from './stop.js';

export interface BudgetLimits {
  readonly maxIterations: number;
  readonly maxTurns: number;
  /** 0 = unlimited. */
  readonly maxTokens: number;
  /** 0 = unlimited. */
  readonly maxCostUsd: number;
  /** Epoch ms by which the loop must have stopped (publishing time already kept aside). */
  readonly deadline: number;
}

export interface Spent {
  iterations: number;
  turns: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  costUsd: number;
  compactions: number;
}

export function nothingSpent(): Spent {
  return {
    iterations: 0,
    turns: 0,
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    costUsd: 0,
    compactions: 0,
  };
}

export class Budget {
  constructor(
    readonly limits: BudgetLimits,
    readonly spent: Spent,
    private readonly now: () => number,
  ) {}

  get tokens(): number {
    return this.spent.inputTokens + this.spent.outputTokens;
  }

  /** Milliseconds left before the deadline (never negative). */
  remainingMs(): number {
    return Math.max(0, this.limits.deadline - this.now());
  }

  /** Throws the stop that applies before a model call, if any. */
  beforeCall(): void {
    const { limits, spent } = this;
    if (this.now() >= limits.deadline) {
      throw new StopRun('timeout', 'the time limit (timeout-minutes) was reached');
    }
    if (spent.turns >= limits.maxTurns) {
      throw new StopRun('budget-turns', `all ${limits.maxTurns} model turns (max-turns) were used`);
    }
    if (limits.maxTokens > 0 && this.tokens >= limits.maxTokens) {
      throw new StopRun(
        'budget-tokens',
        `${this.tokens} tokens used, limit max-tokens=${limits.maxTokens}`,
      );
    }
    if (limits.maxCostUsd > 0 && spent.costUsd >= limits.maxCostUsd) {
      throw new StopRun(
        'budget-cost',
        `$${spent.costUsd.toFixed(2)} spent, limit max-cost-usd=${limits.maxCostUsd}`,
      );
    }
  }

  /** Whether another test rerun is allowed. */
  canRunTests(): boolean {
    return this.spent.iterations < this.limits.maxIterations;
  }

  spend(usage: Usage, costUsd: number): void {
    this.spent.turns += 1;
    this.spent.inputTokens += usage.inputTokens;
    this.spent.cachedInputTokens += usage.cachedInputTokens;
    this.spent.outputTokens += usage.outputTokens;
    this.spent.reasoningTokens += usage.reasoningTokens;
    this.spent.costUsd += costUsd;
  }
}
