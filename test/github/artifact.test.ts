import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeArtifactService } from '../fakes/artifact-service.js';
import { ghesMessage, replaceArtifact, uploadArtifact } from '../../src/github/artifact.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The log lines uploadArtifact writes, kept per test. */
const lines: string[] = [];
const log = { info: (line: string): void => void lines.push(line), warn: (): void => {} };

/** `expires_at` as the client sends it: a protobuf Timestamp in its JSON form (RFC 3339). */
function expiresAt(request: Record<string, unknown>): number {
  expect(typeof request.expires_at).toBe('string');
  return Date.parse(String(request.expires_at));
}

describe('uploadArtifact against the fake artifact service', () => {
  const fake = new FakeArtifactService();
  const saved = { ...process.env };
  let dir = '';
  let summary = '';

  beforeAll(async () => {
    await fake.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'greenloop.diff'), 'diff --git a/x b/x\n+fixed\n');
    fs.writeFileSync(path.join(dir, 'summary.md'), '# greenloop\nall green\n');
    fs.writeFileSync(path.join(dir, 'logs', 'tests.log'), 'x'.repeat(50_000));
    summary = path.join(dir, 'summary.md');
  });

  // The client reads these when it runs, not at import.
  const useEnv = (env: Record<string, string>): void => {
    Object.assign(process.env, fake.env(), { GITHUB_SERVER_URL: 'https://github.com' }, env);
  };

  afterEach(() => {
    lines.length = 0;
    for (const name of [
      'GITHUB_SERVER_URL',
      'GITHUB_RETENTION_DAYS',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_RESULTS_URL',
    ]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  afterAll(async () => {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads the files as a zip the service can unpack, expiring after the retention days', async () => {
    useEnv({});
    const files = ['greenloop.diff', 'summary.md', path.join('logs', 'tests.log')].map((f) =>
      path.join(dir, f),
    );
    const before = Date.now();
    const result = await uploadArtifact('greenloop-run', files, dir, 3, log);
    const after = Date.now();
    const created = fake.artifacts.find((a) => a.name === 'greenloop-run')!;
    expect(result).toEqual({
      ok: true,
      value: { id: created.id, size: created.bytes.length, name: 'greenloop-run' },
    });
    const entries = fake.entries('greenloop-run');
    expect([...entries.keys()].sort()).toEqual(['greenloop.diff', 'logs/tests.log', 'summary.md']);
    expect(entries.get('summary.md')).toBe('# greenloop\nall green\n');
    expect(entries.get('logs/tests.log')).toHaveLength(50_000);
    expect(created.createRequest.workflow_run_backend_id).toBe('run-backend-1');
    expect(created.createRequest.workflow_job_run_backend_id).toBe('job-backend-1');
    // The retention date: three days from the upload (the client adds days to the local date).
    const expires = expiresAt(created.createRequest);
    expect(expires).toBeGreaterThanOrEqual(before + 3 * DAY_MS - 60 * 60 * 1000);
    expect(expires).toBeLessThanOrEqual(after + 3 * DAY_MS + 60 * 60 * 1000);
    // The digest recorded at finalize is the zip's SHA-256 (what resume-from checks downloads against).
    const sha = createHash('sha256').update(created.bytes).digest('hex');
    expect(created.digest).toBe(`sha256:${sha}`);
    // @azure/storage-blob stages blocks, then commits the block list.
    expect(fake.requests.some((r) => r.includes('comp=block&blockid='))).toBe(true);
    expect(fake.requests.some((r) => r.endsWith('comp=blocklist'))).toBe(true);
    expect(lines).toEqual([
      `Uploaded artifact 'greenloop-run' (id ${created.id}, ${created.bytes.length} bytes)`,
    ]);
  });

  it("lowers a retention above the repository's limit (GITHUB_RETENTION_DAYS) itself, in the log", async () => {
    useEnv({ GITHUB_RETENTION_DAYS: '5' });
    const before = Date.now();
    const result = await uploadArtifact('kept-long', [summary], dir, 400, log);
    expect(result.ok).toBe(true);
    const created = fake.artifacts.find((a) => a.name === 'kept-long')!;
    const days = (expiresAt(created.createRequest) - before) / DAY_MS;
    expect(Math.round(days)).toBe(5);
    expect(lines[0]).toBe("retention-days 400 is above this repository's limit: using 5");
  });

  it('sends no expiry with retention 0 (the repository default)', async () => {
    useEnv({});
    expect((await uploadArtifact('default-retention', [summary], dir, 0, log)).ok).toBe(true);
    const created = fake.artifacts.find((a) => a.name === 'default-retention')!;
    expect(created.createRequest).not.toHaveProperty('expires_at');
  });

  it('a name taken in this workflow run (another job, an earlier attempt): unique mode uploads as <name>-2', async () => {
    useEnv(fake.env('run-2', 'job-a'));
    const first = await uploadArtifact('greenloop', [summary], dir, 0, log);
    useEnv(fake.env('run-2', 'job-b'));
    const second = await uploadArtifact('greenloop', [summary], dir, 0, log);
    expect(first).toMatchObject({ ok: true, value: { name: 'greenloop' } });
    expect(second).toMatchObject({ ok: true, value: { name: 'greenloop-2' } });
    const onRun = fake.artifacts.filter((a) => a.runBackendId === 'run-2');
    expect(onRun.map((a) => [a.name, a.jobBackendId, a.finalized])).toEqual([
      ['greenloop', 'job-a', true],
      ['greenloop-2', 'job-b', true],
    ]);
    // The service answered 409 to the second CreateArtifact of 'greenloop'.
    const creates = fake.requests.filter((r) => r.endsWith('/CreateArtifact'));
    expect(creates.length).toBeGreaterThanOrEqual(3);
  });

  it('replace mode deletes the artifact of that name in this run, then uploads it again', async () => {
    useEnv(fake.env('run-3', 'job-a'));
    const first = await uploadArtifact(
      'greenloop-checkpoint-fix',
      [summary],
      dir,
      0,
      log,
      'replace',
    );
    const second = await uploadArtifact(
      'greenloop-checkpoint-fix',
      [summary],
      dir,
      0,
      log,
      'replace',
    );
    expect(first.ok && second.ok).toBe(true);
    const named = fake.artifacts.filter(
      (a) => a.runBackendId === 'run-3' && a.name === 'greenloop-checkpoint-fix',
    );
    expect(named.map((a) => a.deleted)).toEqual([true, false]);
    expect(second.ok && second.value.id).toBe(named[1]!.id);
    expect(lines).toContain(
      "Replaced the artifact 'greenloop-checkpoint-fix' uploaded earlier in this workflow run",
    );
  });

  it('replaceArtifact keeps a finished copy at every moment: staged first, then replaced, staged deleted', async () => {
    useEnv(fake.env('run-6', 'job-a'));
    const name = 'greenloop-checkpoint-build';
    const onRun = (): typeof fake.artifacts =>
      fake.artifacts.filter((a) => a.runBackendId === 'run-6');
    for (const iteration of [1, 2, 3]) {
      fs.writeFileSync(path.join(dir, 'checkpoint.json'), `{"iteration":${iteration}}`);
      const result = await replaceArtifact(name, [path.join(dir, 'checkpoint.json')], dir, 0, log);
      expect(result).toMatchObject({ ok: true, value: { name } });
      // Between iterations exactly one artifact holds the checkpoint: the newest.
      expect(
        onRun()
          .filter((a) => !a.deleted && a.finalized)
          .map((a) => a.name),
      ).toEqual([name]);
      expect(fake.entries(name).get('checkpoint.json')).toBe(`{"iteration":${iteration}}`);
    }
    // Each iteration: the staged copy is finished before the previous checkpoint is deleted.
    expect(onRun().map((a) => a.name)).toEqual([1, 2, 3].flatMap(() => [`${name}-staged`, name]));
    const deletes = fake.requests.filter((r) => r.endsWith('/DeleteArtifact')).length;
    expect(deletes).toBeGreaterThanOrEqual(5);

    // The upload of the checkpoint itself fails after its old copy was deleted: the staged copy,
    // with this iteration's checkpoint, stays.
    fs.writeFileSync(path.join(dir, 'checkpoint.json'), '{"iteration":4}');
    fake.faults.push({ method: 'CreateArtifact', status: 403, msg: 'refused', name });
    const failed = await replaceArtifact(name, [path.join(dir, 'checkpoint.json')], dir, 0, log);
    expect(failed).toMatchObject({ ok: true, value: { name: `${name}-staged` } });
    expect(
      onRun()
        .filter((a) => !a.deleted && a.finalized)
        .map((a) => a.name),
    ).toEqual([`${name}-staged`]);
    expect(fake.entries(`${name}-staged`).get('checkpoint.json')).toBe('{"iteration":4}');
    fs.rmSync(path.join(dir, 'checkpoint.json'));
  });

  it('replace mode cannot free a name held by an upload that never finished, and says so', async () => {
    useEnv(fake.env('run-5', 'job-a'));
    // Killed or failed between CreateArtifact and FinalizeArtifact: the name stays registered.
    fake.faults.push({ method: 'FinalizeArtifact', status: 403, msg: 'finalize refused' });
    expect((await uploadArtifact('held', [summary], dir, 0, log, 'replace')).ok).toBe(false);
    useEnv(fake.env('run-5', 'job-b'));
    const again = await uploadArtifact('held', [summary], dir, 0, log, 'replace');
    expect(again).toEqual({
      ok: false,
      error:
        "artifact 'held' upload failed: Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run (an upload of this name in this workflow run never finished and still holds the name; only finished artifacts can be deleted)",
    });
  });

  it('a name the service refuses (over 256 characters) is an error naming the limit', async () => {
    useEnv({});
    const result = await uploadArtifact('n'.repeat(257), [summary], dir, 0, log);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('(400)');
    expect(!result.ok && result.error).toContain('between 1 and 256 characters');
  });

  it('uploads on GHE.com (data residency, *.ghe.com), which is not GitHub Enterprise Server', async () => {
    useEnv({ GITHUB_SERVER_URL: 'https://octo-corp.ghe.com' });
    const result = await uploadArtifact('on-ghe-com', [summary], dir, 0, log);
    expect(result).toMatchObject({ ok: true, value: { name: 'on-ghe-com' } });
  });

  it('refuses on GitHub Enterprise Server without calling the service', async () => {
    useEnv({ GITHUB_SERVER_URL: 'https://github.example-corp.com' });
    const before = fake.requests.length;
    const result = await uploadArtifact('on-ghes', [summary], dir, 0, log);
    expect(result).toEqual({
      ok: false,
      error: `artifact 'on-ghes': ${ghesMessage('https://github.example-corp.com')}`,
    });
    expect(fake.requests.length).toBe(before);
  });

  it('returns a readable error when the service refuses', async () => {
    useEnv({});
    fake.faults.push({
      method: 'CreateArtifact',
      status: 403,
      msg: 'artifact storage quota exceeded',
    });
    const result = await uploadArtifact('refused', [summary], dir, 0, log);
    expect(result).toEqual({
      ok: false,
      error:
        "artifact 'refused' upload failed: Failed to CreateArtifact: Received non-retryable error: Failed request: (403) Forbidden: artifact storage quota exceeded",
    });
  });

  it("answers the real client's ListArtifacts: the whole run, by name, newest first with latest, with digests", async () => {
    useEnv(fake.env('run-4', 'job-a'));
    await uploadArtifact('shared', [summary], dir, 0, log, 'replace');
    useEnv(fake.env('run-4', 'job-b'));
    await uploadArtifact('other', [summary], dir, 0, log);
    await uploadArtifact('shared', [summary], dir, 0, log, 'replace');
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const listed = await client.listArtifacts({ latest: true });
    const live = fake.live().filter((a) => a.runBackendId === 'run-4');
    // The digest as FinalizeArtifact sent it (`sha256:<hex>`): what download-artifact passes back
    // as `expectedHash` and compares with `sha256:` + the download's hash.
    expect(listed.artifacts.map((a) => [a.name, a.id, a.digest])).toEqual(
      live.sort((a, b) => b.id - a.id).map((a) => [a.name, a.id, a.digest]),
    );
    expect(live.every((a) => /^sha256:[0-9a-f]{64}$/.test(a.digest))).toBe(true);
    // The replaced one is gone; the other job's artifacts are listed too.
    expect(listed.artifacts.map((a) => a.name).sort()).toEqual(['other', 'shared']);
    expect(listed.artifacts.every((a) => a.createdAt instanceof Date)).toBe(true);
    const byName = await client.getArtifact('other');
    expect(byName.artifact.id).toBe(live.find((a) => a.name === 'other')?.id);
  });

  it('returns an error for an empty file list without calling the service', async () => {
    const before = fake.requests.length;
    const result = await uploadArtifact('none', [], dir, 1, log);
    expect(result).toEqual({ ok: false, error: "artifact 'none': no files to upload" });
    expect(fake.requests.length).toBe(before);
  });
});
