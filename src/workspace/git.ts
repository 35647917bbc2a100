/**
 * The one owner of every `git` call greenloop makes: snapshots, diffs and
 * restores for the run, credential removal and the tamper fingerprint, and
 * the commit and push that publish the result.
 *
 * Every call is hardened the same way, because the model can write into the
 * workspace and (without the sandbox) anywhere the user can:
 * - git is an absolute path found once, in PATH folders outside the workspace
 *   and outside the home folder (its caches are writable in the sandbox), and
 *   it must be 2.32 or later (`GIT_CONFIG_GLOBAL` arrived in 2.32, and the
 *   push token travels in `GIT_CONFIG_*` variables);
 * - no global or system config applies (`GIT_CONFIG_GLOBAL=/dev/null`,
 *   `GIT_CONFIG_NOSYSTEM=1`), so no filter, alias, fsmonitor or hooksPath
 *   from outside the repository runs; hooks point at an empty folder;
 * - paths are literal (`GIT_LITERAL_PATHSPECS=1`): `:x` is a file, not magic;
 * - the environment is built from scratch (a PATH of the same safe folders);
 *   the token is added for the push (and the lease read) only.
 *
 * Snapshots never touch the real index or HEAD: they use one private index
 * (`GIT_INDEX_FILE`) seeded once from the real index (or HEAD) and kept for
 * the run, so each snapshot hashes only what changed since the last one.
 * Finding what changed costs a walk of the whole tree (a stat of every file),
 * unless the caller reports its writes (`touched`): then a snapshot looks at
 * the reported paths only, and at nothing when none were reported.
 * Files over the size limit are never hashed: they stay out of the snapshot
 * and are listed in the log. Git works on the whole repository even when the
 * root is a subfolder of it; paths are relative to the repository top.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import { err, ok, type Result } from '../core/result.js';
import { Redactor } from '../core/secrets.js';
import { appendNoFollowSync } from './safe-fs.js';
import type { FileChange, Git, TreeEntry } from './types.js';

export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim()}`);
  }
  static isGitError(error: unknown): error is GitError {
    return error instanceof Error && error.name === 'GitError';
  }
}

/** No usable git: none found outside the workspace and home, or one too old. One line. */
export class GitSetupError extends Error {
  override readonly name = 'GitSetupError';
  static isGitSetupError(error: unknown): error is GitSetupError {
    return error instanceof Error && error.name === 'GitSetupError';
  }
}

export interface GitOptions {
  readonly log?: (line: string) => void;
  /** Environment to take PATH and HOME from (default: process.env). Nothing else passes. */
  readonly env?: NodeJS.ProcessEnv;
  /** Epoch ms: snapshots started after it still get `SNAPSHOT_GRACE_MS`, then git is killed. */
  readonly deadline?: number;
  /** Files larger than this are left out of snapshots (default MAX_FILE_BYTES). */
  readonly maxFileBytes?: number;
}

/** The largest file a snapshot records (and the result filter publishes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** git 2.32 added GIT_CONFIG_GLOBAL; 2.31 added GIT_CONFIG_COUNT (the push token). */
export const MIN_GIT_VERSION: readonly [number, number] = [2, 32];
const SNAPSHOT_GRACE_MS = 10_000;
/** More reported paths than this, and a snapshot walks the whole tree instead (one command line). */
const MAX_TOUCHED_PATHS = 500;

interface GitOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface CallOptions {
  readonly indexFile?: string;
  readonly input?: Buffer;
  readonly allowFail?: boolean;
  readonly cwd?: string;
  /** Extra environment for this call only (the push token). */
  readonly env?: Readonly<Record<string, string>>;
  /** Kill git after this many ms (the call then fails with exit code -1). */
  readonly timeoutMs?: number;
}

/** The author of a commit only greenloop sees (a worktree's starting state). */
const AUTHOR_ENV: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'greenloop',
  GIT_AUTHOR_EMAIL: 'greenloop@localhost',
  GIT_COMMITTER_NAME: 'greenloop',
  GIT_COMMITTER_EMAIL: 'greenloop@localhost',
};

/** Written to .git/info/exclude when greenloop runs `git init` itself. */
const INIT_EXCLUDES: readonly string[] = [
  'node_modules/',
  '.venv/',
  'venv/',
  '__pycache__/',
  '.pytest_cache/',
  '.mypy_cache/',
  '.tox/',
  '.gradle/',
  'target/',
  '.greenloop/',
];

const EXTRAHEADER_KEY = '^http\\.(.+\\.)?extraheader$';
const INCLUDE_KEY = '^include(if\\..+)?\\.path$';

/** Scratch folders of every Git instance, removed when the process exits (one listener for all). */
const scratchDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Finding git

export interface GitBinary {
  /** Absolute path of the git executable. */
  readonly file: string;
  readonly version: string;
  /** The PATH git runs with: only folders outside the workspace and the home folders. */
  readonly path: string;
}

const resolved = new Map<string, GitBinary>();

/** Repository top folder by root folder (`rev-parse --show-toplevel`), shared by every GitRepo. */
const knownTops = new Map<string, string>();

