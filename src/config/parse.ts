/**
 * Raw inputs (from the action or the CLI) → one validated, frozen RunConfig.
 * Every bad value gets one line naming the input, the value and what is
 * allowed; all problems are reported together.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import type {
  ApiKind,
  CompactionMode,
  OutputKind,
  PriceOverride,
  ReasoningEffort,
  RunConfig,
  RunMode,
  SandboxMode,
  ToolStyle,
} from './types.js';
import { SECRET_CONFIG_FIELDS } from './types.js';
import { INPUTS, type InputName, type RawInputs } from './inputs.js';
import { err, ok, type Result } from '../core/result.js';
import { isNeverPassed, isSecretName, redactFields } from '../core/secrets.js';

/** The frozen config, or one error line per bad input. */
export type ConfigResult = Result<RunConfig, readonly string[]>;

/** Where relative paths and fallbacks come from. */
export interface ConfigEnvironment {
  /** Folder the run starts in (GITHUB_WORKSPACE for the action, the repo root for the CLI). */
  readonly baseDir: string;
  /** Environment for OPENAI_API_KEY / OPENAI_BASE_URL fallbacks. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

const DEFAULTS: Readonly<Record<InputName, string>> = Object.fromEntries(
  INPUTS.map((input) => [input.name, input.default]),
) as Record<InputName, string>;

/** Inputs declared in action.yml whose behaviour is not built yet: setting them fails clearly. */
const NOT_SUPPORTED_YET: readonly InputName[] = [];

class Reader {
  readonly errors: string[] = [];
  constructor(private readonly raw: RawInputs) {}

  text(name: InputName): string {
    const value = this.raw[name];
    if (value === undefined || value.trim() === '')
      return DEFAULTS[name].startsWith('${{') ? '' : DEFAULTS[name];
    return value.trim();
  }

  /** The value exactly as given, for error messages. */
  given(name: InputName): string {
    return this.raw[name] ?? '';
  }

  fail(name: InputName, allowed: string): void {
    this.errors.push(`Input '${name}' must be ${allowed}, got '${oneLine(this.given(name))}'.`);
  }

  integer(name: InputName, min: number, max: number): number {
    const text = this.text(name);
    const value = /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.fail(name, `an integer from ${min} to ${max}`);
      return min;
    }
    return value;
  }

  number(name: InputName, min: number, max: number): number {
    const text = this.text(name);
    const value = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || value < min || value > max) {
      this.fail(name, `a number from ${min} to ${max}`);
      return min;
    }
    return value;
  }

  /**
   * The spellings @actions/core's getBooleanInput accepts (the YAML 1.2 core schema's): `true`,
   * `True`, `TRUE` and the same of `false`. `yes`, `on` or `1` are refused, as the action's own
   * runtime would refuse them.
   */
  boolean(name: InputName): boolean {
    const text = this.text(name);
    if (['true', 'True', 'TRUE'].includes(text)) return true;
    if (['false', 'False', 'FALSE'].includes(text)) return false;
    this.fail(name, "'true' or 'false'");
    return false;
  }

  choice<T extends string>(name: InputName, allowed: readonly T[]): T {
    const text = this.text(name).toLowerCase();
    if ((allowed as readonly string[]).includes(text)) return text as T;
    this.fail(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
    return allowed[0] as T;
  }

  list(name: InputName): string[] {
    return splitList(this.text(name));
  }
}

/**
 * `pass-env`: variable names or globs (`*`, `?`); an exact name that looks like a secret must be
 * listed in `pass-secrets` too. `pass-secrets`: exact names; greenloop's own inputs and the
 * runner's internal tokens are never passed.
 */
function parsePassEnv(read: Reader): { passEnv: string[]; passSecrets: string[] } {
  const passEnv = read.list('pass-env');
  const passSecrets = read.list('pass-secrets');
  const secretsUpper = new Set(passSecrets.map((n) => n.toUpperCase()));
  for (const name of passEnv) {
    if (!/^[A-Za-z_*?][\w*?]*$/.test(name)) {
      read.errors.push(
        `Input 'pass-env' must list variable names or globs (letters, digits, _, * and ?), got '${oneLine(name)}'.`,
      );
    } else if (!/[*?]/.test(name) && isSecretName(name) && !secretsUpper.has(name.toUpperCase())) {
      read.errors.push(
        `Input 'pass-env' names '${name}', which looks like a secret: list it in 'pass-secrets' to pass it anyway (the model can then read it).`,
      );
    }
  }
  for (const name of passSecrets) {
    if (!/^[A-Za-z_]\w*$/.test(name)) {
      read.errors.push(
        `Input 'pass-secrets' must list exact variable names, got '${oneLine(name)}'.`,
      );
    } else if (isNeverPassed(name)) {
      read.errors.push(
        `Input 'pass-secrets' cannot pass '${name}': greenloop's inputs (INPUT_*) and the runner's tokens (ACTIONS_*) never reach the tests.`,
      );
    }
  }
  return { passEnv, passSecrets };
}

