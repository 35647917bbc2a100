// Builds the current sources and fails when the build differs from the committed dist/. The
// build is kept where the tests look for it (fresh-dist.mjs): `npm test` after this builds nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentBuild } from './fresh-dist.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = await currentBuild();

function list(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...list(full));
    else out.push(full);
  }
  return out;
}
const committed = join(root, 'dist');
const a = list(committed)
  .map((f) => relative(committed, f))
  .sort();
const b = list(fresh)
  .map((f) => relative(fresh, f))
  .sort();
const problems = [];
for (const file of new Set([...a, ...b])) {
  if (!a.includes(file)) problems.push(`missing from dist/: ${file}`);
  else if (!b.includes(file)) problems.push(`stale file in dist/: ${file}`);
  else if (!readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file))))
    problems.push(`differs: dist/${file}`);
}
if (problems.length > 0) {
  console.error('dist/ does not match a fresh build (run `npm run build` and commit dist/):');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('dist/ matches a fresh build.');
