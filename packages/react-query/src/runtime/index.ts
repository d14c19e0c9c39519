export { readNextCursor, withCursor } from './pagination.js';
export {
  DEFAULT_POLL_INTERVAL_MS,
  isTerminalStatus,
  MAX_POLLS_WITHOUT_STATUS,
  type PolledQuery,
  type PollInterval,
  pollUntilTerminal,
  pollWhilePending,
} from './polling.js';
export { CompleroProvider, type CompleroProviderProps, useCompleroClient } from './provider.js';
export type { CompleroInfiniteQueryOptions, CompleroQueryOptions } from './query-options.js';
export { retryTransientErrors } from './retry.js';
export type {
  CompleroInfiniteQueryHookOptions,
  CompleroMutationHookOptions,
  CompleroQueryHookOptions,
  CompleroSuspenseInfiniteQueryHookOptions,
  CompleroSuspenseQueryHookOptions,
  WithClient,
  WithPolling,
} from './types.js';
export { runBulkUpload } from './upload.js';
