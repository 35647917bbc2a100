/**
 * The process runner: every test command and every model command runs here.
 *
 * - Each command gets its own process group (POSIX `detached`), stdin closed,
 *   stdout/stderr piped. On timeout or abort the whole group gets SIGTERM, then
 *   SIGKILL after a grace period; on Windows `taskkill /T /F` kills the tree.
 * - When the command exits, whatever it left behind in its group (`cmd &`
 *   daemons) is killed too. Inside bwrap the PID namespace also takes
 *   `setsid` daemons with it; without the sandbox those escape (documented).
 * - Output is never held whole: it streams to `outputFile` (capped) and only
 *   head+tail are kept in memory.
 * - A failing command is a result, never an exception: spawn errors become
 *   exit code 127 with the error text in stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HeadTail } from './capture.js';
import { openNewSync } from './safe-fs.js';
import {
  bwrapArgs,
  type BwrapOptions,
  commandToolchainDirs,
  createPidsCgroup,
  DEFAULT_MAX_PROCESSES,
  ensureHomeCaches,
  envCaches,
  hiddenBy,
  homesFor,
  type PidsCgroup,
  probeSandbox,
  runnerSecretPaths,
  sandboxArgv,
  type SandboxMode,
  systemSecretPaths,
} from './sandbox.js';
import type { ProcessRequest, ProcessResult, ProcessRunner } from './types.js';

export interface RunnerOptions {
  readonly sandbox: SandboxMode;
  /** Absolute workspace root: writable inside the sandbox. */
  readonly workspace: string;
  readonly log?: (line: string) => void;
  /** The action's own temp folder; hidden from sandboxed commands (as is RUNNER_TEMP). */
  readonly tempDir?: string;
  /** More folders hidden from sandboxed commands. */
  readonly hiddenDirs?: readonly string[];
  /** Grace between SIGTERM and SIGKILL (default 2000 ms). */
  readonly killGraceMs?: number;
  /** The parent environment: RUNNER_TEMP and the runner's file commands in it are hidden (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Tasks one sandboxed command may have at once (default DEFAULT_MAX_PROCESSES). */
  readonly maxProcesses?: number;
  /**
   * The test command (configuration, never the model's): toolchains whose executables it names
   * by path (a venv's `bin/pytest` not on PATH) stay readable for every command, as PATH's do.
   */
  readonly testCommand?: string;
}

/** The runner's file commands (`GITHUB_ENV`, ...): hidden too, wherever they live. */
const FILE_COMMANDS = [
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
];

const DEFAULT_CAPTURE = 16 * 1024;
const DEFAULT_MAX_FILE = 32 * 1024 * 1024;
/** How long to wait for pipes to close after the process exited and its group was killed. */
const DRAIN_MS = 1000;

export async function createProcessRunner(options: RunnerOptions): Promise<ProcessRunner> {
  const log = options.log ?? (() => undefined);
  const probe = await probeSandbox(options.sandbox, log);
  const workspace = fs.realpathSync.native(path.resolve(options.workspace));
  const parentEnv = options.env ?? process.env;
  const hiddenPaths =
    probe.mode === 'bwrap'
      ? [
          ...runnerSecretPaths(),
          ...systemSecretPaths(),
          ...FILE_COMMANDS.map((name) => parentEnv[name] ?? '').filter((p) => path.isAbsolute(p)),
        ]
      : [];
  const maxProcesses = options.maxProcesses ?? DEFAULT_MAX_PROCESSES;
  const hiddenDirs = [options.tempDir, parentEnv['RUNNER_TEMP'], ...(options.hiddenDirs ?? [])]
    .filter((d): d is string => typeof d === 'string' && d !== '')
    .map((d) => path.resolve(d));
  const grace = options.killGraceMs ?? 2000;
  const commandDirs = commandToolchainDirs(options.testCommand ?? '', workspace);

  function layoutFor(env: Readonly<Record<string, string>>, cwd: string): BwrapOptions {
    return {
      workspace,
      cwd,
      homes: homesFor(env),
      hiddenDirs,
      hiddenPaths,
      pathDirs: [...(env.PATH ?? '').split(path.delimiter), ...commandDirs],
      writableDirs: envCaches(env),
    };
  }

  function hiddenPath(p: string, env: Readonly<Record<string, string>>): string | undefined {
    if (probe.mode !== 'bwrap') return undefined;
    return hiddenBy(bwrapArgs(layoutFor(env, workspace)), p);
  }

  async function run(request: ProcessRequest): Promise<ProcessResult> {
    const { bwrapPath, isolation } = probe;
    let argv = toArgv(request.command);
    if (probe.mode !== 'bwrap' || !bwrapPath || !isolation) {
      return execute(argv, request, false, grace);
    }
    let cgroup: PidsCgroup | undefined;
    if (isolation.limit.kind === 'cgroup') {
      try {
        cgroup = createPidsCgroup(isolation.limit.parent, maxProcesses);
      } catch (error) {
        const text = `sandbox: cannot create the pids cgroup: ${(error as Error).message}`;
        return failed(text);
      }
    }
    const layout = layoutFor(request.env, path.resolve(request.cwd));
    for (const home of layout.homes) ensureHomeCaches(home, request.env.PATH ?? '');
    const args = bwrapArgs(layout);
    argv = sandboxArgv(bwrapPath, isolation, args, argv, maxProcesses, cgroup);
    try {
      return await execute(argv, request, true, grace);
    } finally {
      await cgroup?.remove();
    }
  }

  return { run, hiddenPath, sandbox: { mode: probe.mode, reason: probe.reason } };
}

