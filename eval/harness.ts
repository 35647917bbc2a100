/**
 * The eval harness behind `npm run eval` (eval/run.mjs only parses flags and prints).
 *
 * For each task folder under eval/tasks/ (see eval/tasks/README.md):
 *   1. copy `repo/` to a temp folder, `git init` + one commit, link `node_modules` if asked;
 *   2. run the real CLI bundle (`dist/cli/index.js run ... --apply --out <dir>`) there and read
 *      `<dir>/report.json` (status, stop reason, iterations, turns, tokens, cached share, cost);
 *   3. copy `hidden/` over the copy and run the task's `hiddenCheck`;
 *   4. score: a solvable task is solved when the run says `success` AND the hidden check passes;
 *      the unsolvable task must stop on a budget, no-progress or give-up with the tests intact.
 *
 * Model: a real endpoint (`mode: 'real'`) or, without a key, a SCRIPTED model on the fake
 * OpenAI server (`mode: 'scripted'`): it reads a file, sends `solution.patch` through
 * `apply_patch`, runs the tests and stops, so every solvable task with a toolchain is solved and
 * the harness itself is tested. `cheat: true` scripts a model that deletes the visible tests
 * instead; the harness must report that as not solved.
 *
 * This file only imports node built-ins and picomatch so Node 24 can load it without a build
 * (type stripping); the fake server is handed in by the caller.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { FakeOpenAI, Reply, Script } from '../test/fakes/openai-server.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TASKS_DIR = path.join(ROOT, 'eval', 'tasks');
export const RESULTS_DIR = path.join(ROOT, 'eval', 'results');
export const CLI_PATH = path.join(ROOT, 'dist', 'cli', 'index.js');

/** Stops that count as "correctly gave up" on the unsolvable task. */
const UNSOLVABLE_STOPS = new Set([
  'budget-iterations',
  'budget-turns',
  'budget-tokens',
  'budget-cost',
  'no-progress',
  'model-gave-up',
  // --attempts: the select step found no attempt that passes.
  'no-passing-attempt',
]);

export interface TaskSpec {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly runner: string;
  readonly testCommand: string;
  readonly task: string;
  readonly category: string;
  readonly hiddenCheck: string;
  readonly expect: 'solvable' | 'unsolvable';
  readonly budget: { readonly maxIterations: number; readonly maxTurns: number };
  readonly visibleTests: readonly string[];
  readonly linkNodeModules: boolean;
  /** Absolute path of the task folder. */
  readonly dir: string;
}

export type Verdict = 'solved' | 'not solved' | 'stopped' | 'not stopped' | 'skipped' | 'error';

export interface TaskResult {
  readonly id: string;
  /** 1-based repetition number. */
  readonly run: number;
  readonly expect: 'solvable' | 'unsolvable';
  /** The run's `status` (report.json), or `skipped` / `error` when there was no run. */
  readonly status: string;
  readonly stopReason: string;
  readonly iterations: number;
  readonly turns: number;
  readonly tokens: number;
  /** Cached input tokens / input tokens, 0..1. */
  readonly cachedShare: number;
  readonly costUsd: number;
  readonly wallMs: number;
  readonly hiddenCheck: 'pass' | 'fail' | 'not run';
  readonly verdict: Verdict;
  /** Files the published diff changes, and files the integrity filter dropped. */
  readonly filesChanged: readonly string[];
  readonly dropped: readonly string[];
  /** Skip reason, harness error, or the tail of the hidden check's output when it failed. */
  readonly note: string;
  /** With --attempts: each attempt on its own (its report and the hidden check on its diff). */
  readonly attempts?: readonly AttemptResult[];
}

export interface AttemptResult {
  readonly label: string;
  readonly model: string;
  readonly status: string;
  readonly hiddenCheck: 'pass' | 'fail' | 'not run';
  /** The attempt alone would have solved the task (success and the hidden check passes). */
  readonly solved: boolean;
  readonly costUsd: number;
}

/** How a scripted attempt behaves: fixes the bug, changes nothing, or deletes the tests. */
export type AttemptKind = 'solve' | 'idle' | 'cheat';

