/**
 * Start-up: time from spawning `node dist/index.js` (as the runner does, in a checkout with a
 * runner's environment) to its first model request at a fake OpenAI server on 127.0.0.1, less
 * the time of the user's own baseline test command (reported beside it); against bare
 * `node -e ''`; the CLI's `--version`; wall and CPU time; bundle size. Each timing repeats until
 * its spread (interquartile range over median) is under 10%, or the cap says it was not.
 */
import { execFileSync } from 'node:child_process';
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
import { median, repeatUntilSteady, repoRoot, spawnCollect, tempDir } from './util.js';

export interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface StartupResult {
  readonly runs: number;
  /** Every series' spread went under 10% before the cap. */
  readonly steady: boolean;
  readonly spreads: Record<string, number>;
  readonly bare: Timing;
  /** Spawn to first model request, less the baseline test command's own time. */
  readonly action: Timing;
  /** The baseline test command's own time (the user's; excluded from `action`). */
  readonly userCommandMs: number;
  readonly cli: Timing;
  readonly bundleBytes: { readonly action: number; readonly cli: number; readonly total: number };
  readonly targetMs: number;
  readonly meetsTarget: { readonly action: boolean; readonly cli: boolean };
}

function jsBytes(dir: string): number {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

const PROBE = new URL('./cpu-probe.mjs', import.meta.url).href;

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

/** A checkout as actions/checkout leaves it: one commit, its token persisted in the config. */
function workspace(): string {
  const dir = tempDir('gl-bench-ws-');
  writeFileSync(path.join(dir, 'README.md'), '# demo\n');
  writeFileSync(path.join(dir, 'sum.js'), 'export const sum = (a, b) => a - b;\n');
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'init');
  git('config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic eC1hY2Nlc3M=');
  return dir;
}

/**
 * The baseline test command: fails (so the model is asked) and writes its own duration in
 * nanoseconds, measured inside the shell, to `file`.
 */
function testCommand(file: string): string {
  return `s=$(date +%s%N); false; e=$(date +%s%N); echo $((e - s)) > '${file}'; exit 1`;
}

function runnerEnv(
  ws: string,
  runnerDir: string,
  baseUrl: string,
  userTimeFile: string,
): NodeJS.ProcessEnv {
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
    'test-command': testCommand(userTimeFile),
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
async function timeFirstRequest(): Promise<Timing & { readonly userMs: number }> {
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
    const userTimeFile = path.join(runnerDir, 'user-command-ns');
    const start = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', PROBE, path.join(repoRoot, 'dist', 'index.js')],
      {
        cwd: ws,
        env: {
          ...runnerEnv(ws, runnerDir, fake.url, userTimeFile),
          GL_BENCH_CPU_FILE: cpuFile,
        },
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
    const userMs = Number(readFileSync(userTimeFile, 'utf8').trim()) / 1e6;
    return { wallMs: firstAt - start - userMs, cpuMs: readCpu(cpuFile), userMs };
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

export async function benchStartup(options: {
  readonly min: number;
  readonly max: number;
}): Promise<StartupResult> {
  await waitForDist();
  const cliPath = path.join(repoRoot, 'dist', 'cli', 'index.js');
  await timeExit(['-e', '']); // warm the file cache
  await timeFirstRequest();
  await timeExit([cliPath, '--version']);
  const keys = ['bareWall', 'bareCpu', 'actionWall', 'actionCpu', 'cliWall', 'cliCpu', 'user'];
  const r = await repeatUntilSteady(
    keys,
    async () => {
      // Interleaved so that drift on a shared machine hits baseline and subject alike.
      const bare = await timeExit(['-e', '']);
      const action = await timeFirstRequest();
      const cli = await timeExit([cliPath, '--version']);
      return {
        bareWall: bare.wallMs,
        bareCpu: bare.cpuMs,
        actionWall: action.wallMs,
        actionCpu: action.cpuMs,
        cliWall: cli.wallMs,
        cliCpu: cli.cpuMs,
        // The user's command is not ours: its spread is reported, not waited for.
        user: action.userMs,
      };
    },
    { ...options, target: 0.1, ignore: ['user'] },
  );
  const m = (key: (typeof keys)[number]): number => median(r.samples[key] ?? []);
  const actionBytes = jsBytes(path.join(repoRoot, 'dist'));
  const cliBytes = jsBytes(path.join(repoRoot, 'dist', 'cli'));
  const targetMs = 120;
  const bare = { wallMs: m('bareWall'), cpuMs: m('bareCpu') };
  const action = { wallMs: m('actionWall'), cpuMs: m('actionCpu') };
  const cli = { wallMs: m('cliWall'), cpuMs: m('cliCpu') };
  const within = (t: Timing): boolean =>
    t.wallMs - bare.wallMs <= targetMs && t.cpuMs - bare.cpuMs <= targetMs;
  return {
    runs: r.runs,
    steady: r.steady,
    spreads: r.spreads,
    bare,
    action,
    userCommandMs: m('user'),
    cli,
    bundleBytes: { action: actionBytes, cli: cliBytes, total: actionBytes + cliBytes },
    targetMs,
    meetsTarget: { action: within(action), cli: within(cli) },
  };
}
