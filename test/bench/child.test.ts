/**
 * `npm run bench` runs outside vitest: its children must load without it (test/loop/harness.ts
 * calls vitest's afterAll at import, which throws outside a test run). Nothing here is timed.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
// Node runs the bench's TypeScript itself (type stripping: Node 22.18+ / 23.6+).
const stripsTypes = 'typescript' in process.features;

describe.skipIf(!stripsTypes)('bench children', () => {
  it('the session child loads outside vitest (the idle child imports what a session does)', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        path.join(root, 'scripts', 'ts-hooks.mjs'),
        path.join(root, 'bench', 'child.ts'),
        'idle',
      ],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.stderr).not.toMatch(/vitest/i);
    expect(result.status).toBe(0);
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toHaveProperty('maxRssBytes');
  }, 130_000);
});
