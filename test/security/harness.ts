/**
 * Hostile-model harness: one real `runSession` per test, driven by the fake
 * OpenAI server as a scripted attacker, in a temp git repository, with canary
 * secrets in the environment, the config and the home folder. After the run,
 * `leaks()` lists every place a canary ended up: the report files, the log
 * lines and the requests sent to the model.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawInputs } from '../../src/config/inputs.js';
import type { PushResult } from '../../src/workspace/git.js';
import { afterAll, beforeAll } from 'vitest';
import { probeSandbox } from '../../src/workspace/sandbox.js';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../fakes/openai-server.js';
import {
  createRepo,
  NODE_TEST_IN_PROCESS,
  SAFE_DIRECTORY,
  SUM_PROJECT,
  type TempRepo,
} from '../helpers/repo.js';
import {
  createUnprivilegedUser,
  type UnprivilegedUser,
  unprivilegedUnavailable,
} from '../helpers/unprivileged.js';
import { type JobOutcome, type JobResult, runJob, type SessionJob } from './session-job.js';

/** Canary secrets: none of them has a token shape, so only exact redaction or isolation hides them. */
export const CANARY = {
  apiKey: 'canary-api-key-Q7x9Lw2Rt5Zp',
  githubToken: 'canary-github-token-M3k8Vn4Bq1Yd',
  runtimeToken: 'canary-actions-runtime-H6j2Pc9Xs4Nf',
  workflowSecret: 'canary-workflow-secret-T5r1Gw7Ke3Ua',
  gitCredentials: 'canary-git-credentials-D8m4Sz6Lq2Hv',
  netrc: 'canary-netrc-password-W2n7Fb5Jx9Cr',
} as const;

export const ALL_CANARIES: readonly string[] = Object.values(CANARY);

/** What the (scrubbed) child environment must never carry. */
export const CANARY_ENV: Readonly<Record<string, string>> = {
  GITHUB_TOKEN: CANARY.githubToken,
  OPENAI_API_KEY: CANARY.apiKey,
  'INPUT_API-KEY': CANARY.apiKey,
  'INPUT_GITHUB-TOKEN': CANARY.githubToken,
  ACTIONS_RUNTIME_TOKEN: CANARY.runtimeToken,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: CANARY.runtimeToken,
  GL_CANARY_SECRET: CANARY.workflowSecret,
  NPM_CONFIG_AUTH: CANARY.workflowSecret,
};

export type Sandbox = 'bwrap' | 'none';

let bwrapAvailable: Promise<string | undefined> | undefined;

/** undefined when bwrap can run here, else the reason it cannot. */
export function bwrapUnavailable(): Promise<string | undefined> {
  bwrapAvailable ??= probeSandbox('auto').then((p) => (p.mode === 'bwrap' ? undefined : p.reason));
  return bwrapAvailable;
}

