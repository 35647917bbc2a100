/**
 * Runs the test command through the one process runner (timeout, process-group
 * kill, scrubbed environment, closed stdin, output streamed to a capped file)
 * and digests the log.
 */
import * as path from 'node:path';
import type { ProcessRunner } from '../workspace/types.js';
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
  readonly reportGlob: string;
  /** Cap of one log file. */
  readonly maxLogBytes?: number;
}

export interface TestCommand {
  /** Runs the tests once; `label` names the log file (baseline, iteration-1...). */
  run(label: string, options: { timeoutMs?: number; signal?: AbortSignal }): Promise<TestRun>;
}

const DEFAULT_MAX_LOG_BYTES = 20 * 1024 * 1024;

export function createTestCommand(options: TestCommandOptions): TestCommand {
  return {
    async run(label, { timeoutMs, signal }) {
      const logPath = path.join(options.logDir, `test-${label}.log`);
      const result = await options.runner.run({
        command: options.command,
        cwd: options.cwd,
        env: options.env,
        timeoutMs: Math.max(1000, Math.min(timeoutMs ?? options.timeoutMs, options.timeoutMs)),
        outputFile: logPath,
        maxFileBytes: options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES,
        ...(signal ? { signal } : {}),
      });
      const digest = await digestFile(logPath, {
        tokens: options.digestTokens,
        projectRoot: options.cwd,
        ...(options.reportGlob ? { reportGlob: options.reportGlob } : {}),
        exitCode: result.exitCode,
        timedOut: result.timedOut,
      });
      return {
        command: options.command,
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
