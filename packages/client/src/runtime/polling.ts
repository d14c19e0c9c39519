import { TimeoutError } from './errors.js';
import { sleep } from './retry.js';
import type { WaitOptions } from './types.js';

/**
 * Calls `check` until it returns a value, sleeping between calls (growing by `factor` up to
 * 10 s, or up to `intervalMs` when that is longer), and fails with a `TimeoutError` naming `what` once `timeoutMs` has passed. Throws a
 * `TypeError` before the first call for an interval or timeout that cannot work.
 */
export async function pollUntil<T>(options: {
  check: (signal: AbortSignal | undefined) => Promise<{ done: T } | { pending: string }>;
  what: string;
  wait: WaitOptions | undefined;
  factor: number;
}): Promise<T> {
  const { wait = {} } = options;
  const { timeoutMs = 120_000, intervalMs = 1000 } = wait;
  // `NaN` or a negative number would poll without pause, and never time out.
  // Timers cannot wait longer than 2^31 - 1 ms: a longer interval would fire at once, every time.
  if (!(intervalMs >= 0 && intervalMs < 2 ** 31 && timeoutMs >= 0))
    throw new TypeError(`intervalMs must be a number from 0 to 2147483647 and timeoutMs a number ≥ 0, got ${intervalMs} and ${timeoutMs}.`);
  const deadline = Date.now() + timeoutMs;
  let interval = intervalMs;
  for (;;) {
    const outcome = await options.check(wait.signal);
    if ('done' in outcome) return outcome.done;
    const left = deadline - Date.now();
    if (left <= 0) throw new TimeoutError(`Gave up waiting for ${options.what} after ${timeoutMs} ms: it is still ${outcome.pending}.`);
    await sleep(Math.min(interval, left), wait.signal);
    interval = Math.min(interval * options.factor, Math.max(intervalMs, 10_000));
  }
}

// Words for "not finished yet"; any other status is terminal (succeeded, failed, cancelled, …).
// The spec documents no status values, so these are the common words, not Complero's list.
const IN_PROGRESS = /^(pending|queued|created|accepted|started|running|processing|in[_ -]?progress)$/i;

/** True once an operation's status says it has finished, one way or another. */
export function isTerminalStatus(status: unknown): boolean {
  return typeof status === 'string' && status !== '' && !IN_PROGRESS.test(status);
}
