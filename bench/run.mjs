// `npm run bench`: runs bench/main.ts on Node's own TypeScript support (no build step, no
// extra dependency). Needs Node >= 22.15 / 23.5 (module.registerHooks); the start-up section
// runs the committed dist/ (rebuild it with `npm run build` after changing src/).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeTooOld } from '../scripts/node-version.mjs';

const tooOld = nodeTooOld('npm run bench', '22.18', '`npm ci && npm run bench`');
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `npm run bench -- --snapshots`: the snapshot benchmark (bench/snapshots.ts) alone.
const entry = process.argv.includes('--snapshots') ? 'snapshots.ts' : 'main.ts';
const result = spawnSync(
  process.execPath,
  [...nodeFlags(), join(root, 'bench', entry), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);

function nodeFlags() {
  return [
    '--experimental-transform-types',
    '--no-warnings',
    '--import',
    new URL('../scripts/ts-hooks.mjs', import.meta.url).href,
  ];
}
