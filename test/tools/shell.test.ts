import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToolCall } from '../../src/model/types.js';
import {
  parseShellArgs,
  runShellTool,
  shellToolSpec,
  type ShellDeps,
} from '../../src/tools/shell.js';
import { scrubEnv } from '../../src/workspace/env.js';
import { createGuard } from '../../src/workspace/guard.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import type { ProcessRequest, ProcessResult, ProcessRunner } from '../../src/workspace/types.js';

let ws: string;
let deps: ShellDeps;
const requests: ProcessRequest[] = [];

function call(args: unknown, wire: ToolCall['wire'] = 'function'): ToolCall {
  return { callId: 'c1', name: 'shell', args, wire };
}

beforeAll(async () => {
  ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gl-')));
  fs.mkdirSync(path.join(ws, 'sub'));
  fs.writeFileSync(path.join(ws, 'sub', 'f.txt'), 'hello\n');
  const real = await createProcessRunner({ sandbox: 'auto', workspace: ws, killGraceMs: 200 });
  // Records what the tool asked for, then runs it for real.
  const runner: ProcessRunner = {
    sandbox: real.sandbox,
    run: (request: ProcessRequest): Promise<ProcessResult> => {
      requests.push(request);
      return real.run(request);
    },
  };
  deps = {
    runner,
    guard: createGuard(ws, ['.github/workflows/**']),
    env: scrubEnv(process.env),
    maxOutputChars: 2000,
  };
});
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

describe('shellToolSpec', () => {
  it('is the native shell tool with a command parameter', () => {
    expect(shellToolSpec).toMatchObject({ name: 'shell', native: 'shell' });
    expect(shellToolSpec.parameters).toMatchObject({ required: ['command'] });
  });
});

describe('parseShellArgs', () => {
  it.each([
    [{ command: 'ls' }, { commands: ['ls'], timeoutMs: undefined, workdir: undefined }],
    [
      { command: ['ls', '-la'], timeout_ms: 5000.7 },
      { commands: [['ls', '-la']], timeoutMs: 5000 },
    ],
    [
      { commands: ['a', 'b'], max_output_length: 100 },
      { commands: ['a', 'b'], maxOutput: 100 },
    ],
    [{ command: 'ls', workdir: '' }, { workdir: undefined }],
  ])('accepts %j', (args, expected) => {
    expect(parseShellArgs(call(args))).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    [undefined, /must be an object/],
    ['ls', /must be an object/],
    [{}, /'command' is missing/],
    [{ command: '  ' }, /empty/],
    [{ command: [] }, /argv is empty/],
    [{ command: [1, 2] }, /'command' is missing or not/],
    [{ command: 'ls', timeout_ms: -1 }, /timeout_ms/],
    [{ command: 'ls', timeout_ms: 'soon' }, /timeout_ms/],
    [{ command: 'ls', workdir: 3 }, /workdir/],
    [{ commands: [] }, /'commands' must be/],
  ])('refuses %j', (args, message) => {
    const parsed = parseShellArgs(call(args));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  it('reports invalid JSON', () => {
    const parsed = parseShellArgs({ ...call(undefined), argsError: 'Unexpected token' });
    expect(!parsed.ok && parsed.error).toMatch(/Invalid arguments: Unexpected token/);
  });
});

describe('runShellTool', () => {
  it('runs a script, reports the exit code and asks for the sandbox', async () => {
    const result = await runShellTool(call({ command: 'echo hi; echo oops >&2; exit 2' }), deps);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/hi\n/);
    expect(result.output).toMatch(/oops/);
    expect(result.output).toMatch(/\[exit code 2\]$/);
    expect(result.shell).toBeUndefined();
    expect(requests.at(-1)).toMatchObject({ timeoutMs: 120_000, cwd: ws });
  });

  it('runs argv in a workdir', async () => {
    const result = await runShellTool(call({ command: ['cat', 'f.txt'], workdir: 'sub' }), deps);
    expect(result).toMatchObject({ ok: true, output: 'hello\n[exit code 0]' });
  });

  it.each([
    ['../', /outside the workspace/],
    ['/etc', /outside the workspace/],
    ['sub/f.txt', /not an existing folder/],
    ['nope', /not an existing folder/],
  ])('refuses workdir %s', async (workdir, message) => {
    const result = await runShellTool(call({ command: 'pwd', workdir }), deps);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  });

  it('returns argument errors to the model', async () => {
    const result = await runShellTool(call({ cmd: 'ls' }), deps);
    expect(result).toMatchObject({ ok: false, callId: 'c1', name: 'shell', wire: 'function' });
    expect(result.output).toMatch(/Expected arguments/);
  });

  it('states a timeout and clamps to the maximum', async () => {
    const result = await runShellTool(call({ command: 'sleep 30', timeout_ms: 999_999 }), {
      ...deps,
      maxTimeoutMs: 300,
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/timed out after 300 ms/);
  });

  it('caps the output for the model, keeping head and tail', async () => {
    const result = await runShellTool(call({ command: 'seq 1 100000; echo LAST' }), {
      ...deps,
      maxOutputChars: 1000,
    });
    expect(result.ok).toBe(true);
    expect(result.output.length).toBeLessThan(1200);
    expect(result.output).toMatch(/^1\n2\n3\n/);
    expect(result.output).toMatch(/cut \.\.\.\]/);
    expect(result.output).toMatch(/LAST\n\[exit code 0\]$/);
  });

  it('native: runs commands in order, stops at the first failure, fills `shell`', async () => {
    const result = await runShellTool(
      call({ commands: ['echo first', 'echo bad >&2; exit 4', 'echo never'] }, 'native'),
      deps,
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('$ echo first\nfirst\n[exit code 0]');
    expect(result.output).toContain('[exit code 4]');
    expect(result.output).toContain('[1 later command(s) not run after the failure]');
    expect(result.output).not.toContain('never\n');
    expect(result.shell).toEqual({
      stdout: 'first\n',
      stderr: 'bad\n',
      exitCode: 4,
      timedOut: false,
      // One entry per command that ran, for the one-entry-per-command shell_call_output.
      outputs: [
        { stdout: 'first\n', stderr: '', exitCode: 0, timedOut: false },
        { stdout: '', stderr: 'bad\n', exitCode: 4, timedOut: false },
      ],
    });
  });

  it('native: honours max_output_length', async () => {
    const result = await runShellTool(
      call({ commands: ['seq 1 5000'], max_output_length: 300 }, 'native'),
      deps,
    );
    expect(result.ok).toBe(true);
    expect(result.output.length).toBeLessThan(400);
    expect(result.shell?.exitCode).toBe(0);
    expect(result.shell?.maxOutputLength).toBe(300);
  });
});