function isUnder(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** `git --version` of each binary (by path, size and time of change): asked once per process. */
const versions = new Map<string, string>();

function gitVersion(file: string, pathEnv: string): string {
  const stat = fs.statSync(file);
  const key = [file, stat.size, stat.mtimeMs].join('\0');
  const known = versions.get(key);
  if (known !== undefined) return known;
  let version: string;
  try {
    version = execFileSync(file, ['--version'], {
      encoding: 'utf8',
      env: { PATH: pathEnv, LC_ALL: 'C' },
      timeout: 30_000,
    }).trim();
  } catch (error) {
    throw new GitSetupError(
      `greenloop cannot run ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  versions.set(key, version);
  return version;
}

/**
 * Finds git once per (workspace, PATH, HOME): the first `git` in a PATH folder
 * that is absolute and lies outside the workspace and every home folder (the
 * model can write there: workspace `.venv/bin`, `node_modules/.bin`, home
 * caches), then in the usual system folders. Throws GitSetupError (one line)
 * when there is none or it is older than 2.32.
 */
export function resolveGit(workspace: string, env: NodeJS.ProcessEnv = process.env): GitBinary {
  const key = [workspace, env['PATH'] ?? '', env['HOME'] ?? ''].join('\0');
  const known = resolved.get(key);
  if (known) return known;
  const unsafe = [workspace, env['HOME'] ?? '', os.homedir()]
    .filter((p) => p !== '')
    .flatMap((p) => [path.resolve(p), realOrSelf(path.resolve(p))]);
  const safe = (dir: string): boolean =>
    path.isAbsolute(dir) && !unsafe.some((root) => isUnder(realOrSelf(dir), root));
  const fromPath = (env['PATH'] ?? '').split(path.delimiter).filter((d) => d !== '');
  const system = ['/usr/local/bin', '/usr/bin', '/bin'];
  const dirs = [...new Set([...fromPath, ...system])].filter(safe);
  const exe = process.platform === 'win32' ? 'git.exe' : 'git';
  let file: string | undefined;
  for (const dir of dirs) {
    const candidate = path.join(dir, exe);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
    } catch {
      continue;
    }
    if (!safe(path.dirname(realOrSelf(candidate)))) continue;
    file = candidate;
    break;
  }
  if (file === undefined) {
    throw new GitSetupError(
      'greenloop needs git, and found none in a PATH folder outside the workspace and the home folder',
    );
  }
  const version = gitVersion(file, dirs.join(path.delimiter));
  const match = /(\d+)\.(\d+)/.exec(version);
  const [major, minor] = [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
  const [needMajor, needMinor] = MIN_GIT_VERSION;
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    throw new GitSetupError(
      `greenloop needs git ${needMajor}.${needMinor} or later, found '${version}' at ${file}: older git ignores GIT_CONFIG_GLOBAL and GIT_CONFIG_COUNT, which keep your global git config out of greenloop's git calls and the push token out of .git/config`,
    );
  }
  const binary: GitBinary = { file, version, path: dirs.join(path.delimiter) };
  resolved.set(key, binary);
  return binary;
}

/** The whole environment of every git call (the push adds its token on top). */
function gitEnv(binary: GitBinary, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {
    PATH: binary.path,
    LC_ALL: 'C',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_COUNT: '0',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_LITERAL_PATHSPECS: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
  };
  // Where to connect and which certificates to trust (a runner behind a proxy): no code runs from these.
  const network = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((n) => [
    n,
    n.toLowerCase(),
  ]);
  for (const name of [
    'HOME',
    'TMPDIR',
    'SystemRoot',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    ...network,
  ]) {
    const value = env[name];
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

/**
 * `core.excludesFile` of the user's global config, read as a plain value from
 * the file (nothing in it runs): files the user ignores everywhere stay
 * ignored although the global config is off.
 */
function globalExcludesFile(binary: GitBinary, env: Record<string, string>): string | undefined {
  const home = env['HOME'];
  if (home === undefined) return undefined;
  const files = [path.join(home, '.config', 'git', 'config'), path.join(home, '.gitconfig')];
  const key = [binary.file, ...files.map(statKey)].join('\0');
  if (excludesFiles.has(key)) return excludesFiles.get(key);
  const found = readExcludesFile(binary, env, files);
  excludesFiles.set(key, found);
  return found;
}

/** Answers read by globalExcludesFile, by git binary and the global config files' states. */
const excludesFiles = new Map<string, string | undefined>();

function statKey(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${file}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return `${file}:absent`;
  }
}

function readExcludesFile(
  binary: GitBinary,
  env: Record<string, string>,
  files: readonly string[],
): string | undefined {
  let found: string | undefined;
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    try {
      const value = execFileSync(
        binary.file,
        ['config', '--file', file, '--path', '--get', 'core.excludesFile'],
        { encoding: 'utf8', env, timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] },
      ).trim();
      if (value !== '') found = value;
    } catch {
      // not set
    }
  }
  return found;
}

/** Runs the resolved git; never throws (a spawn failure is exit code -1). */
function execGit(
  binary: GitBinary,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; input?: Buffer; timeoutMs?: number },
): Promise<GitOutput> {
  return new Promise((resolve) => {
    const child = spawn(binary.file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.timeoutMs !== undefined
        ? { timeout: Math.max(1, options.timeoutMs), killSignal: 'SIGKILL' as const }
        : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? Buffer.alloc(0));
    let failure = '';
    child.on('error', (error) => {
      failure = error.message;
    });
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const killed =
        signal !== null
          ? `git was killed (${signal}${options.timeoutMs !== undefined ? ', out of time' : ''})`
          : '';
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: [stderr, failure, killed].filter((s) => s !== '').join('\n'),
      });
    });
  });
}

// ---------------------------------------------------------------------------
// The repository

