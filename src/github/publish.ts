/**
 * Publishing a run's result to GitHub: artifact, commit + push, pull request,
 * PR comment. Every failure becomes a readable line in `errors` (with a hint
 * where GitHub's answer is cryptic); nothing here throws, so publishing never
 * crashes a run. Octokit and the artifact client are imported only when used.
 */
import * as fs from 'node:fs';
import type { getOctokit } from '@actions/github';
import type { OutputKind } from '../config/types.js';
import type { RunRecord } from '../core/record.js';
import { codeSpan } from '../report/escape.js';
import { FULL_DIFF_NOTE } from '../report/summary.js';
import { commitBestState, pushBranch, sanitiseBranchName, type Author } from '../workspace/git.js';
import { uploadArtifact, type NameMode, type PublishLog } from './artifact.js';
import { startingBranch, type GitHubContext } from './context.js';

export type { PublishLog } from './artifact.js';

type Octokit = ReturnType<typeof getOctokit>;

/** Hidden marker that identifies greenloop's summary comment on a PR. */
export const COMMENT_MARKER = '<!-- greenloop:summary -->';
/** GitHub refuses PR and comment bodies over 65,536 characters ("body is too long"). */
export const BODY_LIMIT = 65_536;

export interface PublishFiles {
  /** Folder holding the run's output files (the artifact's root). */
  readonly dir: string;
  /** Absolute paths of the files to upload as the artifact. */
  readonly list: readonly string[];
  readonly diffPath: string;
  readonly summaryPath: string;
  readonly reportPath: string;
}

export interface PublishOptions {
  readonly outputs: readonly OutputKind[];
  readonly record: RunRecord;
  readonly files: PublishFiles;
  readonly context: GitHubContext;
  readonly token: string;
  /** Output branch; '' = greenloop/<run id>. */
  readonly branch: string;
  readonly commitMessage: string;
  readonly prTitle: string;
  readonly prDraft: boolean;
  readonly comment: boolean;
  readonly artifactName: string;
  /** `replace` when the user chose the name (see NameMode); default `unique`. */
  readonly artifactMode?: NameMode;
  readonly retentionDays: number;
  /** Changed files that hit protected paths: commit and PR are refused when any. */
  readonly protectedPathsTouched?: readonly string[];
  readonly log: PublishLog;
  /** Summary markdown for the PR body and comment; default: the file at files.summaryPath. */
  readonly summary?: string;
  /** Applied to every error line and every text sent to GitHub. */
  readonly redactor?: { redact(text: string): string };
  /** Repository root to commit from (default: the record's workspace, else GITHUB_WORKSPACE). */
  readonly workspace?: string;
  /** Tree object of the best state; default: the working tree as it is. */
  readonly tree?: string;
  /** Parent of the commit (default 'HEAD'). */
  readonly parentRef?: string;
  readonly author?: Author;
  /** Extra branch names/globs never pushed to. */
  readonly protectedBranches?: readonly string[];
  /**
   * The output branch's tip on the remote, read before the run ('' = absent):
   * the push replaces the branch only if it still points there. Absent: the push
   * must be a fast-forward.
   */
  readonly remoteTip?: string;
  /** Git config fingerprint taken before the run, and how to compute it now. */
  readonly configFingerprint?: {
    readonly expected: string;
    readonly compute: () => Promise<string>;
  };
}

export interface PublishResult {
  artifactId?: number;
  artifactName?: string;
  branch?: string;
  commitSha?: string;
  prUrl?: string;
  /** The repository refused a draft (GitHub Free/Pro private): the pull request is ready for review. */
  prDraftRefused?: boolean;
  commentUrl?: string;
  errors: string[];
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const result: PublishResult = { errors: [] };
  try {
    await publishInto(result, options);
  } catch (error) {
    // Every step catches its own failures; this is the last guard.
    result.errors.push(`publish: unexpected error: ${messageOf(error)}`);
  }
  const redact = (text: string): string => options.redactor?.redact(text) ?? text;
  result.errors = result.errors.map(redact);
  return result;
}

