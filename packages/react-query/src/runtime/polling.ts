// Words for "not finished yet"; any other status is terminal (succeeded, failed, cancelled, …).
// The same rule as `client.operations.waitFor`, so a hook and a wait agree on when work is done.
const IN_PROGRESS = /^(pending|queued|created|accepted|started|running|processing|in[_ -]?progress)$/i;

/** The default delay between two polls of something that is not finished yet. */
export const DEFAULT_POLL_INTERVAL_MS = 1000;

/** True once an operation's status says it has finished, one way or another. */
export function isTerminalStatus(status: unknown): boolean {
  return typeof status === 'string' && status !== '' && !IN_PROGRESS.test(status);
}

/** How often to poll; `false` turns polling off. */
export type PollInterval = number | false;

/** The part of a TanStack `Query` a `refetchInterval` reads. */
export interface PolledQuery<TData> {
  readonly state: { readonly status: 'pending' | 'error' | 'success'; readonly data: TData | undefined };
}

/**
 * A `refetchInterval` that polls a background operation until its status is terminal, then
 * stops. A failed query stops polling too: its error is the answer.
 */
export function pollUntilTerminal<TData extends { status?: string }>(options: {
  intervalMs: PollInterval | undefined;
}): (query: PolledQuery<TData>) => PollInterval {
  const interval = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return (query) => {
    if (interval === false || query.state.status === 'error') return false;
    const data = query.state.data;
    return data !== undefined && isTerminalStatus(data.status) ? false : interval;
  };
}

/**
 * A `refetchInterval` that polls a download while the server says it is still being generated
 * (`state: 'pending'`) and stops once it is ready, or failed (a 410 "gone" is an error).
 */
export function pollWhilePending<TData extends { state: string }>(options: {
  intervalMs: PollInterval | undefined;
}): (query: PolledQuery<TData>) => PollInterval {
  const interval = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return (query) => {
    if (interval === false || query.state.status === 'error') return false;
    return query.state.data?.state === 'pending' ? interval : false;
  };
}
