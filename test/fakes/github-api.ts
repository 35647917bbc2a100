/**
 * A fake of the GitHub REST endpoints greenloop uses, on 127.0.0.1:
 * collaborator permission, get/list/create/update pulls, list/create/update
 * issue comments, the authenticated user, GraphQL `viewer`, and the
 * repository's artifacts. Every request is recorded (with its Authorization
 * header), and faults can be queued to answer one matching request with an error.
 *
 * It answers as github.com does, not as a lenient fake would (see `settings`):
 * Error bodies are `{ message, documentation_url, status }`, the shape
 * github.com sends (the 403 body quoted in actions/create-github-app-token#258).
 * - Draft pull requests in a private repository on the Free or Pro plan: 422
 *   with the message "Draft pull requests are not supported in this
 *   repository." at the top level and no `errors` array (the REST docs of
 *   "Create a pull request" list the plans that have drafts; the body is the
 *   one quoted in SWE-agent/SWE-agent#179, also mislav/hub#2099 and
 *   OpenHands/OpenHands#6560).
 * - Pull request creation while the repository setting "Allow GitHub Actions to
 *   create and approve pull requests" is off: 403 "GitHub Actions is not
 *   permitted to create or approve pull requests." (docs: "Managing GitHub
 *   Actions settings for a repository" → Workflow permissions).
 * - An installation token (`ghs_`: GITHUB_TOKEN, App tokens) without the
 *   permission an endpoint needs: 403 "Resource not accessible by integration"
 *   (`settings.tokenPermissions`; docs: "Controlling permissions for
 *   GITHUB_TOKEN", and each endpoint's "Fine-grained access tokens" section:
 *   creating or updating a pull request needs "Pull requests" write; an issue
 *   comment needs "Issues" or "Pull requests" write).
 * - Collaborator permission (docs: "Get repository permissions for a user"): a
 *   non-collaborator gets the base role (`read` on a public repository, `none`
 *   on a private one); a login that does not exist gets 404 "<login> is not a user".
 * - Lists are paginated with `per_page` (default 30, max 100) and `page`, and
 *   a `Link: <...>; rel="next"` header while more remain (docs: "Using
 *   pagination in the REST API").
 * - GET /user with an installation token answers 403 "Resource not accessible
 *   by integration" (actions/create-github-app-token#258,
 *   joshjohanning/bulk-github-repo-settings-sync-action#194); GraphQL `viewer`
 *   answers for every token kind, with the bot's login as REST shows it,
 *   `<slug>[bot]` (the same PR, and fullsend-ai/fullsend#1953).
 */
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string;
  readonly body: unknown;
}

export interface FakePull {
  number: number;
  title: string;
  body: string;
  draft: boolean;
  state: 'open' | 'closed';
  head: string;
  base: string;
  /** Head commit; '' = unknown. */
  headSha?: string;
  /** owner/name of the head repository; default: this repository. */
  headRepo?: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: string;
}

