/** `greenloop run` and `greenloop resume`: the core on a local repository. */
import { mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { secretValues } from '../core/secrets.js';
import { parseConfig } from '../config/parse.js';
import type { RawInputs } from '../config/inputs.js';
import { loadCheckpoint, type Checkpoint } from '../loop/checkpoint.js';
import { neutraliseWorkflowCommands } from '../report/escape.js';
import { runSession, SetupError, type SessionResult } from '../app/session.js';
import type { RunConfig } from '../config/types.js';
import { err, ok, type Result } from '../core/result.js';
import { SUCCESS_STATUSES } from '../core/status.js';
import { failingCount, type TestSummary } from '../core/record.js';
import { attemptCounts, runAttempts } from './attempts.js';
import { createGit, type RepoGit } from '../workspace/git.js';
import { CLI_INPUTS, flagKey } from './flags.js';
import { terminalLog } from './log.js';
import { formatCost } from '../loop/progress.js';

export interface RunFlags {
  readonly cwd: string;
  readonly out?: string;
  readonly apply: boolean;
  readonly allowDirty: boolean;
  readonly [flag: string]: unknown;
}

export async function runCommand(flags: RunFlags): Promise<number> {
  return run(flags, undefined);
}

export async function resumeCommand(checkpointDir: string, flags: RunFlags): Promise<number> {
  let checkpoint: Checkpoint;
  try {
    checkpoint = await loadCheckpoint(path.resolve(checkpointDir));
  } catch (error) {
    process.stderr.write(`greenloop: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return run({ ...flags, 'test-command-from-checkpoint': checkpoint.testCommand }, checkpoint);
}

/** What the end of a run (one session or several attempts) is told from. */
type RunOutcome = Pick<SessionResult, 'record' | 'files'>;

interface Prepared {
  readonly root: string;
  readonly raw: Record<string, string>;
  readonly config: RunConfig;
  readonly counts: { readonly count: number; readonly jobs: number };
}

async function run(flags: RunFlags, resume: Checkpoint | undefined): Promise<number> {
  const prepared = await prepare(flags, resume);
  if (!prepared.ok) {
    process.stderr.write(`greenloop: ${prepared.error}\n`);
    return 1;
  }
  const { root, raw, config, counts } = prepared.value;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = flags.out ? path.resolve(flags.out) : path.join(root, '.greenloop', stamp);
  mkdirSync(outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'greenloop-'));
  const log = terminalLog(process.stderr);
  // The working tree as the user left it: put back afterwards (unless --apply), whatever happens.
  const git = createGit(config.workspace);
  const before = flags.apply ? undefined : await git.snapshot();
  const tidy = async (): Promise<void> => {
    await rm(workDir, { recursive: true, force: true });
    removeIfEmpty(outDir, flags.out ? undefined : path.dirname(outDir));
  };
  const signals = watchSignals(
    log,
    async () => {
      await (before ? git.restore(before) : Promise.resolve()).catch(() => undefined);
      await tidy().catch(() => undefined);
      // Attempts' worktrees were under workDir (a single run has none to prune).
      if (counts.count > 1) await git.pruneWorktrees().catch(() => undefined);
    },
    before !== undefined,
  );
  try {
    const secrets = secretValues({ known: [config.apiKey] });
    const common = { config, log, outDir, workDir, env: process.env, secrets };
    const session =
      counts.count > 1
        ? await runAttempts({
            ...common,
            ...counts,
            models: allOf(flags.model),
            efforts: allOf(flags.reasoningEffort),
            raw,
            git,
            signal: signals.signal,
          })
        : await runSession({ ...common, ...(resume ? { resume } : {}), signal: signals.signal });
    log.done();
    process.stdout.write(
      `${neutraliseWorkflowCommands(outcomeLines(session, root, flags.apply))}\n`,
    );
    return exitCode(session.record.status);
  } catch (error) {
    log.done();
    if (!(error instanceof SetupError)) throw error;
    process.stderr.write(`greenloop: ${error.message}\n`);
    return signals.signal.aborted ? 130 : 1;
  } finally {
    signals.dispose();
    if (before) await git.restore(before);
    await tidy();
  }
}

/** Everything checked before anything starts: the repository, the flags, the config. */
async function prepare(flags: RunFlags, resume: Checkpoint | undefined): Promise<Result<Prepared>> {
  let probe: RepoGit;
  try {
    probe = createGit(path.resolve(flags.cwd));
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
  const root = await probe.tryTopLevel();
  if (!root) {
    return err(`${flags.cwd} is not inside a git repository (run 'git init' and commit first).`);
  }
  // Keeps `.greenloop/` out of `git status` and of the run's snapshots.
  await probe.addExclude('.greenloop/');
  if (!flags.allowDirty && (await probe.isDirty())) {
    return err(
      'the working tree has uncommitted changes; commit or stash them, or pass --allow-dirty.',
    );
  }
  const counts = attemptCounts(flags.attempts, flags.jobs);
  if (!counts.ok) return counts;
  if (counts.value.count > 1 && resume) {
    return err('--attempts starts every attempt afresh: it cannot be combined with resume.');
  }
  const raw = rawInputs(flags, root, resume);
  const parsed = parseConfig(raw as RawInputs, { baseDir: root, env: process.env });
  if (!parsed.ok) return err(parsed.error.join('\ngreenloop: '));
  return ok({ root, raw, config: parsed.value, counts: counts.value });
}

/** The action's inputs as the CLI's flags give them. */
function rawInputs(
  flags: RunFlags,
  root: string,
  resume: Checkpoint | undefined,
): Record<string, string> {
  const raw: Record<string, string> = {
    'working-directory': path.relative(root, path.resolve(flags.cwd)) || '.',
    output: 'none',
  };
  for (const input of CLI_INPUTS) {
    // --model and --reasoning-effort are repeated only for --attempts (more values than runs are
    // refused in cli.ts); a single run has at most one.
    const value = lastOf(flags[flagKey(input.name)]);
    if (value !== undefined) raw[input.name] = value;
  }
  if (resume && !raw['test-command']) raw['test-command'] = resume.testCommand;
  // The checkpoint's model, endpoint and API, where no flag names another.
  const settings = resume?.model;
  if (settings) {
    const fromCheckpoint: Record<string, string> = {
      model: settings.model,
      api: settings.api,
      'base-url': settings.baseUrl,
      'reasoning-effort': settings.reasoningEffort,
      'tool-style': settings.toolStyle,
    };
    for (const [name, value] of Object.entries(fromCheckpoint)) {
      if (raw[name] === undefined && value !== '') raw[name] = value;
    }
  }
  return raw;
}

/**
 * Ctrl-C or SIGTERM: the running command's process group is killed, the run ends `cancelled`
 * and its report is still written (exit 130, as shells expect). A second one leaves at once,
 * putting the working tree back first (`leave`).
 */
function watchSignals(
  log: { done(): void },
  leave: () => Promise<void>,
  restores: boolean,
): { readonly signal: AbortSignal; dispose(): void } {
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    log.done();
    if (!cancel.signal.aborted) {
      process.stderr.write(
        `greenloop: ${signal}: stopping the running command and writing the report (again to quit at once)\n`,
      );
      cancel.abort(signal);
      return;
    }
    process.stderr.write(
      `greenloop: ${signal}: quitting${restores ? ' after restoring the working tree' : ''}\n`,
    );
    void leave().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: cancel.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** What the terminal is told at the end of a run. */
function outcomeLines(session: RunOutcome, root: string, applied: boolean): string {
  const { record, files } = session;
  if (record.status === 'already-green') {
    const summary = path.relative(root, files.summaryPath);
    return `status=already-green: ${record.stopReason}, so nothing ran (summary: ${summary}).`;
  }
  // No test run after the baseline (it could not run, the model failed first): unknown, "?".
  const failing = (s: TestSummary | undefined): string => (s ? String(failingCount(s)) : '?');
  return [
    `status=${record.status}`,
    `reason: ${record.stopReason}`,
    `failing: ${failing(record.baseline)} -> ${failing(record.final)}`,
    `iterations: ${record.totals.iterations}, turns: ${record.totals.turns}, tokens: ${record.totals.tokens}, cost: ${formatCost(record.totals.costUsd, record.model)}`,
    `diff: ${files.diffPath}`,
    `summary: ${files.summaryPath}`,
    `report: ${files.reportPath}`,
    record.filesChanged.length === 0
      ? 'No changes were made.'
      : applied
        ? 'The best state is left in the working tree (--apply).'
        : 'The working tree was left as it was; apply the diff with: git apply ' +
          path.relative(root, files.diffPath),
  ].join('\n');
}

function exitCode(status: RunOutcome['record']['status']): number {
  if (status === 'cancelled') return 130;
  return SUCCESS_STATUSES.has(status) ? 0 : 1;
}

/** A run that wrote nothing (stopped before its report) leaves no empty output folder behind. */
function removeIfEmpty(dir: string, parent: string | undefined): void {
  for (const folder of parent ? [dir, parent] : [dir]) {
    try {
      if (readdirSync(folder).length > 0) return;
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}

/** The last value of a flag that may be repeated. */
function lastOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const last: unknown = value[value.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return undefined;
}

/** Every value of a flag that may be repeated. */
function allOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
