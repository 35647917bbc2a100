/**
 * The model port. The loop speaks only these types; adapters in this folder
 * translate them to the Responses API or Chat Completions wire formats.
 */

/** One entry of the conversation, independent of the wire format. */
export type Item =
  | {
      readonly type: 'message';
      readonly role: 'user' | 'assistant' | 'developer';
      readonly text: string;
    }
  | { readonly type: 'tool_call'; readonly call: ToolCall }
  | { readonly type: 'tool_result'; readonly result: ToolResult }
  /**
   * An item only one adapter understands (Responses reasoning items with
   * encrypted content, server compaction items). Passed back verbatim to that
   * adapter and dropped by others.
   */
  | {
      readonly type: 'opaque';
      readonly api: 'responses';
      readonly item: Readonly<Record<string, unknown>>;
    };

/** How a tool call travelled: a plain function tool, or the Responses API's native shell/apply_patch tools. */
export type ToolWire = 'function' | 'native';

export interface ToolCall {
  readonly callId: string;
  /** Tool name as the model said it (may be unknown to us). */
  readonly name: string;
  /**
   * Parsed arguments. For function tools: the JSON object the model sent.
   * For native `shell`: `{ commands: string[], timeout_ms?, max_output_length? }`.
   * For native `apply_patch`: `{ operation: { type, path, diff? } }`.
   */
  readonly args: unknown;
  /** Set when the arguments could not be parsed (invalid JSON); `args` is then undefined. */
  readonly argsError?: string;
  /** Raw argument text as received (function tools), for the record. */
  readonly rawArgs?: string;
  readonly wire: ToolWire;
}

export interface ToolResult {
  readonly callId: string;
  readonly name: string;
  readonly wire: ToolWire;
  /** Text the model reads. */
  readonly output: string;
  readonly ok: boolean;
  /** For shell results on the native wire. */
  readonly shell?: {
    readonly stdout: string;
    readonly stderr: string;
    /** null when the command timed out or was killed. */
    readonly exitCode: number | null;
    readonly timedOut: boolean;
  };
}

/** A tool offered to the model, as JSON schema. `native` names a Responses API built-in the adapter may use instead. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly native?: 'shell' | 'apply_patch';
}

export interface Usage {
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
}

export interface TurnRequest {
  readonly instructions: string;
  readonly input: readonly Item[];
  readonly tools: readonly ToolSpec[];
  readonly signal?: AbortSignal;
}

export interface Turn {
  /** Everything the model produced, in order, ready to append to the history. */
  readonly items: readonly Item[];
  readonly toolCalls: readonly ToolCall[];
  /** Concatenated assistant text of this turn. */
  readonly text: string;
  readonly usage: Usage;
  readonly costUsd: number;
  /** Number of retries spent on this turn (429/5xx/stalls). */
  readonly retries: number;
}

export interface ModelClient {
  readonly api: 'responses' | 'chat';
  readonly model: string;
  /** Whether native shell/apply_patch tools are in use. */
  readonly nativeTools: boolean;
  /** Context window in tokens for this model. */
  readonly contextWindow: number;
  turn(request: TurnRequest): Promise<Turn>;
  /**
   * Server-side compaction (Responses `responses.compact`). Returns the items
   * that replace the history, or undefined when the endpoint does not support it.
   */
  compact?(
    request: TurnRequest,
  ): Promise<{ items: readonly Item[]; usage: Usage; costUsd: number } | undefined>;
}
