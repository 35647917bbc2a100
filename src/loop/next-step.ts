/**
 * What a step of the loop says happens next: go on, or stop with a status and a reason. The
 * loop's endings are values, not exceptions; `status` becomes the action's `status` output.
 */
import type { RunStatus } from '../core/record.js';

export interface Stop {
  readonly kind: 'stop';
  readonly status: RunStatus;
  /** One line for the log and the summary. */
  readonly reason: string;
}

export type NextStep = { readonly kind: 'continue' } | Stop;

export const CONTINUE: NextStep = { kind: 'continue' };

export function stop(status: RunStatus, reason: string): Stop {
  return { kind: 'stop', status, reason };
}

/** Whether a step's answer (a value or a stop) is the stop. */
export function isStop<T extends object>(value: T | Stop): value is Stop {
  return 'kind' in value && value.kind === 'stop';
}
