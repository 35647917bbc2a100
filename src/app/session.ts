/**
 * The composition root, above the loop and shared by the action and the CLI: build the
 * dependencies from the config, run the loop, filter the result, write the
 * report files. Knows nothing of GitHub.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import * as path from 'node:path';
import { detectTestCommand } from '../checks/index.js';
import { createTestCommand, type TestCommand } from '../checks/run-tests.js';
import type { RunConfig } from '../config/types.js';
import { configEffortRefusal, createModelClient } from '../model/index.js';
import { Redactor, secretValues } from '../core/secrets.js';
import { writeReportFiles } from '../report/files.js';
import { passedVariables, scrubEnv } from '../workspace/env.js';
import { createGit } from '../workspace/git.js';
import { createGuard } from '../workspace/guard.js';
import { createProcessRunner } from '../workspace/runner.js';
import { writeNewFile } from '../workspace/safe-fs.js';
import type { Git, ProcessRunner, WorkspaceGuard } from '../workspace/types.js';
import { filterChanges, type FilteredResult } from '../loop/integrity.js';
import { buildRecord } from '../loop/build-record.js';
import { checkEndpoint } from '../loop/preflight.js';
import { CHECKPOINT_FILE, type Checkpoint } from '../loop/checkpoint.js';
import type { RunRecord } from '../core/record.js';
import { type LoopOutcome, runLoop } from '../loop/run.js';
import type { RunLog } from '../core/log.js';
import { o200k } from '../model/tokens.js';

/** A problem of the user's setup that stops the run before the loop: one line, exit 1. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

export interface SessionOptions {
  readonly config: RunConfig;
  readonly log: RunLog;
  /** Where the report files are written. */
  readonly outDir: string;
  /** Private folder for logs and checkpoints (outside the workspace, hidden from model commands). */
  readonly workDir: string;
  /** The parent environment; children get a scrubbed copy. */
  readonly env: NodeJS.ProcessEnv;
  readonly resume?: Checkpoint;
  /** Values to redact from everything written (API key, tokens). */
  readonly secrets: readonly string[];
  readonly now?: () => number;
  /**
   * Called after each iteration with a redacted copy of the checkpoint (`<dir>/checkpoint/checkpoint.json`),
   * so a job killed at its time limit can be resumed; failures are the callee's to report.
   */
  readonly onCheckpoint?: (dir: string, file: string, iteration: number) => Promise<void>;
  /**
   * Aborted on Ctrl-C or SIGTERM (with the signal's name as reason): every command the run
   * started is killed with its process group, and the run ends `cancelled` with its report.
   */
  readonly signal?: AbortSignal;
  /** Test hook: model client options (fast retries, small idle timeout). */
  readonly modelOptions?: Parameters<typeof createModelClient>[1];
}

export interface ReportFiles {
  readonly dir: string;
  readonly list: readonly string[];
  readonly diffPath: string;
  readonly summaryPath: string;
  readonly reportPath: string;
}

export interface SessionResult {
  readonly record: RunRecord;
  readonly files: ReportFiles;
  readonly outcome: LoopOutcome;
  readonly redactor: Redactor;
  /** Tree object of the published state (the best state, filtered). */
  readonly bestTree: string;
}

/** What every kind of session shares: one redactor, one log, one sandboxed runner, one test environment. */
export interface Workbench {
  readonly redactor: Redactor;
  readonly log: RunLog;
  readonly testCommand: string;
  readonly runner: ProcessRunner;
  /** The scrubbed environment of every test run and model command (pass-env included). */
  readonly env: Record<string, string>;
  readonly tests: TestCommand;
  /** Setup warnings the report lists besides the log (the sandbox's own has its line). */
  readonly warnings: readonly string[];
}

/**
 * Builds the workbench of a session: the redactor (known secrets, secret-named variables, passed
 * secrets), the test command (configured or detected), the sandboxed runner (the report folder
 * hidden, so no command can plant a symlink where greenloop will write) and the test command
 * runner with the scrubbed environment. Faults of the user's setup are SetupErrors.
 */
