/**
 * The loop's log in the Actions UI: one group per phase, warnings as
 * annotations. Every line may carry text from a model or a test log, so
 * workflow commands in it are defused before it is printed.
 */
import * as core from '@actions/core';
import type { RunLog } from '../loop/run.js';
import { neutraliseWorkflowCommands } from '../report/escape.js';

export function actionLog(): RunLog {
  return {
    info: (line) => core.info(neutraliseWorkflowCommands(line)),
    warn: (line) => core.warning(neutraliseWorkflowCommands(line)),
    progress: (line) => core.info(neutraliseWorkflowCommands(line)),
    group: (title, body) => core.group(neutraliseWorkflowCommands(title), body),
    startGroup: (title) => core.startGroup(neutraliseWorkflowCommands(title)),
    endGroup: () => core.endGroup(),
  };
}
