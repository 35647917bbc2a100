/**
 * In-memory fakes of the loop's ports, so a step runs in milliseconds: a workspace of files, a
 * `Git` over it (a snapshot is a copy of the files), a `ProcessRunner` whose shell understands
 * `write <path> <text>`, and a `TestCommand` that judges the files with a function.
 */
import * as os from 'node:os';
import type { TestCommand } from '../../src/checks/run-tests.js';
import type { TestRun } from '../../src/checks/types.js';
import { parseConfig, type RawInputs } from '../../src/config/index.js';
import type { LoopDeps } from '../../src/loop/run.js';
import type { ModelClient } from '../../src/model/types.js';
import { createGuard } from '../../src/workspace/guard.js';
import type { FileChange } from '../../src/core/record.js';
import type { Git, ProcessResult, ProcessRunner } from '../../src/workspace/types.js';
import { memoryLog } from './harness.js';

export type Files = Map<string, string>;

/** What a test run of the files finds: the ids of the failing tests and how many passed. */
export type Judge = (files: Files) => { failing: string[]; passed: number; timedOut?: boolean };

export interface MemoryGit extends Git {
  readonly restored: string[];
}

export function memoryGit(files: Files): MemoryGit {
  const trees = new Map<string, Files>();
  const restored: string[] = [];
  const unused = (name: string) => () => Promise.reject(new Error(`${name}: not used by the loop`));
  return {
    restored,
    snapshot: () => {
      const id = `tree:${JSON.stringify([...files].sort())}`;
      trees.set(id, new Map(files));
      return Promise.resolve(id);
    },
    restore: (tree) => {
      const saved = trees.get(tree);
      if (!saved) return Promise.reject(new Error(`no such tree ${tree}`));
      restored.push(tree);
      files.clear();
      for (const [name, text] of saved) files.set(name, text);
      return Promise.resolve();
    },
    diff: (from, to) => Promise.resolve(from === to ? '' : `${from} -> ${to}`),
    tryHead: unused('tryHead'),
    tryCheckoutCommit: unused('tryCheckoutCommit'),
    diffStat: (from, to) => {
      const before = trees.get(from);
      const after = trees.get(to);
      if (!before || !after) return Promise.reject(new Error(`no such tree ${from} or ${to}`));
      const lines = (text: string | undefined) =>
        text === undefined ? 0 : text.split('\n').length;
      const changes = [...new Set([...before.keys(), ...after.keys()])]
        .filter((name) => before.get(name) !== after.get(name))
        .sort()
        .map(
          (name) =>
            ({
              path: name,
              added: lines(after.get(name)),
              removed: lines(before.get(name)),
              status: !before.has(name) ? 'added' : !after.has(name) ? 'deleted' : 'modified',
              binary: false,
            }) satisfies FileChange,
        );
      return Promise.resolve(changes);
    },
    ensureBaseline: unused('ensureBaseline'),
    removePersistedCredentials: unused('removePersistedCredentials'),
    configFingerprint: unused('configFingerprint'),
    apply: unused('apply'),
    restorePaths: unused('restorePaths'),
    listTree: unused('listTree'),
  };
}

/** Commands: `write <path> <text>` (exit 0), `true`, anything else exits 127. */
export function memoryRunner(files: Files): ProcessRunner & { readonly commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    sandbox: { mode: 'none', reason: 'in-memory fake' },
    run: (request) => {
      const command =
        typeof request.command === 'string' ? request.command : request.command.join(' ');
      commands.push(command);
      const write = /^write (\S+) (.*)$/s.exec(command);
      if (write) files.set(write[1]!, write[2]!);
      const ok = write !== null || command === 'true';
      return Promise.resolve(result(ok ? 0 : 127, ok ? '' : `${command}: command not found`));
    },
  };
}

function result(exitCode: number, output: string): ProcessResult {
  return {
    exitCode,
    signal: null,
    timedOut: false,
    stdout: output,
    stderr: '',
    output,
    totalBytes: output.length,
    durationMs: 1,
    sandboxed: false,
  };
}

export function memoryTests(
  files: Files,
  judge: Judge,
): TestCommand & { readonly labels: string[] } {
  const labels: string[] = [];
  return {
    labels,
    run: (label) => {
      labels.push(label);
      return Promise.resolve(testRun(judge(files)));
    },
  };
}

function testRun(verdict: ReturnType<Judge>): TestRun {
  const failures = verdict.failing.map((id) => ({ id, message: `${id} fails`, kind: 'test' }));
  const counts = { passed: verdict.passed, failed: failures.length, skipped: 0 };
  const text = `fake: ${counts.failed} failed, ${counts.passed} passed\n${verdict.failing.join('\n')}`;
  return {
    command: 'fake-test',
    exitCode: verdict.timedOut ? null : failures.length > 0 ? 1 : 0,
    timedOut: verdict.timedOut ?? false,
    durationMs: 1,
    // Never read: whyCannotRun reads the log only when no test was counted.
    logPath: '/nonexistent/greenloop-fake-test.log',
    digest: { runner: 'fake', counts, failures, text, tokens: text.length },
    sandboxed: false,
  };
}

export interface MemoryRun {
  readonly deps: LoopDeps;
  readonly files: Files;
  readonly git: MemoryGit;
  readonly runner: ReturnType<typeof memoryRunner>;
  readonly tests: ReturnType<typeof memoryTests>;
  readonly lines: string[];
}

/** The loop's dependencies on in-memory fakes; `files` is the workspace at the start. */
export function memoryDeps(
  model: ModelClient,
  judge: Judge,
  options: { files?: Record<string, string>; inputs?: RawInputs; now?: () => number } = {},
): MemoryRun {
  const parsed = parseConfig(
    { 'test-command': 'fake-test', sandbox: 'none', 'flaky-reruns': '0', ...options.inputs },
    { baseDir: os.tmpdir(), env: {} },
  );
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
  const files: Files = new Map(Object.entries(options.files ?? { 'src/sum.js': 'broken' }));
  const git = memoryGit(files);
  const runner = memoryRunner(files);
  const tests = memoryTests(files, judge);
  const lines: string[] = [];
  const deps: LoopDeps = {
    config: parsed.value,
    testCommand: 'fake-test',
    model,
    git,
    runner,
    // Only for the shell tool's working folder: an existing one, never written.
    guard: createGuard(os.tmpdir(), []),
    tests,
    env: {},
    log: memoryLog(lines),
    openaiEndpoint: false,
    ...(options.now ? { now: options.now } : {}),
  };
  return { deps, files, git, runner, tests, lines };
}

/** The sum project's tests: `sum adds` fails until src/sum.js says `fixed`; `sum empty` fails once it says `worse`. */
export const sumJudge: Judge = (files) => {
  const text = files.get('src/sum.js') ?? '';
  const failing = [
    ...(text.includes('fixed') ? [] : ['sum adds']),
    ...(text.includes('worse') ? ['sum empty'] : []),
  ];
  return { failing, passed: 2 - failing.length };
};
