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

/** Records the keys every `invalidateQueries` call targets, and which cached queries became stale. */
function spyOnInvalidation(queryClient: QueryClient): { keys: () => QueryKey[]; invalidated: () => QueryKey[] } {
  const spy = vi.spyOn(queryClient, 'invalidateQueries');
  return {
    keys: () => spy.mock.calls.map(([filters]) => filters?.queryKey ?? []),
    invalidated: () =>
      queryClient
        .getQueryCache()
        .getAll()
        .filter((query) => query.state.isInvalidated)
        .map((query) => query.queryKey),
  };
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

  it('useDeleteContact removes the deleted contact’s detail and leaves other contacts cached', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    seed(queryClient, [compleroKeys.contacts.detail('K-2025-00012345'), compleroKeys.contacts.detail('K-2025-00067890')]);
    const spy = spyOnInvalidation(queryClient);
    const { result } = renderHook(() => useDeleteContact(), { wrapper });
    await act(() => result.current.mutateAsync('K-2025-00012345'));
    expect(queryClient.getQueryData(compleroKeys.contacts.detail('K-2025-00012345'))).toBe(undefined);
    expect(queryClient.getQueryData(compleroKeys.contacts.detail('K-2025-00067890'))).toStrictEqual({ seeded: true });
    expect(spy.invalidated()).toStrictEqual([]);
    expect(env.mock.store.contacts.has('K-2025-00012345')).toBe(false);
  });

  it('useUploadEmployees invalidates exactly the employees and the operations', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    const spy = spyOnInvalidation(queryClient);
    const { result } = renderHook(() => useUploadEmployees(), { wrapper });
    await act(() => result.current.mutateAsync([{ id: 'E-1', first_name: 'Erika', email: 'erika@example.com' }]));
    expect(spy.keys()).toStrictEqual([compleroKeys.employees.all, compleroKeys.operations.all]);
  });

  it('useDeleteEmployee removes the employee’s detail', async () => {
    env.mock.store.employees.set('E-2', { id: 'E-2', first_name: 'Erika' });
    const { queryClient, wrapper } = createWrapper(env.client);
    seed(queryClient, [compleroKeys.employees.detail('E-2')]);
    const { result } = renderHook(() => useDeleteEmployee(), { wrapper });
    await act(() => result.current.mutateAsync('E-2'));
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    ).toStrictEqual([]);
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
    expect(spy.invalidated()).toStrictEqual([compleroKeys.events.listInfinite(), compleroKeys.events.latest()]);
    expect(order).toStrictEqual(['onSuccess after 1 invalidation']);
  });
});
