/** `greenloop apply-patch`: the model's patch tool, for debugging and checks. All or nothing. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitList } from '../config/parse.js';
import { applyPatchText, patchMessage } from '../tools/patch/index.js';
import { createGuard } from '../workspace/guard.js';

export async function applyPatchCommand(
  file: string | undefined,
  flags: { readonly cwd: string; readonly protectedPaths: string },
): Promise<number> {
  if (file && file !== '-' && !existsSync(file)) {
    process.stderr.write(`greenloop apply-patch: no such file '${file}'.\n`);
    return 1;
  }
  const text = readFileSync(file && file !== '-' ? file : 0, 'utf8');
  const guard = createGuard(path.resolve(flags.cwd), splitList(flags.protectedPaths));
  const result = await applyPatchText(text, guard);
  (result.ok ? process.stdout : process.stderr).write(`${patchMessage(result)}\n`);
  return result.ok ? 0 : 1;
}
