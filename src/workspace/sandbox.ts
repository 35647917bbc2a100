/**
 * The bubblewrap sandbox (Linux only).
 *
 * What a sandboxed command sees:
 * - the whole system read-only (`--ro-bind / /`), its own /proc (new PID
 *   namespace: no host process, and PID 1 is bwrap started with the scrubbed
 *   environment, so `/proc/1/environ` holds nothing secret), its own /dev,
 *   IPC and UTS namespaces, a new session (no TIOCSTI into our terminal);
 * - the workspace writable, its `.git` read-only;
 * - a fresh empty `/tmp`; the runner's temp folders (RUNNER_TEMP, the action's
 *   own temp dir, the report folder) hidden behind empty tmpfs; the toolchains on
 *   PATH, or named by path in the test command, that live there (a venv, an
 *   unpacked Node) readable as a whole;
 * - root-only system files (/etc/shadow, SSH host keys) hidden;
 * - credential stores in the home folder hidden (empty tmpfs for folders,
 *   /dev/null for files); the rest of the home readable; common toolchain
 *   caches (~/.npm, ~/.cache, ~/.cargo/registry, ~/go/pkg/mod, ~/.m2,
 *   ~/.gradle) writable;
 * - no capabilities and no new privileges: `--cap-drop ALL` for every user (bwrap
 *   started by root keeps all of them otherwise: mount, umount, mknod would work,
 *   see https://github.com/containers/bubblewrap/blob/main/bwrap.xml, --cap-drop),
 *   and PR_SET_NO_NEW_PRIVS (sudo and setuid binaries do not elevate);
 * - a process limit (`isolation` below says how it holds: RLIMIT_NPROC in a user
 *   namespace for an unprivileged user, a pids cgroup for root, for whom the
 *   kernel never enforces RLIMIT_NPROC; see setrlimit(2));
 * - container engine sockets (docker, podman, containerd) replaced by /dev/null,
 *   and the Actions runner's credential files and `_diag` logs hidden;
 * - the network is kept: test suites install packages and start local
 *   servers. The secrets that could be sent anywhere are kept out instead.
 * - with `--die-with-parent` and the PID namespace, every process the command
 *   started (daemons included) dies when the command ends or is killed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxMode } from '../config/types.js';
import { err, ok, type Result } from '../core/result.js';

export type { SandboxMode };

export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
  constructor(readonly reason: string) {
    super(`sandbox: bwrap was requested but bubblewrap cannot run here: ${reason}`);
  }
  static isSandboxUnavailableError(error: unknown): error is SandboxUnavailableError {
    return error instanceof Error && error.name === 'SandboxUnavailableError';
  }
}

export interface SandboxProbe {
  readonly mode: 'bwrap' | 'none';
  readonly reason: string;
  /** Absolute path of the bwrap binary when mode is 'bwrap'. */
  readonly bwrapPath?: string;
  /** Who the sandboxed command is and how its process count is limited (mode 'bwrap'). */
  readonly isolation?: Isolation;
}

/** Tasks (processes and threads) one sandboxed command may have at once. */
export const DEFAULT_MAX_PROCESSES = 4096;

/** How the process count of a sandboxed command is limited. */
export type ProcessLimit =
  /** RLIMIT_NPROC set inside the sandbox's user namespace by `prlimit` (counts that namespace only). */
  | { readonly kind: 'rlimit'; readonly prlimit: string }
  /** A pids cgroup per command, created under `parent` (root: RLIMIT_NPROC does not apply to uid 0). */
  | { readonly kind: 'cgroup'; readonly parent: string }
  | { readonly kind: 'none'; readonly reason: string };

export interface Isolation {
  /** bwrap arguments for the identity of the command: capabilities and user namespace. */
  readonly args: readonly string[];
  readonly limit: ProcessLimit;
  /** One line for the log: who the command is, which capabilities, which process limit. */
  readonly description: string;
}

