import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateCachedQueries, removeCachedQueries } from '../src/runtime/invalidation.js';

/** A client with data cached under each key, as if each query had run. */
function cacheWith(keys: readonly (readonly unknown[])[]): QueryClient {
  const queryClient = new QueryClient();
  for (const key of keys) queryClient.setQueryData([...key], { cached: key });
  return queryClient;
}

const cachedKeys = (queryClient: QueryClient) =>
  queryClient
    .getQueryCache()
    .getAll()
    .map((query) => query.queryKey);

describe('removeCachedQueries', () => {
  it('removes what its filters match, and under shared prefixes only the keys of the deleted id', () => {
    const queryClient = cacheWith([
      ['acme', 'widgets', 'widget', 'w-1'],
      ['acme', 'widgets', 'widget', 'w-2'],
      ['acme', 'labels', 'label', 'w-1'],
      ['acme', 'labels', 'label', 'w-1', { lang: 'de' }],
      ['acme', 'labels', 'label', 'w-2'],
      ['acme', 'labels', 'labelS1', 'w-1'],
      ['acme', 'shelves', 'shelfWidget', 's-1', 'w-1'],
    ]);
    removeCachedQueries({
      queryClient,
      filters: [{ queryKey: ['acme', 'widgets', 'widget', 'w-1'], exact: true }],
      under: {
        prefixes: [
          ['acme', 'labels', 'label'],
          ['acme', 'labels', 'labelS1'],
        ],
        id: 'w-1',
      },
    });
    expect(cachedKeys(queryClient)).toStrictEqual([
      ['acme', 'widgets', 'widget', 'w-2'],
      ['acme', 'labels', 'label', 'w-2'],
      ['acme', 'shelves', 'shelfWidget', 's-1', 'w-1'],
    ]);
  });
});

describe('invalidateCachedQueries', () => {
  it('marks every query under each key stale, and leaves the rest fresh', async () => {
    const queryClient = cacheWith([
      ['acme', 'shelves', 'shelfWidget', 's-1', 'w-1'],
      ['acme', 'shelves', 'shelfWidgetS1', 's-1', 'w-1'],
      ['acme', 'labels', 'label', 'w-1'],
    ]);
    await invalidateCachedQueries({
      queryClient,
      queryKeys: [
        ['acme', 'shelves', 'shelfWidget'],
        ['acme', 'shelves', 'shelfWidgetS1'],
      ],
    });
    const stale = queryClient
      .getQueryCache()
      .getAll()
      .map((query) => [query.queryKey.join('/'), query.state.isInvalidated]);
    expect(stale).toStrictEqual([
      ['acme/shelves/shelfWidget/s-1/w-1', true],
      ['acme/shelves/shelfWidgetS1/s-1/w-1', true],
      ['acme/labels/label/w-1', false],
    ]);
  });
});
