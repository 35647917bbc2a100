import { describe, expect, it } from 'vitest';
import type { GitHubContext, WorkflowRunInfo } from '../../src/github/context.js';
import { checkTrigger, createPermissionApi, type Permission } from '../../src/github/gating.js';

function context(over: Partial<GitHubContext>): GitHubContext {
  return {
    owner: 'octo',
    repo: 'proj',
    eventName: 'issue_comment',
    payload: {},
    sha: 'abc',
    ref: 'refs/heads/main',
    refName: 'main',
    headRef: '',
    baseRef: '',
    runId: '1',
    runAttempt: 1,
    actor: 'alice',
    sender: { login: 'alice', type: 'User' },
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workspace: '',
    prNumber: 1,
    headRepository: 'octo/proj',
    headSha: '',
    isFork: false,
    workflowRun: undefined,
    defaultBranch: 'main',
    ...over,
  };
}

const config = { allowUsers: [] as string[], allowBots: [] as string[], allowUntrustedCode: false };

function api(table: Record<string, Permission>) {
  const asked: string[] = [];
  return {
    asked,
    permissionOf: (user: string): Promise<Permission> => {
      asked.push(user);
      return Promise.resolve(table[user] ?? 'none');
    },
  };
}

function run(over: Partial<WorkflowRunInfo>): WorkflowRunInfo {
  return {
    id: 5,
    event: 'pull_request',
    headSha: 'x',
    headBranch: 'b',
    conclusion: 'failure',
    actor: undefined,
    triggeringActor: undefined,
    headRepository: 'octo/proj',
    pullRequests: [],
    ...over,
  };
}

describe('checkTrigger', () => {
  it('refuses a commenter with read permission, in one line', async () => {
    const decision = await checkTrigger(context({}), config, api({ alice: 'read' }));
    expect(decision).toEqual({
      ok: false,
      error:
        "refused: 'alice' has read permission; write, maintain or admin is needed (or add the user to allow-users)",
    });
  });

  it.each<[Permission, boolean]>([
    ['admin', true],
    ['maintain', true],
    ['write', true],
    ['triage', false],
    ['read', false],
    ['none', false],
  ])('permission %s → allowed %s', async (permission, allowed) => {
    const decision = await checkTrigger(context({}), config, api({ alice: permission }));
    expect(decision.ok).toBe(allowed);
  });

  it('lets a user in allow-users through without asking the API', async () => {
    const permissions = api({});
    const decision = await checkTrigger(
      context({}),
      { ...config, allowUsers: ['ALICE'] },
      permissions,
    );
    expect(decision).toEqual({ ok: true, value: ["user 'alice' is in allow-users"] });
    expect(permissions.asked).toEqual([]);
  });

  it('refuses a bot not in allow-bots, allows a listed one', async () => {
    const bot = context({ sender: { login: 'dependabot[bot]', type: 'Bot' } });
    expect(await checkTrigger(bot, config, api({}))).toEqual({
      ok: false,
      error: "refused: 'dependabot[bot]' is a bot and is not listed in allow-bots",
    });
    const typed = context({ sender: { login: 'renovate', type: 'Bot' } });
    expect((await checkTrigger(typed, config, api({ renovate: 'admin' }))).ok).toBe(false);
    const allowed = await checkTrigger(bot, { ...config, allowBots: ['dependabot'] }, api({}));
    expect(allowed.ok).toBe(true);
  });

  it('uses the upstream actors on workflow_run', async () => {
    const ctx = context({
      eventName: 'workflow_run',
      sender: { login: 'maintainer', type: 'User' },
      workflowRun: run({
        actor: { login: 'contributor', type: 'User' },
        triggeringActor: { login: 'contributor', type: 'User' },
      }),
    });
    const permissions = api({ maintainer: 'admin', contributor: 'read' });
    const decision = await checkTrigger(ctx, config, permissions);
    expect(decision).toMatchObject({
      ok: false,
      error: expect.stringContaining("'contributor'") as unknown,
    });
    expect(permissions.asked).toEqual(['contributor']);

    const writer = api({ contributor: 'write' });
    expect((await checkTrigger(ctx, config, writer)).ok).toBe(true);
  });

  it('checks both upstream actor and triggering actor when they differ', async () => {
    const ctx = context({
      eventName: 'workflow_run',
      workflowRun: run({
        actor: { login: 'outsider', type: 'User' },
        triggeringActor: { login: 'maintainer', type: 'User' },
      }),
    });
    const decision = await checkTrigger(
      ctx,
      config,
      api({ maintainer: 'maintain', outsider: 'read' }),
    );
    expect(decision).toMatchObject({
      ok: false,
      error: expect.stringContaining("'outsider'") as unknown,
    });
  });

  it('refuses pull_request_target from a fork unless allow-untrusted-code', async () => {
    const ctx = context({
      eventName: 'pull_request_target',
      isFork: true,
      headRepository: 'mallory/proj',
    });
    const refused = await checkTrigger(ctx, config, api({ alice: 'admin' }));
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringContaining("fork 'mallory/proj'") as unknown,
    });
    const allowed = await checkTrigger(
      ctx,
      { ...config, allowUntrustedCode: true },
      api({ alice: 'admin' }),
    );
    expect(allowed).toMatchObject({ ok: true });
    if (allowed.ok) expect(allowed.value[0]).toContain('allow-untrusted-code');
  });

  it.each(['push', 'schedule', 'workflow_dispatch'])(
    'allows %s without a permission lookup',
    async (eventName) => {
      const permissions = api({});
      const decision = await checkTrigger(context({ eventName }), config, permissions);
      expect(decision.ok).toBe(true);
      expect(permissions.asked).toEqual([]);
    },
  );

  it.each(['watch', 'fork', 'release', 'check_run'])(
    'gates %s too: only events that need write access are ungated',
    async (eventName) => {
      const decision = await checkTrigger(context({ eventName }), config, api({ alice: 'read' }));
      expect(decision.ok).toBe(false);
    },
  );

  it('gates discussion events and refuses when the API fails', async () => {
    const failing = {
      permissionOf: (): Promise<Permission> => Promise.reject(new Error('HTTP 500')),
    };
    const decision = await checkTrigger(
      context({ eventName: 'discussion_comment' }),
      config,
      failing,
    );
    expect(decision).toEqual({
      ok: false,
      error: "refused: could not read the repository permission of 'alice' (HTTP 500)",
    });
  });
});

