/**
 * `resume-from`: a checkpoint folder, or the name of an artifact uploaded by an
 * earlier run of this repository's own code (never a fork's run) on the same
 * branch unless `anyBranch`, its newest one, downloaded, checked against its
 * digest and unpacked.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { type Checkpoint, loadCheckpoint } from '../loop/checkpoint.js';
import { startingBranch, type GitHubContext } from './context.js';

export async function loadResume(
  from: string,
  options: {
    readonly token: string;
    readonly context: GitHubContext;
    readonly tempDir: string;
    /** Take the artifact from a run on any branch of this repository. */
    readonly anyBranch: boolean;
  },
): Promise<Checkpoint> {
  const local = path.resolve(options.context.workspace ?? process.cwd(), from);
  if (existsSync(local)) {
    const nested = path.join(local, 'checkpoint');
    return loadCheckpoint(existsSync(path.join(nested, 'checkpoint.json')) ? nested : local);
  }
  const { downloadArtifactByName } = await import('./artifact.js');
  const dir = await downloadArtifactByName(from, {
    token: options.token,
    context: options.context,
    dir: path.join(options.tempDir, 'resume'),
    branch: options.anyBranch ? '' : startingBranch(options.context),
  });
  const nested = path.join(dir, 'checkpoint');
  return loadCheckpoint(existsSync(path.join(nested, 'checkpoint.json')) ? nested : dir);
}
