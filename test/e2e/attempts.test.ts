/**
 * Several attempts in one simulated workflow run (issue 23): attempt jobs of a matrix upload their
 * results, then a `mode: select` job verifies every attempt's diff by running the tests and opens
 * a pull request with the real fix. `node dist/index.js` with a runner's environment, the fake
 * artifact service for uploads and the fake GitHub API for the run's artifact list and downloads.
 *
 * Runs the build of the current sources (test/helpers/dist.ts).
 */
import AdmZip from 'adm-zip';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../fakes/openai-server.js';
import { SUM_PROJECT } from '../helpers/repo.js';
import { createWorld, fixingScript } from './world.js';

const RUN_ID = 4242;

/** Fixes `sum` for non-empty lists but breaks `sum of nothing is 0` (native apply_patch, V4A). */
const LIAR_V4A = [
  '@@ export function sum(values) {',
  '-  let total = 0;',
  '+  let total = values.length === 0 ? 1 : 0;',
  '-  for (let i = 1; i < values.length; i++) total += values[i];',
  '+  for (let i = 0; i < values.length; i++) total += values[i];',
  '   return total;',
].join('\n');

function artifactZip(
  report: object | string,
  diff: string,
  more: Record<string, Buffer> = {},
): Buffer {
  const zip = new AdmZip();
  zip.addFile(
    'report.json',
    Buffer.from(typeof report === 'string' ? report : JSON.stringify(report)),
  );
  if (diff !== '') zip.addFile('greenloop.diff', Buffer.from(diff));
  for (const [name, bytes] of Object.entries(more)) zip.addFile(name, bytes);
  return zip.toBuffer();
}

/** The fix of SUM_PROJECT's `sum` as a git diff. */
const FIX_DIFF = [
  'diff --git a/src/sum.js b/src/sum.js',
  '--- a/src/sum.js',
  '+++ b/src/sum.js',
  '@@ -1,5 +1,5 @@',
  ' export function sum(values) {',
  '   let total = 0;',
  '-  for (let i = 1; i < values.length; i++) total += values[i];',
  '+  for (let i = 0; i < values.length; i++) total += values[i];',
  '   return total;',
  ' }',
  '',
].join('\n');

/** A zip whose entry names climb out of the folder it is unpacked into (adm-zip cleans names). */
function traversalZip(): Buffer {
  const zip = artifactZip(claimedReport('climber', 0, 1), FIX_DIFF, {
    'XXXXXXXXXXXXXXXXXXX.txt': Buffer.from('planted'),
  });
  return Buffer.from(
    zip.toString('latin1').replaceAll('XXXXXXXXXXXXXXXXXXX.txt', '../../../../escaped.txt'),
    'latin1',
  );
}

function claimedReport(model: string, failingAfter: number, added: number): object {
  return {
    tool: 'greenloop',
    schemaVersion: 1,
    status: 'success',
    model,
    config: { reasoningEffort: 'high' },
    tests: { baseline: { counts: { failed: 1 } }, final: { counts: { failed: failingAfter } } },
    totals: { tokens: 900, costUsd: 0.01 },
    diff: { added, removed: added },
  };
}

