/**
 * The loop's log in the Actions UI: one group per phase. The loop's warnings
 * stay in the log (and the summary's warnings section), not annotations: a
 * step shows at most 10 warning annotations, and the ones that matter — the
 * final status and publish errors, printed last by main.ts — must not be lost
 * behind rollbacks. Every line may carry text from a model or a test log, so
 * workflow commands in it are defused before it is printed.
 */
import * as core from '@actions/core';
import type { RunLog } from '../core/log.js';
import { neutraliseWorkflowCommands } from '../report/escape.js';

export function actionLog(): RunLog {
  return {
    info: (line) => core.info(neutraliseWorkflowCommands(line)),
    warn: (line) => core.info(`Warning: ${neutraliseWorkflowCommands(line)}`),
    progress: (line) => core.info(neutraliseWorkflowCommands(line)),
    group: (title, body) => core.group(neutraliseWorkflowCommands(title), body),
    startGroup: (title) => core.startGroup(neutraliseWorkflowCommands(title)),
    endGroup: () => core.endGroup(),
  };
}
