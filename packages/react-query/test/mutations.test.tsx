import { ValidationError } from '@complero/client';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  compleroKeys,
  useDeleteContact,
  useDeleteEmployee,
  useTriggerSandboxEvent,
  useUploadContacts,
  useUploadEmployees,
} from '../src/index.js';
import { createWrapper, setupMockComplero } from './helpers.js';

const env = setupMockComplero();

/**
 * Records the filters of every `invalidateQueries` and `removeQueries` call, and which cached
 * queries became stale.
 */
function spyOnInvalidation(queryClient: QueryClient): {
  keys: () => QueryKey[];
  removed: () => { queryKey: QueryKey; exact?: boolean }[];
  invalidated: () => QueryKey[];
} {
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  const remove = vi.spyOn(queryClient, 'removeQueries');
  return {
    keys: () => invalidate.mock.calls.map(([filters]) => filters?.queryKey ?? []),
    removed: () =>
      remove.mock.calls.map(([filters]) => ({ queryKey: filters?.queryKey ?? [], ...(filters?.exact ? { exact: true } : {}) })),
    invalidated: () =>
      queryClient
        .getQueryCache()
        .getAll()
        .filter((query) => query.state.isInvalidated)
        .map((query) => query.queryKey),
  };
}

/** The keys still cached. */
function cachedKeys(queryClient: QueryClient): QueryKey[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .map((query) => query.queryKey);
}

/** Puts a value in the cache under each key, as if those queries had run. */
function seed(queryClient: QueryClient, keys: readonly QueryKey[]): void {
  for (const key of keys) queryClient.setQueryData(key, { seeded: true });
}

