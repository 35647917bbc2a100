import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutputKind } from '../../src/config/types.js';
import { readGitHubContext, type GitHubContext } from '../../src/github/context.js';
import {
  BODY_LIMIT,
  COMMENT_MARKER,
  capBody,
  describeApiError,
  publish,
  type PublishOptions,
} from '../../src/github/publish.js';
import type { RunRecord } from '../../src/core/record.js';
import { renderSummary } from '../../src/report/summary.js';
import { FakeArtifactService } from '../fakes/artifact-service.js';
import { FakeGitHubApi } from '../fakes/github-api.js';
import { createRemoteRepo, type RemoteRepo, removeRemoteTemplate } from '../helpers/repo.js';

const TOKEN = 'ghs_publishtoken';

function record(diff: string): RunRecord {
  return {
    schemaVersion: 1,
    status: 'success',
    stopReason: 'all tests pass',
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    durationMs: 60_000,
    config: {},
    model: 'gpt-5.1-codex-max',
    api: 'responses',
    sandbox: { mode: 'none', reason: 'test' },
    testCommand: 'npm test',
    task: '',
    baseline: undefined,
    final: undefined,
    comparison: { fixed: ['add works'], stillFailing: [], newlyFailing: [] },
    flaky: [],
    iterations: [],
    totals: {
      iterations: 1,
      turns: 2,
      inputTokens: 10,
      cachedInputTokens: 0,
      outputTokens: 5,
      reasoningTokens: 0,
      tokens: 15,
      costUsd: 0.01,
      compactions: 0,
    },
    filesChanged: [],
    dropped: [],
    plan: [],
    explanation: 'fixed add',
    diff,
    warnings: [],
  };
}

const api = new FakeGitHubApi('octo', 'proj');
const artifacts = new FakeArtifactService();

/** Name and id (FinalizeArtifact's artifact_id) the fake service issued for the last upload. */
function lastIssued(): { artifactName: string; artifactId: number } {
  const last = artifacts.artifacts.filter((a) => a.finalized).at(-1);
  if (last === undefined) throw new Error('the fake artifact service finalized no artifact');
  return { artifactName: last.name, artifactId: last.id };
}
const logs: string[] = [];
const log = {
  info: (m: string): void => void logs.push(`info: ${m}`),
  warn: (m: string): void => void logs.push(`warning: ${m}`),
};

beforeAll(async () => {
  await api.start();
  await artifacts.start();
  Object.assign(process.env, artifacts.env());
  process.env.GITHUB_SERVER_URL = 'https://github.com';
});
afterAll(async () => {
  await api.stop();
  await artifacts.stop();
});

