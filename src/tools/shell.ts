/**
 * The `shell` tool: the model runs a command in the workspace.
 *
 * Two wires:
 * - function tool: `{ command: string | string[], timeout_ms?, workdir? }`;
 *   a string is a script for the platform shell, an array is argv run directly;
 * - native Responses `shell`: `{ commands: string[], timeout_ms?, max_output_length? }`;
 *   each element is a script, run in order, stopping at the first failure.
 *
 * Bad arguments and failing commands come back to the model as text
 * (`ok: false`), never as exceptions. Every command asks for the sandbox; the
 * runner knows whether one exists.
 */
import fs from 'node:fs';
import type { ShellOutput, ToolCall, ToolResult, ToolSpec } from '../model/types.js';
import { capText } from '../workspace/capture.js';
import type { ProcessRunner, WorkspaceGuard } from '../workspace/types.js';
import { PathRefusedError, type ProcessResult } from '../workspace/types.js';
import { err, ok, type Result } from '../core/result.js';

export const shellToolSpec: ToolSpec = {
  name: 'shell',
  native: 'shell',
  description:
    'Run a command in the project workspace and get its exit code and output (head and tail ' +
    'when long). `command` is either a shell script string (run with /bin/sh -c, or cmd.exe on ' +
    'Windows) or an argv array run directly. stdin is closed: commands must not wait for input. ' +
    'Processes left running (servers, watchers) are killed when the command ends.',
  parameters: {
    type: 'object',
    properties: {
      command: {
        anyOf: [
          {
            type: 'string',
            description: 'A shell script, e.g. "npm test -- -t parser 2>&1 | tail -50".',
          },
          {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            description: 'argv, e.g. ["python3", "-m", "pytest", "-x", "tests/test_a.py"].',
          },
        ],
      },
      timeout_ms: { type: 'integer', minimum: 1, description: 'Timeout in milliseconds.' },
      workdir: {
        type: 'string',
        description: 'Working folder relative to the workspace root (default: the root).',
      },
    },
    required: ['command'],
    additionalProperties: false,
  },
};

export interface ShellDeps {
  readonly runner: ProcessRunner;
  readonly guard: WorkspaceGuard;
  /** Scrubbed environment for the command. */
  readonly env: Readonly<Record<string, string>>;
  /** Default 120000. */
  readonly defaultTimeoutMs?: number;
  /** Default 600000. */
  readonly maxTimeoutMs?: number;
  /** Characters of output the model gets (head+tail); default 10000. */
  readonly maxOutputChars?: number;
  readonly signal?: AbortSignal;
}

interface ParsedArgs {
  readonly commands: readonly (string | readonly string[])[];
  readonly timeoutMs: number | undefined;
  readonly workdir: string | undefined;
  readonly maxOutput: number | undefined;
}

const USAGE =
  'Expected arguments: {"command": "<shell script>" or ["argv0", "arg1", ...], ' +
  '"timeout_ms"?: number, "workdir"?: "relative/folder"}.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function optionalPositive(value: unknown, name: string): Result<number | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return err(
      `'${name}' must be a positive number of milliseconds, got ${JSON.stringify(value)}.`,
    );
  }
  return ok(Math.floor(value));
}

/** Parses either wire's arguments; an error is written for the model. */
export function parseShellArgs(call: ToolCall): Result<ParsedArgs> {
  if (call.argsError !== undefined) return err(`Invalid arguments: ${call.argsError}. ${USAGE}`);
  const args = call.args;
  if (!isRecord(args)) return err(`Arguments must be an object. ${USAGE}`);
  const timeout = optionalPositive(args['timeout_ms'], 'timeout_ms');
  if (!timeout.ok) return timeout;
  const maxOutput = optionalPositive(args['max_output_length'], 'max_output_length');
  if (!maxOutput.ok) return maxOutput;
  const workdir = args['workdir'];
  if (workdir !== undefined && workdir !== null && typeof workdir !== 'string') {
    return err(`'workdir' must be a string path relative to the workspace.`);
  }
  const commands =
    'commands' in args ? nativeCommands(args['commands']) : oneCommand(args['command']);
  if (!commands.ok) return commands;
  return ok({
    commands: commands.value,
    timeoutMs: timeout.value,
    workdir: typeof workdir === 'string' && workdir !== '' ? workdir : undefined,
    maxOutput: maxOutput.value,
  });
}

/** The native wire's `commands`: scripts run in order. */
function nativeCommands(list: unknown): Result<ParsedArgs['commands']> {
  if (!isStringArray(list) || list.length === 0 || list.some((c) => c.trim() === '')) {
    return err(`'commands' must be a non-empty array of non-empty command strings.`);
  }
  return ok(list);
}