/** Credential stores hidden from sandboxed commands, relative to the home folder. */
export const HIDDEN_HOME_ENTRIES: readonly string[] = [
  '.ssh',
  '.git-credentials',
  '.netrc',
  '.config/gh',
  '.config/git/credentials',
  '.docker',
  '.aws',
  '.azure',
  '.kube',
  '.npmrc',
  '.yarnrc.yml',
  '.pypirc',
  '.gnupg',
  '.gem/credentials',
  '.cargo/credentials',
  '.cargo/credentials.toml',
  '.m2/settings.xml',
  '.gradle/gradle.properties',
  '.config/hub',
];

/**
 * System files only root can read: hidden from every sandboxed command, since a command run by
 * root keeps uid 0 and so the owner's permission on them, capabilities or not.
 */
export function systemSecretPaths(): string[] {
  const paths = ['/etc/shadow', '/etc/shadow-', '/etc/gshadow', '/etc/gshadow-', '/etc/sudoers.d'];
  try {
    for (const name of fs.readdirSync('/etc/ssh')) {
      if (/^ssh_host_.*_key$/.test(name)) paths.push(path.join('/etc/ssh', name));
    }
  } catch {
    // no ssh server keys here
  }
  return paths;
}

/** Caches made writable (relative to the home folder) when they exist. */
export const WRITABLE_HOME_CACHES: readonly string[] = [
  '.npm',
  '.cache',
  '.cargo/registry',
  '.cargo/git',
  'go/pkg/mod',
  '.m2',
  '.gradle',
  '.yarn',
  '.pnpm-store',
  '.nuget/packages',
];

/**
 * Caches named by the child's environment, made writable when they exist: where the toolchain
 * keeps downloads outside the home folder (a Docker image's CARGO_HOME=/usr/local/cargo...).
 */
export function envCaches(env: Readonly<Record<string, string>>): string[] {
  const named = (name: string): string[] => (env[name] ? [env[name]] : []);
  return [
    ...named('CARGO_HOME').flatMap((home) => [path.join(home, 'registry'), path.join(home, 'git')]),
    ...named('GOMODCACHE'),
    ...named('GOCACHE'),
    ...named('GOPATH').map((gopath) =>
      path.join(gopath.split(path.delimiter)[0] ?? '', 'pkg', 'mod'),
    ),
    ...named('npm_config_cache'),
    ...named('PIP_CACHE_DIR'),
    ...named('YARN_CACHE_FOLDER'),
    ...named('XDG_CACHE_HOME'),
  ].filter((p) => path.isAbsolute(p));
}

/**
 * Creates the home caches a setup step fills (npm, pip and Go's build cache under ~/.cache,
 * cargo, Go modules) when their tool is on PATH, so that they can be bound writable: a missing
 * cache would otherwise sit in the read-only home.
 */
export function ensureHomeCaches(home: string, envPath: string): void {
  const wanted: [string, string][] = [
    ['.cache', ''],
    ['.npm', 'npm'],
    ['.cargo/registry', 'cargo'],
    ['.cargo/git', 'cargo'],
    ['go/pkg/mod', 'go'],
  ];
  for (const [dir, tool] of wanted) {
    if (tool !== '' && !which(tool, envPath)) continue;
    try {
      fs.mkdirSync(path.join(home, dir), { recursive: true });
    } catch {
      // a read-only home: the tool will say so
    }
  }
}

/**
 * The first path named in a failing test log (or, when the log says something could not be
 * found or imported, named by the environment's toolchain variables) that exists here but is
 * hidden in the sandbox. `hiddenIn` says what hides a path. A path inside `workspace` never counts.
 */
