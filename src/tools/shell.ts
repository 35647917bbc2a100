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
import { PathRefusedError } from '../workspace/types.js';

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

function optionalPositive(value: unknown, name: string): number | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return `'${name}' must be a positive number of milliseconds, got ${JSON.stringify(value)}.`;
  }
  return Math.floor(value);
}

/** Parses either wire's arguments; a string return is the error for the model. */
export function parseShellArgs(call: ToolCall): ParsedArgs | string {
  if (call.argsError !== undefined) return `Invalid arguments: ${call.argsError}. ${USAGE}`;
  const args = call.args;
  if (!isRecord(args)) return `Arguments must be an object. ${USAGE}`;
  const timeout = optionalPositive(args['timeout_ms'], 'timeout_ms');
  if (typeof timeout === 'string') return timeout;
  const maxOutput = optionalPositive(args['max_output_length'], 'max_output_length');
  if (typeof maxOutput === 'string') return maxOutput;
  const workdir = args['workdir'];
  if (workdir !== undefined && workdir !== null && typeof workdir !== 'string') {
    return `'workdir' must be a string path relative to the workspace.`;
  }
  let commands: (string | readonly string[])[];
  if ('commands' in args) {
    const list = args['commands'];
    if (!isStringArray(list) || list.length === 0 || list.some((c) => c.trim() === '')) {
      return `'commands' must be a non-empty array of non-empty command strings.`;
    }
    commands = list;
  } else {
    const command = args['command'];
    if (typeof command === 'string') {
      if (command.trim() === '') return `'command' is empty. ${USAGE}`;
      commands = [command];
    } else if (isStringArray(command)) {
      if (command.length === 0 || command[0] === '') return `'command' argv is empty. ${USAGE}`;
      commands = [command];
    } else {
      return `'command' is missing or not a string / array of strings. ${USAGE}`;
    }
  }
  return {
    commands,
    timeoutMs: timeout,
    workdir: typeof workdir === 'string' && workdir !== '' ? workdir : undefined,
    maxOutput,
  };
}

function fail(call: ToolCall, text: string): ToolResult {
  return { callId: call.callId, name: call.name, wire: call.wire, output: text, ok: false };
}

function display(command: string | readonly string[]): string {
  return typeof command === 'string' ? command : JSON.stringify(command);
}

export async function runShellTool(call: ToolCall, deps: ShellDeps): Promise<ToolResult> {
  const parsed = parseShellArgs(call);
  if (typeof parsed === 'string') return fail(call, parsed);

  let cwd = deps.guard.root;
  if (parsed.workdir !== undefined) {
    try {
      cwd = deps.guard.resolve(parsed.workdir, 'read');
    } catch (error) {
      if (error instanceof PathRefusedError) return fail(call, `workdir: ${error.message}`);
      throw error;
    }
    if (!fs.existsSync(cwd) || !fs.statSync(cwd).isDirectory()) {
      return fail(call, `workdir '${parsed.workdir}' is not an existing folder in the workspace.`);
    }
  }

  const maxTimeout = deps.maxTimeoutMs ?? 600_000;
  const timeoutMs = Math.min(parsed.timeoutMs ?? deps.defaultTimeoutMs ?? 120_000, maxTimeout);
  const maxChars = Math.min(parsed.maxOutput ?? Infinity, deps.maxOutputChars ?? 10_000);
  const perCommand = Math.max(200, Math.floor(maxChars / parsed.commands.length));

  const sections: string[] = [];
  const outputs: ShellOutput[] = [];
  let exitCode: number | null = 0;
  let timedOut = false;
  let ok = true;
  for (const command of parsed.commands) {
    const result = await deps.runner.run({
      command,
      cwd,
      timeoutMs,
      env: deps.env,
      captureBytes: Math.max(4096, perCommand),
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    exitCode = result.exitCode;
    timedOut = result.timedOut;
    outputs.push({
      stdout: capText(result.stdout, perCommand),
      stderr: capText(result.stderr, perCommand),
      exitCode: result.exitCode,
      timedOut: result.timedOut,
    });
    const status = result.timedOut
      ? `[timed out after ${timeoutMs} ms; the command and its processes were killed]`
      : result.exitCode === null
        ? `[killed by signal ${result.signal ?? 'unknown'}]`
        : `[exit code ${result.exitCode}]`;
    const body = capText(result.output, perCommand);
    const header = parsed.commands.length > 1 ? `$ ${display(command)}\n` : '';
    sections.push(`${header}${body}${body === '' || body.endsWith('\n') ? '' : '\n'}${status}`);
    if (result.timedOut || result.exitCode !== 0) {
      ok = false;
      break;
    }
  }
  const skipped = parsed.commands.length - sections.length;
  if (skipped > 0) sections.push(`[${skipped} later command(s) not run after the failure]`);

  return {
    callId: call.callId,
    name: call.name,
    wire: call.wire,
    output: sections.join('\n'),
    ok,
    ...(call.wire === 'native'
      ? {
          shell: {
            stdout: outputs.map((o) => o.stdout).join(''),
            stderr: outputs.map((o) => o.stderr).join(''),
            exitCode,
            timedOut,
            outputs,
            ...(parsed.maxOutput !== undefined ? { maxOutputLength: parsed.maxOutput } : {}),
          },
        }
      : {}),
  };
}
