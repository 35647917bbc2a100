/**
 * The patch tool: parse a patch (Codex envelope, unified diff, or the Responses API's native
 * per-file operation) and apply it through the workspace guard, all or nothing. Parse errors and
 * patches that do not apply come back as `{ ok: false, message }` written for the model.
 */
import type { WorkspaceGuard } from '../../workspace/types.js';
import { applyPatch, type ApplyOptions, type PatchResult } from './apply.js';
import { parseOperation, parsePatch, PatchParseError, type PatchOperation } from './parse.js';

export { applyPatch, ALL_STRATEGIES, EXACT_ONLY, DEFAULT_MAX_FILE_BYTES } from './apply.js';
export type { ApplyOptions, MatchStrategy, PatchResult } from './apply.js';
export { parsePatch, parseOperation, detectShape, PatchParseError } from './parse.js';
export type { Hunk, HunkLine, LineOp, PatchOp, PatchOperation, PatchShape } from './parse.js';

const FORMAT_HINT =
  "Format: '*** Begin Patch', then '*** Add File: <path>' / '*** Delete File: <path>' / '*** Update File: <path>' sections with '@@' hunks, then '*** End Patch' (a unified diff is also accepted).";

/** Parses `text` in any supported shape and applies it. */
export async function applyPatchText(
  text: string,
  guard: WorkspaceGuard,
  options?: ApplyOptions,
): Promise<PatchResult> {
  let ops;
  try {
    ops = parsePatch(text);
  } catch (e) {
    if (e instanceof PatchParseError) {
      return {
        ok: false,
        message: `Invalid patch (no files were changed): ${e.message}. ${FORMAT_HINT}`,
      };
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
      return {
        ok: false,
        message: `Invalid ${String(op.type)} operation for '${String(op.path)}' (nothing was changed): ${e.message}`,
      };
    }
    throw e;
  }
  return applyPatch([parsed], guard, options);
}
