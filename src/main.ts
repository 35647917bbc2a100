/**
 * The action: read the config, check who triggered the run, run the core,
 * publish, set outputs. Only wiring; only this file and cli.ts decide the exit code.
 */
import * as core from '@actions/core';
import * as os from 'node:os';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readActionInputs } from './config/action-inputs.js';
import { parseConfig } from './config/parse.js';
import {
  readGitHubContext,
  startingBranch,
  withPullRequest,
  type GitHubContext,
} from './github/context.js';
import {
  chosenArtifactNames,
  defaultArtifactNames,
  ghesMessage,
  isGhes,
  replaceArtifact,
} from './github/artifact.js';
import type { OutputKind, RunConfig } from './config/types.js';
import type { Git } from './workspace/types.js';
import type { RunLog } from './core/log.js';
import { checkTrigger, createPermissionApi } from './github/gating.js';
import { appendJobSummary, setOutputs, setRunOutputs } from './github/outputs.js';
import {
  describeApiError,
  outputBranch,
  publish,
  refusedBranches,
  withDiffLocation,
  type PublishResult,
} from './github/publish.js';
import { actionLog } from './github/log.js';
import { loadResume } from './github/resume.js';
import { Redactor, secretForms, secretValues } from './core/secrets.js';
import { FAILING_STATUSES, SUCCESS_STATUSES } from './core/status.js';
import { escapeMarkdown, markdownUrl, neutraliseWorkflowCommands } from './report/escape.js';
import { runSession, SetupError, type SessionResult } from './app/session.js';
import { downloadAttempts } from './github/attempts.js';
import type { Candidate } from './select/rank.js';
import { runSelectStep, type SelectResult } from './app/select.js';
import { createGit, type RepoGit } from './workspace/git.js';

export async function main(): Promise<void> {
  const env = process.env;
  const parsed = parseConfig(readActionInputs(), {
    baseDir: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
  });
  if (!parsed.ok) {
    for (const error of parsed.error) core.error(error);
    process.exitCode = 1;
    return;
  }
  const config = parsed.value;
  const secrets = secretValues({ known: [config.apiKey, config.githubToken] });
  for (const secret of secrets.flatMap(secretForms)) core.setSecret(secret);
  try {
    const context = await admittedContext(config, env);
    const plan = publishingPlan(config, context, env);
    const repo = await preparedGit(config, context, plan.output, env);
    await runAndPublish({ config, secrets, context, plan, env, ...repo });
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    // An empty message: the refusal was already logged where it was found.
    if (error.message) core.error(error.message);
    process.exitCode = 1;
  }
}

/** What publishing will do: the output kinds left after fork and GHES limits, artifact names. */
interface PublishingPlan {
  readonly output: OutputKind[];
  readonly ghes: boolean;
  readonly artifactName: string;
  readonly checkpointName: string;
}

/** Everything the run and the publishing step share. */
interface ActionRun {
  readonly config: RunConfig;
  readonly secrets: readonly string[];
  readonly context: GitHubContext;
  readonly plan: PublishingPlan;
  readonly env: NodeJS.ProcessEnv;
  readonly git: RepoGit;
  /** Fingerprint of the git config before the model runs ('' when it could not be taken). */
  readonly fingerprint: string;
  /** The output branch's remote tip, read before the model runs. */
  readonly remoteTip: string | undefined;
}

/** The run's context once the trigger is allowed (a comment's pull request filled in); else a SetupError. */
async function admittedContext(config: RunConfig, env: NodeJS.ProcessEnv): Promise<GitHubContext> {
  const context = readGitHubContext(env);
  const selfTriggered = greenloopBranchRefusal(context, config.allowGreenloopBranch);
  if (selfTriggered !== undefined) throw new SetupError(selfTriggered);
  const gate = await checkTrigger(
    context,
    config,
    createPermissionApi(config.githubToken, context),
  );
  if (!gate.ok) throw new SetupError(`greenloop refused to run: ${gate.error}`);
  for (const note of gate.value) core.info(note);
  if (context.eventName !== 'issue_comment' || context.prNumber === undefined) return context;
  try {
    const { getOctokit } = await import('@actions/github');
    return await withPullRequest(
      context,
      getOctokit(config.githubToken, { baseUrl: context.apiUrl }),
    );
  } catch (error) {
    throw new SetupError(
      `greenloop cannot read pull request #${context.prNumber}, so it will not run: ${describeApiError(error)}`,
    );
  }
}

