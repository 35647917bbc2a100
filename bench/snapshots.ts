/**
 * `npm run bench -- --snapshots`: what git snapshots cost the loop on a repository of 10,000
 * files (issue 22: harness overhead under 10 ms per turn and 60 ms per iteration there).
 *
 * Two 300-turn sessions through the real loop (real git, real process runner, scripted model
 * answering at once, a test run every 10 turns): one whose turns are shell commands (each may
 * write anywhere: the next snapshot walks the whole tree), one whose turns are apply_patch edits
 * (git is told the paths). Harness overhead = wall time − model − processes, as in the harness
 * section of bench/main.ts. Then single snapshots: after nothing changed, after one reported
 * edit, and after a command (a walk of the tree), each the median of 15.
 *
 * `--files=N` sets the repository size.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestCommand } from '../src/checks/run-tests.js';
import { parseConfig } from '../src/config/index.js';
import type { RunLog } from '../src/core/log.js';
import { runLoop } from '../src/loop/run.js';
import type { ModelClient } from '../src/model/types.js';
import { scrubEnv } from '../src/workspace/env.js';
import { createGit } from '../src/workspace/git.js';
import { o200k } from '../src/model/tokens.js';
import { createGuard } from '../src/workspace/guard.js';
import { createProcessRunner } from '../src/workspace/runner.js';
import type { Git, ProcessRunner } from '../src/workspace/types.js';
import { scriptedModel, type ScriptedReply } from '../test/fakes/scripted-model.js';
import { median, ms, round, table, tempDir } from './util.js';

const TURNS = 300;
const TEST_EVERY = 10;
const TARGET_TURN_MS = 10;
const TARGET_ITERATION_MS = 60;

type TurnKind = 'shell' | 'apply_patch';

interface SessionFigures {
  readonly kind: TurnKind;
  readonly status: string;
  readonly turns: number;
  readonly iterations: number;
  readonly wallMs: number;
  readonly processMs: number;
  readonly gitMs: number;
  readonly gitCalls: number;
  readonly gitByMethod: Readonly<Record<string, number>>;
  readonly overheadMs: number;
  readonly perTurnMs: number;
  readonly perIterationMs: number;
}

/** A committed repository of `files` small files in folders of 100, plus the counter. */
function makeRepo(files: number): string {
  const dir = tempDir('gl-bench-snap-');
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, 'src', `m${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `f${i}.ts`), `export const v${i} = ${i};\n`);
  }
  writeFileSync(path.join(dir, 'counter.txt'), '0\n');
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.invalid',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.invalid',
      },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'files');
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

interface GitTime {
  ms: number;
  calls: number;
  byMethod: Record<string, number>;
}

/** Git with the time spent in each of its calls counted (its own work is harness overhead). */
function timedGit(inner: Git, spent: GitTime): Git {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const start = performance.now();
        const result: unknown = Reflect.apply(value, target, args);
        // `touched` only takes note (no process): not a call.
        if (!(result instanceof Promise)) return result;
        spent.calls += 1;
        return result.finally(() => {
          const took = performance.now() - start;
          spent.ms += took;
          const name = String(key);
          spent.byMethod[name] = (spent.byMethod[name] ?? 0) + took;
        });
      };
    },
  });
}

const quietLog: RunLog = {
  info: () => undefined,
  warn: () => undefined,
  progress: () => undefined,
  group: (_title, body) => body(),
};

function script(kind: TurnKind): (request: unknown, index: number) => ScriptedReply {
  return (_request, index) => {
    const k = index + 1;
    if (k % TEST_EVERY === 0) return { calls: [{ name: 'run_tests', args: {} }] };
    if (kind === 'shell') {
      return { calls: [{ name: 'shell', args: { command: `echo ${k} > counter.txt` } }] };
    }
    const patch = `*** Begin Patch\n*** Add File: notes/turn-${k}.md\n+turn ${k}\n*** End Patch`;
    return { calls: [{ name: 'apply_patch', args: { patch } }] };
  };
}

async function session(files: number, kind: TurnKind): Promise<SessionFigures> {
  const dir = makeRepo(files);
  const workDir = tempDir('gl-bench-snap-work-');
  try {
    const parsed = parseConfig(
      {
        task: 'Make the counter test pass.',
        'test-command': 'echo "FAIL counter test: counter is $(cat counter.txt)"; exit 1',
        sandbox: 'none',
        'flaky-reruns': '0',
        compaction: 'off',
        'max-turns': String(TURNS),
        'max-iterations': '100',
        'timeout-minutes': '60',
      },
      { baseDir: dir, env: {} },
    );
    if (!parsed.ok) throw new Error(parsed.error.join('\n'));
    const config = parsed.value;
    const processTime = { ms: 0 };
    const gitTime: GitTime = { ms: 0, calls: 0, byMethod: {} };
    const runner = timedRunner(
      await createProcessRunner({ sandbox: config.sandbox, workspace: dir }),
      processTime,
    );
    const env = scrubEnv(process.env);
    const git = timedGit(createGit(dir), gitTime);
    await git.ensureBaseline();
    gitTime.ms = 0;
    gitTime.calls = 0;
    gitTime.byMethod = {};
    const model: ModelClient = scriptedModel(script(kind), { contextWindow: 1_000_000 });
    const start = performance.now();
    const outcome = await runLoop({
      config,
      testCommand: config.testCommand,
      model,
      git,
      runner,
      guard: createGuard(dir, config.protectedPaths),
      tests: createTestCommand({
        runner,
        command: config.testCommand,
        cwd: dir,
        env,
        timeoutMs: config.testTimeoutSeconds * 1000,
        logDir: workDir,
        digestTokens: config.digestTokens,
        reportGlob: '',
        counter: o200k,
      }),
      env,
      log: quietLog,
      checkpointDir: path.join(workDir, 'checkpoint'),
      openaiEndpoint: false,
    });
    const wallMs = performance.now() - start;
    const overheadMs = wallMs - processTime.ms;
    const { turns, iterations } = outcome.spent;
    return {
      kind,
      status: outcome.status,
      turns,
      iterations,
      wallMs,
      processMs: processTime.ms,
      gitMs: gitTime.ms,
      gitCalls: gitTime.calls,
      gitByMethod: gitTime.byMethod,
      overheadMs,
      perTurnMs: overheadMs / Math.max(1, turns),
      perIterationMs: overheadMs / Math.max(1, iterations),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}

interface SingleFigures {
  readonly unchangedMs: number;
  readonly reportedEditMs: number | undefined;
  readonly afterCommandMs: number;
}

/** Median time of single snapshots, each after what the loop would have done before it. */
async function singles(files: number, rounds = 15): Promise<SingleFigures> {
  const dir = makeRepo(files);
  try {
    const git = createGit(dir);
    // The sources before reports existed have no `touched`: they walk the tree every time.
    const reports = 'touched' in git;
    await git.snapshot();
    const time = async (before: (i: number) => void): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        before(i);
        const start = performance.now();
        await git.snapshot();
        times.push(performance.now() - start);
      }
      return median(times);
    };
    const edit = (i: number): string => {
      const file = path.join(dir, 'src', `m${i % 100}`, `f${(i % 100) * 100}.ts`);
      writeFileSync(file, `export const edited = ${i};\n`);
      return file;
    };
    const afterCommandMs = await time((i) => {
      edit(i);
      if (reports) git.touched('all');
    });
    const unchangedMs = await time(() => undefined);
    const reportedEditMs = reports ? await time((i) => git.touched([edit(i)])) : undefined;
    return { unchangedMs, reportedEditMs, afterCommandMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(files: number, sessions: readonly SessionFigures[], one: SingleFigures): string {
  const met = (s: SessionFigures): string =>
    s.perTurnMs < TARGET_TURN_MS && s.perIterationMs < TARGET_ITERATION_MS ? 'met' : '**missed**';
  return [
    `### Snapshots on a ${files.toLocaleString('en-US')}-file repository (${TURNS} turns, a test run every ${TEST_EVERY}; target: under ${TARGET_TURN_MS} ms per turn and ${TARGET_ITERATION_MS} ms per iteration)`,
    '',
    table(
      [
        'turns are',
        'harness overhead',
        'per turn',
        'per iteration',
        'in git',
        'git calls',
        'git time by call',
        'target',
      ],
      sessions.map((s) => [
        s.kind,
        ms(s.overheadMs),
        ms(s.perTurnMs),
        ms(s.perIterationMs),
        ms(s.gitMs),
        String(s.gitCalls),
        Object.entries(s.gitByMethod)
          .sort(([, a], [, b]) => b - a)
          .map(([name, time]) => `${name} ${ms(time)}`)
          .join(', '),
        met(s),
      ]),
    ),
    '',
    table(
      ['one snapshot (median of 15)', 'time'],
      [
        ['nothing changed since the last one', ms(one.unchangedMs)],
        [
          'one file edited, its path reported',
          one.reportedEditMs === undefined ? 'n/a (no reports)' : ms(one.reportedEditMs),
        ],
        ['one file edited by a command (walks the tree)', ms(one.afterCommandMs)],
      ],
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const filesArg = process.argv.find((arg) => arg.startsWith('--files='));
  const files = filesArg ? Number(filesArg.slice('--files='.length)) : 10_000;
  const [load1 = 0] = os.loadavg();
  const sessions = [await session(files, 'shell'), await session(files, 'apply_patch')];
  const one = await singles(files);
  const [load1After = 0] = os.loadavg();
  process.stdout.write(
    `${report(files, sessions, one)}\n\nLoad average (1 min) ${round(load1, 2)} at the start, ${round(load1After, 2)} at the end, on ${os.cpus().length} CPUs.\n`,
  );
}

await main();
