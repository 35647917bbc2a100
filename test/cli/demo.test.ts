/**
 * `npm run demo` (scripts/demo.mjs) end to end: the built CLI fixes the sample
 * project against the scripted model, says it is scripted wherever it reports,
 * and ends by saying what to open. Runs the build of the current sources (test/helpers/dist.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { distFile, repoRoot } from '../helpers/dist.js';

// The demo runs the build of the current sources, as the other end-to-end tests do (built at
// import, so the test's time limit does not include a build).
const DIST = path.dirname(await distFile('index.js'));
// The demo's TMPDIR: its sample project (which it keeps, to be opened) and anything a demo cut
// short leaves go with this folder.
const temp = mkdtempSync(path.join(os.tmpdir(), 'gl-demo-'));
let child: ChildProcess | undefined;
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const closed = new Promise((resolve) => child!.on('close', resolve));
    child.kill('SIGINT');
    await closed;
  }
  rmSync(temp, { recursive: true, force: true });
});

async function runDemo(
  model: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    GREENLOOP_TEST_DIST: DIST,
    TMPDIR: temp,
  };
  delete env['OPENAI_API_KEY'];
  delete env['OPENAI_BASE_URL'];
  Object.assign(env, model);
  child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'demo.mjs')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child!.on('close', resolve));
  return { code, output };
}

/** A loopback port nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

describe('npm run demo', () => {
  it('fixes the sample project, labelled scripted everywhere, and ends with what to open', async () => {
    const { code, output } = await runDemo();
    const project = /sample project with 2 failing tests in (\S+)/.exec(output)?.[1];
    expect(code, output).toBe(0);
    expect(project).toBeDefined();
    expect(output).toContain('SCRIPTED model');
    expect(output).toContain('status=success');

    // Progress and totals: never a price, never a real model's name.
    const costs = output.split('\n').filter((l) => / · \$|cost: /.test(l));
    expect(costs.length).toBeGreaterThan(0);
    for (const line of costs) expect(line).toContain('$0 (scripted)');
    expect(output).not.toContain('gpt-');

    const out = path.join(project!, '.greenloop', 'demo');
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('model scripted');
    expect(summary).toContain('$0 (scripted)');
    // A report written by a real run validates against the published schema.
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')),
    );
    expect(report.model).toBe('scripted');
    expect(report.totals.costUsd).toBe(0);

    // The model read the failures with their messages, not only test names.
    const transcript = readFileSync(path.join(out, 'transcript.jsonl'), 'utf8');
    expect(transcript).toContain('3 !== 13');

    const last = output.trimEnd().split('\n').slice(-8).join('\n');
    expect(last).toContain(path.join(out, 'summary.md'));
    expect(last).toContain(path.join(out, 'greenloop.diff'));
    expect(last).toContain('docs/job-summary-example.md');
    expect(last).toContain('docs/examples/fix-on-failure.yml');
    expect(last).toContain('the fix (left in the project');

    // Nothing a newcomer should worry about (a machine without bubblewrap is told so, once).
    const warnings = output.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings.filter((l) => !l.startsWith('warning: Sandbox: none'))).toEqual([]);
  }, 180_000);

  // A real model that cannot be reached (no network, a proxy, a typo in --base-url): the run
  // stops before it writes anything, so the demo must not point at files that do not exist.
  it('a model endpoint that cannot be reached: no list of missing files, one thing to do', async () => {
    // OPENAI_API_KEY set, as a newcomer with a key does; a loopback port just freed refuses
    // connections: the same error as an unreachable api.openai.com, without the network.
    const url = `http://127.0.0.1:${await freePort()}/v1`;
    const { code, output } = await runDemo({
      OPENAI_API_KEY: 'sk-demo-unreachable',
      OPENAI_BASE_URL: url,
    });
    expect(output).toContain(`greenloop demo: real model at ${url}.`);
    expect(code, output).toBe(1);
    expect(output).toContain(`cannot reach the model endpoint ${url}: connect ECONNREFUSED`);
    expect(output).not.toContain('What to open next');
    for (const file of ['summary.md', 'greenloop.diff', 'report.json'])
      expect(output).not.toContain(file);
    const last = output.trimEnd().split('\n').at(-1);
    expect(last).toBe(
      'greenloop demo: the run stopped before writing anything (the error is above). To run the demo offline with its scripted model instead: OPENAI_API_KEY= npm run demo',
    );
  }, 180_000);
});