function failed(text: string): ProcessResult {
  return {
    exitCode: 127,
    signal: null,
    timedOut: false,
    stdout: '',
    stderr: text,
    output: text,
    totalBytes: text.length,
    durationMs: 0,
    sandboxed: false,
  };
}

function toArgv(command: readonly string[] | string): string[] {
  if (typeof command !== 'string') return [...command];
  if (process.platform === 'win32') {
    return [process.env['ComSpec'] ?? 'cmd.exe', '/d', '/s', '/c', `"${command}"`];
  }
  return ['/bin/sh', '-c', command];
}

function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    try {
      spawn('taskkill', ['/T', '/F', '/PID', String(pid)], { stdio: 'ignore', windowsHide: true });
    } catch {
      // already gone
    }
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

function execute(
  argv: readonly string[],
  request: ProcessRequest,
  sandboxed: boolean,
  grace: number,
): Promise<ProcessResult> {
  const started = Date.now();
  const capture = request.captureBytes ?? DEFAULT_CAPTURE;
  const stdout = new HeadTail(capture);
  const stderr = new HeadTail(capture);
  const combined = new HeadTail(capture);
  const maxFile = request.maxFileBytes ?? DEFAULT_MAX_FILE;
  let fd: number | undefined;
  let fileBytes = 0;
  let fileDropped = 0;
  if (request.outputFile) {
    fs.mkdirSync(path.dirname(request.outputFile), { recursive: true });
    fd = openNewSync(request.outputFile);
  }

  const finish = (exitCode: number | null, signal: string | null, timedOut: boolean) => {
    if (fd !== undefined) {
      try {
        if (fileDropped > 0) {
          const note = `\n[output truncated: ${fileDropped} more bytes not written to this file]\n`;
          fs.writeSync(fd, note);
        }
      } catch {
        // the file is best effort
      }
      fs.closeSync(fd);
      fd = undefined;
    }
    return {
      exitCode,
      signal,
      timedOut,
      stdout: stdout.toString(),
      stderr: stderr.toString(),
      output: combined.toString(),
      totalBytes: combined.total,
      durationMs: Date.now() - started,
      sandboxed,
    } satisfies ProcessResult;
  };

  const [file, ...args] = argv;
  if (file === undefined) {
    stderr.push(Buffer.from('empty command'));
    combined.push(Buffer.from('empty command'));
    return Promise.resolve(finish(127, null, false));
  }
  if (!fs.existsSync(request.cwd)) {
    const text = `working directory does not exist: ${request.cwd}`;
    stderr.push(Buffer.from(text));
    combined.push(Buffer.from(text));
    return Promise.resolve(finish(127, null, false));
  }

  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        cwd: request.cwd,
        env: { ...request.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
        windowsVerbatimArguments:
          process.platform === 'win32' && typeof request.command === 'string',
      });
    } catch (error) {
      const text = `failed to start ${file}: ${(error as Error).message}`;
      stderr.push(Buffer.from(text));
      combined.push(Buffer.from(text));
      resolve(finish(127, null, false));
      return;
    }

    let settled = false;
    let timedOut = false;
    let exited = false;
    let killTimer: NodeJS.Timeout | undefined;
    let drainTimer: NodeJS.Timeout | undefined;

    const onData = (target: HeadTail) => (chunk: Buffer) => {
      target.push(chunk);
      combined.push(chunk);
      if (fd === undefined) return;
      const take = Math.min(Math.max(0, maxFile - fileBytes), chunk.length);
      try {
        if (take > 0) fs.writeSync(fd, chunk, 0, take);
        fileBytes += take;
        fileDropped += chunk.length - take;
      } catch {
        // Disk full or similar: the in-memory capture still has head and tail.
        fileDropped += chunk.length;
        fileBytes = maxFile;
      }
    };
    child.stdout?.on('data', onData(stdout));
    child.stderr?.on('data', onData(stderr));

    const terminate = () => {
      killTree(child, 'SIGTERM');
      killTimer ??= setTimeout(() => killTree(child, 'SIGKILL'), grace);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      terminate();
    }, request.timeoutMs);
    const onAbort = () => terminate();
    if (request.signal?.aborted) onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });

    let exitCode: number | null = null;
    let exitSignal: string | null = null;

    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      clearTimeout(drainTimer);
      request.signal?.removeEventListener('abort', onAbort);
      child.stdout?.destroy();
      child.stderr?.destroy();
      const code = timedOut ? null : exitCode;
      resolve(finish(code, exitSignal, timedOut));
    };

    child.on('error', (error) => {
      if (exited) return;
      const text = `failed to start ${file}: ${error.message}`;
      stderr.push(Buffer.from(text));
      combined.push(Buffer.from(text));
      exitCode = 127;
      exited = true;
      settle();
    });
    child.on('exit', (code, signal) => {
      exited = true;
      exitCode = code;
      exitSignal = signal;
      // Leftovers in the group (`daemon &`) die with the command.
      killTree(child, 'SIGKILL');
      // Pipes held open by an escaped process must not keep us waiting.
      drainTimer = setTimeout(settle, DRAIN_MS);
    });
    child.on('close', () => {
      if (exited) settle();
    });
  });
}
