/**
 * End to end: `node dist/index.js` with runner-style environment, the fake
 * model, fake artifact service, fake GitHub API and a bare `origin`, for every
 * `output` kind, a successful run and a budget-stopped run. Every run's model
 * message and test output carry hostile text (HTML, workflow commands, table
 * breaks, a fake badge) that must come out escaped.
 *
 * Runs the build of the current sources (test/helpers/dist.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../fakes/openai-server.js';
import type { ActionRun } from '../helpers/action-env.js';
import { SUM_PROJECT } from '../helpers/repo.js';
import {
  API_KEY_CANARY,
  createWorld,
  fixingScript,
  GITHUB_TOKEN,
  limiter,
  MAX_FILES,
  type World,
} from './world.js';

const BADGE = '![success](https://img.shields.io/badge/build-passing-green)';
const HOSTILE = `<script>alert(1)</script> ::add-mask::secret | a | b | ${BADGE}`;

/** SUM_PROJECT whose failing test carries hostile text in its name, message and output. */
const HOSTILE_PROJECT: Record<string, string> = {
  ...SUM_PROJECT,
  'test/sum.test.js': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { sum } from '../src/sum.js';",
    `const HOSTILE = ${JSON.stringify(HOSTILE)};`,
    '',
    "test('sum adds every value ' + HOSTILE, () => {",
    "  console.log('::add-mask::secret');",
    '  console.log(HOSTILE);',
    "  assert.equal(sum([1, 2, 3]), 6, HOSTILE + '\\n::add-mask::secret\\n| a | b |\\n|---|---|');",
    '});',
    '',
    "test('sum of nothing is 0', () => {",
    '  assert.equal(sum([]), 0);',
    '});',
    '',
  ].join('\n'),
};

const HOSTILE_EXPLANATION = [
  'Fixed the off-by-one in sum().',
  '<script>alert(1)</script>',
  '::add-mask::secret',
  '| a | b |',
  '|---|---|',
  BADGE,
  // A model that echoes the credentials it must never have seen: redacted everywhere.
  `key ${API_KEY_CANARY} token ${GITHUB_TOKEN}`,
].join('\n');

/**
 * The model plans with a hostile step, runs a hostile multi-line command (both are logged), then
 * fixes `sum` and explains itself with hostile text.
 */
const HOSTILE_SCRIPT: Reply[] = [
  {
    toolCalls: [
      {
        name: 'update_plan',
        arguments: {
          plan: [
            { step: 'Fix sum\n::add-mask::secret', status: 'in_progress' },
            { step: `Check ${HOSTILE}`, status: 'pending' },
          ],
        },
      },
    ],
  },
  {
    toolCalls: [
      { name: 'shell', arguments: { commands: ['echo ok\n::set-output name=status::pwned'] } },
    ],
  },
  ...fixingScript(HOSTILE_EXPLANATION),
];

const REPORT_FILE_NAMES = [
  'greenloop.diff',
  'report.json',
  'summary.md',
  'test-after.log',
  'test-before.log',
  'transcript.jsonl',
];

type OutputKind = 'artifact' | 'commit' | 'pull-request' | 'none';
type Outcome = 'success' | 'budget';

interface Expected {
  readonly status: string;
  readonly failingBefore: string;
  readonly failingAfter: string;
}

const OUTCOMES: Record<Outcome, Expected> = {
  success: { status: 'success', failingBefore: '1', failingAfter: '0' },
  // Two bugs, one fixed, one rerun allowed: a budget stop that still publishes a partial fix.
  budget: { status: 'budget-iterations', failingBefore: '2', failingAfter: '1' },
};

const SUM_FIXED_LINE = '  for (let i = 0; i < values.length; i++) total += values[i];';

/** Two action runs at a time (2 cores); each test owns its world. */
const slot = limiter(2);