async function publishInto(result: PublishResult, options: PublishOptions): Promise<void> {
  const { log, context } = options;
  const kinds = publishKinds(options, result);
  if (kinds.has('artifact')) await publishArtifact(options, result);

  let octokit: Octokit | undefined;
  const api = async (): Promise<Octokit> => {
    if (octokit === undefined) {
      const github = await import('@actions/github');
      octokit = github.getOctokit(options.token, { baseUrl: context.apiUrl });
    }
    return octokit;
  };

  const redact = (text: string): string => options.redactor?.redact(text) ?? text;
  const summary = redact(options.summary ?? readSummary(options));

  if (kinds.has('commit') || kinds.has('pull-request')) {
    const pushed = await commitAndPush(options, result);
    if (pushed !== undefined && kinds.has('pull-request')) {
      await step(result, 'pull request', async () => {
        const body = withDiffLocation(summary, result);
        const pull = await openOrUpdatePull(await api(), options, pushed, body);
        result.prUrl = pull.url;
        if (pull.draftRefused) result.prDraftRefused = true;
        log.info(`Pull request: ${result.prUrl}`);
      });
    }
  }
  if (options.comment) await postComment(options, result, summary, api);
}

/**
 * The outputs this run publishes: those asked for, less commit and pull request when git
 * publishing is refused (then the artifact instead, when the refusal says so).
 */
function publishKinds(options: PublishOptions, result: PublishResult): Set<OutputKind> {
  const kinds = new Set<OutputKind>(options.outputs.filter((k) => k !== 'none'));
  if (!kinds.has('commit') && !kinds.has('pull-request')) return kinds;
  const refusal = gitRefusal(options);
  if (refusal === undefined) return kinds;
  kinds.delete('commit');
  kinds.delete('pull-request');
  if (refusal.downgrade) {
    kinds.add('artifact');
    options.log.warn(`${refusal.message}; publishing the diff as an artifact instead`);
  } else {
    options.log.info(refusal.message);
  }
  if (refusal.error) result.errors.push(refusal.message);
  return kinds;
}

async function publishArtifact(options: PublishOptions, result: PublishResult): Promise<void> {
  const upload = await uploadArtifact(
    options.artifactName,
    [...options.files.list],
    options.files.dir,
    options.retentionDays,
    options.log,
    options.artifactMode ?? 'unique',
  );
  if (!upload.ok) result.errors.push(upload.error);
  else {
    result.artifactId = upload.value.id;
    result.artifactName = upload.value.name;
  }
}

/** The summary as a comment on the pull request the event is about (one, updated on reruns). */
async function postComment(
  options: PublishOptions,
  result: PublishResult,
  summary: string,
  api: () => Promise<Octokit>,
): Promise<void> {
  const { context, log } = options;
  const issue = commentTarget(context);
  if (issue === undefined) {
    log.info(`comment: skipped, the ${context.eventName || 'unknown'} event has no pull request`);
  } else if (!options.token) {
    result.errors.push('comment: no github-token given');
  } else {
    await step(result, 'comment', async () => {
      result.commentUrl = await upsertComment(
        await api(),
        context,
        issue,
        commentBody(withDiffLocation(summary, result), result),
      );
      log.info(`Comment: ${result.commentUrl}`);
    });
  }
}

interface Refusal {
  readonly message: string;
  readonly downgrade: boolean;
  readonly error: boolean;
}