describe('action end to end: several attempts, one select step', () => {
  it('publishes the verified fix as a pull request, lists every attempt, ignores other runs', async () => {
    type Phase = 'fix' | 'idle' | 'liar';
    let phase: Phase = 'fix';
    let phaseStart = 0;
    const scripts: Record<Phase, Reply[]> = {
      fix: fixingScript(),
      idle: [{ text: 'I could not find the bug.' }],
      liar: [
        {
          toolCalls: [
            {
              name: 'apply_patch',
              arguments: { operation: { type: 'update_file', path: 'src/sum.js', diff: LIAR_V4A } },
            },
          ],
        },
        { text: 'Fixed sum().' },
      ],
    };
    const script = (_request: unknown, index: number): Reply => {
      const list = scripts[phase];
      return list[Math.min(index - phaseStart, list.length - 1)]!;
    };
    const w = await createWorld(script, SUM_PROJECT);
    try {
      // Three attempt jobs of a matrix, all in workflow run 4242, each uploading to the artifact
      // service. The third runs only the test it fixes (a job set up differently, as happens):
      // its own loop sees success, and its report claims it, with a diff that breaks another test.
      for (const [matrix, which, testCommand] of [
        ['{"model":"gpt-5.1-codex-max","effort":"high"}', 'fix', 'node --test'],
        ['{"model":"gpt-5.1-codex-mini","effort":"high"}', 'idle', 'node --test'],
        [
          '{"model":"gpt-5.1-codex-max","effort":"low"}',
          'liar',
          "node --test --test-name-pattern='adds every'",
        ],
      ] as const) {
        phase = which;
        phaseStart = w.model.requests.length;
        w.repo.git('checkout', '-q', '--', '.');
        const { model, effort } = JSON.parse(matrix) as { model: string; effort: string };
        const run = await w.run({
          // As docs/examples/attempts-matrix.yml passes them; a name set by the user: each
          // matrix entry's artifact still has its own (issue 23).
          inputs: {
            output: 'artifact',
            matrix,
            model,
            'reasoning-effort': effort,
            'artifact-name': 'fix',
            'test-command': testCommand,
          },
          env: { GITHUB_JOB: 'attempt' },
        });
        expect(run.code, run.stdout).toBe(0);
        expect(run.outputs.status, run.stdout).toBe(which === 'idle' ? 'model-gave-up' : 'success');
      }
      w.repo.git('checkout', '-q', '--', '.');
      w.repo.git('clean', '-fdq');
      let id = 1000;
      for (const uploaded of w.artifacts.live()) {
        w.github.artifacts.push({
          id: id++,
          name: uploaded.name,
          runId: RUN_ID,
          createdAt: '2026-11-30T10:00:00Z',
          expired: false,
          zip: uploaded.bytes,
        });
      }
      // Same name as the fixing attempt, from another workflow run: never a candidate.
      w.github.artifacts.push({
        id: id++,
        name: 'fix-gpt-5.1-codex-max-high',
        runId: 999,
        createdAt: '2026-11-30T11:00:00Z',
        expired: false,
        zip: artifactZip(
          claimedReport('other-run', 0, 1),
          'diff --git a/evil.txt b/evil.txt\nnew file mode 100644\n--- /dev/null\n+++ b/evil.txt\n@@ -0,0 +1 @@\n+planted\n',
        ),
      });
      const before = w.model.requests.length;
      const select = await w.run({
        inputs: { mode: 'select', output: 'pull-request', 'artifact-name': 'fix' },
        env: { GITHUB_JOB: 'select' },
      });
      expect(select.code, select.stdout).toBe(0);
      expect(select.outputs.status, select.stdout).toBe('success');
      // The select step calls no model.
      expect(w.model.requests.length).toBe(before);
      expect(w.github.pulls).toHaveLength(1);
      const branch = w.github.pulls[0]!.head;
      const pushed = w.remoteGit('show', `${branch}:src/sum.js`);
      expect(pushed).toContain('for (let i = 0; i < values.length; i++)');
      expect(pushed).not.toContain('values.length === 0 ? 1 : 0');
      expect(w.remoteGit('ls-tree', '--name-only', branch)).not.toContain('evil.txt');
      // Every attempt of this run is listed with what the tests said.
      expect(select.summary).toContain('Attempts (3)');
      // Model, effort, claimed status and failing after, diff lines, tokens, cost, verified result.
      expect(select.summary).toMatch(
        /\| fix-gpt-5\.1-codex-max-low \| gpt-5\.1-codex-max \| low \| success \| 0 \| 4 \| \d+ \| \$0\.\d{4} \| 1 failing \| claimed success, tests fail \|/,
      );
      expect(select.summary).toMatch(
        /\| fix-gpt-5\.1-codex-max-high \| gpt-5\.1-codex-max \| high \| success \| 0 \| 2 \|.*\| tests pass \| \*\*chosen\*\* \|/,
      );
      expect(select.summary).toMatch(
        /\| fix-gpt-5\.1-codex-mini-high \| gpt-5\.1-codex-mini \| high \| model-gave-up \|.*\| no change \|/,
      );
      expect(select.summary).toContain(
        'fix-gpt-5.1-codex-max-high is the only attempt whose tests pass.',
      );
      expect(select.summary).toContain('claimed success, tests fail');
      expect(select.summary).toContain('**chosen**');
      expect(select.summary).not.toContain('other-run');
      const downloads = w.github.requests.filter((r) => r.path.endsWith('/zip')).map((r) => r.path);
      expect(downloads.some((p) => p.includes(`/artifacts/${id - 1}/`))).toBe(false);
    } finally {
      await w.close();
    }
  }, 300_000);

  it('hostile artifacts of the run do not hurt the select step: the real fix is still published', async () => {
    const w = await createWorld([{ text: 'unused' }], {
      ...SUM_PROJECT,
      '.github/workflows/ci.yml': 'on: push\n',
    });
    try {
      const hostile: Record<string, Buffer> = {
        // Claims success with a fix; a deflate bomb beside it (64 MB of zeros, ~64 KB zipped).
        bomb: artifactZip(claimedReport('bomb', 0, 1), FIX_DIFF, {
          'report.json.bak': Buffer.alloc(64 * 1024 * 1024),
        }),
        bombreport: artifactZip(Buffer.alloc(64 * 1024 * 1024).toString(), FIX_DIFF),
        climber: traversalZip(),
        types: artifactZip(
          JSON.stringify({
            ...claimedReport('x', 0, 1),
            model: `evil | <img src=x> ${'m'.repeat(200_000)}`,
            status: { nested: true },
          }),
          FIX_DIFF,
        ),
        huge: artifactZip(
          claimedReport('huge', 0, 1),
          `${FIX_DIFF}${'+'.repeat(21 * 1024 * 1024)}\n`,
        ),
        workflow: artifactZip(
          claimedReport('workflow', 0, 1),
          FIX_DIFF +
            '--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n@@ -1 +1 @@\n-on: push\n+on: pull_request_target\n',
        ),
        hook: artifactZip(
          claimedReport('hook', 0, 1),
          'diff --git a/.git/hooks/pre-commit b/.git/hooks/pre-commit\nnew file mode 100755\n--- /dev/null\n+++ b/.git/hooks/pre-commit\n@@ -0,0 +1 @@\n+touch /tmp/pwned\n',
        ),
        link: artifactZip(
          claimedReport('link', 0, 1),
          FIX_DIFF +
            'diff --git a/secrets b/secrets\nnew file mode 120000\n--- /dev/null\n+++ b/secrets\n@@ -0,0 +1 @@\n+/etc/passwd\n\\ No newline at end of file\n',
        ),
        // The honest fix, larger than every hostile one claims.
        zfix: artifactZip(claimedReport('honest', 0, 40), FIX_DIFF),
      };
      let id = 2000;
      for (const [name, zip] of Object.entries(hostile)) {
        w.github.artifacts.push({
          id: id++,
          name: `greenloop-attempt-${name}-attempt1`,
          runId: RUN_ID,
          createdAt: '2026-11-30T10:00:00Z',
          expired: false,
          zip,
        });
      }
      const select = await w.run({
        inputs: { mode: 'select', output: 'pull-request', 'max-iterations': '3' },
        env: { GITHUB_JOB: 'select' },
      });
      expect(select.code, select.stdout).toBe(0);
      expect(select.outputs.status, select.stdout).toBe('success');
      const branch = w.github.pulls[0]!.head;
      expect(w.remoteGit('show', `${branch}:src/sum.js`)).toContain('for (let i = 0;');
      const published = w.remoteGit('ls-tree', '-r', '--name-only', branch).split('\n');
      expect(published).not.toContain('secrets');
      expect(w.remoteGit('show', `${branch}:.github/workflows/ci.yml`)).toBe('on: push\n');
      // Each hostile artifact is skipped or rejected, with why.
      expect(select.stdout).toMatch(
        /Skipped greenloop-attempt-bombreport-attempt1: report\.json: too large/,
      );
      expect(select.stdout).toMatch(
        /Skipped greenloop-attempt-huge-attempt1: greenloop\.diff: too large/,
      );
      expect(select.stdout).toMatch(
        /Skipped greenloop-attempt-types-attempt1: report\.json has no status or model/,
      );
      // The bomb and the climber carry the fix: only their report and diff were read.
      expect(select.summary).toContain('Attempts (6)');
      expect(select.summary).toMatch(/greenloop-attempt-climber-attempt1 .*tests pass/);
      expect(select.summary).toMatch(
        /greenloop-attempt-workflow-attempt1 .*rejected: .*\.github\/workflows\/ci\.yml/,
      );
      expect(select.summary).toMatch(
        /greenloop-attempt-link-attempt1 .*rejected: .*secrets \\\\?\(symlink pointing outside/,
      );
      expect(select.summary).toMatch(/greenloop-attempt-hook-attempt1 .*diff did not apply/);
      expect(select.summary.length).toBeLessThan(64 * 1024);
      expect(select.summary).not.toContain('<img');
      // Nothing of an artifact was unpacked anywhere: no escaped file, no bomb on disk.
      const runner = path.dirname(select.runnerTemp);
      for (const dir of [runner, path.dirname(runner), path.dirname(w.repo.dir)]) {
        expect(existsSync(path.join(dir, 'escaped.txt')), dir).toBe(false);
      }
      expect(readdirSync(w.repo.dir)).not.toContain('escaped.txt');
      expect(existsSync('/tmp/pwned')).toBe(false);
    } finally {
      await w.close();
    }
  }, 300_000);
});
