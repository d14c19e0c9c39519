/**
 * The `retry` of every generated query. The client already retries connection failures, 5xx
 * and 429 with backoff (honouring `Retry-After`), so retrying again here would multiply the
 * attempts; a 4xx (404, 410, 422, …) will give the same answer however often it is asked.
 * One more try is left for anything else, e.g. a timeout.
 */
export function retryTransientErrors(failureCount: number, error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return false;
  return failureCount < 1;
}
