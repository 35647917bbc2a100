/**
 * An in-memory ModelClient driven by a script, for loop tests that do not
 * need HTTP (the fake OpenAI server covers the wire). Records every request.
 */
import type {
  Item,
  ModelClient,
  ToolCall,
  Turn,
  TurnRequest,
  Usage,
} from '../../src/model/types.js';

export type ScriptedReply =
  | { readonly text: string; readonly usage?: Partial<Usage>; readonly costUsd?: number }
  | {
      readonly calls: readonly ScriptedCall[];
      readonly text?: string;
      readonly usage?: Partial<Usage>;
      readonly costUsd?: number;
    }
  | { readonly error: Error };

export interface ScriptedCall {
  readonly name: string;
  readonly args?: unknown;
  readonly argsError?: string;
  readonly wire?: 'function' | 'native';
}

export type Script =
  readonly ScriptedReply[] | ((request: TurnRequest, index: number) => ScriptedReply);

export interface ScriptedModel extends ModelClient {
  readonly requests: TurnRequest[];
  readonly compactRequests: TurnRequest[];
}

const DEFAULT_USAGE: Usage = {
  inputTokens: 1000,
  cachedInputTokens: 0,
  outputTokens: 100,
  reasoningTokens: 0,
};

export function scriptedModel(
  script: Script,
  options: {
    contextWindow?: number;
    nativeTools?: boolean;
    compact?: (request: TurnRequest) => readonly Item[] | undefined;
  } = {},
): ScriptedModel {
  const requests: TurnRequest[] = [];
  const compactRequests: TurnRequest[] = [];
  let callCounter = 0;
  const model: ScriptedModel = {
    api: 'responses',
    model: 'scripted',
    nativeTools: options.nativeTools ?? false,
    contextWindow: options.contextWindow ?? 200_000,
    requests,
    compactRequests,
    async turn(request) {
      const index = requests.length;
      requests.push({ ...request, input: [...request.input] });
      const reply =
        typeof script === 'function'
          ? script(request, index)
          : (script[index] ?? { text: 'Done.' });
      if ('error' in reply) throw reply.error;
      const usage = { ...DEFAULT_USAGE, ...reply.usage };
      const items: Item[] = [];
      const toolCalls: ToolCall[] = [];
      if (reply.text) items.push({ type: 'message', role: 'assistant', text: reply.text });
      if ('calls' in reply) {
        for (const call of reply.calls) {
          callCounter += 1;
          const toolCall: ToolCall = {
            callId: `call_${callCounter}`,
            name: call.name,
            args: call.argsError ? undefined : (call.args ?? {}),
            ...(call.argsError ? { argsError: call.argsError } : {}),
            rawArgs: call.argsError ? '{not json' : JSON.stringify(call.args ?? {}),
            wire: call.wire ?? 'function',
          };
          toolCalls.push(toolCall);
          items.push({ type: 'tool_call', call: toolCall });
        }
      }
      const turn: Turn = {
        items,
        toolCalls,
        text: reply.text ?? '',
        usage,
        costUsd: reply.costUsd ?? 0,
        retries: 0,
      };
      return turn;
    },
    ...(options.compact
      ? {
          async compact(request: TurnRequest) {
            compactRequests.push(request);
            const items = options.compact!(request);
            return items ? { items, usage: DEFAULT_USAGE, costUsd: 0 } : undefined;
          },
        }
      : {}),
  };
  return model;
}

/** A patch call in the Codex envelope. */
export function patchCall(patch: string): ScriptedCall {
  return { name: 'apply_patch', args: { patch } };
}

export function shellCall(command: string | string[]): ScriptedCall {
  return { name: 'shell', args: { command } };
}

export const runTestsCall: ScriptedCall = { name: 'run_tests', args: {} };