export function findHiddenPath(
  log: string,
  env: Readonly<Record<string, string>>,
  workspace: string,
  hiddenIn: (p: string) => string | undefined,
): { path: string; hiddenBy: string } | undefined {
  const named = [...log.matchAll(/(?:^|[\s'"`(=:,[])(\/[\w.@+~-]+(?:\/[\w.@+~-]+)*)/gm)].map(
    (m) => m[1]!,
  );
  const couldNotRun =
    /ModuleNotFoundError|ImportError|Cannot find module|command not found|: not found|No such file or directory|ENOENT|cannot open shared object/.test(
      log,
    );
  const fromEnv = couldNotRun
    ? ['VIRTUAL_ENV', 'PYTHONPATH', 'NODE_PATH', 'PATH', 'JAVA_HOME', 'GOROOT']
        .flatMap((name) => (env[name] ?? '').split(path.delimiter))
        .filter((p) => path.isAbsolute(p))
    : [];
  for (const candidate of [...named, ...fromEnv]) {
    const p = path.resolve(candidate.replace(/[.,:;]+$/, ''));
    if (under(workspace, p) || !fs.existsSync(p)) continue;
    const hider = hiddenIn(p);
    if (hider) return { path: p, hiddenBy: hider };
  }
  return undefined;
}

/**
 * One line for a test run that failed in the sandbox because the sandbox hides a path it needs
 * (a venv or toolchain outside the workspace, a fixture under /tmp); undefined when nothing
 * hidden is to blame. Reads the head and tail of the log.
 */
export function sandboxHint(
  logPath: string,
  env: Readonly<Record<string, string>>,
  workspace: string,
  runner: { hiddenPath?(p: string, env: Readonly<Record<string, string>>): string | undefined },
): string | undefined {
  if (!runner.hiddenPath) return undefined;
  let log: string;
  try {
    const fd = fs.openSync(logPath, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const window = 256 * 1024;
      const read = (at: number, length: number): string => {
        const buffer = Buffer.alloc(length);
        return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, at)).toString('utf8');
      };
      log =
        size <= 2 * window ? read(0, size) : `${read(0, window)}\n${read(size - window, window)}`;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const found = findHiddenPath(log, env, workspace, (p) => runner.hiddenPath?.(p, env));
  if (!found) return undefined;
  const where = found.hiddenBy === found.path ? 'hidden' : `hidden behind ${found.hiddenBy}`;
  return `the tests fail inside the sandbox, where ${found.path} is ${where}: put it inside the workspace or the home folder, or set sandbox: none`;
}

interface ExecOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function tryExec(file: string, args: readonly string[], timeoutMs = 120_000): Promise<ExecOutcome> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code =
        error === null ? 0 : typeof error.code === 'number' ? error.code : error.code ? 127 : 1;
      resolve({ code, stdout, stderr: stderr || (error?.message ?? '') });
    });
  });
}

