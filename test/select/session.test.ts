/** The select step on a real repository: real git, real `node --test` runs, no sandbox needed. */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCommand } from '../../src/checks/run-tests.js';
import { parseConfig } from '../../src/config/index.js';
import type { AttemptClaim, Candidate } from '../../src/select/rank.js';
import { runSelectSession } from '../../src/select/session.js';
import { scrubEnv } from '../../src/workspace/env.js';
import { createGit } from '../../src/workspace/git.js';
import { createGuard } from '../../src/workspace/guard.js';
import { createProcessRunner } from '../../src/workspace/runner.js';
import { createRepo, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';
import { memoryLog } from '../loop/harness.js';
import { o200k } from '../../src/model/tokens.js';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

function claim(name: string, over: Partial<AttemptClaim> = {}): AttemptClaim {
  return {
    name,
    model: `model-${name}`,
    reasoningEffort: 'high',
    status: 'success',
    failingBefore: 1,
    failingAfter: 0,
    diffLines: 2,
    tokens: 100,
    costUsd: 0.01,
    ...over,
  };
}

/** The diff an attempt would publish: made by editing a copy and asking git. */
function diffOf(repo: TempRepo, edit: (r: TempRepo) => void): string {
  edit(repo);
  const diff = repo.git('diff', '--binary');
  repo.git('checkout', '--', '.');
  return diff;
}

async function select(repo: TempRepo, candidates: Candidate[], command = 'node --test') {
  const parsed = parseConfig(
    { 'test-command': command, sandbox: 'none' },
    { baseDir: repo.dir, env: {} },
  );
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
  const config = parsed.value;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'gl-select-work-'));
  cleanup.push(() => rmSync(workDir, { recursive: true, force: true }));
  const runner = await createProcessRunner({ sandbox: 'none', workspace: repo.dir });
  const tests = createTestCommand({
    runner,
    command,
    cwd: repo.dir,
    env: scrubEnv(process.env),
    timeoutMs: 60_000,
    logDir: workDir,
    digestTokens: 2000,
    counter: o200k,
    reportGlob: '',
  });
  const lines: string[] = [];
  const outcome = await runSelectSession(candidates, {
    config,
    testCommand: command,
    git: createGit(repo.dir),
    guard: createGuard(repo.dir, config.protectedPaths),
    log: memoryLog(lines),
    sandbox: runner.sandbox,
    runTests: (label, runnerHint) => tests.run(label, runnerHint ? { runnerHint } : {}),
    ignoredEntries: async () => {
      const out = repo.git(
        'ls-files',
        '-z',
        '--others',
        '--ignored',
        '--exclude-standard',
        '--directory',
      );
      return out
        .split('\0')
        .filter((p) => p !== '')
        .map((p) => path.join(repo.dir, p.replace(/\/$/, '')));
    },
  });
  return { outcome, lines };
}

