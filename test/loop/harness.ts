/** Builds the loop's real dependencies around a temp repository and a scripted model. */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestCommand } from '../../src/checks/run-tests.js';
import { parseConfig, type RawInputs } from '../../src/config/index.js';
import type { Checkpoint } from '../../src/loop/checkpoint.js';
import { type LoopOutcome, runLoop } from '../../src/loop/run.js';
import type { RunLog } from '../../src/core/log.js';
import type { ModelClient } from '../../src/model/types.js';
import { scrubEnv } from '../../src/workspace/env.js';
import { createGit } from '../../src/workspace/git.js';
import { createGuard } from '../../src/workspace/guard.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import { afterAll } from 'vitest';
import { o200k } from '../../src/model/tokens.js';

/** Work folders of this test file's runs: callers read their checkpoints until the file ends. */
const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface LoopRun {
  readonly outcome: LoopOutcome;
  readonly lines: string[];
  readonly checkpointDir: string;
}

export function memoryLog(lines: string[]): RunLog {
  return {
    info: (line) => void lines.push(line),
    warn: (line) => void lines.push(`warning: ${line}`),
    progress: (line) => void lines.push(`progress: ${line}`),
    group: async (title, body) => {
      lines.push(`group: ${title}`);
      return body();
    },
  };
}

export async function runScripted(
  dir: string,
  model: ModelClient,
  inputs: RawInputs = {},
  options: {
    now?: () => number;
    resume?: Checkpoint;
    checkpointDir?: string;
    openaiEndpoint?: boolean;
  } = {},
): Promise<LoopRun> {
  const parsed = parseConfig(
    { 'test-command': 'node --test', sandbox: 'none', 'flaky-reruns': '0', ...inputs },
    { baseDir: dir, env: {} },
  );
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
  const config = parsed.value;
  const runner = await createProcessRunner({ sandbox: config.sandbox, workspace: dir });
  const env = scrubEnv(process.env);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'gl-loop-work-'));
  workDirs.push(workDir);
  const checkpointDir = options.checkpointDir ?? path.join(workDir, 'checkpoint');
  const lines: string[] = [];
  const git = createGit(dir);
  await git.ensureBaseline();
  const outcome = await runLoop({
    config,
    testCommand: config.testCommand,
    model,
    git,
    runner,
    guard: createGuard(dir, config.protectedPaths),
    tests: createTestCommand({
      runner,
      command: config.testCommand,
      cwd: dir,
      env,
      timeoutMs: config.testTimeoutSeconds * 1000,
      logDir: workDir,
      digestTokens: config.digestTokens,
      counter: o200k,
      reportGlob: '',
    }),
    env,
    log: memoryLog(lines),
    checkpointDir,
    openaiEndpoint: options.openaiEndpoint ?? false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.resume ? { resume: options.resume } : {}),
  });
  return { outcome, lines, checkpointDir };
}
