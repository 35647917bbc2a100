/** Entry of the action (dist/index.js). */
import * as core from '@actions/core';
import { main } from './main.js';

main().catch((error: unknown) => {
  core.setFailed(`greenloop failed: ${error instanceof Error ? error.message : String(error)}`);
});
