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
} from './types.js';

// The bodies of the generated hooks, written once. Each generated hook is a single call to one of
// these with its type arguments spelled out, so TypeScript checks it by identity instead of
// inferring TanStack's generics and spreading its option types again for every operation.

/** The hook's own options apart: the client to use, and what goes to TanStack (a polling hook's interval went to its builder). */
function splitHookOptions(options: object | undefined): { client: CompleroClient | undefined; overrides: object } {
  const {
    client,
    pollIntervalMs: _pollIntervalMs,
    ...overrides
  } = (options ?? {}) as { client?: CompleroClient; pollIntervalMs?: unknown };
  return { client, overrides };
}

/** A generated `useX`: `useQuery` over the builder's options and the caller's overrides. */
export function useQueryHook<TQueryFnData, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: (client: CompleroClient) => CompleroQueryOptions<TQueryFnData, TQueryKey>;
  options: CompleroQueryHookOptions<TQueryFnData, TData, TQueryKey> | undefined;
}): UseQueryResult<TData, CompleroError> {
  const { client, overrides } = splitHookOptions(hook.options);
  return useQuery({ ...hook.queryOptions(useCompleroClient(client)), ...overrides } as UseQueryOptions<
    TQueryFnData,
    CompleroError,
    TData,
    TQueryKey
  >);
}

/** A generated `useSuspenseX`. */
export function useSuspenseQueryHook<TQueryFnData, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: (client: CompleroClient) => CompleroQueryOptions<TQueryFnData, TQueryKey>;
  options: CompleroSuspenseQueryHookOptions<TQueryFnData, TData, TQueryKey> | undefined;
}): UseSuspenseQueryResult<TData, CompleroError> {
  const { client, overrides } = splitHookOptions(hook.options);
  return useSuspenseQuery({ ...hook.queryOptions(useCompleroClient(client)), ...overrides } as UseSuspenseQueryOptions<
    TQueryFnData,
    CompleroError,
    TData,
    TQueryKey
  >);
}

/** A generated `useInfiniteX`. */
export function useInfiniteQueryHook<TPage, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: (client: CompleroClient) => CompleroInfiniteQueryOptions<TPage, TQueryKey>;
  options: CompleroInfiniteQueryHookOptions<TPage, TData, TQueryKey> | undefined;
}): UseInfiniteQueryResult<TData, CompleroError> {
  const { client, overrides } = splitHookOptions(hook.options);
  return useInfiniteQuery({ ...hook.queryOptions(useCompleroClient(client)), ...overrides } as UseInfiniteQueryOptions<
    TPage,
    CompleroError,
    TData,
    TQueryKey,
    string | undefined
  >);
}

/** A generated `useSuspenseInfiniteX`. */
export function useSuspenseInfiniteQueryHook<TPage, TData, TQueryKey extends QueryKey>(hook: {
  queryOptions: (client: CompleroClient) => CompleroInfiniteQueryOptions<TPage, TQueryKey>;
  options: CompleroSuspenseInfiniteQueryHookOptions<TPage, TData, TQueryKey> | undefined;
}): UseSuspenseInfiniteQueryResult<TData, CompleroError> {
  const { client, overrides } = splitHookOptions(hook.options);
  return useSuspenseInfiniteQuery({ ...hook.queryOptions(useCompleroClient(client)), ...overrides } as UseSuspenseInfiniteQueryOptions<
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
  mutationOptions: (client: CompleroClient) => { mutationKey: QueryKey; mutationFn: (variables: TVariables) => Promise<TData> };
  invalidate: (options: { queryClient: QueryClient; variables: TVariables }) => void | Promise<void>;
  options: CompleroMutationHookOptions<TData, TVariables, TOnMutateResult> | undefined;
}): UseMutationResult<TData, CompleroError, TVariables, TOnMutateResult> {
  const { client, onSuccess, ...mutation } = hook.options ?? {};
  const queryClient = useQueryClient();
  return useMutation({
    ...hook.mutationOptions(useCompleroClient(client)),
    ...mutation,
    onSuccess: async (data, variables, onMutateResult, context) => {
      await hook.invalidate({ queryClient, variables });
      await onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}
