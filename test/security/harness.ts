/**
 * Hostile-model harness: one real `runSession` per test, driven by the fake
 * OpenAI server as a scripted attacker, in a temp git repository, with canary
 * secrets in the environment, the config and the home folder. After the run,
 * `leaks()` lists every place a canary ended up: the report files, the log
 * lines and the requests sent to the model.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config/parse.js';
import type { RawInputs } from '../../src/config/inputs.js';
import type { RunLog } from '../../src/loop/run.js';
import { runSession, type SessionResult } from '../../src/loop/session.js';
import { probeSandbox } from '../../src/workspace/sandbox.js';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../fakes/openai-server.js';
import { createRepo, NODE_TEST_IN_PROCESS, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';

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

export interface HostileRun {
  readonly result: SessionResult | undefined;
  readonly error: unknown;
  readonly fake: FakeOpenAI;
  readonly repo: TempRepo;
  readonly home: string;
  readonly outDir: string;
  readonly logLines: string[];
  readonly elapsedMs: number;
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

export interface HostileOptions {
  readonly sandbox: Sandbox;
  /** The attacker: one reply per model request; after it runs out, the model says it is done. */
  readonly script: readonly Reply[] | ((body: string, index: number) => Reply | undefined);
  readonly files?: Readonly<Record<string, string>>;
  readonly inputs?: RawInputs;
  /** Prepare the repository (after the initial commit). */
  readonly prepare?: (repo: TempRepo, home: string) => void | Promise<void>;
  /** Write the report into the workspace, as the CLI does by default (`.greenloop/<stamp>`). */
  readonly outInWorkspace?: boolean;
  /** More variables of the action's environment (RUNNER_TEMP, GITHUB_ENV, ...). */
  readonly env?: Readonly<Record<string, string>>;
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
  await options.prepare?.(repo, home);
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
  const env: NodeJS.ProcessEnv = { ...process.env, ...CANARY_ENV, HOME: home, ...options.env };
  const parsed = parseConfig(
    {
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
    { baseDir: repo.dir, env: {} },
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const logLines: string[] = [];
  const log: RunLog = {
    info: (line) => logLines.push(line),
    warn: (line) => logLines.push(line),
    progress: (line) => logLines.push(line),
    group: async (title, body) => {
      logLines.push(title);
      return body();
    },
  };
  const started = Date.now();
  let result: SessionResult | undefined;
  let error: unknown;
  try {
    result = await runSession({
      config: parsed.config,
      log,
      outDir,
      workDir,
      env,
      secrets: [CANARY.apiKey, CANARY.githubToken],
      modelOptions: { maxRetries: 0 },
    });
  } catch (caught) {
    error = caught;
  }
  const elapsedMs = Date.now() - started;
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
    leaks(canaries = ALL_CANARIES) {
      const found: string[] = [];
      const has = (text: string): boolean => canaries.some((c) => text.includes(c));
      for (const file of readAll(outDir)) if (has(file.text)) found.push(`file:${file.name}`);
      if (logLines.some(has)) found.push('log');
      fake.requests.forEach((r, i) => {
        if (has(r.raw)) found.push(`model-request:${i}`);
      });
      if (error instanceof Error && has(`${error.message}\n${error.stack ?? ''}`))
        found.push('error');
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