export interface ApiFault {
  readonly method: string;
  /** Matched against the path (a substring or a pattern). */
  readonly path: string | RegExp;
  readonly status: number;
  readonly message: string;
  /** A validation error's `errors` array (`{ resource, code, message }` entries, or strings). */
  readonly errors?: readonly unknown[];
  /**
   * Response headers, e.g. a rate limit's: GitHub answers a secondary rate limit with 403 or
   * 429 and often `retry-after` (seconds), an exhausted primary limit with 403 or 429 and
   * `x-ratelimit-remaining: 0` + `x-ratelimit-reset` (epoch seconds) (docs.github.com, REST API
   * "Rate limits for the REST API", "Exceeding the rate limit").
   */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FakeRepoArtifact {
  readonly id: number;
  readonly name: string;
  readonly runId: number;
  readonly createdAt: string;
  readonly expired: boolean;
  /** The zip served by the download redirect. */
  readonly zip: Buffer;
  /** `workflow_run.head_repository_id`; default: this repository's id (a fork's run has another). */
  readonly headRepositoryId?: number;
  /** `workflow_run.head_branch`; default 'main'. */
  readonly headBranch?: string;
  /** `digest`; default: sha256 of `zip`, as the service computes it at upload. */
  readonly digest?: string;
}

/** How the fake repository is set up (what GitHub would answer depends on it). */
export interface FakeRepoSettings {
  /** Repository id (`repository_id` of its runs). */
  id: number;
  private: boolean;
  /** The owner's plan: drafts exist in private repositories on team and enterprise only. */
  plan: 'free' | 'pro' | 'team' | 'enterprise';
  /**
   * "Allow GitHub Actions to create and approve pull requests". It binds GITHUB_TOKEN; the
   * fake cannot tell it from an App token (both `ghs_`), so it applies to both.
   */
  actionsCanCreatePullRequests: boolean;
  /** Login GraphQL `viewer` (and a user token's GET /user) answers with. */
  tokenLogin: string;
  /** What an installation token may do (a workflow's `permissions:`); a user token may do all. */
  tokenPermissions: Readonly<Record<TokenScope, 'none' | 'read' | 'write'>>;
}

export type TokenScope = 'contents' | 'pull-requests' | 'issues' | 'actions';

type Permissions = Record<string, { permission: string; role_name: string }>;

export class FakeGitHubApi {
  readonly requests: RecordedRequest[] = [];
  readonly pulls: FakePull[] = [];
  readonly comments: FakeComment[] = [];
  readonly faults: ApiFault[] = [];
  /** Artifacts of the repository, for list and download. */
  readonly artifacts: FakeRepoArtifact[] = [];
  /** login → permission answer; other logins have the base role (read, or none if private). */
  readonly permissions: Permissions = {};
  /** Logins GitHub does not know (a deleted account): the permission lookup answers 404. */
  readonly unknownUsers = new Set<string>();
  readonly settings: FakeRepoSettings = {
    id: 101,
    private: false,
    plan: 'free',
    actionsCanCreatePullRequests: true,
    tokenLogin: 'github-actions[bot]',
    tokenPermissions: {
      contents: 'write',
      'pull-requests': 'write',
      issues: 'write',
      actions: 'read',
    },
  };
  private readonly server: http.Server;
  private port = 0;
  private nextPull = 1;
  private nextComment = 5000;