describe('runSelectSession', () => {
  it('publishes the attempt whose tests really pass, not the one that only claims it', async () => {
    const repo = createRepo(SUM_PROJECT);
    cleanup.push(() => repo.remove());
    const fix = diffOf(repo, (r) =>
      r.write('src/sum.js', r.read('src/sum.js').replace('let i = 1', 'let i = 0')),
    );
    // Claims success, but breaks the other test (sum of nothing is no longer 0).
    const liar = diffOf(repo, (r) =>
      r.write('src/sum.js', r.read('src/sum.js').replace('return total;', 'return total + 1;')),
    );
    const { outcome } = await select(repo, [
      { claim: claim('liar', { diffLines: 1 }), diff: liar },
      { claim: claim('idle', { status: 'model-gave-up', failingAfter: 1 }), diff: '' },
      { claim: claim('fixer'), diff: fix },
    ]);
    expect(outcome.record.status).toBe('success');
    expect(outcome.selection.winner?.claim.name).toBe('fixer');
    expect(outcome.record.diff).toContain('+  for (let i = 0;');
    expect(outcome.record.final?.exitCode).toBe(0);
    expect(outcome.selection.ranked.find((r) => r.claim.name === 'liar')?.falseClaim).toBe(true);
    // The winner is left in the workspace for publishing.
    expect(repo.read('src/sum.js')).toContain('let i = 0');
  });

  it('ends no-passing-attempt and leaves the workspace as it was when nothing improves', async () => {
    const repo = createRepo(SUM_PROJECT);
    cleanup.push(() => repo.remove());
    const before = repo.read('src/sum.js');
    const broken = diffOf(repo, (r) =>
      r.write('src/sum.js', 'export function sum() { return -1; }\n'),
    );
    const { outcome } = await select(repo, [
      { claim: claim('broken'), diff: broken },
      {
        claim: claim('stale'),
        diff: 'diff --git a/nope.js b/nope.js\n--- a/nope.js\n+++ b/nope.js\n@@ -1 +1 @@\n-a\n+b\n',
      },
    ]);
    expect(outcome.record.status).toBe('no-passing-attempt');
    expect(outcome.record.diff).toBe('');
    expect(repo.read('src/sum.js')).toBe(before);
    const stale = outcome.selection.ranked.find((r) => r.claim.name === 'stale');
    expect(stale?.verification.kind).toBe('not-applied');
  });

  it("no candidate passes on what another candidate's test run left in ignored files", async () => {
    const repo = createRepo({
      ...SUM_PROJECT,
      '.gitignore': 'cache/\nkeep/\n',
      // Passes when an earlier run left cache/warm behind: the state a build cache can carry.
      'test/sum.test.js': SUM_PROJECT['test/sum.test.js']!.replace(
        "test('sum adds every value', () => {\n",
        "test('sum adds every value', () => {\n  if (existsSync('cache/warm')) return;\n",
      ).replace(
        "import { test } from 'node:test';",
        "import { test } from 'node:test';\nimport { existsSync } from 'node:fs';",
      ),
    });
    cleanup.push(() => repo.remove());
    repo.write('keep/installed.txt', 'an ignored file that was there first\n');
    const warmTest = [
      "import { mkdirSync, writeFileSync } from 'node:fs';",
      "import { test } from 'node:test';",
      "mkdirSync('cache', { recursive: true });",
      "writeFileSync('cache/warm', '');",
      "test('warm', () => { throw new Error('not a fix'); });",
    ];
    const warmer = [
      'diff --git a/test/warm.test.js b/test/warm.test.js',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/test/warm.test.js',
      `@@ -0,0 +1,${warmTest.length} @@`,
      ...warmTest.map((line) => `+${line}`),
      '',
    ].join('\n');
    const idle = diffOf(repo, (r) => r.write('package.json', `${r.read('package.json')}\n`));
    const { outcome } = await select(repo, [
      { claim: claim('warmer', { diffLines: 1 }), diff: warmer },
      { claim: claim('idle', { diffLines: 2 }), diff: idle },
    ]);
    const by = Object.fromEntries(outcome.selection.ranked.map((r) => [r.claim.name, r]));
    expect(by.warmer?.verification).toMatchObject({ kind: 'verified', passed: false });
    expect(by.idle?.verification).toMatchObject({ kind: 'verified', passed: false, failing: 1 });
    expect(outcome.selection.winner).toBeUndefined();
    expect(repo.read('keep/installed.txt')).toBe('an ignored file that was there first\n');
  });

  it('an attempt that deletes a test file is not chosen, also when the log names no test', async () => {
    // `node test.js`: a plain script, its log names no test (the loop's rule, verdict.test.ts).
    const repo = createRepo({
      'sum.js': 'exports.sum = (a, b) => a - b;\n',
      'test.js': "require('node:assert').equal(require('./sum.js').sum(1, 1), 2);\n",
    });
    cleanup.push(() => repo.remove());
    const deleter = diffOf(repo, (r) => rmSync(path.join(r.dir, 'test.js')));
    const { outcome } = await select(
      repo,
      [{ claim: claim('deleter'), diff: deleter }],
      'node test.js',
    );
    const ranked = outcome.selection.ranked[0];
    expect(ranked?.verification).toMatchObject({ kind: 'verified' });
    expect(JSON.stringify(ranked?.verification)).toContain('deleted test files: test.js');
    expect(outcome.record.status).toBe('no-passing-attempt');
  });

  it('rejects a diff touching a protected path without running it', async () => {
    const repo = createRepo({ ...SUM_PROJECT, '.github/workflows/ci.yml': 'on: push\n' });
    cleanup.push(() => repo.remove());
    const sneaky = diffOf(repo, (r) => {
      r.write('src/sum.js', r.read('src/sum.js').replace('let i = 1', 'let i = 0'));
      r.write('.github/workflows/ci.yml', 'on: [push, pull_request_target]\n');
    });
    const { outcome } = await select(repo, [{ claim: claim('sneaky'), diff: sneaky }]);
    expect(outcome.selection.ranked[0]?.verification.kind).toBe('rejected');
    expect(outcome.record.status).toBe('no-passing-attempt');
  });

  it('reads what a diff changes from git, not from its headers: a plain diff or a symlink out is rejected', async () => {
    const repo = createRepo({ ...SUM_PROJECT, '.github/workflows/ci.yml': 'on: push\n' });
    cleanup.push(() => repo.remove());
    // `git apply` takes a traditional unified diff (no `diff --git` line) as well.
    const plain = diffOf(repo, (r) => {
      r.write('src/sum.js', r.read('src/sum.js').replace('let i = 1', 'let i = 0'));
      r.write('.github/workflows/ci.yml', 'on: [push, pull_request_target]\n');
    })
      .split('\n')
      .filter((line) => !/^(diff --git|index) /.test(line))
      .join('\n');
    const fix = diffOf(repo, (r) =>
      r.write('src/sum.js', r.read('src/sum.js').replace('let i = 1', 'let i = 0')),
    );
    const link = [
      'diff --git a/secrets b/secrets',
      'new file mode 120000',
      '--- /dev/null',
      '+++ b/secrets',
      '@@ -0,0 +1 @@',
      '+/etc/passwd',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    const { outcome, lines } = await select(repo, [
      { claim: claim('plain', { diffLines: 1 }), diff: plain },
      { claim: claim('link', { diffLines: 1 }), diff: fix + link },
      { claim: claim('fixer', { diffLines: 9 }), diff: fix },
    ]);
    const by = Object.fromEntries(outcome.selection.ranked.map((r) => [r.claim.name, r]));
    expect(by.plain?.verification).toMatchObject({ kind: 'rejected' });
    expect(by.plain?.verification.kind === 'rejected' && by.plain.verification.reason).toContain(
      '.github/workflows/ci.yml (protected path',
    );
    expect(by.link?.verification.kind === 'rejected' && by.link.verification.reason).toContain(
      'secrets (symlink pointing outside the workspace',
    );
    // Neither ran its tests: the fixer's were the only ones run after the baseline.
    expect(lines.filter((l) => /^(plain|link|fixer): (tests pass|exit)/.test(l))).toEqual([
      'fixer: tests pass',
    ]);
    expect(outcome.selection.winner?.claim.name).toBe('fixer');
    // The size that ranks is what git measured: the fixer's 9 claimed lines are 2.
    expect(by.fixer?.claim.diffLines).toBe(2);
    expect(repo.read('.github/workflows/ci.yml')).toBe('on: push\n');
  });
});
