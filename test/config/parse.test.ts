import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS, parseConfig, type RawInputs } from '../../src/config/index.js';
import type { RunConfig } from '../../src/config/types.js';

const baseDir = path.resolve('/tmp/greenloop-ws');
const env = { baseDir, env: {} };

function parse(raw: RawInputs, environment = env) {
  return parseConfig(raw, environment);
}

function config(raw: RawInputs): RunConfig {
  const result = parse(raw);
  if (!result.ok) throw new Error(result.error.join('\n'));
  return result.value;
}

describe('parseConfig defaults', () => {
  it('gives a complete, frozen config from no inputs', () => {
    const c = config({});
    expect(Object.isFrozen(c)).toBe(true);
    expect(c).toMatchObject({
      workspace: baseDir,
      model: 'gpt-5.1-codex-max',
      reasoningEffort: 'medium',
      api: 'responses',
      toolStyle: 'auto',
      maxIterations: 5,
      maxTurns: 60,
      maxTokens: 0,
      maxCostUsd: 0,
      timeoutMinutes: 30,
      testTimeoutSeconds: 600,
      digestTokens: 2000,
      flakyReruns: 1,
      contextWindow: 0,
      compactThreshold: 0.8,
      compaction: 'auto',
      output: ['artifact'],
      artifactName: '',
      jobMatrix: '',
      allowGreenloopBranch: false,
      resumeFromAnyBranch: false,
      prDraft: true,
      comment: false,
      protectedPaths: ['.github/workflows/**'],
      allowTestEdits: false,
      sandbox: 'auto',
      mode: 'loop',
      githubToken: '',
      apiKey: '',
    });
  });

  it('falls back to OPENAI_API_KEY and OPENAI_BASE_URL', () => {
    const result = parse(
      {},
      { baseDir, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' } },
    );
    expect(result.ok && result.value.apiKey).toBe('sk-test');
    expect(result.ok && result.value.baseUrl).toBe('http://127.0.0.1:1/v1');
  });

  it('an explicit api-key wins over the environment', () => {
    const result = parse({ 'api-key': 'sk-input' }, { baseDir, env: { OPENAI_API_KEY: 'sk-env' } });
    expect(result.ok && result.value.apiKey).toBe('sk-input');
  });
});

describe('parseConfig accepts good values', () => {
  const cases: [RawInputs, Partial<RunConfig>][] = [
    [{ task: '  refactor x  ' }, { task: 'refactor x' }],
    [{ 'test-command': 'npm test' }, { testCommand: 'npm test' }],
    [{ 'setup-command': 'npm ci' }, { setupCommand: 'npm ci' }],
    [{ 'test-report': 'reports/*.xml' }, { testReport: 'reports/*.xml' }],
    [{ model: 'gpt-5.1-codex' }, { model: 'gpt-5.1-codex' }],
    [{ 'reasoning-effort': 'XHIGH' }, { reasoningEffort: 'xhigh' }],
    [{ 'reasoning-effort': 'low' }, { reasoningEffort: 'low' }],
    [{ api: 'chat' }, { api: 'chat' }],
    [{ 'tool-style': 'function' }, { toolStyle: 'function' }],
    [
      { 'base-url': 'https://example.openai.azure.com/openai/v1' },
      { baseUrl: 'https://example.openai.azure.com/openai/v1' },
    ],
    [{ price: '1.25, 0.125, 10' }, { price: { input: 1.25, cachedInput: 0.125, output: 10 } }],
    [{ 'max-iterations': '1' }, { maxIterations: 1 }],
    [{ 'max-iterations': '100' }, { maxIterations: 100 }],
    [{ 'max-turns': '200' }, { maxTurns: 200 }],
    [{ 'max-tokens': '500000' }, { maxTokens: 500000 }],
    [{ 'max-cost-usd': '2.50' }, { maxCostUsd: 2.5 }],
    [{ 'timeout-minutes': '90' }, { timeoutMinutes: 90 }],
    [{ 'test-timeout-seconds': '30' }, { testTimeoutSeconds: 30 }],
    [{ 'digest-tokens': '1000' }, { digestTokens: 1000 }],
    [{ 'flaky-reruns': '0' }, { flakyReruns: 0 }],
    [{ 'context-window': '32000' }, { contextWindow: 32000 }],
    [{ 'compact-threshold': '0.5' }, { compactThreshold: 0.5 }],
    [{ compaction: 'mask' }, { compaction: 'mask' }],
    [
      { output: 'commit, pull-request', 'github-token': 'ghs_x' },
      { output: ['commit', 'pull-request'] },
    ],
    [{ output: 'none' }, { output: ['none'] }],
    [{ branch: 'greenloop/fix-1' }, { branch: 'greenloop/fix-1' }],
    [{ 'artifact-name': 'greenloop-run_2' }, { artifactName: 'greenloop-run_2' }],
    [{ 'retention-days': '7' }, { retentionDays: 7 }],
    // GitHub allows up to 400 days on private repositories.
    [{ 'retention-days': '400' }, { retentionDays: 400 }],
    [{ 'commit-message': 'fix: tests' }, { commitMessage: 'fix: tests' }],
    [{ 'pr-title': 'Fix the build' }, { prTitle: 'Fix the build' }],
    [{ 'pr-draft': 'false' }, { prDraft: false }],
    [{ comment: 'true' }, { comment: true }],
    [{ 'protected-paths': 'a/**\nb/*.yml, c' }, { protectedPaths: ['a/**', 'b/*.yml', 'c'] }],
    [{ 'allow-test-edits': 'TRUE' }, { allowTestEdits: true }],
    [{ comment: 'False' }, { comment: false }],
    [{ sandbox: 'bwrap' }, { sandbox: 'bwrap' }],
    [{ mode: 'select' }, { mode: 'select' }],
    [{ 'allow-users': 'alice, bob' }, { allowUsers: ['alice', 'bob'] }],
    [{ 'allow-bots': 'renovate[bot]' }, { allowBots: ['renovate[bot]'] }],
    [{ 'allow-untrusted-code': 'true' }, { allowUntrustedCode: true }],
    [{ 'github-token': 'ghs_x' }, { githubToken: 'ghs_x' }],
    [{ 'resume-from': 'greenloop' }, { resumeFrom: 'greenloop' }],
    [
      { 'working-directory': 'packages/app' },
      {
        workingDirectory: undefined,
        workspace: path.join(baseDir, 'packages', 'app'),
      } as Partial<RunConfig>,
    ],
  ];
  it.each(cases)('%j', (raw, expected) => {
    const c = config(raw) as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (value !== undefined) expect(c[key]).toEqual(value);
    }
  });
});

