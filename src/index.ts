/**
 * Entry of the one bundle (dist/index.js). The runner starts it as the action;
 * dist/cli/index.js (written by scripts/build.mjs) sets GREENLOOP_ENTRY=cli and
 * imports it as the CLI. Each side is loaded only when it is the one running.
 */
import * as core from '@actions/core';

if (process.env.GREENLOOP_ENTRY === 'cli') {
  delete process.env.GREENLOOP_ENTRY;
  await import('./cli.js');
} else {
  const { main } = await import('./main.js');
  await main().catch((error: unknown) => {
    core.setFailed(`greenloop failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
