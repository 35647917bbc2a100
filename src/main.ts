/**
 * The action: read the config, check who triggered the run, run the core,
 * publish, set outputs. Only wiring; only this file and cli.ts decide the exit code.
 */
import * as core from '@actions/core';
import * as os from 'node:os';
import * as path from 'node:path';
import { mkdtemp, readFile } from 'node:fs/promises';
import { readActionInputs } from './config/action-inputs.js';
import { parseConfig } from './config/parse.js';
import { readGitHubContext } from './github/context.js';
import { checkTrigger, createPermissionApi } from './github/gating.js';
import { appendJobSummary, setRunOutputs } from './github/outputs.js';
import { publish } from './github/publish.js';
import { actionLog } from './github/log.js';
import { loadResume } from './github/resume.js';
import { secretForms } from './report/redact.js';
import { runSession, SetupError } from './loop/session.js';
import { createGit } from './workspace/git.js';

export async function main(): Promise<void> {
  const env = process.env;
  const parsed = parseConfig(readActionInputs(), {
    baseDir: env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
  });
  if (!parsed.ok) {
    for (const error of parsed.errors) core.error(error);
    process.exitCode = 1;
    return;
  }
  const config = parsed.config;
  const secrets = [config.apiKey, config.githubToken].filter((s) => s !== '');
  for (const secret of secrets.flatMap(secretForms)) core.setSecret(secret);

  const context = readGitHubContext(env);
  const gate = await checkTrigger(
    context,
    config,
    createPermissionApi(config.githubToken, context),
  );
  if (!gate.allowed) {
    core.error(`greenloop refused to run: ${gate.reason}`);
    process.exitCode = 1;
    return;
  }
  for (const note of gate.notes) core.info(note);
  const output =
    context.isFork && config.output.some((o) => o === 'commit' || o === 'pull-request')
      ? (core.warning('The pull request comes from a fork: publishing as an artifact only.'),
        ['artifact' as const])
      : config.output;

  const git = createGit(config.workspace);
  const removed = await git.removePersistedCredentials().catch(() => []);
  if (removed.length > 0)
    core.info(
      `Removed the checkout's persisted credentials (${removed.length}) before the model runs.`,
    );
  const fingerprint = await git.configFingerprint().catch(() => '');

  const temp = await mkdtemp(path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'greenloop-'));
  const log = actionLog();
  try {
    const resume = config.resumeFrom
      ? await loadResume(config.resumeFrom, { token: config.githubToken, context, tempDir: temp })
      : undefined;
    const session = await runSession({
      config,
      log,
      outDir: path.join(temp, 'out'),
      workDir: path.join(temp, 'work'),
      env,
      secrets,
      ...(resume ? { resume } : {}),
    });
    // summary.md is rendered from the redacted record: use it as written.
    const summary = await readFile(session.files.summaryPath, 'utf8');
    const published = await publish({
      outputs: [...output],
      record: session.record,
      files: session.files,
      context,
      token: config.githubToken,
      branch: config.branch,
      commitMessage: config.commitMessage,
      prTitle: config.prTitle,
      prDraft: config.prDraft,
      comment: config.comment,
      artifactName: config.artifactName,
      retentionDays: config.retentionDays,
      summary,
      redactor: session.redactor,
      workspace: config.workspace,
      tree: session.bestTree,
      ...(fingerprint
        ? { configFingerprint: { expected: fingerprint, compute: () => git.configFingerprint() } }
        : {}),
      log,
    });
    for (const error of published.errors) core.warning(error);
    await appendJobSummary(summary);
    setRunOutputs(session.record, session.files, published);
    const { status, stopReason } = session.record;
    if (['model-error', 'auth-error', 'error'].includes(status)) {
      core.setFailed(`greenloop: ${status}: ${stopReason}`);
    } else if (status !== 'success' && status !== 'already-green') {
      core.warning(`greenloop stopped: ${status}: ${stopReason}`);
    } else {
      core.info(`greenloop: ${status}: ${stopReason}`);
    }
  } catch (error) {
    if (error instanceof SetupError) {
      core.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
