/**
 * Checks every evaluation task under eval/tasks/ the way the eval harness will use it:
 * - task.json is valid and names files that exist;
 * - the visible tests fail on repo/ (there is something to fix);
 * - the hidden check fails on repo/ too (solvable tasks), so it really checks the fix;
 * - after solution.patch (applied with greenloop's own patch code), visible tests and hidden check pass;
 * - deleting the visible test files makes the hidden check fail (gaming by deletion is caught).
 * Tasks run one after another in temp copies; languages without a toolchain are skipped with a reason.
 *
 * By default only the `node --test` tasks run their commands (well under a second each); pytest,
 * cargo and vitest tasks cost seconds per command, so they run with GREENLOOP_EVAL_TASKS=full
 * (`GREENLOOP_EVAL_TASKS=full npx vitest run test/eval`). Every solution.patch is still applied in
 * process by default.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPatchText, EXACT_ONLY, patchMessage } from '../../src/tools/patch/index.js';
import { createGuard } from '../../src/workspace/guard.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tasksDir = path.join(root, 'eval', 'tasks');
const rootNodeModules = path.join(root, 'node_modules');

const CATEGORIES = [
  'logic-bug',
  'off-by-one',
  'api-change',
  'type-error',
  'snapshot',
  'flaky',
  'refactor',
  'multi-file',
  'monorepo',
  'fixture',
  'budget-stop',
] as const;
const RUNNERS = ['node-test', 'vitest', 'jest', 'pytest', 'unittest', 'cargo', 'go'] as const;
const FULL = process.env.GREENLOOP_EVAL_TASKS === 'full';
const COMMAND_TIMEOUT_MS = 90_000;
const TASK_TIMEOUT_MS = 240_000;

interface TaskSpec {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  readonly runner: (typeof RUNNERS)[number];
  readonly testCommand: string;
  readonly task: string;
  readonly category: (typeof CATEGORIES)[number];
  readonly hiddenCheck: string;
  readonly expect: 'solvable' | 'unsolvable';
  readonly budget: { readonly maxIterations: number; readonly maxTurns: number };
  readonly visibleTests: readonly string[];
  readonly linkNodeModules: boolean;
}

/** Returns the problems of a parsed task.json (empty when valid). */
function validateTask(folder: string, value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not an object'];
  const t = value as Record<string, unknown>;
  const str = (key: string, allowEmpty = false) => {
    if (typeof t[key] !== 'string' || (!allowEmpty && t[key] === ''))
      problems.push(`${key}: string`);
  };
  str('id');
  str('title');
  str('language');
  str('testCommand');
  str('task', true);
  str('hiddenCheck');
  if (t.id !== folder) problems.push(`id must equal the folder name ${folder}`);
  if (!/^\d{2}-[a-z0-9-]+$/.test(folder)) problems.push('folder must be NN-slug');
  if (!RUNNERS.includes(t.runner as TaskSpec['runner']))
    problems.push(`runner: one of ${RUNNERS.join(', ')}`);
  if (!CATEGORIES.includes(t.category as TaskSpec['category'])) {
    problems.push(`category: one of ${CATEGORIES.join(', ')}`);
  }
  if (t.expect !== 'solvable' && t.expect !== 'unsolvable')
    problems.push('expect: solvable | unsolvable');
  const budget = t.budget as Record<string, unknown> | undefined;
  for (const key of ['maxIterations', 'maxTurns']) {
    const n = budget?.[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
      problems.push(`budget.${key}: positive integer`);
  }
  if (
    !Array.isArray(t.visibleTests) ||
    t.visibleTests.length === 0 ||
    !t.visibleTests.every((f) => typeof f === 'string')
  ) {
    problems.push('visibleTests: non-empty list of paths');
  }
  if (typeof t.linkNodeModules !== 'boolean') problems.push('linkNodeModules: boolean');
  return problems;
}

interface RunResult {
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly output: string;
}

/** Environment for task commands: no vitest/node-test markers of this run, no colours, CI on. */
function taskEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|NODE_TEST|TINYPOOL)/i.test(key) || key === 'NODE_OPTIONS' || key === 'NODE_ENV')
      continue;
    env[key] = value;
  }
  return { ...env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', PYTHONDONTWRITEBYTECODE: '1' };
}

