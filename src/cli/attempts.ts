/**
 * `greenloop run --attempts N [--jobs J]`: N loops side by side, each in its own git worktree of
 * HEAD (repeated `--model` / `--reasoning-effort` flags are cycled over the attempts), then the
 * same select step as the action's `mode: select` in the user's working tree.
 */
import { constants as fsConstants } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { parseConfig } from '../config/parse.js';
import type { RawInputs } from '../config/inputs.js';
import type { RunConfig } from '../config/types.js';
import type { RunLog } from '../core/log.js';
import { checkedWorkbench, runSession, SetupError } from '../app/session.js';
import { configEffortRefusal } from '../model/index.js';
import {
  attemptSpecs,
  runLocalAttempts,
  type AttemptOutput,
  type AttemptSpec,
  type LocalAttemptPorts,
} from '../select/local.js';
import { runSelectStep, type SelectResult } from '../app/select.js';
import type { Candidate } from '../select/rank.js';
import type { RepoGit } from '../workspace/git.js';
import { err, ok, type Result } from '../core/result.js';

export interface AttemptsOptions {
  readonly count: number;
  readonly jobs: number;
  /** Repeated `--model` flags (empty: the config's model). */
  readonly models: readonly string[];
  /** Repeated `--reasoning-effort` flags (empty: the config's effort). */
  readonly efforts: readonly string[];
  /** The inputs the flags gave; each attempt parses them again in its worktree. */
  readonly raw: RawInputs;
  /** The config of the user's working tree: the select step runs there. */
  readonly config: RunConfig;
  readonly git: RepoGit;
  readonly log: RunLog;
  readonly outDir: string;
  readonly workDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly secrets: readonly string[];
  /**
   * Ctrl-C or SIGTERM: every attempt stops (its running command killed), no other starts, the
   * worktrees are removed and the run ends with a SetupError saying so.
   */
  readonly signal?: AbortSignal;
}

/** Lines of one attempt, prefixed with its label. */
function labelled(log: RunLog, label: string): RunLog {
  const tag = (line: string): string => `[${label}] ${line}`;
  return {
    info: (line) => log.info(tag(line)),
    warn: (line) => log.warn(tag(line)),
    progress: (line) => log.progress(tag(line)),
    group: (title, body) => log.group(tag(title), body),
  };
}

