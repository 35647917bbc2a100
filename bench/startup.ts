/**
 * Start-up: time from spawning `node dist/index.js` (as the runner does) to its first model
 * request at a fake OpenAI server, against bare `node -e ''`; the CLI's `--version`; bundle size.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { startFakeOpenAI } from '../test/fakes/openai-server.js';
import { median, repoRoot, spawnCollect, tempDir } from './util.js';

export interface StartupResult {
  readonly runs: number;
  readonly nodeBareMs: number;
  readonly actionFirstRequestMs: number;
  readonly actionOverBareMs: number;
  readonly cliVersionMs: number;
  readonly cliOverBareMs: number;
  /** CPU time of the node process itself (user + system), medians. */
  readonly cpu: { readonly nodeBareMs: number; readonly actionMs: number; readonly cliMs: number };
  readonly bundleBytes: { readonly action: number; readonly cli: number; readonly total: number };
  readonly targetMs: number;
  readonly meetsTarget: boolean;
}

function jsBytes(dir: string): number {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

const PROBE = new URL('./cpu-probe.mjs', import.meta.url).href;

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function readCpu(file: string): number {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { cpuMs: number }).cpuMs;
  } catch {
    return Number.NaN;
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

async function timeExit(args: readonly string[]): Promise<Timing> {
  const cpuFile = path.join(tempDir('gl-bench-cpu-'), 'cpu.json');
  const start = performance.now();
  const result = await spawnCollect(process.execPath, ['--import', PROBE, ...args], {
    cwd: repoRoot,
    env: { ...process.env, GL_BENCH_CPU_FILE: cpuFile },
  });
  const wallMs = performance.now() - start;
  if (result.code !== 0)
    throw new Error(`${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return { wallMs, cpuMs: readCpu(cpuFile) };
}

function workspace(): string {
  const dir = tempDir('gl-bench-ws-');
  writeFileSync(path.join(dir, 'README.md'), '# demo\n');
  writeFileSync(path.join(dir, 'sum.js'), 'export const sum = (a, b) => a - b;\n');
  return dir;
}

function runnerEnv(ws: string, runnerDir: string, baseUrl: string): NodeJS.ProcessEnv {
  const outputFile = path.join(runnerDir, 'output');
  const summaryFile = path.join(runnerDir, 'summary');
  const eventFile = path.join(runnerDir, 'event.json');
  const runnerTemp = path.join(runnerDir, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, '{}');
  const inputs: Record<string, string> = {
    task: 'Make the tests pass.',
    'test-command': 'false',
    sandbox: 'none',
    'flaky-reruns': '0',
    'api-key': 'sk-bench',
    'base-url': baseUrl,
    output: 'none',
    'max-turns': '1',
  };
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerDir,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
}

/** One action start: spawn to the first model request (the child is then killed). */
async function timeFirstRequest(): Promise<Timing> {
  let firstAt: number | undefined;
  let onFirst: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (onFirst = resolve));
  const fake = await startFakeOpenAI(() => {
    firstAt ??= performance.now();
    onFirst();
    return { text: 'done' };
  });
  const ws = workspace();
  const runnerDir = tempDir('gl-bench-runner-');
  try {
    const cpuFile = path.join(tempDir('gl-bench-cpu-'), 'cpu.json');
    const start = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', PROBE, path.join(repoRoot, 'dist', 'index.js')],
      {
        cwd: ws,
        env: { ...runnerEnv(ws, runnerDir, fake.url), GL_BENCH_CPU_FILE: cpuFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await Promise.race([first, exited]);
    clearTimeout(timer);
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
    if (firstAt === undefined) {
      throw new Error(`the action never called the model:\n${output.slice(-2000)}`);
    }
    return { wallMs: firstAt - start, cpuMs: readCpu(cpuFile) };
  } finally {
    await fake.close();
    rmSync(ws, { recursive: true, force: true });
    rmSync(runnerDir, { recursive: true, force: true });
  }
}

/** Waits (up to a minute) for dist/ to exist: a concurrent `npm run build` empties it for a while. */
async function waitForDist(): Promise<void> {
  const files = [
    path.join(repoRoot, 'dist', 'index.js'),
    path.join(repoRoot, 'dist', 'cli', 'index.js'),
  ];
  for (let i = 0; i < 120 && !files.every((file) => existsSync(file)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first`);
}

export async function benchStartup(runs = 7): Promise<StartupResult> {
  await waitForDist();
  const bare: Timing[] = [];
  const action: Timing[] = [];
  const cli: Timing[] = [];
  const cliPath = path.join(repoRoot, 'dist', 'cli', 'index.js');
  await timeExit(['-e', '']); // warm the file cache
  await timeFirstRequest();
  for (let i = 0; i < runs; i++) {
    // Interleaved so that drift on a shared machine hits baseline and subject alike.
    bare.push(await timeExit(['-e', '']));
    action.push(await timeFirstRequest());
    cli.push(await timeExit([cliPath, '--version']));
  }
  const wall = (timings: readonly Timing[]): number => median(timings.map((t) => t.wallMs));
  const cpu = (timings: readonly Timing[]): number => median(timings.map((t) => t.cpuMs));
  const nodeBareMs = wall(bare);
  const actionFirstRequestMs = wall(action);
  const actionBytes = jsBytes(path.join(repoRoot, 'dist'));
  const cliBytes = jsBytes(path.join(repoRoot, 'dist', 'cli'));
  const targetMs = 300;
  return {
    runs,
    nodeBareMs,
    actionFirstRequestMs,
    actionOverBareMs: actionFirstRequestMs - nodeBareMs,
    cliVersionMs: wall(cli),
    cliOverBareMs: wall(cli) - nodeBareMs,
    cpu: { nodeBareMs: cpu(bare), actionMs: cpu(action), cliMs: cpu(cli) },
    bundleBytes: { action: actionBytes, cli: cliBytes, total: actionBytes + cliBytes },
    targetMs,
    meetsTarget: actionFirstRequestMs - nodeBareMs < targetMs,
  };
}
