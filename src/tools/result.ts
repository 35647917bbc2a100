/** Small builders for tool results, so every tool answers in the same shape. */
import type { ToolCall, ToolResult } from '../model/types.js';
import { err, ok, type Result } from '../core/result.js';

export function toolOk(call: ToolCall, output: string): ToolResult {
  return { callId: call.callId, name: call.name, wire: call.wire, output, ok: true };
}

/** An error the model can correct: returned as the tool's output, never thrown. */
export function toolError(call: ToolCall, message: string): ToolResult {
  return {
    callId: call.callId,
    name: call.name,
    wire: call.wire,
    output: `Error: ${message}`,
    ok: false,
  };
}

/** Narrows unknown arguments to a plain object; an error is written for the model. */
export function argsObject(call: ToolCall): Result<Record<string, unknown>> {
  if (call.argsError !== undefined) {
    return err(
      `the arguments are not valid JSON (${call.argsError}). Send one JSON object matching the tool's schema.`,
    );
  }
  if (typeof call.args !== 'object' || call.args === null || Array.isArray(call.args)) {
    return err("the arguments must be a JSON object matching the tool's schema.");
  }
  return ok(call.args as Record<string, unknown>);
}
