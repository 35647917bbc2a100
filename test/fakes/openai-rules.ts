/**
 * Where the real OpenAI-compatible services are strict, the fake server is
 * too. Each rule names its source: the `openai` SDK's types
 * (node_modules/openai/resources/responses/responses.d.ts, chat/completions.d.ts),
 * OpenAI's Codex client (`codex-rs`), OpenAI's model pages, or an issue thread.
 * A rule returns the error the real service answers, or undefined.
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

type Json = Record<string, unknown>;

export interface Rejection {
  readonly status: number;
  readonly body: Json;
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function reject(
  message: string,
  param: string | null,
  code: string | null,
  status = 400,
): Rejection {
  return { status, body: { error: { message, type: 'invalid_request_error', param, code } } };
}

/** The model's own name: `openai/gpt-5.1-codex` → `gpt-5.1-codex`. */
function baseName(model: string): string {
  return model.slice(model.lastIndexOf('/') + 1).toLowerCase();
}

function byPrefix<T>(table: Readonly<Record<string, T>>, model: string): T | undefined {
  const name = baseName(model);
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (name.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

/**
 * Input limits. gpt-5*: 400,000 window less 128,000 output = 272,000 (OpenAI's
 * model pages; codex-rs `model_family.rs` CONTEXT_WINDOW_272K). Others: the
 * window from the model pages (gpt-4.1 1,047,576; gpt-4o 128,000; o3/o4-mini 200,000).
 */
export const CONTEXT_LIMITS: Readonly<Record<string, number>> = {
  'gpt-5': 272_000,
  'gpt-4.1': 1_047_576,
  'gpt-4o': 128_000,
  o3: 200_000,
  'o4-mini': 200_000,
};

/**
 * Efforts accepted per model (codex-rs `model_presets.rs` supported_reasoning_efforts;
 * the Responses API's `reasoning.effort` docs: `minimal` for gpt-5 only,
 * `none` from gpt-5.1, `xhigh` for gpt-5.1-codex-max).
 */
const EFFORTS: Readonly<Record<string, readonly string[]>> = {
  'gpt-5.1-codex-max': ['low', 'medium', 'high', 'xhigh'],
  'gpt-5.1-codex-mini': ['medium', 'high'],
  'gpt-5.1-codex': ['low', 'medium', 'high'],
  'gpt-5.1': ['none', 'low', 'medium', 'high'],
  'gpt-5-codex': ['low', 'medium', 'high'],
  'gpt-5': ['minimal', 'low', 'medium', 'high'],
  o3: ['low', 'medium', 'high'],
  'o4-mini': ['low', 'medium', 'high'],
};

export function contextLimitOf(
  model: string,
  overrides: Readonly<Record<string, number>> | undefined,
): number | undefined {
  return (overrides && byPrefix(overrides, model)) ?? byPrefix(CONTEXT_LIMITS, model);
}

// ---------------------------------------------------------------------------
// Token counting (o200k, the encoding of every model above), cached per string
// because the whole history is resent every turn.

const tokenCache = new Map<string, number>();

function tokensOf(text: string): number {
  if (text.length < 8) return text.length === 0 ? 0 : 1;
  let n = tokenCache.get(text);
  if (n === undefined) {
    n = countTokens(text);
    tokenCache.set(text, n);
  }
  return n;
}

/** Tokens of every string value (not the keys) of a request part; encrypted blobs count a quarter of their length. */
function contentTokens(value: unknown, key = ''): number {
  if (typeof value === 'string') {
    return key === 'encrypted_content' ? Math.ceil(value.length / 4) : tokensOf(value);
  }
  if (Array.isArray(value)) return value.reduce<number>((s, v) => s + contentTokens(v), 0);
  if (isRecord(value)) {
    let sum = 0;
    for (const [k, v] of Object.entries(value)) sum += contentTokens(v, k);
    return sum;
  }
  return 0;
}

/** Per-item framing the API adds (role markers); a few tokens, as in OpenAI's counting guide. */
const ITEM_FRAMING = 4;

export function requestTokens(parts: readonly unknown[], items: readonly unknown[]): number {
  return (
    parts.reduce<number>((s, p) => s + contentTokens(p), 0) +
    items.reduce<number>((s, i) => s + contentTokens(i) + ITEM_FRAMING, 0)
  );
}

// ---------------------------------------------------------------------------
// Responses API request shapes, from the SDK's `ResponseCreateParamsBase`,
// `Tool` and `ResponseInputItem` types.

const BODY_KEYS = new Set([
  'model',
  'input',
  'instructions',
  'tools',
  'tool_choice',
  'store',
  'stream',
  'stream_options',
  'include',
  'reasoning',
  'parallel_tool_calls',
  'max_output_tokens',
  'max_tool_calls',
  'metadata',
  'previous_response_id',
  'conversation',
  'prompt',
  'prompt_cache_key',
  'prompt_cache_retention',
  'safety_identifier',
  'service_tier',
  'temperature',
  'top_p',
  'top_logprobs',
  'text',
  'truncation',
  'user',
  'background',
  'context_management',
]);

/** Allowed keys and required keys of each input item type (SDK `ResponseInputItem` members). */
const ITEM_SHAPES: Readonly<Record<string, { allowed: string[]; required: string[] }>> = {
  // EasyInputMessage / ResponseInputItem.Message / ResponseOutputMessage.
  message: {
    allowed: ['type', 'role', 'content', 'phase', 'id', 'status'],
    required: ['role', 'content'],
  },
  // ResponseFunctionToolCall.
  function_call: {
    allowed: ['type', 'call_id', 'name', 'arguments', 'id', 'status', 'namespace', 'caller'],
    required: ['call_id', 'name', 'arguments'],
  },
  // ResponseInputItem.FunctionCallOutput.
  function_call_output: {
    allowed: ['type', 'call_id', 'output', 'id', 'status', 'caller'],
    required: ['call_id', 'output'],
  },
  // ResponseInputItem.ShellCall.
  shell_call: {
    allowed: ['type', 'call_id', 'action', 'id', 'status', 'environment', 'caller'],
    required: ['call_id', 'action'],
  },
  // ResponseInputItem.ShellCallOutput.
  shell_call_output: {
    allowed: ['type', 'call_id', 'output', 'id', 'status', 'max_output_length', 'caller'],
    required: ['call_id', 'output'],
  },
  // ResponseInputItem.ApplyPatchCall.
  apply_patch_call: {
    allowed: ['type', 'call_id', 'operation', 'status', 'id', 'caller'],
    required: ['call_id', 'operation', 'status'],
  },
  // ResponseInputItem.ApplyPatchCallOutput.
  apply_patch_call_output: {
    allowed: ['type', 'call_id', 'status', 'output', 'id', 'caller'],
    required: ['call_id', 'status'],
  },
  // ResponseReasoningItem.
  reasoning: {
    allowed: ['type', 'id', 'summary', 'encrypted_content', 'content', 'status'],
    required: ['id', 'summary'],
  },
  // ResponseCompactionItemParam.
  compaction: { allowed: ['type', 'encrypted_content', 'id'], required: ['encrypted_content'] },
};

const CALL_OF_OUTPUT: Readonly<Record<string, string>> = {
  function_call_output: 'function_call',
  shell_call_output: 'shell_call',
  apply_patch_call_output: 'apply_patch_call',
};

function checkKeys(
  value: Json,
  allowed: readonly string[],
  required: readonly string[],
  where: string,
): Rejection | undefined {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      return reject(
        `Unknown parameter: '${where}.${key}'.`,
        `${where}.${key}`,
        'unknown_parameter',
      );
    }
  }
  for (const key of required) {
    if (value[key] === undefined) {
      return reject(
        `Missing required parameter: '${where}.${key}'.`,
        `${where}.${key}`,
        'missing_required_parameter',
      );
    }
  }
  return undefined;
}

