/**
 * The adapters build request bodies and replayed items as the `openai` SDK's
 * own parameter types, so `npm run typecheck` (which compiles this file)
 * rejects a misspelt or misplaced field. Each `@ts-expect-error` below is a
 * deliberately wrong body: if the SDK type stopped catching it, the directive
 * itself would fail the typecheck.
 */
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type {
  ResponseCreateParamsStreaming,
  ResponseInputItem,
  Tool,
} from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import { chatTools, toChatMessages } from '../../src/model/chat.js';
import { responsesTools, toResponsesInput } from '../../src/model/responses.js';
import type { Item } from '../../src/model/types.js';
import { TOOLS } from './helpers.js';

const history: Item[] = [{ type: 'message', role: 'user', text: 'Fix it.' }];

describe('request bodies are the SDK types', () => {
  it('rejects a misspelt field of a Responses body at compile time', () => {
    const input: ResponseInputItem[] = toResponsesInput(history);
    const tools: Tool[] = responsesTools(TOOLS, true);
    const body: ResponseCreateParamsStreaming = {
      model: 'gpt-5.1-codex-max',
      input,
      tools,
      stream: true,
      // @ts-expect-error `instructons` is not a field of ResponseCreateParamsStreaming.
      instructons: 'You are greenloop.',
    };
    expect(body.input).toEqual([{ type: 'message', role: 'user', content: 'Fix it.' }]);
  });

  it('rejects a misplaced field of a replayed item at compile time', () => {
    const item: ResponseInputItem = {
      type: 'shell_call',
      call_id: 'call_1',
      action: {
        commands: ['ls'],
        // @ts-expect-error `environment` belongs on the shell_call item, not in its action.
        environment: { type: 'local' },
      },
    };
    const output: ResponseInputItem = {
      type: 'shell_call_output',
      call_id: 'call_1',
      // @ts-expect-error an output entry needs an `outcome`, not an `exit_code`.
      output: [{ stdout: '', stderr: '', exit_code: 0 }],
    };
    expect([item.type, output.type]).toEqual(['shell_call', 'shell_call_output']);
  });

  it('rejects a Chat body with a Responses-style field at compile time', () => {
    const body: ChatCompletionCreateParamsStreaming = {
      model: 'qwen3-coder',
      messages: toChatMessages('You are greenloop.', history),
      tools: chatTools(TOOLS),
      stream: true,
      // @ts-expect-error Chat Completions takes `reasoning_effort`, not `reasoning`.
      reasoning: { effort: 'high' },
    };
    expect(body.messages).toHaveLength(2);
  });
});
