/**
 * Entry of the one bundle (dist/index.js). The runner starts it as the action;
 * dist/cli/index.js (written by scripts/build.mjs) sets GREENLOOP_ENTRY=cli and
 * imports it as the CLI. Each side is loaded only when it is the one running: nothing is
 * imported statically here, so that ncc puts each side (and @actions/core with the HTTP client
 * it bundles) in chunks of its own, and the CLI never parses the action's.
 */
if (process.env.GREENLOOP_ENTRY === 'cli') {
  delete process.env.GREENLOOP_ENTRY;
  await import('./cli.js');
} else {
  const [{ main }, core] = await Promise.all([import('./main.js'), import('@actions/core')]);
  await main().catch((error: unknown) => {
    core.setFailed(`greenloop failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
