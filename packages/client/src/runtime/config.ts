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
  checkLimits({ timeoutMs, maxRetries });
  const key = options.apiKey;
  // JSON text escapes `"` and `\`, so a key holding them appears there in its escaped form too.
  const forms = key ? [JSON.stringify(key).slice(1, -1), key] : [];
  return {
    timeoutMs,
    maxRetries,
    retryDelay: options.retryDelay,
    redact: (text) => forms.reduce((clean, form) => clean.split(form).join('[redacted]'), text),
  };
}

/** Throws a `TypeError` for a timeout or retry count that cannot work (client-wide or per call). */
export function checkLimits(options: { timeoutMs: number; maxRetries: number }): void {
  const { timeoutMs, maxRetries } = options;
  if (!(timeoutMs >= 0)) throw new TypeError(`timeoutMs must be a number ≥ 0 (0 disables the timeout), got ${String(timeoutMs)}.`);
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0))
    throw new TypeError(`maxRetries must be a whole number ≥ 0 (0 disables retries), got ${String(maxRetries)}.`);
}

/** The part of a global object that tells a Node-like runtime apart. */
interface Runtime {
  readonly process?: { readonly versions?: { readonly node?: string } };
}

/**
 * An identifying header, sent only where the runtime is Node-like (Node, Deno, Bun): browsers
 * and their Web Workers forbid `User-Agent`, and would preflight any custom header instead.
 * `runtime` is the global object to look at (default `globalThis`).
 */
export function identificationHeaders(options: { version: string; runtime?: object }): Record<string, string> {
  const node = ((options.runtime ?? globalThis) as Runtime).process?.versions?.node;
  return node ? { 'User-Agent': `complero-client-js/${options.version} node/v${node}` } : {};
}