export interface EvalTotals {
  readonly tasks: number;
  readonly skipped: number;
  readonly errors: number;
  readonly solvableRuns: number;
  readonly solved: number;
  /** solved / solvableRuns (0 when nothing solvable ran). */
  readonly solveRate: number;
  /** Total cost of the solved runs / solved; null when nothing was solved. */
  readonly meanCostPerSolvedUsd: number | null;
  readonly unsolvableRuns: number;
  readonly stoppedCorrectly: number;
  readonly costUsd: number;
  readonly tokens: number;
  readonly wallMs: number;
  /** With --attempts: single attempts that solved their solvable task, of all such attempts. */
  readonly passAt1?: {
    readonly solved: number;
    readonly attempts: number;
    readonly meanCostUsd: number;
  };
}

export interface EvalReport {
  readonly schemaVersion: 1;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly mode: 'scripted' | 'real';
  readonly cheat: boolean;
  readonly model: string;
  readonly api: 'chat' | 'responses';
  /** Base URL of a real run ('' = the client default); 'fake' in scripted mode. */
  readonly baseUrl: string;
  readonly repeat: number;
  /** Attempts per task (1 = plain runs; more = `greenloop run --attempts`). */
  readonly attempts: number;
  readonly results: readonly TaskResult[];
  readonly totals: EvalTotals;
}

export type StartFake = (script: Script) => Promise<FakeOpenAI>;

export interface EvalOptions {
  readonly mode: 'scripted' | 'real';
  /** Real mode needs no fake; scripted mode needs `startFake` (test/fakes/openai-server.ts). */
  readonly startFake?: StartFake;
  readonly model?: string;
  readonly baseUrl?: string;
  readonly api?: 'chat' | 'responses';
  /** Tool style for real runs (scripted runs always use function tools). */
  readonly toolStyle?: string;
  /** Task id globs (comma list accepted); default every task. */
  readonly tasks?: readonly string[];
  readonly repeat?: number;
  /** Scripted model deletes the visible tests instead of fixing the code. */
  readonly cheat?: boolean;
  /** Tasks run at the same time (default 1). */
  readonly jobs?: number;
  /** Limit of one task's run, seconds (default 240 scripted, 1800 real). */
  readonly taskTimeoutSeconds?: number;
  /**
   * Attempts per task: `greenloop run --attempts N`, then the select step. Scripted attempts
   * differ: one fixes, one changes nothing, one deletes the tests (see `attemptKinds`).
   */
  readonly attempts?: number;
  /** Extra flags for `greenloop run`. */
  readonly extraArgs?: readonly string[];
  /** Keep the temp copies (printed in each result's note). */
  readonly keep?: boolean;
  readonly tasksDir?: string;
  readonly cliPath?: string;
  /** Progress lines (default: nothing). */
  readonly onProgress?: (line: string) => void;
}

/** Reads every task folder's task.json (sorted by id) and keeps those matching `globs`. */
export function loadTasks(tasksDir: string, globs: readonly string[] = []): TaskSpec[] {
  const patterns = globs.flatMap((g) => g.split(',')).filter((g) => g.trim() !== '');
  const match = patterns.length === 0 ? () => true : picomatch(patterns.map((p) => p.trim()));
  return fs
    .readdirSync(tasksDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && fs.existsSync(path.join(tasksDir, entry.name, 'task.json')),
    )
    .map((entry) => entry.name)
    .sort()
    .filter((id) => match(id))
    .map((id) => {
      const dir = path.join(tasksDir, id);
      const spec = JSON.parse(fs.readFileSync(path.join(dir, 'task.json'), 'utf8')) as Omit<
        TaskSpec,
        'dir'
      >;
      return { ...spec, linkNodeModules: spec.linkNodeModules === true, dir };
    });
}

