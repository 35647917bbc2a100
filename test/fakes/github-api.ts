/**
 * A fake of the GitHub REST endpoints greenloop uses, on 127.0.0.1:
 * collaborator permission, list/create/update pulls, list/create/update issue
 * comments. Every request is recorded (with its Authorization header), and
 * faults can be queued to answer one matching request with an error.
 */
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
}

export interface FakeRepoArtifact {
  readonly id: number;
  readonly name: string;
  readonly runId: number;
  readonly createdAt: string;
  readonly expired: boolean;
  /** The zip served by the download redirect. */
  readonly zip: Buffer;
}

type Permissions = Record<string, { permission: string; role_name: string }>;

export class FakeGitHubApi {
  readonly requests: RecordedRequest[] = [];
  readonly pulls: FakePull[] = [];
  readonly comments: FakeComment[] = [];
  readonly faults: ApiFault[] = [];
  /** Artifacts of the repository, for list and download. */
  readonly artifacts: FakeRepoArtifact[] = [];
  /** login → permission answer; unknown logins get 404. */
  readonly permissions: Permissions = {};
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
      head: { ref: p.head, label: `${this.owner}:${p.head}` },
      base: { ref: p.base },
    };
  }

  private commentJson(c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      body: c.body,
      user: { login: c.user },
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
    const send = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(value));
    };

    const faultIndex = this.faults.findIndex(
      (f) =>
        f.method === method &&
        (typeof f.path === 'string' ? url.pathname.includes(f.path) : f.path.test(url.pathname)),
    );
    if (faultIndex !== -1) {
      const fault = this.faults.splice(faultIndex, 1)[0];
      send(fault?.status ?? 500, {
        message: fault?.message ?? 'fault',
        documentation_url: 'https://docs.github.com/rest',
      });
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

    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!url.pathname.startsWith(`${prefix}/`)) {
      send(404, { message: 'Not Found' });
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
      if (answer === undefined) {
        send(404, { message: `${login} is not a user` });
        return;
      }
      send(200, { ...answer, user: { login } });
      return;
    }
    if (route === '/actions/artifacts' && method === 'GET') {
      const list = this.artifacts
        .filter((a) => query.name === undefined || a.name === query.name)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      send(200, {
        total_count: list.length,
        artifacts: list.map((a) => ({
          id: a.id,
          name: a.name,
          expired: a.expired,
          created_at: a.createdAt,
          size_in_bytes: a.zip.length,
          workflow_run: { id: a.runId },
        })),
      });
      return;
    }
    if (method === 'GET' && (m = route.match(/^\/actions\/artifacts\/(\d+)\/zip$/))) {
      const artifact = this.artifacts.find((a) => a.id === Number(m?.[1]));
      if (artifact === undefined) {
        send(404, { message: 'Not Found' });
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
        list.map((p) => this.pullJson(p)),
      );
      return;
    }
    if (route === '/pulls' && method === 'POST') {
      const head = String(input.head ?? '');
      if (this.pulls.some((p) => p.state === 'open' && p.head === head)) {
        send(422, { message: `A pull request already exists for ${this.owner}:${head}.` });
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
      const pull = this.pulls.find((p) => p.number === Number(m?.[1]));
      if (pull === undefined) {
        send(404, { message: 'Not Found' });
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
        const perPage = Number(query.per_page ?? '30');
        const page = Number(query.page ?? '1');
        const all = this.comments.filter((c) => c.issue === issue);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        if (page * perPage < all.length) {
          const next = new URL(url.href);
          next.searchParams.set('page', String(page + 1));
          res.setHeader('link', `<${next.href}>; rel="next"`);
        }
        send(
          200,
          slice.map((c) => this.commentJson(c)),
        );
        return;
      }
      if (method === 'POST') {
        const comment: FakeComment = {
          id: this.nextComment++,
          issue,
          body: String(input.body ?? ''),
          user: 'github-actions[bot]',
        };
        this.comments.push(comment);
        send(201, this.commentJson(comment));
        return;
      }
    }
    if (method === 'PATCH' && (m = route.match(/^\/issues\/comments\/(\d+)$/))) {
      const comment = this.comments.find((c) => c.id === Number(m?.[1]));
      if (comment === undefined) {
        send(404, { message: 'Not Found' });
        return;
      }
      if (typeof input.body === 'string') comment.body = input.body;
      send(200, this.commentJson(comment));
      return;
    }
    send(404, { message: `Not Found: ${method} ${url.pathname}` });
  }
}
