/**
 * Git for publishing: committing the best state to a branch and pushing it.
 *
 * Kept apart from the run's `Git` (src/workspace/types.ts) because it is the only
 * place that handles the token. Every call runs with hooks disabled (an empty
 * `core.hooksPath`) and without fsmonitor, so nothing the model wrote into the
 * repository runs here. The token reaches exactly one process, the push, through
 * `GIT_CONFIG_*` environment variables; it is never written to `.git/config` and
 * never appears on a command line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getExecOutput } from '@actions/exec';
import picomatch from 'picomatch';

export class PublishGitError extends Error {
  override readonly name = 'PublishGitError';
  constructor(
    message: string,
    readonly stderr = '',
  ) {
    super(message);
  }
  static isPublishGitError(error: unknown): error is PublishGitError {
    return error instanceof Error && error.name === 'PublishGitError';
  }
}

export interface Author {
  readonly name: string;
  readonly email: string;
}

export const DEFAULT_AUTHOR: Author = {
  name: 'greenloop[bot]',
  email: 'greenloop[bot]@users.noreply.github.com',
};

const MAX_BRANCH_LENGTH = 100;
const MAX_SUBJECT_LENGTH = 100;
const MAX_MESSAGE_LENGTH = 4000;
const FALLBACK_BRANCH = 'greenloop';
const FALLBACK_MESSAGE = 'greenloop: automated fix';

interface GitCall {
  readonly root: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly input?: string;
}

interface GitOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Inherited environment minus anything that would redirect git or inject config. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^GIT_(CONFIG|DIR$|WORK_TREE$|INDEX_FILE$|ASKPASS$|SSH)/.test(key)) continue;
    env[key] = value;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_CONFIG_COUNT = '0';
  return env;
}

async function tryGit(call: GitCall): Promise<GitOutput> {
  // A fresh empty hooks folder per call: nothing written earlier (by the model) can be in it.
  const hooks = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-nohooks-'));
  try {
    const args = ['-c', `core.hooksPath=${hooks}`, '-c', 'core.fsmonitor=false', ...call.args];
    const result = await getExecOutput('git', args, {
      cwd: call.root,
      env: { ...baseEnv(), ...call.env },
      silent: true,
      ignoreReturnCode: true,
      ...(call.input !== undefined ? { input: Buffer.from(call.input, 'utf8') } : {}),
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  } finally {
    fs.rmSync(hooks, { recursive: true, force: true });
  }
}

async function git(call: GitCall): Promise<string> {
  const result = await tryGit(call);
  if (result.exitCode !== 0) {
    const what = call.args.find((a) => !a.startsWith('-')) ?? 'git';
    throw new PublishGitError(
      `git ${what} failed (exit ${result.exitCode}): ${lastLines(result.stderr)}`,
      result.stderr,
    );
  }
  return result.stdout.trim();
}

function lastLines(text: string, count = 3): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' / ') || '(no output)';
}

// Control characters other than tab and newline, plus DEL and the C1 range.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Turns free text into a valid branch name: characters git forbids become '-',
 * no empty or dot-leading components, no `.lock` suffix, capped in length.
 */
