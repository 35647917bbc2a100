/**
 * The loop's own endings. What the model can fix is a value (tool output);
 * what ends the run is one of these, and its `status` becomes the action's
 * `status` output.
 */
import type { RunStatus } from '../core/record.js';

export class StopRun extends Error {
  override readonly name = 'StopRun';
  constructor(
    readonly status: RunStatus,
    /** One line for the log and the summary. */
    readonly reason: string,
  ) {
    super(`${status}: ${reason}`);
  }

  static is(error: unknown): error is StopRun {
    return error instanceof StopRun;
  }
}
