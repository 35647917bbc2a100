import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../src/loop/checkpoint.js';
import { ModelError } from '../../src/model/errors.js';
import { patchCall, runTestsCall, scriptedModel, shellCall } from '../fakes/scripted-model.js';
import { createRepo, SUM_FIX, SUM_PROJECT, type TempRepo } from '../helpers/repo.js';
import { runScripted } from './harness.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

function sumRepo(): TempRepo {
  repo = createRepo(SUM_PROJECT);
  return repo;
}

const BREAK_OTHER_TEST = [
  '*** Begin Patch',
  '*** Update File: src/sum.js',
  '@@',
  '-  let total = 0;',
  '+  let total = 1;',
  '*** End Patch',
].join('\n');

describe('the loop: stop reasons', () => {
  it('success: the model fixes the code and the tests pass', async () => {
    const r = sumRepo();
    const model = scriptedModel([
      { calls: [shellCall('cat src/sum.js')] },
      { calls: [patchCall(SUM_FIX)] },
      { calls: [runTestsCall] },
      { text: 'Fixed the loop start in sum().' },
    ]);
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('success');
    expect(outcome.best?.failures).toHaveLength(0);
    expect(outcome.baseline?.failures.map((f) => f.id)).toEqual([
      'test/sum.test.js > sum adds every value',
    ]);
    expect(r.read('src/sum.js')).toContain('let i = 0');
    expect(outcome.spent.iterations).toBe(1);
    expect(model.requests).toHaveLength(3);
  });

  it('success when the model ends its turn after patching (tests run on turn end)', async () => {
    const r = sumRepo();
    const model = scriptedModel([{ calls: [patchCall(SUM_FIX)] }, { text: 'Done.' }]);
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('success');
    expect(outcome.explanation).toBe('Done.');
  });

  it('already-green: no model call when the tests pass and there is no task', async () => {
    const r = sumRepo();
    r.write('src/sum.js', 'export function sum(v) { return v.reduce((a, b) => a + b, 0); }\n');
    r.commitAll('fixed');
    const model = scriptedModel([]);
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('already-green');
    expect(model.requests).toHaveLength(0);
  });

  it('budget-iterations: stops after max-iterations reruns and keeps the best state', async () => {
    const r = sumRepo();
    let n = 0;
    const model = scriptedModel(() => ({
      calls: [shellCall(`echo // ${n++} >> src/sum.js`), runTestsCall],
    }));
    const { outcome } = await runScripted(r.dir, model, { 'max-iterations': '2' });
    expect(outcome.status).toBe('budget-iterations');
    expect(outcome.spent.iterations).toBe(2);
  });

  it('budget-turns: never more model calls than max-turns', async () => {
    const r = sumRepo();
    const model = scriptedModel(() => ({ calls: [shellCall('ls')] }));
    const { outcome } = await runScripted(r.dir, model, { 'max-turns': '3' });
    expect(outcome.status).toBe('budget-turns');
    expect(model.requests).toHaveLength(3);
  });

  it('budget-tokens: stops once max-tokens is reached', async () => {
    const r = sumRepo();
    const model = scriptedModel(() => ({
      calls: [shellCall('ls')],
      usage: { inputTokens: 4000, outputTokens: 1000 },
    }));
    const { outcome } = await runScripted(r.dir, model, { 'max-tokens': '12000' });
    expect(outcome.status).toBe('budget-tokens');
    expect(model.requests).toHaveLength(3);
  });

  it('budget-cost: stops once max-cost-usd is reached', async () => {
    const r = sumRepo();
    const model = scriptedModel(() => ({ calls: [shellCall('ls')], costUsd: 0.4 }));
    const { outcome } = await runScripted(r.dir, model, { 'max-cost-usd': '1' });
    expect(outcome.status).toBe('budget-cost');
    expect(model.requests).toHaveLength(3);
  });

  it('timeout: the wall clock limit stops the run', async () => {
    const r = sumRepo();
    let clock = 1_000_000;
    const model = scriptedModel(() => {
      clock += 20 * 60_000;
      return { calls: [shellCall('ls')] };
    });
    const { outcome } = await runScripted(
      r.dir,
      model,
      { 'timeout-minutes': '30' },
      { now: () => clock },
    );
    expect(outcome.status).toBe('timeout');
    expect(model.requests.length).toBeLessThanOrEqual(2);
  });

  it('no-progress: the same failures after the same change again and again', async () => {
    const r = sumRepo();
    const model = scriptedModel(() => ({ calls: [shellCall('true'), runTestsCall] }));
    const { outcome } = await runScripted(r.dir, model, { 'max-iterations': '10' });
    expect(outcome.status).toBe('no-progress');
    expect(outcome.spent.iterations).toBeLessThan(10);
  });

  it('model-gave-up: the model ends twice without changing anything', async () => {
    const r = sumRepo();
    const model = scriptedModel([{ text: 'I cannot fix this.' }, { text: 'Really, I cannot.' }]);
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('model-gave-up');
    expect(model.requests).toHaveLength(2);
  });

  it('model-error: the model fails (retries exhausted)', async () => {
    const r = sumRepo();
    const model = scriptedModel([
      { error: new ModelError('model-error', 'the model API answered 500 five times') },
    ]);
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('model-error');
    expect(outcome.stopReason).toContain('500');
  });

  it('model-error: too many malformed tool calls in a row', async () => {
    const r = sumRepo();
    const model = scriptedModel(() => ({
      calls: [{ name: 'shell', argsError: 'Unexpected token' }],
    }));
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('model-error');
    expect(outcome.stopReason).toContain('malformed');
  });

  it('auth-error: a 401 ends the run with its own status', async () => {
    const r = sumRepo();
    const model = scriptedModel([
      { error: new ModelError('auth-error', 'the API key was refused (401)') },
    ]);
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('auth-error');
  });

  it('context-full: with compaction off the run stops when the window is full', async () => {
    const r = sumRepo();
    const model = scriptedModel(() => ({ calls: [shellCall('seq 1 3000')] }), {
      contextWindow: 8000,
    });
    const { outcome } = await runScripted(r.dir, model, { compaction: 'off', 'max-turns': '50' });
    expect(outcome.status).toBe('context-full');
  });
});