describe('parseConfig refuses bad values with one line each', () => {
  const cases: [RawInputs, string][] = [
    [
      { 'max-iterations': 'ten' },
      "Input 'max-iterations' must be an integer from 1 to 100, got 'ten'.",
    ],
    [
      { 'max-iterations': '0' },
      "Input 'max-iterations' must be an integer from 1 to 100, got '0'.",
    ],
    [
      { 'max-iterations': '1.5' },
      "Input 'max-iterations' must be an integer from 1 to 100, got '1.5'.",
    ],
    [{ 'max-turns': '-1' }, "Input 'max-turns' must be an integer from 1 to 1000, got '-1'."],
    [
      { 'max-tokens': 'lots' },
      "Input 'max-tokens' must be an integer from 0 to 1000000000, got 'lots'.",
    ],
    [{ 'max-cost-usd': '$5' }, "Input 'max-cost-usd' must be a number from 0 to 10000, got '$5'."],
    [
      { 'timeout-minutes': '0' },
      "Input 'timeout-minutes' must be an integer from 1 to 360, got '0'.",
    ],
    [
      { 'test-timeout-seconds': 'x' },
      "Input 'test-timeout-seconds' must be an integer from 1 to 21600, got 'x'.",
    ],
    [
      { 'digest-tokens': '10' },
      "Input 'digest-tokens' must be an integer from 200 to 20000, got '10'.",
    ],
    [{ 'flaky-reruns': '9' }, "Input 'flaky-reruns' must be an integer from 0 to 5, got '9'."],
    [
      { 'context-window': 'big' },
      "Input 'context-window' must be an integer from 0 to 10000000, got 'big'.",
    ],
    [
      { 'compact-threshold': '1.5' },
      "Input 'compact-threshold' must be a number from 0.1 to 0.95, got '1.5'.",
    ],
    [
      { compaction: 'sometimes' },
      "Input 'compaction' must be one of 'auto', 'server', 'summary', 'mask', 'off', got 'sometimes'.",
    ],
    [
      { 'reasoning-effort': 'max' },
      "Input 'reasoning-effort' must be one of 'low', 'medium', 'high', 'xhigh', 'none', 'minimal', got 'max'.",
    ],
    [{ api: 'completions' }, "Input 'api' must be one of 'responses', 'chat', got 'completions'."],
    [
      { 'tool-style': 'xml' },
      "Input 'tool-style' must be one of 'auto', 'native', 'function', got 'xml'.",
    ],
    // Native shell/apply_patch tools exist on the Responses API only (openai SDK: `ShellTool`,
    // `ApplyPatchTool` are Responses `Tool`s; Chat Completions tools are functions): the pair was
    // silently run with function tools.
    [
      { api: 'chat', 'tool-style': 'native' },
      "Input 'tool-style' must be 'auto' or 'function' with api 'chat' (native tools are a Responses API feature), got 'native'.",
    ],
    [{ mode: 'best-of' }, "Input 'mode' must be one of 'loop', 'select', got 'best-of'."],
    [
      { sandbox: 'docker' },
      "Input 'sandbox' must be one of 'auto', 'bwrap', 'none', got 'docker'.",
    ],
    [
      { output: 'email' },
      "Input 'output' must be a comma list of 'artifact', 'commit', 'pull-request', 'none', got 'email'.",
    ],
    [
      { output: 'none,commit' },
      "Input 'output' must be 'none' alone, or a list without 'none', got 'none,commit'.",
    ],
    [{ 'pr-draft': 'maybe' }, "Input 'pr-draft' must be 'true' or 'false', got 'maybe'."],
    [{ comment: '2' }, "Input 'comment' must be 'true' or 'false', got '2'."],
    // @actions/core getBooleanInput: the YAML 1.2 core schema's six spellings only.
    [{ 'pr-draft': 'yes' }, "Input 'pr-draft' must be 'true' or 'false', got 'yes'."],
    [{ comment: 'off' }, "Input 'comment' must be 'true' or 'false', got 'off'."],
    [{ comment: '1' }, "Input 'comment' must be 'true' or 'false', got '1'."],
    [{ comment: 'tRUE' }, "Input 'comment' must be 'true' or 'false', got 'tRUE'."],
    [
      { 'allow-test-edits': 'sure' },
      "Input 'allow-test-edits' must be 'true' or 'false', got 'sure'.",
    ],
    [
      { 'allow-untrusted-code': 'y' },
      "Input 'allow-untrusted-code' must be 'true' or 'false', got 'y'.",
    ],
    [{ 'allow-bots': '*' }, "Input 'allow-bots' must list bot logins; '*' is refused, got '*'."],
    [{ branch: 'bad..name' }, "Input 'branch' must be a valid git branch name, got 'bad..name'."],
    [
      { branch: 'x; rm -rf /' },
      "Input 'branch' must be a valid git branch name, got 'x; rm -rf /'.",
    ],
    [
      { 'base-url': 'localhost:11434' },
      "Input 'base-url' must be an http(s) URL, got 'localhost:11434'.",
    ],
    [
      { price: '1,2' },
      "Input 'price' must be three numbers 'input,cached-input,output' in USD per million tokens, got '1,2'.",
    ],
    [
      { 'artifact-name': 'a/b' },
      "Input 'artifact-name' must be empty, or letters, digits, dot, dash or underscore (1-100), got 'a/b'.",
    ],
    [
      { 'retention-days': '401' },
      "Input 'retention-days' must be an integer from 0 to 400, got '401'.",
    ],
    [
      { 'task-file': 'missing.md' },
      "Input 'task-file' must be a readable text file (under 100 kB) inside the working directory, got 'missing.md'.",
    ],
    [
      { 'working-directory': '../outside' },
      "Input 'working-directory' must be a folder inside the workspace, got '../outside'.",
    ],
  ];
  it.each(cases)('%j', (raw, line) => {
    const result = parse(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual([line]);
  });

  it('reports every problem together', () => {
    const result = parse({ 'max-iterations': 'ten', compaction: 'x', sandbox: 'y' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toHaveLength(3);
  });
});

describe('task-file', () => {
  it('reads the task from a file in the working directory', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-cfg-'));
    fs.writeFileSync(path.join(dir, 'TASK.md'), 'Rename foo to bar.\n');
    const result = parseConfig({ 'task-file': 'TASK.md' }, { baseDir: dir, env: {} });
    expect(result.ok && result.value.task).toBe('Rename foo to bar.');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('inputs list', () => {
  it('every input is covered by a test case above or has a default', () => {
    for (const input of INPUTS) expect(typeof input.default).toBe('string');
  });
});

describe('pass-env and pass-secrets', () => {
  it('accepts names and globs, and secret-looking names listed in pass-secrets', () => {
    const c = config({
      'pass-env': 'NODE_ENV, DATABASE_URL\nFOO_*, GH_ENTERPRISE_TOKEN',
      'pass-secrets': 'GH_ENTERPRISE_TOKEN',
    });
    expect(c.passEnv).toEqual(['NODE_ENV', 'DATABASE_URL', 'FOO_*', 'GH_ENTERPRISE_TOKEN']);
    expect(c.passSecrets).toEqual(['GH_ENTERPRISE_TOKEN']);
  });

  it.each([
    [
      { 'pass-env': 'GITHUB_TOKEN' },
      "Input 'pass-env' names 'GITHUB_TOKEN', which looks like a secret: list it in 'pass-secrets' to pass it anyway (the model can then read it).",
    ],
    [
      { 'pass-env': 'FOO BAR' },
      "Input 'pass-env' must list variable names or globs (letters, digits, _, * and ?), got 'FOO BAR'.",
    ],
    [
      { 'pass-secrets': 'MY_*' },
      "Input 'pass-secrets' must list exact variable names, got 'MY_*'.",
    ],
    [
      { 'pass-secrets': 'INPUT_API-KEY' },
      "Input 'pass-secrets' must list exact variable names, got 'INPUT_API-KEY'.",
    ],
    [
      { 'pass-secrets': 'ACTIONS_RUNTIME_TOKEN' },
      "Input 'pass-secrets' cannot pass 'ACTIONS_RUNTIME_TOKEN': greenloop's inputs (INPUT_*) and the runner's tokens (ACTIONS_*) never reach the tests.",
    ],
  ])('%j is refused', (raw, message) => {
    const result = parse(raw as RawInputs);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual([message]);
  });
});
