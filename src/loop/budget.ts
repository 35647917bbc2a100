/**
 * Budgets of a run. A budget answers questions about what was spent: `exceeded()` is asked
 * before every paid call and returns the precise stop, or nothing; `afterCall()` returns what
 * was spent once a call is paid. A limit is never overshot by more than the one call in flight.
 */
import type { z } from 'zod';
import type { RunConfig } from '../config/types.js';
import type { Usage } from '../model/types.js';
import type { SpentSchema } from './checkpoint.js';
import { type Stop, stop } from './next-step.js';

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

/** What the run has spent so far. Its one definition is the checkpoint's schema, which saves it. */
export type Spent = Readonly<z.infer<typeof SpentSchema>>;

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

/** What was spent after one more paid call (a turn or a compaction). */
export function afterCall(spent: Spent, usage: Usage, costUsd: number): Spent {
  return {
    ...spent,
    turns: spent.turns + 1,
    inputTokens: spent.inputTokens + usage.inputTokens,
    cachedInputTokens: spent.cachedInputTokens + usage.cachedInputTokens,
    outputTokens: spent.outputTokens + usage.outputTokens,
    reasoningTokens: spent.reasoningTokens + usage.reasoningTokens,
    costUsd: spent.costUsd + costUsd,
  };
}

export interface Budget {
  readonly limits: BudgetLimits;
  /** Milliseconds left before the deadline (never negative). */
  remainingMs(): number;
  /** The stop that applies before a paid model call, if any. */
  exceeded(spent: Spent): Stop | undefined;
  /** Whether another test rerun is allowed. */
  canRunTests(spent: Spent): boolean;
}

/** The run's limits from its config; the deadline keeps `publishReserveMs` aside for publishing. */
export function limitsOf(
  config: RunConfig,
  startedAt: number,
  publishReserveMs?: number,
): BudgetLimits {
  const reserve = publishReserveMs ?? Math.min(120_000, config.timeoutMinutes * 60_000 * 0.1);
  return {
    maxIterations: config.maxIterations,
    maxTurns: config.maxTurns,
    maxTokens: config.maxTokens,
    maxCostUsd: config.maxCostUsd,
    deadline: startedAt + config.timeoutMinutes * 60_000 - reserve,
  };
}

export function createBudget(limits: BudgetLimits, now: () => number): Budget {
  return {
    limits,
    remainingMs: () => Math.max(0, limits.deadline - now()),
    exceeded: (spent) => exceededAt(limits, spent, now()),
    canRunTests: (spent) => spent.iterations < limits.maxIterations,
  };
}

function exceededAt(limits: BudgetLimits, spent: Spent, at: number): Stop | undefined {
  if (at >= limits.deadline) return stop('timeout', 'the time limit (timeout-minutes) was reached');
  if (spent.turns >= limits.maxTurns)
    return stop('budget-turns', `all ${limits.maxTurns} model turns (max-turns) were used`);
  const tokens = spent.inputTokens + spent.outputTokens;
  if (limits.maxTokens > 0 && tokens >= limits.maxTokens)
    return stop('budget-tokens', `${tokens} tokens used, limit max-tokens=${limits.maxTokens}`);
  if (limits.maxCostUsd > 0 && spent.costUsd >= limits.maxCostUsd) {
    const used = `$${spent.costUsd.toFixed(2)} spent`;
    return stop('budget-cost', `${used}, limit max-cost-usd=${limits.maxCostUsd}`);
  }
  return undefined;
}