interface RemovedCredential {
  readonly file: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** Git for the run and for publishing. The class stays private: use createGit. */
export interface RepoGit extends Git {
  touched(paths: readonly string[] | 'all'): void;
  /** Puts back the credential headers `removePersistedCredentials` took out (once). */
  restorePersistedCredentials(): Promise<void>;
  /** Commits `tree` (or the working tree) on `parentRef` to `branch`, without touching HEAD or the index. */
  commit(opts: Omit<CommitOptions, 'root'>): Promise<{ sha: string }>;
  /** Pushes the local branch; never throws. */
  tryPush(opts: Omit<PushOptions, 'root'>): Promise<PushResult>;
  /**
   * The remote branch's tip (`''` when it does not exist), read with the token;
   * undefined when the remote could not be asked.
   */
  tryRemoteTip(
    branch: string,
    auth: { token: string; serverUrl: string },
  ): Promise<string | undefined>;
  /** Whether `git check-ref-format --branch` accepts the name (and it is not an option). */
  isValidBranchName(branch: string): Promise<boolean>;
  /** The repository's top folder, or undefined when the root is not inside a repository. */
  tryTopLevel(): Promise<string | undefined>;
  /** Whether `git status` shows any change (untracked files included). */
  isDirty(): Promise<boolean>;
  /** Adds a line to `info/exclude` (of the common git folder) unless it is there. */
  addExclude(pattern: string): Promise<void>;
  /**
   * Checks HEAD out, detached, into a new linked worktree at `dir` (for `--attempts`); with
   * `tree` (a snapshot), that working state instead, as a commit on HEAD that no ref points to.
   */
  addWorktree(dir: string, tree?: string): Promise<void>;
  /**
   * The ignored files of the working tree, relative to its top; an ignored folder is one entry
   * (no trailing slash), whatever it holds.
   */
  ignoredEntries(): Promise<string[]>;
  /** Removes a linked worktree made by `addWorktree` (its files and its entry in the repository). */
  removeWorktree(dir: string): Promise<void>;
  /** Forgets the linked worktrees whose folders are gone (`git worktree prune`). */
  pruneWorktrees(): Promise<void>;
}

export function createGit(root: string, options: GitOptions = {}): RepoGit {
  return new GitRepo(path.resolve(root), options);
}

/** Runs the tasks given to it one after another, each whether or not the one before failed. */
class Serial {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.last.then(task, task);
    this.last = next;
    return next;
  }
}

class GitRepo implements RepoGit {
  private scratch: string | undefined;
  private top: string | undefined;
  private readonly binary: GitBinary;
  private readonly env: Record<string, string>;
  private readonly maxFileBytes: number;
  /** The snapshot index, kept between snapshots (its stat cache makes the next one cheap). */
  private index: string | undefined;
  /** The tree the snapshot index held after the last snapshot (undefined: none since it was seeded). */
  private lastTree: string | undefined;
  /**
   * What changed since the last snapshot, as reported through `touched` (paths relative to the
   * top): `all` = look at the whole tree; undefined = nobody reports, so always look at it.
   */
  private changes: Set<string> | 'all' | undefined;
  /** The repository top with symbolic links resolved, to turn reported paths into git paths. */
  private realTop: string | undefined;
  private readonly snapshots = new Serial();
  private readonly worktrees = new Serial();
  private readonly skipped = new Set<string>();
  private removed: RemovedCredential[] = [];
  /** The user's global ignore file: the one global setting kept (it can only hide files). */
  private readonly excludesFile: string | undefined;

  constructor(
    private readonly root: string,
    private readonly options: GitOptions,
  ) {
    const env = options.env ?? process.env;
    this.binary = resolveGit(root, env);
    this.env = gitEnv(this.binary, env);
    this.maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    this.excludesFile = globalExcludesFile(this.binary, this.env);
  }

  /**
   * Private temp folder: empty `hooks/` for core.hooksPath, index files. In the runner's temp
   * folder when there is one (the runner empties it after each job), so an action killed at the
   * job's time limit, before its exit listener runs, leaves nothing in a self-hosted runner's /tmp.
   */
  private scratchDir(): string {
    if (!this.scratch) {
      const base = (this.options.env ?? process.env)['RUNNER_TEMP'] || os.tmpdir();
      const dir = fs.mkdtempSync(path.join(base, 'greenloop-git-'));
      fs.mkdirSync(path.join(dir, 'hooks'));
      scratchDirs.add(dir);
      this.scratch = dir;
    }
    return this.scratch;
  }

  private async call(args: readonly string[], opts: CallOptions = {}): Promise<GitOutput> {
    const full = [
      '-c',
      `core.hooksPath=${path.join(this.scratchDir(), 'hooks')}`,
      '-c',
      'core.fsmonitor=false',
      '-c',
      'safe.directory=*',
      ...(this.excludesFile !== undefined ? ['-c', `core.excludesFile=${this.excludesFile}`] : []),
      ...args,
    ];
    const env = { ...this.env, ...opts.env };
    if (opts.indexFile) env['GIT_INDEX_FILE'] = opts.indexFile;
    const result = await execGit(this.binary, full, {
      cwd: opts.cwd ?? this.top ?? this.root,
      env,
      ...(opts.input ? { input: opts.input } : {}),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    });
    if (result.code !== 0 && !opts.allowFail) {
      throw new GitError(args, result.code, result.stderr);
    }
    return result;
  }

  private async toplevel(): Promise<string> {
    const top = await this.tryTopLevel();
    if (top !== undefined) return top;
    // Not a repository: asked again, to throw git's error (or its answer, if one was made meanwhile).
    await this.call(['rev-parse', '--show-toplevel'], { cwd: this.root });
    return (await this.tryTopLevel()) ?? this.root;
  }

  private readonly paths = new Map<string, string>();

  /** `git rev-parse --git-path <name>` as an absolute path (cached: it does not change). */
  private async gitPath(name: string): Promise<string> {
    const [resolvedPath] = await this.gitPaths([name]);
    return resolvedPath ?? '';
  }