/** Runs a shell command in `cwd`; kills its whole process group on timeout. */
function run(command: string, cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, {
      cwd,
      env: taskEnv(),
      shell: true,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== 'win32')
          process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, COMMAND_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output });
    });
  });
}

function succeeds(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000, env: taskEnv() });
  return result.status === 0;
}

/** Why a runner cannot run here, or undefined when it can. Checked once per runner. */
const missing = new Map<string, string | undefined>();
function missingToolchain(task: TaskSpec): string | undefined {
  const key = `${task.runner}:${task.linkNodeModules}`;
  if (!missing.has(key)) {
    let reason: string | undefined;
    if (task.runner === 'pytest' && !succeeds('python3', ['-m', 'pytest', '--version'])) {
      reason = 'python3 -m pytest is not available';
    } else if (task.runner === 'unittest' && !succeeds('python3', ['--version'])) {
      reason = 'python3 is not available';
    } else if (task.runner === 'cargo' && !succeeds('cargo', ['--version'])) {
      reason = 'cargo is not available';
    } else if (task.runner === 'go' && !succeeds('go', ['version'])) {
      reason = 'go is not available';
    } else if (task.linkNodeModules && !fs.existsSync(path.join(rootNodeModules, '.bin'))) {
      reason = `${rootNodeModules} is missing (run npm ci)`;
    } else if (task.runner === 'jest' && !fs.existsSync(path.join(rootNodeModules, 'jest'))) {
      reason = 'jest is not installed';
    }
    missing.set(key, reason);
  }
  return missing.get(key);
}

const BUILD_OUTPUT = new Set(['node_modules', 'target', '__pycache__', '.pytest_cache']);

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temp copy of the task's repo/ (plus hidden/ when asked), ready to run. */
async function copyOf(
  task: TaskSpec,
  options: { patch?: string; hidden?: boolean } = {},
): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-'));
  temps.push(dir);
  const source = path.join(tasksDir, task.id);
  fs.cpSync(path.join(source, 'repo'), dir, {
    recursive: true,
    filter: (from) => !BUILD_OUTPUT.has(path.basename(from)),
  });
  if (options.patch !== undefined) {
    const result = await applyPatchText(options.patch, createGuard(dir, []), {
      strategies: EXACT_ONLY,
    });
    if (!result.ok) throw new Error(`solution.patch of ${task.id} does not apply: ${result.error}`);
  }
  if (options.hidden) fs.cpSync(path.join(source, 'hidden'), dir, { recursive: true });
  if (task.linkNodeModules) {
    fs.symlinkSync(rootNodeModules, path.join(dir, 'node_modules'), 'junction');
  }
  return dir;
}

function describeRun(label: string, result: RunResult): string {
  const how = result.timedOut ? 'timed out' : `exit code ${String(result.code)}`;
  return `${label} (${how}):\n${result.output.slice(-3000)}`;
}

const folders = fs.existsSync(tasksDir)
  ? fs
      .readdirSync(tasksDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(tasksDir, d.name, 'task.json')))
      .map((d) => d.name)
      .sort()
  : [];

function load(folder: string): TaskSpec {
  return JSON.parse(fs.readFileSync(path.join(tasksDir, folder, 'task.json'), 'utf8')) as TaskSpec;
}

