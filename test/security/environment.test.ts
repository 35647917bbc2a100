/**
 * One environment for every run of the repository's code: the setup command, the baseline, the
 * flaky reruns and every later test run all run in the same sandbox with the same scrubbed
 * environment (issue 15 point 4, issue 18 "One environment for every test run").
 *
 * - Committed repository code (a test, a setup script) reads other processes' environments and
 *   writes outside the workspace: nothing of it gets out, from the setup, the baseline or a rerun.
 * - A real Python virtualenv under /tmp (packages in its lib/, found through its pyvenv.cfg): the
 *   baseline and the run after the fix see the same packages, so the fix is kept.
 * - A baseline that fails because the sandbox hides a file it needs stops before any model call
 *   with status `error` and one line naming the hidden path.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bwrapUnavailable, patch, runHostile } from './harness.js';

const skipBwrap = await bwrapUnavailable();
if (skipBwrap) console.warn(`environment suite skipped: ${skipBwrap}`);

/** A secret under an innocent name: no redaction rule knows it, only isolation keeps it in. */
const INNOCENT_CANARY = 'canary-innocent-database-url-K5p9Wq2Xz7Lm';
/** Outside /tmp (which the sandbox replaces), so a write there reaches the host unless refused. */
const OUTSIDE = fs.existsSync('/var/tmp') ? '/var/tmp' : os.homedir();

let decoy: ChildProcess;
beforeAll(() => {
  decoy = spawn('sleep', ['300'], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: `postgres://u:${INNOCENT_CANARY}@db/x` },
    stdio: 'ignore',
  });
});
afterAll(() => {
  decoy.kill('SIGKILL');
});

