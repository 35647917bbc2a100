/**
 * The npm package: publishable under the name the README gives, shipping the
 * self-contained bundle and nothing to install besides it. (scripts/ci-node-matrix.sh
 * installs the packed tarball and runs it under Node 20, 22 and 24.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/dist.js';

interface PackageJson {
  name: string;
  private?: boolean;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

describe('the npm package', () => {
  it('is publishable as @greenloop/cli, the name the README gives, with the greenloop command', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toBe('@greenloop/cli');
    expect(readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain(
      'npx @greenloop/cli run',
    );
    expect(pkg.bin).toEqual({ greenloop: 'dist/cli/index.js' });
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
  });

  it('installs nothing besides itself: the bundle in dist/ is self-contained', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('packs dist/ and the package files (the MIT licence text with them), no sources or tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      // npm keeps a compile cache in TMPDIR otherwise, which the temp folder check counts.
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    const [packed] = JSON.parse(out) as [{ files: { path: string }[] }];
    const files = packed.files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/cli/index.js');
    expect(files).toContain('package.json');
    const other = files.filter((f) => !f.startsWith('dist/'));
    expect(other.sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
  });
});
