/**
 * Errors of the model port that end a run. Everything the model can fix
 * (bad tool arguments, unknown tools) is a value, never one of these.
 */
import type { RunStatus } from '../core/status.js';

/** Why the model call failed for good; becomes the run's `status` output. */
export const MODEL_ERROR_STATUSES = [
  'auth-error',
  'context-full',
  'model-error',
] as const satisfies readonly RunStatus[];
export type ModelErrorStatus = (typeof MODEL_ERROR_STATUSES)[number];

export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly status: ModelErrorStatus;
  /** HTTP status of the last failed request, when there was one. */
  readonly httpStatus: number | undefined;
  /** Attempts made before giving up (1 = no retry). */
  readonly attempts: number;

  constructor(
    status: ModelErrorStatus,
    message: string,
    details: { httpStatus?: number; attempts?: number } = {},
  ) {
    super(oneLine(message));
    this.status = status;
    this.httpStatus = details.httpStatus;
    this.attempts = details.attempts ?? 1;
  }

  static isModelError(e: unknown): e is ModelError {
    return e instanceof ModelError || (e instanceof Error && e.name === 'ModelError');
  }
}

/** Collapse whitespace and newlines so a message fits one log line. */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
