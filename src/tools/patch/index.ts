/**
 * The patch tool: parse a patch (Codex envelope, unified diff, or the Responses API's native
 * per-file operation) and apply it through the workspace guard, all or nothing. Parse errors and
 * patches that do not apply come back as `{ ok: false, error }` written for the model.
 */
import * as path from 'node:path';
import type { WorkspaceGuard } from '../../workspace/types.js';
import { err } from '../../core/result.js';
import { applyPatch, type ApplyOptions, type PatchResult } from './apply.js';
import type { ShellPatch } from './invocation.js';
import {
  parseOperation,
  parsePatch,
  PatchParseError,
  type PatchOp,
  type PatchOperation,
} from './parse.js';

export { applyPatch, ALL_STRATEGIES, EXACT_ONLY, DEFAULT_MAX_FILE_BYTES } from './apply.js';
export type { AppliedPatch, ApplyOptions, MatchStrategy, PatchResult } from './apply.js';
export { parsePatch, parseOperation, detectShape, PatchParseError } from './parse.js';
export type { Hunk, HunkLine, LineOp, PatchOp, PatchOperation, PatchShape } from './parse.js';
export { patchFromCommand, type ShellPatch } from './invocation.js';

const FORMAT_HINT =
  "Format: '*** Begin Patch', then '*** Add File: <path>' / '*** Delete File: <path>' / '*** Update File: <path>' sections with '@@' hunks, then '*** End Patch' (a unified diff is also accepted).";

/** What the model (or the CLI's user) reads either way: what changed, or why nothing did. */
export function patchMessage(result: PatchResult): string {
  return result.ok ? result.value.message : result.error;
}

/** Parses `text` in any supported shape and applies it. */
export async function applyPatchText(
  text: string,
  guard: WorkspaceGuard,
  options?: ApplyOptions,
): Promise<PatchResult> {
  return applyShellPatch({ patch: text }, guard, options);
}

/** `path` of an operation read relative to `dir` (a `cd <dir> &&` before `apply_patch`). */
function inDir(op: PatchOp, dir: string): PatchOp {
  const join = (p: string): string => (p.startsWith('/') ? p : path.posix.join(dir, p));
  if (op.kind !== 'update' || op.moveTo === undefined) return { ...op, path: join(op.path) };
  return { ...op, path: join(op.path), moveTo: join(op.moveTo) };
}

/** Applies the patch of an `apply_patch` shell command (see invocation.ts). */
export async function applyShellPatch(
  call: ShellPatch,
  guard: WorkspaceGuard,
  options?: ApplyOptions,
): Promise<PatchResult> {
  let ops: PatchOp[];
  try {
    const parsed = parsePatch(call.patch);
    const dir = call.dir;
    ops = dir === undefined ? parsed : parsed.map((op) => inDir(op, dir));
  } catch (e) {
    if (e instanceof PatchParseError) {
      return err(`Invalid patch (no files were changed): ${e.message}. ${FORMAT_HINT}`);
    }
    throw e;
  }
  return applyPatch(ops, guard, options);
}

/** Applies one native Responses API `apply_patch_call` operation. */
export async function applyPatchOperation(
  op: PatchOperation,
  guard: WorkspaceGuard,
  options?: ApplyOptions,
): Promise<PatchResult> {
  let parsed;
  try {
    parsed = parseOperation(op);
  } catch (e) {
    if (e instanceof PatchParseError) {
      return err(
        `Invalid ${String(op.type)} operation for '${String(op.path)}' (nothing was changed): ${e.message}`,
      );
    }
    throw e;
  }
  return applyPatch([parsed], guard, options);
}
