/** CLI flags mirror the action's inputs, except those that only make sense on GitHub. */
import { INPUTS } from '../config/inputs.js';

const GITHUB_ONLY = new Set([
  'github-token',
  'output',
  'branch',
  'artifact-name',
  'matrix',
  'allow-greenloop-branch',
  'resume-from-any-branch',
  'retention-days',
  'commit-message',
  'pr-title',
  'pr-draft',
  'comment',
  'allow-users',
  'allow-bots',
  'allow-untrusted-code',
  'resume-from',
  'working-directory',
  // The CLI chooses between attempts with --attempts.
  'mode',
]);

export const CLI_INPUTS = INPUTS.filter((input) => !GITHUB_ONLY.has(input.name));

/** Commander's camelCase key of a flag. */
export function flagKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
