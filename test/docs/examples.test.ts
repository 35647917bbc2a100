import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const examplesDir = path.join(root, 'docs', 'examples');

const EXPECTED = [
  'attempts-matrix.yml',
  'fix-on-failure.yml',
  'manual-task.yml',
  'nightly-refactor.yml',
  'pr-comment.yml',
  'self-hosted-local-model.yml',
];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function actionInputs(): Set<string> {
  const action: unknown = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
  if (!isObject(action) || !isObject(action.inputs)) throw new Error('action.yml has no inputs');
  return new Set(Object.keys(action.inputs));
}

function readWorkflow(name: string): Json {
  const doc: unknown = parse(fs.readFileSync(path.join(examplesDir, name), 'utf8'));
  if (!isObject(doc)) throw new Error(`${name} is not a YAML mapping`);
  return doc;
}

function jobsOf(workflow: Json): [string, Json][] {
  const jobs = workflow.jobs;
  if (!isObject(jobs)) return [];
  return Object.entries(jobs).map(([id, job]) => [id, isObject(job) ? job : {}]);
}

function stepsOf(job: Json): Json[] {
  return Array.isArray(job.steps) ? job.steps.filter(isObject) : [];
}

const files = fs.existsSync(examplesDir)
  ? fs
      .readdirSync(examplesDir)
      .filter((f) => f.endsWith('.yml'))
      .sort()
  : [];

describe('docs/examples', () => {
  it('holds the six documented workflows', () => {
    for (const name of EXPECTED) expect(files).toContain(name);
  });

  const inputs = actionInputs();

  describe.each(files)('%s', (name) => {
    const workflow = readWorkflow(name);

    it('starts with a header comment', () => {
      const text = fs.readFileSync(path.join(examplesDir, name), 'utf8');
      expect(text.startsWith('#')).toBe(true);
    });

    it('has a trigger and jobs', () => {
      expect(workflow.on).toBeDefined();
      expect(jobsOf(workflow).length).toBeGreaterThan(0);
    });

    it('declares permissions for every job', () => {
      for (const [id, job] of jobsOf(workflow)) {
        const workflowLevel =
          isObject(workflow.permissions) && Object.keys(workflow.permissions).length > 0;
        expect(job.permissions !== undefined || workflowLevel, `job ${id}`).toBe(true);
      }
    });

    it('passes only inputs that action.yml declares', () => {
      let uses = 0;
      for (const [, job] of jobsOf(workflow)) {
        for (const step of stepsOf(job)) {
          if (typeof step.uses !== 'string' || !step.uses.startsWith('greenloop/greenloop'))
            continue;
          uses++;
          const withKeys = isObject(step.with) ? Object.keys(step.with) : [];
          const unknown = withKeys.filter((key) => !inputs.has(key));
          expect(unknown, `unknown inputs in ${name}`).toEqual([]);
        }
      }
      expect(uses).toBeGreaterThan(0);
    });

    it('checks out with actions/checkout@v5', () => {
      const steps = jobsOf(workflow).flatMap(([, job]) => stepsOf(job));
      expect(steps.some((s) => s.uses === 'actions/checkout@v5')).toBe(true);
    });
  });

  it('fix-on-failure runs only after a failed CI run, on its commit', () => {
    const wf = readWorkflow('fix-on-failure.yml');
    expect(wf.on).toEqual({ workflow_run: { workflows: ['CI'], types: ['completed'] } });
    const [, job] = jobsOf(wf)[0] ?? ['', {}];
    expect(String(job.if)).toContain("github.event.workflow_run.conclusion == 'failure'");
    expect(String(job.if)).toContain('head_repository.full_name == github.repository');
    // A failing fix PR (with an App token, whose pushes start workflows) must not start a fix of the fix.
    expect(String(job.if)).toContain(
      "!startsWith(github.event.workflow_run.head_branch, 'greenloop/')",
    );
    // A PR opened with GITHUB_TOKEN gets no workflow run: there is nothing to "re-run".
    const text = fs.readFileSync(path.join(examplesDir, 'fix-on-failure.yml'), 'utf8');
    expect(text).not.toMatch(/re-?run (the )?CI/i);
    const checkout = stepsOf(job).find((s) => s.uses === 'actions/checkout@v5');
    expect(isObject(checkout?.with) && checkout.with.ref).toBe(
      '${{ github.event.workflow_run.head_sha }}',
    );
  });

  it('pr-comment runs only on pull request comments', () => {
    const wf = readWorkflow('pr-comment.yml');
    const [, job] = jobsOf(wf)[0] ?? ['', {}];
    expect(String(job.if)).toContain('github.event.issue.pull_request');
    expect(String(job.if)).toContain("'/greenloop'");
  });

  it('attempts-matrix: a matrix of attempts that never fail fast, then a select job that always runs', () => {
    const wf = readWorkflow('attempts-matrix.yml');
    const jobs = Object.fromEntries(jobsOf(wf));
    const attempt = jobs.attempt ?? {};
    const select = jobs.select ?? {};
    expect(isObject(attempt.strategy) && attempt.strategy['fail-fast']).toBe(false);
    expect(select.needs).toBe('attempt');
    expect(String(select.if)).toContain('always()');
    expect(select.permissions).toEqual({
      actions: 'read',
      contents: 'write',
      'pull-requests': 'write',
    });
    const withOf = (job: Json): Json => {
      const step = stepsOf(job).find(
        (s) => typeof s.uses === 'string' && s.uses.startsWith('greenloop/greenloop'),
      );
      return isObject(step?.with) ? step.with : {};
    };
    expect(withOf(attempt).output).toBe('artifact');
    expect(withOf(attempt).matrix).toBe('${{ toJSON(matrix) }}');
    expect(withOf(select).mode).toBe('select');
    expect(withOf(select)).not.toHaveProperty('api-key');
  });

  it('the local-model example sends no API key', () => {
    const wf = readWorkflow('self-hosted-local-model.yml');
    const step = jobsOf(wf)
      .flatMap(([, job]) => stepsOf(job))
      .find((s) => typeof s.uses === 'string' && s.uses.startsWith('greenloop/greenloop'));
    expect(isObject(step?.with) && Object.keys(step.with)).not.toContain('api-key');
  });
});