describe('publish', () => {
  let repo: RemoteRepo;
  let outDir = '';
  /** Outside the work tree: the report files and event payloads of one test. */
  let scratch = '';
  let eventSeq = 0;

  beforeEach(() => {
    repo = createRemoteRepo();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-publish-'));
    outDir = path.join(scratch, 'out');
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, 'summary.md'), '## greenloop\n\nAll 3 tests pass now.\n');
    fs.writeFileSync(path.join(outDir, 'greenloop.diff'), 'diff --git a/app.js b/app.js\n');
    fs.writeFileSync(path.join(repo.dir, 'app.js'), 'export const add = (a, b) => a + b;\n');
    api.pulls.length = 0;
    api.comments.length = 0;
    api.requests.length = 0;
    logs.length = 0;
  });
  afterEach(() => {
    repo.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  afterAll(removeRemoteTemplate);

  function ctx(
    event: string,
    payload: Record<string, unknown>,
    env: Record<string, string> = {},
  ): GitHubContext {
    const file = path.join(scratch, `event-${eventSeq++}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        repository: { full_name: 'octo/proj', default_branch: 'main' },
        ...payload,
      }),
    );
    return readGitHubContext({
      GITHUB_REPOSITORY: 'octo/proj',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: file,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: api.url,
      GITHUB_WORKSPACE: repo.dir,
      ...env,
    });
  }

  function prContext(fork = false): GitHubContext {
    return ctx(
      'pull_request',
      {
        number: 7,
        pull_request: {
          number: 7,
          head: { ref: 'feature', repo: { full_name: fork ? 'mallory/proj' : 'octo/proj' } },
          base: { ref: 'main', repo: { full_name: 'octo/proj' } },
        },
      },
      { GITHUB_REF: 'refs/pull/7/merge', GITHUB_HEAD_REF: 'feature', GITHUB_BASE_REF: 'main' },
    );
  }

  function options(over: Partial<PublishOptions>): PublishOptions {
    return {
      outputs: ['pull-request'] as OutputKind[],
      record: record('diff --git a/app.js b/app.js\n'),
      files: {
        dir: outDir,
        list: [path.join(outDir, 'summary.md'), path.join(outDir, 'greenloop.diff')],
        diffPath: path.join(outDir, 'greenloop.diff'),
        summaryPath: path.join(outDir, 'summary.md'),
        reportPath: path.join(outDir, 'report.json'),
      },
      context: ctx('workflow_dispatch', {}),
      token: TOKEN,
      branch: 'greenloop/fix',
      commitMessage: 'greenloop: fix add',
      prTitle: 'greenloop: fix the tests',
      prDraft: true,
      comment: false,
      artifactName: 'greenloop',
      retentionDays: 1,
      log,
      workspace: repo.dir,
      ...over,
    };
  }

  it('commits, pushes and opens a PR, then updates the same PR on a second run', async () => {
    const first = await publish(options({ context: prContext() }));
    expect(first.errors).toEqual([]);
    expect(first.branch).toBe('greenloop/fix');
    expect(first.prUrl).toBe('https://github.example/octo/proj/pull/1');
    expect(repo.remoteGit('rev-parse', 'refs/heads/greenloop/fix').trim()).toBe(first.commitSha);
    expect(repo.remoteGit('show', `${first.commitSha ?? ''}:app.js`).trim()).toContain('a + b');
    expect(api.pulls).toHaveLength(1);
    expect(api.pulls[0]).toMatchObject({
      head: 'greenloop/fix',
      base: 'feature',
      draft: true,
      title: 'greenloop: fix the tests',
      body: '## greenloop\n\nAll 3 tests pass now.\n',
    });
    const create = api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/pulls'));
    expect(create?.authorization).toBe(`token ${TOKEN}`);

    fs.writeFileSync(path.join(outDir, 'summary.md'), '## greenloop\n\nSecond run.\n');
    fs.writeFileSync(path.join(repo.dir, 'app.js'), 'export const add = (a, b) => b + a;\n');
    // The branch tip read before the second run: the push may replace exactly that.
    const second = await publish(
      options({ context: prContext(), remoteTip: first.commitSha ?? '' }),
    );
    expect(second.errors).toEqual([]);
    expect(second.prUrl).toBe(first.prUrl);
    expect(second.commitSha).not.toBe(first.commitSha);
    expect(api.pulls).toHaveLength(1);
    expect(api.pulls[0]?.body).toBe('## greenloop\n\nSecond run.\n');
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    const list = api.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pulls'));
    expect(list.at(-1)?.query).toMatchObject({ head: 'octo:greenloop/fix', state: 'open' });
    expect(repo.remoteGit('rev-parse', 'refs/heads/greenloop/fix').trim()).toBe(second.commitSha);
    expect(fs.existsSync(repo.hookMarker)).toBe(false);
    expect(fs.readFileSync(path.join(repo.dir, '.git', 'config'), 'utf8')).not.toContain(TOKEN);
  });

  it('defaults the branch to greenloop/<run id> and targets the ref branch', async () => {
    const result = await publish(options({ branch: '' }));
    expect(result.errors).toEqual([]);
    expect(result.branch).toBe('greenloop/4242');
    expect(api.pulls[0]).toMatchObject({ head: 'greenloop/4242', base: 'main' });
  });

  it('a branch someone pushed to during the run: nothing overwritten, no commit-sha, and why', async () => {
    // The output branch as it was when the run started (read with ls-remote before the run).
    const main = repo.remoteGit('rev-parse', 'main').trim();
    repo.remoteGit('update-ref', 'refs/heads/greenloop/nightly', main);
    // Someone pushes to it while the loop runs (a commit on top, made in the remote).
    const tree = repo.remoteGit('rev-parse', `${main}^{tree}`).trim();
    const theirs = repo
      .remoteGit(
        '-c',
        'user.name=Bob',
        '-c',
        'user.email=b@x',
        'commit-tree',
        tree,
        '-p',
        main,
        '-m',
        'bob',
      )
      .trim();
    repo.remoteGit('update-ref', 'refs/heads/greenloop/nightly', theirs);

    const result = await publish(
      options({ outputs: ['commit'], branch: 'greenloop/nightly', remoteTip: main }),
    );
    expect(repo.remoteGit('rev-parse', 'refs/heads/greenloop/nightly').trim()).toBe(theirs);
    expect(result.branch).toBeUndefined();
    // The commit exists only in the runner's clone: no output may name it.
    expect(result.commitSha).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const [error = ''] = result.errors;
    // git's own reason (the --porcelain line on stdout), then what it means and what to do.
    expect(error).toContain('[rejected] (stale info)');
    expect(error).toMatch(/changed on the remote during the run/);
    expect(error).toMatch(/nothing was overwritten/);
    expect(error).toMatch(/rerun|another .*branch/i);
  });

  it('refuses to push to the default branch, leaving it untouched', async () => {
    const before = repo.remoteGit('rev-parse', 'main').trim();
    const result = await publish(options({ outputs: ['commit'], branch: 'main' }));
    expect(result.branch).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^commit: .*checked out|^push: refused to push to the default branch 'main'/,
    );
    expect(repo.remoteGit('rev-parse', 'main').trim()).toBe(before);
  });

  it('refuses to push to the default branch even when it is not checked out', async () => {
    repo.git('checkout', '--quiet', '--detach').trim();
    const before = repo.remoteGit('rev-parse', 'main').trim();
    const result = await publish(options({ outputs: ['commit'], branch: 'main' }));
    expect(result.errors).toEqual([
      "push: refused to push to the default branch 'main'; set a different output branch",
    ]);
    expect(repo.remoteGit('rev-parse', 'main').trim()).toBe(before);
  });

  it('downgrades commit and pull-request to an artifact for a fork PR', async () => {
    const result = await publish(
      options({ context: prContext(true), outputs: ['commit', 'pull-request'] }),
    );
    expect(result.errors).toEqual([]);
    expect(result.branch).toBeUndefined();
    expect(result).toMatchObject(lastIssued());
    expect(logs.some((l) => l.startsWith('warning: not pushing to the fork'))).toBe(true);
    expect(() =>
      repo.remoteGit('rev-parse', '--verify', 'refs/heads/greenloop/fix').trim(),
    ).toThrow();
    expect(api.requests).toEqual([]);
    expect([...artifacts.entries('greenloop').keys()].sort()).toEqual([
      'greenloop.diff',
      'summary.md',
    ]);
  });

  it('refuses commit/PR when protected paths were touched', async () => {
    const result = await publish(options({ protectedPathsTouched: ['.github/workflows/ci.yml'] }));
    expect(result.errors).toEqual([
      'commit/pull-request refused: the change touches protected paths (.github/workflows/ci.yml)',
    ]);
    expect(result).toMatchObject(lastIssued());
    expect(api.pulls).toHaveLength(0);
  });

  it('skips git when there is nothing to publish', async () => {
    const result = await publish(options({ record: record('') }));
    expect(result).toEqual({ errors: [] });
    expect(logs).toContain('info: commit/pull-request skipped: no changes to publish');
  });

  it('turns a 403 on PR creation into a readable error with the setting to change', async () => {
    api.faults.push({
      method: 'POST',
      path: '/pulls',
      status: 403,
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
    });
    const result = await publish(options({}));
    expect(result.branch).toBe('greenloop/fix');
    expect(result.prUrl).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^pull request: HTTP 403: GitHub Actions is not permitted to create or approve pull requests\..*Allow GitHub Actions to create and approve pull requests/,
    );
  });

  // A secondary rate limit: 403 or 429, a message naming it, often `retry-after` (docs.github.com
  // REST "Rate limits for the REST API", "About secondary rate limits"; the message as GitHub words it).
  it.each([403, 429])(
    'a secondary rate limit (%i) on PR creation is named as a rate limit with its retry-after, not as permissions',
    async (status) => {
      api.faults.push({
        method: 'POST',
        path: '/pulls',
        status,
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 1234:5678.',
        headers: { 'retry-after': '60' },
      });
      const result = await publish(options({}));
      expect(result.errors).toHaveLength(1);
      const [error = ''] = result.errors;
      expect(error).toMatch(new RegExp(`^pull request: HTTP ${status}: You have exceeded`));
      expect(error).toMatch(/hint: GitHub's secondary rate limit: retry after 60 s/);
      expect(error).not.toMatch(/permissions/);
    },
  );

  it('an exhausted primary rate limit (x-ratelimit-remaining: 0) is named with its reset time', async () => {
    // docs.github.com REST "Rate limits for the REST API": 403 or 429, x-ratelimit-remaining 0,
    // x-ratelimit-reset in UTC epoch seconds; the message as GitHub words it for an installation.
    api.faults.push({
      method: 'POST',
      path: '/pulls',
      status: 403,
      message: 'API rate limit exceeded for installation ID 1234.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' },
    });
    const result = await publish(options({}));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /hint: GitHub's API rate limit for this token is used up until 2027-01-15T08:00:00Z/,
    );
    expect(result.errors[0]).not.toMatch(/permissions/);
  });

  it('a comment refused because the conversation is locked says so, not permissions', async () => {
    // GitHub's 403 on POST .../issues/{n}/comments of a locked conversation (seen in
    // renovatebot/renovate#6215, probot/stale#25); the REST docs list 403 and 422 there.
    api.faults.push({
      method: 'POST',
      path: '/comments',
      status: 403,
      message: 'Unable to create comment because issue is locked.',
    });
    const context = ctx('issue_comment', {
      issue: { number: 7, pull_request: { url: 'x' } },
      comment: { body: '/greenloop' },
    });
    const result = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^comment: HTTP 403: Unable to create comment because issue is locked\. \(hint: the conversation is locked/,
    );
    expect(result.errors[0]).not.toMatch(/permissions/);
  });

  it('posts one summary comment and updates it on later runs', async () => {
    const context = ctx('issue_comment', {
      issue: { number: 7, pull_request: { url: 'x' } },
      comment: { body: '/greenloop' },
    });
    api.comments.push({ id: 1, issue: 7, body: 'unrelated', user: 'bob' });
    const first = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(first.errors).toEqual([]);
    expect(first.commentUrl).toBe('https://github.example/octo/proj/pull/7#issuecomment-5000');
    const mine = api.comments.filter((c) => c.body.includes(COMMENT_MARKER));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toContain('All 3 tests pass now.');

    fs.writeFileSync(path.join(outDir, 'summary.md'), 'run two\n');
    const second = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(second.commentUrl).toBe(first.commentUrl);
    expect(api.comments).toHaveLength(2);
    expect(api.comments.find((c) => c.id === 5000)?.body).toBe(`${COMMENT_MARKER}\nrun two\n`);
    expect(api.comments.find((c) => c.id === 1)?.body).toBe('unrelated');
  });

  it('leaves a marker comment someone else wrote alone: only its own comment is updated', async () => {
    const context = ctx('issue_comment', {
      issue: { number: 8, pull_request: { url: 'x' } },
      comment: { body: '/greenloop' },
    });
    // Anyone can paste the marker; the token (an installation token) is github-actions[bot].
    api.comments.push({
      id: 2,
      issue: 8,
      body: `${COMMENT_MARKER}\nfake summary`,
      user: 'mallory',
    });
    const first = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(first.errors).toEqual([]);
    expect(api.comments.find((c) => c.id === 2)?.body).toBe(`${COMMENT_MARKER}\nfake summary`);
    const created = api.comments.filter((c) => c.user === 'github-actions[bot]');
    expect(created).toHaveLength(1);
    // GET /user refuses installation tokens; GraphQL viewer named the bot.
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /graphql');
    const second = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(second.commentUrl).toBe(first.commentUrl);
    expect(api.comments.filter((c) => c.issue === 8)).toHaveLength(2);
  });

  it('opens a ready pull request where drafts are refused, and says so', async () => {
    Object.assign(api.settings, { private: true, plan: 'pro' });
    try {
      const result = await publish(options({}));
      expect(result.errors).toEqual([]);
      expect(api.pulls[0]?.draft).toBe(false);
      expect(logs.some((l) => l.includes('does not support draft pull requests'))).toBe(true);
    } finally {
      Object.assign(api.settings, { private: false, plan: 'free' });
    }
  });

  it('opens a ready pull request when the draft refusal comes as a validation error entry', async () => {
    api.faults.push({
      method: 'POST',
      path: '/pulls',
      status: 422,
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'Draft pull requests are not supported in this repository.',
        },
      ],
    });
    const result = await publish(options({}));
    expect(result.errors).toEqual([]);
    expect(api.pulls.map((p) => p.draft)).toEqual([false]);
    expect(logs.some((l) => l.includes('does not support draft pull requests'))).toBe(true);
  });

  it('a GITHUB_TOKEN without pull-requests: write gets the permission to add, not a bare 403', async () => {
    const saved = api.settings.tokenPermissions;
    api.settings.tokenPermissions = { ...saved, 'pull-requests': 'read' };
    try {
      const result = await publish(options({}));
      expect(result.branch).toBe('greenloop/fix');
      expect(result.errors).toEqual([
        expect.stringMatching(
          /^pull request: HTTP 403: Resource not accessible by integration \(hint: .*pull-requests: write/,
        ),
      ]);
      expect(api.pulls).toEqual([]);
    } finally {
      api.settings.tokenPermissions = saved;
    }
  });

  it('finds its own comment past the first page of a long discussion', async () => {
    const context = ctx('issue_comment', {
      issue: { number: 9, pull_request: { url: 'x' } },
      comment: { body: '/greenloop' },
    });
    for (let id = 1; id <= 130; id++) {
      api.comments.push({ id, issue: 9, body: `comment ${id}`, user: 'bob' });
    }
    api.comments.push({
      id: 131,
      issue: 9,
      body: `${COMMENT_MARKER}\nold summary`,
      user: 'github-actions[bot]',
    });
    const result = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(result.errors).toEqual([]);
    expect(api.comments).toHaveLength(131);
    expect(api.comments.find((c) => c.id === 131)?.body).toContain('All 3 tests pass now.');
    const pages = api.requests.filter((r) => r.path.endsWith('/issues/9/comments'));
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
  });

  it('updates the github-actions[bot] comment when neither GET /user nor GraphQL names the token', async () => {
    const context = ctx('issue_comment', {
      issue: { number: 11, pull_request: { url: 'x' } },
      comment: { body: '/greenloop' },
    });
    api.comments.push({ id: 4, issue: 11, body: `${COMMENT_MARKER}\nmallory`, user: 'mallory' });
    api.comments.push({
      id: 5,
      issue: 11,
      body: `${COMMENT_MARKER}\nold`,
      user: 'github-actions[bot]',
    });
    api.faults.push({ method: 'POST', path: '/graphql', status: 502, message: 'Bad Gateway' });
    const result = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(result.errors).toEqual([]);
    expect(api.comments.filter((c) => c.issue === 11)).toHaveLength(2);
    expect(api.comments.find((c) => c.id === 5)?.body).toContain('All 3 tests pass now.');
    expect(api.comments.find((c) => c.id === 4)?.body).toBe(`${COMMENT_MARKER}\nmallory`);
  });

  it('posts a new comment when GitHub could not say who the token is (server errors, not a 403)', async () => {
    const context = ctx('issue_comment', {
      issue: { number: 12, pull_request: { url: 'x' } },
      comment: { body: '/greenloop' },
    });
    api.comments.push({
      id: 6,
      issue: 12,
      body: `${COMMENT_MARKER}\nanother workflow's`,
      user: 'github-actions[bot]',
    });
    api.faults.push({ method: 'GET', path: '/user', status: 502, message: 'Bad Gateway' });
    api.faults.push({ method: 'POST', path: '/graphql', status: 502, message: 'Bad Gateway' });
    const result = await publish(options({ outputs: ['none'], comment: true, context }));
    expect(result.errors).toEqual([]);
    expect(api.comments.find((c) => c.id === 6)?.body).toBe(
      `${COMMENT_MARKER}\nanother workflow's`,
    );
    expect(api.comments.filter((c) => c.issue === 12)).toHaveLength(2);
  });

  it("with a user's token, a bot's comment of the same name is not the token's own", async () => {
    const context = ctx('issue_comment', {
      issue: { number: 10, pull_request: { url: 'x' } },
      comment: { body: '/greenloop' },
    });
    const saved = api.settings.tokenLogin;
    api.settings.tokenLogin = 'alice';
    // An App whose slug is `alice` posts as alice[bot]; the token is alice's own.
    api.comments.push({ id: 3, issue: 10, body: `${COMMENT_MARKER}\nbot`, user: 'alice[bot]' });
    try {
      const result = await publish(
        options({ outputs: ['none'], comment: true, context, token: 'ghp_usertoken' }),
      );
      expect(result.errors).toEqual([]);
      expect(api.comments.find((c) => c.id === 3)?.body).toBe(`${COMMENT_MARKER}\nbot`);
      expect(api.comments.filter((c) => c.issue === 10)).toHaveLength(2);
    } finally {
      api.settings.tokenLogin = saved;
    }
  });

  it("names the setting when Actions may not create pull requests (the fake's setting off)", async () => {
    api.settings.actionsCanCreatePullRequests = false;
    try {
      const result = await publish(options({}));
      expect(result.errors).toEqual([
        expect.stringMatching(
          /^pull request: HTTP 403: GitHub Actions is not permitted to create or approve pull requests\..*Settings → Actions → General/,
        ),
      ]);
    } finally {
      api.settings.actionsCanCreatePullRequests = true;
    }
  });

  it('skips the comment on events without a pull request', async () => {
    const result = await publish(options({ outputs: ['none'], comment: true }));
    expect(result).toEqual({ errors: [] });
    expect(api.requests).toEqual([]);
  });

  it('uses a given summary and redacts what goes to GitHub and into errors', async () => {
    const redactor = { redact: (text: string): string => text.split('SECRET-1').join('***') };
    api.faults.push({ method: 'POST', path: '/pulls', status: 422, message: 'bad SECRET-1' });
    const failed = await publish(options({ summary: 'given SECRET-1 summary', redactor }));
    expect(failed.errors).toEqual(['pull request: HTTP 422: bad ***']);
    const result = await publish(
      options({ summary: 'given SECRET-1 summary', redactor, remoteTip: failed.commitSha ?? '' }),
    );
    expect(result.errors).toEqual([]);
    expect(api.pulls[0]?.body).toBe('given *** summary');
  });

  it('reports an artifact failure as an error line', async () => {
    artifacts.faults.push({ method: 'CreateArtifact', status: 403, msg: 'artifacts disabled' });
    const result = await publish(options({ outputs: ['artifact'] }));
    expect(result.artifactId).toBeUndefined();
    expect(result.errors[0]).toMatch(/^artifact 'greenloop' upload failed: .*artifacts disabled/);
  });

  describe('a summary whose diff was cut says where the full diff really is', () => {
    const bigDiff = `diff --git a/big.js b/big.js\n${'+// padding line\n'.repeat(400)}`;
    const cutSummary = (): string =>
      renderSummary({ ...record(bigDiff), filesChanged: [] }, { diffLimitBytes: 1000 });
    const issueContext = (): GitHubContext =>
      ctx('issue_comment', {
        issue: { number: 7, pull_request: { url: 'x' } },
        comment: { body: '/greenloop' },
      });

    it('output pull-request (no artifact): the PR body names the pushed commit, not an artifact', async () => {
      const summary = cutSummary();
      expect(summary).toContain('Diff truncated');
      const result = await publish(options({ record: record(bigDiff), summary }));
      expect(result.errors).toEqual([]);
      const body = api.pulls[0]?.body ?? '';
      expect(body).toContain(
        `The full diff is commit ${result.commitSha ?? '?'} on branch \`greenloop/fix\`.`,
      );
      expect(body).not.toMatch(/artifact/i);
    });

    it('output artifact + pull-request: both places are named', async () => {
      const result = await publish(
        options({
          outputs: ['artifact', 'pull-request'],
          record: record(bigDiff),
          summary: cutSummary(),
        }),
      );
      expect(result.errors).toEqual([]);
      expect(api.pulls[0]?.body).toContain(
        `The full diff is commit ${result.commitSha ?? '?'} on branch \`greenloop/fix\`, and \`greenloop.diff\` in the artifact \`${result.artifactName ?? '?'}\`.`,
      );
    });

    it('output none with a comment: the comment says the full diff was not published', async () => {
      const result = await publish(
        options({
          outputs: ['none'],
          comment: true,
          context: issueContext(),
          record: record(bigDiff),
          summary: cutSummary(),
        }),
      );
      expect(result.errors).toEqual([]);
      const body = api.comments.at(-1)?.body ?? '';
      expect(body).toContain('Diff truncated');
      expect(body).toContain('The full diff was not published');
      expect(body).not.toMatch(/artifact/i);
    });
  });
});

