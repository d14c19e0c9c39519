import type { RetryDelay } from './retry.js';

/** How to build a client. Only `apiKey` is needed for the real API. */
export interface ClientOptions {
  /** Your Complero API key, sent as the spec's `ApiKeyAuth` header on operations that require it. */
  readonly apiKey?: string;
  /** Defaults to the API's production URL. */
  readonly baseUrl?: string;
  /** A `fetch` to use instead of `globalThis.fetch` (looked up on every request, so mocks installed later apply). */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per-attempt timeout in ms (default 60000; `0` disables). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt (default 2; `0` disables). */
  readonly maxRetries?: number;
  /** Backoff between retries. */
  readonly retryDelay?: RetryDelay;
}

/** The client's resolved settings, shared by every call. */
export interface ResolvedOptions {
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryDelay: RetryDelay | undefined;
  /** Replaces the API key wherever it could leak into an error. */
  readonly redact: (text: string) => string;
}

/** Applies defaults and checks the numbers, so a typo fails at construction, not mid-request. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = options.maxRetries ?? 2;
  if (!(timeoutMs >= 0)) throw new TypeError(`timeoutMs must be a number ≥ 0 (0 disables the timeout), got ${String(options.timeoutMs)}.`);
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0))
    throw new TypeError(`maxRetries must be a whole number ≥ 0 (0 disables retries), got ${String(options.maxRetries)}.`);
  const key = options.apiKey;
  return {
    timeoutMs,
    maxRetries,
    retryDelay: options.retryDelay,
    redact: (text) => (key ? text.split(key).join('[redacted]') : text),
  };
}

/**
 * An identifying header. Browsers forbid `User-Agent` and would preflight any custom header,
 * so it is only sent where no `document` exists (Node, Deno, Bun, workers of those).
 */
export function identificationHeaders(version: string): Record<string, string> {
  if (typeof document !== 'undefined') return {};
  const node = (globalThis as { process?: { version?: string } }).process?.version;
  return { 'User-Agent': `complero-client-js/${version}${node ? ` node/${node}` : ''}` };
}
