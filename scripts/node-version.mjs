// The Node a command of greenloop needs, checked before anything else runs, so an
// old Node gets one line saying what to do, never a stack trace.
// scripts/build.mjs copies nodeTooOld() into the CLI launcher (dist/cli/index.js),
// so it stays self-contained (it may use nothing outside its own body).
// `node scripts/node-version.mjs "npm test"` exits 1 with that line on an old Node.
import { fileURLToPath } from 'node:url';

/**
 * The Nodes the CLI, the demo and the tests run on (package.json `engines`, checked by
 * test/package): 20.19+ on Node 20, 22.12+ on Node 22, and any later major. The floor is
 * vite's (vitest runs on it), `^20.19.0 || >=22.12.0` in node_modules/vite/package.json: npm
 * skips its native binding on an older Node, and vitest then fails to start with a misleading
 * "npm has a bug" error. The CLI needs 20.3+ (AbortSignal.any); one rule for all is simpler.
 */
export const SUPPORTED = '20.19 22.12';

/**
 * One line naming the command (after `greenloop: `, unless it is greenloop itself), this Node
 * and the fix; undefined when Node is new enough.
 * `floors` lists the oldest `major.minor` of each supported major line, oldest first ('20.19
 * 22.12'): a version passes at or above the floor of its own major, or on a major above the last.
 * `again` is what to run once Node is updated.
 */
export function nodeTooOld(command, floors, again = 'it', version = process.versions.node) {
  const [major, minor] = String(version).split('.').map(Number);
  const lines = floors.split(' ').map((f) => f.split('.').map(Number));
  const newest = lines[lines.length - 1][0];
  if (major > newest || lines.some(([m, n]) => major === m && minor >= n)) return undefined;
  const need = lines.map(([m, n]) => `${m}.${n}+`).join(' or ');
  // The CLI's line reads 'greenloop needs…', not 'greenloop: greenloop needs…'.
  const who = command === 'greenloop' ? command : `greenloop: ${command}`;
  return (
    `${who} needs Node ${need}, and this is Node ${version}. ` +
    `Install Node 24 (https://nodejs.org, or \`nvm install 24\`) and run ${again} again.`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // node scripts/node-version.mjs COMMAND [FLOORS] [AGAIN]
  const [command = 'greenloop', floors = SUPPORTED, again] = process.argv.slice(2);
  const line = nodeTooOld(command, floors, again);
  if (line) {
    console.error(line);
    process.exit(1);
  }
}