/** SDK `FunctionTool`, `FunctionShellTool` (environment: local | container…), `ApplyPatchTool`. */
function checkTool(tool: unknown, where: string): Rejection | undefined {
  if (!isRecord(tool)) return reject(`Invalid type for '${where}'.`, where, 'invalid_type');
  switch (tool.type) {
    case 'function':
      return checkKeys(
        tool,
        ['type', 'name', 'parameters', 'strict', 'description', 'defer_loading'],
        ['name', 'parameters', 'strict'],
        where,
      );
    case 'shell': {
      const bad = checkKeys(tool, ['type', 'environment', 'allowed_callers'], [], where);
      if (bad) return bad;
      const env = tool.environment;
      if (
        env !== undefined &&
        env !== null &&
        !(
          isRecord(env) &&
          ['local', 'container_auto', 'container_reference'].includes(String(env.type))
        )
      ) {
        return reject(
          `Invalid value for '${where}.environment'.`,
          `${where}.environment`,
          'invalid_value',
        );
      }
      return undefined;
    }
    case 'apply_patch':
      return checkKeys(tool, ['type', 'allowed_callers'], [], where);
    default:
      return reject(`Invalid value: '${String(tool.type)}'.`, `${where}.type`, 'invalid_value');
  }
}

function checkShellOutput(entry: unknown, where: string): Rejection | undefined {
  if (!isRecord(entry)) return reject(`Invalid type for '${where}'.`, where, 'invalid_type');
  const bad = checkKeys(
    entry,
    ['stdout', 'stderr', 'outcome'],
    ['stdout', 'stderr', 'outcome'],
    where,
  );
  if (bad) return bad;
  const outcome = entry.outcome;
  const ok =
    isRecord(outcome) &&
    ((outcome.type === 'exit' && typeof outcome.exit_code === 'number') ||
      outcome.type === 'timeout');
  return ok
    ? undefined
    : reject(`Invalid value for '${where}.outcome'.`, `${where}.outcome`, 'invalid_value');
}

