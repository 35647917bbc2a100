// Builds dist/ with ncc: the action (dist/index.js) and the CLI (dist/cli/index.js).
// Builds into a temp folder first and swaps it in at the end, so nothing that
// runs dist/ meanwhile sees it half-built. `node scripts/build.mjs DIR` builds into DIR.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2] ?? join(root, 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const staging = mkdtempSync(join(dirname(target), '.dist-build-'));

try {
  const builds = [
    ['src/index.ts', staging],
    ['src/cli.ts', join(staging, 'cli')],
  ];
  for (const [entry, dir] of builds) {
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--target', 'es2022', '-q'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  for (const dir of [staging, join(staging, 'cli')]) {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