/** Why a task cannot run on this machine, or undefined when its toolchain is there. */
export function missingToolchain(task: TaskSpec, root: string = ROOT): string | undefined {
  const works = (command: string, args: string[]) =>
    spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 }).status === 0;
  switch (task.runner) {
    case 'pytest':
      return works('python3', ['-m', 'pytest', '--version']) ? undefined : 'no pytest';
    case 'unittest':
      return works('python3', ['--version']) ? undefined : 'no python3';
    case 'cargo':
      return works('cargo', ['--version']) ? undefined : 'no cargo';
    case 'go':
      return works('go', ['version']) ? undefined : 'no go';
    case 'vitest':
    case 'jest': {
      const bin = path.join(root, 'node_modules', task.runner, 'package.json');
      return fs.existsSync(bin) ? undefined : `no ${task.runner}`;
    }
    default:
      return undefined;
  }
}

/** The first file a patch updates (or adds), to have the scripted model read something. */
function firstPatchedFile(patch: string): string | undefined {
  return /^\*\*\* (?:Update|Delete) File: (.+)$/m.exec(patch)?.[1]?.trim();
}

/**
 * The scripted model's answers for one task, in order; the last one repeats if the loop asks
 * again. Function-tool arguments: shell `{ command }`, apply_patch `{ patch }`.
 */
export function scriptedReplies(task: TaskSpec, cheat: boolean): Reply[] {
  const look: Reply = {
    toolCalls: [{ name: 'shell', arguments: { command: ['git', 'ls-files'] } }],
  };
  if (cheat) {
    const deletions = task.visibleTests.map((file) => `*** Delete File: ${file}`);
    const patch = ['*** Begin Patch', ...deletions, '*** End Patch', ''].join('\n');
    return [
      look,
      { toolCalls: [{ name: 'apply_patch', arguments: { patch } }] },
      { toolCalls: [{ name: 'run_tests', arguments: {} }] },
      { text: 'Removed the failing tests; the suite is green now.' },
    ];
  }
  const solution = path.join(task.dir, 'solution.patch');
  if (!fs.existsSync(solution)) {
    return [
      look,
      { toolCalls: [{ name: 'run_tests', arguments: {} }] },
      {
        text: 'The tests contradict each other: no implementation can satisfy both without changing a test, so I stop here.',
      },
    ];
  }
  const patch = fs.readFileSync(solution, 'utf8');
  const file = firstPatchedFile(patch);
  const read: Reply = file
    ? { toolCalls: [{ name: 'shell', arguments: { command: ['git', 'show', `HEAD:${file}`] } }] }
    : look;
  return [
    read,
    { toolCalls: [{ name: 'apply_patch', arguments: { patch } }] },
    { toolCalls: [{ name: 'run_tests', arguments: {} }] },
    { text: `Applied the fix for: ${task.title}.` },
  ];
}

interface Exec {
  readonly code: number | null;
  readonly output: string;
  readonly timedOut: boolean;
}