/** Splits a comma or newline separated list, dropping blanks. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

const OUTPUT_KINDS: readonly OutputKind[] = ['artifact', 'commit', 'pull-request', 'none'];
const EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high', 'xhigh', 'none', 'minimal'];

export function parseConfig(raw: RawInputs, environment: ConfigEnvironment): ConfigResult {
  const read = new Reader(raw);
  for (const name of NOT_SUPPORTED_YET) {
    if (read.given(name).trim() !== '') read.errors.push(`Input '${name}' is not supported yet.`);
  }
  const workspace = path.resolve(environment.baseDir, read.text('working-directory'));
  if (!isInside(environment.baseDir, workspace)) {
    read.fail('working-directory', 'a folder inside the workspace');
  }
  const config: RunConfig = {
    workspace,
    task: read.text('task') || readTaskFile(read, workspace),
    testCommand: read.text('test-command'),
    setupCommand: read.text('setup-command'),
    testReport: read.text('test-report'),
    ...parseModel(read, environment.env),
    ...parseLimits(read),
    ...parsePublishing(read),
    ...parseWorkspaceRules(read),
    ...parseTrust(read),
    resumeFrom: read.text('resume-from'),
    resumeFromAnyBranch: read.boolean('resume-from-any-branch'),
  };
  return read.errors.length > 0 ? err(read.errors) : ok(Object.freeze(config));
}

/** Which model, through which API and endpoint, at which price. */
function parseModel(
  read: Reader,
  env: ConfigEnvironment['env'],
): Pick<
  RunConfig,
  'model' | 'reasoningEffort' | 'api' | 'toolStyle' | 'baseUrl' | 'apiKey' | 'price'
> {
  const model = read.text('model');
  if (model === '') read.fail('model', 'a model name');
  const baseUrl = read.text('base-url') || env.OPENAI_BASE_URL?.trim() || '';
  if (baseUrl !== '' && !/^https?:\/\/[^\s]+$/i.test(baseUrl)) {
    read.fail('base-url', 'an http(s) URL');
  }
  const api = read.choice<ApiKind>('api', ['responses', 'chat']);
  const toolStyle = read.choice<ToolStyle>('tool-style', ['auto', 'native', 'function']);
  if (api === 'chat' && toolStyle === 'native') {
    read.errors.push(
      "Input 'tool-style' must be 'auto' or 'function' with api 'chat' (native tools are a Responses API feature), got 'native'.",
    );
  }
  return {
    model,
    reasoningEffort: read.choice('reasoning-effort', EFFORTS),
    api,
    toolStyle,
    baseUrl,
    apiKey: read.text('api-key') || env.OPENAI_API_KEY?.trim() || '',
    price: parsePrice(read),
  };
}

type Limits =
  | 'maxIterations'
  | 'maxTurns'
  | 'maxTokens'
  | 'maxCostUsd'
  | 'timeoutMinutes'
  | 'testTimeoutSeconds'
  | 'digestTokens'
  | 'flakyReruns'
  | 'flakyRerunMaxSeconds'
  | 'contextWindow'
  | 'compactThreshold'
  | 'compaction';

/** Budgets, timeouts and how the conversation is kept within the context window. */
function parseLimits(read: Reader): Pick<RunConfig, Limits> {
  return {
    maxIterations: read.integer('max-iterations', 1, 100),
    maxTurns: read.integer('max-turns', 1, 1000),
    maxTokens: read.integer('max-tokens', 0, 1_000_000_000),
    maxCostUsd: read.number('max-cost-usd', 0, 10_000),
    timeoutMinutes: read.integer('timeout-minutes', 1, 360),
    testTimeoutSeconds: read.integer('test-timeout-seconds', 1, 21_600),
    digestTokens: read.integer('digest-tokens', 200, 20_000),
    flakyReruns: read.integer('flaky-reruns', 0, 5),
    flakyRerunMaxSeconds: read.integer('flaky-rerun-max-seconds', 0, 21_600),
    contextWindow: read.integer('context-window', 0, 10_000_000),
    compactThreshold: read.number('compact-threshold', 0.1, 0.95),
    compaction: read.choice<CompactionMode>('compaction', [
      'auto',
      'server',
      'summary',
      'mask',
      'off',
    ]),
  };
}

type Publishing =
  | 'output'
  | 'branch'
  | 'artifactName'
  | 'jobMatrix'
  | 'retentionDays'
  | 'commitMessage'
  | 'prTitle'
  | 'prDraft'
  | 'comment';

