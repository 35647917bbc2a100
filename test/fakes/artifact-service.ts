/**
 * A fake of the artifact service @actions/artifact (v2+, "artifacts v4") talks
 * to: Twirp JSON `CreateArtifact` / `FinalizeArtifact` / `ListArtifacts` /
 * `DeleteArtifact`, plus the Azure Blob block-blob upload the signed URL points
 * at (here: back at this server).
 *
 * Point the client at it with `fake.env()` (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL).
 * One fake is one workflow run's service: several action processes (matrix
 * jobs, re-run attempts) share it, each with its own job backend id.
 *
 * Rules it enforces, as the real service does:
 * - Names are unique within a workflow run (across its jobs and attempts): a
 *   second CreateArtifact with a name already registered on the run answers
 *   409 with the message "an artifact with this name already exists on the
 *   workflow run", which the client shows as "Failed request: (409) Conflict:
 *   an artifact with this name ..." — the line users report (actions/upload-artifact#634, #493;
 *   cilium/cilium#31001), and upload-artifact's README: "uploading to the same
 *   artifact via multiple jobs is not supported with v4". The name stays
 *   registered even when finalizing failed (DataDog/dd-trace-js#10228).
 * - A name is 1 to 256 characters: longer answers 400 "name invalid length for
 *   artifact name: must be between 1 and 256 characters" (graalvm/mandrel#731,
 *   qualcomm-linux/meta-qcom#1540). Characters the client refuses (`" : < > | * ?
 *   \r \n \ /`) "will be rejected from the server if attempted to be sent over"
 *   (`internal/upload/path-and-artifact-name-validation.js`): 400 too.
 * - ListArtifacts lists the whole run (every job and attempt), optionally by
 *   `name_filter` / `id_filter`, finalized artifacts only (which is why `overwrite`
 *   cannot delete a reservation left by a failed finalize, same source), each
 *   with its `database_id`, `size`, `created_at` (when it was created, so the
 *   client's `latest` and a newest-first choice work) and `digest` (the
 *   `sha256:` hash FinalizeArtifact sent): the fields of
 *   `ListArtifactsResponse.MonolithArtifact` in the client's generated
 *   `results/api/v1/artifact.js`. DeleteArtifact frees the name
 *   (`deleteArtifactInternal` in `internal/delete/delete-artifact.js` lists by
 *   name, then deletes the newest by `database_id`).
 * - GitHub Enterprise Server has no such service: the client refuses any host
 *   other than github.com, *.ghe.com and *.localhost (`isGhes()` in
 *   `internal/shared/config.js`, GHESNotSupportedError). `ghesEnv()` gives such
 *   an environment, and the fake answers 404 to every call made in it.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import AdmZip from 'adm-zip';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface FakeArtifact {
  readonly name: string;
  readonly id: number;
  /** workflow_run_backend_id / workflow_job_run_backend_id of the CreateArtifact call. */
  readonly runBackendId: string;
  readonly jobBackendId: string;
  /** Removed by DeleteArtifact. */
  deleted: boolean;
  /** Raw CreateArtifact request. */
  readonly createRequest: Record<string, unknown>;
  finalizeRequest: Record<string, unknown> | undefined;
  /** The assembled upload (the zip). */
  bytes: Buffer;
  finalized: boolean;
  /** When CreateArtifact registered it. */
  readonly createdAt: Date;
  /** The `hash` FinalizeArtifact sent (`sha256:<hex>`); '' before. */
  digest: string;
}

export interface ArtifactFault {
  readonly method:
    'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'DeleteArtifact' | 'upload';
  readonly status: number;
  readonly msg: string;
  /** Only a call for this artifact name (Twirp methods); any call when unset. */
  readonly name?: string;
}

