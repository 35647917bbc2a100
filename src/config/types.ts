/**
 * The one validated, typed settings object of a run. Built only by `parseConfig`
 * (src/config/parse.ts) from the action's inputs or the CLI's flags; every other
 * module receives it (or the part it needs) as a parameter.
 */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';
export type ApiKind = 'responses' | 'chat';
export type ToolStyle = 'auto' | 'native' | 'function';
export type CompactionMode = 'auto' | 'server' | 'summary' | 'mask' | 'off';
export type OutputKind = 'artifact' | 'commit' | 'pull-request' | 'none';
export type SandboxMode = 'auto' | 'bwrap' | 'none';
/** `loop` runs the agent; `select` chooses between the attempts of the workflow run. */
export type RunMode = 'loop' | 'select';

export interface PriceOverride {
  /** USD per million input tokens. */
  readonly input: number;
  /** USD per million cached input tokens. */
  readonly cachedInput: number;
  /** USD per million output tokens (reasoning included). */
  readonly output: number;
}

/**
 * The fields of `RunConfig` that hold credentials: the one list that reports,
 * checkpoints and logs hide. Every other setting is published as it is.
 */
export const SECRET_CONFIG_FIELDS = [
  'apiKey',
  'githubToken',
] as const satisfies readonly (keyof RunConfig)[];

export interface RunConfig {
  /** Absolute path of the project the run works on (GITHUB_WORKSPACE + working-directory). */
  readonly workspace: string;
  /** Written task; empty when the run only fixes a failing build. */
  readonly task: string;
  /** Test command; empty = detect from the project. */
  readonly testCommand: string;
  readonly setupCommand: string;
  /** Glob(s) of JUnit XML reports the test command writes; empty = none. */
  readonly testReport: string;

  readonly model: string;
  readonly reasoningEffort: ReasoningEffort;
  readonly api: ApiKind;
  readonly toolStyle: ToolStyle;
  /** Empty = the SDK default (or OPENAI_BASE_URL). */
  readonly baseUrl: string;
  /** Empty = keyless local server. Never logged. */
  readonly apiKey: string;
  readonly price: PriceOverride | undefined;

  readonly maxIterations: number;
  readonly maxTurns: number;
  /** 0 = unlimited. */
  readonly maxTokens: number;
  /** 0 = unlimited. */
  readonly maxCostUsd: number;
  readonly timeoutMinutes: number;
  readonly testTimeoutSeconds: number;
  readonly digestTokens: number;
  readonly flakyReruns: number;
  /** Seconds: the whole suite reruns (when the failing tests cannot be selected) only below this. */
  readonly flakyRerunMaxSeconds: number;

  /** Tokens; 0 = from the model, else 200k. */
  readonly contextWindow: number;
  /** Fraction 0.1..0.95 of the context window at which to compact. */
  readonly compactThreshold: number;
  readonly compaction: CompactionMode;

  readonly output: readonly OutputKind[];
  /** Empty = greenloop/<run id>. */
  readonly branch: string;
  /** Empty = a name unique in the workflow run (job, matrix values, attempt). */
  readonly artifactName: string;
  /** The `matrix` input: the job's matrix as JSON ('null' or '' without one). */
  readonly jobMatrix: string;
  readonly retentionDays: number;
  readonly commitMessage: string;
  readonly prTitle: string;
  readonly prDraft: boolean;
  readonly comment: boolean;

  readonly protectedPaths: readonly string[];
  readonly allowTestEdits: boolean;
  readonly sandbox: SandboxMode;
  /** Names or globs of more variables passed to tests and model commands (secret-looking ones skipped). */
  readonly passEnv: readonly string[];
  /** Secret-looking names passed anyway (exact names; their values are redacted). */
  readonly passSecrets: readonly string[];
  readonly allowUsers: readonly string[];
  readonly allowBots: readonly string[];
  readonly allowUntrustedCode: boolean;
  /** Start even when the starting branch is a `greenloop/` branch. */
  readonly allowGreenloopBranch: boolean;

  /** Never logged. */
  readonly githubToken: string;
  readonly mode: RunMode;
  /** Checkpoint folder or artifact name; empty = fresh run. */
  readonly resumeFrom: string;
  /** `resume-from` by name may take an artifact of another branch's run. */
  readonly resumeFromAnyBranch: boolean;
}