/** The function wire's `command`: a script, or an argv. */
function oneCommand(command: unknown): Result<ParsedArgs['commands']> {
  if (typeof command === 'string') {
    return command.trim() === '' ? err(`'command' is empty. ${USAGE}`) : ok([command]);
  }
  if (isStringArray(command)) {
    return command.length === 0 || command[0] === ''
      ? err(`'command' argv is empty. ${USAGE}`)
      : ok([command]);
  }
  return err(`'command' is missing or not a string / array of strings. ${USAGE}`);
}

export async function runShellTool(call: ToolCall, deps: ShellDeps): Promise<ToolResult> {
  const parsed = parseShellArgs(call);
  if (!parsed.ok) return fail(call, parsed.error);
  const cwd = resolveWorkdir(parsed.value.workdir, deps.guard);
  if (!cwd.ok) return fail(call, cwd.error);
  const ran = await runCommands(parsed.value, cwd.value, deps);
  return {
    callId: call.callId,
    name: call.name,
    wire: call.wire,
    output: ran.sections.join('\n'),
    ok: ran.ok,
    ...(call.wire === 'native' ? { shell: nativeShellOutput(ran, parsed.value.maxOutput) } : {}),
  };
}

/** The folder a command runs in: the workspace root, or an existing folder inside it. */
function resolveWorkdir(workdir: string | undefined, guard: WorkspaceGuard): Result<string> {
  if (workdir === undefined) return ok(guard.root);
  let cwd: string;
  try {
    cwd = guard.resolve(workdir, 'read');
  } catch (error) {
    if (error instanceof PathRefusedError) return err(`workdir: ${error.message}`);
    throw error;
  }
  if (!fs.existsSync(cwd) || !fs.statSync(cwd).isDirectory()) {
    return err(`workdir '${workdir}' is not an existing folder in the workspace.`);
  }
  return ok(cwd);
}

/** What the commands of one call did: a section of text per command run, and their outputs. */
interface Ran {
  readonly sections: readonly string[];
  readonly outputs: readonly ShellOutput[];
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** Every command ran and exited 0. */
  readonly ok: boolean;
}

/** Runs the commands in order, stopping at the first that fails or times out. */
async function runCommands(parsed: ParsedArgs, cwd: string, deps: ShellDeps): Promise<Ran> {
  const maxTimeout = deps.maxTimeoutMs ?? 600_000;
  const timeoutMs = Math.min(parsed.timeoutMs ?? deps.defaultTimeoutMs ?? 120_000, maxTimeout);
  const maxChars = Math.min(parsed.maxOutput ?? Infinity, deps.maxOutputChars ?? 10_000);
  const perCommand = Math.max(200, Math.floor(maxChars / parsed.commands.length));
  const sections: string[] = [];
  const outputs: ShellOutput[] = [];
  let last: ProcessResult | undefined;
  for (const command of parsed.commands) {
    last = await deps.runner.run({
      command,
      cwd,
      timeoutMs,
      env: deps.env,
      captureBytes: Math.max(4096, perCommand),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    outputs.push({
      stdout: capText(last.stdout, perCommand),
      stderr: capText(last.stderr, perCommand),
      exitCode: last.exitCode,
      timedOut: last.timedOut,
    });
    const header = parsed.commands.length > 1 ? `$ ${display(command)}\n` : '';
    sections.push(`${header}${section(last, perCommand, timeoutMs)}`);
    if (last.timedOut || last.exitCode !== 0) break;
  }
  const skipped = parsed.commands.length - sections.length;
  if (skipped > 0) sections.push(`[${skipped} later command(s) not run after the failure]`);
  const exitCode = last ? last.exitCode : 0;
  const timedOut = last?.timedOut ?? false;
  return { sections, outputs, exitCode, timedOut, ok: !timedOut && exitCode === 0 };
}

/** One command's output for the model, ending with how it ended. */
function section(result: ProcessResult, perCommand: number, timeoutMs: number): string {
  const status = result.timedOut
    ? `[timed out after ${timeoutMs} ms; the command and its processes were killed]`
    : result.exitCode === null
      ? `[killed by signal ${result.signal ?? 'unknown'}]`
      : `[exit code ${result.exitCode}]`;
  const body = capText(result.output, perCommand);
  return `${body}${body === '' || body.endsWith('\n') ? '' : '\n'}${status}`;
}

/** The native `shell` tool's output: every command's streams, and how the last one ended. */
function nativeShellOutput(
  ran: Ran,
  maxOutput: number | undefined,
): NonNullable<ToolResult['shell']> {
  return {
    stdout: ran.outputs.map((o) => o.stdout).join(''),
    stderr: ran.outputs.map((o) => o.stderr).join(''),
    exitCode: ran.exitCode,
    timedOut: ran.timedOut,
    outputs: ran.outputs,
    ...(maxOutput !== undefined ? { maxOutputLength: maxOutput } : {}),
  };
}

function fail(call: ToolCall, text: string): ToolResult {
  return { callId: call.callId, name: call.name, wire: call.wire, output: text, ok: false };
}

function display(command: string | readonly string[]): string {
  return typeof command === 'string' ? command : JSON.stringify(command);
}