function gitRefusal(options: PublishOptions): Refusal | undefined {
  const { context, record } = options;
  if (context.isFork) {
    return {
      message: `not pushing to the fork '${context.headRepository || 'unknown'}': commit and pull-request are disabled for fork pull requests`,
      downgrade: true,
      error: false,
    };
  }
  const touched = options.protectedPathsTouched ?? [];
  if (touched.length > 0) {
    const list = touched.slice(0, 10).join(', ') + (touched.length > 10 ? ', ...' : '');
    return {
      message: `commit/pull-request refused: the change touches protected paths (${list})`,
      downgrade: true,
      error: true,
    };
  }
  if (record.diff.trim() === '') {
    return {
      message: 'commit/pull-request skipped: no changes to publish',
      downgrade: false,
      error: false,
    };
  }
  if (!options.token) {
    return {
      message: 'commit/pull-request refused: no github-token given',
      downgrade: true,
      error: true,
    };
  }
  return undefined;
}

/** The branch commit and pull-request outputs push to (the `branch` input, or greenloop/<run id>). */
export function outputBranch(branch: string, context: GitHubContext): string {
  return sanitiseBranchName(branch || `greenloop/${context.runId || 'run'}`);
}

/**
 * Branches never pushed to: the one the run starts from, and the default branch (`main` and
 * `master` when the event does not name it; the push also refuses the default branch by name).
 */
export function refusedBranches(context: GitHubContext): string[] {
  const base = startingBranch(context);
  return [
    ...(context.defaultBranch === '' ? ['main', 'master'] : [context.defaultBranch]),
    ...(base !== '' ? [base] : []),
  ];
}

/** Commits the best state and pushes it; returns the branch, or undefined on failure. */
async function commitAndPush(
  options: PublishOptions,
  result: PublishResult,
): Promise<string | undefined> {
  const { context, record } = options;
  const branch = outputBranch(options.branch, context);
  const root = options.workspace || stringField(record.config, 'workspace') || context.workspace;
  if (!root) {
    result.errors.push('commit: no workspace folder to commit from');
    return undefined;
  }
  const protectedBranches = [...(options.protectedBranches ?? []), ...refusedBranches(context)];

  let sha: string;
  try {
    ({ sha } = await commitBestState({
      root,
      ...(options.tree !== undefined ? { tree: options.tree } : {}),
      branch,
      message: options.commitMessage || `greenloop: ${record.status}`,
      ...(options.author !== undefined ? { author: options.author } : {}),
      parentRef: options.parentRef ?? 'HEAD',
    }));
  } catch (error) {
    result.errors.push(`commit: ${messageOf(error)}`);
    return undefined;
  }
  const pushed = await pushBranch({
    root,
    remote: 'origin',
    branch,
    token: options.token,
    defaultBranch: context.defaultBranch,
    protectedBranches,
    serverUrl: context.serverUrl,
    ...(options.remoteTip !== undefined ? { lease: options.remoteTip } : {}),
    ...(options.configFingerprint !== undefined
      ? {
          expectedFingerprint: options.configFingerprint.expected,
          fingerprint: options.configFingerprint.compute,
        }
      : {}),
  });
  if (!pushed.ok) {
    result.errors.push(`push: ${pushed.error}${pushHint(pushed.error)}`);
    return undefined;
  }
  // Only now: the commit-sha output names a commit that is on the remote.
  result.commitSha = sha;
  result.branch = branch;
  options.log.info(`Pushed ${sha} to '${branch}'`);
  return branch;
}

