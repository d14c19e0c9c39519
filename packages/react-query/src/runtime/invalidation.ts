import type { QueryClient, QueryFilters, QueryKey } from '@tanstack/react-query';

/**
 * Removes the cached queries a mutation made obsolete. One call with every filter, typed once:
 * a `queryClient.removeQueries` per key made TypeScript infer every key's tuple prefixes.
 */
export function removeCachedQueries(options: { queryClient: QueryClient; filters: readonly QueryFilters[] }): void {
  for (const filters of options.filters) options.queryClient.removeQueries(filters);
}

/** Invalidates the cached queries under every key at once and resolves when the active ones have refetched. */
export async function invalidateCachedQueries(options: { queryClient: QueryClient; queryKeys: readonly QueryKey[] }): Promise<void> {
  await Promise.all(options.queryKeys.map((queryKey) => options.queryClient.invalidateQueries({ queryKey })));
}