describe('eval/tasks', () => {
  it('has at least 12 tasks covering every category, both expectations and several runners', () => {
    expect(folders.length).toBeGreaterThanOrEqual(12);
    const tasks = folders.map(load);
    for (const category of CATEGORIES) {
      expect(
        tasks.some((t) => t.category === category),
        category,
      ).toBe(true);
    }
    expect(tasks.some((t) => t.expect === 'unsolvable')).toBe(true);
    const runners = new Set(tasks.map((t) => t.runner));
    for (const runner of ['node-test', 'vitest', 'pytest', 'cargo'])
      expect(runners).toContain(runner);
  });

  describe.each(folders)('%s', (folder) => {
    const dir = path.join(tasksDir, folder);
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'task.json'), 'utf8'));

    it('has a valid task.json and the files it names', () => {
      expect(validateTask(folder, raw)).toEqual([]);
      const task = raw as TaskSpec;
      expect(fs.statSync(path.join(dir, 'repo')).isDirectory()).toBe(true);
      expect(fs.statSync(path.join(dir, 'hidden')).isDirectory()).toBe(true);
      for (const file of task.visibleTests) {
        expect(fs.existsSync(path.join(dir, 'repo', file)), file).toBe(true);
      }
      const hasPatch = fs.existsSync(path.join(dir, 'solution.patch'));
      expect(hasPatch).toBe(task.expect === 'solvable');
    });

    if (validateTask(folder, raw).length > 0) return;
    const task = raw as TaskSpec;
    const skipReason =
      !FULL && task.runner !== 'node-test'
        ? `${task.runner} is slow; set GREENLOOP_EVAL_TASKS=full to run it`
        : missingToolchain(task);
    const runIt = skipReason === undefined ? it : it.skip;
    const suffix = skipReason === undefined ? '' : ` (skipped: ${skipReason})`;

    runIt(
      `visible tests fail on repo/, hidden check ${task.expect === 'solvable' ? 'fails' : 'passes'}${suffix}`,
      async () => {
        const copy = await copyOf(task);
        const visible = await run(task.testCommand, copy);
        expect(visible.timedOut, describeRun('visible tests', visible)).toBe(false);
        expect(visible.code, describeRun('visible tests should fail', visible)).not.toBe(0);

        fs.cpSync(path.join(dir, 'hidden'), copy, { recursive: true });
        const hidden = await run(task.hiddenCheck, copy);
        expect(hidden.timedOut, describeRun('hidden check', hidden)).toBe(false);
        if (task.expect === 'solvable') {
          expect(hidden.code, describeRun('hidden check should fail on repo/', hidden)).not.toBe(0);
        } else {
          expect(hidden.code, describeRun('hidden check should pass on repo/', hidden)).toBe(0);
        }
      },
      TASK_TIMEOUT_MS,
    );

    if (task.expect === 'solvable') {
      it('solution.patch applies with greenloop patch code and changes the code', async () => {
        const patch = fs.readFileSync(path.join(dir, 'solution.patch'), 'utf8');
        const copy = await copyOf({ ...task, linkNodeModules: false });
        const result = await applyPatchText(patch, createGuard(copy, []), {
          strategies: EXACT_ONLY,
        });
        expect(result.ok, patchMessage(result)).toBe(true);
        if (!result.ok) return;
        const touched = [...result.value.modified, ...result.value.added];
        expect(touched.length).toBeGreaterThan(0);
        for (const file of touched) {
          expect(task.visibleTests, 'the solution must not edit visible tests').not.toContain(file);
          const before = path.join(dir, 'repo', file);
          const after = fs.readFileSync(path.join(copy, file), 'utf8');
          if (fs.existsSync(before)) expect(after).not.toBe(fs.readFileSync(before, 'utf8'));
        }
      });

      runIt(
        `solution.patch makes visible tests and hidden check pass${suffix}`,
        async () => {
          const patch = fs.readFileSync(path.join(dir, 'solution.patch'), 'utf8');
          const copy = await copyOf(task, { patch, hidden: true });
          const visible = await run(task.testCommand, copy);
          expect(visible.code, describeRun('visible tests after the solution', visible)).toBe(0);
          const hidden = await run(task.hiddenCheck, copy);
          expect(hidden.code, describeRun('hidden check after the solution', hidden)).toBe(0);

          for (const file of task.visibleTests) fs.rmSync(path.join(copy, file), { force: true });
          const gamed = await run(task.hiddenCheck, copy);
          expect(
            gamed.code,
            describeRun('hidden check with visible tests deleted', gamed),
          ).not.toBe(0);
        },
        TASK_TIMEOUT_MS,
      );
    } else {
      runIt(
        `hidden check fails when visible tests are deleted${suffix}`,
        async () => {
          const copy = await copyOf(task, { hidden: true });
          for (const file of task.visibleTests) fs.rmSync(path.join(copy, file), { force: true });
          const gamed = await run(task.hiddenCheck, copy);
          expect(
            gamed.code,
            describeRun('hidden check with visible tests deleted', gamed),
          ).not.toBe(0);
        },
        TASK_TIMEOUT_MS,
      );
    }
  });
});