export async function prepareWorkbench(
  options: Pick<
    SessionOptions,
    'config' | 'log' | 'outDir' | 'workDir' | 'env' | 'secrets' | 'signal'
  >,
): Promise<Workbench> {
  const { config } = options;
  const redactor = new Redactor(
    secretValues({ known: options.secrets, env: options.env, passSecrets: config.passSecrets }),
  );
  const log = redactingLog(options.log, redactor);
  const testCommand = await resolveTestCommand(config, log);
  const probed = await createProcessRunner({
    sandbox: config.sandbox,
    workspace: config.workspace,
    log: (line) => log.info(line),
    tempDir: options.workDir,
    hiddenDirs: [options.outDir],
    env: options.env,
    testCommand,
  }).catch((error: unknown) => {
    throw new SetupError(error instanceof Error ? error.message : String(error));
  });
  const runner = cancellable(probed, options.signal);
  if (runner.sandbox.mode === 'none') {
    log.warn(
      `Sandbox: none — model commands run with a scrubbed environment only (${runner.sandbox.reason})`,
    );
  } else {
    log.info(`Sandbox: ${runner.sandbox.reason}`); // "bubblewrap at /usr/bin/bwrap; as root: ..."
  }
  const pass = { names: config.passEnv, secrets: config.passSecrets };
  const env = scrubEnv(options.env, { pass });
  const { passed, skipped } = passedVariables(options.env, pass);
  if (passed.length > 0)
    log.info(`Environment: also passed to the tests (pass-env): ${passed.join(', ')}`);
  const warnings = skipped.map(
    (name) =>
      `pass-env: ${name} looks like a secret and is not passed; list it in pass-secrets to pass it anyway`,
  );
  for (const line of warnings) log.warn(line);
  const tests = createTestCommand({
    runner,
    command: testCommand,
    cwd: config.workspace,
    env,
    timeoutMs: config.testTimeoutSeconds * 1000,
    logDir: options.workDir,
    digestTokens: config.digestTokens,
    counter: o200k,
    reportGlob: config.testReport,
  });
  return { redactor, log, testCommand, runner, env, tests, warnings };
}

/**
 * The up-front checks of a session, settled before anything else starts or prints: the effort the
 * model takes, then the endpoint (a missing key, an endpoint that cannot answer or refuses the
 * key) beside the workbench (the test command, the sandbox probe), whose lines are held until
 * both have settled. A setup that cannot work so ends in one line, with nothing left running.
 */
export async function checkedWorkbench(
  options: Parameters<typeof prepareWorkbench>[0],
): Promise<Workbench> {
  const { config } = options;
  const refused = configEffortRefusal(config);
  if (refused !== undefined) throw new SetupError(refused);
  const held = heldLog(options.log);
  const [endpoint, bench] = await Promise.allSettled([
    checkEndpoint(config, { env: options.env }),
    prepareWorkbench({ ...options, log: held.log }),
  ]);
  if (endpoint.status === 'rejected') {
    const error: unknown = endpoint.reason;
    throw new SetupError(error instanceof Error ? error.message : String(error));
  }
  if (bench.status === 'rejected') throw bench.reason;
  held.release();
  return bench.value;
}

/** A log whose lines wait until `release` (then pass straight through). */
function heldLog(log: RunLog): { readonly log: RunLog; release(): void } {
  let waiting: (() => void)[] | undefined = [];
  const hold = (write: () => void): void => {
    if (waiting) waiting.push(write);
    else write();
  };
  return {
    log: {
      info: (line) => hold(() => log.info(line)),
      warn: (line) => hold(() => log.warn(line)),
      progress: (line) => hold(() => log.progress(line)),
      group: (title, body) => log.group(title, body),
      ...(log.startGroup ? { startGroup: (title: string) => log.startGroup!(title) } : {}),
      ...(log.endGroup ? { endGroup: () => log.endGroup!() } : {}),
    },
    release: () => {
      const writes = waiting ?? [];
      waiting = undefined;
      for (const write of writes) write();
    },
  };
}

export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const { config } = options;
  const bench = await checkedWorkbench(options);
  const gitWarnings: string[] = [];
  const git = createGit(config.workspace, {
    env: options.env,
    // Only paths and sizes: files left out of snapshots for their size.
    log: (line) => {
      gitWarnings.push(line);
      options.log.warn(line);
    },
    deadline: Date.now() + config.timeoutMinutes * 60_000,
  });
  await git.ensureBaseline();
  const guard = createGuard(config.workspace, config.protectedPaths);
  const outcome = await loop(options, bench, git, guard);
  const filtered = await filterChanges({
    git,
    guard,
    baselineTree: outcome.baselineTree,
    bestTree: outcome.bestTree,
    log: bench.log,
  });
  return writeSession(options, bench, outcome, filtered, gitWarnings);
}

