import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHubContext } from '../../src/github/context.js';
import {
  ArtifactDownloadError,
  downloadArtifactByName,
  uploadArtifact,
} from '../../src/github/artifact.js';
import { createPermissionApi } from '../../src/github/gating.js';
import { FakeArtifactService } from '../fakes/artifact-service.js';
import { FakeGitHubApi } from '../fakes/github-api.js';

const log = { info: (): void => {}, warn: (): void => {} };

describe('downloadArtifactByName (resume-from) through the real artifact client', () => {
  const api = new FakeGitHubApi('octo', 'proj');
  const service = new FakeArtifactService();
  let dir = '';

  beforeAll(async () => {
    await api.start();
    await service.start();
    // @actions/github reads GITHUB_API_URL when first imported: set it before.
    Object.assign(process.env, service.env(), {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: api.url,
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
  });
  afterAll(async () => {
    await api.stop();
    await service.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const context = () =>
    readGitHubContext({ GITHUB_REPOSITORY: 'octo/proj', GITHUB_API_URL: api.url });

  it('finds the newest unexpired artifact and unpacks it', async () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(path.join(src, 'checkpoint'), { recursive: true });
    fs.writeFileSync(path.join(src, 'checkpoint', 'checkpoint.json'), '{"schemaVersion":1}');
    const uploaded = await uploadArtifact(
      'greenloop',
      [path.join(src, 'checkpoint', 'checkpoint.json')],
      src,
      1,
      log,
    );
    expect(uploaded).toMatchObject({ ok: true, value: { name: 'greenloop' } });
    const zip = service.artifacts[0]?.bytes ?? Buffer.alloc(0);
    api.artifacts.push(
      {
        id: 1,
        name: 'greenloop',
        runId: 10,
        createdAt: '2026-01-01T00:00:00Z',
        expired: false,
        zip: Buffer.from('old'),
      },
      {
        id: 2,
        name: 'greenloop',
        runId: 11,
        createdAt: '2026-01-03T00:00:00Z',
        expired: false,
        zip,
      },
      {
        id: 3,
        name: 'greenloop',
        runId: 12,
        createdAt: '2026-01-04T00:00:00Z',
        expired: true,
        zip: Buffer.from('gone'),
      },
    );

    const out = await downloadArtifactByName('greenloop', {
      token: 'ghs_x',
      context: context(),
      dir: path.join(dir, 'resume'),
      branch: 'main',
    });
    expect(out).toBe(path.join(dir, 'resume'));
    expect(fs.readFileSync(path.join(out, 'checkpoint', 'checkpoint.json'), 'utf8')).toBe(
      '{"schemaVersion":1}',
    );
    const zipRequest = api.requests.find((r) => r.path.endsWith('/zip'));
    expect(zipRequest?.path).toBe('/repos/octo/proj/actions/artifacts/2/zip');
    expect(zipRequest?.authorization).toBe('token ghs_x');
  });

  it("takes a checkpoint's staged copy when it is the newer (a job killed while replacing it)", async () => {
    const zip = api.artifacts.find((a) => a.id === 2)!.zip;
    const pair = (stagedAt: string, checkpointAt: string): void => {
      api.artifacts.push(
        { id: 40, name: 'cp', runId: 50, createdAt: checkpointAt, expired: false, zip },
        { id: 41, name: 'cp-staged', runId: 50, createdAt: stagedAt, expired: false, zip },
      );
    };
    const zipOf = async (out: string): Promise<string | undefined> => {
      api.requests.length = 0;
      await downloadArtifactByName('cp', {
        token: 'ghs_x',
        context: context(),
        dir: path.join(dir, out),
        branch: 'main',
      });
      return api.requests.find((r) => r.path.endsWith('/zip'))?.path;
    };
    pair('2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(await zipOf('staged')).toBe('/repos/octo/proj/actions/artifacts/41/zip');
    api.artifacts.splice(-2);
    pair('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z');
    expect(await zipOf('replaced')).toBe('/repos/octo/proj/actions/artifacts/40/zip');
    api.artifacts.splice(-2);
  });

  it('throws ArtifactDownloadError when no artifact matches', async () => {
    const error: unknown = await downloadArtifactByName('missing', {
      token: 'ghs_x',
      context: context(),
      dir: path.join(dir, 'none'),
      branch: 'main',
    }).catch((e: unknown) => e);
    expect(ArtifactDownloadError.isArtifactDownloadError(error)).toBe(true);
    expect((error as Error).message).toBe("no unexpired artifact named 'missing' in octo/proj");
  });

  it("refuses a fork's run, another branch's run and a download that does not match its digest", async () => {
    const zip = api.artifacts.find((a) => a.id === 2)!.zip;
    api.artifacts.push(
      // Newest, but made by a fork's pull request run.
      {
        id: 20,
        name: 'ckpt',
        runId: 30,
        createdAt: '2026-02-03T00:00:00Z',
        expired: false,
        zip,
        headRepositoryId: 999,
      },
      {
        id: 21,
        name: 'ckpt',
        runId: 31,
        createdAt: '2026-02-02T00:00:00Z',
        expired: false,
        zip,
        headBranch: 'other',
      },
      {
        id: 22,
        name: 'ckpt',
        runId: 32,
        createdAt: '2026-02-01T00:00:00Z',
        expired: false,
        zip,
        digest: `sha256:${'0'.repeat(64)}`,
      },
      {
        id: 23,
        name: 'forked',
        runId: 33,
        createdAt: '2026-02-01T00:00:00Z',
        expired: false,
        zip,
        headRepositoryId: 999,
      },
    );
    const attempt = (name: string, branch: string): Promise<unknown> =>
      downloadArtifactByName(name, {
        token: 'ghs_x',
        context: context(),
        dir: path.join(dir, `try-${name}-${branch}`),
        branch,
      }).catch((e: unknown) => e);

    const forked = await attempt('forked', 'main');
    expect((forked as Error).message).toMatch(/fork/);
    // On main: the fork's run and the other branch's are skipped; the digest of the rest is wrong.
    const mismatch = await attempt('ckpt', 'main');
    expect((mismatch as Error).message).toMatch(
      /^artifact 'ckpt' \(id 22\) does not match the digest/,
    );
    expect(fs.existsSync(path.join(dir, 'try-ckpt-main'))).toBe(false);
    // Any branch: the other branch's run is taken (never the fork's).
    const out = await attempt('ckpt', '');
    expect(out).toBe(path.join(dir, 'try-ckpt-'));
    expect(api.requests.filter((r) => r.path.endsWith('/zip')).map((r) => r.path)).not.toContain(
      '/repos/octo/proj/actions/artifacts/20/zip',
    );
  });

  it('looks permissions up with a token through Octokit', async () => {
    api.setPermission('maintainer', 'maintain');
    const permissions = createPermissionApi('ghs_y', {
      owner: 'octo',
      repo: 'proj',
      apiUrl: api.url,
    });
    expect(await permissions.permissionOf('maintainer')).toBe('maintain');
    // Not a collaborator of a public repository: the base role, read.
    expect(await permissions.permissionOf('stranger')).toBe('read');
    // A login GitHub does not know: 404, no access.
    api.unknownUsers.add('ghost-of-a-user');
    expect(await permissions.permissionOf('ghost-of-a-user')).toBe('none');
    const asked = api.requests.filter((r) => r.path.includes('/collaborators/'));
    expect(asked.map((r) => [r.path, r.authorization])).toEqual([
      ['/repos/octo/proj/collaborators/maintainer/permission', 'token ghs_y'],
      ['/repos/octo/proj/collaborators/stranger/permission', 'token ghs_y'],
      ['/repos/octo/proj/collaborators/ghost-of-a-user/permission', 'token ghs_y'],
    ]);
  });
});