export async function runAttempts(options: AttemptsOptions): Promise<SelectResult> {
  const { config, git, log } = options;
  const specs = attemptSpecs(
    options.count,
    options.models.length > 0 ? options.models : [config.model],
    options.efforts.length > 0 ? options.efforts : [config.reasoningEffort],
  );
  const selectOptions = {
    config,
    log,
    outDir: options.outDir,
    workDir: await mkdtemp(path.join(options.workDir, 'select-')),
    env: options.env,
    secrets: options.secrets,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  // Every attempt's config, the endpoint, the test command and the sandbox are checked before
  // any worktree is made: a setup that cannot work ends in one line, as a single run does.
  await checkSpecs(options, specs);
  const bench = await checkedWorkbench(selectOptions);
  // The worktrees start from the tree as the user left it (before the select baseline ran there).
  const worktree = await attemptWorktrees(git, config.workspace, options.workDir);
  const attempts = async (): Promise<Candidate[]> => {
    log.info(
      `${specs.length} attempts, ${Math.min(options.jobs, specs.length)} at a time: ${specs.map((s) => `${s.label} ${s.model} (${s.reasoningEffort})`).join(', ')}`,
    );
    const candidates = await runLocalAttempts(specs, options.jobs, options.outDir, {
      worktree,
      runAttempt: (spec, dir, outDir) => runAttempt(options, spec, dir, outDir),
      info: (line) => log.info(line),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    stopIfCancelled(options);
    return candidates;
  };
  const selected = await runSelectStep(selectOptions, attempts, bench);
  stopIfCancelled(options);
  return selected;
}

/** One attempt: a whole loop in its worktree `dir`, its report files under `outDir`. */
async function runAttempt(
  options: AttemptsOptions,
  spec: AttemptSpec,
  dir: string,
  outDir: string,
): Promise<AttemptOutput> {
  const parsed = attemptConfig(options, spec, dir);
  if (!parsed.ok) throw new Error(parsed.error);
  const workDir = await mkdtemp(path.join(options.workDir, `${spec.label}-`));
  try {
    const session = await runSession({
      config: parsed.value,
      log: labelled(options.log, spec.label),
      outDir,
      workDir,
      env: options.env,
      secrets: options.secrets,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    options.log.info(`${spec.label}: ${session.record.status}: ${session.record.stopReason}`);
    return { diff: session.record.diff, report: await readFile(session.files.reportPath, 'utf8') };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Each attempt's config parsed in the user's tree, with the effort its model takes. */
async function checkSpecs(options: AttemptsOptions, specs: readonly AttemptSpec[]): Promise<void> {
  const root = (await options.git.tryTopLevel()) ?? options.config.workspace;
  for (const spec of specs) {
    const parsed = attemptConfig(options, spec, root);
    if (!parsed.ok) throw new SetupError(parsed.error);
    const refused = configEffortRefusal(parsed.value);
    if (refused !== undefined) throw new SetupError(refused);
  }
}

/** After Ctrl-C, the attempts' own reports are all there is: said in one line. */
function stopIfCancelled(options: Pick<AttemptsOptions, 'signal' | 'outDir'>): void {
  const { signal } = options;
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  throw new SetupError(
    `${typeof reason === 'string' ? reason : 'cancelled'}: the attempts were stopped and their worktrees removed; what each one wrote is under ${options.outDir}`,
  );
}

/** An attempt's config: the flags with its model and effort, in its worktree `root`. */
function attemptConfig(
  options: Pick<AttemptsOptions, 'raw' | 'env'>,
  spec: AttemptSpec,
  root: string,
): Result<RunConfig> {
  const parsed = parseConfig(
    { ...options.raw, model: spec.model, 'reasoning-effort': spec.reasoningEffort },
    { baseDir: root, env: options.env },
  );
  return parsed.ok ? parsed : err(parsed.error.join(' '));
}

/** Folders of installed dependencies: ignored, so a fresh worktree lacks them. */
const DEPENDENCY_DIRS: ReadonlySet<string> = new Set(['node_modules', '.venv', 'venv']);

/**
 * Makes each attempt's worktree: the working tree as it is (uncommitted and untracked files
 * included), with the installed dependencies a fresh worktree would lack.
 */
async function attemptWorktrees(
  git: RepoGit,
  workspace: string,
  workDir: string,
): Promise<LocalAttemptPorts['worktree']> {
  const start = await git.snapshot();
  const dependencies = (await git.ignoredEntries()).filter((p) =>
    DEPENDENCY_DIRS.has(path.posix.basename(p)),
  );
  const root = (await git.tryTopLevel()) ?? workspace;
  return async (label) => {
    const dir = path.join(workDir, 'worktrees', label);
    await git.addWorktree(dir, start);
    const dispose = (): Promise<void> => git.removeWorktree(dir);
    try {
      for (const rel of dependencies) await copyTree(path.join(root, rel), path.join(dir, rel));
    } catch (error) {
      await dispose();
      throw error;
    }
    return { dir, dispose };
  };
}

/**
 * A copy of a dependency folder that is the attempt's own: a model command that rewrites a file
 * in place must change neither the user's tree nor another attempt's (hard links would share the
 * file). Copy-on-write clones where the file system has them, a plain copy otherwise; symlinks
 * stay symlinks. A virtualenv's copy still names the original by absolute path (its scripts'
 * interpreter, an editable install's source folder): the README says what that means.
 */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await cp(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    preserveTimestamps: true,
    mode: fsConstants.COPYFILE_FICLONE,
  });
}

/** `--attempts` and `--jobs` as numbers, or the one line that says what is allowed. */
export function attemptCounts(
  attempts: unknown,
  jobs: unknown,
): Result<{ count: number; jobs: number }> {
  const read = (value: unknown, fallback: number): number =>
    typeof value === 'string' && value.trim() !== '' ? Number(value) : fallback;
  const count = read(attempts, 1);
  if (!Number.isInteger(count) || count < 1 || count > 16) {
    return err(`--attempts must be a whole number from 1 to 16, got '${String(attempts)}'`);
  }
  const parallel = read(jobs, Math.min(count, 2));
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > count) {
    return err(
      `--jobs must be a whole number from 1 to --attempts (${count}), got '${String(jobs)}'`,
    );
  }
  return ok({ count, jobs: parallel });
}