/** The loop with the workbench's parts and a model client built from the config. */
function loop(
  options: SessionOptions,
  bench: Workbench,
  git: Git,
  guard: WorkspaceGuard,
): Promise<LoopOutcome> {
  const { config } = options;
  const { redactor, log, testCommand, runner, env, tests } = bench;
  const model = createModelClient(config, {
    log: (line) => log.info(line),
    ...options.modelOptions,
  });
  return runLoop({
    config,
    testCommand,
    model,
    git,
    runner,
    guard,
    tests,
    env,
    log,
    checkpointDir: path.join(options.outDir, 'checkpoint'),
    ...(options.onCheckpoint ? { onCheckpoint: redactedCopy(options, redactor) } : {}),
    ...(options.resume ? { resume: options.resume } : {}),
    redact: (text) => redactor.redact(text),
    openaiEndpoint:
      config.api === 'responses' &&
      (config.baseUrl === '' || /(^|\.)api\.openai\.com/i.test(config.baseUrl)),
    ...(options.now ? { now: options.now } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** The run record of the filtered outcome, and the report files (and checkpoint) written redacted. */
async function writeSession(
  options: SessionOptions,
  bench: Workbench,
  outcome: LoopOutcome,
  filtered: FilteredResult,
  gitWarnings: readonly string[],
): Promise<SessionResult> {
  const { config } = options;
  const { redactor, log, testCommand, runner } = bench;
  const record = buildRecord(outcome, {
    config,
    testCommand,
    model: config.model,
    api: config.api,
    sandbox: runner.sandbox,
    diff: filtered.diff,
    filesChanged: filtered.filesChanged,
    dropped: filtered.dropped,
    warnings: [
      ...bench.warnings,
      ...gitWarnings,
      ...filtered.dropped.map((d) => `Dropped ${d.path} from the result: ${d.reason}`),
    ],
  });
  const written = await writeReportFiles(
    record,
    options.outDir,
    {
      ...(outcome.baseline ? { baselineLogPath: outcome.baseline.logPath } : {}),
      ...(outcome.best ? { finalLogPath: outcome.best.logPath } : {}),
      transcript: outcome.transcript,
    },
    redactor,
  );
  for (const warning of written.warnings) log.warn(warning);
  const checkpointFile = await redactCheckpoint(path.join(options.outDir, 'checkpoint'), redactor);
  return {
    record,
    outcome,
    redactor,
    bestTree: filtered.bestTree,
    files: {
      dir: options.outDir,
      list: checkpointFile ? [...written.files, checkpointFile] : written.files,
      diffPath: written.diffPath,
      summaryPath: written.summaryPath,
      reportPath: written.reportPath,
    },
  };
}

/** Every command of the run (tests, setup, model commands) also stops when the run is cancelled. */
function cancellable(runner: ProcessRunner, signal: AbortSignal | undefined): ProcessRunner {
  if (!signal) return runner;
  return {
    sandbox: runner.sandbox,
    run: (request) =>
      runner.run({
        ...request,
        signal: request.signal ? AbortSignal.any([request.signal, signal]) : signal,
      }),
  };
}

/** Every line of the log passes through the redactor (the action also masks; the CLI relies on this). */
function redactingLog(log: RunLog, redactor: Redactor): RunLog {
  return {
    info: (line) => log.info(redactor.redact(line)),
    warn: (line) => log.warn(redactor.redact(line)),
    progress: (line) => log.progress(redactor.redact(line)),
    group: (title, body) => log.group(redactor.redact(title), body),
    ...(log.startGroup
      ? { startGroup: (title: string) => log.startGroup!(redactor.redact(title)) }
      : {}),
    ...(log.endGroup ? { endGroup: () => log.endGroup!() } : {}),
  };
}

/** Hands a redacted copy of each iteration's checkpoint to `options.onCheckpoint`. */
function redactedCopy(
  options: SessionOptions,
  redactor: Redactor,
): (file: string, iteration: number) => Promise<void> {
  const dir = path.join(options.workDir, 'checkpoint-upload');
  return async (file, iteration) => {
    const copy = path.join(dir, 'checkpoint', CHECKPOINT_FILE);
    await mkdir(path.dirname(copy), { recursive: true });
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    await writeNewFile(copy, JSON.stringify(redactor.redactValue(data)));
    await options.onCheckpoint?.(dir, copy, iteration);
  };
}

/** The checkpoint is published with the other files: redact it in place. */
async function redactCheckpoint(dir: string, redactor: Redactor): Promise<string | undefined> {
  const file = path.join(dir, CHECKPOINT_FILE);
  if (!existsSync(file)) return undefined;
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  // Through a new file and a rename: never through a symlink.
  await writeNewFile(`${file}.tmp`, JSON.stringify(redactor.redactValue(data)));
  await rename(`${file}.tmp`, file);
  return file;
}

async function resolveTestCommand(config: RunConfig, log: RunLog): Promise<string> {
  if (config.testCommand !== '') return config.testCommand;
  const detected = await detectTestCommand(config.workspace);
  if (!detected) {
    throw new SetupError(
      "No test command found: set the 'test-command' input (no package.json test script, pytest configuration or test_*.py files, Cargo.toml, go.mod, pom.xml, build.gradle or Makefile test target in the working directory).",
    );
  }
  log.info(`Test command: ${detected.command} (detected: ${detected.reason})`);
  return detected.command;
}