export function sanitiseBranchName(input: string): string {
  let name = input
    .replace(CONTROL, '')
    .replace(/\t|\n/g, '')
    .trim()
    .replace(/[\s~^:?*[\\]+/g, '-')
    .replace(/@\{/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\/{2,}/g, '/')
    .replace(/-{2,}/g, '-');
  name = name
    .split('/')
    .map((part) =>
      part
        .replace(/^[.-]+/, '')
        .replace(/(\.lock)+$/i, '')
        .replace(/\.+$/, ''),
    )
    .filter((part) => part.length > 0)
    .join('/');
  if (name.length > MAX_BRANCH_LENGTH) {
    name = name.slice(0, MAX_BRANCH_LENGTH).replace(/[/.-]+$/, '');
  }
  if (name === '' || name === '@' || name === 'HEAD') return FALLBACK_BRANCH;
  return name;
}

/**
 * Makes text safe as a commit message: control characters removed, line ends
 * normalised, the subject line and the whole message capped.
 */
export function sanitiseCommitMessage(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/\t/g, '  ')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  let subject = lines.shift() ?? '';
  if (subject.length > MAX_SUBJECT_LENGTH)
    subject = `${subject.slice(0, MAX_SUBJECT_LENGTH - 3)}...`;
  if (subject === '') return FALLBACK_MESSAGE;
  const body = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  let message = body === '' ? subject : `${subject}\n\n${body}`;
  if (message.length > MAX_MESSAGE_LENGTH) {
    message = `${message.slice(0, MAX_MESSAGE_LENGTH - 15).trimEnd()}\n\n[truncated]`;
  }
  return message;
}

/** Whether `git check-ref-format --branch` accepts the name (and it is not an option). */
export async function isValidBranchName(root: string, branch: string): Promise<boolean> {
  if (branch === '' || branch.startsWith('-') || branch.includes('@{') || branch === 'HEAD') {
    return false;
  }
  const result = await tryGit({ root, args: ['check-ref-format', '--branch', branch] });
  return result.exitCode === 0;
}

export interface CommitOptions {
  /** Repository root. */
  readonly root: string;
  /** Tree object to commit; when absent the working tree is committed (not ignored files). */
  readonly tree?: string;
  readonly branch: string;
  readonly message: string;
  readonly author?: Author;
  /** Parent commit (any rev, e.g. 'HEAD'). */
  readonly parentRef: string;
}

/**
 * Creates a commit of the best state on top of `parentRef` and points the local
 * branch at it, without touching HEAD, the index or the working tree.
 */
export async function commitBestState(opts: CommitOptions): Promise<{ sha: string }> {
  const { root } = opts;
  if (!(await isValidBranchName(root, opts.branch))) {
    throw new PublishGitError(`'${opts.branch}' is not a valid branch name`);
  }
  const parent = await git({
    root,
    args: ['rev-parse', '--verify', '--quiet', '--end-of-options', `${opts.parentRef}^{commit}`],
  });
  // Two answers in one call: the index file's path, and HEAD's branch ('HEAD' when detached).
  const [indexPath = '', headRef = ''] = (
    await git({ root, args: ['rev-parse', '--git-path', 'index', '--symbolic-full-name', 'HEAD'] })
  ).split(/\r?\n/);
  if (headRef === `refs/heads/${opts.branch}`) {
    throw new PublishGitError(
      `branch '${opts.branch}' is checked out in the workspace; choose another output branch`,
    );
  }
  const tree = opts.tree ?? (await workingTree(root, parent, path.resolve(root, indexPath)));
  const author = opts.author ?? DEFAULT_AUTHOR;
  const identity = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  const sha = await git({
    root,
    args: ['commit-tree', tree, '-p', parent, '-F', '-'],
    env: identity,
    input: sanitiseCommitMessage(opts.message),
  });
  await git({ root, args: ['update-ref', '-m', 'greenloop', `refs/heads/${opts.branch}`, sha] });
  return { sha };
}

/**
 * Tree of the working tree (tracked and untracked, not ignored), built in a
 * temporary index. Starting from a copy of the real index keeps its stat cache,
 * so `add` only hashes files that changed; the real index is never touched.
 */
async function workingTree(root: string, parent: string, realIndex: string): Promise<string> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-index-'));
  const env = { GIT_INDEX_FILE: path.join(tmp, 'index') };
  try {
    if (fs.existsSync(realIndex)) fs.copyFileSync(realIndex, env.GIT_INDEX_FILE);
    else await git({ root, args: ['read-tree', parent], env });
    await git({ root, args: ['add', '--all', '--', '.'], env });
    return await git({ root, args: ['write-tree'], env });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface PushOptions {
  readonly root: string;
  readonly remote: 'origin';
  readonly branch: string;
  /** Used only for this push, as an HTTP header scoped to `serverUrl`. */
  readonly token?: string;
  readonly defaultBranch: string;
  /** Branch names or globs (`release/*`) never pushed to. */
  readonly protectedBranches?: readonly string[];
  /** e.g. https://github.com */
  readonly serverUrl: string;
  /** Fingerprint of the git config taken before the model ran. */
  readonly expectedFingerprint?: string;
  /** Computes the current fingerprint (the workspace's `Git.configFingerprint()`). */
  readonly fingerprint?: () => Promise<string>;
}

export type PushResult = { ok: true } | { ok: false; error: string };

/** The value of the Authorization header git sends for `token`. */
export function basicAuthHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}

/**
 * Force-pushes the local branch to the remote branch of the same name. Refuses
 * the default branch, protected branches, invalid names, and a git config that
 * changed since the fingerprint was taken. Never throws.
 */
export async function pushBranch(opts: PushOptions): Promise<PushResult> {
  try {
    const refusal = await pushRefusal(opts);
    if (refusal !== undefined) return { ok: false, error: refusal };
    const env: Record<string, string> = {};
    if (opts.token) {
      const scope = opts.serverUrl.replace(/\/+$/, '');
      env.GIT_CONFIG_COUNT = '1';
      env.GIT_CONFIG_KEY_0 = `http.${scope}/.extraheader`;
      env.GIT_CONFIG_VALUE_0 = basicAuthHeader(opts.token);
    }
    const result = await tryGit({
      root: opts.root,
      args: [
        'push',
        '--porcelain',
        opts.remote,
        `+refs/heads/${opts.branch}:refs/heads/${opts.branch}`,
      ],
      env,
    });
    if (result.exitCode !== 0) {
      const detail = redact(lastLines(result.stderr || result.stdout, 4), opts.token);
      return { ok: false, error: `git push to '${opts.branch}' failed: ${detail}` };
    }
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: redact(message, opts.token) };
  }
}

async function pushRefusal(opts: PushOptions): Promise<string | undefined> {
  const { branch } = opts;
  if (!(await isValidBranchName(opts.root, branch))) {
    return `refused to push: '${branch}' is not a valid branch name`;
  }
  if (opts.defaultBranch !== '' && branch === opts.defaultBranch) {
    return `refused to push to the default branch '${branch}'; set a different output branch`;
  }
  const patterns = opts.protectedBranches ?? [];
  if (patterns.length > 0 && picomatch.isMatch(branch, [...patterns], { dot: true })) {
    return `refused to push to protected branch '${branch}'`;
  }
  if (opts.expectedFingerprint !== undefined && opts.fingerprint !== undefined) {
    const now = await opts.fingerprint();
    if (now !== opts.expectedFingerprint) {
      return 'refused to push: the repository git config changed during the run (possible tampering)';
    }
  }
  const local = await tryGit({
    root: opts.root,
    args: ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`],
  });
  if (local.exitCode !== 0) return `refused to push: local branch '${branch}' does not exist`;
  return undefined;
}

function redact(text: string, token: string | undefined): string {
  if (!token) return text;
  const header = basicAuthHeader(token).slice('AUTHORIZATION: basic '.length);
  return text.split(token).join('***').split(header).join('***');
}
