/**
 * `greenloop run --attempts 3 --jobs 2` as a user runs it (`node dist/cli/index.js`): three
 * attempts with different scripted models in git worktrees, then the verified choice. One fixes
 * the bug, one changes nothing, one "fixes" it by breaking another test (its own loop rolls that
 * back; an attempt that claims success with a breaking diff is covered by test/e2e/attempts.test.ts).
 *
 * Runs the build of the current sources (test/helpers/dist.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeOpenAI, type Reply } from '../fakes/openai-server.js';

import { distFile } from '../helpers/dist.js';
import { ReportSchema } from '../../src/report/schema.js';
import { createRepo, SUM_FIX, SUM_PROJECT } from '../helpers/repo.js';

const CLI = await distFile('cli/index.js');

/** Passes `sum adds every value` but breaks `sum of nothing is 0`. */
const BREAKS_OTHER = [
  '*** Begin Patch',
  '*** Update File: src/sum.js',
  '@@ export function sum(values) {',
  '-  let total = 0;',
  '+  let total = values.length === 0 ? 1 : 0;',
  '-  for (let i = 1; i < values.length; i++) total += values[i];',
  '+  for (let i = 0; i < values.length; i++) total += values[i];',
  '*** End Patch',
].join('\n');

const SCRIPTS: Record<string, readonly Reply[]> = {
  'scripted-fix': [
    { toolCalls: [{ name: 'apply_patch', arguments: { patch: SUM_FIX } }] },
    { text: 'Fixed the off-by-one in sum().' },
  ],
  // Also rewrites an installed dependency in place (same file, not a new one): the attempt's
  // copy of node_modules must not be the user's files, nor the other attempts'.
  'scripted-idle': [
    {
      toolCalls: [
        {
          name: 'shell',
          arguments: {
            commands: ["printf 'export const ZERO = 7;\\n' > node_modules/zero/index.js"],
          },
        },
      ],
    },
    { text: 'I could not find the bug.' },
  ],
  'scripted-breaks': [
    { toolCalls: [{ name: 'apply_patch', arguments: { patch: BREAKS_OTHER } }] },
    { text: 'Fixed sum().' },
  ],
};

