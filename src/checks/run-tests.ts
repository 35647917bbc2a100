/**
 * Runs the test command through the one process runner (timeout, process-group
 * kill, scrubbed environment, closed stdin, output streamed to a capped file)
 * and digests the log.
 */
import { open } from 'node:fs/promises';
import * as path from 'node:path';
import type { TokenCounter } from '../core/tokens.js';
import type { ProcessRunner } from '../workspace/types.js';
import { isOneRunner } from './compare.js';
import { digestFile } from './index.js';
import type { TestRun } from './types.js';

export interface TestCommandOptions {
  readonly runner: ProcessRunner;
  readonly command: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Folder for the logs (outside the workspace). */
  readonly logDir: string;
  readonly digestTokens: number;
  /** Counts the digest's tokens (the model layer's o200k counter). */
  readonly counter: TokenCounter;
  readonly reportGlob: string;
  /** Cap of one log file. */
  readonly maxLogBytes?: number;
}

export interface TestCommand {
  /**
   * Runs the tests once; `label` names the log file (baseline, iteration-1...). `command`
   * replaces the test command for this run (a rerun of the failing tests only).
   */
  run(
    label: string,
    options: {
      timeoutMs?: number;
      signal?: AbortSignal;
      command?: string;
      /**
       * The runner the baseline's log was read with. A log that no parser recognises is read
       * again with that runner's parser: a run that prints none of its results (`echo ok` in
       * place of the tests) then shows as that runner's run of no test, not as an unknown log.
       */
      runnerHint?: string;
    },
  ): Promise<TestRun>;
}

const DEFAULT_MAX_LOG_BYTES = 20 * 1024 * 1024;

export function createTestCommand(options: TestCommandOptions): TestCommand {
  return {
    async run(label, { timeoutMs, signal, command = options.command, runnerHint }) {
      const logPath = path.join(options.logDir, `test-${label}.log`);
      const result = await options.runner.run({
        command,
        cwd: options.cwd,
        env: options.env,
        timeoutMs: Math.max(1000, Math.min(timeoutMs ?? options.timeoutMs, options.timeoutMs)),
        outputFile: logPath,
        maxFileBytes: options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES,
        ...(signal ? { signal } : {}),
      });
      const read = (runner?: string) =>
        digestFile(logPath, {
          tokens: options.digestTokens,
          counter: options.counter,
          projectRoot: options.cwd,
          ...(options.reportGlob ? { reportGlob: options.reportGlob } : {}),
          exitCode: result.exitCode,
          timedOut: result.timedOut,
          ...(runner ? { runner } : {}),
        });
      let digest = await read();
      const known = runnerHint !== undefined && isOneRunner(runnerHint);
      // Named as the hint, whatever the forced parser calls it (`node-test` reads as spec or
      // TAP by what the log shows): the integrity check compares runs of one runner only.
      if (digest.runner === 'generic' && known)
        digest = { ...(await read(runnerHint)), runner: runnerHint };
      return {
        command,
        exitCode: result.exitCode,
        timedOut: result.timedOut,
        durationMs: result.durationMs,
        logPath,
        digest,
        sandboxed: result.sandboxed,
      };
    },
  };
}

/**
 * Lines by which a command says it could not run any test at all. Each names its source.
 * - POSIX shells exit 127 for a command not found and 126 for one found but not executable
 *   (POSIX.1-2017, Shell Command Language, 2.8.2 Exit Status for Commands); see `NOT_RUNNABLE`.
 * - npm 7-11: `npm error Missing script: "tset"` (npm 7-9: `npm ERR! Missing script: ...`);
 *   pnpm: `ERR_PNPM_NO_SCRIPT  Missing script: tset`; yarn 1: `error Command "tset" not found.`;
 *   yarn 2+: `Usage Error: Couldn't find a script named "tset".`
 * - jest: `No tests found, exiting with code 1` (jest's getNoTestFound); vitest: `No test files
 *   found, exiting with code 1`; mocha: `Error: No test files found`.
 * - pytest exits 5 when no tests were collected (pytest's ExitCode.NO_TESTS_COLLECTED).
 * - cargo: `error: could not find `Cargo.toml` in ...`; go: `no Go files in ...`,
 *   `go: warning: "./..." matched no packages`.
 * - `python -m pytest` without pytest installed: `/usr/bin/python3: No module named pytest`
 *   (CPython's runpy `_run_module_as_main`: `"%s: %s" % (sys.executable, exc)`, exit code 1);
 *   a test's own failed import reads `ModuleNotFoundError: No module named 'x'`, quoted.
 */
const CANNOT_RUN: readonly RegExp[] = [
  /^npm (?:error|ERR!) Missing script: .*/,
  /ERR_PNPM_NO_SCRIPT.*/,
  /^error Command ".*" not found\./,
  /^Usage Error: Couldn't find a script named .*/,
  /^No tests found, exiting with code \d+/,
  /^No test files found, exiting with code \d+/,
  /^Error: No test files found.*/,
  /^error: could not find `Cargo\.toml`.*/,
  /no Go files in .*/,
  /matched no packages/,
  /^\S.*: No module named [\w.]+$/,
];
/** Exit codes of a shell that could not start the command (see CANNOT_RUN). */
const NOT_RUNNABLE = new Set([126, 127]);
/** pytest's exit code when it collected no tests. */
const PYTEST_NO_TESTS = 5;
const TAIL_BYTES = 64 * 1024;

/**
 * Why a test run shows that the command could not run any test (a typo in the command, a missing
 * script, no tests found), in the command's own words; undefined when tests ran. Only a run in
 * which no test was counted qualifies: a test suite's own exit code is never enough.
 */
export async function whyCannotRun(run: TestRun): Promise<string | undefined> {
  const { passed, failed, skipped } = run.digest.counts;
  if (run.timedOut || run.exitCode === 0 || passed + failed + skipped > 0) return undefined;
  const lines = (await readTail(run.logPath))
    .split(/\r?\n/)
    .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trimEnd())
    .filter((line) => line.trim() !== '');
  for (const line of lines) {
    for (const pattern of CANNOT_RUN) {
      const match = pattern.exec(line);
      if (match) return match[0].trim();
    }
  }
  if (NOT_RUNNABLE.has(run.exitCode ?? -1) || run.exitCode === PYTEST_NO_TESTS) {
    const last = lines.slice(-3).join(' / ');
    if (run.exitCode === PYTEST_NO_TESTS && !/no tests ran|collected 0 items/.test(last))
      return undefined;
    return `${last || 'no output'} (exit code ${run.exitCode})`;
  }
  return undefined;
}

async function readTail(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}
