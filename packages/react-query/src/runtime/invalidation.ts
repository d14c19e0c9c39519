import type { QueryClient, QueryFilters, QueryKey } from '@tanstack/react-query';

/**
 * Removes the cached queries a mutation made obsolete. One call with every filter, typed once:
 * a `queryClient.removeQueries` per key made TypeScript infer every key's tuple prefixes.
 * `under` removes the queries whose key is one of `prefixes` followed by `id`: the reads of other
 * groups about a deleted item, listed once in a constant that every delete of its kind shares.
 */
export function removeCachedQueries(options: {
  queryClient: QueryClient;
  filters: readonly QueryFilters[];
  under?: { readonly prefixes: readonly QueryKey[]; readonly id: unknown };
}): void {
  const { queryClient, filters, under } = options;
  for (const filter of filters) queryClient.removeQueries(filter);
  if (under) for (const prefix of under.prefixes) queryClient.removeQueries({ queryKey: [...prefix, under.id] });
}

/** Invalidates the cached queries under every key at once and resolves when the active ones have refetched. */
export async function invalidateCachedQueries(options: { queryClient: QueryClient; queryKeys: readonly QueryKey[] }): Promise<void> {
  await Promise.all(options.queryKeys.map((queryKey) => options.queryClient.invalidateQueries({ queryKey })));
}
