/**
 * The loop's steps on in-memory fakes of Git, the runner and the test command (memory.ts): each
 * run takes milliseconds, no git and no test process. The real-git runs are in run.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runBaseline, prepare, startConversation } from '../../src/loop/baseline.js';
import { createContext } from '../../src/loop/context.js';
import { createJournal } from '../../src/loop/journal.js';
import { runLoop } from '../../src/loop/run.js';
import { newStallWatch, watchTestRun, watchToolCall } from '../../src/loop/stall.js';
import { initialState } from '../../src/loop/state.js';
import { takeTurn } from '../../src/loop/turn.js';
import type { Evaluation } from '../../src/loop/evaluate.js';
import { ModelError } from '../../src/model/errors.js';
import { runTestsCall, scriptedModel, shellCall } from '../fakes/scripted-model.js';
import { memoryLog } from './harness.js';
import { type Judge, memoryDeps, sumJudge } from './memory.js';

describe('the whole loop on in-memory fakes', () => {
  it('success: the model writes the fix, asks for the tests, and the run stops with the tests green', async () => {
    const model = scriptedModel([{ calls: [shellCall('write src/sum.js fixed'), runTestsCall] }]);
    const run = memoryDeps(model, sumJudge);
    const outcome = await runLoop(run.deps);
    expect(outcome).toMatchObject({ status: 'success', stopReason: 'the test command passes' });
    expect(run.tests.labels).toEqual(['baseline', 'iteration-1']);
    expect(run.files.get('src/sum.js')).toBe('fixed');
    expect(outcome.spent).toMatchObject({ iterations: 1, turns: 1 });
    expect(outcome.transcript.at(-1)).toMatchObject({ kind: 'stop', data: { status: 'success' } });
  });

  it('already-green: no model call when the tests pass and there is no task', async () => {
    const model = scriptedModel([]);
    const run = memoryDeps(model, () => ({ failing: [], passed: 3 }));
    const outcome = await runLoop(run.deps);
    expect(outcome.status).toBe('already-green');
    expect(model.requests).toHaveLength(0);
  });

  it('a worse state is rolled back to the best tree, and the workspace ends in the best state', async () => {
    const model = scriptedModel([
      { calls: [shellCall('write src/sum.js worse'), runTestsCall] },
      { text: 'I give up.' },
      { text: 'Really.' },
    ]);
    const run = memoryDeps(model, sumJudge);
    const outcome = await runLoop(run.deps);
    expect(outcome.status).toBe('model-gave-up');
    expect(outcome.iterations[0]).toMatchObject({ rolledBack: true, failing: 2 });
    expect(run.git.restored).toEqual([outcome.baselineTree]);
    expect(run.files.get('src/sum.js')).toBe('broken');
    expect(JSON.stringify(model.requests[1]?.input)).toContain('rolled back');
  });

  it('a second run_tests after the stop was found is answered without a test run', async () => {
    const model = scriptedModel([
      { calls: [shellCall('write src/sum.js fixed'), runTestsCall, runTestsCall] },
    ]);
    const run = memoryDeps(model, sumJudge);
    const outcome = await runLoop(run.deps);
    expect(outcome.status).toBe('success');
    expect(run.tests.labels).toEqual(['baseline', 'iteration-1']);
    const results = outcome.transcript.filter((entry) => entry.kind === 'tool');
    expect(results.at(-1)?.data).toMatchObject({
      output: 'The run is stopping; no more test runs.',
    });
  });

  it('a test that fails at first and passes on the rerun is flaky, not a target', async () => {
    let runs = 0;
    const judge: Judge = (files) => {
      const { failing } = sumJudge(files);
      runs += 1;
      return runs === 1
        ? { failing: [...failing, 'sum flaky'], passed: 1 }
        : { failing, passed: 2 };
    };
    const model = scriptedModel([{ calls: [shellCall('write src/sum.js fixed'), runTestsCall] }]);
    const run = memoryDeps(model, judge, { inputs: { 'flaky-reruns': '1' } });
    const outcome = await runLoop(run.deps);
    expect(outcome.status).toBe('success');
    expect(outcome.flaky).toEqual(['sum flaky']);
    expect(outcome.baseline?.failures.map((f) => f.id)).toEqual(['sum adds']);
    expect(outcome.warnings.some((w) => w.includes('Flaky tests'))).toBe(true);
  });

  it("a model error is a stop like any other: its status, no 'unexpected error'", async () => {
    const model = scriptedModel([{ error: new ModelError('auth-error', 'the key was refused') }]);
    const outcome = await runLoop(memoryDeps(model, sumJudge).deps);
    expect(outcome).toMatchObject({ status: 'auth-error', stopReason: 'the key was refused' });
    expect(outcome.warnings).toEqual([]);
  });

  it('an unexpected error ends the run with error, its stack among the warnings', async () => {
    const model = scriptedModel([{ text: 'Done.' }]);
    const run = memoryDeps(model, sumJudge);
    let snapshots = 0;
    const git = {
      ...run.git,
      snapshot: () =>
        ++snapshots > 1 ? Promise.reject(new Error('disk full')) : run.git.snapshot(),
    };
    const outcome = await runLoop({ ...run.deps, git });
    expect(outcome).toMatchObject({ status: 'error', stopReason: 'disk full' });
    expect(outcome.warnings.some((w) => w.startsWith('Unexpected error: Error: disk full'))).toBe(
      true,
    );
  });

  it('a cancelled run stops before its next turn with the signal as reason', async () => {
    const cancel = new AbortController();
    const model = scriptedModel(() => {
      cancel.abort('SIGTERM');
      return { calls: [shellCall('true')] };
    });
    const run = memoryDeps(model, sumJudge);
    const outcome = await runLoop({ ...run.deps, signal: cancel.signal });
    expect(outcome).toMatchObject({ status: 'cancelled', stopReason: 'stopped by SIGTERM' });
    expect(model.requests).toHaveLength(1);
  });
});

describe('one step at a time', () => {
  async function afterBaseline(script: Parameters<typeof scriptedModel>[0], inputs = {}) {
    const model = scriptedModel(script);
    const run = memoryDeps(model, sumJudge, { inputs });
    const state = initialState(undefined, 0);
    const ctx = createContext(run.deps, state);
    for (const phase of [prepare, runBaseline, startConversation])
      expect(await phase(ctx, state)).toEqual({ kind: 'continue' });
    return { ctx, state, model, run };
  }

  it('a turn past its budget returns the stop and asks nothing', async () => {
    const { ctx, state, model } = await afterBaseline([], { 'max-turns': '2' });
    state.spent = { ...state.spent, turns: 2 };
    expect(await takeTurn(ctx, state)).toEqual({
      kind: 'stop',
      status: 'budget-turns',
      reason: 'all 2 model turns (max-turns) were used',
    });
    expect(model.requests).toHaveLength(0);
  });

  it('a turn that ends without a change is nudged once, then the model gave up', async () => {
    const { ctx, state } = await afterBaseline([{ text: 'Hmm.' }, { text: 'Hmm.' }]);
    expect(await takeTurn(ctx, state)).toEqual({ kind: 'continue' });
    expect(state.conversation.segments.at(-1)?.kind).toBe('message');
    expect(await takeTurn(ctx, state)).toMatchObject({ kind: 'stop', status: 'model-gave-up' });
  });

  it('the state after a tested turn is plain data: what a checkpoint carries survives JSON', async () => {
    const { ctx, state } = await afterBaseline([
      { calls: [shellCall('write src/sum.js still broken'), runTestsCall] },
    ]);
    expect(await takeTurn(ctx, state)).toEqual({ kind: 'continue' });
    const { conversation, spent, iterations, plan, flaky, explanation } = state;
    const carried = { conversation, spent, iterations, plan, flaky, explanation };
    expect(JSON.parse(JSON.stringify(carried))).toEqual(carried);
    expect(state.iterations).toHaveLength(1);
  });
});

describe('the stall watch', () => {
  it('ends the run after more than five malformed calls in a row; a good call resets the count', () => {
    const watch = newStallWatch();
    const bad = {
      callId: 'c',
      name: 'shell',
      args: undefined,
      argsError: 'x',
      wire: 'function',
    } as const;
    for (let i = 0; i < 5; i++) expect(watchToolCall(watch, bad, true)).toBeUndefined();
    expect(watchToolCall(watch, { ...bad, args: {} }, false)).toBeUndefined();
    for (let i = 0; i < 5; i++) expect(watchToolCall(watch, bad, true)).toBeUndefined();
    expect(watchToolCall(watch, bad, true)).toMatchObject({ status: 'model-error' });
  });

  it('no progress: the same failures on an already tested tree three times in a row', () => {
    const watch = newStallWatch();
    const same = { verdict: 'same', sameFailuresAsBefore: true } as Evaluation;
    expect(watchTestRun(watch, same, 't1')).toBeUndefined();
    expect(watchTestRun(watch, same, 't1')).toBeUndefined();
    expect(watchTestRun(watch, same, 't1')).toBeUndefined();
    expect(watchTestRun(watch, same, 't1')).toMatchObject({ status: 'no-progress' });
    expect(watchTestRun(watch, same, 't2')).toBeUndefined();
  });
});

describe('the journal', () => {
  it('opens one log group per iteration and numbers progress lines after it', () => {
    const lines: string[] = [];
    const journal = createJournal({
      log: memoryLog(lines),
      now: () => 5000,
      startedAt: 0,
      maxIterations: 3,
      model: 'gpt-test',
    });
    const spent = { iterations: 1, turns: 4, inputTokens: 40_000, cachedInputTokens: 0 };
    const all = { ...spent, outputTokens: 1000, reasoningTokens: 0, costUsd: 0.18, compactions: 0 };
    journal.openIteration(all);
    journal.openIteration(all);
    journal.progress({ spent: all, baseline: undefined, best: undefined });
    journal.closeIteration();
    journal.warn('careful');
    expect(lines).toEqual([
      '── Iteration 2/3',
      'progress: iteration 2/3 · 0 failing (was 0) · 41k tokens · $0.18 · 5s',
      'warning: careful',
    ]);
    expect(journal.warnings).toEqual(['careful']);
  });
});