/** An unsigned JWT whose `scp` claim carries the Actions.Results backend ids. */
export function mintRuntimeToken(
  runBackendId = 'run-backend-1',
  jobBackendId = 'job-backend-1',
): string {
  const encode = (value: object): string =>
    Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const header = encode({ alg: 'none', typ: 'JWT' });
  const payload = encode({
    scp: `Actions.GenericRead:00000000 Actions.Results:${runBackendId}:${jobBackendId}`,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  return `${header}.${payload}.`;
}

/** Why the service refuses a name (see the header), or undefined. */
function nameRefusal(name: string): string | undefined {
  if (name.length < 1 || name.length > 256) {
    return 'name invalid length for artifact name: must be between 1 and 256 characters';
  }
  const bad = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'].find((c) =>
    name.includes(c),
  );
  return bad === undefined
    ? undefined
    : `name contains an invalid character: ${JSON.stringify(bad)}`;
}

interface Upload {
  artifact: FakeArtifact;
  blocks: Map<string, Buffer>;
}

export class FakeArtifactService {
  readonly artifacts: FakeArtifact[] = [];
  /** Every request seen, as `METHOD path?query`. */
  readonly requests: string[] = [];
  readonly faults: ArtifactFault[] = [];
  private readonly server: http.Server;
  private readonly uploads = new Map<string, Upload>();
  private ghes = false;
  private nextId = 1000;
  private port = 0;

  constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          this.handle(req, Buffer.concat(chunks), res);
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'internal', msg: String(error) }));
        }
      });
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

  /** Environment the artifact client needs to reach this fake. */
  env(runBackendId?: string, jobBackendId?: string): Record<string, string> {
    return {
      ACTIONS_RUNTIME_TOKEN: mintRuntimeToken(runBackendId, jobBackendId),
      ACTIONS_RESULTS_URL: `${this.url}/`,
    };
  }

  /**
   * The environment of a job on GitHub Enterprise Server: a server URL the
   * artifact client treats as GHES (`isGhes()`: not github.com, *.ghe.com or
   * *.localhost), with the runtime variables still set.
   */
  ghesEnv(): Record<string, string> {
    this.ghes = true;
    return { ...this.env(), GITHUB_SERVER_URL: 'https://github.example-corp.com' };
  }

  /** Finalized artifacts still present (not deleted). */
  live(): FakeArtifact[] {
    return this.artifacts.filter((a) => a.finalized && !a.deleted);
  }

  /** Entries of a finalized, not deleted artifact's zip: path → content (utf8 text). */
  entries(name: string): Map<string, string> {
    const artifact = this.artifacts.find((a) => a.name === name && a.finalized && !a.deleted);
    if (artifact === undefined) throw new Error(`no finalized artifact named '${name}'`);
    const zip = new AdmZip(artifact.bytes);
    const result = new Map<string, string>();
    for (const entry of zip.getEntries()) {
      if (entry.isDirectory) continue;
      result.set(entry.entryName, entry.getData().toString('utf8'));
    }
    return result;
  }

  private takeFault(method: ArtifactFault['method'], name?: string): ArtifactFault | undefined {
    const index = this.faults.findIndex(
      (f) => f.method === method && (f.name === undefined || f.name === name),
    );
    return index === -1 ? undefined : this.faults.splice(index, 1)[0];
  }

  private handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method ?? ''} ${url.pathname}${url.search}`);
    if (this.ghes) {
      // GHES runs no results service (see the header).
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'not_found', msg: 'no artifact service on this server' }));
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP_PREFIX)) {
      this.twirp(url.pathname.slice(TWIRP_PREFIX.length), body, res);
      return;
    }
    if (req.method === 'PUT' && url.pathname.startsWith('/upload/')) {
      this.blob(url, req, body, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'not_found', msg: `no route ${req.method} ${url.pathname}` }));
  }

  private twirp(method: string, body: Buffer, res: http.ServerResponse): void {
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    // Requests are protobuf JSON with the proto field names (`useProtoFieldName: true`
    // in the generated `artifact.twirp-client.js`); wrapper types (StringValue) are bare values.
    const request = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    const name = String(request.name ?? '');
    const runId = String(request.workflow_run_backend_id ?? '');
    const jobId = String(request.workflow_job_run_backend_id ?? '');
    const known = [
      'CreateArtifact',
      'FinalizeArtifact',
      'ListArtifacts',
      'DeleteArtifact',
    ] as const;
    const kind = known.find((k) => k === method);
    if (kind === undefined) {
      json(404, { code: 'bad_route', msg: `unknown method ${method}` });
      return;
    }
    const fault = this.takeFault(kind, name);
    if (fault) {
      json(fault.status, { code: 'permission_denied', msg: fault.msg });
      return;
    }
    const onRun = (a: FakeArtifact): boolean => a.runBackendId === runId && !a.deleted;
    if (kind === 'CreateArtifact') {
      const refused = nameRefusal(name);
      if (refused !== undefined) {
        json(400, { code: 'invalid_argument', msg: refused });
        return;
      }
      if (this.artifacts.some((a) => onRun(a) && a.name === name)) {
        json(409, {
          code: 'already_exists',
          msg: 'an artifact with this name already exists on the workflow run',
        });
        return;
      }
      const artifact: FakeArtifact = {
        name,
        id: this.nextId++,
        runBackendId: runId,
        jobBackendId: jobId,
        deleted: false,
        createRequest: request,
        finalizeRequest: undefined,
        bytes: Buffer.alloc(0),
        finalized: false,
        createdAt: new Date(),
        digest: '',
      };
      this.artifacts.push(artifact);
      const key = `a${artifact.id}`;
      this.uploads.set(key, { artifact, blocks: new Map() });
      json(200, {
        ok: true,
        signed_upload_url: `${this.url}/upload/${key}/${encodeURIComponent(name)}.zip?sig=fakesig`,
      });
      return;
    }
    if (kind === 'FinalizeArtifact') {
      const artifact = [...this.artifacts]
        .reverse()
        .find((a) => onRun(a) && a.name === name && !a.finalized);
      if (artifact === undefined) {
        json(404, { code: 'not_found', msg: `no pending artifact '${name}'` });
        return;
      }
      artifact.finalized = true;
      artifact.finalizeRequest = request;
      artifact.digest = typeof request.hash === 'string' ? request.hash : '';
      json(200, { ok: true, artifact_id: String(artifact.id) });
      return;
    }
    if (kind === 'ListArtifacts') {
      const nameFilter = typeof request.name_filter === 'string' ? request.name_filter : undefined;
      const idFilter = request.id_filter === undefined ? undefined : String(request.id_filter);
      const list = this.artifacts.filter(
        (a) =>
          onRun(a) &&
          a.finalized &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || String(a.id) === idFilter),
      );
      json(200, {
        artifacts: list.map((a) => ({
          workflow_run_backend_id: a.runBackendId,
          workflow_job_run_backend_id: a.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.bytes.length),
          created_at: a.createdAt.toISOString(),
          ...(a.digest ? { digest: a.digest } : {}),
        })),
      });
      return;
    }
    // DeleteArtifact: the newest finalized artifact of that name in the run.
    const artifact = this.artifacts
      .filter((a) => onRun(a) && a.finalized && a.name === name)
      .sort((a, b) => b.id - a.id)[0];
    if (artifact === undefined) {
      json(404, { code: 'not_found', msg: `artifact '${name}' not found` });
      return;
    }
    artifact.deleted = true;
    json(200, { ok: true, artifact_id: String(artifact.id) });
  }

  private blob(url: URL, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const key = url.pathname.split('/')[2] ?? '';
    const upload = this.uploads.get(key);
    const headers = {
      'x-ms-request-id': `req-${Date.now()}`,
      'x-ms-version': '2025-01-05',
      etag: '"0x1"',
      'last-modified': new Date().toUTCString(),
      'content-length': '0',
    };
    const fault = this.takeFault('upload');
    if (upload === undefined || fault) {
      const status = fault?.status ?? 404;
      const message = fault?.msg ?? 'The specified container does not exist.';
      res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': 'Fake' });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>Fake</Code><Message>${message}</Message></Error>`,
      );
      return;
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      upload.blocks.set(url.searchParams.get('blockid') ?? '', body);
    } else if (comp === 'blocklist') {
      const ids = [
        ...body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g),
      ].map((m) => m[2] ?? '');
      upload.artifact.bytes = Buffer.concat(
        ids.map((id) => upload.blocks.get(id) ?? Buffer.alloc(0)),
      );
    } else if (req.headers['x-ms-blob-type'] === 'BlockBlob' || comp === null) {
      upload.artifact.bytes = body;
    }
    res.writeHead(201, headers);
    res.end();
  }
}
