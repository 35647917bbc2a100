/**
 * The model port's factory: builds the adapter the run config asks for.
 *
 *   const model = createModelClient(config, { log: core.info });
 *   const turn = await model.turn({ instructions, input, tools });
 *
 * The SDK's own retries are off (`maxRetries: 0`); src/model/retry.ts retries
 * instead, logging every wait through `options.log`. Base URL and key come
 * from the config, else from OPENAI_BASE_URL / OPENAI_API_KEY. A keyless
 * local server gets a placeholder key (the SDK insists on one). Azure OpenAI
 * works through its `/openai/v1` base URL (the key is also sent as `api-key`,
 * and Responses requests use `store: true`, see responses.ts).
 */
import OpenAI from 'openai';
import type { RunConfig } from '../config/types.js';
import { capabilitiesOf } from './capabilities.js';
import { createChatClient } from './chat.js';
import { refusedEffort, type AdapterOptions } from './common.js';
import { createResponsesClient } from './responses.js';
import { defaultRetryOptions, type RetryOptions } from './retry.js';
import type { ModelClient } from './types.js';

export { ModelError } from './errors.js';
export type { ModelErrorStatus } from './errors.js';
export { costOf, addUsage, zeroUsage, priceOf } from './pricing.js';
export { capabilitiesOf, baseModelName } from './capabilities.js';
export { countTokens, estimateItemsTokens, loadTokenizer } from './tokens.js';

export type ModelConfig = Pick<
  RunConfig,
  | 'model'
  | 'api'
  | 'baseUrl'
  | 'apiKey'
  | 'reasoningEffort'
  | 'toolStyle'
  | 'price'
  | 'contextWindow'
>;

export interface ModelClientOptions {
  /** One line per retry wait; never contains the API key. */
  readonly log?: (line: string) => void;
  /** Stream answers (default true). */
  readonly stream?: boolean;
  /** Retries after the first attempt (default 4 → 5 attempts). */
  readonly maxRetries?: number;
  /** Bound on the sum of retry waits of one request (default 300 000 ms). */
  readonly maxTotalWaitMs?: number;
  /** A stream silent this long is aborted and retried (default 300 000 ms, as Codex). */
  readonly idleTimeoutMs?: number;
  /** Per-request timeout (default 600 000 ms). */
  readonly requestTimeoutMs?: number;
  /** First backoff step (default 1000 ms). */
  readonly retryBaseMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Environment to read OPENAI_BASE_URL / OPENAI_API_KEY from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Why the configured reasoning effort cannot be sent to the model, as a bad-input line naming
 * the efforts the model table gives it (common.ts refusedEffort); else undefined.
 */
export function configEffortRefusal(
  config: Pick<ModelConfig, 'model' | 'reasoningEffort' | 'contextWindow' | 'price'>,
): string | undefined {
  const capabilities = capabilitiesOf(config.model, {
    contextWindow: config.contextWindow,
    price: config.price,
  });
  const accepted = refusedEffort(capabilities, config.reasoningEffort);
  if (accepted === undefined) return undefined;
  const allowed = accepted.map((e) => `'${e}'`).join(', ');
  return `Input 'reasoning-effort' must be one of ${allowed} for model '${config.model}', got '${config.reasoningEffort}'.`;
}

/** Placeholder sent to keyless local servers; the SDK refuses to run without a key. */
export const KEYLESS_PLACEHOLDER = 'not-needed';

/** Native tools by default for the models whose capability row says so (the GPT-5.1 family), on the Responses API. */
export function usesNativeTools(config: Pick<ModelConfig, 'api' | 'model' | 'toolStyle'>): boolean {
  if (config.api !== 'responses') return false;
  if (config.toolStyle === 'native') return true;
  if (config.toolStyle === 'function') return false;
  return capabilitiesOf(config.model).nativeTools;
}

/**
 * Hosts that serve the OpenAI API under an `/openai/v1` path without being Azure
 * (https://console.groq.com/docs/openai: base URL `https://api.groq.com/openai/v1`).
 */
const NOT_AZURE_HOSTS = /(^|\.)groq\.com$/i;

/** Azure OpenAI: by its host names, or by its `/openai/v1` path (behind a proxy). */
export function isAzure(baseUrl: string): boolean {
  try {
    const url = new URL(baseUrl);
    if (
      /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/i.test(
        url.hostname,
      )
    )
      return true;
    return /\/openai\/v1\/?$/.test(url.pathname) && !NOT_AZURE_HOSTS.test(url.hostname);
  } catch {
    return false;
  }
}

export function createModelClient(
  config: ModelConfig,
  options: ModelClientOptions = {},
): ModelClient {
  const env = options.env ?? process.env;
  const baseURL = config.baseUrl || env.OPENAI_BASE_URL || undefined;
  const userKey = config.apiKey || env.OPENAI_API_KEY || '';
  const apiKey = userKey || KEYLESS_PLACEHOLDER;
  const client = new OpenAI({
    apiKey,
    baseURL,
    maxRetries: 0,
    timeout: options.requestTimeoutMs ?? 600_000,
    defaultHeaders: baseURL && userKey && isAzure(baseURL) ? { 'api-key': userKey } : undefined,
  });
  const retry: RetryOptions = {
    ...defaultRetryOptions,
    maxRetries: options.maxRetries ?? defaultRetryOptions.maxRetries,
    maxTotalWaitMs: options.maxTotalWaitMs ?? defaultRetryOptions.maxTotalWaitMs,
    idleTimeoutMs: options.idleTimeoutMs ?? defaultRetryOptions.idleTimeoutMs,
    baseDelayMs: options.retryBaseMs ?? defaultRetryOptions.baseDelayMs,
    sleep: options.sleep ?? defaultRetryOptions.sleep,
    log: options.log ?? defaultRetryOptions.log,
    secrets: userKey ? [userKey] : [],
    authHint: userKey
      ? undefined
      : 'no API key configured: set the api-key input or OPENAI_API_KEY',
  };
  const adapter: AdapterOptions = {
    model: config.model,
    reasoningEffort: config.reasoningEffort,
    nativeTools: usesNativeTools(config),
    capabilities: capabilitiesOf(config.model, {
      contextWindow: config.contextWindow,
      price: config.price,
    }),
    azure: baseURL !== undefined && isAzure(baseURL),
    stream: options.stream ?? true,
    retry,
    requestTimeoutMs: options.requestTimeoutMs ?? 600_000,
  };
  return config.api === 'chat'
    ? createChatClient(client, adapter)
    : createResponsesClient(client, adapter);
}
