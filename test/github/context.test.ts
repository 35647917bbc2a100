import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readGitHubContext,
  startingBranch,
  withPullRequest,
  type PullsClient,
} from '../../src/github/context.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function envWith(event: string, payload: unknown, extra: Record<string, string> = {}) {
  const file = path.join(dir, `${event}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(payload));
  return {
    GITHUB_REPOSITORY: 'octo/proj',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_SHA: 'abc123',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '777',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_ACTOR: 'alice',
    GITHUB_SERVER_URL: 'https://github.com/',
    GITHUB_API_URL: 'https://api.github.com',
    ...extra,
  };
}

const repository = { full_name: 'octo/proj', default_branch: 'trunk' };

describe('readGitHubContext', () => {
  it('reads a push event', () => {
    const ctx = readGitHubContext(
      envWith('push', { repository, sender: { login: 'alice', type: 'User' } }),
    );
    expect(ctx).toMatchObject({
      owner: 'octo',
      repo: 'proj',
      eventName: 'push',
      sha: 'abc123',
      ref: 'refs/heads/main',
      refName: 'main',
      runId: '777',
      runAttempt: 2,
      actor: 'alice',
      sender: { login: 'alice', type: 'User' },
      serverUrl: 'https://github.com',
      defaultBranch: 'trunk',
      isFork: false,
      prNumber: undefined,
      workflowRun: undefined,
    });
    expect(startingBranch(ctx)).toBe('main');
  });

  it('tolerates a missing or broken event file', () => {
    const missing = readGitHubContext({ GITHUB_EVENT_PATH: path.join(dir, 'nope.json') });
    expect(missing.payload).toEqual({});
    expect(missing.serverUrl).toBe('https://github.com');
    fs.writeFileSync(path.join(dir, 'bad.json'), '{not json');
    expect(readGitHubContext({ GITHUB_EVENT_PATH: path.join(dir, 'bad.json') }).payload).toEqual(
      {},
    );
  });

  it('reads a same-repo pull request', () => {
    const ctx = readGitHubContext(
      envWith(
        'pull_request',
        {
          repository,
          number: 9,
          pull_request: {
            number: 9,
            head: { ref: 'feature', repo: { full_name: 'octo/proj' } },
            base: { ref: 'trunk', repo: { full_name: 'octo/proj' } },
          },
        },
        { GITHUB_REF: 'refs/pull/9/merge', GITHUB_HEAD_REF: 'feature', GITHUB_BASE_REF: 'trunk' },
      ),
    );
    expect(ctx).toMatchObject({ prNumber: 9, isFork: false, headRef: 'feature', baseRef: 'trunk' });
    expect(startingBranch(ctx)).toBe('feature');
  });

  it('marks a fork pull request (and a deleted fork)', () => {
    const pr = (head: unknown) => ({
      repository,
      pull_request: {
        number: 3,
        head: { ref: 'patch-1', repo: head },
        base: { repo: { full_name: 'octo/proj' } },
      },
    });
    const fork = readGitHubContext(
      envWith('pull_request_target', pr({ full_name: 'mallory/proj' })),
    );
    expect(fork).toMatchObject({ isFork: true, headRepository: 'mallory/proj', prNumber: 3 });
    expect(readGitHubContext(envWith('pull_request_target', pr(null))).isFork).toBe(true);
  });

  it('reads an issue comment on a PR', () => {
    const ctx = readGitHubContext(
      envWith('issue_comment', {
        repository,
        issue: { number: 12, pull_request: { url: 'x' } },
        comment: { body: '/greenloop' },
        sender: { login: 'bob', type: 'User' },
      }),
    );
    expect(ctx).toMatchObject({ prNumber: 12, sender: { login: 'bob' } });
    const plainIssue = readGitHubContext(envWith('issue_comment', { issue: { number: 4 } }));
    expect(plainIssue.prNumber).toBeUndefined();
  });

  it('reads workflow_run info', () => {
    const ctx = readGitHubContext(
      envWith('workflow_run', {
        repository,
        workflow_run: {
          id: 55,
          event: 'pull_request',
          head_sha: 'def456',
          head_branch: 'broken',
          conclusion: 'failure',
          actor: { login: 'carol', type: 'User' },
          triggering_actor: { login: 'dave', type: 'User' },
          head_repository: { full_name: 'octo/proj' },
          pull_requests: [{ number: 8 }],
        },
      }),
    );
    expect(ctx.workflowRun).toEqual({
      id: 55,
      event: 'pull_request',
      headSha: 'def456',
      headBranch: 'broken',
      conclusion: 'failure',
      actor: { login: 'carol', type: 'User' },
      triggeringActor: { login: 'dave', type: 'User' },
      headRepository: 'octo/proj',
      pullRequests: [8],
    });
    expect(ctx.isFork).toBe(false);
    expect(startingBranch(ctx)).toBe('broken');
  });
});

describe('withPullRequest (issue_comment)', () => {
  const comment = (): ReturnType<typeof readGitHubContext> => {
    const file = path.join(dir, 'comment-pr.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        issue: { number: 9, pull_request: { url: 'x' } },
        comment: { body: '/greenloop' },
        repository,
      }),
    );
    return readGitHubContext({
      GITHUB_REPOSITORY: 'octo/proj',
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: file,
      GITHUB_REF: 'refs/heads/trunk',
    });
  };
  const client = (head: unknown): PullsClient & { asked: unknown[] } => {
    const asked: unknown[] = [];
    return {
      asked,
      request: async (_route, params) => {
        asked.push(params);
        return { data: { number: 9, head, base: { ref: 'trunk' } } };
      },
    };
  };

  it('the payload alone looks same-repo and starts from the default branch', () => {
    const context = comment();
    expect(context.isFork).toBe(false);
    expect(startingBranch(context)).toBe('trunk');
  });

  it("a fork's pull request is a fork once the PR is read; its head branch and SHA are known", async () => {
    const api = client({
      ref: 'patch-1',
      sha: 'f'.repeat(40),
      repo: { full_name: 'mallory/proj' },
    });
    const context = await withPullRequest(comment(), api);
    expect(api.asked).toEqual([{ owner: 'octo', repo: 'proj', pull_number: 9 }]);
    expect(context.isFork).toBe(true);
    expect(context.headRepository).toBe('mallory/proj');
    expect(context.headSha).toBe('f'.repeat(40));
  });

  it('a same-repo pull request starts from its head branch; a deleted fork counts as a fork', async () => {
    const same = await withPullRequest(
      comment(),
      client({ ref: 'feature', sha: 'a'.repeat(40), repo: { full_name: 'Octo/Proj' } }),
    );
    expect(same.isFork).toBe(false);
    expect(startingBranch(same)).toBe('feature');
    const deleted = await withPullRequest(
      comment(),
      client({ ref: 'gone', sha: 'b'.repeat(40), repo: null }),
    );
    expect(deleted.isFork).toBe(true);
  });
});