/** Runs a command (shell string or argv), kills its process group after `timeoutMs`. */
function execute(
  command: string | readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Exec> {
  return new Promise((resolve) => {
    const detached = process.platform !== 'win32';
    const child =
      typeof command === 'string'
        ? spawn(command, { cwd, env, shell: true, detached, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(command[0] ?? '', command.slice(1), {
            cwd,
            env,
            detached,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: output + String(error), timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=greenloop eval', '-c', 'user.email=eval@greenloop.invalid', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** Copies `repo/` into a fresh git repository; returns its path. */
export function prepareCopy(task: TaskSpec, root: string = ROOT): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), `gl-eval-${task.id.slice(0, 2)}-`));
  fs.cpSync(path.join(task.dir, 'repo'), copy, { recursive: true });
  git(copy, 'init', '-q');
  git(copy, 'config', 'core.autocrlf', 'false');
  if (task.linkNodeModules) {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'junction');
    fs.appendFileSync(path.join(copy, '.git', 'info', 'exclude'), '\nnode_modules\n');
  }
  git(copy, 'add', '-A');
  git(copy, 'commit', '-q', '-m', `eval task ${task.id}`);
  return copy;
}

interface ReportFields {
  status?: string;
  stopReason?: string;
  totals?: {
    iterations?: number;
    turns?: number;
    tokens?: number;
    inputTokens?: number;
    cachedInputTokens?: number;
    cachedShare?: number;
    costUsd?: number;
  };
  filesChanged?: { path: string }[];
  dropped?: { path: string }[];
}

function readReport(outDir: string): ReportFields | undefined {
  const file = path.join(outDir, 'report.json');
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ReportFields;
}

function tail(text: string, lines = 12): string {
  return text.trimEnd().split(/\r?\n/).slice(-lines).join('\n');
}

/** What the run and the hidden check mean for this task. */
export function verdictOf(
  expect: 'solvable' | 'unsolvable',
  status: string,
  hidden: 'pass' | 'fail' | 'not run',
): Verdict {
  if (expect === 'solvable')
    return status === 'success' && hidden === 'pass' ? 'solved' : 'not solved';
  return UNSOLVABLE_STOPS.has(status) && hidden === 'pass' ? 'stopped' : 'not stopped';
}

function emptyResult(task: TaskSpec, run: number, status: string, note: string): TaskResult {
  return {
    id: task.id,
    run,
    expect: task.expect,
    status,
    stopReason: '',
    iterations: 0,
    turns: 0,
    tokens: 0,
    cachedShare: 0,
    costUsd: 0,
    wallMs: 0,
    hiddenCheck: 'not run',
    verdict: status === 'skipped' ? 'skipped' : 'error',
    filesChanged: [],
    dropped: [],
    note,
  };
}

function replyInOrder(replies: readonly Reply[]): (request: unknown, index: number) => Reply {
  return (_request, index) => replies[Math.min(index, replies.length - 1)] ?? { text: 'done' };
}

/**
 * The scripted attempts of a task: each kind once, rotated per task so that the fixing attempt
 * is not always the first, then repeated.
 */
export function attemptKinds(task: TaskSpec, count: number): AttemptKind[] {
  const kinds: readonly AttemptKind[] = ['idle', 'cheat', 'solve'];
  const offset = [...task.id].reduce((n, c) => n + c.charCodeAt(0), 0) % kinds.length;
  return Array.from({ length: count }, (_, i) => kinds[(i + offset) % kinds.length]!);
}

function attemptReplies(task: TaskSpec, kind: AttemptKind): Reply[] {
  if (kind === 'idle') return [{ text: 'I could not find the cause of the failure.' }];
  return scriptedReplies(task, kind === 'cheat');
}

/** One fake server for every attempt: the request's model (`scripted-<k>`) picks the script. */
function attemptsScript(
  task: TaskSpec,
  kinds: readonly AttemptKind[],
): (request: { readonly body?: unknown }) => Reply {
  const scripts = kinds.map((kind) => attemptReplies(task, kind));
  const asked = new Map<number, number>();
  return (request) => {
    const body = request.body;
    const model =
      typeof body === 'object' && body !== null && 'model' in body ? String(body.model) : '';
    const k = Math.max(0, Number(/^scripted-(\d+)$/.exec(model)?.[1] ?? '1') - 1);
    const n = asked.get(k) ?? 0;
    asked.set(k, n + 1);
    const list = scripts[k] ?? scripts[0] ?? [];
    return list[Math.min(n, list.length - 1)] ?? { text: 'done' };
  };
}

/** Copies the task's hidden tests into `copy` and runs its hidden check there. */
async function hiddenCheck(
  task: TaskSpec,
  copy: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Exec> {
  for (const entry of fs.readdirSync(path.join(task.dir, 'hidden'))) {
    fs.cpSync(path.join(task.dir, 'hidden', entry), path.join(copy, entry), {
      recursive: true,
      force: true,
    });
  }
  return execute(task.hiddenCheck, copy, env, Math.min(timeoutMs, 300_000));
}

/** Each attempt alone: its report, and the hidden check on its diff applied to a fresh copy. */
async function judgeAttempts(
  task: TaskSpec,
  outDir: string,
  kinds: readonly AttemptKind[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<AttemptResult[]> {
  const results: AttemptResult[] = [];
  for (const [k, kind] of kinds.entries()) {
    const label = `attempt-${k + 1}`;
    const dir = path.join(outDir, label);
    const report = readReport(dir);
    const status = report?.status ?? 'error';
    const diffFile = path.join(dir, 'greenloop.diff');
    const copy = prepareCopy(task);
    try {
      if (fs.existsSync(diffFile) && fs.statSync(diffFile).size > 0) {
        git(copy, 'apply', '--binary', diffFile);
      }
      const hidden = (await hiddenCheck(task, copy, env, timeoutMs)).code === 0 ? 'pass' : 'fail';
      results.push({
        label,
        model: `scripted-${k + 1} (${kind})`,
        status,
        hiddenCheck: hidden,
        solved: status === 'success' && hidden === 'pass',
        costUsd: report?.totals?.costUsd ?? 0,
      });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }
  return results;
}

/** Runs one task once: copy, greenloop, hidden check, score. Never throws. */
export async function runTask(
  task: TaskSpec,
  run: number,
  options: EvalOptions,
): Promise<TaskResult> {
  const missing = missingToolchain(task);
  if (missing) return emptyResult(task, run, 'skipped', `skipped (${missing})`);
  const timeoutMs =
    (options.taskTimeoutSeconds ?? (options.mode === 'scripted' ? 240 : 1800)) * 1000;
  let copy: string | undefined;
  let outDir: string | undefined;
  let fake: FakeOpenAI | undefined;
  const started = Date.now();
  try {
    copy = prepareCopy(task);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), `gl-eval-out-${task.id.slice(0, 2)}-`));
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
    const args = [
      options.cliPath ?? CLI_PATH,
      'run',
      '--cwd',
      copy,
      '--test-command',
      task.testCommand,
      '--max-iterations',
      String(task.budget.maxIterations),
      '--max-turns',
      String(task.budget.maxTurns),
      '--timeout-minutes',
      String(Math.max(1, Math.floor(timeoutMs / 60_000))),
      '--apply',
      '--out',
      outDir,
    ];
    if (task.task !== '') args.push('--task', task.task);
    const attempts = Math.max(1, options.attempts ?? 1);
    const kinds = attemptKinds(task, attempts);
    if (attempts > 1) {
      args.push('--attempts', String(attempts), '--jobs', String(Math.min(attempts, 2)));
    }
    if (options.mode === 'scripted') {
      if (!options.startFake) throw new Error('scripted mode needs the fake OpenAI server');
      fake = await options.startFake(
        attempts > 1
          ? attemptsScript(task, kinds)
          : replyInOrder(scriptedReplies(task, options.cheat === true)),
      );
      delete env.OPENAI_API_KEY;
      delete env.OPENAI_BASE_URL;
      args.push('--base-url', fake.url, '--tool-style', 'function');
      if (attempts > 1) kinds.forEach((_, k) => args.push('--model', `scripted-${k + 1}`));
      else if (options.model) args.push('--model', options.model);
      if (options.api) args.push('--api', options.api);
    } else {
      if (options.baseUrl) args.push('--base-url', options.baseUrl);
      if (options.model) args.push('--model', options.model);
      if (options.api) args.push('--api', options.api);
      if (options.toolStyle) args.push('--tool-style', options.toolStyle);
    }
    args.push(...(options.extraArgs ?? []));
    const cli = await execute([process.execPath, ...args], copy, env, timeoutMs);
    const wallMs = Date.now() - started;
    const report = readReport(outDir);
    if (!report) {
      const why = cli.timedOut ? `timed out after ${timeoutMs / 1000}s` : `exit ${cli.code}`;
      return {
        ...emptyResult(task, run, 'error', `no report.json (${why}): ${tail(cli.output, 3)}`),
        wallMs,
      };
    }
    const hiddenRun = await hiddenCheck(task, copy, env, timeoutMs);
    const hidden = hiddenRun.code === 0 ? 'pass' : 'fail';
    const attemptResults =
      attempts > 1 ? await judgeAttempts(task, outDir, kinds, env, timeoutMs) : undefined;
    const status = report.status ?? 'error';
    const totals = report.totals ?? {};
    const input = totals.inputTokens ?? 0;
    return {
      id: task.id,
      run,
      expect: task.expect,
      status,
      stopReason: report.stopReason ?? '',
      iterations: totals.iterations ?? 0,
      turns: totals.turns ?? 0,
      tokens: totals.tokens ?? 0,
      cachedShare: totals.cachedShare ?? (input > 0 ? (totals.cachedInputTokens ?? 0) / input : 0),
      costUsd: totals.costUsd ?? 0,
      wallMs,
      hiddenCheck: hidden,
      verdict: verdictOf(task.expect, status, hidden),
      filesChanged: (report.filesChanged ?? []).map((f) => f.path),
      dropped: (report.dropped ?? []).map((f) => f.path),
      note: [
        hidden === 'fail' ? tail(hiddenRun.output, 4) : '',
        options.keep ? `copy: ${copy} out: ${outDir}` : '',
      ]
        .filter((s) => s !== '')
        .join(' | '),
      ...(attemptResults ? { attempts: attemptResults } : {}),
    };
  } catch (error) {
    return {
      ...emptyResult(task, run, 'error', error instanceof Error ? error.message : String(error)),
      wallMs: Date.now() - started,
    };
  } finally {
    await fake?.close();
    if (!options.keep) {
      for (const dir of [copy, outDir]) {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

export function summarize(results: readonly TaskResult[]): EvalTotals {
  const ran = results.filter((r) => r.verdict !== 'skipped' && r.verdict !== 'error');
  const solvable = ran.filter((r) => r.expect === 'solvable');
  const solved = solvable.filter((r) => r.verdict === 'solved');
  const unsolvable = ran.filter((r) => r.expect === 'unsolvable');
  const sum = (list: readonly TaskResult[], pick: (r: TaskResult) => number) =>
    list.reduce((total, r) => total + pick(r), 0);
  return {
    tasks: results.length,
    skipped: results.filter((r) => r.verdict === 'skipped').length,
    errors: results.filter((r) => r.verdict === 'error').length,
    solvableRuns: solvable.length,
    solved: solved.length,
    solveRate: solvable.length === 0 ? 0 : solved.length / solvable.length,
    meanCostPerSolvedUsd:
      solved.length === 0 ? null : sum(solved, (r) => r.costUsd) / solved.length,
    unsolvableRuns: unsolvable.length,
    stoppedCorrectly: unsolvable.filter((r) => r.verdict === 'stopped').length,
    costUsd: sum(results, (r) => r.costUsd),
    tokens: sum(results, (r) => r.tokens),
    wallMs: sum(results, (r) => r.wallMs),
    ...passAt1(solvable),
  };
}

function passAt1(solvable: readonly TaskResult[]): Pick<EvalTotals, 'passAt1'> {
  const attempts = solvable.flatMap((r) => r.attempts ?? []);
  if (attempts.length === 0) return {};
  const cost = attempts.reduce((total, a) => total + a.costUsd, 0);
  return {
    passAt1: {
      solved: attempts.filter((a) => a.solved).length,
      attempts: attempts.length,
      meanCostUsd: cost / attempts.length,
    },
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The results as a markdown table followed by the totals. */
export function formatReport(report: EvalReport): string {
  const header = [
    'task',
    'status',
    'stop reason',
    'iterations',
    'turns',
    'tokens',
    'cached share',
    'cost',
    'wall time',
    'hidden check',
    'verdict',
  ];
  const rows = report.results.map((r) => [
    report.repeat > 1 ? `${r.id} #${r.run}` : r.id,
    r.status,
    r.verdict === 'skipped' || r.verdict === 'error' ? r.note : r.stopReason,
    String(r.iterations),
    String(r.turns),
    String(r.tokens),
    `${Math.round(r.cachedShare * 100)}%`,
    `$${r.costUsd.toFixed(4)}`,
    `${(r.wallMs / 1000).toFixed(1)}s`,
    r.hiddenCheck,
    r.verdict,
  ]);
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  const t = report.totals;
  const mean = t.meanCostPerSolvedUsd === null ? 'n/a' : `$${t.meanCostPerSolvedUsd.toFixed(4)}`;
  lines.push(
    '',
    `mode: ${report.mode}${report.cheat ? ' (cheat: the model deletes the visible tests)' : ''}, model: ${report.model}, api: ${report.api}`,
    `solve rate: ${t.solved}/${t.solvableRuns} (${(t.solveRate * 100).toFixed(0)}%), mean cost per solved task: ${mean}`,
    ...(t.passAt1
      ? [
          `pass@1 (each attempt alone): ${t.passAt1.solved}/${t.passAt1.attempts} (${((t.passAt1.solved / Math.max(1, t.passAt1.attempts)) * 100).toFixed(0)}%), mean cost per attempt $${t.passAt1.meanCostUsd.toFixed(4)}; best-of-${report.attempts} (verified select): ${t.solved}/${t.solvableRuns} (${(t.solveRate * 100).toFixed(0)}%), mean cost per task $${(t.costUsd / Math.max(1, t.tasks - t.skipped)).toFixed(4)}`,
        ]
      : []),
    `unsolvable stopped correctly: ${t.stoppedCorrectly}/${t.unsolvableRuns}; skipped: ${t.skipped}; errors: ${t.errors}`,
    `total: ${t.tokens} tokens, $${t.costUsd.toFixed(4)}, ${(t.wallMs / 1000).toFixed(1)}s of task time`,
  );
  const failing = report.results.filter(
    (r) => r.note !== '' && r.verdict !== 'skipped' && r.verdict !== 'error',
  );
  for (const r of failing) lines.push(`note ${r.id}: ${cell(r.note)}`);
  return lines.join('\n');
}

/**
 * In scripted mode every task with a toolchain has a known outcome: solvable tasks solved and
 * the unsolvable one stopped, or (cheat) nothing solved. Returns the results that differ.
 */
export function unexpectedScripted(report: EvalReport): TaskResult[] {
  return report.results.filter((r) => {
    if (r.verdict === 'skipped') return false;
    if (r.verdict === 'error') return true;
    if (report.cheat) return r.verdict === 'solved';
    return r.verdict !== (r.expect === 'solvable' ? 'solved' : 'stopped');
  });
}

/** Runs every selected task `repeat` times, `jobs` at a time. */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const startedAt = new Date().toISOString();
  const tasks = loadTasks(options.tasksDir ?? TASKS_DIR, options.tasks ?? []);
  if (tasks.length === 0) throw new Error(`no task matches ${(options.tasks ?? []).join(', ')}`);
  const repeat = Math.max(1, options.repeat ?? 1);
  const queue = tasks.flatMap((task) =>
    Array.from({ length: repeat }, (_, i) => ({ task, run: i + 1 })),
  );
  const results: TaskResult[] = new Array<TaskResult>(queue.length);
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const index = next++;
      const item = queue[index];
      if (!item) break;
      options.onProgress?.(`… ${item.task.id}${repeat > 1 ? ` #${item.run}` : ''}`);
      const result = await runTask(item.task, item.run, options);
      results[index] = result;
      options.onProgress?.(
        `${result.verdict.padEnd(11)} ${item.task.id} (${result.status}, hidden check ${result.hiddenCheck}, ${(result.wallMs / 1000).toFixed(1)}s)`,
      );
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, queue.length));
  await Promise.all(Array.from({ length: jobs }, () => worker()));
  return {
    schemaVersion: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: options.mode,
    cheat: options.cheat === true,
    model: options.model ?? 'gpt-5.1-codex-max',
    api: options.api ?? 'responses',
    baseUrl: options.mode === 'scripted' ? 'fake' : (options.baseUrl ?? ''),
    repeat,
    attempts: Math.max(1, options.attempts ?? 1),
    results,
    totals: summarize(results),
  };
}

/** Writes `eval/results/<timestamp>.json`; returns its path. */
export function writeResults(report: EvalReport, dir: string = RESULTS_DIR): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
