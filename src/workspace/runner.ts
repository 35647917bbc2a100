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
  const parentEnv = options.env ?? process.env;
  const onRunner = parentEnv['GITHUB_ACTIONS'] === 'true';
  const probe = await probeSandbox(options.sandbox, log, { onRunner });
  const workspace = fs.realpathSync.native(path.resolve(options.workspace));
  const hiddenPaths = probe.mode === 'bwrap' ? secretFiles(parentEnv) : [];
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

/** Files a sandboxed command must not read: the runner's and the system's secrets, the file commands. */
function secretFiles(parentEnv: Readonly<Record<string, string | undefined>>): string[] {
  return [
    ...runnerSecretPaths(),
    ...systemSecretPaths(),
    ...FILE_COMMANDS.map((name) => parentEnv[name] ?? '').filter((p) => path.isAbsolute(p)),
  ];
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

/** Runs argv to its end, its whole process group with it; never throws. */
function execute(
  argv: readonly string[],
  request: ProcessRequest,
  sandboxed: boolean,
  grace: number,
): Promise<ProcessResult> {
  const capture = new Capture(request, sandboxed);
  const [file, ...args] = argv;
  if (file === undefined) return Promise.resolve(capture.failed('empty command'));
  if (!fs.existsSync(request.cwd)) {
    return Promise.resolve(capture.failed(`working directory does not exist: ${request.cwd}`));
  }
  let child: ChildProcess;
  try {
    child = spawn(file, args, {
      cwd: request.cwd,
      env: { ...request.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
      windowsVerbatimArguments: process.platform === 'win32' && typeof request.command === 'string',
    });
  } catch (error) {
    return Promise.resolve(capture.failed(`failed to start ${file}: ${(error as Error).message}`));
  }
  return watch(child, file, request, capture, grace);
}

/**
 * Where a process's output goes: the head and tail of each stream and of both interleaved, in
 * memory, and all of it (up to `maxFileBytes`) in the request's output file when it names one.
 */
class Capture {
  readonly stdout: HeadTail;
  readonly stderr: HeadTail;
  readonly combined: HeadTail;
  private readonly started = Date.now();
  private readonly maxFile: number;
  private fd: number | undefined;
  private fileBytes = 0;
  private fileDropped = 0;

  constructor(
    request: ProcessRequest,
    private readonly sandboxed: boolean,
  ) {
    const capture = request.captureBytes ?? DEFAULT_CAPTURE;
    this.stdout = new HeadTail(capture);
    this.stderr = new HeadTail(capture);
    this.combined = new HeadTail(capture);
    this.maxFile = request.maxFileBytes ?? DEFAULT_MAX_FILE;
    if (request.outputFile) {
      fs.mkdirSync(path.dirname(request.outputFile), { recursive: true });
      this.fd = openNewSync(request.outputFile);
    }
  }

  data(target: HeadTail, chunk: Buffer): void {
    target.push(chunk);
    this.combined.push(chunk);
    if (this.fd === undefined) return;
    const take = Math.min(Math.max(0, this.maxFile - this.fileBytes), chunk.length);
    try {
      if (take > 0) fs.writeSync(this.fd, chunk, 0, take);
      this.fileBytes += take;
      this.fileDropped += chunk.length - take;
    } catch {
      // Disk full or similar: the in-memory capture still has head and tail.
      this.fileDropped += chunk.length;
      this.fileBytes = this.maxFile;
    }
  }

  /** A command that could not run: greenloop's reason, as its stderr. */
  failed(text: string): ProcessResult {
    this.note(text);
    return this.finish(127, null, false);
  }

  note(text: string): void {
    this.stderr.push(Buffer.from(text));
    this.combined.push(Buffer.from(text));
  }

  finish(exitCode: number | null, signal: string | null, timedOut: boolean): ProcessResult {
    if (this.fd !== undefined) {
      try {
        if (this.fileDropped > 0) {
          const note = `\n[output truncated: ${this.fileDropped} more bytes not written to this file]\n`;
          fs.writeSync(this.fd, note);
        }
      } catch {
        // the file is best effort
      }
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
    return {
      exitCode,
      signal,
      timedOut,
      stdout: this.stdout.toString(),
      stderr: this.stderr.toString(),
      output: this.combined.toString(),
      totalBytes: this.combined.total,
      durationMs: Date.now() - this.started,
      sandboxed: this.sandboxed,
    };
  }
}

/** Ends the process group on timeout or abort: SIGTERM, then SIGKILL after the grace period. */
function arm(
  child: ChildProcess,
  request: ProcessRequest,
  grace: number,
): { readonly timedOut: () => boolean; readonly disarm: () => void } {
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const terminate = (): void => {
    killTree(child, 'SIGTERM');
    killTimer ??= setTimeout(() => killTree(child, 'SIGKILL'), grace);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    terminate();
  }, request.timeoutMs);
  if (request.signal?.aborted) terminate();
  request.signal?.addEventListener('abort', terminate, { once: true });
  return {
    timedOut: () => timedOut,
    disarm: () => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      request.signal?.removeEventListener('abort', terminate);
    },
  };
}

/**
 * Collects a started child's output until it exits and its pipes close (or, when a process it
 * left behind holds them open, until DRAIN_MS after the exit).
 */
function watch(
  child: ChildProcess,
  file: string,
  request: ProcessRequest,
  capture: Capture,
  grace: number,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => capture.data(capture.stdout, chunk));
    child.stderr?.on('data', (chunk: Buffer) => capture.data(capture.stderr, chunk));
    const alarm = arm(child, request, grace);
    let settled = false;
    let exited = false;
    let drainTimer: NodeJS.Timeout | undefined;
    let exitCode: number | null = null;
    let exitSignal: string | null = null;

    const settle = (): void => {
      if (settled) return;
      settled = true;
      alarm.disarm();
      clearTimeout(drainTimer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      const timedOut = alarm.timedOut();
      resolve(capture.finish(timedOut ? null : exitCode, exitSignal, timedOut));
    };

    child.on('error', (error) => {
      if (exited) return;
      capture.note(`failed to start ${file}: ${error.message}`);
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
