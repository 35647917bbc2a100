import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action-env.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'gl-contract-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('runner contract: node dist/index.js', () => {
  it('a bad input exits 1 with one line naming input, value and what is allowed', async () => {
    const run = await runAction({
      workspace,
      inputs: { 'max-iterations': 'ten', 'test-command': 'true' },
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.includes("Input '"));
    expect(lines).toEqual([
      "::error::Input 'max-iterations' must be an integer from 1 to 100, got 'ten'.",
    ]);
    expect(run.outputs).toEqual({});
  });

  it('lists every bad input together, and starts nothing', async () => {
    const run = await runAction({
      workspace,
      inputs: {
        'max-iterations': 'ten',
        compaction: 'sometimes',
        output: 'email',
        'reasoning-effort': 'max',
      },
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.includes("Input '"));
    expect(lines).toHaveLength(4);
    expect(run.stdout).not.toContain('Baseline');
    expect(run.summary).toBe('');
  });

  // README: the output branch is "never the default branch" (nor the branch the run starts
  // from, which the push refuses too); the run used to spend its budget, then fail to push
  // with a warning and exit 0.
  it.each([
    ['the default branch', 'main', 'refs/heads/main'],
    ['the branch the run starts from', 'develop', 'refs/heads/develop'],
  ])('an output branch that is %s is refused before anything starts', async (_, branch, ref) => {
    const run = await runAction({
      workspace,
      inputs: {
        output: 'commit',
        branch,
        'test-command': 'touch baseline-ran',
        'github-token': 't',
      },
      event: {
        name: 'workflow_dispatch',
        payload: { ref, repository: { full_name: 'octo/demo', default_branch: 'main' } },
      },
      env: { GITHUB_REF: ref },
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Input 'branch'`);
    expect(lines[0]).toContain(`'${branch}'`);
    expect(run.stdout).not.toContain('Baseline');
    expect(run.summary).toBe('');
  });

  // An empty github-token (a secret that is not set) with a pushing output was found only when
  // publishing refused it, after a paid run. (A fork pull request publishes an artifact instead
  // and needs no token: the check comes after that downgrade.)
  it('output pull-request with an empty github-token is refused before anything starts', async () => {
    const run = await runAction({
      workspace,
      inputs: { output: 'pull-request', 'github-token': '', 'test-command': 'touch baseline-ran' },
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(lines).toEqual([
      "::error::Input 'github-token' is empty, but output 'pull-request' pushes a branch with it: leave github-token unset (the job's token is the default) or set output: artifact.",
    ]);
    expect(run.stdout).not.toContain('Baseline');
  });

  // README: "a reasoning-effort the model does not accept ends the run before any request,
  // naming the ones it does"; it ended the run only after the setup, the baseline and the flaky
  // reruns, as a model-error. The model table (src/model/capabilities.ts) knows it up front.
  it('a reasoning effort the model does not take is a bad input: one line, nothing starts', async () => {
    const run = await runAction({
      workspace,
      inputs: {
        model: 'gpt-5.1-codex',
        'reasoning-effort': 'xhigh',
        'test-command': 'touch baseline-ran',
        'base-url': 'http://127.0.0.1:9/v1',
      },
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(lines).toEqual([
      "::error::Input 'reasoning-effort' must be one of 'low', 'medium', 'high' for model 'gpt-5.1-codex', got 'xhigh'.",
    ]);
    expect(run.stdout).not.toContain('Baseline');
    expect(run.summary).toBe('');
  });
});
