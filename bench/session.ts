/**
 * Long scripted sessions through the real loop (real git, real process runner, real test
 * command and digest; the model is the in-memory scripted model, answering instantly).
 * Runs in a child process (bench/child.ts) so that peak RSS belongs to one session.
 *
 * Timing: wall time of `runLoop`, minus time inside the model and inside tool/test processes
 * (the runner is wrapped), is the harness's own overhead. Git calls are the harness's own work
 * (snapshots, restores) and are reported separately.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTestCommand } from '../src/checks/run-tests.js';
import { parseConfig } from '../src/config/index.js';
import type { CompactionMode } from '../src/config/types.js';
import { runLoop } from '../src/loop/run.js';
import { countTokens, itemText, loadTokenizer, o200k } from '../src/model/tokens.js';
import type { Item, ModelClient, ToolSpec, TurnRequest } from '../src/model/types.js';
import { scrubEnv } from '../src/workspace/env.js';
import { createGit } from '../src/workspace/git.js';
import { createGuard } from '../src/workspace/guard.js';
import { createProcessRunner } from '../src/workspace/runner.js';
import type { Git, ProcessRunner } from '../src/workspace/types.js';
import { generateLog } from '../test/checks/generate.js';
import type { RunLog } from '../src/core/log.js';
import { scriptedModel, type ScriptedReply } from '../test/fakes/scripted-model.js';
import { byIteration, naiveTokens, shippedTokens, type IterationTokens } from './tokens.js';
import { tempDir } from './util.js';

export interface SessionParams {
  /** Compaction mode; the shipped default when absent. */
  readonly mode?: CompactionMode;
  readonly turns: number;
  readonly contextWindow: number;
  /** Size of each shell output; 0 for a trivial command with no output. */
  readonly outputBytes: number;
  /** A test run every this many turns. */
  readonly testEvery: number;
  /**
   * Answer shell and test commands from memory instead of spawning processes (the compaction
   * runs: they measure context, not processes; git stays real).
   */
  readonly cannedProcesses?: boolean;
  /** The compact-threshold input (the shipped default when absent). */
  readonly compactThreshold?: number;
  /** Size of each canned test log (default 8,000 bytes). */
  readonly testLogBytes?: number;
  /** Record the raw outputs of the canned commands (for the token bench's naive loop). */
  readonly keepOutputs?: boolean;
}

export interface SessionResult {
  readonly params: SessionParams;
  readonly status: string;
  readonly turns: number;
  readonly iterations: number;
  readonly wallMs: number;
  readonly modelMs: number;
  readonly processMs: number;
  readonly gitMs: number;
  readonly overheadMs: number;
  readonly overheadPerTurnMs: number;
  readonly overheadPerIterationMs: number;
  readonly inProcessPerTurnMs: number;
  readonly maxRssBytes: number;
  readonly requests: number;
  readonly compactRequests: number;
  readonly compactions: number;
  readonly peakContextTokens: number;
  readonly prefixStable: number;
  readonly prefixPairs: number;
  readonly pinnedSurvives: boolean;
  /** The latest digest was in every request made after the first test run. */
  readonly latestDigestSurvives: boolean;
  /** Requests that carried the latest digest whole, of those made after a test run. */
  readonly latestDigestKept: number;
  readonly latestDigestRequests: number;
  /** Per iteration, with `keepOutputs` (canned processes): see bench/tokens.ts. */
  readonly tokens?: readonly IterationTokens[];
}

const HANDOFF = [
  '## Goal and constraints',
  'Make the failing test pass without editing tests.',
  '## What was tried and why it failed',
  'Read the logs one by one.',
  '## Current failing tests',
  'counter',
  '## Files changed and why',
  'counter.txt',
  '## Plan',
  'Keep reading.',
  '## Next step',
  'Read the next log.',
].join('\n');

