/**
 * Every input of the action (and flag of the CLI), in one list. action.yml and
 * the README tables are checked against this list by tests. Only
 * src/config/ reads inputs.
 */
import { RUN_STATUSES } from '../core/status.js';

export interface InputSpec {
  readonly name: string;
  readonly description: string;
  /** Default as written in action.yml ('' = empty). */
  readonly default: string;
}

export const INPUTS = [
  {
    name: 'task',
    default: '',
    description:
      'Written task for the model (nightly refactor, manual job). Empty: fix the failing tests.',
  },
  {
    name: 'task-file',
    default: '',
    description: 'Path (in the workspace) of a file holding the task. Used when `task` is empty.',
  },
  {
    name: 'test-command',
    default: '',
    description:
      'Command that runs the tests; exit code 0 means success. Empty: detected from the project (package.json, pytest, cargo, go, Maven, Gradle, make).',
  },
  {
    name: 'setup-command',
    default: '',
    description: 'Command run once before the baseline test run (for example `npm ci`).',
  },
  {
    name: 'test-report',
    default: '',
    description: 'Glob of JUnit XML reports the test command writes, read in addition to its log.',
  },
  { name: 'model', default: 'gpt-5.1-codex-max', description: 'Model name.' },
  {
    name: 'reasoning-effort',
    default: 'medium',
    description:
      'Reasoning effort: `low`, `medium`, `high`, `xhigh` (also `none`, `minimal` for models that take them).',
  },
  {
    name: 'api',
    default: 'responses',
    description:
      'Model API: `responses` (OpenAI Responses API) or `chat` (Chat Completions, for local servers and gateways).',
  },
  {
    name: 'tool-style',
    default: 'auto',
    description:
      'How tools are offered: `auto` (native shell/apply_patch tools for the GPT-5.1 family on the Responses API, else function tools), `native` or `function`.',
  },
  {
    name: 'base-url',
    default: '',
    description:
      'OpenAI-compatible base URL (Azure OpenAI, OpenRouter, LiteLLM, Ollama, vLLM...). Empty: `OPENAI_BASE_URL` or api.openai.com.',
  },
  {
    name: 'api-key',
    default: '',
    description:
      'API key. Empty: `OPENAI_API_KEY`, or none for a keyless local server. Masked everywhere.',
  },
  {
    name: 'price',
    default: '',
    description:
      'Price override in USD per million tokens, `input,cached-input,output` (for models or endpoints not in the built-in table).',
  },
  {
    name: 'max-iterations',
    default: '5',
    description: 'Maximum test reruns after the baseline (1-100).',
  },
  { name: 'max-turns', default: '60', description: 'Maximum model calls (1-1000).' },
  {
    name: 'max-tokens',
    default: '0',
    description: 'Maximum tokens (input + output) over the run; 0 = no limit.',
  },
  {
    name: 'max-cost-usd',
    default: '0',
    description: 'Maximum cost in USD over the run; 0 = no limit.',
  },
  {
    name: 'timeout-minutes',
    default: '30',
    description: 'Wall-clock limit of the loop in minutes (time to publish is kept aside).',
  },
  { name: 'test-timeout-seconds', default: '600', description: 'Time limit of one test run.' },
  {
    name: 'digest-tokens',
    default: '2000',
    description: 'Token budget of the failure digest the model reads after each test run.',
  },
  {
    name: 'flaky-reruns',
    default: '1',
    description: 'Reruns of the baseline failures to spot flaky tests (0 = off).',
  },
  {
    name: 'flaky-rerun-max-seconds',
    default: '30',
    description:
      'Flaky reruns select the failing tests where the runner allows it (pytest, jest, vitest, cargo, go, node --test); otherwise the whole suite reruns only when the baseline took less than this many seconds.',
  },
  {
    name: 'context-window',
    default: '0',
    description:
      "The model's whole context window in tokens; input room is this less the output the model reserves (e.g. 400000 → 272000 for gpt-5.1-codex-max). 0 = from the model table (unknown models: 200000).",
  },
  {
    name: 'compact-threshold',
    default: '0.8',
    description: 'Share of the context window at which the conversation is compacted (0.1-0.95).',
  },
  {
    name: 'compaction',
    default: 'auto',
    description: 'Compaction mode: `auto`, `server`, `summary`, `mask` or `off`.',
  },
  {
    name: 'output',
    default: 'artifact',
    description: 'Where results go, comma list: `artifact`, `commit`, `pull-request`, `none`.',
  },
  {
    name: 'branch',
    default: '',
    description:
      'Branch for `commit` / `pull-request`. Empty: `greenloop/<run id>`. Never the default branch.',
  },
  {
    name: 'artifact-name',
    default: '',
    description:
      'Name of the uploaded artifact. Empty: `greenloop-<job>-<matrix values>-<attempt>`, unique in the workflow run. A name you set replaces an artifact of that name in the same run; in a matrix job the matrix values follow it, so attempts never replace one another.',
  },
  {
    name: 'matrix',
    default: '${{ toJSON(matrix) }}',
    description: "The job's matrix values, used in the default artifact names (leave as is).",
  },
  {
    name: 'retention-days',
    default: '0',
    description:
      'Artifact retention in days; 0 = the repository default. GitHub allows up to 90 on public and 400 on private repositories, and caps it at the repository setting.',
  },
  {
    name: 'commit-message',
    default: 'greenloop: fix failing tests',
    description: 'Commit message for `commit` / `pull-request`.',
  },
  { name: 'pr-title', default: 'greenloop: fix failing tests', description: 'Pull request title.' },
  { name: 'pr-draft', default: 'true', description: 'Open the pull request as a draft.' },
  {
    name: 'comment',
    default: 'false',
    description: 'On pull request events, post (and later update) one comment with the summary.',
  },
  {
    name: 'protected-paths',
    default: '.github/workflows/**',
    description:
      'Newline or comma separated globs the model may not change (`.git/` is always protected).',
  },
  {
    name: 'allow-test-edits',
    default: 'false',
    description: 'Allow runs that remove or skip tests (by default such an iteration is rejected).',
  },
  {
    name: 'sandbox',
    default: 'auto',
    description:
      'Sandbox for model commands and tests: `auto`, `bwrap` (required) or `none`. Linux only.',
  },
  {
    name: 'pass-env',
    default: '',
    description:
      'Comma or newline list of more variables (names or globs such as `FOO_*`) the tests and model commands get besides the default allowlist (see "Environment of the tests" in the README). Names that look like secrets are refused unless listed in `pass-secrets`.',
  },
  {
    name: 'pass-secrets',
    default: '',
    description:
      'Comma or newline list of secret-looking variable names (exact names) to pass to the tests anyway. A risk: the model can read them and send them anywhere (SECURITY.md).',
  },
  {
    name: 'allow-users',
    default: '',
    description: 'Comma list of users allowed to trigger a run without write permission.',
  },
  {
    name: 'allow-bots',
    default: '',
    description: 'Comma list of bot logins allowed to trigger a run (`*` is refused).',
  },
  {
    name: 'allow-greenloop-branch',
    default: 'false',
    description:
      "Allow a run that starts from a `greenloop/` branch (greenloop's own output: a fix of a fix).",
  },
  {
    name: 'allow-untrusted-code',
    default: 'false',
    description: "Allow running a fork's code under `pull_request_target`.",
  },
  {
    name: 'github-token',
    default: '${{ github.token }}',
    description:
      'Token for pushing, pull requests, comments and permission checks. Masked everywhere.',
  },
  {
    name: 'mode',
    default: 'loop',
    description:
      '`loop`: run the agent loop. `select`: choose between the attempts of this workflow run (artifacts whose names start with `artifact-name`): each diff is verified by running the tests on it, the best verified one is published (see README, "Several attempts").',
  },
  {
    name: 'resume-from',
    default: '',
    description:
      'Checkpoint folder, or the name of a checkpoint artifact (`greenloop-checkpoint-<job>`) uploaded by an earlier run of this repository and branch, to continue from.',
  },
  {
    name: 'resume-from-any-branch',
    default: 'false',
    description:
      "Let `resume-from` take an artifact from another branch's run (same repository only).",
  },
  { name: 'working-directory', default: '.', description: 'Project folder inside the workspace.' },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

/** Raw input values by name; a missing input is ''. */
export type RawInputs = Readonly<Partial<Record<InputName, string>>>;

export const OUTPUTS = [
  {
    name: 'status',
    description: `How the run ended: ${RUN_STATUSES.join(', ')}.`,
  },
  {
    name: 'diff-path',
    description: 'Path of the unified diff of the best state against the baseline.',
  },
  { name: 'summary-path', description: 'Path of the summary markdown.' },
  { name: 'report-path', description: 'Path of the JSON report.' },
  { name: 'iterations', description: 'Test reruns made after the baseline.' },
  { name: 'tokens', description: 'Tokens used (input + output).' },
  { name: 'cost-usd', description: 'Estimated cost in USD.' },
  { name: 'failing-before', description: 'Failing tests at the baseline.' },
  { name: 'failing-after', description: 'Failing tests in the published state.' },
  { name: 'branch', description: 'Branch pushed (commit / pull-request outputs).' },
  { name: 'commit-sha', description: 'Commit pushed.' },
  { name: 'pr-url', description: 'Pull request opened or updated.' },
  { name: 'artifact-id', description: 'Id of the uploaded artifact.' },
] as const;

export type OutputName = (typeof OUTPUTS)[number]['name'];