/** Finds an executable on PATH (POSIX). */
export function which(name: string, envPath = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const USERNS_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';

function canSudo(): Promise<boolean> {
  if (process.getuid?.() === 0) return Promise.resolve(true);
  if (!which('sudo')) return Promise.resolve(false);
  return tryExec('sudo', ['-n', 'true'], 10_000).then((r) => r.code === 0);
}

function asRoot(args: readonly string[]): [string, string[]] {
  const [cmd, ...rest] = args;
  if (process.getuid?.() === 0) return [cmd ?? 'true', rest];
  return ['sudo', ['-n', ...args]];
}

async function tryInstallBwrap(log: (line: string) => void): Promise<string | undefined> {
  if (!which('apt-get') || !(await canSudo())) return undefined;
  log('sandbox: bubblewrap not found; installing it with apt-get');
  const install = asRoot(['apt-get', 'install', '-y', '-qq', 'bubblewrap']);
  let outcome = await tryExec(install[0], install[1], 300_000);
  if (outcome.code !== 0) {
    const update = asRoot(['apt-get', 'update', '-qq']);
    await tryExec(update[0], update[1], 300_000);
    outcome = await tryExec(install[0], install[1], 300_000);
  }
  if (outcome.code !== 0) {
    log(`sandbox: installing bubblewrap failed: ${outcome.stderr.trim().split('\n').pop() ?? ''}`);
  }
  return which('bwrap');
}

/** New PID/IPC/UTS namespaces, the system read-only, fresh /proc and /dev: the base of every sandbox. */
const NAMESPACE_ARGS = [
  '--die-with-parent',
  '--new-session',
  '--unshare-pid',
  '--unshare-ipc',
  '--unshare-uts',
  '--ro-bind',
  '/',
  '/',
  '--proc',
  '/proc',
  '--dev',
  '/dev',
] as const;

/** Folders searched for helper binaries run inside the sandbox (never the workspace or a cache). */
const SYSTEM_PATH = '/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/bin';

/**
 * The identity arguments for a caller with this uid. Every user: `--cap-drop ALL`.
 * An unprivileged user: a user namespace of its own (so RLIMIT_NPROC set inside
 * counts that namespace's processes only). Root keeps uid 0 without capabilities:
 * a user namespace mapping root to root would not bring RLIMIT_NPROC back (the
 * kernel exempts the root user whatever the namespace), and mapping it to another
 * uid would make the workspace read-only.
 */
export function isolationArgs(uid: number): string[] {
  return uid === 0 ? ['--cap-drop', 'ALL'] : ['--unshare-user', '--cap-drop', 'ALL'];
}

function mountsOf(fstype: string): { mount: string; options: string[] }[] {
  try {
    return fs
      .readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((f) => f[2] === fstype && f[1] !== undefined)
      .map((f) => ({ mount: f[1]!, options: (f[3] ?? '').split(',') }));
  } catch {
    return [];
  }
}

/**
 * Folders where a pids cgroup can be made for each command: the pids hierarchy of
 * cgroup v1, or a cgroup v2 folder whose subtree has the pids controller; first
 * below our own cgroup, then at the mount's root.
 */
function pidsCgroupCandidates(): string[] {
  let own: string[];
  try {
    own = fs.readFileSync('/proc/self/cgroup', 'utf8').split('\n');
  } catch {
    return [];
  }
  const candidates: string[] = [];
  for (const { mount, options } of mountsOf('cgroup')) {
    if (!options.includes('pids')) continue;
    const line = own.find((l) => l.split(':')[1]?.split(',').includes('pids'));
    const rel = line?.split(':').slice(2).join(':') ?? '/';
    candidates.push(path.join(mount, rel), mount);
  }
  for (const { mount } of mountsOf('cgroup2')) {
    const rel = own.find((l) => l.startsWith('0::'))?.slice(3) ?? '/';
    for (const dir of [path.join(mount, rel), mount]) {
      try {
        const subtree = fs.readFileSync(path.join(dir, 'cgroup.subtree_control'), 'utf8');
        if (subtree.split(/\s+/).includes('pids')) candidates.push(dir);
      } catch {
        // not readable: not a candidate
      }
    }
  }
  return [...new Set(candidates)];
}

let cgroupSeq = 0;

/** A pids cgroup for one command; `remove()` kills what is left in it and deletes it. */
export interface PidsCgroup {
  /** The file a process writes its pid to, to move itself into the cgroup. */
  readonly procs: string;
  remove(): Promise<void>;
}

export function createPidsCgroup(parent: string, maxProcesses: number): PidsCgroup {
  const dir = path.join(parent, `greenloop-${process.pid}-${++cgroupSeq}`);
  fs.mkdirSync(dir);
  try {
    fs.writeFileSync(path.join(dir, 'pids.max'), String(maxProcesses));
  } catch (error) {
    fs.rmdirSync(dir);
    throw error;
  }
  const procs = path.join(dir, 'cgroup.procs');
  return {
    procs,
    async remove() {
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          fs.rmdirSync(dir);
          return;
        } catch {
          // Still busy: kill what is left (the PID namespace usually took it already).
        }
        try {
          for (const pid of fs.readFileSync(procs, 'utf8').split('\n').filter(Boolean)) {
            try {
              process.kill(Number(pid), 'SIGKILL');
            } catch {
              // gone
            }
          }
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

function probePidsCgroup(): string | undefined {
  for (const parent of pidsCgroupCandidates()) {
    try {
      const cgroup = createPidsCgroup(parent, 16);
      fs.rmdirSync(path.dirname(cgroup.procs));
      return parent;
    } catch {
      // not writable here
    }
  }
  return undefined;
}

/** The isolation bubblewrap gives a caller with this uid (probes the pids cgroup for root). */
export function isolationFor(uid: number): Isolation {
  const args = isolationArgs(uid);
  if (uid === 0) {
    const parent = probePidsCgroup();
    const limit: ProcessLimit = parent
      ? { kind: 'cgroup', parent }
      : {
          kind: 'none',
          reason:
            'running as root, where RLIMIT_NPROC does not apply, and no writable pids cgroup was found',
        };
    return {
      args,
      limit,
      description: `as root: all capabilities dropped; ${describeLimit(limit)}`,
    };
  }
  const prlimit = which('prlimit', SYSTEM_PATH);
  const limit: ProcessLimit = prlimit
    ? { kind: 'rlimit', prlimit }
    : { kind: 'none', reason: 'prlimit (util-linux) not found' };
  return {
    args,
    limit,
    description: `as uid ${uid} in a user namespace: no capabilities; ${describeLimit(limit)}`,
  };
}

function describeLimit(limit: ProcessLimit): string {
  switch (limit.kind) {
    case 'rlimit':
      return 'process limit: RLIMIT_NPROC inside the user namespace';
    case 'cgroup':
      return `process limit: a pids cgroup under ${limit.parent}`;
    case 'none':
      return `NO process limit (${limit.reason})`;
  }
}

/**
 * The argv that runs `command` in bubblewrap with `bwrap` arguments, the
 * isolation and the process limit. For a cgroup limit, `cgroup` is the one made
 * for this command: a shell moves itself into it, then becomes bwrap.
 */
export function sandboxArgv(
  bwrap: string,
  isolation: Isolation,
  args: readonly string[],
  command: readonly string[],
  maxProcesses: number,
  cgroup?: PidsCgroup,
): string[] {
  const inner =
    isolation.limit.kind === 'rlimit'
      ? [isolation.limit.prlimit, `--nproc=${maxProcesses}:${maxProcesses}`, '--', ...command]
      : [...command];
  const argv = [bwrap, ...isolation.args, ...args, '--', ...inner];
  if (!cgroup) return argv;
  return ['/bin/sh', '-c', 'echo $$ > "$0" && exec "$@"', cgroup.procs, ...argv];
}

async function bwrapWorks(bwrap: string, isolation: Isolation): Promise<ExecOutcome> {
  const argv = sandboxArgv(bwrap, isolation, NAMESPACE_ARGS, ['true'], DEFAULT_MAX_PROCESSES);
  return tryExec(argv[0]!, argv.slice(1), 30_000);
}

/** A working bubblewrap, or why it does not work here. */
async function probeUncached(
  log: (line: string) => void,
  onRunner: boolean,
): Promise<Result<SandboxProbe>> {
  const bwrap = which('bwrap') ?? (onRunner ? await tryInstallBwrap(log) : undefined);
  if (!bwrap) {
    return err(
      onRunner
        ? 'bubblewrap (bwrap) is not installed and could not be installed'
        : 'bubblewrap (bwrap) is not installed (Debian, Ubuntu: sudo apt-get install bubblewrap)',
    );
  }
  const isolation = isolationFor(process.getuid?.() ?? 0);
  const works = (): Result<SandboxProbe> =>
    ok({
      mode: 'bwrap',
      reason: `bubblewrap at ${bwrap}; ${isolation.description}`,
      bwrapPath: bwrap,
      isolation,
    });
  let outcome = await bwrapWorks(bwrap, isolation);
  if (outcome.code === 0) return works();
  let restricted = false;
  try {
    restricted = fs.readFileSync(USERNS_SYSCTL, 'utf8').trim() === '1';
  } catch {
    // no such sysctl
  }
  if (restricted && onRunner && (await canSudo())) {
    log('sandbox: lifting kernel.apparmor_restrict_unprivileged_userns so bubblewrap can run');
    const [cmd, args] = asRoot(['sysctl', '-w', 'kernel.apparmor_restrict_unprivileged_userns=0']);
    await tryExec(cmd, args, 10_000);
    outcome = await bwrapWorks(bwrap, isolation);
    if (outcome.code === 0) return works();
  }
  const detail = outcome.stderr.trim().split('\n').pop() ?? `exit code ${outcome.code}`;
  return err(
    restricted
      ? `bwrap cannot create user namespaces (kernel.apparmor_restrict_unprivileged_userns=1): ${detail}`
      : `bwrap does not work here: ${detail}`,
  );
}

const cachedProbes = new Map<boolean, Promise<Result<SandboxProbe>>>();

/**
 * Decides whether commands run in bubblewrap. Probes once per process. `auto` falls back to no
 * sandbox with a loud reason; `bwrap` throws SandboxUnavailableError when it cannot run.
 * `onRunner` (a GitHub Actions runner, a machine made for the job): a missing bubblewrap is
 * installed with apt-get and Ubuntu 24.04's user-namespace restriction lifted, with root or
 * passwordless sudo. Anywhere else (the CLI or `npm run demo` on someone's laptop or container)
 * greenloop never installs packages or changes a kernel setting: the reason says what to do.
 */
export async function probeSandbox(
  mode: SandboxMode,
  log: (line: string) => void = () => undefined,
  options: { readonly onRunner?: boolean } = {},
): Promise<SandboxProbe> {
  if (mode === 'none') return { mode: 'none', reason: 'disabled by configuration (sandbox: none)' };
  if (process.platform !== 'linux') {
    const reason = 'bubblewrap sandbox is Linux-only';
    if (mode === 'bwrap') throw new SandboxUnavailableError(reason);
    return { mode: 'none', reason };
  }
  const onRunner = options.onRunner ?? false;
  let cached = cachedProbes.get(onRunner);
  if (!cached) cachedProbes.set(onRunner, (cached = probeUncached(log, onRunner)));
  const probe = await cached;
  if (probe.ok) return probe.value;
  if (mode === 'bwrap') throw new SandboxUnavailableError(probe.error);
  // The session's `Sandbox: none` warning carries it (said once).
  const reason = `NOT SANDBOXED: ${probe.error}; model commands run with this user's full file access`;
  return { mode: 'none', reason };
}

export interface BwrapOptions {
  readonly workspace: string;
  /** Working folder of the command (inside the workspace). */
  readonly cwd: string;
  /** Home folders whose credential stores are hidden (process home, the child's HOME). */
  readonly homes: readonly string[];
  /**
   * Folders hidden behind empty tmpfs (RUNNER_TEMP, the action's temp dir, the CLI's output
   * folder). Those inside the workspace are hidden after the workspace is bound.
   */
  readonly hiddenDirs: readonly string[];
  /** Files or folders hidden last (after the workspace), e.g. the runner's credential files. */
  readonly hiddenPaths?: readonly string[];
  /** The child's PATH folders: the toolchains they belong to stay readable (see toolchainRoots). */
  readonly pathDirs?: readonly string[];
  /** More writable caches (named by the child's environment: GOMODCACHE, CARGO_HOME/registry...). */
  readonly writableDirs?: readonly string[];
}

function exists(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function under(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `key = value` lines of a venv's pyvenv.cfg, or undefined when there is none. */
function readPyvenvCfg(file: string): Map<string, string> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([\w-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) map.set(m[1]!.toLowerCase(), m[2]!);
  }
  return map;
}

/**
 * The folders PATH entries belong to, to expose whole (read-only) when they would be hidden:
 * a virtualenv (its `pyvenv.cfg` sits above `bin/`; its `lib/` holds the packages) and the
 * Python it was made from (`home` in pyvenv.cfg names that Python's `bin/`), the package whose
 * `node_modules/.bin` is on PATH, and the prefix of any other `bin/` (an unpacked Node keeps npm
 * in `../lib`). Symlinked entries count under both names.
 */
export function toolchainRoots(pathDirs: readonly string[]): string[] {
  const roots: string[] = [];
  const prefixOf = (bin: string): string =>
    path.basename(bin) === 'bin' ? path.dirname(bin) : bin;
  for (const entry of pathDirs) {
    if (!path.isAbsolute(entry) || !exists(entry)?.isDirectory()) continue;
    let real = entry;
    try {
      real = fs.realpathSync(entry);
    } catch {
      // keep the name as given
    }
    for (const dir of new Set([entry, real])) {
      const parent = path.dirname(dir);
      const cfg = readPyvenvCfg(path.join(parent, 'pyvenv.cfg'));
      if (cfg) {
        roots.push(parent);
        const home = cfg.get('home');
        if (home && path.isAbsolute(home)) roots.push(prefixOf(home));
        const executable = cfg.get('executable') ?? cfg.get('base-executable');
        if (executable && path.isAbsolute(executable))
          roots.push(prefixOf(path.dirname(executable)));
      } else if (path.basename(dir) === '.bin' && path.basename(parent) === 'node_modules') {
        roots.push(path.dirname(parent));
      } else {
        roots.push(prefixOf(dir));
      }
    }
  }
  return [...new Set(roots)].filter((r) => r !== '/' && exists(r)?.isDirectory());
}

/**
 * The folders of the executables a (trusted) command names by path, such as the test command
 * `/tmp/ci/venv/bin/pytest -q` or `../venv/bin/python -m pytest`: toolchains named there stay
 * readable as those on PATH do (pass them with the PATH folders to toolchainRoots). Relative
 * paths are resolved from `cwd`; only words naming an existing executable file count.
 */
export function commandToolchainDirs(command: string, cwd: string): string[] {
  const dirs: string[] = [];
  for (const match of command.matchAll(
    /(?:^|[\s;&|(='"])((?:\.{0,2}\/|[\w.@+~-]+\/)[\w.@+~/-]*)/g,
  )) {
    const file = path.resolve(cwd, match[1]!);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) dirs.push(path.dirname(file));
    } catch {
      // not an executable file
    }
  }
  return [...new Set(dirs)];
}

/**
 * The mount that hides `p` in a sandbox made with `args` (the output of bwrapArgs): a tmpfs over
 * one of its parents or /dev/null bound over it. undefined when `p` is visible there. Later mounts
 * win, as in bwrap.
 */
export function hiddenBy(args: readonly string[], p: string): string | undefined {
  let hider: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--ro-bind' || flag === '--bind') {
      const source = args[i + 1] ?? '';
      const target = args[i + 2] ?? '';
      i += 2;
      if (under(target, p)) hider = source === '/dev/null' ? target : undefined;
    } else if (flag === '--tmpfs') {
      const target = args[i + 1] ?? '';
      i += 1;
      if (under(target, p)) hider = target === p ? undefined : target;
    } else if (flag === '--proc' || flag === '--dev' || flag === '--chdir') {
      i += 1;
    }
  }
  return hider;
}

/** The bwrap arguments (before `--` and the command) for one command. Order matters: later mounts win. */
export function bwrapArgs(options: BwrapOptions): string[] {
  const args = [...NAMESPACE_ARGS, '--tmpfs', '/tmp'];
  const tmp = '/tmp';
  const workspace = options.workspace;
  const homes = [...new Set(options.homes.filter((h) => path.isAbsolute(h) && exists(h)))];
  // Homes living under /tmp (tests, odd runners) stay readable.
  for (const home of homes) {
    if (under(tmp, home) && home !== tmp) args.push('--ro-bind', home, home);
  }
  const hiddenDirs = options.hiddenDirs.filter(
    (dir) => path.isAbsolute(dir) && exists(dir)?.isDirectory(),
  );
  for (const dir of hiddenDirs) if (!under(workspace, dir)) args.push('--tmpfs', dir);
  const lastHidden = [
    ...hiddenDirs.filter((dir) => under(workspace, dir)),
    ...homes.flatMap((home) => HIDDEN_HOME_ENTRIES.map((entry) => path.join(home, entry))),
    ...(options.hiddenPaths ?? []),
  ];
  // Toolchains on PATH that the mounts so far hide (under /tmp or RUNNER_TEMP) stay readable as a
  // whole, unless that would show a hidden folder again.
  const pathDirs = (options.pathDirs ?? []).filter((d) => path.isAbsolute(d) && exists(d));
  for (const root of [...toolchainRoots(pathDirs), ...pathDirs]) {
    if (root === '/' || hiddenBy(args, root) === undefined) continue;
    if ([...hiddenDirs, ...lastHidden, workspace].some((h) => under(root, h))) continue;
    args.push('--ro-bind', root, root);
  }
  const caches = [
    ...homes.flatMap((home) => WRITABLE_HOME_CACHES.map((cache) => path.join(home, cache))),
    ...(options.writableDirs ?? []).filter(
      (dir) =>
        path.isAbsolute(dir) &&
        path.dirname(dir) !== dir &&
        ![...homes, workspace, ...hiddenDirs, ...lastHidden].some((h) => under(dir, h)),
    ),
  ];
  for (const cache of new Set(caches)) {
    if (exists(cache)?.isDirectory()) args.push('--bind', cache, cache);
  }
  args.push('--bind', workspace, workspace);
  const dotGit = path.join(workspace, '.git');
  if (exists(dotGit)) args.push('--ro-bind', dotGit, dotGit);
  for (const p of lastHidden) {
    const stat = exists(p);
    if (!stat) continue;
    if (stat.isDirectory()) args.push('--tmpfs', p);
    else args.push('--ro-bind', '/dev/null', p);
  }
  // A container engine socket is root on the host in all but name.
  const sockets = new Set<string>();
  for (const candidate of CONTAINER_SOCKETS) {
    try {
      sockets.add(fs.realpathSync(candidate));
    } catch {
      // not present
    }
  }
  for (const socket of sockets) args.push('--ro-bind', '/dev/null', socket);
  args.push('--chdir', options.cwd);
  return args;
}

const CONTAINER_SOCKETS: readonly string[] = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/run/podman/podman.sock',
  '/run/containerd/containerd.sock',
];

/** Entries of the runner's install folder that hold credentials or logs. */
const RUNNER_SECRET_ENTRIES: readonly string[] = [
  '.credentials',
  '.credentials_rsaparams',
  '.runner',
  '.env',
  '.path',
  '.setup_info',
  '_diag',
];

/** Credential files and logs of the GitHub Actions runner this process runs under. */
export function runnerSecretPaths(): string[] {
  return runnerInstallDirs().flatMap((dir) => RUNNER_SECRET_ENTRIES.map((e) => path.join(dir, e)));
}

/**
 * Install folders of the GitHub Actions runner this process runs under (not
 * hidden whole: self-hosted runners keep `_work` and the tool cache inside):
 * found by walking the parent processes up to `Runner.Worker` /
 * `Runner.Listener`. Linux only; empty when not under a runner.
 */
export function runnerInstallDirs(): string[] {
  const dirs = new Set<string>();
  let pid = process.ppid;
  for (let depth = 0; depth < 16 && pid > 1; depth++) {
    try {
      const exe = fs.readlinkSync(`/proc/${pid}/exe`);
      const name = path.basename(exe);
      if (name === 'Runner.Worker' || name === 'Runner.Listener') {
        dirs.add(path.dirname(path.dirname(exe)));
      }
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      pid = Number(fields[1]);
    } catch {
      break;
    }
  }
  return [...dirs];
}

/** Home folders to protect for a child environment. */
export function homesFor(env: Readonly<Record<string, string>>): string[] {
  const homes = [os.homedir()];
  if (env['HOME']) homes.push(env['HOME']);
  return homes;
}