async function withWorld<T>(
  script: Parameters<typeof createWorld>[0],
  files: Record<string, string>,
  body: (w: World) => Promise<T>,
): Promise<T> {
  return slot(async () => {
    const w = await createWorld(script, files);
    try {
      return await body(w);
    } finally {
      await w.close();
    }
  });
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Hostile text is present (escaped) in the summary but inert. */
function expectEscapedSummary(summary: string): void {
  expect(summary).not.toContain(API_KEY_CANARY);
  expect(summary).not.toContain(GITHUB_TOKEN);
  expect(summary).not.toContain('<script>');
  expect(summary).not.toContain('</script>');
  expect(summary).not.toMatch(/!\[[^\]]*\]\(/);
  expect(summary).not.toMatch(/^\s*::/m);
  expect(summary).not.toMatch(/^\s*\|\s*a\s*\|\s*b\s*\|/m);
  expect(summary).not.toMatch(/^\s*\|---\|---\|/m);
  // ...and it did reach the summary, escaped.
  expect(summary).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
  expect(summary).toContain('\\!\\[success\\]');
}

/** The runner's stdout: no workflow command from the model or the tests, no bare secret. */
function expectSafeStdout(run: ActionRun): void {
  const all = lines(run.stdout);
  expect(all.filter((line) => /^\s*::add-mask::secret/.test(line))).toEqual([]);
  expect(all.filter((line) => /^\s*::(set-output|stop-commands)/.test(line))).toEqual([]);
  // The plan and the command were logged, defused (a zero-width space between the colons).
  expect(all).toContain(':\u200b:add-mask::secret');
  expect(all.some((line) => line.startsWith(':\u200b:set-output name=status::pwned'))).toBe(true);
  const leaks = all.filter(
    (line) =>
      (line.includes(API_KEY_CANARY) || line.includes(GITHUB_TOKEN)) &&
      !line.startsWith('::add-mask::'),
  );
  expect(leaks).toEqual([]);
  expect(run.stderr).not.toContain(API_KEY_CANARY);
}

function expectOutputs(run: ActionRun, expected: Expected, kind: OutputKind): void {
  const o = run.outputs;
  expect(Object.keys(o).sort()).toEqual(
    [
      'artifact-id',
      'branch',
      'commit-sha',
      'cost-usd',
      'diff-path',
      'failing-after',
      'failing-before',
      'iterations',
      'pr-url',
      'report-path',
      'status',
      'summary-path',
      'tokens',
    ].sort(),
  );
  expect(o.status).toBe(expected.status);
  expect(o.iterations).toBe('1');
  expect(Number(o.tokens)).toBeGreaterThan(0);
  expect(Number(o['cost-usd'])).toBeGreaterThan(0);
  expect(o['failing-before']).toBe(expected.failingBefore);
  expect(o['failing-after']).toBe(expected.failingAfter);
  const pushes = kind === 'commit' || kind === 'pull-request';
  if (pushes) {
    expect(o.branch).toBe('greenloop/4242');
    expect(o['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
  } else {
    expect(o.branch).toBe('');
    expect(o['commit-sha']).toBe('');
  }
  if (kind === 'pull-request') expect(o['pr-url']).toBe('https://github.example/octo/demo/pull/1');
  else expect(o['pr-url']).toBe('');
  if (kind === 'artifact') expect(o['artifact-id']).toMatch(/^\d+$/);
  else expect(o['artifact-id']).toBe('');
}

/** The report files the outputs point at, all in one folder under RUNNER_TEMP. */
function expectReportFiles(run: ActionRun, expected: Expected): string {
  const diffPath = run.outputs['diff-path']!;
  const dir = path.dirname(diffPath);
  expect(path.resolve(dir).startsWith(path.resolve(run.runnerTemp))).toBe(true);
  expect(path.basename(diffPath)).toBe('greenloop.diff');
  expect(run.outputs['summary-path']).toBe(path.join(dir, 'summary.md'));
  expect(run.outputs['report-path']).toBe(path.join(dir, 'report.json'));
  const present = readdirSync(dir).filter((name) => REPORT_FILE_NAMES.includes(name));
  expect(present.sort()).toEqual(REPORT_FILE_NAMES);

  expect(readFileSync(diffPath, 'utf8')).toContain(`+${SUM_FIXED_LINE}`);
  const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(report.status).toBe(expected.status);
  expect(readFileSync(path.join(dir, 'test-before.log'), 'utf8')).toContain('sum adds every value');
  const transcript = readFileSync(path.join(dir, 'transcript.jsonl'), 'utf8');
  for (const line of lines(transcript).filter((l) => l !== '')) {
    expect(() => JSON.parse(line) as unknown).not.toThrow();
  }
  for (const name of REPORT_FILE_NAMES) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    expect(text, name).not.toContain(API_KEY_CANARY);
    expect(text, name).not.toContain(GITHUB_TOKEN);
  }
  // The job summary is summary.md as written, then where the result went.
  const summaryFile = readFileSync(path.join(dir, 'summary.md'), 'utf8');
  expect(run.summary.startsWith(summaryFile.trimEnd()), run.summary).toBe(true);
  return dir;
}

function expectPublished(w: World, run: ActionRun, kind: OutputKind, mainBefore: string): void {
  const dir = path.dirname(run.outputs['diff-path']!);
  const summaryFile = readFileSync(path.join(dir, 'summary.md'), 'utf8');
  // main is never touched.
  expect(w.remoteGit('rev-parse', 'refs/heads/main').trim()).toBe(mainBefore);

  // The checkpoint is uploaded after every iteration (replaced each time) whenever something is published.
  const live = w.artifacts.live().map((a) => a.name);
  if (kind === 'artifact') {
    expect(live).toEqual(['greenloop-checkpoint-fix', 'greenloop-fix-attempt1']);
    const result = w.artifacts.live().find((a) => a.name === 'greenloop-fix-attempt1')!;
    expect(String(result.id)).toBe(run.outputs['artifact-id']);
    const entries = w.artifacts.entries('greenloop-fix-attempt1');
    for (const name of REPORT_FILE_NAMES) expect([...entries.keys()]).toContain(name);
    expect(entries.get('summary.md')).toBe(summaryFile);
    expect(entries.get('greenloop.diff')).toBe(readFileSync(run.outputs['diff-path']!, 'utf8'));
    for (const [name, text] of entries) expect(text, name).not.toContain(API_KEY_CANARY);
  } else if (kind === 'none') {
    expect(w.artifacts.artifacts).toEqual([]);
    expect(w.artifacts.requests).toEqual([]);
  } else {
    expect(live).toEqual(['greenloop-checkpoint-fix']);
  }
  if (kind !== 'none') {
    const checkpoint = w.artifacts
      .entries('greenloop-checkpoint-fix')
      .get('checkpoint/checkpoint.json');
    expect(checkpoint).toContain('"schemaVersion":1');
    expect(checkpoint).not.toContain(API_KEY_CANARY);
  }

  if (kind === 'commit' || kind === 'pull-request') {
    expect(w.remoteBranches()).toEqual(['greenloop/4242', 'main']);
    const sha = w.remoteGit('rev-parse', 'refs/heads/greenloop/4242').trim();
    expect(sha).toBe(run.outputs['commit-sha']);
    expect(w.remoteGit('rev-parse', `${sha}^`).trim()).toBe(mainBefore);
    expect(w.remoteGit('show', `${sha}:src/sum.js`)).toContain(SUM_FIXED_LINE);
    expect(w.remoteGit('diff', '--name-only', mainBefore, sha).trim()).toBe('src/sum.js');
    expect(w.remoteGit('show', `${mainBefore}:src/sum.js`)).not.toContain(SUM_FIXED_LINE);
  } else {
    expect(w.remoteBranches()).toEqual(['main']);
  }

  const creates = w.github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'));
  if (kind === 'pull-request') {
    expect(creates).toHaveLength(1);
    const body = creates[0]!.body as Record<string, unknown>;
    expect(body.head).toBe('greenloop/4242');
    expect(body.base).toBe('main');
    expect(body.body).toBe(summaryFile);
    expect(creates[0]!.authorization).toContain(GITHUB_TOKEN);
    expect(w.github.pulls).toHaveLength(1);
    // The URL GitHub answered with is a working link in the job summary.
    expect(run.summary).toContain(
      `- Pull request: <https://github.example/octo/demo/pull/${w.github.pulls[0]!.number}>`,
    );
  } else {
    expect(w.github.requests).toEqual([]);
  }
}

const MATRIX: [OutputKind, Outcome][] = [];
for (const kind of ['artifact', 'commit', 'pull-request', 'none'] as const) {
  for (const outcome of ['success', 'budget'] as const) MATRIX.push([kind, outcome]);
}

describe.concurrent('action end to end: node dist/index.js', () => {
  it.each(MATRIX)(
    'output %s, %s run: exit 0, every output, job summary and published files',
    async (kind, outcome) => {
      const expected = OUTCOMES[outcome];
      const files = outcome === 'budget' ? { ...HOSTILE_PROJECT, ...MAX_FILES } : HOSTILE_PROJECT;
      await withWorld(HOSTILE_SCRIPT, files, async (w) => {
        const mainBefore = w.remoteGit('rev-parse', 'refs/heads/main').trim();
        const run = await w.run({
          inputs: {
            output: kind,
            'max-iterations': outcome === 'budget' ? '1' : '3',
            // One case goes through the sandbox selection (bwrap where available).
            ...(kind === 'none' && outcome === 'success' ? { sandbox: 'auto' } : {}),
          },
        });
        expect(run.code, run.stdout + run.stderr).toBe(0);

        expectOutputs(run, expected, kind);
        const first = lines(run.summary)[0] ?? '';
        expect(first).toMatch(/^## /);
        expect(first).toContain(`greenloop: ${expected.status}`);
        expectReportFiles(run, expected);
        expectPublished(w, run, kind, mainBefore);
        expectEscapedSummary(run.summary);
        expectSafeStdout(run);

        // The model was reached with the key given as input, and the model did the fixing.
        expect(w.model.requests.length).toBeGreaterThanOrEqual(2);
        expect(w.model.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY_CANARY}`);
        if (outcome === 'budget') {
          expect(run.summary).toContain('max-iterations');
        }
        // Annotations (10 warnings shown per step) are kept for the final status and publish
        // errors; the loop's own warnings (sandbox, rollbacks) stay in the log and the summary.
        const warnings = lines(run.stdout).filter((line) => line.startsWith('::warning'));
        expect(warnings).toEqual(
          outcome === 'budget'
            ? [expect.stringMatching(/^::warning::greenloop stopped: budget-iterations/)]
            : [],
        );
      });
    },
    180_000,
  );
});

describe.concurrent('action end to end: who may trigger a run', () => {
  async function refused(
    sender: { login: string; type: string },
    inputs: Record<string, string>,
    check: (run: ActionRun, w: World) => void,
  ): Promise<void> {
    await withWorld(fixingScript(), SUM_PROJECT, async (w) => {
      w.github.setPermission('reader', 'read');
      const run = await w.run({
        inputs: { output: 'artifact,pull-request', comment: 'true', ...inputs },
        event: {
          name: 'issue_comment',
          payload: {
            action: 'created',
            issue: { number: 7, pull_request: { url: 'https://api.example/pulls/7' } },
            comment: { id: 1, body: '/greenloop', user: sender },
            sender,
            repository: { full_name: 'octo/demo', default_branch: 'main' },
          },
        },
        env: { GITHUB_ACTOR: sender.login },
      });
      check(run, w);
    });
  }

  function expectNothingPublished(run: ActionRun, w: World): void {
    expect(run.summary).toBe('');
    expect(run.outputs).toEqual({});
    expect(w.artifacts.requests).toEqual([]);
    expect(w.remoteBranches()).toEqual(['main']);
    expect(w.model.requests).toEqual([]);
    expect(w.github.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(run.stdout).not.toContain('Baseline');
  }

  it('a commenter with read permission is refused: exit 1, one line saying why', async () => {
    await refused({ login: 'reader', type: 'User' }, {}, (run, w) => {
      expect(run.code).toBe(1);
      const errors = lines(run.stdout).filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/refused/);
      expect(errors[0]).toContain("'reader'");
      expect(errors[0]).toMatch(/read/);
      // The permission really was asked of the API.
      expect(w.github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /repos/octo/demo/collaborators/reader/permission',
      ]);
      expectNothingPublished(run, w);
    });
  }, 120_000);

  it('a bot not in allow-bots is refused the same way', async () => {
    await refused(
      { login: 'helper[bot]', type: 'Bot' },
      { 'allow-bots': 'dependabot[bot]' },
      (run, w) => {
        expect(run.code).toBe(1);
        const errors = lines(run.stdout).filter((line) => line.startsWith('::error::'));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain("'helper[bot]'");
        expect(errors[0]).toContain('allow-bots');
        expect(w.github.requests).toEqual([]);
        expectNothingPublished(run, w);
      },
    );
  }, 120_000);
});