const python = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(skipBwrap !== undefined)('repository code runs sandboxed', () => {
  it('setup, baseline and flaky reruns: no other process environment read, no write outside', async () => {
    const marker = fs.mkdtempSync(path.join(OUTSIDE, 'gl-escape-'));
    const escaped = path.join(marker, 'written');
    // Committed by a hostile pull request: dumps every environment it can read and writes outside.
    const leak = [
      "import fs from 'node:fs';",
      "import { test } from 'node:test';",
      "test('reads what it should not', () => {",
      `  try { fs.appendFileSync(${JSON.stringify(escaped)}, 'test\\n'); } catch {}`,
      "  for (const pid of fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p))) {",
      "    try { console.log(pid, fs.readFileSync(`/proc/${pid}/environ`, 'utf8')); } catch {}",
      '  }',
      "  throw new Error('dumped');",
      '});',
      '',
    ].join('\n');
    const setup =
      `echo setup >> ${escaped}; ` +
      "for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < $f; done > setup-saw.txt 2>/dev/null; " +
      'echo cached > ~/.npm/gl-setup-cache; true';
    const run = await runHostile({
      sandbox: 'bwrap',
      files: { 'test/leak.test.js': leak },
      inputs: { 'setup-command': setup, 'flaky-reruns': '2' },
      prepare: (_repo, home) => fs.mkdirSync(path.join(home, '.npm')),
      script: [{ text: 'I am done.' }],
    });
    try {
      expect(run.error).toBeUndefined();
      expect(run.leaks([INNOCENT_CANARY])).toEqual([]);
      expect(run.repo.read('setup-saw.txt')).not.toContain(INNOCENT_CANARY);
      expect(fs.existsSync(escaped)).toBe(false);
      // The setup ran, in the sandbox, with the npm cache of the home writable.
      expect(fs.readFileSync(path.join(run.home, '.npm', 'gl-setup-cache'), 'utf8')).toBe(
        'cached\n',
      );
      // The baseline and its reruns ran (and failed) in the sandbox.
      expect(run.logLines.join('\n')).toMatch(/reads what it should not/);
    } finally {
      await run.fake.close();
      run.cleanup();
      fs.rmSync(marker, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!python)(
    'a Python virtualenv under /tmp: the baseline and the run after the fix see the same packages',
    async () => {
      // A real venv; its package is written straight into its site-packages (no index needed).
      const venv = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-venv-'));
      try {
        const made = spawnSync('python3', ['-m', 'venv', '--without-pip', venv], {
          encoding: 'utf8',
        });
        expect(made.status, made.stderr).toBe(0);
        const site = spawnSync(
          path.join(venv, 'bin', 'python'),
          ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'],
          { encoding: 'utf8' },
        ).stdout.trim();
        expect(site.startsWith(venv)).toBe(true);
        fs.mkdirSync(path.join(site, 'glvenvlib'));
        fs.writeFileSync(
          path.join(site, 'glvenvlib', '__init__.py'),
          'def double(x):\n    return 2 * x\n',
        );
        const run = await runHostile({
          sandbox: 'bwrap',
          files: {
            'calc.py':
              'from glvenvlib import double\n\ndef quadruple(x):\n    return double(x) + x\n',
            'test_calc.py':
              'import unittest\nfrom calc import quadruple\n\nclass CalcTest(unittest.TestCase):\n    def test_quadruple(self):\n        self.assertEqual(quadruple(3), 12)\n',
          },
          env: {
            PATH: `${venv}/bin${path.delimiter}${process.env.PATH ?? ''}`,
            VIRTUAL_ENV: venv,
          },
          inputs: { 'test-command': 'python -m unittest -v' },
          script: [
            patch({
              type: 'update_file',
              path: 'calc.py',
              diff: [
                '@@ def quadruple(x):',
                '-    return double(x) + x',
                '+    return double(double(x))',
              ].join('\n'),
            }),
            { toolCalls: [{ name: 'run_tests', arguments: {} }] },
          ],
        });
        try {
          expect(run.error).toBeUndefined();
          const log = run.logLines.join('\n');
          // The baseline saw the venv's package: the failure is the bug, not an import error.
          expect(log).not.toMatch(/ModuleNotFoundError/);
          expect(run.result?.record.status, log).toBe('success');
          expect(run.result?.record.diff).toContain('double(double(x))');
        } finally {
          await run.fake.close();
          run.cleanup();
        }
      } finally {
        fs.rmSync(venv, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('a baseline that fails because the sandbox hides a file stops before any model call, naming it', async () => {
    const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-fixture-'));
    const data = path.join(fixtures, 'data.txt');
    fs.writeFileSync(data, '6\n');
    const test = [
      "import fs from 'node:fs';",
      "import { test } from 'node:test';",
      "import assert from 'node:assert/strict';",
      "test('reads a fixture', () => {",
      `  assert.equal(fs.readFileSync(${JSON.stringify(data)}, 'utf8'), '6\\n');`,
      '});',
      '',
    ].join('\n');
    const run = await runHostile({
      sandbox: 'bwrap',
      files: { 'test/fixture.test.js': test },
      script: [{ text: 'I am done.' }],
    });
    try {
      expect(run.error).toBeUndefined();
      expect(run.result?.record.status).toBe('error');
      expect(run.result?.record.stopReason).toContain(data);
      expect(run.result?.record.stopReason).toContain('sandbox');
      // At most the endpoint check (a GET); no model call.
      expect(run.fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    } finally {
      await run.fake.close();
      run.cleanup();
      fs.rmSync(fixtures, { recursive: true, force: true });
    }
  }, 120_000);

  it('pass-env gives the tests the variables they need; secret-looking ones only through pass-secrets', async () => {
    const run = await runHostile({
      sandbox: 'bwrap',
      env: {
        NODE_ENV: 'test',
        FOO_SETTING: 'foo-value',
        FOO_API_TOKEN: 'canary-glob-matched-token-V3n8Qe1Rt6Yb',
        RUST_BACKTRACE: '1',
      },
      inputs: { 'pass-env': 'NODE_ENV, FOO_*', 'pass-secrets': '' },
      script: [
        {
          toolCalls: [
            {
              name: 'shell',
              arguments: {
                commands: [
                  'echo "saw NODE_ENV=$NODE_ENV FOO_SETTING=$FOO_SETTING RUST=${RUST_BACKTRACE:-unset} TOKEN=${FOO_API_TOKEN:-unset}"',
                ],
              },
            },
          ],
        },
      ],
    });
    try {
      expect(run.error).toBeUndefined();
      expect(run.modelSaw).toContain(
        'saw NODE_ENV=test FOO_SETTING=foo-value RUST=unset TOKEN=unset',
      );
      expect(run.leaks(['canary-glob-matched-token-V3n8Qe1Rt6Yb'])).toEqual([]);
      const log = run.logLines.join('\n');
      expect(log).toContain('FOO_API_TOKEN looks like a secret and is not passed');
      expect(log).toMatch(/also passed to the tests \(pass-env\): .*NODE_ENV/);
      // The job summary and report list it too: a setup warning is not only a log line.
      const summary = fs.readFileSync(path.join(run.outDir, 'summary.md'), 'utf8');
      expect(summary).toContain('FOO\\_API\\_TOKEN looks like a secret and is not passed');
      const report = JSON.parse(fs.readFileSync(path.join(run.outDir, 'report.json'), 'utf8')) as {
        warnings: string[];
      };
      expect(report.warnings.join('\n')).toContain('FOO_API_TOKEN looks like a secret');
    } finally {
      await run.fake.close();
      run.cleanup();
    }
  }, 120_000);
});