/** Deterministic noisy output of about `bytes` bytes for turn `k`. */
export function toolOutput(k: number, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `[${String(k).padStart(3, '0')}:${String(i).padStart(3, '0')}] worker-${(k * 7 + i) % 13} processed item ${(k * 977 + i * 131) % 100_000} in ${(i * 37 + k) % 900} ms status=${i % 5 === 0 ? 'retry' : 'ok'}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** The loop's log kept in memory (the bench must not load vitest through test/loop/harness.ts). */
function memoryLog(lines: string[]): RunLog {
  return {
    info: (line) => void lines.push(line),
    warn: (line) => void lines.push(`warning: ${line}`),
    progress: (line) => void lines.push(`progress: ${line}`),
    group: async (title, body) => {
      lines.push(`group: ${title}`);
      return body();
    },
  };
}

function setupRepo(params: SessionParams): string {
  const dir = tempDir('gl-bench-session-');
  writeFileSync(path.join(dir, 'counter.txt'), '0\n');
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
  if (params.outputBytes > 0 && !params.cannedProcesses) {
    mkdirSync(path.join(dir, 'logs'));
    for (let k = 1; k <= params.turns; k++) {
      writeFileSync(path.join(dir, 'logs', `${k}.txt`), toolOutput(k, nominalBytes(params, k)));
    }
  }
  return dir;
}

function timedRunner(inner: ProcessRunner, spent: { ms: number }): ProcessRunner {
  return {
    sandbox: inner.sandbox,
    async run(request) {
      const start = performance.now();
      try {
        return await inner.run(request);
      } finally {
        spent.ms += performance.now() - start;
      }
    },
  };
}

/** Raw outputs of the canned commands, in the order they ran. */
export interface CannedOutputs {
  readonly tests: string[];
  readonly shell: string[];
}

/** A process runner that prints what the real commands would, without spawning them. */
function cannedRunner(params: SessionParams, outputs?: CannedOutputs): ProcessRunner {
  let counter = '0';
  return {
    sandbox: { mode: 'none', reason: 'canned outputs (benchmark)' },
    async run(request) {
      const script =
        typeof request.command === 'string' ? request.command : request.command.join(' ');
      const read = /cat logs\/(\d+)\.txt/.exec(script);
      const write = /echo (\d+) > counter\.txt/.exec(script);
      let stdout = '';
      let exitCode = 0;
      if (script.startsWith('echo "FAIL')) {
        // A realistic failing vitest log, different on every run, so that its digest is as
        // large as a real one (masking elides tool outputs over 400 characters).
        stdout = generateLog({
          runner: 'vitest',
          sizeBytes: params.testLogBytes ?? 8000,
          failures: 3,
          seed: Number(counter) + 1,
        }).text;
        exitCode = 1;
      } else if (read) {
        const k = Number(read[1]);
        stdout = toolOutput(k, nominalBytes(params, k));
      }
      if (script.startsWith('echo "FAIL')) outputs?.tests.push(stdout);
      else outputs?.shell.push(stdout);
      if (write) {
        counter = write[1]!;
        writeFileSync(path.join(request.cwd, 'counter.txt'), `${counter}\n`);
      }
      if (request.outputFile) writeFileSync(request.outputFile, stdout);
      return {
        exitCode,
        signal: null,
        timedOut: false,
        stdout,
        stderr: '',
        output: stdout,
        totalBytes: Buffer.byteLength(stdout),
        durationMs: 0,
        sandboxed: false,
      };
    },
  };
}

export function nominalBytes(params: SessionParams, k: number): number {
  // 2/3 to 4/3 of the nominal size, so outputs vary like real ones.
  return Math.round(params.outputBytes * (2 / 3 + ((k * 37) % 100) / 150));
}

function timedGit(inner: Git, spent: { ms: number }): Git {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return (await (value as (...a: unknown[]) => Promise<unknown>).apply(
            target,
            args,
          )) as unknown;
        } finally {
          spent.ms += performance.now() - start;
        }
      };
    },
  });
}

function timedModel(inner: ModelClient, spent: { ms: number }): ModelClient {
  const time = async <T>(body: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await body();
    } finally {
      spent.ms += performance.now() - start;
    }
  };
  const compact = inner.compact?.bind(inner);
  return {
    api: inner.api,
    model: inner.model,
    nativeTools: inner.nativeTools,
    contextWindow: inner.contextWindow,
    turn: (request) => time(() => inner.turn(request)),
    ...(compact ? { compact: (request: TurnRequest) => time(() => compact(request)) } : {}),
  };
}

export function isHandoffRequest(request: TurnRequest): boolean {
  const last = request.input.at(-1);
  return last?.type === 'message' && last.text.startsWith('Context compaction:');
}

/** Serialises items once each (requests share item objects). */
export function serialiser(): (item: Item) => string {
  const cache = new WeakMap<Item, string>();
  return (item) => {
    let text = cache.get(item);
    if (text === undefined) {
      text = JSON.stringify(item);
      cache.set(item, text);
    }
    return text;
  };
}

/** Prompt tokens of a request as o200k counts: instructions, tools and every item (+4 framing). */
export function requestTokenCounter(): (request: TurnRequest) => number {
  const cache = new WeakMap<Item, number>();
  const toolTokens = (tools: readonly ToolSpec[]): number =>
    tools.reduce(
      (sum, t) =>
        sum + countTokens(`${t.name} ${t.description} ${JSON.stringify(t.parameters)}`) + 4,
      0,
    );
  return (request) => {
    let total = countTokens(request.instructions) + 4 + toolTokens(request.tools);
    for (const item of request.input) {
      let tokens = cache.get(item);
      if (tokens === undefined) {
        tokens = countTokens(itemText(item)) + 4;
        cache.set(item, tokens);
      }
      total += tokens;
    }
    return total;
  };
}

/** The token bench's rows: greenloop's requests beside the naive loop's over the same turns. */
function tokenRows(
  params: SessionParams,
  requests: readonly TurnRequest[],
  outputs: CannedOutputs,
  task: string,
): IterationTokens[] {
  const first = requests[0];
  if (first === undefined) return [];
  const tests = outputs.tests.slice(1);
  const shell = [...outputs.shell];
  const turns = requests.map((_, i) => {
    const k = i + 1;
    if (k % params.testEvery === 0) return { call: 'run_tests {}', output: tests.shift() ?? '' };
    const read = params.outputBytes > 0 ? `cat logs/${k}.txt; ` : '';
    return {
      call: `shell ${JSON.stringify({ command: `${read}echo ${k} > counter.txt` })}`,
      output: shell.shift() ?? '',
    };
  });
  const naive = naiveTokens({
    instructions: first.instructions,
    tools: first.tools,
    task,
    baselineLog: outputs.tests[0] ?? '',
    turns,
    contextWindow: params.contextWindow,
  });
  return byIteration(shippedTokens(requests), naive, params.testEvery);
}

export async function runSessionBench(params: SessionParams): Promise<SessionResult> {
  await loadTokenizer();
  const dir = setupRepo(params);
  const workDir = tempDir('gl-bench-work-');
  try {
    const script = (request: TurnRequest, index: number): ScriptedReply => {
      if (isHandoffRequest(request)) return { text: HANDOFF };
      const k = index + 1;
      if (k % params.testEvery === 0) return { calls: [{ name: 'run_tests', args: {} }] };
      const read = params.outputBytes > 0 ? `cat logs/${k}.txt; ` : '';
      return { calls: [{ name: 'shell', args: { command: `${read}echo ${k} > counter.txt` } }] };
    };
    const compactItems = (): readonly Item[] => [
      {
        type: 'opaque',
        api: 'responses',
        item: { type: 'compaction', encrypted_content: `bench-compaction-${'z'.repeat(400)}` },
      },
    ];
    const scripted = scriptedModel(script, {
      contextWindow: params.contextWindow,
      compact: compactItems,
    });
    const parsed = parseConfig(
      {
        task: 'Make the counter test pass. Read the logs under logs/ for clues.',
        'test-command':
          'echo "FAIL counter test: counter is $(cat counter.txt), expected 0"; exit 1',
        sandbox: 'none',
        'flaky-reruns': '0',
        ...(params.mode ? { compaction: params.mode } : {}),
        ...(params.compactThreshold
          ? { 'compact-threshold': String(params.compactThreshold) }
          : {}),
        'max-turns': String(params.turns),
        'max-iterations': '100',
        'timeout-minutes': '60',
      },
      { baseDir: dir, env: {} },
    );
    if (!parsed.ok) throw new Error(parsed.error.join('\n'));
    const config = parsed.value;
    const modelTime = { ms: 0 };
    const processTime = { ms: 0 };
    const gitTime = { ms: 0 };
    const outputs: CannedOutputs = { tests: [], shell: [] };
    const runner = timedRunner(
      params.cannedProcesses
        ? cannedRunner(params, outputs)
        : await createProcessRunner({ sandbox: config.sandbox, workspace: dir }),
      processTime,
    );
    const env = scrubEnv(process.env);
    const git = timedGit(createGit(dir), gitTime);
    await git.ensureBaseline();
    gitTime.ms = 0;
    let lastDigest = '';
    const tests = createTestCommand({
      runner,
      command: config.testCommand,
      cwd: dir,
      env,
      timeoutMs: config.testTimeoutSeconds * 1000,
      logDir: workDir,
      digestTokens: config.digestTokens,
      counter: o200k,
      reportGlob: '',
    });
    const lines: string[] = [];
    // The latest digest the model had been given when it was last asked (what must survive).
    const digestAtRequest: string[] = [];
    const model = timedModel(scripted, modelTime);
    const start = performance.now();
    const outcome = await runLoop({
      config,
      testCommand: config.testCommand,
      model: {
        ...model,
        turn: (request) => {
          if (!isHandoffRequest(request)) digestAtRequest.push(lastDigest);
          return model.turn(request);
        },
      },
      git,
      runner,
      guard: createGuard(dir, config.protectedPaths),
      tests: {
        async run(label, options) {
          const run = await tests.run(label, options);
          lastDigest = run.digest.text;
          return run;
        },
      },
      env,
      log: memoryLog(lines),
      checkpointDir: path.join(workDir, 'checkpoint'),
      openaiEndpoint: params.mode === 'server',
    });
    const wallMs = performance.now() - start;

    const turnRequests = scripted.requests.filter((r) => !isHandoffRequest(r));
    const serialise = serialiser();
    const tokensOf = requestTokenCounter();
    let stable = 0;
    let peak = 0;
    for (let i = 0; i < turnRequests.length; i++) {
      const request = turnRequests[i]!;
      peak = Math.max(peak, tokensOf(request));
      if (i === 0) continue;
      const previous = turnRequests[i - 1]!;
      const same =
        previous.instructions === request.instructions &&
        JSON.stringify(previous.tools) === JSON.stringify(request.tools) &&
        previous.input.length <= request.input.length &&
        previous.input.every((item, j) => serialise(item) === serialise(request.input[j]!));
      if (same) stable += 1;
    }
    const first = turnRequests[0]?.input[0];
    const pinnedSurvives =
      first !== undefined && turnRequests.every((r) => serialise(r.input[0]!) === serialise(first));
    let digestGiven = 0;
    let digestKept = 0;
    turnRequests.forEach((request, i) => {
      const digest = digestAtRequest[i] ?? '';
      if (digest === '') return;
      digestGiven += 1;
      const text = request.input.map(serialise).join('\n');
      if (text.includes(JSON.stringify(digest).slice(1, -1))) digestKept += 1;
    });
    const turns = outcome.spent.turns;
    const iterations = outcome.spent.iterations;
    const tokens = params.keepOutputs
      ? tokenRows(params, turnRequests, outputs, config.task)
      : undefined;
    const overheadMs = wallMs - modelTime.ms - processTime.ms;
    return {
      params,
      status: outcome.status,
      turns,
      iterations,
      wallMs,
      modelMs: modelTime.ms,
      processMs: processTime.ms,
      gitMs: gitTime.ms,
      overheadMs,
      overheadPerTurnMs: overheadMs / Math.max(1, turns),
      overheadPerIterationMs: overheadMs / Math.max(1, iterations),
      inProcessPerTurnMs: (overheadMs - gitTime.ms) / Math.max(1, turns),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      requests: scripted.requests.length,
      compactRequests: scripted.compactRequests.length,
      compactions: outcome.spent.compactions,
      peakContextTokens: peak,
      prefixStable: stable,
      prefixPairs: Math.max(0, turnRequests.length - 1),
      pinnedSurvives,
      latestDigestSurvives: digestGiven > 0 && digestKept === digestGiven,
      latestDigestKept: digestKept,
      latestDigestRequests: digestGiven,
      ...(tokens ? { tokens } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}
