/**
 * How a run ends: the one list of statuses. The `status` output, `report.json`'s schema, the
 * summary's icons and the README all derive from it. Part of the core: imports nothing.
 */
export const RUN_STATUSES = [
  'success',
  'already-green',
  'budget-iterations',
  'budget-turns',
  'budget-tokens',
  'budget-cost',
  'timeout',
  'no-progress',
  'model-gave-up',
  'model-error',
  'auth-error',
  'context-full',
  'no-passing-attempt',
  'cancelled',
  'error',
] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses that count as a successful run (exit code 0 in the CLI). */
export const SUCCESS_STATUSES: ReadonlySet<RunStatus> = new Set(['success', 'already-green']);

/** Statuses that fail the action's step (the others, except success, leave a warning). */
export const FAILING_STATUSES: ReadonlySet<RunStatus> = new Set([
  'model-error',
  'auth-error',
  'error',
]);

/** Whether `status` (any string, e.g. read from another attempt's report.json) is a success. */
export function isSuccessStatus(status: string): boolean {
  const success: ReadonlySet<string> = SUCCESS_STATUSES;
  return success.has(status);
}