describe('publish helpers', () => {
  it('caps bodies at the GitHub limit', () => {
    expect(capBody('short')).toBe('short');
    const capped = capBody('x'.repeat(100_000));
    expect(capped.length).toBe(BODY_LIMIT);
    expect(capped).toContain('the job summary of the run has all of it');
  });

  it('never cuts a body inside a code fence', () => {
    const log = '```text\n' + 'a failing line\n'.repeat(6000) + '```\n';
    const text = `## greenloop\n\nintro\n\n${log}\nafter\n`;
    const capped = capBody(text);
    expect(capped.length).toBeLessThanOrEqual(BODY_LIMIT);
    const fences = capped.split('\n').filter((line) => line.startsWith('```'));
    expect(fences.length % 2).toBe(0);
    expect(capped).toContain('intro');
    expect(capped).toContain('the job summary of the run has all of it');
  });

  it('never cuts inside a longer fence holding ``` lines (the summary fences logs that way)', () => {
    const log = '````text\n' + '```js\nconsole.log(1)\n```\n'.repeat(3000) + '````\n';
    const text = `## greenloop\n\nintro\n\n${log}\nafter\n`;
    const capped = capBody(text);
    expect(capped.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(capped).not.toContain('````');
    expect(capped).not.toContain('console.log');
    expect(capped.startsWith('## greenloop\n\nintro')).toBe(true);
  });

  it.each<[unknown, string]>([
    [
      Object.assign(new Error('x'), {
        status: 422,
        response: {
          data: {
            message: 'Validation Failed',
            errors: ['Draft pull requests are not supported in this repository.'],
          },
        },
      }),
      'HTTP 422: Validation Failed (Draft pull requests are not supported in this repository.)',
    ],
    [
      Object.assign(new Error('x'), {
        status: 403,
        response: { data: { message: 'Resource not accessible by integration' } },
      }),
      'HTTP 403: Resource not accessible by integration (hint: give the workflow `permissions: contents: write, pull-requests: write` (and issues: write for comments); fork pull requests get a read-only token)',
    ],
    [
      Object.assign(new Error('x'), {
        status: 422,
        response: {
          data: {
            message: 'Validation Failed',
            errors: [{ message: 'No commits between main and b' }],
          },
        },
      }),
      'HTTP 422: Validation Failed (No commits between main and b)',
    ],
    [
      Object.assign(new Error('Bad credentials'), { status: 401 }),
      'HTTP 401: Bad credentials (hint: the github-token is invalid or expired)',
    ],
    [new Error('socket hang up'), 'socket hang up'],
  ])('describeApiError %#', (error, expected) => {
    expect(describeApiError(error)).toBe(expected);
  });
});
