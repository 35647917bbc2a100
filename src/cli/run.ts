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
import { runSession, SetupError } from '../app/session.js';
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

async function run(flags: RunFlags, resume: Checkpoint | undefined): Promise<number> {
  let probe: RepoGit;
  try {
    probe = createGit(path.resolve(flags.cwd));
  } catch (error) {
    process.stderr.write(`greenloop: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const root = await probe.tryTopLevel();
  if (!root) {
    process.stderr.write(
      `greenloop: ${flags.cwd} is not inside a git repository (run 'git init' and commit first).\n`,
    );
    return 1;
  }
  // Keeps `.greenloop/` out of `git status` and of the run's snapshots.
  await probe.addExclude('.greenloop/');
  if (!flags.allowDirty && (await probe.isDirty())) {
    process.stderr.write(
      'greenloop: the working tree has uncommitted changes; commit or stash them, or pass --allow-dirty.\n',
    );
    return 1;
  }
  const raw: Record<string, string> = {
    'working-directory': path.relative(root, path.resolve(flags.cwd)) || '.',
    output: 'none',
  };
  for (const input of CLI_INPUTS) {
    // --model and --reasoning-effort may be repeated (for --attempts): the last one is the run's.
    const value = lastOf(flags[flagKey(input.name)]);
    if (value !== undefined) raw[input.name] = value;
  }
  const counts = attemptCounts(flags.attempts, flags.jobs);
  if (typeof counts === 'string') {
    process.stderr.write(`greenloop: ${counts}\n`);
    return 1;
  }
  if (counts.count > 1 && (resume || flags.allowDirty)) {
    process.stderr.write(
      `greenloop: --attempts runs every attempt on the last commit: it cannot be combined with ${resume ? 'resume' : '--allow-dirty'}.\n`,
    );
    return 1;
  }
  if (resume && !raw['test-command']) raw['test-command'] = resume.testCommand;
  const parsed = parseConfig(raw as RawInputs, { baseDir: root, env: process.env });
  if (!parsed.ok) {
    for (const error of parsed.error) process.stderr.write(`greenloop: ${error}\n`);
    return 1;
  }
  const config = parsed.value;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = flags.out ? path.resolve(flags.out) : path.join(root, '.greenloop', stamp);
  mkdirSync(outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'greenloop-'));
  const log = terminalLog(process.stderr);
  // The working tree as the user left it: put back afterwards (unless --apply), whatever happens.
  const git = createGit(config.workspace);
  const before = flags.apply ? undefined : await git.snapshot();
  // Ctrl-C or SIGTERM: the running command's process group is killed, the run ends `cancelled`
  // and its report is still written (exit 130, as shells expect). A second one leaves at once,
  // putting the working tree back first.
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
      `greenloop: ${signal}: quitting${before ? ' after restoring the working tree' : ''}\n`,
    );
    void (before ? git.restore(before) : Promise.resolve())
      .catch(() => undefined)
      .then(() => rm(workDir, { recursive: true, force: true }))
      .catch(() => undefined)
      .finally(() => {
        removeIfEmpty(outDir, flags.out ? undefined : path.dirname(outDir));
        process.exit(130);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const secrets = secretValues({ known: [config.apiKey] });
    const session =
      counts.count > 1
        ? await runAttempts({
            count: counts.count,
            jobs: counts.jobs,
            models: allOf(flags.model),
            efforts: allOf(flags.reasoningEffort),
            raw,
            config,
            git,
            log,
            outDir,
            workDir,
            env: process.env,
            secrets,
          })
        : await runSession({
            config,
            log,
            outDir,
            workDir,
            env: process.env,
            secrets,
            ...(resume ? { resume } : {}),
            signal: cancel.signal,
          });
    log.done();
    const { record } = session;
    if (record.status === 'already-green') {
      const summary = path.relative(root, session.files.summaryPath);
      process.stdout.write(
        `${neutraliseWorkflowCommands(`status=already-green: ${record.stopReason}, so nothing ran (summary: ${summary}).`)}\n`,
      );
      return 0;
    }
    const failingBefore = record.baseline?.failures.length ?? 0;
    const failingAfter = record.final?.failures.length ?? 0;
    process.stdout.write(
      neutraliseWorkflowCommands(
        [
          `status=${record.status}`,
          `reason: ${record.stopReason}`,
          `failing: ${failingBefore} -> ${failingAfter}`,
          `iterations: ${record.totals.iterations}, turns: ${record.totals.turns}, tokens: ${record.totals.tokens}, cost: ${formatCost(record.totals.costUsd, record.model)}`,
          `diff: ${session.files.diffPath}`,
          `summary: ${session.files.summaryPath}`,
          `report: ${session.files.reportPath}`,
          record.filesChanged.length === 0
            ? 'No changes were made.'
            : flags.apply
              ? 'The best state is left in the working tree (--apply).'
              : 'The working tree was left as it was; apply the diff with: git apply ' +
                path.relative(root, session.files.diffPath),
        ].join('\n'),
      ) + '\n',
    );
    if (record.status === 'cancelled') return 130;
    return record.status === 'success' ? 0 : 1;
  } catch (error) {
    log.done();
    if (error instanceof SetupError) {
      process.stderr.write(`greenloop: ${error.message}\n`);
      return cancel.signal.aborted ? 130 : 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (before) await git.restore(before);
    await rm(workDir, { recursive: true, force: true });
    removeIfEmpty(outDir, flags.out ? undefined : path.dirname(outDir));
  }
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
