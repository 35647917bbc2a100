/**
 * The CLI as a user runs it: `node dist/cli/index.js ...` in a child process,
 * on temp git repositories, with the fake OpenAI server as the model.
 *
 * Runs the build of the current sources (test/helpers/dist.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { digestFile, digestJson } from '../../src/checks/index.js';
import { o200k } from '../../src/model/tokens.js';
import { describe, expect, it } from 'vitest';
import { limiter } from '../e2e/world.js';
import { CLI_INPUTS } from '../../src/cli/flags.js';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../fakes/openai-server.js';
import { repoRoot } from '../helpers/action-env.js';
import { distFile } from '../helpers/dist.js';
import { createRepo, SUM_FIX, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';

const CLI = await distFile('cli/index.js');
const API_KEY = 'sk-cli-canary-5e1d0b7a93c24f68';
const SUM_BROKEN = SUM_PROJECT['src/sum.js']!;
const SUM_FIXED_LINE = '  for (let i = 0; i < values.length; i++) total += values[i];';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cliEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(OPENAI_|GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, CI: 'true', NO_COLOR: '1' };
}

/** Two CLI processes at a time (2 cores); the tests themselves run concurrently. */
const slot = limiter(2);

function runCli(
  args: readonly string[],
  options: { cwd?: string; stdin?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return slot(() => spawnCli(args, options));
}

function spawnCli(
  args: readonly string[],
  options: { cwd?: string; stdin?: string; timeoutMs?: number },
): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: cliEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Replies in order; the last one repeats. */
function script(list: readonly Reply[]): (request: unknown, index: number) => Reply {
  return (_request, index) => list[Math.min(index, list.length - 1)]!;
}

/** Function-style tools: apply_patch takes `{ patch }` (the Codex envelope). */
const FIX_FUNCTION: Reply[] = [
  { toolCalls: [{ name: 'apply_patch', arguments: { patch: SUM_FIX } }] },
  { text: 'Fixed the off-by-one in sum().' },
];

/** Registers a cleanup for the end of the current test (the test context's onTestFinished). */
type OnFinished = (fn: () => Promise<void> | void) => void;

function tempRepo(onFinished: OnFinished, files: Record<string, string> = SUM_PROJECT): TempRepo {
  const repo = createRepo(files);
  onFinished(() => repo.remove());
  return repo;
}

async function fakeModel(onFinished: OnFinished, replies: readonly Reply[]): Promise<FakeOpenAI> {
  const fake = await startFakeOpenAI(script(replies));
  onFinished(() => fake.close());
  return fake;
}

/** Flags every model run shares: fast, no sandbox, the fake model. */
function runFlags(fake: FakeOpenAI, repo: TempRepo, ...extra: string[]): string[] {
  return [
    '--cwd',
    repo.dir,
    '--test-command',
    'node --test',
    '--base-url',
    fake.url,
    '--api-key',
    API_KEY,
    '--sandbox',
    'none',
    '--flaky-reruns',
    '0',
    '--max-turns',
    '10',
    '--timeout-minutes',
    '2',
    ...extra,
  ];
}

/** The single `.greenloop/<timestamp>` folder of a repository (the newest when several). */
function outputFolders(repo: TempRepo): string[] {
  const base = path.join(repo.dir, '.greenloop');
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .sort()
    .map((name) => path.join(base, name));
}

function nonEmptyLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

describe.concurrent('greenloop CLI: help and version', { timeout: 150_000 }, () => {
  it('--version prints the version in package.json', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it('run --help lists a flag for every CLI input, plus --apply, --allow-dirty, --out, --cwd', async () => {
    const run = await runCli(['run', '--help']);
    expect(run.code).toBe(0);
    const flags = new Set([...run.stdout.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]));
    const expected = [
      ...CLI_INPUTS.map((input) => input.name),
      'apply',
      'allow-dirty',
      'out',
      'cwd',
    ];
    expect(expected.filter((name) => !flags.has(name))).toEqual([]);
    // GitHub-only inputs are not offered.
    for (const name of ['github-token', 'output', 'allow-bots'])
      expect(flags.has(name)).toBe(false);
  });

  // A mistyped command line gets one line naming what is wrong and where the usage is, not
  // the ~100 lines of `run --help` (which hid the one line that mattered at the top).
  it.each([
    [['run', '--bogus'], "unknown option '--bogus'. See `greenloop run --help`."],
    [
      ['run', '--modle', 'x'],
      "unknown option '--modle' (Did you mean --model?). See `greenloop run --help`.",
    ],
    [
      ['run', '--max-iterations'],
      "option '--max-iterations <value>' argument missing. See `greenloop run --help`.",
    ],
    [['resume'], "missing required argument 'checkpoint'. See `greenloop resume --help`."],
    [
      ['run', 'fix it'],
      "too many arguments for 'run'. Expected 0 arguments but got 1. See `greenloop run --help`.",
    ],
    [['digest', '--bogus'], "unknown option '--bogus'. See `greenloop digest --help`."],
    [['frobnicate'], "unknown command 'frobnicate'. See `greenloop --help`."],
  ])('%j exits 1 with one line', async (args, line) => {
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(nonEmptyLines(run.stderr)).toEqual([`greenloop: ${line}`]);
  });
});

describe.concurrent('greenloop run', { timeout: 150_000 }, () => {
  it('fixes a failing test, writes .greenloop/<timestamp>/ and restores the working tree', async ({
    onTestFinished,
  }) => {
    const repo = tempRepo(onTestFinished);
    const fake = await fakeModel(onTestFinished, FIX_FUNCTION);
    const run = await runCli(['run', ...runFlags(fake, repo, '--tool-style', 'function')]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(nonEmptyLines(run.stdout)[0]).toBe('status=success');
    expect(run.stdout).toMatch(/failing: 1 -> 0/);

    const folders = outputFolders(repo);
    expect(folders).toHaveLength(1);
    const out = folders[0]!;
    expect(path.basename(out)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/);
    for (const name of ['greenloop.diff', 'summary.md', 'report.json']) {
      expect(existsSync(path.join(out, name)), name).toBe(true);
    }
    expect(readFileSync(path.join(out, 'greenloop.diff'), 'utf8')).toContain(`+${SUM_FIXED_LINE}`);
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')),
    );
    expect(report.status).toBe('success');
    expect(readFileSync(path.join(out, 'summary.md'), 'utf8').split('\n')[0]).toContain(
      'greenloop: success',
    );
    // Without --apply the working tree is as it was, and .greenloop/ stays out of git status.
    expect(repo.read('src/sum.js')).toBe(SUM_BROKEN);
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    // The function tools were offered (not native ones), with the key given.
    // (The first request is the endpoint check before the baseline: GET /v1/models.)
    expect(fake.requests[0]!.path).toBe('/v1/models');
    const first = fake.requests.find((r) => r.method === 'POST')!;
    const tools = first.body?.tools as { type: string; name?: string }[];
    expect(tools.some((t) => t.type === 'function' && t.name === 'apply_patch')).toBe(true);
    expect(first.headers.authorization).toBe(`Bearer ${API_KEY}`);
    for (const name of readdirSync(out)) {
      if (name.endsWith('.log') || name.endsWith('.json') || name.endsWith('.md')) {
        expect(readFileSync(path.join(out, name), 'utf8'), name).not.toContain(API_KEY);
      }
    }
    expect(run.stdout + run.stderr).not.toContain(API_KEY);
  }, 150_000);

  it('with --apply leaves the fix in the working tree', async ({ onTestFinished }) => {
    const repo = tempRepo(onTestFinished);
    const fake = await fakeModel(onTestFinished, FIX_FUNCTION);
    const run = await runCli([
      'run',
      ...runFlags(fake, repo, '--tool-style', 'function', '--apply'),
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('status=success');
    expect(repo.read('src/sum.js')).toContain(SUM_FIXED_LINE);
    expect(repo.git('status', '--porcelain').trim()).toBe('M src/sum.js');
  }, 150_000);

  it('refuses a dirty working tree without --allow-dirty: exit 1, one line', async ({
    onTestFinished,
  }) => {
    const repo = tempRepo(onTestFinished);
    repo.write('src/sum.js', `${SUM_BROKEN}// local edit\n`);
    const fake = await fakeModel(onTestFinished, FIX_FUNCTION);
    const run = await runCli(['run', ...runFlags(fake, repo)]);
    expect(run.code).toBe(1);
    expect(nonEmptyLines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/uncommitted changes.*--allow-dirty/);
    expect(run.stdout).toBe('');
    expect(fake.requests).toEqual([]);
    expect(repo.read('src/sum.js')).toBe(`${SUM_BROKEN}// local edit\n`);
    expect(outputFolders(repo)).toEqual([]);
  });

  it('a test command that cannot run: exit 1 before any model call, and no "-> 0" claimed', async ({
    onTestFinished,
  }) => {
    const repo = tempRepo(onTestFinished);
    const fake = await fakeModel(onTestFinished, FIX_FUNCTION);
    const run = await runCli(['run', ...runFlags(fake, repo, '--test-command', 'nosuchcmd --x')]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^reason: the test command cannot run: .*nosuchcmd.*not found/m);
    // No test ran after the baseline: the count after is unknown, as the summary says (→ ?).
    expect(run.stdout).toMatch(/^failing: 1 -> \?$/m);
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('a bad flag value exits 1 with the config error line', async ({ onTestFinished }) => {
    const repo = tempRepo(onTestFinished);
    const fake = await fakeModel(onTestFinished, FIX_FUNCTION);
    const run = await runCli(['run', ...runFlags(fake, repo, '--max-iterations', 'ten')]);
    expect(run.code).toBe(1);
    expect(nonEmptyLines(run.stderr)).toEqual([
      "greenloop: Input 'max-iterations' must be an integer from 1 to 100, got 'ten'.",
    ]);
    expect(fake.requests).toEqual([]);
    expect(outputFolders(repo)).toEqual([]);
  });
});

// README "Several attempts": repeated --model / --reasoning-effort flags are cycled over the
// attempts. More of them than attempts would be dropped without a word (the last --model won a
// single run; --attempts 2 ran 2 of 4 models): refused up front instead, before anything starts.
describe.concurrent('greenloop run: more --model flags than runs', { timeout: 150_000 }, () => {
  it.for<[string[], string]>([
    [
      ['--model', 'model-a', '--model', 'model-b'],
      '--model is given 2 times, but without --attempts there is one run: give one, or --attempts 2 to try each.',
    ],
    [
      ['--attempts', '2', ...['a', 'b', 'c', 'd'].flatMap((m) => ['--model', `model-${m}`])],
      '--model is given 4 times, but --attempts 2 runs 2: give at most 2, or --attempts 4 to try each.',
    ],
    [
      ['--reasoning-effort', 'low', '--reasoning-effort', 'high'],
      '--reasoning-effort is given 2 times, but without --attempts there is one run: give one, or --attempts 2 to try each.',
    ],
  ])('%j exits 1 with one line, nothing started', async ([extra, line], { onTestFinished }) => {
    const repo = tempRepo(onTestFinished);
    const fake = await fakeModel(onTestFinished, FIX_FUNCTION);
    const run = await runCli(['run', ...runFlags(fake, repo, ...extra)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(nonEmptyLines(run.stderr)).toEqual([`greenloop: ${line} See \`greenloop run --help\`.`]);
    expect(fake.requests).toEqual([]);
    expect(outputFolders(repo)).toEqual([]);
    expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });
});

/** The vendored inflection project (test/fixtures/real-projects/inflection): pytest, unconfigured. */
function inflectionFiles(): Record<string, string> {
  const base = path.join(repoRoot, 'test/fixtures/real-projects/inflection');
  const files: Record<string, string> = {};
  for (const name of readdirSync(base, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(base, name);
    if (statSync(file).isFile()) files[name] = readFileSync(file, 'utf8');
  }
  return files;
}

describe('greenloop run on an unconfigured pytest project', { timeout: 150_000 }, () => {
  it('detects python -m pytest without --test-command and finds it green', async ({
    onTestFinished,
  }) => {
    const repo = tempRepo(onTestFinished, inflectionFiles());
    const fake = await fakeModel(onTestFinished, FIX_FUNCTION);
    const flags = runFlags(fake, repo);
    flags.splice(flags.indexOf('--test-command'), 2);
    const run = await runCli(['run', ...flags]);
    expect(`${run.stdout}${run.stderr}`).toContain('Test command: python -m pytest (detected:');
    expect(run.stderr).not.toContain('No test command found');
    expect(run.code).toBe(0);
    // Green from the start: no model turn (only the GET /v1/models metadata probe).
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe.concurrent('greenloop resume', { timeout: 150_000 }, () => {
  it('continues a budget-stopped run from its checkpoint to success', async ({
    onTestFinished,
  }) => {
    const repo = tempRepo(onTestFinished);
    // First run: the model only reruns the tests; one rerun allowed.
    const idle = await fakeModel(onTestFinished, [
      { toolCalls: [{ name: 'run_tests', arguments: {} }] },
    ]);
    const first = await runCli(['run', ...runFlags(idle, repo, '--max-iterations', '1')]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toContain('status=budget-iterations');
    const [out] = outputFolders(repo);
    const checkpoint = path.join(out!, 'checkpoint');
    expect(existsSync(checkpoint)).toBe(true);
    expect(repo.read('src/sum.js')).toBe(SUM_BROKEN);

    const fixer = await fakeModel(onTestFinished, FIX_FUNCTION);
    const resumed = await runCli(
      [
        'resume',
        path.relative(repo.dir, checkpoint),
        ...runFlags(fixer, repo, '--tool-style', 'function', '--max-iterations', '3', '--apply'),
      ],
      { cwd: repo.dir },
    );
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('status=success');
    expect(resumed.stderr).toMatch(/Resumed from a checkpoint/);
    expect(repo.read('src/sum.js')).toContain(SUM_FIXED_LINE);
    expect(fixer.requests.length).toBeGreaterThanOrEqual(2);
    // Iterations carry over: 1 spent before, 1 more now.
    const folders = outputFolders(repo);
    expect(folders).toHaveLength(2);
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(path.join(folders[1]!, 'report.json'), 'utf8')),
    );
    expect(report.status).toBe('success');
    expect(report.totals.iterations).toBe(2);
  }, 150_000);

  it("resume with the checkpoint alone talks to the run's endpoint and model (README: greenloop resume <checkpoint>)", async ({
    onTestFinished,
  }) => {
    const repo = tempRepo(onTestFinished);
    // One server for both runs: the first only reruns the tests, the resumed one fixes.
    const fake = await fakeModel(onTestFinished, [
      { toolCalls: [{ name: 'run_tests', arguments: {} }] },
      ...FIX_FUNCTION,
    ]);
    const first = await runCli([
      'run',
      ...runFlags(fake, repo, '--max-iterations', '1', '--model', 'qwen2.5-coder:32b'),
      '--tool-style',
      'function',
    ]);
    expect(first.stdout).toContain('status=budget-iterations');
    const [out] = outputFolders(repo);
    const before = fake.requests.length;
    const resumed = await runCli(
      [
        'resume',
        path.join(out!, 'checkpoint'),
        '--cwd',
        repo.dir,
        '--api-key',
        API_KEY,
        '--sandbox',
        'none',
        '--max-iterations',
        '3',
      ],
      // cliEnv() passes no OPENAI_* variable: the endpoint can only come from the checkpoint.
    );
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('status=success');
    const posts = fake.requests.slice(before).filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts.map((r) => r.body?.model)).toEqual(posts.map(() => 'qwen2.5-coder:32b'));
    expect(resumed.stderr).not.toMatch(/different settings/);
  }, 150_000);

  it('a missing checkpoint exits 1 with one line', async ({ onTestFinished }) => {
    const repo = tempRepo(onTestFinished);
    const run = await runCli(['resume', path.join(repo.dir, 'nope'), '--cwd', repo.dir]);
    expect(run.code).toBe(1);
    expect(nonEmptyLines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^greenloop: /);
  });
});

describe.concurrent('greenloop digest', { timeout: 150_000 }, () => {
  const jestLog = path.resolve(repoRoot, '..', 'shared', 'test-logs', 'jest-small', 'log.txt');

  it.skipIf(!existsSync(jestLog))(
    '--json prints the digest the loop holds (one shape, from digestJson), failures as the truth lists them',
    async () => {
      const run = await runCli(['digest', '--json', jestLog]);
      expect(run.code, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(json).sort()).toEqual([
        'counts',
        'failures',
        'flaky',
        'runner',
        'text',
        'tokens',
      ]);
      // The very object the checks module gives the loop, serialised.
      const same = digestJson(
        await digestFile(jestLog, {
          tokens: 2000,
          projectRoot: path.dirname(jestLog),
          counter: o200k,
        }),
      );
      expect(json).toEqual(JSON.parse(JSON.stringify(same)));
      const failures = json.failures as Record<string, unknown>[];
      for (const failure of failures)
        for (const key of Object.keys(failure))
          expect(['id', 'file', 'line', 'message', 'kind', 'detail']).toContain(key);
      // The failures are the ones the log's truth file lists.
      const truthFile = path.join(path.dirname(jestLog), 'truth.json');
      const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { failing: { id: string }[] };
      expect(failures.map((f) => f.id).sort()).toEqual(truth.failing.map((f) => f.id).sort());
      expect((json.counts as { failed: number }).failed).toBe(truth.failing.length);
      expect(json.tokens).toBeLessThanOrEqual(2000);
    },
  );

  it('reads the log from stdin', async () => {
    const log = [
      '✔ sum of nothing is 0 (0.5ms)',
      '✖ sum adds every value (1.2ms)',
      '  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
      '',
      '  5 !== 6',
      '',
      'ℹ tests 2',
      'ℹ pass 1',
      'ℹ fail 1',
      'ℹ skipped 0',
      '',
    ].join('\n');
    const run = await runCli(['digest', '--json'], { stdin: log });
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      counts: { passed: number; failed: number };
      failures: { id: string }[];
      text: string;
    };
    expect(json.counts.failed).toBe(1);
    expect(json.failures.map((f) => f.id).join(' ')).toContain('sum adds every value');
    const text = await runCli(['digest'], { stdin: log });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('sum adds every value');
  });
});

describe.concurrent('greenloop apply-patch', { timeout: 150_000 }, () => {
  it('applies a patch file and prints the files it changed', async ({ onTestFinished }) => {
    const repo = tempRepo(onTestFinished);
    const patchFile = path.join(repo.dir, '..', `${path.basename(repo.dir)}.patch`);
    writeFileSync(patchFile, `${SUM_FIX}\n`);
    onTestFinished(() => rmSync(patchFile, { force: true }));
    const run = await runCli(['apply-patch', patchFile, '--cwd', repo.dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('src/sum.js');
    expect(repo.read('src/sum.js')).toContain(SUM_FIXED_LINE);
  });

  it('refuses a patch that does not apply: exit 1, nothing changed', async ({ onTestFinished }) => {
    const repo = tempRepo(onTestFinished);
    const bad = [
      '*** Begin Patch',
      '*** Add File: src/new.js',
      '+export const added = true;',
      '*** Update File: src/sum.js',
      '@@ export function sum(values) {',
      '-  this line is not in the file',
      '+  return 0;',
      '*** End Patch',
    ].join('\n');
    const run = await runCli(['apply-patch', '-', '--cwd', repo.dir], { stdin: bad });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).not.toBe('');
    expect(run.stdout).toBe('');
    expect(repo.read('src/sum.js')).toBe(SUM_BROKEN);
    expect(existsSync(path.join(repo.dir, 'src', 'new.js'))).toBe(false);
    expect(repo.git('status', '--porcelain').trim()).toBe('');
  });
});

describe('greenloop CLI: interrupted', { timeout: 150_000 }, () => {
  it('restores the working tree and exits 130 on SIGINT', async ({ onTestFinished }) => {
    const repo = tempRepo(onTestFinished);
    const fake = await fakeModel(onTestFinished, [
      FIX_FUNCTION[0]!,
      { fault: 'slow-first-byte', delayMs: 30_000 },
    ]);
    const child = spawn(
      process.execPath,
      [CLI, 'run', ...runFlags(fake, repo, '--tool-style', 'function')],
      { cwd: repo.dir, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Wait until the model's patch is in the working tree (the second model call then hangs).
    const deadline = Date.now() + 60_000;
    while (!repo.read('src/sum.js').includes(SUM_FIXED_LINE) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(repo.read('src/sum.js')).toContain(SUM_FIXED_LINE);
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toContain('SIGINT');
    expect(repo.read('src/sum.js')).toBe(SUM_BROKEN);
  });
});
