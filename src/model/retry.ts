/**
 * Our own retry loop around one model request (the SDK's retries are turned
 * off with `maxRetries: 0` so that every wait is bounded and logged here).
 *
 * Retried (allowlist): HTTP 408, 429 (except `insufficient_quota`), 500, 502,
 * 503, 504; connection errors and resets; a stream cut before its final
 * event; a stream silent for longer than `idleTimeoutMs`; stream `error`
 * events whose code says rate limit or server error. Waits use exponential
 * backoff with full jitter, or the server's `retry-after-ms` / `retry-after`
 * header when present, bounded by `maxRetries` and `maxTotalWaitMs`.
 * Everything else ends the run as a {@link ModelError}.
 */
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { Redactor } from '../core/secrets.js';
import { ModelError, oneLine, type ModelErrorStatus } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 4, i.e. 5 attempts in all). */
  readonly maxRetries: number;
  /** Upper bound of the sum of all waits of one request (default 5 min). */
  readonly maxTotalWaitMs: number;
  /**
   * Abort and retry an attempt that shows no activity for this long (default
   * 300 s, Codex's stream idle timeout: a long reasoning phase sends nothing).
   */
  readonly idleTimeoutMs: number;
  /** First backoff step (default 1 s); doubled each retry, capped by `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: (line: string) => void;
  /** Values masked out of every log line and error message (the API key). */
  readonly secrets: readonly string[];
  /** Random source in [0, 1) for the jitter. */
  readonly random: () => number;
  /** Appended to auth-error messages (e.g. that no key was configured). */
  readonly authHint?: string;
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 4,
  maxTotalWaitMs: 5 * 60_000,
  idleTimeoutMs: 300_000,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  log: () => {},
  secrets: [],
  random: Math.random,
};

/** Handed to each attempt: abort signal for the request, and `touch()` to report activity. */
export interface AttemptContext {
  readonly signal: AbortSignal;
  /** Call on every received event; resets the idle watchdog. */
  touch(): void;
}

/** A stream that went silent for longer than the idle timeout. */
export class StreamStallError extends Error {
  override readonly name = 'StreamStallError';
  constructor(readonly idleMs: number) {
    super(`stream stalled for ${(idleMs / 1000).toFixed(1)}s`);
  }
}

/** A stream that ended before its final event (connection cut mid-way). */
export class IncompleteStreamError extends Error {
  override readonly name = 'IncompleteStreamError';
  constructor(message = 'stream ended before the response completed') {
    super(message);
  }
}

/** A stream that passed the per-turn cap without ending (see STREAM_CAP in common.ts): not retried. */
export class StreamTooLongError extends Error {
  override readonly name = 'StreamTooLongError';
}

/** A failure reported inside a 200 response (`response.failed`, stream `error` event). */
export class ResponseFailedError extends Error {
  override readonly name = 'ResponseFailedError';
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface Failure {
  readonly retryable: boolean;
  /** The ModelError status when it is not retried (or retries run out). */
  readonly status: ModelErrorStatus;
  readonly httpStatus?: number;
  /** Short reason for logs, e.g. `429 rate limited`. */
  readonly reason: string;
  /** The API's own error message (may be empty). */
  readonly detail: string;
  readonly retryAfterMs?: number;
}

const RETRYABLE_HTTP: Readonly<Record<number, string>> = {
  408: 'request timeout',
  429: 'rate limited',
  500: 'server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

const RETRYABLE_CODES = new Set(['rate_limit_exceeded', 'server_error', 'overloaded', 'timeout']);
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function isContextFull(code: string | undefined, message: string): boolean {
  return (
    code === 'context_length_exceeded' ||
    /context[_ ]length|context window|maximum context|too many tokens|prompt is too long/i.test(
      message,
    )
  );
}

function apiMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const m = error.message;
    return typeof m === 'string' ? m : JSON.stringify(m);
  }
  return '';
}

/** Milliseconds the server asked us to wait, from `retry-after-ms` or `retry-after`. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)))
    return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function causeCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i++) {
    const code = 'code' in cur ? cur.code : undefined;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return code;
    cur = 'cause' in cur ? cur.cause : undefined;
  }
  return undefined;
}

/** Decide whether an error from one attempt is worth another attempt. */
export function classifyError(e: unknown): Failure {
  if (e instanceof StreamStallError || e instanceof IncompleteStreamError) {
    return { retryable: true, status: 'model-error', reason: e.message, detail: '' };
  }
  if (e instanceof StreamTooLongError) {
    return { retryable: false, status: 'model-error', reason: e.message, detail: '' };
  }
  if (e instanceof ResponseFailedError) return failedResponse('response failed', e.code, e.message);
  if (e instanceof APIUserAbortError) {
    return { retryable: false, status: 'model-error', reason: 'request aborted', detail: '' };
  }
  if (e instanceof APIConnectionError) {
    return {
      retryable: true,
      status: 'model-error',
      reason: 'connection error',
      detail: e.message,
    };
  }
  if (e instanceof APIError) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    const detail = apiMessage(e.error);
    // No HTTP status: an `error` event inside a stream.
    if (typeof e.status !== 'number') return failedResponse('stream error', code, detail);
    return httpFailure(e.status, code, detail, e.headers);
  }
  const connection = causeCode(e);
  if (
    connection !== undefined ||
    (e instanceof TypeError && /terminated|fetch failed|socket/i.test(e.message))
  ) {
    const detail = connection ?? (e instanceof Error ? e.message : '');
    return { retryable: true, status: 'model-error', reason: 'connection error', detail };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { retryable: false, status: 'model-error', reason: 'unexpected error', detail: message };
}