function checkOperation(op: unknown, where: string): Rejection | undefined {
  if (!isRecord(op)) return reject(`Invalid type for '${where}'.`, where, 'invalid_type');
  if (op.type === 'delete_file') return checkKeys(op, ['type', 'path'], ['path'], where);
  if (op.type === 'create_file' || op.type === 'update_file') {
    return checkKeys(op, ['type', 'path', 'diff'], ['path', 'diff'], where);
  }
  return reject(`Invalid value for '${where}.type'.`, `${where}.type`, 'invalid_value');
}

export interface ItemRules {
  readonly store: boolean;
  /**
   * Azure OpenAI: under `store: false` it looks up every item id, reasoning
   * items' included, and fails. Source: the shared README's facts, the
   * "Item with id … not found" reports against Azure in openai/codex and
   * vercel/ai; Codex therefore never serialises ids (`#[serde(skip_serializing)]`
   * on `ResponseItem` ids in codex-rs `protocol/src/models.rs`).
   */
  readonly azure: boolean;
  /** Ids of items this server stored (responses made with `store: true`). */
  readonly stored: ReadonlySet<string>;
}

/** Checks the `input` items of a /responses or /responses/compact request. */
export function checkInputItems(input: unknown, rules: ItemRules): Rejection | undefined {
  if (typeof input === 'string' || input === undefined) return undefined;
  if (!Array.isArray(input)) return reject(`Invalid type for 'input'.`, 'input', 'invalid_type');
  const calls = new Map<string, string>();
  for (let i = 0; i < input.length; i++) {
    const item: unknown = input[i];
    const where = `input[${i}]`;
    if (!isRecord(item)) return reject(`Invalid type for '${where}'.`, where, 'invalid_type');
    const type = typeof item.type === 'string' ? item.type : 'message';
    const shape = ITEM_SHAPES[type];
    if (!shape) return reject(`Invalid value: '${type}'.`, `${where}.type`, 'invalid_value');
    const bad = checkKeys(item, shape.allowed, shape.required, where);
    if (bad) return bad;

    // Ids: with `store: false` nothing was stored, so an id cannot be looked up.
    // OpenAI accepts a reasoning item's id when its encrypted content comes with
    // it (the stateless pattern of its reasoning guide); Azure does not.
    const id = typeof item.id === 'string' ? item.id : undefined;
    if (id !== undefined && !rules.stored.has(id)) {
      const statelessReasoning =
        type === 'reasoning' &&
        !rules.store &&
        !rules.azure &&
        typeof item.encrypted_content === 'string';
      if (!statelessReasoning) {
        return reject(
          rules.store
            ? `Item with id '${id}' not found.`
            : `Item with id '${id}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
          'input',
          null,
        );
      }
    }

    if (type === 'message') {
      if (!['user', 'assistant', 'system', 'developer'].includes(String(item.role))) {
        return reject(`Invalid value: '${String(item.role)}'.`, `${where}.role`, 'invalid_value');
      }
      if (
        item.phase !== undefined &&
        item.phase !== null &&
        !['commentary', 'final_answer'].includes(String(item.phase))
      ) {
        return reject(`Invalid value: '${String(item.phase)}'.`, `${where}.phase`, 'invalid_value');
      }
    }
    if (type === 'shell_call') {
      const action = item.action;
      if (!isRecord(action) || !Array.isArray(action.commands)) {
        return reject(
          `Missing required parameter: '${where}.action.commands'.`,
          `${where}.action.commands`,
          'missing_required_parameter',
        );
      }
      const badAction = checkKeys(
        action,
        ['commands', 'timeout_ms', 'max_output_length'],
        ['commands'],
        `${where}.action`,
      );
      if (badAction) return badAction;
    }
    if (type === 'shell_call_output') {
      if (!Array.isArray(item.output))
        return reject(`Invalid type for '${where}.output'.`, `${where}.output`, 'invalid_type');
      for (let j = 0; j < item.output.length; j++) {
        const badEntry = checkShellOutput(item.output[j], `${where}.output[${j}]`);
        if (badEntry) return badEntry;
      }
    }
    if (type === 'apply_patch_call') {
      const badOp = checkOperation(item.operation, `${where}.operation`);
      if (badOp) return badOp;
    }

    // Every output answers an earlier call of its kind (the API's "No tool call
    // found for function call output with call_id …").
    const callId = typeof item.call_id === 'string' ? item.call_id : '';
    if (type in CALL_OF_OUTPUT) {
      if (calls.get(callId) !== CALL_OF_OUTPUT[type]) {
        return reject(
          `No tool call found for ${type.replace(/_/g, ' ')} with call_id ${callId}.`,
          'input',
          null,
        );
      }
    } else if (callId !== '') {
      calls.set(callId, type);
    }

    // A reasoning item must be followed by the item it produced (the API's
    // "Item 'rs_…' of type 'reasoning' was provided without its required following item.").
    if (type === 'reasoning') {
      const next: unknown = input[i + 1];
      const follows =
        isRecord(next) &&
        next.type !== 'reasoning' &&
        !(next.type === 'message' && next.role !== 'assistant') &&
        !(next.type === undefined && next.role !== 'assistant');
      if (!follows) {
        return reject(
          `Item '${id ?? '(no id)'}' of type 'reasoning' was provided without its required following item.`,
          'input',
          null,
        );
      }
    }
  }
  return undefined;
}

export interface RequestRules extends ItemRules {
  readonly contextLimits: Readonly<Record<string, number>> | undefined;
}

/** A /v1/responses request, as the real endpoint checks it. */
export function checkResponsesRequest(
  body: Json | undefined,
  rules: RequestRules,
): Rejection | undefined {
  if (!body) return reject('We could not parse the JSON body of your request.', null, null);
  for (const key of Object.keys(body)) {
    if (!BODY_KEYS.has(key))
      return reject(`Unknown parameter: '${key}'.`, key, 'unknown_parameter');
  }
  const model = typeof body.model === 'string' ? body.model : '';
  const effort = isRecord(body.reasoning) ? body.reasoning.effort : undefined;
  const accepted = byPrefix(EFFORTS, model);
  if (typeof effort === 'string' && accepted && !accepted.includes(effort)) {
    return reject(
      `Unsupported value: '${effort}' is not supported with the '${model}' model. Supported values are: ${accepted.map((e) => `'${e}'`).join(', ')}.`,
      'reasoning.effort',
      'unsupported_value',
    );
  }
  const tools = Array.isArray(body.tools) ? body.tools : [];
  for (let i = 0; i < tools.length; i++) {
    const bad = checkTool(tools[i], `tools[${i}]`);
    if (bad) return bad;
  }
  const badItems = checkInputItems(body.input, rules);
  if (badItems) return badItems;
  return checkContext(
    model,
    [body.instructions, body.tools],
    inputItems(body.input),
    rules,
    'responses',
  );
}

function inputItems(input: unknown): unknown[] {
  return Array.isArray(input) ? input : typeof input === 'string' ? [input] : [];
}

function checkContext(
  model: string,
  parts: readonly unknown[],
  items: readonly unknown[],
  rules: { contextLimits: Readonly<Record<string, number>> | undefined },
  api: 'responses' | 'chat',
): Rejection | undefined {
  const limit = contextLimitOf(model, rules.contextLimits);
  if (limit === undefined) return undefined;
  const tokens = requestTokens(parts, items);
  if (tokens <= limit) return undefined;
  return reject(
    api === 'responses'
      ? 'Your input exceeds the context window of this model. Please adjust your input and try again.'
      : `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${tokens} tokens. Please reduce the length of the messages.`,
    api === 'responses' ? 'input' : 'messages',
    'context_length_exceeded',
  );
}

/**
 * The tools a /responses/compact input refers to must be declared: Codex sends
 * them (`CompactionInput.tools` in codex-rs `codex-api/src/common.rs`). This
 * rule is the fake's model of that contract; the endpoint's answer without them
 * is not documented.
 */
export function checkCompactRequest(
  body: Json | undefined,
  rules: RequestRules,
): Rejection | undefined {
  if (!body) return reject('We could not parse the JSON body of your request.', null, null);
  const badItems = checkInputItems(body.input, rules);
  if (badItems) return badItems;
  const tools = Array.isArray(body.tools) ? body.tools.filter(isRecord) : [];
  const input = inputItems(body.input);
  for (let i = 0; i < input.length; i++) {
    const item = input[i];
    if (!isRecord(item)) continue;
    const needs =
      item.type === 'shell_call'
        ? (t: Json) => t.type === 'shell'
        : item.type === 'apply_patch_call'
          ? (t: Json) => t.type === 'apply_patch'
          : item.type === 'function_call'
            ? (t: Json) => t.type === 'function' && t.name === item.name
            : undefined;
    if (needs && !tools.some(needs)) {
      return reject(`input[${i}] refers to a tool that is not declared in 'tools'.`, 'tools', null);
    }
  }
  return undefined;
}

/** A /v1/chat/completions request: tool messages answer an earlier call; the context limit. */
export function checkChatRequest(
  body: Json | undefined,
  rules: { contextLimits: Readonly<Record<string, number>> | undefined },
): Rejection | undefined {
  if (!body) return reject('We could not parse the JSON body of your request.', null, null);
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const callIds = new Set<string>();
  for (let i = 0; i < messages.length; i++) {
    const m: unknown = messages[i];
    if (!isRecord(m))
      return reject(`Invalid type for 'messages[${i}]'.`, `messages[${i}]`, 'invalid_type');
    if (Array.isArray(m.tool_calls)) {
      for (const tc of m.tool_calls) {
        if (isRecord(tc) && typeof tc.id === 'string') callIds.add(tc.id);
      }
    }
    // OpenAI: "messages with role 'tool' must be a response to a preceeding message with 'tool_calls'".
    if (m.role === 'tool' && !callIds.has(String(m.tool_call_id))) {
      return reject(
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        `messages.[${i}].role`,
        null,
      );
    }
  }
  const model = typeof body.model === 'string' ? body.model : '';
  return checkContext(model, [body.tools], messages, rules, 'chat');
}