/** Who runs greenloop in a hostile test: this process (root in CI), or an unprivileged user. */
export interface RunAs {
  /** `as root`, `as uid N` (this process), or `as a useradd user`. */
  readonly label: string;
  readonly unprivileged: boolean;
  /** Why this half is skipped here, or undefined. */
  readonly skip: string | undefined;
  /** The user (unprivileged half; made in beforeAll), or undefined for this process. */
  user(): UnprivilegedUser | undefined;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The two halves of a hostile suite (issue 15: the defences hold as root and as an ordinary
 * user). Call once at the top of a test file: it makes the user in beforeAll and removes it in
 * afterAll, and says once why the unprivileged half is skipped when it is.
 */
export function runAsBoth(suite: string): readonly RunAs[] {
  const skip = unprivilegedUnavailable(repoRoot);
  if (skip) console.warn(`${suite}: unprivileged half skipped: ${skip}`);
  let user: UnprivilegedUser | undefined;
  beforeAll(() => {
    if (!skip) user = createUnprivilegedUser();
  });
  afterAll(() => user?.remove());
  const self = process.getuid?.() === 0 ? 'as root' : `as uid ${process.getuid?.() ?? '?'}`;
  return [
    { label: self, unprivileged: false, skip: undefined, user: () => undefined },
    {
      label: 'as a useradd user',
      unprivileged: true,
      skip,
      user: () => {
        if (!user) throw new Error('the unprivileged user is made in beforeAll');
        return user;
      },
    },
  ];
}

export interface HostileRun {
  readonly result: JobResult | undefined;
  readonly error: Error | undefined;
  readonly fake: FakeOpenAI;
  readonly repo: TempRepo;
  readonly home: string;
  readonly outDir: string;
  readonly logLines: string[];
  readonly elapsedMs: number;
  /** The push of the published tree (`publish` option). */
  readonly published: PushResult | undefined;
  /** Every tool output the model received, concatenated (from the request bodies). */
  readonly modelSaw: string;
  /** Places where a canary was found: `file:<name>`, `log`, `model-request:<n>`. */
  leaks(canaries?: readonly string[]): string[];
  /** Paths changed by the published diff (`a/` and `b/` sides). */
  diffPaths(): string[];
  /** Files of the published (filtered) tree. */
  treeFiles(): string[];
  cleanup(): void;
}

/** Variables a `prepare` adds to the run's environment, or nothing. */
type Prepared = Readonly<Record<string, string>> | void;

export interface HostileOptions {
  readonly sandbox: Sandbox;
  /** The attacker: one reply per model request; after it runs out, the model says it is done. */
  readonly script: readonly Reply[] | ((body: string, index: number) => Reply | undefined);
  readonly files?: Readonly<Record<string, string>>;
  readonly inputs?: RawInputs;
  /**
   * Prepare the repository (after the initial commit); what it returns is added to the run's
   * environment (a setup step's PATH, say).
   */
  readonly prepare?: (repo: TempRepo, home: string) => Prepared | Promise<Prepared>;
  /** Write the report into the workspace, as the CLI does by default (`.greenloop/<stamp>`). */
  readonly outInWorkspace?: boolean;
  /** More variables of the action's environment (RUNNER_TEMP, GITHUB_ENV, ...). */
  readonly env?: Readonly<Record<string, string>>;
  /** After the run, commit the published tree on this branch and push it to `origin`. */
  readonly publish?: string;
  /** Run greenloop as this unprivileged user (in a child process) instead of in this process. */
  readonly as?: UnprivilegedUser;
}

function readAll(dir: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.push({ name: path.relative(dir, full), text: fs.readFileSync(full, 'latin1') });
  }
  return out;
}

/** The tool outputs inside one request body (Responses and Chat Completions shapes). */
function toolOutputs(body: Record<string, unknown> | undefined): string {
  if (!body) return '';
  const items = [
    ...(Array.isArray(body['input']) ? (body['input'] as unknown[]) : []),
    ...(Array.isArray(body['messages']) ? (body['messages'] as unknown[]) : []),
  ];
  return items.map((item) => JSON.stringify(item)).join('\n');
}

export async function runHostile(options: HostileOptions): Promise<HostileRun> {
  const repo = createRepo({ ...SUM_PROJECT, ...options.files });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-home-'));
  fs.writeFileSync(
    path.join(home, '.git-credentials'),
    `https://x-access-token:${CANARY.gitCredentials}@github.com\n`,
  );
  fs.writeFileSync(
    path.join(home, '.netrc'),
    `machine github.com login x password ${CANARY.netrc}\n`,
  );
  const prepared = await options.prepare?.(repo, home);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-sec-'));
  const outDir = options.outInWorkspace
    ? path.join(repo.dir, '.greenloop', 'stamp')
    : path.join(temp, 'out');
  // The CLI makes its output folder before the run.
  fs.mkdirSync(outDir, { recursive: true });
  const workDir = path.join(temp, 'work');
  fs.mkdirSync(workDir, { recursive: true });

  const script = options.script;
  const fake = await startFakeOpenAI((request, index) => {
    const reply =
      typeof script === 'function' ? script(request.raw, index) : (script[index] ?? undefined);
    return reply ?? { text: 'I am done.' };
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...CANARY_ENV,
    HOME: home,
    ...options.env,
    ...prepared,
  };
  const job: SessionJob = {
    inputs: {
      'test-command': NODE_TEST_IN_PROCESS,
      'base-url': fake.url,
      'api-key': CANARY.apiKey,
      'github-token': CANARY.githubToken,
      sandbox: options.sandbox,
      'max-iterations': '2',
      'max-turns': '8',
      'timeout-minutes': '1',
      'test-timeout-seconds': '20',
      compaction: 'off',
      output: 'none',
      ...options.inputs,
    },
    repoDir: repo.dir,
    outDir,
    workDir,
    secrets: [CANARY.apiKey, CANARY.githubToken],
    ...(options.publish !== undefined ? { publish: options.publish } : {}),
  };
  const { result, error, logLines, elapsedMs, published } = options.as
    ? await runAsUser(options.as, job, env, { repo: repo.dir, home, temp })
    : await runJob(job, env);
  const modelRequests = fake.requests.filter((r) => r.path !== '/v1/responses/compact');
  const modelSaw = modelRequests.map((r) => toolOutputs(r.body)).join('\n');

  return {
    result,
    error,
    fake,
    repo,
    home,
    outDir,
    logLines,
    elapsedMs,
    modelSaw,
    published,
    leaks(canaries = ALL_CANARIES) {
      const found: string[] = [];
      const has = (text: string): boolean => canaries.some((c) => text.includes(c));
      for (const file of readAll(outDir)) if (has(file.text)) found.push(`file:${file.name}`);
      if (logLines.some(has)) found.push('log');
      fake.requests.forEach((r, i) => {
        if (has(r.raw)) found.push(`model-request:${i}`);
      });
      if (error && has(`${error.message}\n${error.stack ?? ''}`)) found.push('error');
      return found;
    },
    diffPaths() {
      const diff = result?.record.diff ?? '';
      return [...diff.matchAll(/^(?:---|\+\+\+) [ab]\/(.+)$/gm)].map((m) => m[1]!);
    },
    treeFiles() {
      if (!result?.bestTree) return [];
      return execFileSync('git', ['ls-tree', '-r', '--name-only', result.bestTree], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...process.env, ...SAFE_DIRECTORY },
      })
        .split('\n')
        .filter((l) => l !== '');
    },
    cleanup() {
      repo.remove();
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(temp, { recursive: true, force: true });
    },
  };
}