async function openOrUpdatePull(
  octokit: Octokit,
  options: PublishOptions,
  branch: string,
  summary: string,
): Promise<{ url: string; draftRefused?: boolean }> {
  const { context, record } = options;
  const base = startingBranch(context);
  if (base === '') throw new Error('cannot tell which branch the pull request should target');
  const title = cleanTitle(options.prTitle || `greenloop: ${record.status}`);
  const body = capBody(summary);
  const repo = { owner: context.owner, repo: context.repo };
  const open = await octokit.rest.pulls.list({
    ...repo,
    state: 'open',
    head: `${context.owner}:${branch}`,
    per_page: 10,
  });
  const existing = open.data[0];
  if (existing !== undefined) {
    const updated = await octokit.rest.pulls.update({
      ...repo,
      pull_number: existing.number,
      title,
      body,
    });
    options.log.info(`Updated pull request #${existing.number}`);
    return { url: updated.data.html_url };
  }
  const create = (draft: boolean) =>
    octokit.rest.pulls.create({ ...repo, title, head: branch, base, body, draft });
  try {
    return { url: (await create(options.prDraft)).data.html_url };
  } catch (error) {
    // Private repositories on GitHub Free and Pro have no draft pull requests: 422 "Draft pull
    // requests are not supported in this repository." Open a ready one and say so.
    if (!options.prDraft || !/draft pull requests are not supported/i.test(describeApiError(error)))
      throw error;
    options.log.info(
      'This repository does not support draft pull requests (a private repository on GitHub Free or Pro): opening a ready pull request instead',
    );
    return { url: (await create(false)).data.html_url, draftRefused: true };
  }
}

/** The issue/PR number a comment goes to, on events that have one. */
function commentTarget(context: GitHubContext): number | undefined {
  if (context.prNumber !== undefined) return context.prNumber;
  if (context.eventName === 'issue_comment' || context.eventName === 'issues') {
    const issue = context.payload.issue;
    if (typeof issue === 'object' && issue !== null) {
      const n = (issue as Record<string, unknown>).number;
      if (typeof n === 'number') return n;
    }
  }
  return undefined;
}

async function upsertComment(
  octokit: Octokit,
  context: GitHubContext,
  issue: number,
  body: string,
): Promise<string> {
  const repo = { owner: context.owner, repo: context.repo };
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100,
  });
  // Only a comment this token wrote is updated: anyone can paste the marker into theirs.
  const me = await tokenIdentity(octokit);
  const mine = comments.find(
    (c) =>
      me !== undefined &&
      (c.body ?? '').includes(COMMENT_MARKER) &&
      c.user !== null &&
      sameLogin(c.user.login, me.login) &&
      // A user `foo` is not the bot `foo[bot]` (an App's slug is free to take as a user name).
      me.bot === (c.user.type === 'Bot'),
  );
  if (mine !== undefined) {
    const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
    return updated.data.html_url;
  }
  const created = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
  return created.data.html_url;
}

interface Identity {
  readonly login: string;
  readonly bot: boolean;
}

/**
 * Who the token acts as. GET /user answers for user tokens; installation tokens
 * (GITHUB_TOKEN, GitHub App tokens) get 403 "Resource not accessible by
 * integration" there, but GraphQL `viewer` answers for them with the bot's login:
 * `github-actions[bot]` for GITHUB_TOKEN, `<app slug>[bot]` for an App token
 * (compared with and without the `[bot]` suffix). When GET /user said 403 (an
 * installation token) and GraphQL did not answer, the job's GITHUB_TOKEN is assumed: a
 * marker comment by `github-actions[bot]` is one a workflow of this repository wrote.
 * Otherwise (a server error, the network) the identity is unknown: a new comment is posted.
 */
async function tokenIdentity(octokit: Octokit): Promise<Identity | undefined> {
  let installation: boolean;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { login: data.login, bot: data.type === 'Bot' };
  } catch (error) {
    // An installation token gets 403 here: ask GraphQL.
    installation =
      typeof error === 'object' && error !== null && 'status' in error && error.status === 403;
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }',
    );
    const login = data.viewer?.login;
    if (typeof login === 'string' && login !== '') return { login, bot: true };
  } catch {
    // Fall through to GITHUB_TOKEN's identity.
  }
  return installation ? { login: 'github-actions[bot]', bot: true } : undefined;
}

function sameLogin(a: string, b: string): boolean {
  const bare = (login: string): string => login.toLowerCase().replace(/\[bot\]$/, '');
  return bare(a) === bare(b);
}