/** Where the result goes: artifact, commit, pull request, comment. */
function parsePublishing(read: Reader): Pick<RunConfig, Publishing> {
  const output = parseOutput(read);
  const branch = read.text('branch');
  if (branch !== '' && !isPlausibleBranch(branch)) {
    read.fail('branch', 'a valid git branch name');
  }
  const artifactName = read.text('artifact-name');
  if (artifactName !== '' && !/^[\w.-]{1,100}$/.test(artifactName)) {
    read.fail('artifact-name', 'empty, or letters, digits, dot, dash or underscore (1-100)');
  }
  return {
    output,
    branch,
    artifactName,
    jobMatrix: read.text('matrix'),
    // Up to 90 days on public and 400 on private repositories (GitHub docs, "Configuring the
    // retention period for GitHub Actions artifacts and logs"); the service caps it further at
    // the repository's setting.
    retentionDays: read.integer('retention-days', 0, 400),
    commitMessage: read.text('commit-message'),
    prTitle: read.text('pr-title'),
    prDraft: read.boolean('pr-draft'),
    comment: read.boolean('comment'),
  };
}

/** What the model may touch and what its commands may see. */
function parseWorkspaceRules(
  read: Reader,
): Pick<
  RunConfig,
  'protectedPaths' | 'allowTestEdits' | 'sandbox' | 'passEnv' | 'passSecrets' | 'mode'
> {
  return {
    protectedPaths: read.list('protected-paths'),
    allowTestEdits: read.boolean('allow-test-edits'),
    sandbox: read.choice<SandboxMode>('sandbox', ['auto', 'bwrap', 'none']),
    ...parsePassEnv(read),
    mode: read.choice<RunMode>('mode', ['loop', 'select']),
  };
}

/** Who may start a run, and with which token. */
function parseTrust(
  read: Reader,
): Pick<
  RunConfig,
  'allowUsers' | 'allowBots' | 'allowUntrustedCode' | 'allowGreenloopBranch' | 'githubToken'
> {
  const allowBots = read.list('allow-bots');
  if (allowBots.includes('*')) {
    read.errors.push(
      `Input 'allow-bots' must list bot logins; '*' is refused, got '${oneLine(read.given('allow-bots'))}'.`,
    );
  }
  return {
    allowUsers: read.list('allow-users'),
    allowBots,
    allowUntrustedCode: read.boolean('allow-untrusted-code'),
    allowGreenloopBranch: read.boolean('allow-greenloop-branch'),
    githubToken: read.text('github-token'),
  };
}

function parseOutput(read: Reader): OutputKind[] {
  const items = read.list('output').map((item) => item.toLowerCase());
  const bad = items.filter((item) => !(OUTPUT_KINDS as readonly string[]).includes(item));
  if (items.length === 0 || bad.length > 0) {
    read.fail('output', `a comma list of ${OUTPUT_KINDS.map((k) => `'${k}'`).join(', ')}`);
    return ['artifact'];
  }
  if (items.includes('none') && items.length > 1) {
    read.fail('output', "'none' alone, or a list without 'none'");
    return ['none'];
  }
  return [...new Set(items)] as OutputKind[];
}

function parsePrice(read: Reader): PriceOverride | undefined {
  const text = read.text('price');
  if (text === '') return undefined;
  const parts = text.split(',').map((part) => part.trim());
  const values = parts.map((part) =>
    /^(\d+(\.\d*)?|\.\d+)$/.test(part) ? Number(part) : Number.NaN,
  );
  if (values.length !== 3 || values.some((value) => !Number.isFinite(value))) {
    read.fail('price', "three numbers 'input,cached-input,output' in USD per million tokens");
    return undefined;
  }
  const [input, cachedInput, output] = values as [number, number, number];
  return { input, cachedInput, output };
}

const MAX_TASK_BYTES = 100_000;

/** The task from `task-file` (relative to the working directory), read once here. */
function readTaskFile(read: Reader, workspace: string): string {
  const name = read.text('task-file');
  if (name === '') return '';
  try {
    // Follow symlinks before checking the place, and refuse devices and FIFOs
    // (a committed symlink to /dev/zero must not hang the run).
    const file = realpathSync(path.resolve(workspace, name));
    if (!isInside(realpathSync(workspace), file)) throw new Error('outside');
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_TASK_BYTES) throw new Error('not a small file');
      const buffer = Buffer.alloc(MAX_TASK_BYTES + 1);
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      if (length > MAX_TASK_BYTES) throw new Error('too large');
      return buffer.subarray(0, length).toString('utf8').trim();
    } finally {
      closeSync(fd);
    }
  } catch {
    read.fail(
      'task-file',
      `a readable text file (under ${MAX_TASK_BYTES / 1000} kB) inside the working directory`,
    );
    return '';
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(path.resolve(root), candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The rules of `git check-ref-format --branch`, enough to refuse obvious junk before anything runs. */
function isPlausibleBranch(name: string): boolean {
  return (
    /^[\w./-]+$/.test(name) &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.endsWith('.lock') &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.startsWith('-') &&
    !name.split('/').some((part) => part.startsWith('.'))
  );
}

/** The config without secrets, for reports and checkpoints: each field of `SECRET_CONFIG_FIELDS` becomes `***` (or stays empty). */
export function redactedConfig(config: object): Record<string, unknown> {
  return redactFields(config, SECRET_CONFIG_FIELDS);
}
