/**
 * A Node too old for greenloop gets one line saying what to do, never a stack trace: the CLI
 * launcher, `npm run demo` and `npm test` (scripts/node-version.mjs). The floor is vite's
 * (`^20.19.0 || >=22.12.0`): on Node 20.18, `npm ci` skips vite's native binding and vitest
 * then dies with "Cannot find native binding. npm has a bug…"; the CLI itself fails on Node 20.0
 * with `AbortSignal.any is not a function`. scripts/ci-node-matrix.sh runs real Node 18 and 20.18.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED, nodeTooOld } from '../../scripts/node-version.mjs';
import { distFile, repoRoot } from '../helpers/dist.js';

// The build of the current sources, made at import (a build is no part of a test's time).
const CLI = await distFile('cli/index.js');

describe('nodeTooOld', () => {
  it.each(['20.19.0', '20.20.2', '22.12.0', '22.23.5', '23.0.0', '24.11.1', '25.2.0'])(
    'lets Node %s run the CLI, the demo and the tests',
    (version) => expect(nodeTooOld('npm test', SUPPORTED, 'it', version)).toBeUndefined(),
  );

  it.each(['18.20.8', '20.0.0', '20.18.3', '21.7.3', '22.0.0', '22.11.0'])(
    'stops Node %s with one line naming the command, the Node and the fix',
    (version) => {
      const line = nodeTooOld('npm test', SUPPORTED, '`npm ci && npm test`', version);
      expect(line).toBe(
        `greenloop: npm test needs Node 20.19+ or 22.12+, and this is Node ${version}. ` +
          'Install Node 24 (https://nodejs.org, or `nvm install 24`) and run `npm ci && npm test` again.',
      );
    },
  );

  it('names greenloop once when the command is the CLI itself', () => {
    expect(nodeTooOld('greenloop', SUPPORTED, 'it', '18.20.4')).toBe(
      'greenloop needs Node 20.19+ or 22.12+, and this is Node 18.20.4. ' +
        'Install Node 24 (https://nodejs.org, or `nvm install 24`) and run it again.',
    );
  });

  it('takes one floor for the scripts that strip types (22.18+, and any later major)', () => {
    expect(nodeTooOld('npm run eval', '22.18', 'it', '22.17.1')).toContain('needs Node 22.18+');
    expect(nodeTooOld('npm run eval', '22.18', 'it', '20.20.2')).toContain('needs Node 22.18+');
    expect(nodeTooOld('npm run eval', '22.18', 'it', '22.18.0')).toBeUndefined();
    expect(nodeTooOld('npm run eval', '22.18', 'it', '24.0.0')).toBeUndefined();
  });

  it('is what package.json declares in engines, and what `npm test` checks first', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      engines: { node: string };
      scripts: Record<string, string>;
    };
    const [older, newer] = SUPPORTED.split(' ');
    expect(pkg.engines.node).toBe(`^${older}.0 || >=${newer}.0`);
    expect(pkg.scripts['pretest']).toContain(`"npm test" "${SUPPORTED}"`);
  });
});

/** Runs `node` with process.versions.node reading `version`, as an old Node would report it. */
function asNode(version: string, args: string[]): { status: number | null; out: string } {
  const pretend = `Object.defineProperty(process.versions, 'node', { value: '${version}' });`;
  const child = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(pretend)}`, ...args],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: '' } },
  );
  return { status: child.status, out: `${child.stdout}${child.stderr}` };
}

describe('on Node 20.18', () => {
  it('the CLI, the demo and the test script each print one line and exit 1', () => {
    const need = 'needs Node 20.19+ or 22.12+, and this is Node 20.18.0.';
    const commands: [string, string[]][] = [
      [`greenloop ${need}`, [CLI, '--version']],
      [`greenloop ${need}`, [CLI, 'run', '--help']],
      [`greenloop: npm run demo ${need}`, [path.join(repoRoot, 'scripts', 'demo.mjs')]],
      [
        `greenloop: npm test ${need}`,
        [path.join(repoRoot, 'scripts', 'node-version.mjs'), 'npm test', SUPPORTED],
      ],
    ];
    for (const [start, args] of commands) {
      const { status, out } = asNode('20.18.0', args);
      expect(out.trimEnd().split('\n'), out).toHaveLength(1);
      expect(out.startsWith(`${start} Install Node 24`), out).toBe(true);
      expect(status).toBe(1);
    }
  }, 120_000);
});

describe('package.json scripts', () => {
  it('run no command substitution (a pretest with `npm ci && npm test` in backticks ran both, forever)', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const [name, script] of Object.entries(pkg.scripts)) {
      expect(script, name).not.toMatch(/`|\$\(/);
    }
  });
});
