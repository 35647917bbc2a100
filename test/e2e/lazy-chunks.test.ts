/**
 * What start-up parses (issue 22): the built bundle's chunks that `node dist/index.js` loads
 * before its first model request, and that `greenloop --version` loads. Loads are recorded by a
 * module hook (module.registerHooks: Node 22.15+; skipped before). Nothing here is timed.
 *
 * Runs the build of the current sources (test/helpers/dist.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../fakes/openai-server.js';
import { distFile } from '../helpers/dist.js';

/** The build of the current sources (test/helpers/dist.ts), never a stale dist/. */
const DIST = path.dirname(await distFile('index.js'));
const hooksSupported = typeof module.registerHooks === 'function';
// Made only when the tests run: vitest runs no afterAll in a file whose tests are all skipped.
const temp = hooksSupported ? mkdtempSync(path.join(os.tmpdir(), 'gl-lazy-chunks-')) : '';
afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Code that only the chunk of one package holds (checked against the built bundle). */
const MARKERS = {
  'the tokenizer tables (gpt-tokenizer)': 'BytePairEncodingCore',
  'the artifact client (@actions/artifact)': 'storage-blob',
  'octokit (@actions/github)': 'universal-user-agent',
  commander: 'class Command extends',
  'the XML parser (fast-xml-parser)': 'unpairedTags',
  "@actions/core's HTTP client (undici)": 'undici',
} as const;

const HOOK = path.join(temp, 'record-loads.mjs');
if (hooksSupported)
  writeFileSync(
    HOOK,
    [
      "import { appendFileSync } from 'node:fs';",
      "import { registerHooks } from 'node:module';",
      'registerHooks({',
      '  load(url, context, next) {',
      "    if (url.startsWith('file:')) appendFileSync(process.env.GL_LOADS_FILE, url + '\\n');",
      '    return next(url, context);',
      '  },',
      '});',
    ].join('\n'),
  );

/** The dist/ chunk files a process loaded, and which packages they carry. */
function loaded(file: string): { files: string[]; bytes: number; packages: string[] } {
  const files = [...new Set(readFileSync(file, 'utf8').trim().split('\n'))]
    .map((url) => fileURLToPath(url))
    .filter((f) => f.startsWith(DIST) && f.endsWith('.js'));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const packages = Object.entries(MARKERS)
    .filter(([, marker]) => texts.some((t) => t.includes(marker)))
    .map(([name]) => name);
  return { files, bytes: texts.reduce((a, t) => a + Buffer.byteLength(t), 0), packages };
}

describe.skipIf(!hooksSupported)('start-up loads only what it runs', () => {
  it('`greenloop --version` parses commander and nothing of the action', () => {
    const loads = path.join(temp, 'cli-loads');
    const out = execFileSync(
      process.execPath,
      ['--import', HOOK, path.join(DIST, 'cli', 'index.js'), '--version'],
      { env: { ...process.env, GL_LOADS_FILE: loads }, encoding: 'utf8' },
    );
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const { packages, bytes } = loaded(loads);
    expect(packages).toEqual(['commander']);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('`greenloop digest` of a JUnit XML log loads the XML parser and reads every test case', () => {
    const loads = path.join(temp, 'digest-loads');
    const log = fileURLToPath(new URL('../fixtures/digest/002_junit_xml/log.txt', import.meta.url));
    const out = execFileSync(
      process.execPath,
      ['--import', HOOK, path.join(DIST, 'cli', 'index.js'), 'digest', '--json', log],
      { env: { ...process.env, GL_LOADS_FILE: loads }, encoding: 'utf8' },
    );
    const digest = JSON.parse(out) as {
      runner: string;
      counts: unknown;
      failures: { id: string }[];
    };
    expect(digest.runner).toBe('junit');
    expect(digest.counts).toEqual({ passed: 1, failed: 2, skipped: 1 });
    expect(digest.failures.map((f) => f.id)).toEqual([
      'test/cart.test.js > cart totals > totals with discount',
      'users > loads the profile',
    ]);
    expect(loaded(loads).packages).toContain('the XML parser (fast-xml-parser)');
  });

  it('the action reaches its first model request without the tokenizer, artifact client, octokit, commander or the XML parser', async () => {
    const ws = mkdtempSync(path.join(temp, 'ws-'));
    writeFileSync(path.join(ws, 'sum.js'), 'export const sum = (a, b) => a - b;\n');
    execFileSync('git', ['init', '-q'], { cwd: ws });
    const runner = mkdtempSync(path.join(temp, 'runner-'));
    for (const name of ['output', 'summary']) writeFileSync(path.join(runner, name), '');
    writeFileSync(path.join(runner, 'event.json'), '{}');
    let onFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (onFirst = resolve));
    const fake = await startFakeOpenAI(() => {
      onFirst();
      return { text: 'done' };
    });
    const loads = path.join(temp, 'action-loads');
    const inputs: Record<string, string> = {
      task: 'Make the tests pass.',
      'test-command': 'false',
      sandbox: 'none',
      'flaky-reruns': '0',
      'api-key': 'sk-test',
      'base-url': fake.url,
      output: 'none',
      'max-turns': '1',
    };
    const child = spawn(process.execPath, ['--import', HOOK, path.join(DIST, 'index.js')], {
      cwd: ws,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: runner,
        // Killed below: whatever it leaves in its temp folder goes with ours.
        TMPDIR: runner,
        GL_LOADS_FILE: loads,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ws,
        GITHUB_REPOSITORY: 'octo/demo',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: path.join(runner, 'event.json'),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'http://127.0.0.1:9',
        GITHUB_OUTPUT: path.join(runner, 'output'),
        GITHUB_STEP_SUMMARY: path.join(runner, 'summary'),
        RUNNER_TEMP: runner,
        ...Object.fromEntries(
          Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
        ),
      },
    });
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    try {
      await Promise.race([first, exited]);
      // What was loaded by the time the request arrived.
      const { packages } = loaded(loads);
      expect(fake.requests.length).toBeGreaterThan(0);
      // @actions/core (and the HTTP client it bundles) is the action's own: it logs from the start.
      expect(packages.filter((p) => !p.includes('undici'))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      await exited;
      await fake.close();
    }
  }, 60_000);
});
