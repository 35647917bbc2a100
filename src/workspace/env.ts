/**
 * Environment scrubbing for every child process (model commands, test
 * commands, git). An allowlist decides what may pass; a denylist of secret-ish
 * names (`isSecretName`, in the one secrets module) wins over the allowlist, so a token never
 * reaches a command the model controls even when its name looks harmless.
 */
import { isNeverPassed, isSecretName } from '../core/secrets.js';

/** Exact names passed through (compared case-insensitively: Windows names are case-insensitive). */
export const ALLOWED_NAMES: readonly string[] = [
  // Basics
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'NO_COLOR',
  // Windows basics
  'SystemRoot',
  'SystemDrive',
  'ComSpec',
  'PATHEXT',
  'windir',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'CommonProgramFiles',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
  'OS',
  // Runner description (no secrets)
  'RUNNER_OS',
  'RUNNER_ARCH',
  'RUNNER_TOOL_CACHE',
  'ImageOS',
  'ImageVersion',
  'AGENT_TOOLSDIRECTORY',
  // Toolchains
  'JAVA_HOME',
  'GOPATH',
  'GOROOT',
  'GOCACHE',
  'GOMODCACHE',
  'GOFLAGS',
  'GOTOOLCHAIN',
  'CARGO_HOME',
  'RUSTUP_HOME',
  'RUSTUP_TOOLCHAIN',
  'PYENV_ROOT',
  'VIRTUAL_ENV',
  'PYTHONPATH',
  'PYTHONUNBUFFERED',
  'PIP_CACHE_DIR',
  'NVM_DIR',
  'NODE_OPTIONS',
  'NODE_PATH',
  'npm_config_cache',
  'YARN_CACHE_FOLDER',
  'PNPM_HOME',
  'ANDROID_HOME',
  'ANDROID_SDK_ROOT',
  'ANDROID_NDK_HOME',
  'DOTNET_ROOT',
  'DOTNET_CLI_TELEMETRY_OPTOUT',
  'NUGET_PACKAGES',
  'GRADLE_USER_HOME',
  'MAVEN_OPTS',
  'M2_HOME',
  'CONDA',
  'GEM_HOME',
  'GEM_PATH',
  'BUNDLE_PATH',
  'DENO_DIR',
  'CHROME_BIN',
  'CHROMEWEBDRIVER',
  'PLAYWRIGHT_BROWSERS_PATH',
  'XDG_CACHE_HOME',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
];

/** Name prefixes passed through. */
export const ALLOWED_PREFIXES: readonly string[] = ['LC_', 'JAVA_HOME_', 'GOROOT_'];

/** Values always set for children: non-interactive, no colours fighting the digest. */
const FIXED: Readonly<Record<string, string>> = {
  CI: 'true',
  TERM: 'dumb',
  GIT_TERMINAL_PROMPT: '0',
};

/** `pass-env` / `pass-secrets`: the user's own additions to the allowlist. */
export interface PassEnv {
  /** Names or globs (`*`, `?`, case-insensitive); names that look like secrets are skipped. */
  readonly names: readonly string[];
  /** Exact names passed even though they look like secrets. */
  readonly secrets: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * Variables of `env` that `pass` adds: `passed` go to children, `skipped` matched a glob or name of
 * `pass-env` but look like secrets and are not in `pass-secrets` (worth a log line).
 */
export function passedVariables(
  env: NodeJS.ProcessEnv,
  pass: PassEnv,
): { passed: string[]; skipped: string[] } {
  const patterns = pass.names.map(globToRegExp);
  const secrets = new Set(pass.secrets.map((n) => n.toUpperCase()));
  const passed: string[] = [];
  const skipped: string[] = [];
  for (const name of Object.keys(env)) {
    if (env[name] === undefined || isNeverPassed(name)) continue;
    if (secrets.has(name.toUpperCase())) passed.push(name);
    else if (patterns.some((re) => re.test(name))) {
      if (isSecretName(name)) skipped.push(name);
      else passed.push(name);
    }
  }
  return { passed, skipped };
}

export interface ScrubOptions {
  /** Further names to pass through (still subject to the denylist). */
  readonly allow?: readonly string[];
  /** `pass-env` / `pass-secrets` (pass-secrets names bypass the denylist, INPUT_* and ACTIONS_* excepted). */
  readonly pass?: PassEnv;
  /** Values set verbatim after scrubbing (the caller's own choice, not filtered). */
  readonly set?: Readonly<Record<string, string>>;
}

const allowedLower = new Set(ALLOWED_NAMES.map((n) => n.toLowerCase()));

function isAllowedName(name: string, extraLower: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  if (allowedLower.has(lower) || extraLower.has(lower)) return true;
  const upper = name.toUpperCase();
  return ALLOWED_PREFIXES.some((p) => upper.startsWith(p));
}

/**
 * Returns the environment a child process gets: allowlisted names from `env`,
 * minus anything secret-looking, plus CI=true, TERM=dumb, GIT_TERMINAL_PROMPT=0,
 * plus `extra.set`.
 */
export function scrubEnv(env: NodeJS.ProcessEnv, extra?: ScrubOptions): Record<string, string> {
  const extraLower = new Set((extra?.allow ?? []).map((n) => n.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (!isAllowedName(name, extraLower) || isSecretName(name)) continue;
    out[name] = value;
  }
  if (extra?.pass) {
    for (const name of passedVariables(env, extra.pass).passed) out[name] = env[name]!;
  }
  Object.assign(out, FIXED);
  if (extra?.set) Object.assign(out, extra.set);
  return out;
}
