/**
 * `apply_patch`: the model's way to edit files. Function-tool calls carry a
 * whole patch (Codex envelope or unified diff); native Responses API calls
 * carry one file operation with a V4A diff. Both go through the same parser,
 * applier and workspace guard.
 */
import type { ToolCall, ToolResult, ToolSpec } from '../model/types.js';
import type { WorkspaceGuard } from '../workspace/types.js';
import * as path from 'node:path';
import {
  applyPatchOperation,
  applyPatchText,
  applyShellPatch,
  patchMessage,
  patchFromCommand,
} from './patch/index.js';
import { argsObject, toolError, toolOk } from './result.js';
import { parseShellArgs } from './shell.js';

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
  const parsedArgs = argsObject(call);
  if (!parsedArgs.ok) return toolError(call, parsedArgs.error);
  const args = parsedArgs.value;

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
    return result.ok ? toolOk(call, result.value.message) : toolError(call, result.error);
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
  return result.ok ? toolOk(call, result.value.message) : toolError(call, result.error);
}

/**
 * A `shell` call whose one command is `apply_patch <<'EOF' … EOF` (or another form Codex's
 * harness intercepts; see patch/invocation.ts): the patch is applied here, as Codex does, and
 * answered as the command's output (exit code 0, or 1 with the reason). Undefined for any other
 * shell call, which then runs as a command.
 */
export async function runShellApplyPatch(
  call: ToolCall,
  guard: WorkspaceGuard,
): Promise<ToolResult | undefined> {
  const parsedArgs = parseShellArgs(call);
  if (!parsedArgs.ok || parsedArgs.value.commands.length !== 1) return undefined;
  const parsed = parsedArgs.value;
  const found = patchFromCommand(parsed.commands[0]!);
  if (!found) return undefined;
  const dir =
    parsed.workdir === undefined ? found.dir : path.posix.join(parsed.workdir, found.dir ?? '.');
  const result = await applyShellPatch(
    dir === undefined || dir === '.' ? { patch: found.patch } : { patch: found.patch, dir },
    guard,
  );
  const message = patchMessage(result);
  return {
    callId: call.callId,
    name: call.name,
    wire: call.wire,
    output: `${message}\n[exit code ${result.ok ? 0 : 1}]`,
    ok: result.ok,
    ...(call.wire === 'native'
      ? {
          shell: {
            stdout: result.ok ? `${message}\n` : '',
            stderr: result.ok ? '' : `${message}\n`,
            exitCode: result.ok ? 0 : 1,
            timedOut: false,
          },
        }
      : {}),
  };
}
