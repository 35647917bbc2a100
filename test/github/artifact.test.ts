import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArtifactService } from '../fakes/artifact-service.js';
import { uploadArtifact } from '../../src/github/artifact.js';

const log = { info: (): void => {}, warn: (): void => {} };

describe('uploadArtifact against the fake artifact service', () => {
  const fake = new FakeArtifactService();
  let dir = '';

  beforeAll(async () => {
    await fake.start();
    // The client reads these when it runs; set them before the dynamic import happens.
    Object.assign(process.env, fake.env(), { GITHUB_SERVER_URL: 'https://github.com' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'greenloop.diff'), 'diff --git a/x b/x\n+fixed\n');
    fs.writeFileSync(path.join(dir, 'summary.md'), '# greenloop\nall green\n');
    fs.writeFileSync(path.join(dir, 'logs', 'tests.log'), 'x'.repeat(50_000));
  });

  afterAll(async () => {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads the files as a zip the service can unpack', async () => {
    const files = ['greenloop.diff', 'summary.md', path.join('logs', 'tests.log')].map((f) =>
      path.join(dir, f),
    );
    const result = await uploadArtifact('greenloop-run', files, dir, 3, log);
    expect(result).toMatchObject({ ok: true, value: { id: 1000 } });
    expect(result.ok && result.value.size).toBeGreaterThan(0);
    const entries = fake.entries('greenloop-run');
    expect([...entries.keys()].sort()).toEqual(['greenloop.diff', 'logs/tests.log', 'summary.md']);
    expect(entries.get('summary.md')).toBe('# greenloop\nall green\n');
    expect(entries.get('logs/tests.log')).toHaveLength(50_000);
    const created = fake.artifacts[0]?.createRequest ?? {};
    expect(created.workflow_run_backend_id).toBe('run-backend-1');
    expect(created.expires_at).toBeDefined();
    // @azure/storage-blob stages blocks, then commits the block list.
    expect(fake.requests.some((r) => r.includes('comp=block&blockid='))).toBe(true);
    expect(fake.requests.some((r) => r.endsWith('comp=blocklist'))).toBe(true);
  });

  it('returns a readable error when the service refuses', async () => {
    fake.faults.push({
      method: 'CreateArtifact',
      status: 403,
      msg: 'artifact storage quota exceeded',
    });
    const result = await uploadArtifact('refused', [path.join(dir, 'summary.md')], dir, 0, log);
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('quota exceeded') as unknown,
    });
  });

  it('returns an error for an empty file list without calling the service', async () => {
    const before = fake.requests.length;
    const result = await uploadArtifact('none', [], dir, 1, log);
    expect(result).toEqual({ ok: false, error: "artifact 'none': no files to upload" });
    expect(fake.requests.length).toBe(before);
  });
});