function run(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = { CI: 'true', NO_COLOR: '1' };
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(OPENAI_|GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(name))
      env[name] = value;
  }
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('greenloop run --attempts', () => {
  it('runs three attempts two at a time, keeps the verified fix, leaves the working tree as it was', async () => {
    const asked = new Map<string, number>();
    const fake = await startFakeOpenAI((request) => {
      const body = request.body;
      const model =
        typeof body === 'object' && body !== null && 'model' in body ? String(body.model) : '';
      const n = asked.get(model) ?? 0;
      asked.set(model, n + 1);
      const list = SCRIPTS[model] ?? [{ text: `no script for ${model}` }];
      return list[Math.min(n, list.length - 1)]!;
    });
    // The tests need an installed (ignored) dependency, as most projects' tests do.
    const repo = createRepo({
      ...SUM_PROJECT,
      '.gitignore': 'node_modules/\n',
      'test/sum.test.js': SUM_PROJECT['test/sum.test.js']!.replace(
        'assert.equal(sum([]), 0);',
        'assert.equal(sum([]), ZERO);',
      ).replace(
        "import { sum } from '../src/sum.js';",
        "import { sum } from '../src/sum.js';\nimport { ZERO } from 'zero';",
      ),
    });
    repo.write(
      'node_modules/zero/package.json',
      '{"name":"zero","type":"module","main":"index.js"}\n',
    );
    repo.write('node_modules/zero/index.js', 'export const ZERO = 0;\n');
    // Uncommitted work: a staged change, a different unstaged one on top, an untracked file.
    repo.write('README.md', 'staged\n');
    repo.git('add', 'README.md');
    repo.write('README.md', 'staged, then edited\n');
    repo.write('notes.txt', 'untracked\n');
    try {
      const before = repo.read('src/sum.js');
      const status = repo.git('status', '--porcelain');
      const staged = repo.git('diff', '--cached');
      const result = await run([
        'run',
        '--cwd',
        repo.dir,
        '--allow-dirty',
        '--test-command',
        'node --test',
        '--base-url',
        fake.url,
        '--api-key',
        'sk-attempts-canary-0123456789abcdef',
        '--sandbox',
        'none',
        '--flaky-reruns',
        '0',
        '--tool-style',
        'function',
        '--max-turns',
        '6',
        '--timeout-minutes',
        '2',
        '--attempts',
        '3',
        '--jobs',
        '2',
        '--model',
        'scripted-breaks',
        '--model',
        'scripted-idle',
        '--model',
        'scripted-fix',
        '--reasoning-effort',
        'medium',
        '--reasoning-effort',
        'high',
      ]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^status=success$/m);
      // Every attempt asked its own model.
      expect([...asked.keys()].sort()).toEqual([
        'scripted-breaks',
        'scripted-fix',
        'scripted-idle',
      ]);
      // The working tree and the index are as they were, and no worktree is left registered.
      expect(repo.read('src/sum.js')).toBe(before);
      expect(repo.git('status', '--porcelain')).toBe(status);
      expect(repo.git('diff', '--cached')).toBe(staged);
      expect(repo.read('README.md')).toBe('staged, then edited\n');
      expect(repo.read('notes.txt')).toBe('untracked\n');
      expect(repo.read('node_modules/zero/index.js')).toBe('export const ZERO = 0;\n');
      expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
      const outRoot = path.join(repo.dir, '.greenloop');
      const [stamp] = readdirSync(outRoot);
      const out = path.join(outRoot, stamp!);
      const diff = readFileSync(path.join(out, 'greenloop.diff'), 'utf8');
      expect(diff).toContain('+  for (let i = 0; i < values.length; i++)');
      expect(diff).not.toContain('values.length === 0 ? 1 : 0');
      const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
      expect(summary).toContain('Attempts (3)');
      // The attempt that broke another test was rolled back by its own loop: nothing to publish.
      expect(summary).toMatch(/\| attempt-1 \| scripted-breaks \|[^\n]*\| no change \|/);
      expect(summary).toMatch(
        /\| attempt-3 \| scripted-fix \|[^\n]*\| tests pass \| \*\*chosen\*\* \|/,
      );
      // Each attempt's report.json records what select ranks by, in the published schema.
      const efforts = { 'attempt-1': 'medium', 'attempt-2': 'high', 'attempt-3': 'medium' };
      for (const [label, effort] of Object.entries(efforts)) {
        const report = ReportSchema.parse(
          JSON.parse(readFileSync(path.join(out, label, 'report.json'), 'utf8')),
        );
        expect(report.config.reasoningEffort).toBe(effort);
        expect(report.tests.baseline?.counts.failed).toBe(1);
        expect(report.totals.tokens).toBeGreaterThan(0);
        if (label === 'attempt-3') {
          expect(report).toMatchObject({ model: 'scripted-fix', status: 'success' });
          expect(report.tests.final?.counts.failed).toBe(0);
          expect(report.diff).toMatchObject({ files: 1, added: 1, removed: 1 });
        }
      }
      expect(summary).toMatch(/\| attempt-2 \| scripted-idle \| high \|/);
      // The run's totals are the sums over the attempts, and every figure says the same.
      const reports = ['attempt-1', 'attempt-2', 'attempt-3'].map((label) =>
        ReportSchema.parse(JSON.parse(readFileSync(path.join(out, label, 'report.json'), 'utf8'))),
      );
      const total = ReportSchema.parse(
        JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')),
      ).totals;
      const keys = [
        'iterations',
        'turns',
        'inputTokens',
        'cachedInputTokens',
        'outputTokens',
        'reasoningTokens',
        'tokens',
        'compactions',
      ] as const;
      for (const key of keys) {
        expect(total[key], key).toBe(reports.reduce((sum, r) => sum + r.totals[key], 0));
      }
      expect(total.turns).toBeGreaterThan(0);
      expect(total.tokens).toBe(total.inputTokens + total.outputTokens);
      expect(result.stdout).toContain(`iterations: ${total.iterations}, turns: ${total.turns},`);
      expect(summary).toContain(`**${total.iterations}** iterations · **${total.turns}** turns`);
      expect(summary).not.toContain('No iteration ran');
      // The winner's own words, not the selection's reason.
      expect(summary).toMatch(/### Model's explanation\n\n> Fixed the off-by-one in sum\\\(\\\)\./);
    } finally {
      await fake.close();
      repo.remove();
    }
  }, 240_000);

  it('refuses --attempts that is not a whole number in one line, before anything runs', async () => {
    const repo = createRepo(SUM_PROJECT);
    try {
      const result = await run(['run', '--cwd', repo.dir, '--attempts', 'three']);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        "greenloop: --attempts must be a whole number from 1 to 16, got 'three'",
      );
    } finally {
      repo.remove();
    }
  });

  it('on a tree whose tests already pass: one baseline, already-green with its reason, no attempt started', async () => {
    const fake = await startFakeOpenAI([]);
    const repo = createRepo(SUM_PROJECT);
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'gl-cli-green-'));
    const count = path.join(tmp, 'runs');
    try {
      const result = await run([
        'run',
        '--cwd',
        repo.dir,
        '--test-command',
        `echo run >> ${count}`,
        '--base-url',
        fake.url,
        '--api-key',
        'sk-test',
        '--sandbox',
        'none',
        '--attempts',
        '3',
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /^status=already-green: the tests already pass and there is no task, so nothing ran/,
      );
      expect(readFileSync(count, 'utf8')).toBe('run\n');
      expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
      expect(result.stderr).not.toMatch(/^attempt-\d: |\[attempt-\d\]/m);
      expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
    } finally {
      await fake.close();
      repo.remove();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
