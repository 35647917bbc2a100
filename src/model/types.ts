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
      /**
       * Responses API: an assistant message's `phase` (intermediate commentary or
       * the final answer). The SDK's `EasyInputMessage.phase` says to resend it on
       * every assistant message from gpt-5.3-codex on.
       */
      readonly phase?: 'commentary' | 'final_answer';
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
  /** For shell results on the native wire: the last command's outcome, all output joined. */
  readonly shell?: ShellOutput & {
    /**
     * One entry per command that ran, in order (a `shell_call_output` carries one
     * output entry per command). Absent in checkpoints written before it existed.
     */
    readonly outputs?: readonly ShellOutput[];
    /** The call's `max_output_length`, echoed back as the SDK's `ShellCallOutput` asks. */
    readonly maxOutputLength?: number;
  };
}

export interface ShellOutput {
  readonly stdout: string;
  readonly stderr: string;
  /** null when the command timed out or was killed. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
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
  /**
   * Usable input room in tokens: the model's window less the output it
   * reserves (272,000 for gpt-5.1-codex-max). Past it the API answers
   * `context_length_exceeded`.
   */
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