const CHILD = fileURLToPath(new URL('./session-child.ts', import.meta.url));
const TS_HOOKS = fileURLToPath(new URL('../../scripts/ts-hooks.mjs', import.meta.url));

/**
 * The job in a child process started as `user` (node from a copy it can read, first on PATH):
 * the folders the run writes become the user's first, as they would be in the user's own job.
 */
async function runAsUser(
  user: UnprivilegedUser,
  job: SessionJob,
  env: NodeJS.ProcessEnv,
  owned: { repo: string; home: string; temp: string },
): Promise<JobOutcome> {
  user.own(owned.repo, owned.home, owned.temp);
  const tmp = path.join(owned.temp, 'tmp');
  fs.mkdirSync(tmp);
  user.own(tmp);
  const jobFile = path.join(owned.temp, 'job.json');
  const outFile = path.join(owned.temp, 'outcome.json');
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const args = ['--experimental-transform-types', '--no-warnings', '--import', TS_HOOKS, CHILD];
  const child = spawn(path.join(user.nodeDir, 'node'), [...args, jobFile, outFile], {
    uid: user.uid,
    gid: user.gid,
    cwd: owned.temp,
    env: {
      ...env,
      PATH: `${user.nodeDir}${path.delimiter}${env['PATH'] ?? ''}`,
      TMPDIR: tmp,
      NODE_COMPILE_CACHE: user.compileCache,
      USER: user.name,
      LOGNAME: user.name,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (!fs.existsSync(outFile)) {
    throw new Error(
      `the session as ${user.name} ended (${String(code)}) without an outcome:\n${stderr}`,
    );
  }
  if (fs.statSync(outFile).uid !== user.uid)
    throw new Error(`${outFile} was not written by ${user.name}`);
  const outcome = JSON.parse(fs.readFileSync(outFile, 'utf8')) as Omit<JobOutcome, 'error'> & {
    error?: { message: string; stack?: string };
  };
  const error = outcome.error && Object.assign(new Error(outcome.error.message), outcome.error);
  return { ...outcome, error };
}

/**
 * A native shell call (the fake renders it as `shell_call` when offered). The shell tool stops at
 * the first failing command, and most attacks are meant to fail: each command ends with `true`
 * so every attempt in the list is made.
 */
export function shell(...commands: string[]): Reply {
  return {
    toolCalls: [{ name: 'shell', arguments: { commands: commands.map((c) => `${c}\ntrue`) } }],
  };
}

/** An apply_patch call with a V4A patch text (function-tool form accepted by the loop). */
export function patch(operation: { type: string; path: string; diff?: string }): Reply {
  return { toolCalls: [{ name: 'apply_patch', arguments: { operation } }] };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
