/**
 * The tokenizer's tables (2.4 MB of code) are not on the way to the first model request: a short
 * run never loads them, and the compactor loads them only when the conversation nears its limit.
 * One file, in order (module state: the tokenizer loads once per worker).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Compactor } from '../../src/loop/compaction.js';
import { Conversation } from '../../src/loop/conversation.js';
import { isTokenizerLoaded } from '../../src/model/tokens.js';
import { scriptedModel } from '../fakes/scripted-model.js';
import { runScripted } from '../loop/harness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function failingRepo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gl-lazy-tok-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'sum.js'), 'export const sum = (a, b) => a - b;\n');
  writeFileSync(
    path.join(dir, 'sum.test.js'),
    "import test from 'node:test';\nimport assert from 'node:assert';\nimport { sum } from './sum.js';\ntest('adds', () => assert.equal(sum(1, 2), 3));\n",
  );
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

describe('the tokenizer loads only when an exact count matters', () => {
  it.skipIf(isTokenizerLoaded())(
    'a short run (baseline, digest, turns) never loads it',
    async () => {
      const model = scriptedModel([
        { calls: [{ name: 'shell', args: { command: 'cat sum.js' } }] },
        { text: 'Done.' },
      ]);
      const { outcome } = await runScripted(failingRepo(), model, { 'max-turns': '2' });
      expect(model.requests.length).toBe(2);
      expect(outcome.status).not.toBe('error');
      expect(isTokenizerLoaded()).toBe(false);
    },
  );

  it('the compactor loads it when the conversation nears the threshold', async () => {
    const window = 8000;
    const compactor = new Compactor({
      mode: 'mask',
      model: scriptedModel([], { contextWindow: window }),
      openaiEndpoint: false,
      instructions: 'You are greenloop.',
      tools: [],
      contextWindow: window,
      threshold: 0.8,
      log: () => undefined,
    });
    const conversation = new Conversation('# Task\nMake the tests pass.');
    for (let turn = 1; !isTokenizerLoaded() && turn <= 100; turn++) {
      await compactor.maybeCompact(conversation);
      if (isTokenizerLoaded()) break;
      // Exact counts are needed before the estimate reaches the share it may undershoot by.
      expect(compactor.measure(conversation)).toBeLessThan(compactor.limit);
      const call = { callId: `c${turn}`, name: 'shell', args: {}, wire: 'function' as const };
      conversation.addTurn([{ type: 'tool_call', call }]);
      const output = `line ${turn}: ${'worker processed item 42 in 17 ms; '.repeat(20)}`;
      conversation.addResults([
        {
          type: 'tool_result',
          result: { callId: call.callId, name: 'shell', wire: 'function', output, ok: true },
        },
      ]);
    }
    expect(isTokenizerLoaded()).toBe(true);
  });
});