  constructor(
    readonly owner = 'octo',
    readonly repo = 'proj',
  ) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  setPermission(login: string, role: 'admin' | 'maintain' | 'write' | 'triage' | 'read'): void {
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    this.permissions[login.toLowerCase()] = { permission, role_name: role };
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  private htmlUrl(kind: 'pull' | 'issues', n: number): string {
    return `https://github.example/${this.owner}/${this.repo}/${kind}/${n}`;
  }

  private pullJson(p: FakePull): Record<string, unknown> {
    return {
      number: p.number,
      html_url: this.htmlUrl('pull', p.number),
      title: p.title,
      body: p.body,
      draft: p.draft,
      state: p.state,
      head: {
        ref: p.head,
        sha: p.headSha ?? '',
        label: `${(p.headRepo ?? this.fullName).split('/')[0]}:${p.head}`,
        repo: { full_name: p.headRepo ?? this.fullName },
      },
      base: { ref: p.base, repo: { full_name: this.fullName, id: this.settings.id } },
    };
  }

  private commentJson(c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      body: c.body,
      user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `${this.htmlUrl('pull', c.issue)}#issuecomment-${c.id}`,
    };
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
    } catch {
      body = raw;
    }
    const query = Object.fromEntries(url.searchParams.entries());
    this.requests.push({
      method,
      path: url.pathname,
      query,
      authorization: req.headers.authorization ?? '',
      body,
    });
    const send = (
      status: number,
      value: unknown,
      headers: Readonly<Record<string, string>> = {},
    ): void => {
      res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(value));
    };
    const fail = (status: number, message: string): void =>
      send(status, {
        message,
        documentation_url: 'https://docs.github.com/rest',
        status: String(status),
      });
    /** One page of `all` (per_page default 30, max 100), with a Link header while more remain. */
    const page = <T>(all: readonly T[]): T[] => {
      const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? '30')));
      const n = Math.max(1, Number(query.page ?? '1'));
      if (n * perPage < all.length) {
        const next = new URL(url.href);
        next.searchParams.set('page', String(n + 1));
        res.setHeader('link', `<${next.href}>; rel="next"`);
      }
      return all.slice((n - 1) * perPage, n * perPage);
    };
    const installationToken = /^(token|bearer) ghs_/i.test(req.headers.authorization ?? '');
    /** False (after answering 403) when an installation token lacks every one of `scopes`' write. */
    const mayWrite = (...scopes: TokenScope[]): boolean => {
      if (!installationToken) return true;
      if (scopes.some((scope) => this.settings.tokenPermissions[scope] === 'write')) return true;
      fail(403, 'Resource not accessible by integration');
      return false;
    };

    const faultIndex = this.faults.findIndex(
      (f) =>
        f.method === method &&
        (typeof f.path === 'string' ? url.pathname.includes(f.path) : f.path.test(url.pathname)),
    );
    if (faultIndex !== -1) {
      const fault = this.faults.splice(faultIndex, 1)[0];
      send(
        fault?.status ?? 500,
        {
          message: fault?.message ?? 'fault',
          ...(fault?.errors !== undefined ? { errors: fault.errors } : {}),
          documentation_url: 'https://docs.github.com/rest',
          status: String(fault?.status ?? 500),
        },
        fault?.headers,
      );
      return;
    }

    if (method === 'GET' && url.pathname.startsWith('/blobs/')) {
      const artifact = this.artifacts.find((a) => url.pathname === `/blobs/${a.id}.zip`);
      if (artifact === undefined) {
        send(404, { message: 'no blob' });
        return;
      }
      res.writeHead(200, { 'content-type': 'application/zip' });
      res.end(artifact.zip);
      return;
    }

    if (method === 'GET' && url.pathname === '/user') {
      if (installationToken) {
        fail(403, 'Resource not accessible by integration');
      } else {
        send(200, { login: this.settings.tokenLogin, type: 'User' });
      }
      return;
    }
    if (method === 'POST' && url.pathname === '/graphql') {
      const text = typeof body === 'object' && body !== null ? JSON.stringify(body) : '';
      if (/viewer\s*\{\s*login/.test(text)) {
        send(200, { data: { viewer: { login: this.settings.tokenLogin } } });
      } else {
        send(200, { errors: [{ message: 'this fake answers only viewer { login }' }] });
      }
      return;
    }

    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!url.pathname.startsWith(`${prefix}/`)) {
      fail(404, 'Not Found');
      return;
    }
    const route = url.pathname.slice(prefix.length);
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    let m: RegExpMatchArray | null;

    if (method === 'GET' && (m = route.match(/^\/collaborators\/([^/]+)\/permission$/))) {
      const login = decodeURIComponent(m[1] ?? '');
      const answer = this.permissions[login.toLowerCase()];
      if (this.unknownUsers.has(login.toLowerCase())) {
        fail(404, `${login} is not a user`);
        return;
      }
      // Someone who is not a collaborator still has an answer: the base role everyone has,
      // read on a public repository, none on a private one (the docs list `none` among the
      // values; aws-ia/cloudformation-github-resource-providers#14 met `read` for everyone).
      const base = this.settings.private ? 'none' : 'read';
      send(200, { ...(answer ?? { permission: base, role_name: base }), user: { login } });
      return;
    }
    // List artifacts of the repository, or of one workflow run (`/actions/runs/{run_id}/artifacts`):
    // https://docs.github.com/rest/actions/artifacts — both paginated (per_page up to 100, `Link`),
    // both take `name` as an exact filter; expired artifacts are listed with `expired: true`.
    const runArtifacts = route.match(/^\/actions\/runs\/(\d+)\/artifacts$/);
    if ((route === '/actions/artifacts' || runArtifacts) && method === 'GET') {
      const list = this.artifacts
        .filter((a) => query.name === undefined || a.name === query.name)
        .filter((a) => !runArtifacts || a.runId === Number(runArtifacts[1]))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      send(200, {
        total_count: list.length,
        artifacts: page(list).map((a) => ({
          id: a.id,
          name: a.name,
          expired: a.expired,
          created_at: a.createdAt,
          size_in_bytes: a.zip.length,
          digest: a.digest ?? `sha256:${createHash('sha256').update(a.zip).digest('hex')}`,
          workflow_run: {
            id: a.runId,
            repository_id: this.settings.id,
            head_repository_id: a.headRepositoryId ?? this.settings.id,
            head_branch: a.headBranch ?? 'main',
            head_sha: '0'.repeat(40),
          },
        })),
      });
      return;
    }
    if (method === 'GET' && (m = route.match(/^\/actions\/artifacts\/(\d+)\/zip$/))) {
      const artifact = this.artifacts.find((a) => a.id === Number(m?.[1]));
      if (artifact === undefined) {
        fail(404, 'Not Found');
        return;
      }
      res.writeHead(302, { location: `${this.url}/blobs/${artifact.id}.zip?sig=x` });
      res.end();
      return;
    }
    if (route === '/pulls' && method === 'GET') {
      const head = query.head ?? '';
      const state = query.state ?? 'open';
      const list = this.pulls.filter(
        (p) =>
          (state === 'all' || p.state === state) &&
          (head === '' || `${this.owner}:${p.head}` === head),
      );
      send(
        200,
        page(list).map((p) => this.pullJson(p)),
      );
      return;
    }
    if (method === 'GET' && (m = route.match(/^\/pulls\/(\d+)$/))) {
      const pull = this.pulls.find((p) => p.number === Number(m?.[1]));
      if (pull === undefined) {
        fail(404, 'Not Found');
        return;
      }
      send(200, this.pullJson(pull));
      return;
    }
    if (route === '/pulls' && method === 'POST') {
      const head = String(input.head ?? '');
      if (!mayWrite('pull-requests')) return;
      if (!this.settings.actionsCanCreatePullRequests && installationToken) {
        fail(403, 'GitHub Actions is not permitted to create or approve pull requests.');
        return;
      }
      const draftsExist =
        !this.settings.private ||
        this.settings.plan === 'team' ||
        this.settings.plan === 'enterprise';
      if (input.draft === true && !draftsExist) {
        fail(422, 'Draft pull requests are not supported in this repository.');
        return;
      }
      if (this.pulls.some((p) => p.state === 'open' && p.head === head)) {
        send(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${this.owner}:${head}.`,
            },
          ],
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
          status: '422',
        });
        return;
      }
      const pull: FakePull = {
        number: this.nextPull++,
        title: String(input.title ?? ''),
        body: String(input.body ?? ''),
        draft: input.draft === true,
        state: 'open',
        head,
        base: String(input.base ?? ''),
      };
      this.pulls.push(pull);
      send(201, this.pullJson(pull));
      return;
    }
    if (method === 'PATCH' && (m = route.match(/^\/pulls\/(\d+)$/))) {
      if (!mayWrite('pull-requests')) return;
      const pull = this.pulls.find((p) => p.number === Number(m?.[1]));
      if (pull === undefined) {
        fail(404, 'Not Found');
        return;
      }
      if (typeof input.title === 'string') pull.title = input.title;
      if (typeof input.body === 'string') pull.body = input.body;
      if (typeof input.base === 'string') pull.base = input.base;
      send(200, this.pullJson(pull));
      return;
    }
    if ((m = route.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1]);
      if (method === 'GET') {
        const all = this.comments.filter((c) => c.issue === issue);
        send(
          200,
          page(all).map((c) => this.commentJson(c)),
        );
        return;
      }
      if (method === 'POST') {
        if (!mayWrite('issues', 'pull-requests')) return;
        const comment: FakeComment = {
          id: this.nextComment++,
          issue,
          body: String(input.body ?? ''),
          user: this.settings.tokenLogin,
        };
        this.comments.push(comment);
        send(201, this.commentJson(comment));
        return;
      }
    }
    if (method === 'PATCH' && (m = route.match(/^\/issues\/comments\/(\d+)$/))) {
      if (!mayWrite('issues', 'pull-requests')) return;
      const comment = this.comments.find((c) => c.id === Number(m?.[1]));
      if (comment === undefined) {
        fail(404, 'Not Found');
        return;
      }
      if (typeof input.body === 'string') comment.body = input.body;
      send(200, this.commentJson(comment));
      return;
    }
    fail(404, `Not Found: ${method} ${url.pathname}`);
  }
}