describe('createPermissionApi', () => {
  const client = (answer: () => Promise<{ data: unknown }>) => {
    const calls: [string, Readonly<Record<string, unknown>>][] = [];
    return {
      calls,
      request: (route: string, params: Readonly<Record<string, unknown>>) => {
        calls.push([route, params]);
        return answer();
      },
    };
  };

  it('prefers role_name (maintain, triage) over the legacy permission', async () => {
    const c = client(() =>
      Promise.resolve({ data: { permission: 'write', role_name: 'maintain' } }),
    );
    expect(await createPermissionApi(c, { owner: 'o', repo: 'r' }).permissionOf('u')).toBe(
      'maintain',
    );
    expect(c.calls[0]).toEqual([
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      { owner: 'o', repo: 'r', username: 'u' },
    ]);
    const custom = client(() =>
      Promise.resolve({ data: { permission: 'read', role_name: 'auditor' } }),
    );
    expect(await createPermissionApi(custom, { owner: 'o', repo: 'r' }).permissionOf('u')).toBe(
      'read',
    );
  });

  it('maps 404 to none and rethrows other errors', async () => {
    const notFound = client(() =>
      Promise.reject(Object.assign(new Error('Not Found'), { status: 404 })),
    );
    expect(await createPermissionApi(notFound, { owner: 'o', repo: 'r' }).permissionOf('u')).toBe(
      'none',
    );
    const broken = client(() => Promise.reject(Object.assign(new Error('boom'), { status: 500 })));
    await expect(
      createPermissionApi(broken, { owner: 'o', repo: 'r' }).permissionOf('u'),
    ).rejects.toThrow('boom');
  });
});