  /** Several `--git-path`s in one `git rev-parse` (one answer per line; cached). */
  private async gitPaths(names: readonly string[]): Promise<string[]> {
    const missing = names.filter((name) => !this.paths.has(name));
    if (missing.length > 0) {
      const top = await this.toplevel();
      const out = await this.call(['rev-parse', ...missing.flatMap((n) => ['--git-path', n])]);
      const lines = out.stdout.replace(/\n$/, '').split('\n');
      // A path holding a newline cannot be told apart: ask one name at a time then.
      if (lines.length !== missing.length && missing.length > 1) {
        for (const name of missing) await this.gitPaths([name]);
      } else {
        const answers = missing.length === 1 ? [out.stdout.trim()] : lines;
        missing.forEach((name, i) => this.paths.set(name, path.resolve(top, answers[i] ?? '')));
      }
    }
    return names.map((name) => this.paths.get(name) ?? '');
  }

  private tempIndex(): string {
    return path.join(this.scratchDir(), `index-${crypto.randomBytes(6).toString('hex')}`);
  }

  /**
   * The repository's top folder, asked of git once per process for each root (every git of
   * a run shares the answer); undefined, and asked again next time, while it is no repository.
   */
  async tryTopLevel(): Promise<string | undefined> {
    this.top ??= knownTops.get(this.root);
    if (this.top) return this.top;
    const out = await this.call(['rev-parse', '--show-toplevel'], {
      cwd: this.root,
      allowFail: true,
    });
    if (out.code !== 0) return undefined;
    this.top = path.resolve(out.stdout.trim());
    knownTops.set(this.root, this.top);
    return this.top;
  }

  // git does not lock its list of worktrees: an `add` that reads it while another `add` or
  // `remove` is writing it fails ("failed to read .git/worktrees/<name>/commondir"). So worktree
  // changes go one at a time.
  addWorktree(dir: string, tree?: string): Promise<void> {
    return this.worktrees.run(async () => {
      const cwd = await this.toplevel();
      let start = 'HEAD';
      if (tree !== undefined) {
        const head = await this.tryHead();
        const made = await this.call(
          ['commit-tree', tree, ...(head ? ['-p', head] : []), '-m', 'greenloop: working state'],
          { cwd, env: AUTHOR_ENV },
        );
        start = made.stdout.trim();
      }
      await this.call(['worktree', 'add', '--detach', '--quiet', dir, start], { cwd });
    });
  }

  async ignoredEntries(): Promise<string[]> {
    const out = await this.call(
      ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'],
      { cwd: await this.toplevel() },
    );
    return out.stdout
      .split('\0')
      .filter((p) => p !== '')
      .map((p) => p.replace(/\/$/, ''));
  }

  removeWorktree(dir: string): Promise<void> {
    return this.worktrees.run(async () => {
      const cwd = await this.toplevel();
      await this.call(['worktree', 'remove', '--force', dir], { cwd, allowFail: true });
      fs.rmSync(dir, { recursive: true, force: true });
      await this.call(['worktree', 'prune'], { cwd, allowFail: true });
    });
  }

  async pruneWorktrees(): Promise<void> {
    await this.call(['worktree', 'prune'], { cwd: await this.toplevel(), allowFail: true });
  }

  async isDirty(): Promise<boolean> {
    const out = await this.call(['status', '--porcelain', '--untracked-files=normal']);
    return out.stdout.trim() !== '';
  }

  async addExclude(pattern: string): Promise<void> {
    this.noteChanged('all');
    const exclude = await this.gitPath('info/exclude');
    const current = fs.existsSync(exclude) ? fs.readFileSync(exclude, 'utf8') : '';
    if (current.split(/\r?\n/).includes(pattern)) return;
    fs.mkdirSync(path.dirname(exclude), { recursive: true });
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    appendNoFollowSync(exclude, `${separator}${pattern}\n`);
  }

