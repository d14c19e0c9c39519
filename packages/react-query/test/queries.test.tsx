import { NotFoundError } from '@complero/client';
import { QueryClientProvider as QueryClientProviderOnly } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import {
  compleroKeys,
  contactQueryOptions,
  useContact,
  useEmployee,
  useEvents,
  useLatestEvents,
  useOperations,
  usePing,
  useSuspenseContact,
} from '../src/index.js';
import { createWrapper, setupMockComplero } from './helpers.js';

const env = setupMockComplero();

describe('query hooks', () => {
  it('useContact goes from loading to the contact, cached under compleroKeys.contacts.detail(id)', async () => {
    const { queryClient, wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useContact('K-2025-00012345'), { wrapper });
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect({ id: result.current.data?.id, name: result.current.data?.last_name }).toStrictEqual({
      id: 'K-2025-00012345',
      name: 'Mustermann',
    });
    expect(queryClient.getQueryData(compleroKeys.contacts.detail('K-2025-00012345'))).toStrictEqual(result.current.data);
    expect(env.requests).toStrictEqual(['GET /contacts/K-2025-00012345']);
  });

  it('useContact fails with a typed NotFoundError carrying the status, without retrying', async () => {
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useContact('K-missing'), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(NotFoundError);
    expect(result.current.error?.status).toBe(404);
    expect(env.requests).toStrictEqual(['GET /contacts/K-missing']);
  });

  it('useEmployee reads an employee the mock knows', async () => {
    env.mock.store.employees.set('E-1', { id: 'E-1', first_name: 'Erika', email: 'erika@example.com' });
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useEmployee('E-1'), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toStrictEqual({ id: 'E-1', first_name: 'Erika', email: 'erika@example.com' });
  });

  it('useEvents returns one page of events and sends the filter as query parameters', async () => {
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useEvents({ type: 'update' }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((event) => `${event.type} ${event.contact_id}`)).toStrictEqual(['update K-2025-00012345']);
    expect(env.requests).toStrictEqual(['GET /events?type=update']);
  });

  it('useLatestEvents applies select to the cached events', async () => {
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useLatestEvents(undefined, { select: (events) => events.length }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBe(3);
  });

  it('useOperations lists the operations an upload started', async () => {
    await env.client.contacts.upload([{ id: 'K-1', first_name: 'Ada', last_name: 'Lovelace' }]);
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useOperations(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((operation) => [operation.model, operation.items?.length])).toStrictEqual([['contact', 1]]);
  });

  it('usePing caches the status of the body-less public endpoint', async () => {
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => usePing(), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.status).toBe(200);
    expect(env.requests).toStrictEqual(['GET /ping']);
  });

  it('useSuspenseContact suspends, then renders with the data defined', async () => {
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useSuspenseContact('K-2025-00067890').data.id, {
      wrapper: ({ children }) => wrapper({ children: <Suspense fallback="loading">{children}</Suspense> }),
    });
    await waitFor(() => expect(result.current).toBe('K-2025-00067890'));
  });

  it('a hook given its own client uses it instead of the provider’s', async () => {
    const { wrapper } = createWrapper(env.client);
    const other = { ...env.client, contacts: { ...env.client.contacts, get: async (id: string) => env.client.contacts.get(`${id}0`) } };
    const { result } = renderHook(() => useContact('K-2025-0006789', { client: other }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.id).toBe('K-2025-00067890');
  });

  it('contactQueryOptions works with prefetchQuery and ensureQueryData outside React', async () => {
    const { queryClient } = createWrapper(env.client);
    await queryClient.prefetchQuery(contactQueryOptions(env.client, 'K-2025-00012345'));
    const contact = await queryClient.ensureQueryData(contactQueryOptions(env.client, 'K-2025-00012345'));
    expect(contact.first_name).toBe('Max');
    expect(env.requests).toStrictEqual(['GET /contacts/K-2025-00012345']);
  });
});

describe('useCompleroClient', () => {
  it('says how to fix a hook used without a provider or a client', () => {
    const { queryClient } = createWrapper(env.client);
    const bare = ({ children }: { children: ReactNode }) => (
      <QueryClientProviderOnly client={queryClient}>{children}</QueryClientProviderOnly>
    );
    expect(() => renderHook(() => useContact('K-1'), { wrapper: bare })).toThrow(
      'No Complero client: wrap your components in <CompleroProvider client={createCompleroClient(...)}> or pass { client } to the hook.',
    );
  });
});
