/** How retries back off. */
export interface RetryDelay {
  /** Delay before the first retry, in ms; doubles each time (default 500). */
  readonly baseMs?: number;
  /** Longest backoff between two attempts, in ms (default 8000). */
  readonly maxMs?: number;
  /**
   * Longest `Retry-After` to honour, in ms (default 60000). When the server asks for longer,
   * the call fails at once with its error (`retryAfterMs` says how long) rather than retry early.
   */
  readonly maxRetryAfterMs?: number;
}

/** Statuses worth another attempt: timeouts, rate limits, server failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Methods that change nothing twice when sent twice, so a retry is always safe. */
export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'DELETE' || method === 'HEAD' || method === 'OPTIONS' || method === 'PUT';
}

// Node's fetch reports these before any byte was sent: the server cannot have seen the request.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** True when a fetch failure proves the request never reached the server. */
export function neverReachedServer(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (NEVER_SENT.has(String((cause as { code?: unknown }).code))) return true;
  }
  return false;
}

/** `Retry-After` in ms: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with jitter (50–100% of the step), or the server's `Retry-After`;
 * `undefined` when that is longer than `maxRetryAfterMs`: retrying sooner would only be refused again.
 */
export function computeRetryDelay(options: {
  attempt: number;
  retryAfterMs: number | undefined;
  delay: RetryDelay | undefined;
}): number | undefined {
  const { attempt, retryAfterMs, delay } = options;
  if (retryAfterMs !== undefined) return retryAfterMs > (delay?.maxRetryAfterMs ?? 60_000) ? undefined : retryAfterMs;
  const step = Math.min((delay?.baseMs ?? 500) * 2 ** attempt, delay?.maxMs ?? 8000);
  return step * (0.5 + Math.random() / 2);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * One attempt's signal: aborts when the caller's signal does or when `timeoutMs` passes.
 * Written by hand because `AbortSignal.any` is missing in Node 18 and older browsers. Without a
 * timeout it is the caller's signal (or none) as it is: a controller, its listener and a timer
 * cost every request a few microseconds, and fetch links to the signal once more.
 */
export function linkSignal(options: { signal: AbortSignal | undefined; timeoutMs: number }): {
  signal: AbortSignal | undefined;
  timedOut: () => boolean;
  release: () => void;
} {
  const { signal, timeoutMs } = options;
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) return { signal, timedOut: () => false, release: () => {} };
  const controller = new AbortController();
  let expired = false;
  const abort = () => controller.abort(signal?.reason);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => expired,
    release: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    },
  };
}
