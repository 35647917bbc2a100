// Builds dist/ with ncc: the action (dist/index.js) and the CLI (dist/cli/index.js).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

rmSync(out, { recursive: true, force: true });
const builds = [
  ['src/index.ts', out],
  ['src/cli.ts', join(out, 'cli')],
];
for (const [entry, dir] of builds) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--target', 'es2022', '-q'], {
    cwd: root,
    stdio: 'inherit',
  });
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
writeFileSync(join(out, 'cli', 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
