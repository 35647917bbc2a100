/**
 * The one owner of every `git` call. Each call runs with hooks pointed at an
 * empty folder, fsmonitor off, and an environment without credentials, so
 * nothing in the repository (hooks, fsmonitor commands) runs as a side effect.
 *
 * Snapshots never touch the real index or HEAD: they use a temporary index
 * (`GIT_INDEX_FILE`), seeded from the real index (or HEAD), then `add -A` and
 * `write-tree`. Git works on the whole repository even when the root is a
 * subfolder of it; paths in diffs are relative to the repository top.
 */
import { getExecOutput } from '@actions/exec';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scrubEnv } from './env.js';
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

export interface GitOptions {
  readonly log?: (line: string) => void;
}

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
}

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

export function createGit(root: string, options: GitOptions = {}): Git {
  return new GitRepo(path.resolve(root), options);
}

class GitRepo implements Git {
  private scratch: string | undefined;
  private top: string | undefined;
  private readonly env: Record<string, string>;

  constructor(
    private readonly root: string,
    private readonly options: GitOptions,
  ) {
    this.env = scrubEnv(process.env, {
      set: { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
  }

  /** Private temp folder: empty `hooks/` for core.hooksPath, temporary index files. */
  private scratchDir(): string {
    if (!this.scratch) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenloop-git-'));
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
      ...args,
    ];
    const env = opts.indexFile ? { ...this.env, GIT_INDEX_FILE: opts.indexFile } : this.env;
    const result = await getExecOutput('git', full, {
      cwd: opts.cwd ?? this.top ?? this.root,
      env,
      silent: true,
      ignoreReturnCode: true,
      ...(opts.input ? { input: opts.input } : {}),
    });
    if (result.exitCode !== 0 && !opts.allowFail) {
      throw new GitError(args, result.exitCode, result.stderr);
    }
    return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  }

  private async toplevel(): Promise<string> {
    if (!this.top) {
      const out = await this.call(['rev-parse', '--show-toplevel'], { cwd: this.root });
      this.top = path.resolve(out.stdout.trim());
    }
    return this.top;
  }

  private readonly paths = new Map<string, string>();

  /** `git rev-parse --git-path <name>` as an absolute path (cached: it does not change). */
  private async gitPath(name: string): Promise<string> {
    const known = this.paths.get(name);
    if (known) return known;
    const top = await this.toplevel();
    const out = await this.call(['rev-parse', '--git-path', name]);
    const resolved = path.resolve(top, out.stdout.trim());
    this.paths.set(name, resolved);
    return resolved;
  }

  private tempIndex(): string {
    return path.join(this.scratchDir(), `index-${crypto.randomBytes(6).toString('hex')}`);
  }

  async tryHead(): Promise<string | undefined> {
    await this.toplevel();
    const out = await this.call(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], {
      allowFail: true,
    });
    return out.code === 0 ? out.stdout.trim() : undefined;
  }

  async tryCheckoutCommit(sha: string): Promise<boolean> {
    if (!/^[0-9a-f]{40}$/.test(sha)) return false;
    await this.toplevel();
    const present = async (): Promise<boolean> =>
      (await this.call(['cat-file', '-e', `${sha}^{commit}`], { allowFail: true })).code === 0;
    if (!(await present())) {
      await this.call(['fetch', '-q', '--no-tags', '--depth=1', 'origin', sha], {
        allowFail: true,
      });
      if (!(await present())) return false;
    }
    return (await this.call(['checkout', '-q', '--detach', sha], { allowFail: true })).code === 0;
  }

  async snapshot(): Promise<string> {
    const index = this.tempIndex();
    try {
      const real = await this.gitPath('index');
      if (fs.existsSync(real)) {
        // Seeding from the real index keeps its stat cache: `add -A` stays fast.
        fs.copyFileSync(real, index);
      } else if (await this.tryHead()) {
        await this.call(['read-tree', 'HEAD'], { indexFile: index });
      }
      await this.call(['add', '-A', '--', '.'], { indexFile: index, cwd: await this.toplevel() });
      const out = await this.call(['write-tree'], { indexFile: index });
      return out.stdout.trim();
    } finally {
      fs.rmSync(index, { force: true });
    }
  }

  async restore(tree: string): Promise<void> {
    const top = await this.toplevel();
    const current = await this.snapshot();
    if (current === tree) return;
    const removed = await this.changedPaths(current, tree, 'D');
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
    if (changed.length === 0) return;
    const index = this.tempIndex();
    try {
      await this.call(['read-tree', tree], { indexFile: index });
      const input = Buffer.from(changed.map((p) => `${p}\0`).join(''), 'utf8');
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
      fromTree,
      toTree,
    ]);
    return out.stdout;
  }

