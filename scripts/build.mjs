// Builds dist/ with ncc: one bundle (dist/index.js) that is the action, and the CLI
// when started through the small dist/cli/index.js this script writes beside it.
// Builds into a temp folder first and swaps it in at the end, so nothing that
// runs dist/ meanwhile sees it half-built. `node scripts/build.mjs DIR` builds into DIR.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPORTED, nodeTooOld } from './node-version.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2] ?? join(root, 'dist');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const staging = mkdtempSync(join(dirname(target), '.dist-build-'));

try {
  execFileSync(
    process.execPath,
    [ncc, 'build', 'src/index.ts', '-o', staging, '--target', 'es2022', '-q'],
    { cwd: root, stdio: 'inherit' },
  );
  const cli = join(staging, 'cli');
  mkdirSync(cli);
  writeFileSync(
    join(cli, 'index.js'),
    [
      '#!/usr/bin/env node',
      '// The greenloop CLI: the same bundle as the action, started as the CLI.',
      '// An older Node gets one line saying what to do, not a stack trace.',
      `const tooOld = (${nodeTooOld.toString()})('greenloop', '${SUPPORTED}');`,
      'if (tooOld) {',
      '  console.error(tooOld);',
      '  process.exit(1);',
      '}',
      "process.env.GREENLOOP_ENTRY = 'cli';",
      "await import('../index.js');",
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  for (const dir of [staging, cli]) {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
  }
  chmodSync(staging, 0o755);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