  async tryHead(): Promise<string | undefined> {
    await this.toplevel();
    const out = await this.call(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], {
      allowFail: true,
    });
    return out.code === 0 ? out.stdout.trim() : undefined;
  }

  async tryCheckoutCommit(
    sha: string,
    auth?: { token: string; serverUrl: string },
  ): Promise<boolean> {
    if (!/^[0-9a-f]{40}$/.test(sha)) return false;
    await this.toplevel();
    const present = async (): Promise<boolean> =>
      (await this.call(['cat-file', '-e', `${sha}^{commit}`], { allowFail: true })).code === 0;
    const fetch = async (env?: Record<string, string>): Promise<boolean> => {
      const args = ['fetch', '-q', '--no-tags', '--depth=1', 'origin', sha];
      await this.call(args, { allowFail: true, timeoutMs: 120_000, ...(env ? { env } : {}) });
      return present();
    };
    // First with the checkout's own credentials (a second Authorization header next to
    // persisted ones is refused), then with the token (`persist-credentials: false`).
    const had =
      (await present()) ||
      (await fetch()) ||
      (auth !== undefined &&
        auth.token !== '' &&
        (await fetch(tokenEnv(auth.token, auth.serverUrl))));
    if (!had) return false;
    // The real index changes: the next snapshot seeds its index again.
    this.index = undefined;
    return (await this.call(['checkout', '-q', '--detach', sha], { allowFail: true })).code === 0;
  }

  touched(paths: readonly string[] | 'all'): void {
    // The first report cannot vouch for what happened before it.
    if (this.changes === undefined || this.realTop === undefined || paths === 'all') {
      this.changes = 'all';
      return;
    }
    const top = this.realTop;
    this.noteChanged(
      paths.map((abs) => {
        const rel = path.relative(top, abs);
        const outside = rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
        return outside ? '..' : rel.split(path.sep).join('/');
      }),
    );
  }

  /** Notes paths (relative to the top) as changed, when somebody reports writes. */
  private noteChanged(paths: readonly string[] | 'all'): void {
    if (this.changes === undefined || this.changes === 'all') return;
    // A changed ignore file can show or hide files nobody wrote: only a walk finds them.
    const walk = (rel: string): boolean =>
      rel === '..' || rel.startsWith('../') || path.posix.basename(rel) === '.gitignore';
    if (paths === 'all' || paths.some(walk)) this.changes = 'all';
    else for (const rel of paths) this.changes.add(rel);
  }

  snapshot(): Promise<string> {
    // One snapshot at a time: they share the index.
    return this.snapshots.run(async () => {
      try {
        return await this.snapshotNow();
      } catch (error) {
        // The index may hold part of this snapshot, and its reports are spent: look at everything.
        this.lastTree = undefined;
        this.noteChanged('all');
        throw error;
      }
    });
  }

  private snapshotTimeout(): number | undefined {
    const { deadline } = this.options;
    if (deadline === undefined) return undefined;
    return Math.max(deadline - Date.now(), 0) + SNAPSHOT_GRACE_MS;
  }

  private async snapshotNow(): Promise<string> {
    const top = await this.toplevel();
    this.realTop ??= realOrSelf(top);
    const index = await this.snapshotIndex();
    // Reports that arrive while this snapshot runs are for the next one.
    const reported = this.changes;
    if (reported !== undefined) this.changes = new Set();
    const timeoutMs = this.snapshotTimeout();
    const timed = { indexFile: index, cwd: top, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
    const known = reported instanceof Set && this.lastTree !== undefined ? [...reported] : [];
    if (reported instanceof Set && this.lastTree !== undefined && known.length === 0) {
      return this.lastTree;
    }
    const changed =
      known.length > 0 && known.length <= MAX_TOUCHED_PATHS
        ? await this.changedAmong(known, timed).catch(() => this.changedAnywhere(timed))
        : await this.changedAnywhere(timed);
    const small = changed.filter((rel) => !this.leftOut(top, rel));
    if (small.length === 0 && this.lastTree !== undefined) return this.lastTree;
    if (small.length > 0) {
      // Exactly the listed paths, as `add -A` would take them; git's listing already applied the
      // ignore rules (`add` would refuse a deleted file under a folder ignored since).
      await this.call(['update-index', '--add', '--remove', '--replace', '-z', '--stdin'], {
        ...timed,
        // Sorted, a path comes before the paths under it: a file turned folder leaves the index
        // before the files in the folder arrive (git would refuse them the other way round).
        input: Buffer.from(
          small
            .map((p) => p.replace(/\/$/, ''))
            .sort()
            .map((p) => `${p}\0`)
            .join(''),
          'utf8',
        ),
      });
    }
    const out = await this.call(['write-tree'], timed);
    this.lastTree = out.stdout.trim();
    return this.lastTree;
  }

  /** The private index, seeded from the real index (or HEAD) the first time and after a checkout. */
  private async snapshotIndex(): Promise<string> {
    if (this.index !== undefined && fs.existsSync(this.index)) return this.index;
    const index = this.tempIndex();
    const real = await this.gitPath('index');
    if (fs.existsSync(real)) {
      // Seeding from the real index keeps its stat cache: `add` stays fast.
      fs.copyFileSync(real, index);
    } else if (await this.tryHead()) {
      await this.call(['read-tree', 'HEAD'], { indexFile: index });
    }
    this.index = index;
    this.lastTree = undefined;
    return index;
  }

  /** Modified, deleted and untracked (not ignored) files anywhere: one walk of the tree. */
  private async changedAnywhere(opts: CallOptions): Promise<string[]> {
    const listed = await this.call(
      ['ls-files', '-z', '--modified', '--others', '--exclude-standard'],
      opts,
    );
    return [...new Set(listed.stdout.split('\0').filter((p) => p !== ''))];
  }

  /**
   * The same, among the given paths only (`ls-files --modified` would stat every file). Porcelain
   * status: `XY path`, X the index against HEAD, Y the working tree against the index.
   */
  private async changedAmong(paths: readonly string[], opts: CallOptions): Promise<string[]> {
    const listed = await this.call(
      [
        'status',
        '--porcelain',
        '-z',
        '--untracked-files=all',
        '--ignore-submodules=dirty',
        '--no-renames',
        '--',
        ...paths,
      ],
      opts,
    );
    return listed.stdout
      .split('\0')
      .filter((entry) => entry.length > 3 && (entry[1] !== ' ' || entry.startsWith('??')))
      .map((entry) => entry.slice(3));
  }

  /** Whether a changed file stays out of the snapshot for its size (logged once per path). */
  private leftOut(top: string, rel: string): boolean {
    if (!this.isTooBig(path.join(top, rel))) return false;
    if (!this.skipped.has(rel)) {
      this.skipped.add(rel);
      this.options.log?.(
        `git: left ${rel} out of the snapshot: larger than ${this.maxFileBytes / 1024 / 1024} MB`,
      );
    }
    return true;
  }

  private isTooBig(abs: string): boolean {
    try {
      const stat = fs.lstatSync(abs);
      return stat.isFile() && stat.size > this.maxFileBytes;
    } catch {
      return false;
    }
  }

  async restore(tree: string): Promise<void> {
    const top = await this.toplevel();
    const current = await this.snapshot();
    if (current === tree) return;
    const removed = await this.changedPaths(current, tree, 'D');
    this.noteChanged(removed);
    for (const rel of removed) {
      const abs = path.join(top, rel);
      try {
        fs.rmSync(abs, { force: true, recursive: fs.lstatSync(abs).isDirectory() });
      } catch {
        // already gone
      }
      removeEmptyParents(path.dirname(abs), top);
    }
    const changed = await this.changedPaths(current, tree, 'AMT');
    this.noteChanged(changed);
    if (changed.length === 0) return;
    await this.checkoutPaths(tree, changed);
  }

  private async checkoutPaths(tree: string, paths: readonly string[]): Promise<void> {
    const index = this.tempIndex();
    try {
      await this.call(['read-tree', tree], { indexFile: index });
      const input = Buffer.from(paths.map((p) => `${p}\0`).join(''), 'utf8');
      await this.call(['checkout-index', '-f', '-z', '--stdin'], { indexFile: index, input });
    } finally {
      fs.rmSync(index, { force: true });
    }
  }

  private async changedPaths(from: string, to: string, filter: string): Promise<string[]> {
    const out = await this.call([
      'diff-tree',
      '-r',
      '-z',
      '--no-renames',
      '--name-only',
      `--diff-filter=${filter}`,
      from,
      to,
    ]);
    return out.stdout.split('\0').filter((p) => p !== '');
  }

  async diff(fromTree: string, toTree: string): Promise<string> {
    const out = await this.call([
      'diff',
      '--binary',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--no-renames',
      fromTree,
      toTree,
    ]);
    return out.stdout;
  }

  /**
   * Per-file numstat between two trees. Renames are never detected: a rename is
   * its deletion and its addition, so both sides go through the result filter.
   */
  async diffStat(fromTree: string, toTree: string): Promise<FileChange[]> {
    const [numstat, names] = await Promise.all([
      this.call(['diff', '--numstat', '-z', '--no-renames', fromTree, toTree]),
      this.call(['diff', '--name-status', '-z', '--no-renames', fromTree, toTree]),
    ]);
    const statusByPath = new Map<string, FileChange['status']>();
    const fields = names.stdout.split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const code = fields[i] ?? '';
      if (code === '') break;
      statusByPath.set(
        fields[i + 1] ?? '',
        code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified',
      );
    }
    const changes: FileChange[] = [];
    for (const record of numstat.stdout.split('\0')) {
      if (record === '') continue;
      const [a = '', r = '', file = ''] = record.split('\t');
      const binary = a === '-' && r === '-';
      changes.push({
        path: file,
        added: binary ? 0 : Number(a),
        removed: binary ? 0 : Number(r),
        status: statusByPath.get(file) ?? 'modified',
        binary,
      });
    }
    return changes;
  }

  async apply(diff: string): Promise<void> {
    if (diff.trim() === '') return;
    this.noteChanged('all');
    await this.call(['apply', '--binary', '--whitespace=nowarn', '-'], {
      cwd: await this.toplevel(),
      input: Buffer.from(diff, 'utf8'),
    });
  }

  async restorePaths(tree: string, paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    const top = await this.toplevel();
    this.noteChanged(paths);
    const present = await this.listTree(tree, paths);
    for (const rel of paths) {
      if (present.has(rel)) continue;
      const abs = path.join(top, rel);
      fs.rmSync(abs, { force: true, recursive: true });
      removeEmptyParents(path.dirname(abs), top);
    }
    const restore = paths.filter((rel) => present.has(rel));
    if (restore.length > 0) await this.checkoutPaths(tree, restore);
  }

  async listTree(tree: string, paths: readonly string[]): Promise<Map<string, TreeEntry>> {
    const entries = new Map<string, TreeEntry>();
    if (paths.length === 0) return entries;
    const wanted = new Set(paths);
    const out = await this.call(['ls-tree', '-z', '-l', '--full-tree', tree, '--', ...paths]);
    for (const record of out.stdout.split('\0')) {
      const match = /^(\d+) (\w+) ([0-9a-f]+)\s+(-|\d+)\t(.*)$/s.exec(record);
      if (!match) continue;
      const [, mode = '', , object = '', size = '', file = ''] = match;
      // ls-tree also answers a folder's entry for a path inside it: keep exact answers only.
      if (!wanted.has(file)) continue;
      const entry: TreeEntry = { mode, size: size === '-' ? 0 : Number(size) };
      if (mode === '120000') {
        const target = await this.call(['cat-file', 'blob', object]);
        entries.set(file, { ...entry, target: target.stdout });
      } else {
        entries.set(file, entry);
      }
    }
    return entries;
  }

  async ensureBaseline(): Promise<string> {
    if ((await this.tryTopLevel()) === undefined) {
      this.options.log?.(`git: ${this.root} is not a git repository; running git init`);
      await this.call(['init', '-q'], { cwd: this.root });
      // No .gitignore may exist yet: keep dependency and cache folders out of snapshots.
      const exclude = path.join(this.root, '.git', 'info', 'exclude');
      fs.mkdirSync(path.dirname(exclude), { recursive: true });
      appendNoFollowSync(exclude, `${INIT_EXCLUDES.join('\n')}\n`);
    }
    return this.snapshot();
  }

  /**
   * Every config file git would load for this repository (global and system
   * config are off): the repository config, the worktree configs, the configs
   * of submodules under `modules/` (checkout writes its token there too), and
   * every file they include, recursively. Existing files only.
   */
  private async configFiles(): Promise<string[]> {
    const [config = '', worktreeConfig = ''] = await this.gitPaths(['config', 'config.worktree']);
    const common = path.dirname(config);
    const starts = [config, worktreeConfig];
    starts.push(...findFiles(path.join(common, 'worktrees'), 'config.worktree', 1));
    for (const file of findFiles(path.join(common, 'modules'), 'config', 8)) {
      starts.push(file, path.join(path.dirname(file), 'config.worktree'));
    }
    const seen = new Set<string>();
    const queue = [...starts];
    while (queue.length > 0) {
      const file = queue.shift() ?? '';
      if (seen.has(file) || !fs.existsSync(file)) continue;
      seen.add(file);
      const out = await this.call(
        ['config', '--file', file, '--null', '--get-regexp', INCLUDE_KEY],
        { allowFail: true },
      );
      for (const entry of out.stdout.split('\0')) {
        const nl = entry.indexOf('\n');
        if (nl < 0) continue;
        queue.push(resolveIncludePath(entry.slice(nl + 1), path.dirname(file)));
      }
    }
    return [...seen];
  }

  async removePersistedCredentials(): Promise<string[]> {
    const removed: RemovedCredential[] = [];
    for (const file of await this.configFiles()) {
      const out = await this.call(
        ['config', '--file', file, '--null', '--get-regexp', EXTRAHEADER_KEY],
        {
          allowFail: true,
        },
      );
      const values = new Map<string, string[]>();
      for (const entry of out.stdout.split('\0')) {
        const nl = entry.indexOf('\n');
        if (nl < 0) continue;
        const key = entry.slice(0, nl);
        values.set(key, [...(values.get(key) ?? []), entry.slice(nl + 1)]);
      }
      for (const [key, list] of values) {
        await this.call(['config', '--file', file, '--unset-all', key]);
        removed.push({ file, key, values: list });
        this.removed.push({ file, key, values: list });
      }
    }
    if (removed.length > 0) {
      this.options.log?.(`git: removed ${removed.length} persisted credential header(s)`);
    }
    return removed.map((r) => `${r.file}: ${r.key}`);
  }

  async restorePersistedCredentials(): Promise<void> {
    const removed = this.removed;
    this.removed = [];
    for (const { file, key, values } of removed) {
      for (const value of values) {
        await this.call(['config', '--file', file, '--add', key, value]);
      }
    }
  }

  async configFingerprint(): Promise<string> {
    const hash = crypto.createHash('sha256');
    for (const file of await this.configFiles()) {
      hash.update(`config ${file}\0`);
      hash.update(fs.readFileSync(file));
    }
    // `--git-path hooks` would answer our own core.hooksPath override: look up both places.
    const common = path.dirname(await this.gitPath('config'));
    const hookDirs = [path.join(common, 'hooks')];
    const configured = await this.call(
      ['config', '--file', path.join(common, 'config'), '--includes', '--get', 'core.hooksPath'],
      { allowFail: true },
    );
    if (configured.stdout.trim() !== '') {
      hookDirs.push(resolveIncludePath(configured.stdout.trim(), await this.toplevel()));
    }
    for (const hooks of hookDirs) {
      const entries = fs.existsSync(hooks) ? fs.readdirSync(hooks).sort() : [];
      for (const name of entries) {
        const stat = fs.statSync(path.join(hooks, name));
        hash.update(`hook ${hooks} ${name} ${stat.size} ${stat.mode} ${stat.mtimeMs}\0`);
      }
    }
    return hash.digest('hex');
  }

  // -------------------------------------------------------------------------
  // Publishing

  async isValidBranchName(branch: string): Promise<boolean> {
    if (branch === '' || branch.startsWith('-') || branch.includes('@{') || branch === 'HEAD') {
      return false;
    }
    const result = await this.call(['check-ref-format', '--branch', branch], { allowFail: true });
    return result.code === 0;
  }

  async commit(opts: Omit<CommitOptions, 'root'>): Promise<{ sha: string }> {
    if (!(await this.isValidBranchName(opts.branch))) {
      throw new PublishGitError(`'${opts.branch}' is not a valid branch name`);
    }
    const parent = await this.publishCall([
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${opts.parentRef}^{commit}`,
    ]);
    const headRef = await this.publishCall(['rev-parse', '--symbolic-full-name', 'HEAD']);
    if (headRef === `refs/heads/${opts.branch}`) {
      throw new PublishGitError(
        `branch '${opts.branch}' is checked out in the workspace; choose another output branch`,
      );
    }
    const tree = opts.tree ?? (await this.snapshot());
    const author = opts.author ?? DEFAULT_AUTHOR;
    const sha = await this.publishCall(['commit-tree', tree, '-p', parent, '-F', '-'], {
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
      },
      input: Buffer.from(sanitiseCommitMessage(opts.message), 'utf8'),
    });
    await this.publishCall(['update-ref', '-m', 'greenloop', `refs/heads/${opts.branch}`, sha]);
    return { sha };
  }

  /** A call for publishing: failures become a PublishGitError with git's last lines. */
  private async publishCall(args: readonly string[], opts: CallOptions = {}): Promise<string> {
    const result = await this.call(args, { ...opts, allowFail: true });
    if (result.code !== 0) {
      const what = args.find((a) => !a.startsWith('-')) ?? 'git';
      throw new PublishGitError(
        `git ${what} failed (exit ${result.code}): ${lastLines(result.stderr)}`,
        result.stderr,
      );
    }
    return result.stdout.trim();
  }

  async tryRemoteTip(
    branch: string,
    auth: { token: string; serverUrl: string },
  ): Promise<string | undefined> {
    if (!(await this.isValidBranchName(branch))) return undefined;
    const result = await this.call(
      ['ls-remote', '--end-of-options', 'origin', `refs/heads/${branch}`],
      { allowFail: true, env: tokenEnv(auth.token, auth.serverUrl), timeoutMs: 60_000 },
    );
    if (result.code !== 0) return undefined;
    const line = result.stdout.split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
    return line === undefined ? '' : line.slice(0, line.indexOf('\t'));
  }

  async tryPush(opts: Omit<PushOptions, 'root'>): Promise<PushResult> {
    try {
      const refusal = await this.pushRefusal(opts);
      if (refusal !== undefined) return err(refusal);
      const ref = `refs/heads/${opts.branch}`;
      // With a lease the remote branch is replaced only if it is still what it was
      // before the run ('' = it did not exist); without one, only a fast-forward.
      const lease = opts.lease !== undefined ? [`--force-with-lease=${ref}:${opts.lease}`] : [];
      const result = await this.call(
        ['push', '--porcelain', ...lease, opts.remote, `${ref}:${ref}`],
        {
          allowFail: true,
          ...(opts.token ? { env: tokenEnv(opts.token, opts.serverUrl) } : {}),
        },
      );
      if (result.code !== 0) {
        const rejected = porcelainRejections(result.stdout);
        const output =
          result.stderr.trim() !== '' || rejected.length > 0 ? result.stderr : result.stdout;
        const detail = [...rejected, output.trim() !== '' ? lastLines(output, 4) : ''].filter(
          (s) => s !== '',
        );
        const failed = `git push to '${opts.branch}' failed: ${detail.join('; ')}`;
        return err(
          redact(failed + rejectionMeaning(rejected, opts.lease !== undefined), opts.token),
        );
      }
      return ok(undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return err(redact(message, opts.token));
    }
  }

  private async pushRefusal(opts: Omit<PushOptions, 'root'>): Promise<string | undefined> {
    const { branch } = opts;
    if (!(await this.isValidBranchName(branch))) {
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
    const local = await this.call(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
      allowFail: true,
    });
    if (local.code !== 0) return `refused to push: local branch '${branch}' does not exist`;
    return undefined;
  }
}

/**
 * The refs `git push --porcelain` refused, as `[rejected] (stale info)`: its stdout has one
 * line per ref, `<flag>\t<from>:<to>\t<summary>`, flag `!` for a rejected ref (git-push(1),
 * OUTPUT); stderr then holds only "failed to push some refs".
 */
function porcelainRejections(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('!\t'))
    .map((line) => line.split('\t').slice(2).join(' ').trim())
    .filter((summary) => summary !== '');
}

/** What a rejection means for the output branch, and what to do about it. */
function rejectionMeaning(rejected: readonly string[], leased: boolean): string {
  if (leased && rejected.some((r) => r.includes('stale info'))) {
    // --force-with-lease refuses when the remote ref is no longer the tip read before the run.
    return (
      ': the branch changed on the remote during the run (someone pushed to it); nothing was ' +
      'overwritten. Their commits are still there; to publish this change, set another output ' +
      '`branch`, or rerun once their commits are kept elsewhere (a run replaces the branch)'
    );
  }
  if (rejected.some((r) => /non-fast-forward|fetch first/.test(r))) {
    return (
      ': the remote branch has commits this run does not have; nothing was overwritten. ' +
      'Set another output `branch`'
    );
  }
  return '';
}

/** The config entries that carry the token to `serverUrl`, for one process. */
function tokenEnv(token: string, serverUrl: string): Record<string, string> {
  if (!token) return {};
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${serverUrl.replace(/\/+$/, '')}/.extraheader`,
    GIT_CONFIG_VALUE_0: basicAuthHeader(token),
  };
}

/** Config files named `name` under `dir`, at most `depth` folders down (nested submodules). */
function findFiles(dir: string, name: string, depth: number): string[] {
  const found: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    if (fs.existsSync(path.join(sub, name))) found.push(path.join(sub, name));
    if (depth > 1) found.push(...findFiles(sub, name, depth - 1));
  }
  return found;
}