  async diffStat(fromTree: string, toTree: string): Promise<FileChange[]> {
    const numstat = await this.call(['diff', '--numstat', '-z', '-M', fromTree, toTree]);
    const names = await this.call(['diff', '--name-status', '-z', '-M', fromTree, toTree]);
    const statusByPath = new Map<string, FileChange['status']>();
    const fields = names.stdout.split('\0');
    for (let i = 0; i < fields.length;) {
      const code = fields[i] ?? '';
      if (code === '') break;
      if (code.startsWith('R') || code.startsWith('C')) {
        const dst = fields[i + 2] ?? '';
        statusByPath.set(dst, code.startsWith('R') ? 'renamed' : 'added');
        i += 3;
      } else {
        const file = fields[i + 1] ?? '';
        statusByPath.set(file, code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified');
        i += 2;
      }
    }
    const changes: FileChange[] = [];
    const parts = numstat.stdout.split('\0');
    for (let i = 0; i < parts.length;) {
      const head = parts[i] ?? '';
      if (head === '') break;
      const [a = '', r = '', inline = ''] = head.split('\t');
      let file = inline;
      i += 1;
      if (inline === '') {
        // rename: "added\tremoved\t\0src\0dst\0"
        file = parts[i + 1] ?? '';
        i += 2;
      }
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
    await this.call(['apply', '--binary', '--whitespace=nowarn', '-'], {
      cwd: await this.toplevel(),
      input: Buffer.from(diff, 'utf8'),
    });
  }

  async restorePaths(tree: string, paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    const top = await this.toplevel();
    const present = await this.listTree(tree, paths);
    for (const rel of paths) {
      if (present.has(rel)) continue;
      const abs = path.join(top, rel);
      fs.rmSync(abs, { force: true, recursive: true });
      removeEmptyParents(path.dirname(abs), top);
    }
    const restore = paths.filter((rel) => present.has(rel));
    if (restore.length === 0) return;
    const index = this.tempIndex();
    try {
      await this.call(['read-tree', tree], { indexFile: index });
      const input = Buffer.from(restore.map((p) => `${p}\0`).join(''), 'utf8');
      await this.call(['checkout-index', '-f', '-z', '--stdin'], { indexFile: index, input });
    } finally {
      fs.rmSync(index, { force: true });
    }
  }

  async listTree(tree: string, paths: readonly string[]): Promise<Map<string, TreeEntry>> {
    const entries = new Map<string, TreeEntry>();
    if (paths.length === 0) return entries;
    const out = await this.call(['ls-tree', '-z', '-l', '--full-tree', tree, '--', ...paths]);
    for (const record of out.stdout.split('\0')) {
      const match = /^(\d+) (\w+) ([0-9a-f]+)\s+(-|\d+)\t(.*)$/s.exec(record);
      if (!match) continue;
      const [, mode = '', , object = '', size = '', file = ''] = match;
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
    const probe = await this.call(['rev-parse', '--show-toplevel'], {
      cwd: this.root,
      allowFail: true,
    });
    if (probe.code !== 0) {
      this.options.log?.(`git: ${this.root} is not a git repository; running git init`);
      await this.call(['init', '-q'], { cwd: this.root });
      // No .gitignore may exist yet: keep dependency and cache folders out of snapshots.
      const exclude = path.join(this.root, '.git', 'info', 'exclude');
      fs.mkdirSync(path.dirname(exclude), { recursive: true });
      fs.appendFileSync(exclude, `${INIT_EXCLUDES.join('\n')}\n`);
    }
    return this.snapshot();
  }

  /** The repo config and every file it includes, recursively (existing files only). */
  private async configFiles(): Promise<string[]> {
    const start = await this.gitPath('config');
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift() ?? '';
      if (seen.has(file) || !fs.existsSync(file)) continue;
      seen.add(file);
      const out = await this.call(
        ['config', '--file', file, '--null', '--get-regexp', INCLUDE_KEY],
        {
          allowFail: true,
        },
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
    const removed: string[] = [];
    for (const file of await this.configFiles()) {
      const out = await this.call(
        ['config', '--file', file, '--null', '--name-only', '--get-regexp', EXTRAHEADER_KEY],
        { allowFail: true },
      );
      const keys = [...new Set(out.stdout.split('\0').filter((k) => k !== ''))];
      for (const key of keys) {
        await this.call(['config', '--file', file, '--unset-all', key], { allowFail: true });
        removed.push(`${file}: ${key}`);
      }
    }
    if (removed.length > 0) {
      this.options.log?.(`git: removed ${removed.length} persisted credential header(s)`);
    }
    return removed;
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