describe('mutation hooks', () => {
  it('useUploadContacts uploads, then invalidates exactly compleroKeys.contacts.all and compleroKeys.operations.all', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    seed(queryClient, [
      compleroKeys.contacts.detail('K-1'),
      compleroKeys.operations.list(),
      compleroKeys.events.list(),
      compleroKeys.ping(),
    ]);
    const spy = spyOnInvalidation(queryClient);
    const { result } = renderHook(() => useUploadContacts(), { wrapper });
    const upload = await act(() => result.current.mutateAsync([{ id: 'K-1', first_name: 'Ada', last_name: 'Lovelace' }]));
    expect(upload.operationIds.length).toBe(1);
    expect(spy.keys()).toStrictEqual([compleroKeys.contacts.all, compleroKeys.operations.all]);
    expect(spy.removed()).toStrictEqual([]);
    expect(spy.invalidated()).toStrictEqual([compleroKeys.contacts.detail('K-1'), compleroKeys.operations.list()]);
    expect(env.mock.store.contacts.get('K-1')?.first_name).toBe('Ada');
  });

  it('useUploadContacts fails with a ValidationError whose validationErrors a form can show, and invalidates nothing', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    const spy = spyOnInvalidation(queryClient);
    const { result } = renderHook(() => useUploadContacts(), { wrapper });
    const contact = { id: 'K-2', first_name: 'Ada', last_name: 'Lovelace', section_work: { emails: [{ email: 'not-an-email' }] } };
    act(() => result.current.mutate([contact]));
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error).toBeInstanceOf(ValidationError);
    const issues = error instanceof ValidationError ? error.validationErrors : {};
    expect(Object.entries(issues).map(([field, found]) => [field, found.map((issue) => [issue.code, issue.item])])).toStrictEqual([
      ['section_work.emails[0].email', [['v1c001', '0']]],
    ]);
    expect(spy.keys()).toStrictEqual([]);
  });

  it('useDeleteContact removes the contact’s detail and documentation, and invalidates exactly the events lists and latest events', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    seed(queryClient, [
      compleroKeys.contacts.detail('K-2025-00012345'),
      compleroKeys.contacts.detail('K-2025-00067890'),
      compleroKeys.documentation.detail('K-2025-00012345'),
      compleroKeys.documentation.forEvent('K-2025-00012345', 'e-1'),
      compleroKeys.documentation.detail('K-2025-00067890'),
      compleroKeys.events.list({ type: 'update' }),
      compleroKeys.events.listInfinite(),
      compleroKeys.events.latest(),
      compleroKeys.employees.detail('E-1'),
      compleroKeys.operations.list(),
      compleroKeys.ping(),
    ]);
    const spy = spyOnInvalidation(queryClient);
    const { result } = renderHook(() => useDeleteContact(), { wrapper });
    await act(() => result.current.mutateAsync('K-2025-00012345'));
    expect(spy.removed()).toStrictEqual([
      { queryKey: ['complero', 'contacts', 'detail', 'K-2025-00012345'], exact: true },
      { queryKey: ['complero', 'documentation', 'detail', 'K-2025-00012345'] },
      { queryKey: ['complero', 'documentation', 'forEvent', 'K-2025-00012345'] },
    ]);
    expect(spy.keys()).toStrictEqual([
      ['complero', 'events', 'list'],
      ['complero', 'events', 'latest'],
    ]);
    expect(cachedKeys(queryClient)).toStrictEqual([
      compleroKeys.contacts.detail('K-2025-00067890'),
      compleroKeys.documentation.detail('K-2025-00067890'),
      compleroKeys.events.list({ type: 'update' }),
      compleroKeys.events.listInfinite(),
      compleroKeys.events.latest(),
      compleroKeys.employees.detail('E-1'),
      compleroKeys.operations.list(),
      compleroKeys.ping(),
    ]);
    expect(spy.invalidated()).toStrictEqual([
      compleroKeys.events.list({ type: 'update' }),
      compleroKeys.events.listInfinite(),
      compleroKeys.events.latest(),
    ]);
    expect(env.mock.store.contacts.has('K-2025-00012345')).toBe(false);
  });

  it('useUploadEmployees invalidates exactly compleroKeys.employees.all and compleroKeys.operations.all', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    seed(queryClient, [
      compleroKeys.employees.detail('E-1'),
      compleroKeys.operations.detail('op-1'),
      compleroKeys.contacts.detail('K-2025-00012345'),
      compleroKeys.events.latest(),
      compleroKeys.documentation.detail('K-2025-00012345'),
    ]);
    const spy = spyOnInvalidation(queryClient);
    const { result } = renderHook(() => useUploadEmployees(), { wrapper });
    await act(() => result.current.mutateAsync([{ id: 'E-1', first_name: 'Erika', email: 'erika@example.com' }]));
    expect(spy.keys()).toStrictEqual([compleroKeys.employees.all, compleroKeys.operations.all]);
    expect(spy.removed()).toStrictEqual([]);
    expect(spy.invalidated()).toStrictEqual([compleroKeys.employees.detail('E-1'), compleroKeys.operations.detail('op-1')]);
  });

  it('useDeleteEmployee removes exactly the employee’s detail and invalidates nothing', async () => {
    env.mock.store.employees.set('E-2', { id: 'E-2', first_name: 'Erika' });
    const { queryClient, wrapper } = createWrapper(env.client);
    seed(queryClient, [
      compleroKeys.employees.detail('E-2'),
      compleroKeys.employees.detail('E-3'),
      compleroKeys.contacts.detail('K-2025-00012345'),
      compleroKeys.events.latest(),
      compleroKeys.operations.list(),
    ]);
    const spy = spyOnInvalidation(queryClient);
    const { result } = renderHook(() => useDeleteEmployee(), { wrapper });
    await act(() => result.current.mutateAsync('E-2'));
    expect(spy.removed()).toStrictEqual([{ queryKey: ['complero', 'employees', 'detail', 'E-2'], exact: true }]);
    expect(spy.keys()).toStrictEqual([]);
    expect(spy.invalidated()).toStrictEqual([]);
    expect(cachedKeys(queryClient)).toStrictEqual([
      compleroKeys.employees.detail('E-3'),
      compleroKeys.contacts.detail('K-2025-00012345'),
      compleroKeys.events.latest(),
      compleroKeys.operations.list(),
    ]);
    expect(env.mock.store.employees.has('E-2')).toBe(false);
  });

  it('useTriggerSandboxEvent invalidates exactly the events, and the caller’s onSuccess runs after that', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    seed(queryClient, [compleroKeys.events.listInfinite(), compleroKeys.events.latest(), compleroKeys.contacts.detail('K-2025-00012345')]);
    const spy = spyOnInvalidation(queryClient);
    const order: string[] = [];
    const { result } = renderHook(
      () => useTriggerSandboxEvent({ onSuccess: () => void order.push(`onSuccess after ${spy.keys().length} invalidation`) }),
      { wrapper },
    );
    await act(() => result.current.mutateAsync({ type: 'confirm', contact: { id: 'K-2025-00012345' } }));
    expect(spy.keys()).toStrictEqual([compleroKeys.events.all]);
    expect(spy.removed()).toStrictEqual([]);
    expect(spy.invalidated()).toStrictEqual([compleroKeys.events.listInfinite(), compleroKeys.events.latest()]);
    expect(order).toStrictEqual(['onSuccess after 1 invalidation']);
  });
});
