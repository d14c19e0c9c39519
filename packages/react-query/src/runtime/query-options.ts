import type { CompleroError } from '@complero/client';
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  type QueryKeyWithDataTag,
  queryOptions,
  type UnusedSkipTokenInfiniteOptions,
  type UnusedSkipTokenOptions,
} from '@tanstack/react-query';
import type { PolledQuery, PollInterval } from './polling.js';
import { retryTransientErrors } from './retry.js';

/**
 * What a generated `…QueryOptions` builder returns: exactly what TanStack's `queryOptions`
 * returns for the operation's data and key, so `queryKey` carries the data type for
 * `getQueryData`/`setQueryData`.
 */
export type CompleroQueryOptions<TData, TQueryKey extends QueryKey> = UnusedSkipTokenOptions<TData, CompleroError, TData, TQueryKey> &
  QueryKeyWithDataTag<TQueryKey, TData, CompleroError>;

/** What a generated `…InfiniteQueryOptions` builder returns: TanStack's `infiniteQueryOptions` result over `Next-Cursor` pages. */
export type CompleroInfiniteQueryOptions<TPage, TQueryKey extends QueryKey> = UnusedSkipTokenInfiniteOptions<
  TPage,
  CompleroError,
  InfiniteData<TPage, string | undefined>,
  TQueryKey,
  string | undefined
> &
  QueryKeyWithDataTag<TQueryKey, InfiniteData<TPage>, CompleroError>;

/**
 * The `queryOptions` of one generated builder. Generic once here so the generated builders do
 * not each ask TypeScript to resolve `queryOptions`' overloads against the whole of
 * `UseQueryOptions`: with a thousand operations that was a large part of every type-check.
 */
export function buildQueryOptions<TData, TQueryKey extends QueryKey>(options: {
  queryKey: TQueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<TData>;
  refetchInterval?: (query: PolledQuery<TData>) => PollInterval;
}): CompleroQueryOptions<TData, TQueryKey> {
  return queryOptions<TData, CompleroError, TData, TQueryKey>({ ...options, retry: retryTransientErrors });
}

/** The `infiniteQueryOptions` of one generated builder: the first page sends no cursor, `getNextPageParam` finds the next. */
export function buildInfiniteQueryOptions<TPage, TQueryKey extends QueryKey>(options: {
  queryKey: TQueryKey;
  queryFn: (context: { pageParam: string | undefined; signal: AbortSignal }) => Promise<TPage>;
  getNextPageParam: (lastPage: TPage) => string | undefined;
}): CompleroInfiniteQueryOptions<TPage, TQueryKey> {
  return infiniteQueryOptions<TPage, CompleroError, InfiniteData<TPage, string | undefined>, TQueryKey, string | undefined>({
    ...options,
    initialPageParam: undefined,
    retry: retryTransientErrors,
  });
}
