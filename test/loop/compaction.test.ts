import { describe, expect, it } from 'vitest';
import { Compactor } from '../../src/loop/compaction.js';
import { Conversation } from '../../src/loop/conversation.js';
import type { CompactionMode } from '../../src/config/types.js';
import type { Item, ToolSpec } from '../../src/model/types.js';
import { scriptedModel } from '../fakes/scripted-model.js';
import { loadTokenizer } from '../../src/model/tokens.js';

// Exact o200k counts, as the loop and digestFile have (they load the tokenizer first).
await loadTokenizer();

const PINNED = '# Task\nMake `npm test` pass.\n# Test run before any change\n3 failing: a, b, c';
const TOOLS: ToolSpec[] = [
  { name: 'shell', description: 'run a command', parameters: { type: 'object' } },
];
const WINDOW = 32_000;

function bigOutput(turn: number): string {
  return Array.from(
    { length: 60 },
    (_, i) => `line ${i} of the output of turn ${turn}: ${'x'.repeat(40)}`,
  ).join('\n');
}

/** Plays a 300-turn session; every 10th turn runs the tests. */
async function play(mode: CompactionMode) {
  const model = scriptedModel(
    () => ({ text: '## Goal and constraints\nfix it\n## Next step\ncontinue' }),
    {
      contextWindow: WINDOW,
      compact: () => [
        {
          type: 'opaque',
          api: 'responses',
          item: { type: 'compaction', encrypted_content: 'abc' },
        },
      ],
    },
  );
  const compactor = new Compactor({
    mode,
    model,
    openaiEndpoint: true,
    instructions: 'You are greenloop.',
    tools: TOOLS,
    contextWindow: WINDOW,
    threshold: 0.8,
    log: () => undefined,
  });
  const conversation = new Conversation(PINNED);
  let peak = 0;
  let compactions = 0;
  let lastDigest = '';
  for (let turn = 1; turn <= 300; turn++) {
    const event = await compactor.maybeCompact(conversation);
    if (event) compactions += 1;
    const tokens = compactor.measure(conversation);
    peak = Math.max(peak, tokens);
    if (compactor.overflows(conversation))
      return { overflow: true, peak, compactions, conversation, lastDigest };
    const name = turn % 10 === 0 ? 'run_tests' : 'shell';
    const call = { callId: `c${turn}`, name, args: {}, wire: 'function' as const };
    conversation.addTurn([{ type: 'tool_call', call }]);
    const output =
      name === 'run_tests'
        ? `digest of run ${turn}: 2 failing\n${'detail '.repeat(50)}`
        : bigOutput(turn);
    if (name === 'run_tests') lastDigest = output;
    const result: Item = {
      type: 'tool_result',
      result: { callId: call.callId, name, wire: 'function', output, ok: true },
    };
    conversation.addResults([result]);
  }
  return { overflow: false, peak, compactions, conversation, lastDigest };
}

describe('compaction over a 300-turn session in a 32k window', () => {
  it.each(['mask', 'summary', 'server', 'auto'] as const)(
    '%s stays under the window and keeps the pinned task and latest digest',
    async (mode) => {
      const result = await play(mode);
      expect(result.overflow).toBe(false);
      expect(result.peak).toBeLessThan(WINDOW);
      expect(result.compactions).toBeGreaterThan(0);
      const input = result.conversation.input();
      expect(input[0]).toEqual({ type: 'message', role: 'user', text: PINNED });
      expect(JSON.stringify(input)).toContain(result.lastDigest.split('\n')[0]);
    },
  );

  it('off never compacts and overflows', async () => {
    const result = await play('off');
    expect(result.compactions).toBe(0);
    expect(result.overflow).toBe(true);
  });
});

describe('mask', () => {
  it('keeps the last tool outputs whole and every call paired with its result', async () => {
    const conversation = new Conversation(PINNED);
    for (let turn = 1; turn <= 8; turn++) {
      const call = { callId: `c${turn}`, name: 'shell', args: {}, wire: 'function' as const };
      conversation.addTurn([{ type: 'tool_call', call }]);
      conversation.addResults([
        {
          type: 'tool_result',
          result: {
            callId: call.callId,
            name: 'shell',
            wire: 'function',
            output: bigOutput(turn),
            ok: true,
          },
        },
      ]);
    }
    const compactor = new Compactor({
      mode: 'mask',
      model: scriptedModel([]),
      openaiEndpoint: false,
      instructions: '',
      tools: TOOLS,
      contextWindow: WINDOW,
      threshold: 0.8,
      log: () => undefined,
    });
    compactor.mask(conversation, Number.POSITIVE_INFINITY);
    const results = conversation.input().filter((i) => i.type === 'tool_result');
    const calls = conversation.input().filter((i) => i.type === 'tool_call');
    expect(results).toHaveLength(8);
    expect(calls).toHaveLength(8);
    const outputs = results.map((r) => (r.type === 'tool_result' ? r.result.output : ''));
    expect(outputs.slice(0, 5).every((o) => o.startsWith('[output elided'))).toBe(true);
    expect(outputs.slice(5).every((o) => o.startsWith('line 0'))).toBe(true);
  });
});
