/**
 * Compaction against the strict fake server on gpt-5.1-codex-max, through the
 * real Responses adapter: the fake answers `context_length_exceeded` past the
 * model's real input limit (272,000 o200k tokens), and its `/responses/compact`
 * returns the user messages plus one compaction item, as the real endpoint does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Compactor } from '../../src/loop/compaction.js';
import { Conversation } from '../../src/loop/conversation.js';
import { createModelClient } from '../../src/model/index.js';
import { loadTokenizer } from '../../src/model/tokens.js';
import type { Item, ToolSpec } from '../../src/model/types.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';

await loadTokenizer();

const PINNED = '# Task\nMake `npm test` pass.\n# Test run before any change\n3 failing: a, b, c';
const INSTRUCTIONS = 'You are greenloop.';
const TOOLS: ToolSpec[] = [
  {
    name: 'shell',
    description: 'Run shell commands',
    parameters: { type: 'object', properties: { commands: { type: 'array' } } },
    native: 'shell',
  },
];

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** About 4,500 o200k tokens of varied log text. */
function toolOutput(turn: number): string {
  return Array.from(
    { length: 180 },
    (_, i) =>
      `src/module${(turn * 7 + i) % 97}.ts:${i + 1}: expected ${turn * 31 + i} to equal ${i * 17} (run ${turn})`,
  ).join('\n');
}

/** Texts of the messages of one request body, whatever their content shape. */
function messageTexts(body: Record<string, unknown> | undefined): string[] {
  const input = Array.isArray(body?.input) ? (body.input as unknown[]) : [];
  return input.flatMap((raw) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const item = raw as Record<string, unknown>;
    if (item.type !== undefined && item.type !== 'message') return [];
    const content = item.content;
    if (typeof content === 'string') return [content];
    if (!Array.isArray(content)) return [];
    return [
      content
        .map((p: unknown) =>
          typeof p === 'object' && p !== null ? String((p as { text?: unknown }).text ?? '') : '',
        )
        .join(''),
    ];
  });
}

describe('a 300-turn session on gpt-5.1-codex-max against the strict fake', () => {
  it('never receives context_length_exceeded and sends the pinned task exactly once per request', async () => {
    fake = await startFakeOpenAI((_req, index) => ({
      toolCalls: [{ name: 'shell', arguments: { commands: [`npm test -- --shard ${index}`] } }],
      usage: { outputTokens: 40 },
    }));
    const model = createModelClient(
      {
        model: 'gpt-5.1-codex-max',
        api: 'responses',
        baseUrl: fake.url,
        apiKey: 'sk-test',
        reasoningEffort: 'medium',
        toolStyle: 'auto',
        price: undefined,
        contextWindow: 0,
      },
      { maxRetries: 0, stream: process.env.GL_NOSTREAM ? false : true },
    );
    expect(model.contextWindow).toBe(272_000);
    const compactor = new Compactor({
      mode: 'auto',
      model,
      openaiEndpoint: true,
      instructions: INSTRUCTIONS,
      tools: TOOLS,
      contextWindow: model.contextWindow,
      threshold: 0.8,
      log: () => undefined,
    });
    const conversation = new Conversation(PINNED);
    let latestDigestTurn = 0;
    /** For each compaction: the first request after it, and the oldest digest it may keep. */
    const compactions: { firstRequest: number; oldestDigest: number }[] = [];
    for (let turn = 1; turn <= 300; turn++) {
      if (await compactor.maybeCompact(conversation)) {
        compactions.push({ firstRequest: fake.requests.length, oldestDigest: latestDigestTurn });
      }
      // maxRetries 0: a context_length_exceeded would throw here and fail the test.
      const answer = await model.turn({
        instructions: INSTRUCTIONS,
        input: conversation.input(),
        tools: TOOLS,
      });
      conversation.addTurn(answer.items);
      const results = answer.toolCalls.map((call): Item => ({
        type: 'tool_result',
        result: {
          callId: call.callId,
          name: call.name,
          wire: call.wire,
          output: toolOutput(turn),
          ok: false,
          shell: { stdout: toolOutput(turn), stderr: '', exitCode: 1, timedOut: false },
        },
      }));
      conversation.addResults(results);
      if (turn % 10 === 0) {
        const latestDigest = `# Test run ${turn}\n2 failing: a, b\n${'detail '.repeat(40)}`;
        latestDigestTurn = turn;
        conversation.addMessage(latestDigest, 'digest');
      }
    }

    expect(compactions.length).toBeGreaterThanOrEqual(4);
    const compacts = fake.requests.filter((r) => r.path === '/v1/responses/compact');
    expect(compacts).toHaveLength(compactions.length);
    const after = fake.requests.slice(compactions[0]!.firstRequest - 1);
    expect(after.length).toBeGreaterThan(100);
    fake.requests.forEach((request, index) => {
      const texts = messageTexts(request.body);
      expect(texts.filter((t) => t === PINNED)).toHaveLength(1);
      // Only the latest digest survives a compaction: no request after one holds an older digest.
      const last = compactions.filter((c) => c.firstRequest <= index).at(-1);
      if (!last) return;
      const digestTurns = texts.flatMap((t) => {
        const m = /^# Test run (\d+)\n/.exec(t);
        return m ? [Number(m[1])] : [];
      });
      expect(Math.min(...digestTurns)).toBeGreaterThanOrEqual(last.oldestDigest);
      if (index === last.firstRequest) expect(digestTurns).toEqual([last.oldestDigest]);
    });
  }, 120_000);
});