describe('the loop: best state and rollback', () => {
  it('rolls back a change that breaks a passing test, tells the model, and publishes the best state', async () => {
    const r = sumRepo();
    const model = scriptedModel([
      { calls: [patchCall(BREAK_OTHER_TEST), runTestsCall] },
      { text: 'Giving up.' },
      { text: 'Still giving up.' },
    ]);
    const { outcome, lines } = await runScripted(r.dir, model);
    expect(outcome.iterations[0]?.rolledBack).toBe(true);
    expect(r.read('src/sum.js')).toContain('let total = 0;');
    expect(lines.some((l) => l.includes('Rolled back'))).toBe(true);
    const toolAnswer = JSON.stringify(model.requests[1]?.input);
    expect(toolAnswer).toContain('rolled back');
  });

  it('refuses edits to protected paths and .git', async () => {
    const r = sumRepo();
    const model = scriptedModel([
      {
        calls: [
          patchCall(
            '*** Begin Patch\n*** Add File: .github/workflows/evil.yml\n+on: push\n*** End Patch',
          ),
        ],
      },
      {
        calls: [
          patchCall(
            '*** Begin Patch\n*** Add File: .git/hooks/pre-push\n+#!/bin/sh\n*** End Patch',
          ),
        ],
      },
      { calls: [patchCall(SUM_FIX)] },
      { text: 'Done.' },
    ]);
    const { outcome } = await runScripted(r.dir, model);
    expect(outcome.status).toBe('success');
    const answers = JSON.stringify(model.requests[2]?.input);
    expect(answers).toMatch(/Refused|refused/);
  });
});

describe('the loop: checkpoints and resume', () => {
  it('writes a checkpoint after each iteration and resumes from it with the remaining budget', async () => {
    const r = sumRepo();
    const first = scriptedModel([
      { calls: [shellCall('echo "// note" >> src/sum.js'), runTestsCall] },
      { text: 'Stop.' },
      { text: 'Stop.' },
    ]);
    const run1 = await runScripted(r.dir, first, { 'max-iterations': '1' });
    expect(run1.outcome.status).toBe('budget-iterations');
    const checkpoint = await loadCheckpoint(run1.checkpointDir);
    expect(checkpoint.schemaVersion).toBe(1);
    expect(checkpoint.spent.iterations).toBe(1);
    expect(checkpoint.bestPatch).toContain('// note');

    r.git('checkout', '-q', '--', '.');
    expect(readFileSync(`${r.dir}/src/sum.js`, 'utf8')).not.toContain('// note');
    const second = scriptedModel([{ calls: [patchCall(SUM_FIX)] }, { text: 'Fixed.' }]);
    const run2 = await runScripted(
      r.dir,
      second,
      { 'max-iterations': '3' },
      { resume: checkpoint },
    );
    expect(run2.outcome.status).toBe('success');
    expect(r.read('src/sum.js')).toContain('// note');
    expect(run2.outcome.spent.iterations).toBe(2);
  });
});

describe('the loop: a stop in the middle of a turn', () => {
  it('answers every tool call of the turn, so the checkpoint stays valid for the API', async () => {
    const r = sumRepo();
    const malformed = Array.from({ length: 8 }, () => ({
      name: 'shell',
      argsError: 'Unexpected token',
    }));
    const model = scriptedModel([
      { calls: [shellCall('echo "// a" >> src/sum.js'), runTestsCall] },
      { calls: malformed },
    ]);
    const run = await runScripted(r.dir, model, { 'max-iterations': '3' });
    expect(run.outcome.status).toBe('model-error');
    const checkpoint = await loadCheckpoint(run.checkpointDir);
    const items = checkpoint.conversation.segments.flatMap((segment) => segment.items);
    const calls = items.flatMap((item) => (item.type === 'tool_call' ? [item.call.callId] : []));
    const answered = new Set(
      items.flatMap((item) => (item.type === 'tool_result' ? [item.result.callId] : [])),
    );
    expect(calls.length).toBeGreaterThan(8);
    expect(calls.filter((id) => !answered.has(id))).toEqual([]);
  });
});
