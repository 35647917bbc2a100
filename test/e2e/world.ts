/**
 * The world an end-to-end run of `node dist/index.js` sees: a temp git
 * workspace with a bare `origin`, the fake model, the fake artifact service and
 * the fake GitHub API, all on 127.0.0.1. `world.run(...)` wraps runAction with
 * the inputs and environment every case shares.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeArtifactService } from '../fakes/artifact-service.js';
import { FakeGitHubApi } from '../fakes/github-api.js';
import {
  startFakeOpenAI,
  type FakeOpenAI,
  type Reply,
  type Script,
} from '../fakes/openai-server.js';
import { runAction, type ActionRun } from '../helpers/action-env.js';
import { createRepo, type TempRepo } from '../helpers/repo.js';

/** Must never appear in anything greenloop writes or prints. */
export const API_KEY_CANARY = 'sk-e2e-canary-7f3a9c1d5b2e8f40';
export const GITHUB_TOKEN = 'ghs_e2eFakeToken000000000000000000000000';

/** The native apply_patch diff (V4A body, no envelope) that fixes SUM_PROJECT's `sum`. */
export const SUM_DIFF = [
  '@@ export function sum(values) {',
  '   let total = 0;',
  '-  for (let i = 1; i < values.length; i++) total += values[i];',
  '+  for (let i = 0; i < values.length; i++) total += values[i];',
  '   return total;',
].join('\n');

/** A second, independent bug: lets a budget-stopped run publish a partial fix. */
export const MAX_FILES: Record<string, string> = {
  'src/max.js':
    'export function max(values) {\n  return values.reduce((a, b) => (a < b ? a : b));\n}\n',
  'test/max.test.js':
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { max } from '../src/max.js';\n\ntest('max picks the largest', () => {\n  assert.equal(max([3, 9, 4]), 9);\n});\n",
};

/** Replies in order; the last one repeats when the list runs out. */
export function replies(list: readonly Reply[]): (request: unknown, index: number) => Reply {
  return (_request, index) => list[Math.min(index, list.length - 1)]!;
}

/** Fix `sum` with the native apply_patch tool, then end the turn with `explanation`. */
export function fixingScript(explanation = 'Fixed the off-by-one in sum().'): Reply[] {
  return [
    {
      toolCalls: [
        {
          name: 'apply_patch',
          arguments: { operation: { type: 'update_file', path: 'src/sum.js', diff: SUM_DIFF } },
        },
      ],
    },
    { text: explanation },
  ];
}

export interface World {
  readonly repo: TempRepo;
  /** Path of the bare repository used as `origin`. */
  readonly bare: string;
  readonly model: FakeOpenAI;
  readonly artifacts: FakeArtifactService;
  readonly github: FakeGitHubApi;
  /** `git` in the bare remote. */
  remoteGit(...args: string[]): string;
  /** Branch names in the bare remote. */
  remoteBranches(): string[];
  run(options: WorldRunOptions): Promise<ActionRun>;
  close(): Promise<void>;
}

export interface WorldRunOptions {
  readonly inputs?: Record<string, string>;
  readonly event?: { name: string; payload: unknown };
  readonly env?: Record<string, string>;
  readonly killWhen?: (stdout: string) => boolean;
}

export async function createWorld(
  script: readonly Reply[] | Extract<Script, (...args: never[]) => Reply>,
  files: Record<string, string>,
): Promise<World> {
  const repo = createRepo(files);
  const bareParent = mkdtempSync(path.join(os.tmpdir(), 'gl-bare-'));
  const bare = path.join(bareParent, 'origin.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], { stdio: 'ignore' });
  repo.git('remote', 'add', 'origin', bare);
  repo.git('push', '-q', 'origin', 'main');
  const model = await startFakeOpenAI(typeof script === 'function' ? script : replies(script));
  const artifacts = await new FakeArtifactService().start();
  const github = await new FakeGitHubApi('octo', 'demo').start();
  /** runAction's temp folders (output files, job summary, RUNNER_TEMP), removed on close. */
  const runnerDirs: string[] = [];
  const remoteGit = (...args: string[]): string =>
    execFileSync('git', args, { cwd: bare, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    repo,
    bare,
    model,
    artifacts,
    github,
    remoteGit,
    remoteBranches: () =>
      remoteGit('for-each-ref', '--format=%(refname:short)', 'refs/heads')
        .split('\n')
        .filter((line) => line !== '')
        .sort(),
    run: async (options) => {
      const run = await runAction({
        workspace: repo.dir,
        timeoutMs: 90_000,
        ...(options.event ? { event: options.event } : {}),
        ...(options.killWhen ? { killWhen: options.killWhen } : {}),
        inputs: {
          'test-command': 'node --test',
          'base-url': model.url,
          'api-key': API_KEY_CANARY,
          'github-token': GITHUB_TOKEN,
          sandbox: 'none',
          'flaky-reruns': '0',
          'max-iterations': '3',
          'max-turns': '10',
          'timeout-minutes': '2',
          'test-timeout-seconds': '30',
          ...options.inputs,
        },
        env: { ...artifacts.env(), GITHUB_API_URL: github.url, ...options.env },
      });
      runnerDirs.push(path.dirname(run.runnerTemp));
      return run;
    },
    async close() {
      await Promise.all([model.close(), artifacts.stop(), github.stop()]);
      repo.remove();
      for (const dir of [bareParent, ...runnerDirs]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * At most `n` bodies at a time: the action runs are CPU-bound child processes,
 * so concurrent tests share two slots instead of all starting at once.
 */
export function limiter(n: number): <T>(body: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (body) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await body();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
