/**
 * The eval harness (eval/harness.ts, behind `npm run eval`): pure scoring and formatting, and
 * scripted end-to-end runs of the real CLI bundle (the build of the current sources, or GREENLOOP_EVAL_CLI) on
 * cheap `node --test` tasks: the replayed solution is solved with the hidden check passing, and a
 * scripted "fix" that deletes the failing tests is reported as not solved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  TASKS_DIR,
  formatReport,
  loadTasks,
  runEval,
  scriptedReplies,
  attemptKinds,
  summarize,
  unexpectedScripted,
  verdictOf,
  type EvalReport,
  type TaskResult,
} from '../../eval/harness.js';
import { startFakeOpenAI } from '../fakes/openai-server.js';
import { distFile } from '../helpers/dist.js';

const cliPath = path.resolve(process.env.GREENLOOP_EVAL_CLI ?? (await distFile('cli/index.js')));

function result(partial: Partial<TaskResult>): TaskResult {
  return {
    id: 'x',
    run: 1,
    expect: 'solvable',
    status: 'success',
    stopReason: '',
    iterations: 1,
    turns: 3,
    tokens: 100,
    cachedShare: 0,
    costUsd: 0.01,
    wallMs: 1000,
    hiddenCheck: 'pass',
    verdict: 'solved',
    filesChanged: [],
    dropped: [],
    note: '',
    ...partial,
  };
}

describe('loadTasks', () => {
  it.each([
    [[], 12],
    [['01-*'], 1],
    [['01-*,12-*'], 2],
    [['0[1-3]-*'], 3],
    [['nothing-*'], 0],
  ] as const)('globs %j select %i tasks', (globs, count) => {
    expect(loadTasks(TASKS_DIR, globs)).toHaveLength(count);
  });

  it('reads task.json fields and the folder', () => {
    const [task] = loadTasks(TASKS_DIR, ['01-*']);
    expect(task?.id).toBe('01-logic-bug-cart');
    expect(task?.testCommand).toBe('node --test');
    expect(task?.dir).toBe(path.join(TASKS_DIR, '01-logic-bug-cart'));
  });
});

describe('verdictOf', () => {
  it.each([
    ['solvable', 'success', 'pass', 'solved'],
    ['solvable', 'success', 'fail', 'not solved'],
    ['solvable', 'budget-turns', 'pass', 'not solved'],
    ['solvable', 'already-green', 'pass', 'not solved'],
    ['unsolvable', 'budget-iterations', 'pass', 'stopped'],
    ['unsolvable', 'model-gave-up', 'pass', 'stopped'],
    ['unsolvable', 'no-progress', 'fail', 'not stopped'],
    ['unsolvable', 'success', 'pass', 'not stopped'],
    ['unsolvable', 'model-error', 'pass', 'not stopped'],
  ] as const)('%s, %s, hidden %s -> %s', (expectation, status, hidden, verdict) => {
    expect(verdictOf(expectation, status, hidden)).toBe(verdict);
  });
});

describe('summarize and formatReport', () => {
  const results = [
    result({ id: 'a', costUsd: 0.02 }),
    result({ id: 'b', costUsd: 0.04 }),
    result({ id: 'c', verdict: 'not solved', status: 'budget-turns', costUsd: 0.1 }),
    result({ id: 'd', expect: 'unsolvable', verdict: 'stopped', status: 'model-gave-up' }),
    result({ id: 'e', verdict: 'skipped', status: 'skipped', note: 'skipped (no cargo)' }),
  ];

  it('counts solve rate over solvable runs and mean cost over solved runs', () => {
    const totals = summarize(results);
    expect(totals).toMatchObject({
      tasks: 5,
      skipped: 1,
      solvableRuns: 3,
      solved: 2,
      unsolvableRuns: 1,
      stoppedCorrectly: 1,
    });
    expect(totals.solveRate).toBeCloseTo(2 / 3);
    expect(totals.meanCostPerSolvedUsd).toBeCloseTo(0.03);
  });

  it('prints every column, the skip reason and the totals', () => {
    const report: EvalReport = {
      schemaVersion: 1,
      startedAt: '',
      finishedAt: '',
      mode: 'scripted',
      cheat: false,
      model: 'm',
      api: 'responses',
      baseUrl: 'fake',
      repeat: 1,
      attempts: 1,
      results,
      totals: summarize(results),
    };
    const text = formatReport(report);
    expect(text).toContain(
      '| task | status | stop reason | iterations | turns | tokens | cached share | cost | wall time | hidden check | verdict |',
    );
    expect(text).toContain('skipped (no cargo)');
    expect(text).toContain('solve rate: 2/3 (67%), mean cost per solved task: $0.0300');
  });
});

describe('attempts', () => {
  it('every kind of scripted attempt appears once in three, rotated per task', () => {
    for (const task of loadTasks(TASKS_DIR)) {
      expect([...attemptKinds(task, 3)].sort()).toEqual(['cheat', 'idle', 'solve']);
    }
    const starts = new Set(loadTasks(TASKS_DIR).map((t) => attemptKinds(t, 1)[0]));
    expect(starts.size).toBeGreaterThan(1);
  });

  it('reports pass@1 of single attempts beside the verified best-of-N', () => {
    const withAttempts = [
      {
        ...result({ id: 'a', costUsd: 0.3 }),
        attempts: [
          {
            label: 'attempt-1',
            model: 'a',
            status: 'model-gave-up',
            hiddenCheck: 'fail' as const,
            solved: false,
            costUsd: 0.1,
          },
          {
            label: 'attempt-2',
            model: 'b',
            status: 'success',
            hiddenCheck: 'fail' as const,
            solved: false,
            costUsd: 0.1,
          },
          {
            label: 'attempt-3',
            model: 'c',
            status: 'success',
            hiddenCheck: 'pass' as const,
            solved: true,
            costUsd: 0.1,
          },
        ],
      },
    ];
    const totals = summarize(withAttempts);
    expect(totals.passAt1).toEqual({ solved: 1, attempts: 3, meanCostUsd: expect.closeTo(0.1) });
    const text = formatReport({
      schemaVersion: 1,
      startedAt: '',
      finishedAt: '',
      mode: 'scripted',
      cheat: false,
      model: 'm',
      api: 'responses',
      baseUrl: 'fake',
      repeat: 1,
      attempts: 3,
      results: withAttempts,
      totals,
    });
    expect(text).toContain('pass@1 (each attempt alone): 1/3 (33%)');
    expect(text).toContain('best-of-3 (verified select): 1/1 (100%)');
  });
});

describe('scriptedReplies', () => {
  const [task] = loadTasks(TASKS_DIR, ['09-*']);

  it('replays solution.patch through apply_patch, then runs the tests', () => {
    const replies = scriptedReplies(task!, false);
    const names = replies
      .flatMap((r) => ('toolCalls' in r ? (r.toolCalls ?? []) : []))
      .map((c) => c.name);
    expect(names).toEqual(['shell', 'apply_patch', 'run_tests']);
  });

  it('in cheat mode deletes every visible test file', () => {
    const replies = scriptedReplies(task!, true);
    const patchCall = replies
      .flatMap((r) => ('toolCalls' in r ? (r.toolCalls ?? []) : []))
      .find((c) => c.name === 'apply_patch');
    const args = patchCall?.arguments as { patch: string };
    for (const file of task!.visibleTests) expect(args.patch).toContain(`*** Delete File: ${file}`);
  });
});

describe('scripted runs of the real CLI', () => {
  it(
    'solves cheap node --test tasks and the hidden check passes',
    { timeout: 90_000 },
    async () => {
      expect(fs.existsSync(cliPath), `${cliPath} is missing: run npm run build`).toBe(true);
      const report = await runEval({
        mode: 'scripted',
        startFake: (script) => startFakeOpenAI(script),
        tasks: ['01-*', '08-*'],
        jobs: 2,
        cliPath,
      });
      expect(report.results.map((r) => [r.id, r.status, r.hiddenCheck, r.verdict])).toEqual([
        ['01-logic-bug-cart', 'success', 'pass', 'solved'],
        ['08-two-files-kv-codec', 'success', 'pass', 'solved'],
      ]);
      expect(report.results[0]?.filesChanged).toEqual(['src/cart.js']);
      expect(report.results[0]?.turns).toBe(3);
      expect(report.totals.solveRate).toBe(1);
      expect(unexpectedScripted(report)).toEqual([]);
    },
  );

  it(
    'reports a "fix" that deletes the failing test as not solved',
    { timeout: 90_000 },
    async () => {
      expect(fs.existsSync(cliPath), `${cliPath} is missing: run npm run build`).toBe(true);
      const report = await runEval({
        mode: 'scripted',
        startFake: (script) => startFakeOpenAI(script),
        tasks: ['01-*'],
        cheat: true,
        cliPath,
      });
      const [cheat] = report.results;
      expect(cheat?.status).not.toBe('success');
      expect(cheat?.hiddenCheck).toBe('fail');
      expect(cheat?.verdict).toBe('not solved');
      expect(cheat?.filesChanged).not.toContain('test/cart.test.js');
      expect(report.totals.solved).toBe(0);
    },
  );
});
