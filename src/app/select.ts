/**
 * Wires the select step for both entry points: the same redactor, sandboxed runner, test command
 * and report files as a loop session, then `runSelectSession`, then the attempts table appended to
 * the summary. The action feeds it the run's artifacts; the CLI its own attempts.
 */
import * as path from 'node:path';
import { writeReportFiles } from '../report/files.js';
import {
  prepareWorkbench,
  type SessionOptions,
  type SessionResult,
  type Workbench,
} from './session.js';
import { createGit } from '../workspace/git.js';
import { createGuard } from '../workspace/guard.js';
import { appendNoFollowSync } from '../workspace/safe-fs.js';
import type { Selection } from '../select/rank.js';
import { runSelectSession, type Candidates } from '../select/session.js';
import { attemptsTable } from '../select/table.js';

export type SelectResult = Omit<SessionResult, 'outcome'> & { readonly selection: Selection };

export async function runSelectStep(
  options: Omit<SessionOptions, 'resume' | 'modelOptions'>,
  candidates: Candidates,
  /** The workbench when the caller checked it up front (the CLI's `--attempts`). */
  checked?: Workbench,
): Promise<SelectResult> {
  const { config } = options;
  const { redactor, log, testCommand, runner, tests } =
    checked ?? (await prepareWorkbench(options));
  const git = createGit(config.workspace);
  const outcome = await runSelectSession(candidates, {
    config,
    testCommand,
    git,
    ignoredEntries: async () => {
      const top = (await git.tryTopLevel()) ?? config.workspace;
      return (await git.ignoredEntries())
        .map((rel) => path.join(top, rel))
        .filter((entry) => !path.relative(config.workspace, entry).startsWith('..'));
    },
    guard: createGuard(config.workspace, config.protectedPaths),
    log,
    sandbox: runner.sandbox,
    runTests: (label, runnerHint) => tests.run(label, runnerHint ? { runnerHint } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const written = await writeReportFiles(
    outcome.record,
    options.outDir,
    {
      baselineLogPath: outcome.baselineLogPath,
      ...(outcome.finalLogPath ? { finalLogPath: outcome.finalLogPath } : {}),
      transcript: [],
    },
    redactor,
  );
  for (const warning of written.warnings) log.warn(warning);
  // No attempt started (the tests already pass): no table of attempts.
  if (typeof candidates !== 'function' || outcome.selection.ranked.length > 0)
    appendNoFollowSync(
      written.summaryPath,
      `\n${redactor.redact(attemptsTable(outcome.selection))}`,
    );
  return {
    record: outcome.record,
    selection: outcome.selection,
    redactor,
    bestTree: outcome.bestTree,
    files: {
      dir: options.outDir,
      list: written.files,
      diffPath: written.diffPath,
      summaryPath: written.summaryPath,
      reportPath: written.reportPath,
    },
  };
}