function commentBody(summary: string, result: PublishResult): string {
  const links: string[] = [];
  if (result.prUrl) links.push(`Pull request: ${result.prUrl}`);
  if (result.artifactId !== undefined) links.push(`Artifact id: ${result.artifactId}`);
  const footer = links.length > 0 ? `\n\n---\n${links.join(' · ')}\n` : '\n';
  return capBody(`${COMMENT_MARKER}\n${summary.trimEnd()}${footer}`);
}

/**
 * The summary with its "full diff" note (a cut diff) saying where this run really published
 * the diff: the pushed commit, the artifact, or neither.
 */
export function withDiffLocation(summary: string, result: PublishResult): string {
  if (!summary.includes(FULL_DIFF_NOTE)) return summary;
  const places = [
    ...(result.commitSha !== undefined && result.branch !== undefined
      ? [`commit ${result.commitSha} on branch ${codeSpan(result.branch)}`]
      : []),
    ...(result.artifactName !== undefined
      ? [`\`greenloop.diff\` in the artifact ${codeSpan(result.artifactName)}`]
      : []),
  ];
  const note =
    places.length > 0
      ? `The full diff is ${places.join(', and ')}.`
      : "The full diff was not published: it is `greenloop.diff` in the run's output folder on the runner (the `diff-path` output).";
  return summary.split(FULL_DIFF_NOTE).join(note);
}

function readSummary(options: PublishOptions): string {
  try {
    const text = fs.readFileSync(options.files.summaryPath, 'utf8');
    if (text.trim() !== '') return text;
  } catch {
    // Fall through to a one-line summary.
  }
  return `greenloop finished with status \`${options.record.status}\`: ${options.record.stopReason}\n`;
}

/**
 * Keeps a PR or comment body within GitHub's limit: cut at a line end, and
 * never inside a code fence (the rest of the body would render as code).
 */
export function capBody(text: string): string {
  if (text.length <= BODY_LIMIT) return text;
  const note =
    '\n\n_(cut: GitHub limits this text to 65,536 characters; the job summary of the run has all of it)_\n';
  let kept = text.slice(0, BODY_LIMIT - note.length);
  const lineEnd = kept.lastIndexOf('\n');
  if (lineEnd > 0) kept = kept.slice(0, lineEnd + 1);
  const open = openFenceAt(kept);
  if (open !== undefined) kept = kept.slice(0, open);
  return kept.trimEnd() + note;
}

/**
 * Where the code block still open at the end of `text` starts, if one is. As
 * CommonMark reads fences: a block opened by N backticks (or tildes) is closed
 * only by a fence of the same character at least N long with nothing after it,
 * so the ``` lines inside a ```` block (the summary's logs use a longer
 * fence when the log has backticks) neither open nor close anything.
 */
function openFenceAt(text: string): number | undefined {
  let open: { char: string; length: number; at: number } | undefined;
  let at = 0;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence !== null) {
      const [, run = '', rest = ''] = fence;
      const char = run.charAt(0);
      if (open === undefined) {
        // A backtick fence's info string may not contain a backtick.
        if (char !== '`' || !rest.includes('`')) open = { char, length: run.length, at };
      } else if (char === open.char && run.length >= open.length && rest.trim() === '') {
        open = undefined;
      }
    }
    at += line.length + 1;
  }
  return open?.at;
}

function cleanTitle(text: string): string {
  const line = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (line || 'greenloop').slice(0, 256);
}

async function step(result: PublishResult, what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    result.errors.push(`${what}: ${describeApiError(error)}`);
  }
}

