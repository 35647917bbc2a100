/**
 * One tool call of the model: counted by the stall watch, run by the tool box (or, for
 * `run_tests`, by an iteration), redacted, recorded and logged. A bad call is the model's to fix:
 * its result says so; only too many in a row stop the run.
 */
import type { ToolCall, ToolResult } from '../model/types.js';
import { RUN_TESTS } from '../tools/index.js';
import type { RunContext } from './context.js';
import { runIteration } from './iteration.js';
import { CONTINUE, type NextStep, type Stop } from './next-step.js';
import { watchToolCall } from './stall.js';
import type { LoopState } from './state.js';

/** A call's result, and the stop it found (it waits until every call of the turn is answered). */
export interface Ran {
  readonly kind: 'ran';
  readonly result: ToolResult;
  readonly next: NextStep;
}

/** Runs one call; `stopping` when an earlier call of the turn found a stop (no more test runs). */
export async function runTool(
  ctx: RunContext,
  state: LoopState,
  call: ToolCall,
  stopping: boolean,
): Promise<Ran | Stop> {
  const malformed =
    call.argsError !== undefined ||
    !ctx.tools.specs.some(
      (spec) => spec.name === call.name || (call.name === 'local_shell' && spec.name === 'shell'),
    );
  const tooMany = watchToolCall(state.watch, call, malformed);
  if (tooMany) return tooMany;
  let next: NextStep = CONTINUE;
  let raw: ToolResult;
  if (call.name === RUN_TESTS && !malformed) {
    const tested = stopping ? undefined : await runIteration(ctx, state, 'run_tests');
    if (tested?.kind === 'stop') return tested;
    if (tested) next = tested.next;
    const output = tested?.message ?? 'The run is stopping; no more test runs.';
    raw = { callId: call.callId, name: call.name, wire: call.wire, output, ok: true };
  } else {
    raw = await ctx.tools.execute(call);
  }
  const result = redactResult(raw, ctx.redact);
  ctx.journal.record('tool', {
    call: { name: call.name, args: call.args, argsError: call.argsError },
    ok: result.ok,
    output: result.output,
  });
  ctx.log.info(`${result.ok ? '✓' : '✗'} ${describeCall(call)}`);
  return { kind: 'ran', result, next };
}

function redactResult(result: ToolResult, redact: (text: string) => string): ToolResult {
  if (!result.shell) return { ...result, output: redact(result.output) };
  const { shell } = result;
  return {
    ...result,
    output: redact(result.output),
    shell: {
      ...shell,
      stdout: redact(shell.stdout),
      stderr: redact(shell.stderr),
      outputs: shell.outputs?.map((o) => ({
        ...o,
        stdout: redact(o.stdout),
        stderr: redact(o.stderr),
      })),
    },
  };
}

/** One line for the log: the tool and what it was asked to do. */
export function describeCall(call: ToolCall): string {
  const args = call.args as Record<string, unknown> | undefined;
  if (call.name === 'shell') {
    const command = args?.command ?? args?.commands;
    return `shell ${Array.isArray(command) ? command.join(' ') : String(command ?? '')}`.slice(
      0,
      160,
    );
  }
  if (call.name === 'apply_patch') {
    const op = args?.operation as { type?: string; path?: string } | undefined;
    if (op) return `apply_patch ${op.type} ${op.path}`;
    const files = String(args?.patch ?? '').match(/^\*\*\* (Add|Update|Delete) File: .+$/gm) ?? [];
    return `apply_patch ${files.map((f) => f.replace('*** ', '')).join(', ')}`.slice(0, 160);
  }
  return call.name;
}
