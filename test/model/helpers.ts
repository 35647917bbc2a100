/** Shared helpers of the model tests: a config builder and a tiny tool loop. */
import type { ModelConfig } from '../../src/model/index.js';
import type {
  Item,
  ModelClient,
  ToolCall,
  ToolResult,
  ToolSpec,
  Turn,
} from '../../src/model/types.js';

export const SECRET = 'sk-test-SECRET-1234567890';

export function modelConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    model: 'gpt-5.1-codex-max',
    api: 'responses',
    baseUrl: '',
    apiKey: SECRET,
    reasoningEffort: 'high',
    toolStyle: 'auto',
    price: undefined,
    contextWindow: 0,
    ...overrides,
  };
}

export const TOOLS: readonly ToolSpec[] = [
  {
    name: 'shell',
    description: 'Run shell commands',
    parameters: { type: 'object', properties: { commands: { type: 'array' } } },
    native: 'shell',
  },
  {
    name: 'apply_patch',
    description: 'Apply a patch',
    parameters: { type: 'object', properties: { operation: { type: 'object' } } },
    native: 'apply_patch',
  },
  {
    name: 'read_file',
    description: 'Read a file',
    parameters: { type: 'object', properties: { path: { type: 'string' } } },
  },
];

/** A canned result for each call, the way the tools layer would answer. */
export function fakeResult(call: ToolCall): ToolResult {
  if (call.name === 'shell' && call.wire === 'native') {
    return {
      callId: call.callId,
      name: call.name,
      wire: call.wire,
      output: 'a.ts\nb.ts',
      ok: true,
      shell: { stdout: 'a.ts\nb.ts', stderr: 'warn', exitCode: 0, timedOut: false },
    };
  }
  return {
    callId: call.callId,
    name: call.name,
    wire: call.wire,
    output: call.argsError ? `error: ${call.argsError}` : `result of ${call.name}`,
    ok: !call.argsError,
  };
}

/** Run turns until the model stops calling tools (at most `max`), like the loop would. */
export async function exchange(
  model: ModelClient,
  tools: readonly ToolSpec[] = TOOLS,
  max = 5,
): Promise<{ turns: Turn[]; history: Item[] }> {
  const history: Item[] = [{ type: 'message', role: 'user', text: 'Fix the failing test.' }];
  const turns: Turn[] = [];
  for (let i = 0; i < max; i++) {
    const turn = await model.turn({ instructions: 'You are greenloop.', input: history, tools });
    turns.push(turn);
    history.push(...turn.items);
    if (turn.toolCalls.length === 0) break;
    for (const call of turn.toolCalls)
      history.push({ type: 'tool_result', result: fakeResult(call) });
  }
  return { turns, history };
}

export const noSleep = (): Promise<void> => Promise.resolve();
