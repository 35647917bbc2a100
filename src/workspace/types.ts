/**
 * The workspace port: files and git behind one guard, and the process runner
 * through which every model command and test command runs.
 */
import type { FileChange } from '../core/record.js';

export type { FileChange } from '../core/record.js';

/** Thrown by the guard; tools turn it into a message for the model. */
export class PathRefusedError extends Error {
  override readonly name = 'PathRefusedError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Refused '${path}': ${reason}`);
  }
}

export interface WorkspaceGuard {
  /** Absolute workspace root (symlinks resolved). */
  readonly root: string;
  /**
   * Resolves a path given by the model (relative to the root, or absolute) and
   * checks it stays inside the workspace, symlinks included. With `write`, also
   * refuses `.git/` and protected paths. Throws PathRefusedError.
   * Returns the absolute path.
   */
  resolve(path: string, access: 'read' | 'write'): string;
  /** Path relative to the root, with forward slashes. */
  relative(absolute: string): string;
  /** Whether a workspace-relative path matches `.git/` or a protected-path glob. */
  isProtected(relativePath: string): boolean;
}

export interface ProcessRequest {
  /** argv array (run directly) or a script string (run with the platform shell). */
  readonly command: readonly string[] | string;
  readonly cwd: string;
  readonly timeoutMs: number;
  /** Full child environment (already scrubbed by the caller via scrubEnv). */
  readonly env: Readonly<Record<string, string>>;
  /** When set, the whole combined output is streamed to this file (capped at maxFileBytes). */
  readonly outputFile?: string;
  readonly maxFileBytes?: number;
  /** Bytes of head and of tail kept in memory for `output` (default 16 KiB each). */
  readonly captureBytes?: number;
  readonly signal?: AbortSignal;
}

export interface ProcessResult {
  /** null when killed by a signal or on timeout. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Head and tail of stdout (capped; a line in the middle says how much was cut). */
  readonly stdout: string;
  readonly stderr: string;
  /** Interleaved head+tail of the combined output, capped the same way. */
  readonly output: string;
  readonly totalBytes: number;
  readonly durationMs: number;
  /** Whether the command really ran inside the sandbox. */
  readonly sandboxed: boolean;
}

export interface ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult>;
  /**
   * What hides `p` from commands run with `env` (a tmpfs mount point, or `p` itself when it is
   * replaced by /dev/null); undefined when they see it, or when there is no sandbox.
   */
  hiddenPath?(p: string, env: Readonly<Record<string, string>>): string | undefined;
  /** 'bwrap' when commands are sandboxed, 'none' otherwise, with the reason. */
  readonly sandbox: { readonly mode: 'bwrap' | 'none'; readonly reason: string };
}

/** Git as the run uses it. Every call runs with hooks disabled. */
export interface Git {
  /** Current HEAD commit sha, or undefined in a repo without commits. */
  tryHead(): Promise<string | undefined>;
  /**
   * Detaches HEAD at a commit (a PR's head instead of the merge commit a
   * pull_request checkout gives), fetching it from `origin` when it is missing
   * (before the run, with the checkout's credentials, else with `auth`). False
   * when it cannot be had or checked out.
   */
  tryCheckoutCommit(sha: string, auth?: { token: string; serverUrl: string }): Promise<boolean>;
  /** Records the workspace as it is now (tracked, modified and untracked, not ignored) as a tree object, without touching the index or HEAD. */
  snapshot(): Promise<string>;
  /**
   * Reports writes to the working tree: the absolute paths written, or `all` when a command ran
   * (it may have written anywhere). Until the first report every snapshot walks the whole tree;
   * from then on a snapshot looks only at the paths reported since the last one. So a caller
   * that reports must report every write made by anything other than this Git. (A Git without
   * it, like the loop tests' in-memory one, needs no reports.)
   */
  touched?(paths: readonly string[] | 'all'): void;
  /** Makes the working tree match a snapshot tree (files added since are removed, ignored files untouched). */
  restore(tree: string): Promise<void>;
  /** `git diff --binary` between two trees. */
  diff(fromTree: string, toTree: string): Promise<string>;
  /** Per-file numstat between two trees. */
  diffStat(fromTree: string, toTree: string): Promise<FileChange[]>;
  /**
   * Tree of the working state at the start of the run. Works in a repo without
   * commits; in a folder that is not a git repo, runs `git init` first.
   */
  ensureBaseline(): Promise<string>;
  /**
   * Removes `http.*.extraheader` entries (persisted checkout tokens) from the
   * repo config and every config file it includes. Returns `file: key` lines.
   */
  removePersistedCredentials(): Promise<string[]>;
  /** Hash of .git/config, its included files and the hooks folder listing. */
  configFingerprint(): Promise<string>;
  /** Applies a `git diff --binary` patch to the working tree (resuming from a checkpoint). */
  apply(diff: string): Promise<void>;
  /** Puts paths back as they are in `tree` (removing those it lacks). Paths are relative to the repository top. */
  restorePaths(tree: string, paths: readonly string[]): Promise<void>;
  /** Mode, size and (for symlinks) target of paths in a tree. */
  listTree(tree: string, paths: readonly string[]): Promise<Map<string, TreeEntry>>;
}

export interface TreeEntry {
  /** Git file mode: 100644, 100755, 120000 (symlink), 160000 (submodule). */
  readonly mode: string;
  readonly size: number;
  /** Symlink target. */
  readonly target?: string;
}
