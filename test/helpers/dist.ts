/**
 * The bundle the end-to-end tests run (the action's `index.js`, the CLI's `cli/index.js`): a
 * build of the current sources, never a stale dist/ (scripts/fresh-dist.mjs: built once per
 * change of the sources, the first test needing it waits; reused otherwise).
 * GREENLOOP_TEST_DIST=dist runs the committed dist/ instead.
 */
import path from 'node:path';
import { freshDist } from '../../scripts/fresh-dist.mjs';

/** This repository's root folder. */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

let dist: Promise<string> | undefined;

/** A file of the bundle, e.g. `index.js` (the action) or `cli/index.js` (the CLI). */
export async function distFile(file: 'index.js' | 'cli/index.js'): Promise<string> {
  dist ??= freshDist();
  return path.join(await dist, file);
}
