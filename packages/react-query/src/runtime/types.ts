import type { CompleroClient, CompleroError } from '@complero/client';
import type {
  QueryKey,
  UseInfiniteQueryOptions,
  UseMutationOptions,
  UseQueryOptions,
  UseSuspenseInfiniteQueryOptions,
  UseSuspenseQueryOptions,
} from '@tanstack/react-query';
import type { PollInterval } from './polling.js';

/** Every hook may be given its own client instead of the {@link CompleroProvider}'s. */
export interface WithClient {
  /** Overrides the client from `CompleroProvider`. */
  readonly client?: CompleroClient;
}

/** Options of the hooks that poll (operations until done, downloads while pending). */
export interface WithPolling {
  /** Delay between polls in ms (default 1000); `false` turns polling off. */
  readonly pollIntervalMs?: PollInterval;
}

/** Options of a query hook: `useQuery`'s, without the key and function the hook supplies. */
export type CompleroQueryHookOptions<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, CompleroError, TData, TQueryKey>,
  'queryKey' | 'queryFn'
> &
  WithClient;

/** Options of a suspense query hook: `useSuspenseQuery`'s, without the key and function. */
export type CompleroSuspenseQueryHookOptions<TQueryFnData, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseSuspenseQueryOptions<TQueryFnData, CompleroError, TData, TQueryKey>,
  'queryKey' | 'queryFn'
> &
  WithClient;

/** Options of an infinite query hook: without the key, function and the cursor handling the hook supplies. */
export type CompleroInfiniteQueryHookOptions<TPage, TData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseInfiniteQueryOptions<TPage, CompleroError, TData, TQueryKey, string | undefined>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
> &
  WithClient;

/** Options of a suspense infinite query hook. */
export type CompleroSuspenseInfiniteQueryHookOptions<TPage, TData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseSuspenseInfiniteQueryOptions<TPage, CompleroError, TData, TQueryKey, string | undefined>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
> &
  WithClient;

/**
 * Options of a mutation hook: `useMutation`'s, without the function the hook supplies. Your
 * `onSuccess` runs after the documented invalidation has finished.
 */
export type CompleroMutationHookOptions<TData, TVariables, TOnMutateResult = unknown> = Omit<
  UseMutationOptions<TData, CompleroError, TVariables, TOnMutateResult>,
  'mutationFn'
> &
  WithClient;
