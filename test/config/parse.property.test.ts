/**
 * Property tests for config parsing: whatever the workflow (or an attacker
 * controlling repository content) puts in the inputs, `parseConfig` returns a
 * config or a list of one-line errors each naming an input; it never throws
 * and never hangs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUTS, parseConfig, type RawInputs } from '../../src/config/index.js';
import { distFile } from '../helpers/dist.js';
import { createRepo } from '../helpers/repo.js';

const NAMES = INPUTS.map((input) => input.name);
const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-prop-'));
/** The CLI of the current sources (built at import when the sources changed). */
const cli = await distFile('cli/index.js');
fs.writeFileSync(path.join(baseDir, 'task.md'), 'Fix the tests.\n');
afterAll(() => fs.rmSync(baseDir, { recursive: true, force: true }));

/** Values near the edges of what the parser accepts, plus noise. */
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    '0',
    '-1',
    '1e309',
    '+5',
    '0x10',
    'NaN',
    'Infinity',
    '9007199254740993',
    'true',
    'TRUE',
    'yes',
    'off',
    'auto',
    'bwrap',
    'none',
    'artifact,commit',
    'pull-request\nartifact',
    '*',
    '../..',
    '/etc/passwd',
    'task.md',
    'http://127.0.0.1:1/v1',
    'ftp://x',
    '${{ secrets.X }}',
    'refs/heads/main',
    'a..b',
    'x.lock',
    'gpt-5:1.25:10',
    '\u0000',
    '\u2028',
    'é'.repeat(200),
  ),
  fc.string({ maxLength: 2000 }),
);

const rawInputs: fc.Arbitrary<RawInputs> = fc.dictionary(fc.constantFrom(...NAMES), value, {
  maxKeys: 12,
}) as fc.Arbitrary<RawInputs>;

const environment = fc.record({
  OPENAI_API_KEY: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
  OPENAI_BASE_URL: fc.option(value, { nil: undefined }),
});

describe('parseConfig on arbitrary inputs', () => {
  it('never throws; errors are single lines that each name an input', () => {
    fc.assert(
      fc.property(rawInputs, environment, (raw, env) => {
        const started = Date.now();
        const result = parseConfig(raw, { baseDir, env });
        expect(Date.now() - started).toBeLessThan(1000);
        if (result.ok) {
          expect(Object.isFrozen(result.value)).toBe(true);
          return;
        }
        expect(result.error.length).toBeGreaterThan(0);
        for (const error of result.error) {
          expect(error).not.toMatch(/[\r\n]/);
          const named = /Input '([a-z-]+)'/.exec(error)?.[1];
          expect(NAMES).toContain(named);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports every bad input, not just the first', () => {
    fc.assert(
      fc.property(
        fc.subarray(['max-iterations', 'max-turns', 'retention-days'] as const),
        (bad) => {
          const raw = {
            'api-key': 'sk-test',
            ...Object.fromEntries(bad.map((name) => [name, 'lots'])),
          } as RawInputs;
          const result = parseConfig(raw, { baseDir, env: {} });
          const errors = result.ok ? [] : result.error;
          expect(errors.length > 0).toBe(bad.length > 0);
          for (const name of bad) expect(errors.join('\n')).toContain(`'${name}'`);
        },
      ),
    );
  });

  it('a task-file that escapes the working directory is refused, not read', () => {
    for (const name of ['../../etc/passwd', '/etc/passwd', path.join('..', '..', 'x')]) {
      const result = parseConfig({ 'task-file': name }, { baseDir, env: {} });
      expect(result.ok).toBe(false);
    }
  });

  // Repository content decides what `task-file` points at (a pull request can commit a
  // symlink): the parser must not block on a device or a FIFO. Run through the CLI in a
  // child process, so a hang fails this test instead of freezing the worker.
  it.each([
    [
      'a symlink to /dev/zero',
      (dir: string) => fs.symlinkSync('/dev/zero', path.join(dir, 'TASK.md')),
    ],
  ])(
    'a task-file that is %s fails fast instead of hanging',
    (_what, make) => {
      const repo = createRepo({ 'package.json': '{"scripts":{"test":"true"}}' });
      try {
        make(repo.dir);
        repo.commitAll('task link');
        const started = Date.now();
        const run = spawnSync(
          process.execPath,
          [cli, 'run', '--task-file', 'TASK.md', '--test-command', 'true', '--max-turns', '1'],
          {
            cwd: repo.dir,
            encoding: 'utf8',
            timeout: 5000, // reading /dev/zero grows by ~200 MB a second: keep it short
            env: { PATH: process.env.PATH ?? '', HOME: repo.dir },
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        expect(run.signal, 'the CLI hung reading the task file').toBeNull();
        expect(Date.now() - started).toBeLessThan(5000);
        expect(run.stderr).toMatch(/task-file/);
      } finally {
        repo.remove();
      }
    },
    15_000,
  );
});
