/**
 * Checks before the baseline that the model's endpoint can be used at all, so a missing key, a
 * wrong base URL or a refused key ends the run in one line instead of after the baseline and a
 * series of connection retries.
 */
import { isAzure } from '../model/index.js';

/** OpenAI's endpoint, used by the `openai` SDK when no base URL is set. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const PROBE_TIMEOUT_MS = 10_000;

export interface EndpointSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Checked against OpenAI's own models list (only there: see availableModels). */
  readonly model?: string;
}

export interface ProbeOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** The endpoint cannot be used: the message is one line naming the URL and what is missing. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

/**
 * No key for OpenAI's own endpoint, a base URL that does not answer, or a 401/403 to
 * `GET <base>/models` (the models list: OpenAI and the usual OpenAI-compatible servers serve it;
 * any other answer, 404 included, shows the server is there) throw an EndpointError.
 */
export async function checkEndpoint(
  settings: EndpointSettings,
  options: ProbeOptions = {},
): Promise<void> {
  const env = options.env ?? process.env;
  // The same fallbacks as the model client (src/model/index.ts).
  const baseUrl = (settings.baseUrl || env.OPENAI_BASE_URL || OPENAI_BASE_URL).replace(/\/+$/, '');
  const apiKey = settings.apiKey || env.OPENAI_API_KEY || '';
  if (apiKey === '' && isOpenAI(baseUrl)) {
    throw new EndpointError(
      `no API key for ${baseUrl}: set the api-key input (--api-key) or OPENAI_API_KEY, or point base-url at a server that needs none`,
    );
  }
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${baseUrl}/models`, {
      headers: headersFor(baseUrl, apiKey),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new EndpointError(
      `cannot reach the model endpoint ${baseUrl}: ${causeOf(error, timeoutMs)}`,
    );
  }
  const models = response.ok && isOpenAI(baseUrl) ? await availableModels(response) : undefined;
  await response.body?.cancel().catch(() => undefined);
  if (settings.model && models && models.length > 0 && !models.includes(settings.model)) {
    const some = models.filter((id) => id.startsWith('gpt-')).slice(0, 3);
    throw new EndpointError(
      `model '${settings.model}' is not among the ${models.length} models ${baseUrl} lists for this API key${some.length > 0 ? ` (such as ${some.join(', ')})` : ''}: check the model input (--model)`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new EndpointError(
      apiKey === ''
        ? `the model endpoint ${baseUrl} needs an API key (HTTP ${response.status}): set the api-key input (--api-key) or OPENAI_API_KEY`
        : `the model endpoint ${baseUrl} refused the API key (HTTP ${response.status}): check the api-key input or OPENAI_API_KEY`,
    );
  }
}

/**
 * The ids of OpenAI's models list, or undefined when the body is not one. Only OpenAI's own
 * list is taken as the models a key may use ("List models": each model the key can call); a
 * proxy or gateway may route names it does not list, and Azure lists base models, not the
 * deployment names the model input holds.
 */
async function availableModels(response: Response): Promise<string[] | undefined> {
  const body: unknown = await response.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || !('data' in body)) return undefined;
  const data = body.data;
  if (!Array.isArray(data)) return undefined;
  const ids = data.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string'
      ? [item.id]
      : [],
  );
  return ids;
}

/** The headers the model client sends (Azure, by host or `/openai/v1` path, also gets `api-key`). */
function headersFor(baseUrl: string, apiKey: string): Record<string, string> {
  if (apiKey === '') return {};
  return { authorization: `Bearer ${apiKey}`, ...(isAzure(baseUrl) ? { 'api-key': apiKey } : {}) };
}

function isOpenAI(baseUrl: string): boolean {
  return hostOf(baseUrl).toLowerCase() === 'api.openai.com';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** `fetch failed` hides the reason in `cause` (ECONNREFUSED, ENOTFOUND...). */
function causeOf(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}