function publishingPlan(
  config: RunConfig,
  context: GitHubContext,
  env: NodeJS.ProcessEnv,
): PublishingPlan {
  let output: OutputKind[] =
    context.isFork && config.output.some((o) => o === 'commit' || o === 'pull-request')
      ? (core.warning('The pull request comes from a fork: publishing as an artifact only.'),
        ['artifact'])
      : [...config.output];
  const pushing = output.find((o) => o === 'commit' || o === 'pull-request');
  const pushes = pushing !== undefined;
  // Found before anything starts, not when publishing refuses after a paid run; after the fork
  // downgrade, which needs no token.
  if (pushing !== undefined && config.githubToken === '') {
    throw new SetupError(
      `Input 'github-token' is empty, but output '${pushing}' pushes a branch with it: leave github-token unset (the job's token is the default) or set output: artifact.`,
    );
  }
  const branch = outputBranch(config.branch, context);
  if (pushes && config.branch !== '' && refusedBranches(context).includes(branch)) {
    throw new SetupError(
      `Input 'branch' must not be the default branch or the branch the run starts from, got '${config.branch}'.`,
    );
  }
  const ghes = isGhes(context.serverUrl);
  if (ghes && output.includes('artifact')) {
    core.warning(`No artifact: ${ghesMessage(context.serverUrl)}.`);
    output = output.filter((o) => o !== 'artifact');
    if (output.length === 0) output = ['none'];
  }
  if (ghes && output.some((o) => o !== 'none')) {
    core.info(
      'No checkpoint artifacts either: on GHES, resume-from takes a checkpoint folder only.',
    );
  }
  const names = defaultArtifactNames({
    job: env.GITHUB_JOB ?? '',
    matrix: config.jobMatrix,
    runAttempt: context.runAttempt,
  });
  const chosen = config.artifactName
    ? chosenArtifactNames(config.artifactName, config.jobMatrix)
    : names;
  return { output, ghes, artifactName: chosen.result, checkpointName: chosen.checkpoint };
}

/**
 * The workspace's git, on the pull request's head, with the checkout's persisted credentials
 * removed, and what the push will check later (config fingerprint, the branch's remote tip).
 */
async function preparedGit(
  config: RunConfig,
  context: GitHubContext,
  output: readonly OutputKind[],
  env: NodeJS.ProcessEnv,
): Promise<Pick<ActionRun, 'git' | 'fingerprint' | 'remoteTip'>> {
  let git: RepoGit;
  try {
    git = createGit(config.workspace, { env });
  } catch (error) {
    throw new SetupError(error instanceof Error ? error.message : String(error));
  }
  if (!(await onPullRequestHead(context, output, git, config.githubToken)))
    throw new SetupError('');
  await removeCredentials(config, git);
  const fingerprint = await git.configFingerprint().catch(() => {
    core.warning('Could not fingerprint the git config: the tamper check before pushing is off.');
    return '';
  });
  // Read before the model runs: the push replaces the branch only if nobody moved it since.
  const remoteTip =
    config.githubToken !== '' && output.some((o) => o === 'commit' || o === 'pull-request')
      ? await git.tryRemoteTip(outputBranch(config.branch, context), {
          token: config.githubToken,
          serverUrl: context.serverUrl,
        })
      : undefined;
  return { git, fingerprint, remoteTip };
}

