// The Node a command of greenloop needs, checked before anything else runs, so an
// old Node gets one line saying what to do, never a stack trace.
// scripts/build.mjs copies nodeTooOld() into the CLI launcher (dist/cli/index.js),
// so it stays self-contained.
// `node scripts/node-version.mjs "npm test"` exits 1 with that line on an old Node.
import { fileURLToPath } from 'node:url';

/**
 * One line naming the command, this Node and the fix; undefined when Node is new enough.
 * `oldest` is `major.minor`: 20.0 for the CLI, the demo and the tests (package.json `engines`).
 */
export function nodeTooOld(command, oldest = '20.0', version = process.versions.node) {
  const [major, minor] = String(version).split('.').map(Number);
  const [needMajor, needMinor] = oldest.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return (
    `greenloop: ${command} needs Node ${oldest.replace(/\.0$/, '')} or newer, and this is ` +
    `Node ${version}. Install Node 24 (https://nodejs.org, or \`nvm install 24\`) and run it again.`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const line = nodeTooOld(process.argv[2] || 'greenloop', process.argv[3]);
  if (line) {
    console.error(line);
    process.exit(1);
  }
}
