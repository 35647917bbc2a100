/**
 * The result filter: whatever the model managed to change, the published
 * result never contains protected paths, `.git/`, submodule changes, symlinks
 * pointing outside the workspace, or oversized files. Dropped files are put
 * back to their baseline content in the working tree and listed.
 */
import * as path from 'node:path';
import type { FileChange, Git, WorkspaceGuard } from '../workspace/types.js';
import type { RunLog } from '../core/log.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface FilteredResult {
  readonly bestTree: string;
  readonly diff: string;
  readonly filesChanged: readonly FileChange[];
  readonly dropped: readonly { readonly path: string; readonly reason: string }[];
}

export async function filterChanges(input: {
  readonly git: Git;
  readonly guard: WorkspaceGuard;
  readonly baselineTree: string;
  readonly bestTree: string;
  readonly log: RunLog;
}): Promise<FilteredResult> {
  const { git, guard, baselineTree } = input;
  let bestTree = input.bestTree;
  if (baselineTree === '' || bestTree === '')
    return { bestTree, diff: '', filesChanged: [], dropped: [] };
  const { dropped } = await refusedChanges(git, guard, baselineTree, bestTree);
  if (dropped.length > 0) {
    for (const item of dropped)
      input.log.warn(`Dropped ${item.path} from the result: ${item.reason}`);
    await git.restorePaths(
      baselineTree,
      dropped.map((item) => item.path),
    );
    bestTree = await git.snapshot();
  }
  const [diff, filesChanged] = await Promise.all([
    git.diff(baselineTree, bestTree),
    git.diffStat(baselineTree, bestTree),
  ]);
  return { bestTree, diff, filesChanged, dropped };
}

/** The changes from `baselineTree` to `tree`, and those the filter would drop, with why. */
export async function refusedChanges(
  git: Git,
  guard: WorkspaceGuard,
  baselineTree: string,
  tree: string,
): Promise<{ changes: FileChange[]; dropped: { path: string; reason: string }[] }> {
  const changes = await git.diffStat(baselineTree, tree);
  const entries = await git.listTree(
    tree,
    changes.map((change) => change.path),
  );
  const dropped: { path: string; reason: string }[] = [];
  for (const change of changes) {
    const reason = whyDrop(change, entries.get(change.path), guard);
    if (reason) dropped.push({ path: change.path, reason });
  }
  return { changes, dropped };
}

function whyDrop(
  change: FileChange,
  entry: { mode: string; size: number; target?: string } | undefined,
  guard: WorkspaceGuard,
): string | undefined {
  const parts = change.path.split('/');
  if (parts.some((part) => part.toLowerCase() === '.git')) return 'inside .git/';
  if (guard.isProtected(change.path)) return 'protected path (protected-paths)';
  // Without a tree entry a change is a deletion, or a path git read differently
  // from how it wrote it: never publish what was not checked.
  if (!entry) return change.status === 'deleted' ? undefined : 'not found in the result tree';
  if (entry.mode === '160000') return 'submodule changes are not published';
  if (entry.mode === '120000') {
    const target = entry.target ?? '';
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(change.path), target));
    if (path.isAbsolute(target) || path.posix.isAbsolute(target) || resolved.startsWith('..')) {
      return `symlink pointing outside the workspace (${target})`;
    }
  }
  if (entry.size > MAX_FILE_BYTES) return `file larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
  return undefined;
}
