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

/**
 * How many answers without any status an operation query polls for before it gives up. Such an
 * answer says nothing about progress, and polling it forever would hammer the API for as long as
 * the component stays mounted; a later refetch (a remount, `refetch()`) asks again.
 */
export const MAX_POLLS_WITHOUT_STATUS = 10;

/** The part of a TanStack `Query` a `refetchInterval` reads. */
export interface PolledQuery<TData> {
  readonly state: {
    readonly status: 'pending' | 'error' | 'success';
    readonly data: TData | undefined;
    /** How many answers the query has had: TanStack counts every successful fetch. */
    readonly dataUpdateCount: number;
  };
}

/**
 * A `refetchInterval` that polls a background operation until its status is terminal, then
 * stops. A failed query stops polling too: its error is the answer. An operation without a status
 * is polled until the query has had `MAX_POLLS_WITHOUT_STATUS` answers, then left alone.
 */
export function pollUntilTerminal<TData extends { status?: string }>(options: {
  intervalMs: PollInterval | undefined;
}): (query: PolledQuery<TData>) => PollInterval {
  const interval = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return (query) => {
    if (interval === false || query.state.status === 'error') return false;
    const data = query.state.data;
    if (data === undefined) return interval;
    if (data.status === undefined || data.status === '') return query.state.dataUpdateCount < MAX_POLLS_WITHOUT_STATUS ? interval : false;
    return isTerminalStatus(data.status) ? false : interval;
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
