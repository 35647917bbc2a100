/**
 * `apply_patch`: the model's way to edit files. Function-tool calls carry a
 * whole patch (Codex envelope or unified diff); native Responses API calls
 * carry one file operation with a V4A diff. Both go through the same parser,
 * applier and workspace guard.
 */
import type { ToolCall, ToolResult, ToolSpec } from '../model/types.js';
import type { WorkspaceGuard } from '../workspace/types.js';
import { applyPatchOperation, applyPatchText } from './patch/index.js';
import { argsObject, toolError, toolOk } from './result.js';

export const applyPatchSpec: ToolSpec = {
  name: 'apply_patch',
  native: 'apply_patch',
  description: [
    'Edit files. Send a patch in this format:',
    '*** Begin Patch',
    '*** Update File: path/to/file.ts',
    '@@ a line that stays, near the change (optional)',
    ' context line',
    '-removed line',
    '+added line',
    '*** Add File: path/new.ts',
    '+content line',
    '*** Delete File: path/old.ts',
    '*** End Patch',
    'Paths are relative to the repository root. Include 3 lines of unchanged context around each change. A unified diff (--- a/ +++ b/ @@) is also accepted. The patch is applied all or nothing.',
  ].join('\n'),
  parameters: {
    type: 'object',
    properties: { patch: { type: 'string', description: 'The whole patch text.' } },
    required: ['patch'],
    additionalProperties: false,
  },
};

const OPERATION_TYPES = ['create_file', 'update_file', 'delete_file'] as const;

export async function runApplyPatchTool(
  call: ToolCall,
  guard: WorkspaceGuard,
): Promise<ToolResult> {
  const args = argsObject(call);
  if (typeof args === 'string') return toolError(call, args);

  if (call.wire === 'native') {
    const operation = args.operation as Record<string, unknown> | undefined;
    const type = operation?.type;
    const path = operation?.path;
    if (
      !operation ||
      !(OPERATION_TYPES as readonly unknown[]).includes(type) ||
      typeof path !== 'string'
    ) {
      return toolError(
        call,
        'the operation must be { type: create_file | update_file | delete_file, path, diff }.',
      );
    }
    const diff = typeof operation.diff === 'string' ? operation.diff : '';
    const result = await applyPatchOperation(
      { type: type as (typeof OPERATION_TYPES)[number], path, diff },
      guard,
    );
    return result.ok ? toolOk(call, result.message) : toolError(call, result.message);
  }

  const patch =
    typeof args.patch === 'string'
      ? args.patch
      : typeof args.input === 'string'
        ? args.input
        : undefined;
  if (patch === undefined || patch.trim() === '') {
    return toolError(call, "'patch' must be the patch text (*** Begin Patch ... *** End Patch).");
  }
  const result = await applyPatchText(patch, guard);
  return result.ok ? toolOk(call, result.message) : toolError(call, result.message);
}
