/**
 * One hostile session as plain data in and out, so the same run can happen in this process (as
 * root, as CI runs) or in a child process started as an unprivileged user (session-child.ts):
 * parse the inputs, run the real `runSession`, then, when asked, publish the result the way the
 * action does (commit the published tree, push it to `origin`) with greenloop's own git.
 */
import { parseConfig } from '../../src/config/parse.js';
import type { RawInputs } from '../../src/config/inputs.js';
import type { RunLog } from '../../src/core/log.js';
import { runSession, type SessionResult } from '../../src/app/session.js';
import { createGit, type PushResult } from '../../src/workspace/git.js';

export interface SessionJob {
  readonly inputs: RawInputs;
  readonly repoDir: string;
  readonly outDir: string;
  readonly workDir: string;
  readonly secrets: readonly string[];
  /** Commit the published tree on this branch and push it to `origin`. */
  readonly publish?: string;
}

/** The parts of a session's result the suites read (plain data). */
export type JobResult = Pick<SessionResult, 'record' | 'files' | 'bestTree'>;

export interface JobOutcome {
  readonly result: JobResult | undefined;
  readonly error: Error | undefined;
  readonly logLines: string[];
  readonly elapsedMs: number;
  readonly published: PushResult | undefined;
}

export async function runJob(job: SessionJob, env: NodeJS.ProcessEnv): Promise<JobOutcome> {
  const parsed = parseConfig(job.inputs, { baseDir: job.repoDir, env: {} });
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
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
  let result: JobResult | undefined;
  let error: Error | undefined;
  try {
    const session = await runSession({
      config: parsed.value,
      log,
      outDir: job.outDir,
      workDir: job.workDir,
      env,
      secrets: job.secrets,
      modelOptions: { maxRetries: 0 },
    });
    result = { record: session.record, files: session.files, bestTree: session.bestTree };
  } catch (caught) {
    error = caught instanceof Error ? caught : new Error(String(caught));
  }
  const elapsedMs = Date.now() - started;
  let published: PushResult | undefined;
  if (job.publish !== undefined && result?.bestTree) {
    // As main.ts does: greenloop's git built with the run's environment.
    const git = createGit(job.repoDir, { env });
    const branch = job.publish;
    await git.commit({ tree: result.bestTree, branch, message: 'fix', parentRef: 'HEAD' });
    published = await git.tryPush({
      remote: 'origin',
      branch,
      defaultBranch: 'main',
      serverUrl: 'https://github.com',
      lease: '',
    });
  }
  return { result, error, logLines, elapsedMs, published };
}
