/**
 * End to end against GitHub as it really answers (issue 17, issue 15 point 8):
 * `node dist/index.js` with a runner's environment, the fake GitHub API and
 * artifact service configured the way real repositories and runs are. Each
 * case failed on the code before these fixes.
 *
 * Runs the build of the current sources (test/helpers/dist.ts).
 */
import AdmZip from 'adm-zip';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../fakes/openai-server.js';
import type { ActionRun } from '../helpers/action-env.js';
import { SUM_PROJECT } from '../helpers/repo.js';
import { createWorld, fixingScript, limiter, MAX_FILES, type World } from './world.js';

const slot = limiter(2);

async function withWorld<T>(
  script: Parameters<typeof createWorld>[0],
  files: Record<string, string>,
  body: (w: World) => Promise<T>,
): Promise<T> {
  return slot(async () => {
    const w = await createWorld(script, files);
    try {
      return await body(w);
    } finally {
      await w.close();
    }
  });
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

function annotations(run: ActionRun, kind: 'error' | 'warning'): string[] {
  return lines(run.stdout).filter((line) => line.startsWith(`::${kind}`));
}

const MAX_DIFF = [
  '@@ export function max(values) {',
  '-  return values.reduce((a, b) => (a < b ? a : b));',
  '+  return values.reduce((a, b) => (a > b ? a : b));',
].join('\n');

const SUM_FIXED_LINE = '  for (let i = 0; i < values.length; i++) total += values[i];';

/** Fixes `sum` and ends the turn, for every run: requests alternate patch / text. */
function everyRunFixes(): (request: unknown, index: number) => Reply {
  const script = fixingScript();
  return (_request, index) => script[index % 2]!;
}

describe.concurrent('action end to end: GitHub as it really answers', () => {
  it('a private repository on GitHub Free refuses drafts: a ready pull request is opened, and the log says so', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      Object.assign(w.github.settings, { private: true, plan: 'free' });
      const run = await w.run({ inputs: { output: 'pull-request' } });
      expect(run.code, run.stdout).toBe(0);
      const creates = w.github.requests.filter(
        (r) => r.method === 'POST' && r.path.endsWith('/pulls'),
      );
      expect(creates.map((r) => (r.body as { draft: unknown }).draft)).toEqual([true, false]);
      expect(w.github.pulls).toHaveLength(1);
      expect(w.github.pulls[0]!.draft).toBe(false);
      expect(run.outputs['pr-url']).toBe('https://github.example/octo/demo/pull/1');
      expect(run.stdout).toContain('does not support draft pull requests');
      // The job summary says it too: a person expecting a draft finds a ready pull request.
      expect(run.summary).toMatch(
        /- Pull request: \S+ \(ready for review: .*no draft pull requests/,
      );
      expect(annotations(run, 'warning')).toEqual([]);
    });
  }, 180_000);

  // The job summary is where a person looks after a run: it said "success" with the diff, and
  // nothing of where the fix went, nor that the pull request was refused (only an annotation did).
  it('the job summary says where the result went, and what GitHub refused', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      w.github.settings.actionsCanCreatePullRequests = false;
      const run = await w.run({ inputs: { output: 'pull-request' } });
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.branch).toBe('greenloop/4242');
      expect(run.summary).toContain('greenloop/4242');
      expect(run.summary).toContain(run.outputs['commit-sha']);
      expect(run.summary).toMatch(/pull request: HTTP 403: GitHub Actions is not permitted/);
    });
  }, 180_000);

  it('two matrix jobs and a re-run attempt upload into one workflow run: unique names, no 409', async () => {
    await withWorld(everyRunFixes(), SUM_PROJECT, async (w) => {
      // Values a name cannot hold, and that read the same once cleaned (`c++`, `c#` → `c`).
      const jobs = [
        { matrix: '{"node":20,"cc":"c++"}', job: 'job-1', attempt: '1' },
        { matrix: '{"node":20,"cc":"c#"}', job: 'job-2', attempt: '1' },
        // "Re-run failed jobs": the same job and matrix, attempt 2, in the same run.
        { matrix: '{"node":20,"cc":"c++"}', job: 'job-3', attempt: '2' },
      ];
      for (const job of jobs) {
        w.repo.git('checkout', '-q', '--', '.');
        const run = await w.run({
          inputs: { output: 'artifact', matrix: job.matrix },
          env: {
            ...w.artifacts.env('run-1', job.job),
            GITHUB_JOB: 'test',
            GITHUB_RUN_ATTEMPT: job.attempt,
          },
        });
        expect(run.code, run.stdout).toBe(0);
        expect(run.outputs.status).toBe('success');
        expect(run.outputs['artifact-id']).toMatch(/^\d+$/);
        expect(annotations(run, 'warning'), run.stdout).toEqual([]);
      }
      // 8 hex digits of sha256(JSON.stringify(['test', '20', 'c++'])) and of ['test', '20', 'c#'].
      expect(
        w.artifacts
          .live()
          .map((a) => a.name)
          .sort(),
      ).toEqual([
        'greenloop-checkpoint-test-20-c-9401e4d7',
        'greenloop-checkpoint-test-20-c-e0ecbfc1',
        'greenloop-test-20-c-9401e4d7-attempt1',
        'greenloop-test-20-c-9401e4d7-attempt2',
        'greenloop-test-20-c-e0ecbfc1-attempt1',
      ]);
      // No CreateArtifact was refused (409): every name was free the first time.
      const creates = w.artifacts.requests.filter((r) => r.endsWith('/CreateArtifact'));
      expect(creates).toHaveLength(w.artifacts.artifacts.length);
      // The re-run replaced its job's checkpoint instead of failing on the name; the other job's stays.
      const checkpoints = w.artifacts.artifacts.filter(
        (a) => a.name.startsWith('greenloop-checkpoint') && !a.name.endsWith('-staged'),
      );
      expect(checkpoints.map((a) => [a.name.slice(-8), a.jobBackendId, a.deleted])).toEqual([
        ['9401e4d7', 'job-1', true],
        ['e0ecbfc1', 'job-2', false],
        ['9401e4d7', 'job-3', false],
      ]);
    });
  }, 300_000);

  it('a job killed after an iteration is resumed from the checkpoint it uploaded', async () => {
    let phase = 1;
    let phaseStart = 0;
    const first: Reply[] = [
      ...fixingScript('Fixed sum; max is next.'),
      // The next model call never answers: the runner kills the job meanwhile.
      { fault: 'stall', afterEvents: 0 },
    ];
    const second: Reply[] = [
      {
        toolCalls: [
          {
            name: 'apply_patch',
            arguments: { operation: { type: 'update_file', path: 'src/max.js', diff: MAX_DIFF } },
          },
        ],
      },
      { text: 'Fixed max too.' },
    ];
    const script = (_request: unknown, index: number): Reply =>
      phase === 1
        ? first[Math.min(index, first.length - 1)]!
        : second[Math.min(index - phaseStart, second.length - 1)]!;
    await withWorld(script, { ...SUM_PROJECT, ...MAX_FILES }, async (w) => {
      const killed = await w.run({
        inputs: { output: 'artifact', 'max-iterations': '5' },
        killWhen: (stdout) => stdout.includes('Uploaded the checkpoint of iteration 1'),
      });
      expect(killed.code, killed.stdout).toBe(null);
      expect(killed.outputs).toEqual({});
      const uploaded = w.artifacts.live().find((a) => a.name === 'greenloop-checkpoint-fix');
      expect(uploaded, killed.stdout).toBeDefined();

      // The next run (a new workflow run) finds it through the REST API of the repository.
      w.github.artifacts.push({
        id: uploaded!.id,
        name: uploaded!.name,
        runId: 4242,
        createdAt: '2026-11-30T10:00:00Z',
        expired: false,
        zip: uploaded!.bytes,
        // The digest the artifact service recorded when the killed job finalized the upload.
        digest: uploaded!.digest,
      });
      w.repo.git('checkout', '-q', '--', '.');
      phase = 2;
      // The script's index counts model turns only (not the endpoint check).
      const turns = (): typeof w.model.requests =>
        w.model.requests.filter((r) => r.path === '/v1/responses');
      phaseStart = turns().length;
      const resumed = await w.run({
        inputs: { output: 'artifact', 'resume-from': 'greenloop-checkpoint-fix' },
        env: { GITHUB_RUN_ID: '4343', ...w.artifacts.env('run-backend-2', 'job-backend-2') },
      });
      expect(resumed.code, resumed.stdout).toBe(0);
      expect(resumed.stdout).toContain('Resumed from a checkpoint');
      expect(resumed.outputs.status).toBe('success');
      // The conversation of the killed job came back, and its fix with it.
      expect(JSON.stringify(turns()[phaseStart]?.body)).toContain('Fixed sum; max is next.');
      expect(w.repo.read('src/sum.js')).toContain(SUM_FIXED_LINE);
      expect(w.repo.read('src/max.js')).toContain('(a > b ? a : b)');
      // The new run uploads its own checkpoint; the killed run's stays (a run replaces only its own).
      const checkpoints = w.artifacts.live().filter((a) => a.name === 'greenloop-checkpoint-fix');
      expect(checkpoints.map((a) => [a.id === uploaded!.id, a.runBackendId])).toEqual([
        [true, 'run-backend-1'],
        [false, 'run-backend-2'],
      ]);
    });
  }, 300_000);

  it('a job killed while its checkpoint was being replaced resumes from the newest checkpoint', async () => {
    let phase = 1;
    let phaseStart = 0;
    const first: Reply[] = [
      ...fixingScript('Fixed sum; max is next.'),
      {
        toolCalls: [
          {
            name: 'apply_patch',
            arguments: { operation: { type: 'create_file', path: 'NOTES.md', diff: '+max\n' } },
          },
        ],
      },
      { text: 'Still reading max.' },
      { fault: 'stall', afterEvents: 0 },
    ];
    const second: Reply[] = [
      {
        toolCalls: [
          {
            name: 'apply_patch',
            arguments: { operation: { type: 'update_file', path: 'src/max.js', diff: MAX_DIFF } },
          },
        ],
      },
      { text: 'Fixed max too.' },
    ];
    const script = (_request: unknown, index: number): Reply =>
      phase === 1
        ? first[Math.min(index, first.length - 1)]!
        : second[Math.min(index - phaseStart, second.length - 1)]!;
    await withWorld(script, { ...SUM_PROJECT, ...MAX_FILES }, async (w) => {
      const name = 'greenloop-checkpoint-fix';
      let armed = false;
      const killed = await w.run({
        inputs: { output: 'artifact', 'max-iterations': '5' },
        killWhen: (stdout) => {
          // Iteration 2's checkpoint: the old one is deleted, then the job dies before the new
          // one is finished (here: its upload is refused, and the job is killed after).
          if (!armed && stdout.includes('Uploaded the checkpoint of iteration 1')) {
            armed = true;
            w.artifacts.faults.push({ method: 'CreateArtifact', status: 403, msg: 'gone', name });
          }
          return stdout.includes('checkpoint of iteration 2');
        },
      });
      expect(killed.code, killed.stdout).toBe(null);
      const live = w.artifacts.live().filter((a) => a.name.startsWith(name));
      expect(
        live.map((a) => a.name),
        killed.stdout,
      ).toEqual([`${name}-staged`]);
      // The next run finds what the killed run left through the REST API of the repository.
      for (const a of live) {
        w.github.artifacts.push({
          id: a.id,
          name: a.name,
          runId: 4242,
          createdAt: a.createdAt.toISOString(),
          expired: false,
          zip: a.bytes,
          digest: a.digest,
        });
      }
      // A new job: a fresh checkout.
      w.repo.git('checkout', '-q', '--', '.');
      w.repo.git('clean', '-fdq');
      phase = 2;
      const turns = (): typeof w.model.requests =>
        w.model.requests.filter((r) => r.path === '/v1/responses');
      phaseStart = turns().length;
      const resumed = await w.run({
        inputs: { output: 'artifact', 'resume-from': name },
        env: { GITHUB_RUN_ID: '4343', ...w.artifacts.env('run-backend-2', 'job-backend-2') },
      });
      expect(resumed.code, resumed.stdout).toBe(0);
      expect(resumed.stdout).toMatch(/Resumed from a checkpoint of .*: 2 iterations and \d+ turns/);
      expect(resumed.outputs.status).toBe('success');
      // Iteration 2's conversation came back, not only iteration 1's.
      expect(JSON.stringify(turns()[phaseStart]?.body)).toContain('Still reading max.');
      expect(w.repo.read('src/max.js')).toContain('(a > b ? a : b)');
    });
  }, 300_000);

  it("a workflow_run of greenloop's own branch is refused in one line, before anything runs", async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      w.github.setPermission('octocat', 'write');
      const run = await w.run({
        inputs: { output: 'pull-request' },
        event: {
          name: 'workflow_run',
          payload: {
            action: 'completed',
            workflow_run: {
              id: 99,
              event: 'pull_request',
              conclusion: 'failure',
              head_branch: 'greenloop/4200',
              head_sha: '1'.repeat(40),
              head_repository: { full_name: 'octo/demo' },
              actor: { login: 'octocat', type: 'User' },
              triggering_actor: { login: 'octocat', type: 'User' },
            },
            repository: { full_name: 'octo/demo', default_branch: 'main' },
            sender: { login: 'octocat', type: 'User' },
          },
        },
      });
      expect(run.code).toBe(1);
      const errors = annotations(run, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("'greenloop/4200'");
      expect(errors[0]).toContain('allow-greenloop-branch');
      expect(w.model.requests).toEqual([]);
      expect(w.github.requests).toEqual([]);
      expect(w.artifacts.requests).toEqual([]);
      expect(run.outputs).toEqual({});
    });
  }, 120_000);

  it('a pull_request event publishes on the PR head, not on the merge commit the checkout gives', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      const r = w.repo;
      // The PR branch adds a file; meanwhile main moves on; GitHub's refs/pull/3/merge is their merge.
      r.git('checkout', '-q', '-b', 'feature');
      r.write('feature.txt', 'feature\n');
      const head = r.commitAll('feature');
      r.git('push', '-q', 'origin', 'feature');
      r.git('checkout', '-q', 'main');
      r.write('base.txt', 'base moved on\n');
      const base = r.commitAll('base moves on');
      r.git('push', '-q', 'origin', 'main');
      r.git('checkout', '-q', '--detach', base);
      r.git('merge', '-q', '--no-ff', '-m', 'Merge into base', head);
      const merge = r.git('rev-parse', 'HEAD').trim();
      r.git('push', '-q', 'origin', `${merge}:refs/pull/3/merge`);
      // actions/checkout's default on pull_request: that merge commit alone (fetch-depth: 1),
      // so the head commit is not in the workspace and must be fetched.
      for (const entry of readdirSync(r.dir)) rmSync(join(r.dir, entry), { recursive: true });
      r.git('init', '-q');
      r.git('remote', 'add', 'origin', w.bare);
      r.git('fetch', '-q', '--no-tags', '--depth=1', 'origin', 'refs/pull/3/merge');
      r.git('checkout', '-q', '--detach', 'FETCH_HEAD');
      expect(() => r.git('cat-file', '-e', `${head}^{commit}`)).toThrow();
      w.github.setPermission('octocat', 'write');
      const run = await w.run({
        inputs: { output: 'commit' },
        ...prEvent('pull_request', { number: 3, head, base, sha: merge, ref: 'refs/pull/3/merge' }),
      });
      expect(run.code, run.stdout).toBe(0);
      const sha = run.outputs['commit-sha']!;
      expect(w.remoteGit('rev-parse', `${sha}^@`).trim()).toBe(head);
      expect(w.remoteGit('diff', '--name-only', head, sha).trim()).toBe('src/sum.js');
      expect(w.remoteGit('ls-tree', '--name-only', sha)).not.toContain('base.txt');
    });
  }, 180_000);

  it('a pull_request event with output artifact and a comment (no push) also works on the PR head', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      const r = w.repo;
      r.git('checkout', '-q', '-b', 'feature');
      r.write('feature.txt', 'feature\n');
      const head = r.commitAll('feature');
      r.git('push', '-q', 'origin', 'feature');
      r.git('checkout', '-q', 'main');
      r.write('base-only.txt', 'base moved on\n');
      const base = r.commitAll('base moves on');
      r.git('push', '-q', 'origin', 'main');
      r.git('checkout', '-q', '--detach', base);
      r.git('merge', '-q', '--no-ff', '-m', 'Merge into base', head);
      const merge = r.git('rev-parse', 'HEAD').trim();
      r.git('push', '-q', 'origin', `${merge}:refs/pull/5/merge`);
      // actions/checkout on pull_request: the merge commit alone (fetch-depth: 1).
      for (const entry of readdirSync(r.dir)) rmSync(join(r.dir, entry), { recursive: true });
      r.git('init', '-q');
      r.git('remote', 'add', 'origin', w.bare);
      r.git('fetch', '-q', '--no-tags', '--depth=1', 'origin', 'refs/pull/5/merge');
      r.git('checkout', '-q', '--detach', 'FETCH_HEAD');
      w.github.setPermission('octocat', 'write');
      const run = await w.run({
        inputs: { output: 'artifact', comment: 'true' },
        ...prEvent('pull_request', { number: 5, head, base, sha: merge, ref: 'refs/pull/5/merge' }),
      });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain(`Working on the pull request head ${head}`);
      // The loop ran on the head: the base branch's file is not in the workspace.
      expect(r.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(readdirSync(r.dir)).not.toContain('base-only.txt');
      // The published diff is the fix alone, made on the head.
      expect(readFileSync(run.outputs['diff-path']!, 'utf8')).not.toContain('base-only.txt');
      expect(w.github.comments).toHaveLength(1);
      expect(w.remoteBranches()).toEqual(['feature', 'main']);
    });
  }, 180_000);

  it('a pull_request_target event (checkout: the base branch) publishes on the PR head', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      const r = w.repo;
      r.git('checkout', '-q', '-b', 'feature');
      r.write('feature.txt', 'feature\n');
      const head = r.commitAll('feature');
      r.git('push', '-q', 'origin', 'feature');
      r.git('checkout', '-q', 'main');
      r.write('base.txt', 'base moved on\n');
      const base = r.commitAll('base moves on');
      r.git('push', '-q', 'origin', 'main');
      w.github.setPermission('octocat', 'write');
      const run = await w.run({
        inputs: { output: 'commit' },
        ...prEvent('pull_request_target', {
          number: 4,
          head,
          base,
          sha: base,
          ref: 'refs/heads/main',
        }),
      });
      expect(run.code, run.stdout).toBe(0);
      const sha = run.outputs['commit-sha']!;
      expect(w.remoteGit('rev-parse', `${sha}^@`).trim()).toBe(head);
      expect(w.remoteGit('diff', '--name-only', head, sha).trim()).toBe('src/sum.js');
    });
  }, 180_000);

  it("issue_comment on a fork's pull request: the PR is read, its head repository makes it a fork, nothing is pushed", async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      w.github.setPermission('octocat', 'write');
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      w.github.pulls.push({
        number: 5,
        title: 'a fork PR',
        body: '',
        draft: false,
        state: 'open',
        head: 'patch-1',
        base: 'main',
        headSha: head,
        headRepo: 'mallory/demo',
      });
      const run = await w.run({
        inputs: { output: 'commit' },
        event: {
          name: 'issue_comment',
          payload: {
            action: 'created',
            issue: { number: 5, pull_request: { url: 'https://api.example/pulls/5' } },
            comment: { id: 1, body: '/greenloop', user: { login: 'octocat', type: 'User' } },
            sender: { login: 'octocat', type: 'User' },
            repository: { full_name: 'octo/demo', default_branch: 'main' },
          },
        },
      });
      expect(run.code, run.stdout).toBe(0);
      expect(w.github.requests.map((r) => `${r.method} ${r.path}`)).toContain(
        'GET /repos/octo/demo/pulls/5',
      );
      expect(w.remoteBranches()).toEqual(['main', 'patch-1'].filter((b) => b === 'main'));
      expect(run.outputs['commit-sha']).toBe('');
      expect(annotations(run, 'warning').join('\n')).toMatch(/fork/);
      expect(run.outputs['artifact-id']).toMatch(/^\d+$/);
    });
  }, 180_000);

  it('issue_comment with output pull-request targets the PR head branch, not the default branch', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      w.github.setPermission('octocat', 'write');
      w.repo.git('checkout', '-q', '-b', 'feature');
      w.repo.git('push', '-q', 'origin', 'feature');
      const head = w.repo.git('rev-parse', 'HEAD').trim();
      w.github.pulls.push({
        number: 6,
        title: 'a feature',
        body: '',
        draft: false,
        state: 'open',
        head: 'feature',
        base: 'main',
        headSha: head,
      });
      const run = await w.run({
        inputs: { output: 'pull-request' },
        event: {
          name: 'issue_comment',
          payload: {
            action: 'created',
            issue: { number: 6, pull_request: { url: 'https://api.example/pulls/6' } },
            comment: { id: 1, body: '/greenloop', user: { login: 'octocat', type: 'User' } },
            sender: { login: 'octocat', type: 'User' },
            repository: { full_name: 'octo/demo', default_branch: 'main' },
          },
        },
      });
      expect(run.code, run.stdout).toBe(0);
      const created = w.github.pulls.find((p) => p.head === 'greenloop/4242');
      expect(created?.base).toBe('feature');
      expect(w.remoteGit('rev-parse', 'refs/heads/greenloop/4242^').trim()).toBe(head);
    });
  }, 180_000);

  it("resume-from refuses an artifact of that name made by a fork's pull request run", async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      const zip = new AdmZip();
      zip.addFile(
        'checkpoint/checkpoint.json',
        Buffer.from(JSON.stringify({ schemaVersion: 1, note: 'planted by a fork' })),
      );
      w.github.artifacts.push({
        id: 77,
        name: 'greenloop-checkpoint-fix',
        runId: 4000,
        createdAt: '2026-11-30T10:00:00Z',
        expired: false,
        zip: zip.toBuffer(),
        headRepositoryId: 999,
        headBranch: 'main',
      });
      const run = await w.run({
        inputs: { output: 'artifact', 'resume-from': 'greenloop-checkpoint-fix' },
      });
      expect(run.code).toBe(1);
      const errors = annotations(run, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/fork/);
      expect(w.github.requests.some((r) => r.path.endsWith('/zip'))).toBe(false);
      expect(w.model.requests).toEqual([]);
    });
  }, 120_000);

  it('an artifact service that refuses every upload: one warning annotation for it, checkpoints in the log only', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      for (let i = 0; i < 20; i++) {
        w.artifacts.faults.push({
          method: 'CreateArtifact',
          status: 403,
          msg: 'Artifact storage quota has been hit. Unable to upload any new artifacts.',
        });
      }
      const run = await w.run({ inputs: { output: 'artifact' } });
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.status).toBe('success');
      expect(run.outputs['artifact-id']).toBe('');
      const warnings = annotations(run, 'warning');
      expect(warnings, run.stdout).toHaveLength(1);
      expect(warnings[0]).toMatch(/^::warning::artifact '[^']+' upload failed: .*storage quota/);
      expect(run.stdout).toContain('Could not upload the checkpoint');
      expect(annotations(run, 'error')).toEqual([]);
    });
  }, 180_000);

  it('GitHub Enterprise Server: one warning up front naming the outputs to use instead, no artifact call', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      const run = await w.run({ inputs: { output: 'artifact' }, env: w.artifacts.ghesEnv() });
      expect(run.code, run.stdout).toBe(0);
      const warnings = annotations(run, 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Enterprise Server/);
      expect(warnings[0]).toMatch(/output: commit/);
      expect(w.artifacts.requests).toEqual([]);
      expect(run.outputs.status).toBe('success');

      // resume-from an artifact name cannot work there: one error line, before any model call.
      const modelCalls = w.model.requests.length;
      const resumed = await w.run({
        inputs: { output: 'commit', 'resume-from': 'greenloop-checkpoint-fix' },
        env: w.artifacts.ghesEnv(),
      });
      expect(resumed.code).toBe(1);
      const errors = annotations(resumed, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/resume-from.*Enterprise Server/);
      expect(resumed.stdout).toContain('No checkpoint artifacts either');
      expect(w.model.requests).toHaveLength(modelCalls);
      expect(w.github.requests.filter((r) => r.path.includes('/actions/'))).toEqual([]);
      expect(w.artifacts.requests).toEqual([]);
    });
  }, 120_000);

  it('GHE.com (data residency, *.ghe.com) is not GHES: the artifact and checkpoint are uploaded, no warning', async () => {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      const run = await w.run({
        inputs: { output: 'artifact' },
        env: { GITHUB_SERVER_URL: 'https://octo-corp.ghe.com' },
      });
      expect(run.code, run.stdout).toBe(0);
      expect(annotations(run, 'warning'), run.stdout).toEqual([]);
      expect(run.stdout).not.toMatch(/Enterprise Server/);
      expect(
        w.artifacts
          .live()
          .map((a) => a.name)
          .sort(),
      ).toEqual(['greenloop-checkpoint-fix', 'greenloop-fix-attempt1']);
      const result = w.artifacts.live().find((a) => a.name === 'greenloop-fix-attempt1');
      expect(run.outputs['artifact-id']).toBe(String(result?.id));
    });
  }, 120_000);
});

/**
 * A same-repository pull request event from branch `feature` to `main` as the runner gives it:
 * the payload and GITHUB_SHA / GITHUB_REF of the event's checkout (`sha`, `ref`).
 */
function prEvent(
  name: string,
  pr: { number: number; head: string; base: string; sha: string; ref: string },
) {
  const side = (ref: string, sha: string) => ({ ref, sha, repo: { full_name: 'octo/demo' } });
  return {
    event: {
      name,
      payload: {
        action: name === 'pull_request' ? 'synchronize' : 'labeled',
        number: pr.number,
        pull_request: {
          number: pr.number,
          head: side('feature', pr.head),
          base: side('main', pr.base),
        },
        repository: { full_name: 'octo/demo', default_branch: 'main' },
        sender: { login: 'octocat', type: 'User' },
      },
    },
    env: {
      GITHUB_SHA: pr.sha,
      GITHUB_REF: pr.ref,
      GITHUB_HEAD_REF: 'feature',
      GITHUB_BASE_REF: 'main',
    },
  };
}