function resolveIncludePath(value: string, baseDir: string): string {
  if (value.startsWith('~/') || value.startsWith('~\\')) {
    return path.join(os.homedir(), value.slice(2));
  }
  return path.resolve(baseDir, value);
}

function removeEmptyParents(dir: string, stop: string): void {
  let current = dir;
  while (current.startsWith(stop) && current !== stop) {
    try {
      fs.rmdirSync(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

// ---------------------------------------------------------------------------
// Publishing: names, messages, commit and push

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
export function isValidBranchName(root: string, branch: string): Promise<boolean> {
  return createGit(root).isValidBranchName(branch);
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
export function commitBestState(opts: CommitOptions): Promise<{ sha: string }> {
  return createGit(opts.root).commit(opts);
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
  /**
   * The remote branch's tip read before the run ('' = it did not exist): the push
   * replaces the branch only if it still points there. Absent: fast-forward only.
   */
  readonly lease?: string;
  /** Fingerprint of the git config taken before the model ran. */
  readonly expectedFingerprint?: string;
  /** Computes the current fingerprint (the workspace's `Git.configFingerprint()`). */
  readonly fingerprint?: () => Promise<string>;
}

/** A push either happened or was refused/failed with a one-line reason (token redacted). */
export type PushResult = Result<void>;

/** The value of the Authorization header git sends for `token`. */
export function basicAuthHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}

/**
 * Pushes the local branch to the remote branch of the same name. Refuses the
 * default branch, protected branches, invalid names, and a git config that
 * changed since the fingerprint was taken. Never throws.
 */
export function pushBranch(opts: PushOptions): Promise<PushResult> {
  try {
    return createGit(opts.root).tryPush(opts);
  } catch (error) {
    return Promise.resolve(err(redact(String(error), opts.token)));
  }
}

/** The token and its encoded forms (the basic-auth header among them) out of an error. */
function redact(text: string, token: string | undefined): string {
  return new Redactor([token]).redactSecrets(text);
}
