/**
 * The model's endpoint is checked before the baseline (issue 18): no key for OpenAI's endpoint, a
 * base URL that does not answer, or a 401 end the run at once, in one line naming the URL, without
 * running the tests and without retries.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { checkEndpoint } from '../../src/loop/preflight.js';
import { runSession, SetupError } from '../../src/app/session.js';
import { startFakeOpenAI } from '../fakes/openai-server.js';
import { createRepo, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';
import { memoryLog } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A server answering every request as OpenAI does for a wrong key (401 invalid_api_key). */
async function refusingServer(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: {
          message:
            'Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, hits: () => hits };
}

/** A URL on which nothing listens. */
async function closedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

describe('checkEndpoint', () => {
  it("no key and no base URL: names OpenAI's URL and the missing key", async () => {
    await expect(checkEndpoint({ baseUrl: '', apiKey: '' }, { env: {} })).rejects.toThrow(
      /^no API key for https:\/\/api\.openai\.com\/v1: set the api-key input \(--api-key\) or OPENAI_API_KEY/,
    );
  });

  it('a base URL where nothing listens: names the URL and the connection error', async () => {
    const url = await closedUrl();
    await expect(checkEndpoint({ baseUrl: url, apiKey: '' }, { env: {} })).rejects.toThrow(
      new RegExp(`^cannot reach the model endpoint ${url}: .*ECONNREFUSED`),
    );
  });

  it('a 401: names the URL and says the key was refused, after one request', async () => {
    const server = await refusingServer();
    await expect(
      checkEndpoint({ baseUrl: server.url, apiKey: 'sk-wrong' }, { env: {} }),
    ).rejects.toThrow(`the model endpoint ${server.url} refused the API key (HTTP 401)`);
    expect(server.hits()).toBe(1);
  });

  it('an Azure OpenAI path behind a gateway: the probe sends the `api-key` header the model client sends', async () => {
    // Azure OpenAI's v1 API takes the key in `api-key` (learn.microsoft.com, "Azure OpenAI v1
    // API": API key authentication); an API Management gateway in front of it
    // (https://<name>.azure-api.net/openai/v1) checks that header only. The model client
    // (src/model/index.ts isAzure) recognises such a base URL by its `/openai/v1` path.
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(String(req.headers['api-key']));
      const ok = req.headers['api-key'] === 'az-key';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          ok
            ? { object: 'list', data: [] }
            : { error: { code: '401', message: 'Access denied due to invalid subscription key.' } },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}/openai/v1`;
    await expect(checkEndpoint({ baseUrl, apiKey: 'az-key' }, { env: {} })).resolves.toBe(
      undefined,
    );
    expect(seen).toEqual(['az-key']);
  });

  describe("OpenAI's own endpoint: a model its list does not hold is named before anything runs", () => {
    // GET /v1/models answers the models the key may use (platform.openai.com API reference,
    // "List models": `{ "object": "list", "data": [{ "id", "object": "model", "created",
    // "owned_by" }] }`); a model missing there gets 404 `model_not_found` on every request.
    const listing =
      (ids: string[]): typeof fetch =>
      () =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              object: 'list',
              data: ids.map((id) => ({ id, object: 'model', created: 1, owned_by: 'system' })),
            }),
            { status: 200, headers: { 'content-type': 'application/json' } },
          ),
        );
    const settings = { baseUrl: '', apiKey: 'sk-x' };

    it('a typo in the model name', async () => {
      const fetch = listing(['gpt-5.1-codex-max', 'gpt-5.1', 'gpt-4o']);
      await expect(
        checkEndpoint({ ...settings, model: 'gpt-5.1-codex-mx' }, { env: {}, fetch }),
      ).rejects.toThrow(
        /^model 'gpt-5\.1-codex-mx' is not among the 3 models https:\/\/api\.openai\.com\/v1 lists for this API key/,
      );
    });

    it('a listed model, or a list that cannot be read, lets the run go on', async () => {
      const fetch = listing(['gpt-5.1-codex-max']);
      await expect(
        checkEndpoint({ ...settings, model: 'gpt-5.1-codex-max' }, { env: {}, fetch }),
      ).resolves.toBe(undefined);
      const garbled: typeof fetch = () => Promise.resolve(new Response('<html>', { status: 200 }));
      await expect(
        checkEndpoint({ ...settings, model: 'x' }, { env: {}, fetch: garbled }),
      ).resolves.toBe(undefined);
    });

    it('another server (a proxy may route names it does not list) is not judged by its list', async () => {
      const fetch = listing(['llama3']);
      await expect(
        checkEndpoint(
          { baseUrl: 'http://127.0.0.1:9/v1', apiKey: '', model: 'gpt-5.1-codex-max' },
          { env: {}, fetch },
        ),
      ).resolves.toBe(undefined);
    });
  });

  it('a server without a models list (404) is reachable: the run goes on', async () => {
    const fake = await startFakeOpenAI([]);
    cleanups.push(() => fake.close());
    await expect(checkEndpoint({ baseUrl: fake.url, apiKey: '' }, { env: {} })).resolves.toBe(
      undefined,
    );
  });
});

describe('the session stops before the baseline when the endpoint cannot be used', () => {
  async function session(
    inputs: Record<string, string>,
  ): Promise<{ error: unknown; repo: TempRepo }> {
    const repo = createRepo(SUM_PROJECT);
    const out = mkdtempSync(path.join(os.tmpdir(), 'gl-preflight-'));
    cleanups.push(() => {
      repo.remove();
      rmSync(out, { recursive: true, force: true });
    });
    const parsed = parseConfig(
      {
        // The baseline would leave a marker file behind.
        'test-command': 'touch baseline-ran && node --test',
        sandbox: 'none',
        ...inputs,
      },
      { baseDir: repo.dir, env: {} },
    );
    if (!parsed.ok) throw new Error(parsed.error.join('\n'));
    const env = { ...process.env };
    delete env.OPENAI_API_KEY;
    delete env.OPENAI_BASE_URL;
    try {
      await runSession({
        config: parsed.value,
        log: memoryLog([]),
        outDir: path.join(out, 'out'),
        workDir: path.join(out, 'work'),
        env,
        secrets: [],
      });
      return { error: undefined, repo };
    } catch (error) {
      return { error, repo };
    }
  }

  it('no key and no base URL', async () => {
    const { error, repo } = await session({});
    expect(error).toBeInstanceOf(SetupError);
    expect(String((error as Error).message)).toMatch(
      /^no API key for https:\/\/api\.openai\.com\/v1/,
    );
    expect((error as Error).message).not.toContain('\n');
    expect(existsSync(path.join(repo.dir, 'baseline-ran'))).toBe(false);
  });

  it('an unreachable base URL', async () => {
    const url = await closedUrl();
    const { error, repo } = await session({ 'base-url': url });
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toContain(url);
    expect(existsSync(path.join(repo.dir, 'baseline-ran'))).toBe(false);
  });

  it('a 401', async () => {
    const server = await refusingServer();
    const { error, repo } = await session({ 'base-url': server.url, 'api-key': 'sk-wrong' });
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toMatch(/refused the API key \(HTTP 401\)/);
    expect(server.hits()).toBe(1);
    expect(existsSync(path.join(repo.dir, 'baseline-ran'))).toBe(false);
  });
});