async function removeCredentials(config: RunConfig, git: RepoGit): Promise<void> {
  let removed: string[] = [];
  try {
    removed = await git.removePersistedCredentials();
  } catch (error) {
    // A workspace that is not a git repository has no persisted credentials to remove.
    if (existsSync(path.join(config.workspace, '.git'))) {
      await git.restorePersistedCredentials().catch(() => undefined);
      throw new SetupError(
        `greenloop cannot remove the checkout's persisted credentials, so it will not run: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (removed.length > 0)
    core.info(
      `Removed the checkout's persisted credentials (${removed.length}) before the model runs.`,
    );
}

/** Where the result went and what was refused, for the job summary (the annotations alone vanish). */
function publishedSection(published: PublishResult): string {
  const lines = [
    // GitHub's html_url, not model text: printed as a link (markdownUrl checks it first).
    published.prUrl
      ? `- Pull request: ${markdownUrl(published.prUrl)}${published.prDraftRefused ? ' (ready for review: this repository has no draft pull requests)' : ''}`
      : '',
    published.branch
      ? `- Pushed ${published.commitSha ?? ''} to ${escapeMarkdown(published.branch)}`
      : '',
    published.artifactName ? `- Artifact: ${escapeMarkdown(published.artifactName)}` : '',
    ...published.errors.map((error) => `- ⚠️ ${escapeMarkdown(error)}`),
  ].filter((line) => line !== '');
  return lines.length === 0 ? '' : `\n### Published\n\n${lines.join('\n')}\n`;
}

/** The session (or select step), then publishing; credentials restored and work folder removed after. */
async function runAndPublish(run: ActionRun): Promise<void> {
  const temp = await mkdtemp(path.join(run.env.RUNNER_TEMP ?? os.tmpdir(), 'greenloop-'));
  const log = actionLog();
  // A cancelled job gets SIGINT, then SIGTERM 7.5 s later: kill the running command's process
  // group, end the run `cancelled` and publish what exists (at least the job summary).
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancel.signal.aborted) return;
    core.warning(`greenloop: ${signal}: stopping the running command and publishing what exists`);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const session = await runStep(run, temp, log, cancel.signal);
    await publishStep(run, session, log);
  } catch (error) {
    reportFailure(error, run.secrets);
  } finally {
    // A later step of the job may push with the checkout's credentials.
    await run.git.restorePersistedCredentials().catch((error: unknown) => {
      core.warning(
        `Could not restore the checkout's persisted credentials: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // The report files stay (the outputs point at them); the private work folder goes.
    await rm(path.join(temp, 'work'), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The loop session (resumed from a checkpoint when asked), or the select step of `mode: select`. */
async function runStep(
  run: ActionRun,
  temp: string,
  log: RunLog,
  signal: AbortSignal,
): Promise<SessionResult | SelectResult> {
  const { config, context, env, secrets, plan } = run;
  const resume = config.resumeFrom
    ? await loadResume(config.resumeFrom, {
        token: config.githubToken,
        context,
        tempDir: temp,
        anyBranch: config.resumeFromAnyBranch,
      }).catch((error: unknown) => {
        throw new SetupError(
          `Input 'resume-from' must be a checkpoint folder or the artifact name of an earlier run, got '${config.resumeFrom}': ${error instanceof Error ? error.message : String(error)}`,
        );
      })
    : undefined;
  const paths = { outDir: path.join(temp, 'out'), workDir: path.join(temp, 'work') };
  if (config.mode === 'select') {
    return runSelectStep(
      { config, log, ...paths, env, secrets },
      await attemptsOfThisRun(config, context, path.join(temp, 'attempts')),
    );
  }
  return runSession({
    config,
    log,
    ...paths,
    env,
    secrets,
    signal,
    ...(resume ? { resume } : {}),
    ...(plan.output.some((o) => o !== 'none') && !plan.ghes
      ? { onCheckpoint: checkpointUploader(config, plan.checkpointName) }
      : {}),
  });
}

/** Uploads each iteration's checkpoint as one artifact, replaced each time. */
function checkpointUploader(
  config: RunConfig,
  checkpointName: string,
): (dir: string, file: string, iteration: number) => Promise<void> {
  return async (dir, file, iteration) => {
    const upload = await replaceArtifact(checkpointName, [file], dir, config.retentionDays, {
      info: () => {},
      warn: () => {},
    });
    core.info(
      !upload.ok
        ? `Could not upload the checkpoint: ${upload.error}`
        : `Uploaded the checkpoint of iteration ${iteration} as artifact '${upload.value.name}' (resume-from: ${checkpointName})`,
    );
  };
}

/** Publishes the result, sets the outputs and the job summary, and says how the run ended. */
async function publishStep(
  run: ActionRun,
  session: SessionResult | SelectResult,
  log: RunLog,
): Promise<void> {
  const { config, context, plan, git, fingerprint, remoteTip } = run;
  // summary.md is rendered from the redacted record: use it as written.
  const summary = await readFile(session.files.summaryPath, 'utf8');
  const published = await publish({
    outputs: plan.output,
    record: session.record,
    files: session.files,
    context,
    token: config.githubToken,
    branch: config.branch,
    commitMessage: config.commitMessage,
    prTitle: config.prTitle,
    prDraft: config.prDraft,
    comment: config.comment,
    artifactName: plan.artifactName,
    artifactMode: config.artifactName ? 'replace' : 'unique',
    retentionDays: config.retentionDays,
    summary,
    redactor: session.redactor,
    workspace: config.workspace,
    tree: session.bestTree,
    ...(remoteTip !== undefined ? { remoteTip } : {}),
    ...(fingerprint
      ? { configFingerprint: { expected: fingerprint, compute: () => git.configFingerprint() } }
      : {}),
    log,
  });
  for (const error of published.errors) core.warning(error);
  setRunOutputs(session.record, session.files, published);
  try {
    appendJobSummary(withDiffLocation(summary, published) + publishedSection(published));
  } catch (error) {
    core.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { status, stopReason } = session.record;
  if (FAILING_STATUSES.has(status)) {
    core.setFailed(`greenloop: ${status}: ${stopReason}`);
  } else if (!SUCCESS_STATUSES.has(status)) {
    core.warning(`greenloop stopped: ${status}: ${stopReason}`);
  } else {
    core.info(neutraliseWorkflowCommands(`greenloop: ${status}: ${stopReason}`));
  }
}

/** A setup fault ends with one error line; an infrastructure fault also sets the outputs and summary. */
function reportFailure(error: unknown, secrets: readonly string[]): void {
  if (error instanceof SetupError) {
    core.error(error.message);
    process.exitCode = 1;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  setOutputs({ status: 'error' });
  try {
    appendJobSummary(
      `## ❌ greenloop: error — ${escapeMarkdown(new Redactor(secrets).redact(message))}\n`,
    );
  } catch {
    // The failure is reported below; a missing summary file must not hide it.
  }
  core.setFailed(`greenloop failed: ${message}`);
}

/** The candidates of `mode: select`: this run's attempt artifacts; a listing failure ends the setup. */
async function attemptsOfThisRun(
  config: RunConfig,
  context: GitHubContext,
  dir: string,
): Promise<Candidate[]> {
  try {
    const found = await downloadAttempts({
      token: config.githubToken,
      context,
      prefix: config.artifactName || 'greenloop',
      dir,
      log: (line) => core.info(line),
    });
    return found.candidates;
  } catch (error) {
    throw new SetupError(
      `Input 'mode' is select, but the attempts of this run cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Events a person starts on purpose, naming what to work on: they may start from any branch. */
const DELIBERATE_EVENTS: ReadonlySet<string> = new Set(['workflow_dispatch', 'issue_comment']);

/**
 * greenloop's own branches are never the starting point of an automatic run
 * unless allowed: a failing fix PR would otherwise start a fix of the fix (and
 * so on) when the workflow runs on its CI failures with a token whose pushes
 * start workflows. A person asking for it (a comment, a manual run) may.
 */
function greenloopBranchRefusal(context: GitHubContext, allowed: boolean): string | undefined {
  const branch = startingBranch(context);
  if (allowed || DELIBERATE_EVENTS.has(context.eventName) || !branch.startsWith('greenloop/'))
    return undefined;
  return `greenloop refused to run: it would start from '${branch}', a branch greenloop wrote (set allow-greenloop-branch: true to fix a fix)`;
}

/**
 * On pull_request and issue_comment events the fix is made on the PR's head commit, never on
 * the merge commit a pull_request checkout gives (which would carry the base branch into the
 * fix, and give a diff that may not apply to the PR branch), nor on the base branch a
 * pull_request_target checkout gives. On pull_request* events, moves HEAD to the event's head
 * SHA when the checkout is elsewhere, also when nothing is pushed (artifact, comment); when
 * that head cannot be fetched, a run that pushes stops, one that does not goes on with the
 * checkout and says so. On issue_comment a push needs the checkout to be the head just read.
 * False (after one error line) when the run must not go on.
 */
async function onPullRequestHead(
  context: GitHubContext,
  output: readonly OutputKind[],
  git: Git,
  token: string,
): Promise<boolean> {
  const pushes = output.includes('commit') || output.includes('pull-request');
  // pull_request, pull_request_target (checkout: the base branch), pull_request_review*
  // (checkout: the merge commit), and issue_comment once the PR was read.
  const prEvent =
    context.eventName.startsWith('pull_request') || context.eventName === 'issue_comment';
  if (!prEvent || context.headSha === '') return true;
  // issue_comment without a push: the checkout is what the workflow chose (see pr-comment.yml).
  if (!pushes && context.eventName === 'issue_comment') return true;
  const head = await git.tryHead();
  if (head === context.headSha) return true;
  if (context.eventName === 'issue_comment') {
    // The head was read after the comment: a commit pushed since is not what was asked for.
    core.error(
      `greenloop will not publish a commit: the checkout is ${head ?? 'empty'} but pull request #${context.prNumber ?? '?'} is now at ${context.headSha} (pushed to since the checkout, or the checkout is not its head); comment again`,
    );
    return false;
  }
  if (await git.tryCheckoutCommit(context.headSha, { token, serverUrl: context.serverUrl })) {
    core.info(
      `Working on the pull request head ${context.headSha} (the checkout was ${head ?? 'empty'}): the fix ${pushes ? 'is published on it' : 'and its diff are made on it'}`,
    );
    return true;
  }
  if (!pushes) {
    core.warning(
      `greenloop cannot check out the pull request head ${context.headSha}: it works on the checkout ${head ?? 'as it is'} (on pull_request, a merge with the base branch), so its diff may not apply to the pull request branch; check out the head with actions/checkout (ref: the PR head SHA)`,
    );
    return true;
  }
  core.error(
    `greenloop cannot check out the pull request head ${context.headSha}, so it will not publish a commit built on another one; check it out with actions/checkout (ref: the PR head SHA)`,
  );
  return false;
}
