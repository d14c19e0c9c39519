import type { CompleroClient, CompleroError } from '@complero/client';
import {
  type QueryClient,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
  type UseSuspenseInfiniteQueryOptions,
  type UseSuspenseInfiniteQueryResult,
  type UseSuspenseQueryOptions,
  type UseSuspenseQueryResult,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  useSuspenseInfiniteQuery,
  useSuspenseQuery,
} from '@tanstack/react-query';
import { useCompleroClient } from './provider.js';
import type { CompleroInfiniteQueryOptions, CompleroQueryOptions } from './query-options.js';
import type {
  CompleroInfiniteQueryHookOptions,
  CompleroMutationHookOptions,
  CompleroQueryHookOptions,
  CompleroSuspenseInfiniteQueryHookOptions,
  CompleroSuspenseQueryHookOptions,
  WithClient,
  WithPolling,
} from './types.js';

// The bodies of the generated hooks, written once. Each generated hook is a single call to one of
// these with its type arguments spelled out and its builder's result, so TypeScript checks it by
// identity instead of inferring TanStack's generics and spreading its option types again for every
// operation.

/**
 * The client a generated hook builds its options with: the one in its options, else the
 * provider's. A hook of its own (it reads the context), so generated hooks call it first.
 */
export function useHookClient<TOptions>(options: TOptions): CompleroClient {
  // Generic only so that TypeScript takes each hook's options type as it is: relating it to
  // `WithClient` (or even `object`) would make it resolve every member of it, for every hook.
  return useCompleroClient((options as WithClient | undefined)?.client);
}

/** What goes to TanStack of a hook's options: all but the client (and a polling hook's interval, which went to its builder). */
function overridesOf(options: object | undefined): object {
  const { client: _client, pollIntervalMs: _pollIntervalMs, ...overrides } = (options ?? {}) as WithClient & Partial<WithPolling>;
  return overrides;
}

/** A generated `useX`: `useQuery` over the builder's options and the caller's overrides. */
export function useQueryHook<TQueryFnData, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: CompleroQueryOptions<TQueryFnData, TQueryKey>;
  options: CompleroQueryHookOptions<TQueryFnData, TData, TQueryKey> | undefined;
}): UseQueryResult<TData, CompleroError> {
  return useQuery({ ...hook.queryOptions, ...overridesOf(hook.options) } as UseQueryOptions<TQueryFnData, CompleroError, TData, TQueryKey>);
}

/** A generated `useSuspenseX`. */
export function useSuspenseQueryHook<TQueryFnData, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: CompleroQueryOptions<TQueryFnData, TQueryKey>;
  options: CompleroSuspenseQueryHookOptions<TQueryFnData, TData, TQueryKey> | undefined;
}): UseSuspenseQueryResult<TData, CompleroError> {
  return useSuspenseQuery({ ...hook.queryOptions, ...overridesOf(hook.options) } as UseSuspenseQueryOptions<
    TQueryFnData,
    CompleroError,
    TData,
    TQueryKey
  >);
}

/** A generated `useInfiniteX`. */
export function useInfiniteQueryHook<TPage, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: CompleroInfiniteQueryOptions<TPage, TQueryKey>;
  options: CompleroInfiniteQueryHookOptions<TPage, TData, TQueryKey> | undefined;
}): UseInfiniteQueryResult<TData, CompleroError> {
  return useInfiniteQuery({ ...hook.queryOptions, ...overridesOf(hook.options) } as UseInfiniteQueryOptions<
    TPage,
    CompleroError,
    TData,
    TQueryKey,
    string | undefined
  >);
}

/** A generated `useSuspenseInfiniteX`. */
export function useSuspenseInfiniteQueryHook<TPage, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: CompleroInfiniteQueryOptions<TPage, TQueryKey>;
  options: CompleroSuspenseInfiniteQueryHookOptions<TPage, TData, TQueryKey> | undefined;
}): UseSuspenseInfiniteQueryResult<TData, CompleroError> {
  return useSuspenseInfiniteQuery({ ...hook.queryOptions, ...overridesOf(hook.options) } as UseSuspenseInfiniteQueryOptions<
    TPage,
    CompleroError,
    TData,
    TQueryKey,
    string | undefined
  >);
}

/**
 * A generated mutation hook: `useMutation` over the builder's key and function; on success it
 * runs the mutation's invalidation first, then the caller's `onSuccess`.
 */
export function useMutationHook<TData, TVariables, TOnMutateResult>(hook: {
  mutationOptions: { mutationKey: QueryKey; mutationFn: (variables: TVariables) => Promise<TData> };
  invalidate: (options: { queryClient: QueryClient; variables: TVariables }) => void | Promise<void>;
  options: CompleroMutationHookOptions<TData, TVariables, TOnMutateResult> | undefined;
}): UseMutationResult<TData, CompleroError, TVariables, TOnMutateResult> {
  const { client: _client, onSuccess, ...mutation } = hook.options ?? {};
  const queryClient = useQueryClient();
  return useMutation({
    ...hook.mutationOptions,
    ...mutation,
    onSuccess: async (data, variables, onMutateResult, context) => {
      await hook.invalidate({ queryClient, variables });
      await onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}