/** A response (or stream) the service ended with an error code: retried when the code says so. */
function failedResponse(what: string, code: string | undefined, detail: string): Failure {
  if (isContextFull(code, detail)) {
    return { retryable: false, status: 'context-full', reason: 'context length exceeded', detail };
  }
  return {
    retryable: code !== undefined && RETRYABLE_CODES.has(code),
    status: 'model-error',
    reason: `${what} (${code ?? 'no code'})`,
    detail,
  };
}

/** An HTTP error answer: retried for the statuses of RETRYABLE_HTTP (not an exhausted quota). */
function httpFailure(
  status: number,
  code: string | undefined,
  detail: string,
  headers: Headers | undefined,
): Failure {
  const base = { retryable: false, httpStatus: status, detail } as const;
  if (status === 401 || status === 403) {
    return { ...base, status: 'auth-error', reason: `${status} not authorized` };
  }
  if (isContextFull(code, detail) && (status === 400 || status === 413)) {
    return { ...base, status: 'context-full', reason: `${status} context length exceeded` };
  }
  const label = RETRYABLE_HTTP[status];
  if (label !== undefined && !(status === 429 && code === 'insufficient_quota')) {
    return {
      ...base,
      retryable: true,
      status: 'model-error',
      reason: `${status} ${label}`,
      retryAfterMs: retryAfterMs(headers),
    };
  }
  return { ...base, status: 'model-error', reason: `${status} request failed` };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** Wait for `sleeping`, but reject at once with the abort reason when `outer` aborts. */
function sleepUnlessAborted(
  sleeping: Promise<void>,
  outer: AbortSignal | undefined,
): Promise<void> {
  if (!outer) return sleeping;
  if (outer.aborted) return Promise.reject(abortReason(outer));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(outer));
    outer.addEventListener('abort', onAbort, { once: true });
    sleeping.then(
      () => {
        outer.removeEventListener('abort', onAbort);
        resolve();
      },
      (e: unknown) => {
        outer.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Run one attempt with an idle watchdog that aborts it when `touch()` stops being called. */
async function watchedAttempt<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  idleMs: number,
  outer: AbortSignal | undefined,
): Promise<T> {
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort(new StreamStallError(idleMs));
    }, idleMs);
  };
  const onOuter = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  touch();
  try {
    const value = await fn({ signal: controller.signal, touch });
    if (stalled) throw new StreamStallError(idleMs);
    return value;
  } catch (e) {
    if (stalled) throw new StreamStallError(idleMs);
    throw e;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

/**
 * Run `fn` until it succeeds, a non-retryable error occurs, or the retry
 * budget is spent. Returns the value and the number of retries used; throws
 * {@link ModelError} (or the caller's abort reason when `outer` aborts).
 */
export async function withRetries<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  options: RetryOptions,
  outer?: AbortSignal,
): Promise<{ value: T; retries: number }> {
  const maxAttempts = Math.max(1, options.maxRetries + 1);
  const redactor = new Redactor(options.secrets);
  const mask = (s: string): string => redactor.redactSecrets(oneLine(s));
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    if (outer?.aborted) throw abortReason(outer);
    let failure: Failure;
    try {
      const value = await watchedAttempt(fn, options.idleTimeoutMs, outer);
      return { value, retries: attempt - 1 };
    } catch (e) {
      if (outer?.aborted) throw abortReason(outer);
      failure = classifyError(e);
    }
    const hint =
      failure.status === 'auth-error' && options.authHint ? ` (${options.authHint})` : '';
    const detail = (failure.detail ? `: ${failure.detail}` : '') + hint;
    const fail = (prefix: string): ModelError =>
      new ModelError(failure.status, mask(`model: ${prefix}${detail}`), {
        httpStatus: failure.httpStatus,
        attempts: attempt,
      });
    if (!failure.retryable) throw fail(failure.reason);
    if (attempt >= maxAttempts)
      throw fail(`${failure.reason}, giving up after ${attempt} attempts`);
    const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
    const delay = Math.round(failure.retryAfterMs ?? options.random() * cap);
    if (waited + delay > options.maxTotalWaitMs) {
      throw fail(
        `${failure.reason}, giving up: retry wait would exceed ${Math.round(options.maxTotalWaitMs / 1000)}s`,
      );
    }
    options.log(
      mask(
        `model: ${failure.reason}, retrying in ${(delay / 1000).toFixed(1)}s (attempt ${attempt + 1}/${maxAttempts})`,
      ),
    );
    waited += delay;
    await sleepUnlessAborted(options.sleep(delay), outer);
  }
}
