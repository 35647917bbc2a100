/**
 * greenloop on real open-source projects, run as a user runs it: `node dist/cli/index.js run`
 * on a git repository holding a real project with one realistic bug committed, the fake OpenAI
 * server playing a model that reads the code and writes the correct fix (./fixer.ts). Every run
 * must end `success` with the fix in the diff, with the sandbox on (bubblewrap) and off.
 *
 * `npm run test:real` (runs the build of the current sources). Not part of `npm test`: it runs
 * real toolchains (cargo, pytest, mocha, vitest, node --test, ava, go) and installs the JS
 * projects' test runners from the npm registry (the npm cache serves later runs).
 *
 * Cases that fail because of a known defect of main are skipped with the pending fix named
 * (cases.ts `pending`); GREENLOOP_REAL_PENDING=1 runs them too. GREENLOOP_REAL_VERBOSE=1 prints
 * each run's progress log.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../../fakes/openai-server.js';
import { distFile, repoRoot } from '../../helpers/dist.js';
import { limiter } from '../world.js';
import { CASES, PROJECTS, SANDBOX_MODES, type Case, type Toolchain } from './cases.js';
import { fixerScript } from './fixer.js';
import { createWorkspace, VENV_MARKER, type Workspace } from './workspace.js';

const CLI = await distFile('cli/index.js');
const API_KEY = 'sk-real-canary-0c8e4b1f7a2d9e63';
const RUN_PENDING = process.env.GREENLOOP_REAL_PENDING === '1';

function has(cmd: string, args: readonly string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const TOOLCHAINS: Record<Toolchain, boolean> = {
  cargo: has('cargo', ['--version']),
  python: has('python3', ['-m', 'pytest', '--version']),
  node: has('npm', ['--version']),
  go: has('go', ['version']),
};
const BWRAP = process.platform === 'linux' && has('bwrap', ['--version']);

/** Set up once for the suite: npm installs shared by both sandbox modes. */
const shared = mkdtempSync(path.join(os.tmpdir(), 'gl-real-shared-'));
afterAll(() => rmSync(shared, { recursive: true, force: true }));

/** Wall time of each CLI run, printed at the end (figures for the README of this suite). */
const timings: { title: string; ms: number; status: string }[] = [];
afterAll(() => {
  if (timings.length === 0) return;
  const rows = timings
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.status.padEnd(22)} ${t.title}`);
  console.log(`greenloop run times (CLI process, wall clock):\n${rows.join('\n')}`);
});

/** Two CLI runs at a time (2 cores, and each run runs a real test suite). */
const slot = limiter(2);

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** The user's environment, without anything that would reach a real service; a venv activated. */
function cliEnv(c: Case, ws: Workspace): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(OPENAI_|GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name)) continue;
    env[name] = value;
  }
  if (ws.venv !== undefined && c.environment === 'venv') {
    env.VIRTUAL_ENV = ws.venv;
    env.PATH = `${path.join(ws.venv, 'bin')}:${env.PATH ?? ''}`;
  }
  return { ...env, CI: 'true', NO_COLOR: '1' };
}

function runCli(
  c: Case,
  ws: Workspace,
  args: readonly string[],
  timeoutMs: number,
): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: repoRoot,
    env: cliEnv(c, ws),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

function skipReason(c: Case, mode: 'bwrap' | 'none'): string | undefined {
  const project = PROJECTS[c.project];
  if (!TOOLCHAINS[project.toolchain]) return `${project.toolchain} is not installed`;
  if (mode === 'bwrap' && !BWRAP) return 'bubblewrap is not installed';
  const pending = c.pending?.[mode];
  if (pending !== undefined && !RUN_PENDING) return `pending: ${pending}`;
  return undefined;
}

/** The part of a run's output worth reading when it fails. */
function explain(ws: Workspace, run: CliRun): string {
  const summary = path.join(ws.out, 'summary.md');
  return [
    `exit ${run.code} after ${run.ms} ms`,
    `--- stdout\n${run.stdout}`,
    `--- stderr\n${run.stderr}`,
    existsSync(summary) ? `--- summary.md\n${readFileSync(summary, 'utf8')}` : '(no summary.md)',
  ].join('\n');
}

describe.concurrent('greenloop on real projects', () => {
  for (const c of CASES) {
    for (const mode of SANDBOX_MODES) {
      const project = PROJECTS[c.project];
      const title = `${project.fixture}: ${c.name} (sandbox ${mode})`;
      const reason = skipReason(c, mode);
      if (reason !== undefined) {
        it.skip(`${title} [${reason}]`, () => {});
        continue;
      }
      it(title, { timeout: 600_000 }, async ({ onTestFinished }) => {
        const ws = await createWorkspace(c, project, shared);
        onTestFinished(() => ws.remove());
        const fake = await startFakeOpenAI(fixerScript(project, c.patchVia));
        onTestFinished(() => fake.close());

        const run = await slot(() =>
          runCli(
            c,
            ws,
            [
              'run',
              '--cwd',
              ws.repo,
              '--out',
              ws.out,
              '--test-command',
              c.testCommand.replace('{venv}', ws.venv ?? '{venv}'),
              '--base-url',
              fake.url,
              '--api-key',
              API_KEY,
              '--sandbox',
              mode,
              '--timeout-minutes',
              '8',
            ],
            540_000,
          ),
        );
        timings.push({ title, ms: run.ms, status: run.stdout.split('\n')[0] ?? '' });
        if (process.env.GREENLOOP_REAL_VERBOSE === '1') console.log(`${title}\n${run.stderr}`);
        const why = explain(ws, run);
        expect(run.stdout.split('\n')[0], why).toBe('status=success');
        expect(run.code, why).toBe(0);

        const diff = readFileSync(path.join(ws.out, 'greenloop.diff'), 'utf8');
        for (const line of project.buggy.split('\n')) expect(diff, why).toContain(`-${line}\n`);
        for (const line of project.fixed.split('\n')) expect(diff, why).toContain(`+${line}\n`);
        expect(diff, why).toContain(`+++ b/${project.file}`);
        const report = JSON.parse(readFileSync(path.join(ws.out, 'report.json'), 'utf8')) as {
          status: string;
          flaky: string[];
          iterations: { note?: string }[];
        };
        expect(report.status).toBe('success');
        // A correct fix draws no note (go without -v counts no passing test: not "0 tests ran").
        expect(
          report.iterations.map((it) => it.note ?? ''),
          why,
        ).toEqual(report.iterations.map(() => ''));
        // Each bug fails the same tests every time: a test reported flaky is a misread log.
        expect(report.flaky, why).toEqual([]);
        // The model read the file before editing it, and nothing was left behind in the tree.
        expect(fake.requests.length, why).toBeGreaterThanOrEqual(3);
        expect(ws.read(project.file)).toContain(project.buggy);
        expect(ws.git('status', '--porcelain').trim(), why).toBe('');
        expect(run.stdout + run.stderr).not.toContain(API_KEY);
        if (ws.venv !== undefined) {
          // The tests ran with the venv's pytest both times, not one found elsewhere on PATH.
          for (const log of ['test-before.log', 'test-after.log']) {
            expect(readFileSync(path.join(ws.out, log), 'utf8'), log).toContain(VENV_MARKER);
          }
        }
      });
    }
  }
});