function stringField(record: Readonly<Record<string, unknown>>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One readable line for an Octokit error, with a hint for the usual causes. */
export function describeApiError(error: unknown): string {
  const status =
    typeof error === 'object' && error !== null && 'status' in error
      ? Number((error as { status: unknown }).status)
      : undefined;
  const data =
    typeof error === 'object' && error !== null && 'response' in error
      ? ((error as { response?: { data?: unknown } }).response?.data ?? undefined)
      : undefined;
  let message = messageOf(error);
  if (typeof data === 'object' && data !== null) {
    const record = data as { message?: unknown; errors?: unknown };
    if (typeof record.message === 'string') message = record.message;
    if (Array.isArray(record.errors)) {
      // Entries are objects with a message (`{ resource, code, message }`) or plain strings.
      const details = record.errors
        .map((e: unknown) =>
          typeof e === 'string'
            ? e
            : typeof e === 'object' && e !== null && 'message' in e
              ? String(e.message)
              : '',
        )
        .filter((s) => s !== '');
      if (details.length > 0) message = `${message} (${details.join('; ')})`;
    }
  }
  message = message.replace(/\s+/g, ' ').trim();
  const prefix = status !== undefined && Number.isFinite(status) ? `HTTP ${status}: ` : '';
  return `${prefix}${message}${apiHint(status, message, responseHeaders(error))}`;
}

function responseHeaders(error: unknown): Readonly<Record<string, unknown>> {
  if (typeof error !== 'object' || error === null || !('response' in error)) return {};
  const headers = (error as { response?: { headers?: unknown } }).response?.headers;
  return typeof headers === 'object' && headers !== null
    ? (headers as Record<string, unknown>)
    : {};
}

/**
 * A rate limit, named as one (docs.github.com REST "Rate limits for the REST API"): a secondary
 * limit answers 403 or 429 with a message saying so and often `retry-after` (seconds); an
 * exhausted primary limit answers 403 or 429 with `x-ratelimit-remaining: 0` and
 * `x-ratelimit-reset` (UTC epoch seconds).
 */
function rateLimitHint(
  status: number | undefined,
  message: string,
  headers: Readonly<Record<string, unknown>>,
): string | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(headers['retry-after'] ?? NaN);
  const reset = Number(headers['x-ratelimit-reset'] ?? NaN);
  const after = Number.isFinite(retryAfter) ? `: retry after ${retryAfter} s` : '';
  if (/secondary rate limit/i.test(message)) {
    return ` (hint: GitHub's secondary rate limit${after || ': wait a few minutes'}, then rerun)`;
  }
  if (
    String(headers['x-ratelimit-remaining']) === '0' ||
    /API rate limit exceeded/i.test(message)
  ) {
    const until = Number.isFinite(reset)
      ? ` until ${new Date(reset * 1000).toISOString().replace(/\.000Z$/, 'Z')}`
      : after;
    return ` (hint: GitHub's API rate limit for this token is used up${until}; rerun after that)`;
  }
  if (status === 429) return ` (hint: GitHub rate-limited the request${after})`;
  return undefined;
}

function apiHint(
  status: number | undefined,
  message: string,
  headers: Readonly<Record<string, unknown>>,
): string {
  const rateLimit = rateLimitHint(status, message, headers);
  if (rateLimit !== undefined) return rateLimit;
  if (/issue is locked/i.test(message)) {
    return ' (hint: the conversation is locked; unlock it, or turn `comment` off for it)';
  }
  if (/not permitted to create or approve pull requests/i.test(message)) {
    return (
      ' (hint: enable "Allow GitHub Actions to create and approve pull requests" under the ' +
      'repository (or organisation) Settings → Actions → General → Workflow permissions)'
    );
  }
  if (/resource not accessible by integration/i.test(message) || status === 403) {
    return (
      ' (hint: give the workflow `permissions: contents: write, pull-requests: write` ' +
      '(and issues: write for comments); fork pull requests get a read-only token)'
    );
  }
  if (status === 401) return ' (hint: the github-token is invalid or expired)';
  return '';
}

function pushHint(error: string): string {
  if (/protected branch|GH006|GH013/i.test(error)) {
    return ' (hint: the output branch is protected by a rule or ruleset; choose another branch)';
  }
  if (/403|denied|not allowed|Authentication failed|could not read Username/i.test(error)) {
    return ' (hint: the workflow needs `permissions: contents: write`, and the token must be allowed to push)';
  }
  return '';
}
