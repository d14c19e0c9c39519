import { renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import {
  useSuspenseDocumentation,
  useSuspenseDocumentationForEvent,
  useSuspenseEmployee,
  useSuspenseEvents,
  useSuspenseInfiniteEvents,
  useSuspenseInfiniteOperations,
  useSuspenseLatestEvents,
  useSuspenseOperation,
  useSuspenseOperations,
  useSuspensePing,
} from '../src/index.js';
import { createWrapper, setupMockComplero } from './helpers.js';

const env = setupMockComplero();

/** Puts two finished operations in the mock, as if two uploads had completed; `op-2` is the newer, so lists show it first. */
function seedOperations(): void {
  for (const id of ['op-1', 'op-2'])
    env.mock.store.operations.set(id, {
      operation: { id, type: 'bulk_upload', model: 'contact', status: 'completed', items: [] },
      pollsUntilDone: 0,
    });
}

/** One suspense hook: what the mock must know first, and what the component renders from `data` (defined by then). */
interface SuspenseCase {
  readonly hook: string;
  readonly arrange?: () => void;
  readonly render: () => unknown;
  readonly expected: unknown;
  readonly requests: readonly string[];
}

const cases: readonly SuspenseCase[] = [
  {
    hook: 'useSuspenseEmployee',
    arrange: () => env.mock.store.employees.set('E-1', { id: 'E-1', first_name: 'Erika', email: 'erika@example.com' }),
    render: () => useSuspenseEmployee('E-1').data,
    expected: { id: 'E-1', first_name: 'Erika', email: 'erika@example.com' },
    requests: ['GET /employees/E-1'],
  },
  {
    hook: 'useSuspenseEvents',
    render: () => useSuspenseEvents({ type: 'update' }).data.map((event) => `${event.type} ${event.contact_id}`),
    expected: ['update K-2025-00012345'],
    requests: ['GET /events?type=update'],
  },
  {
    hook: 'useSuspenseLatestEvents',
    render: () => useSuspenseLatestEvents().data.map((event) => event.type),
    expected: ['update', 'documentation', 'confirm'],
    requests: ['GET /events/latest'],
  },
  {
    hook: 'useSuspenseOperations',
    arrange: seedOperations,
    render: () => useSuspenseOperations().data.map((operation) => `${operation.id} ${operation.status}`),
    expected: ['op-2 completed', 'op-1 completed'],
    requests: ['GET /operations'],
  },
  {
    hook: 'useSuspenseOperation',
    arrange: seedOperations,
    render: () => useSuspenseOperation('op-2').data,
    expected: { id: 'op-2', type: 'bulk_upload', model: 'contact', status: 'completed', items: [] },
    requests: ['GET /operations/op-2'],
  },
  {
    hook: 'useSuspenseDocumentation',
    arrange: () => env.mock.store.documentation.push({ contactId: 'K-2025-00012345', eventId: 'e-1', state: 'ready', pendingPolls: 0 }),
    render: () => {
      const { data } = useSuspenseDocumentation('K-2025-00012345');
      return data.state === 'ready' ? [data.state, data.contentType, data.data.size > 100] : [data.state];
    },
    expected: ['ready', 'application/pdf', true],
    requests: ['GET /documentation/K-2025-00012345'],
  },
  {
    hook: 'useSuspenseDocumentationForEvent',
    arrange: () => env.mock.store.documentation.push({ contactId: 'K-2025-00067890', eventId: 'e-2', state: 'ready', pendingPolls: 0 }),
    render: () => {
      const { data } = useSuspenseDocumentationForEvent('K-2025-00067890', 'e-2');
      return data.state === 'ready' ? [data.state, data.contentType, data.data.size > 100] : [data.state];
    },
    expected: ['ready', 'application/pdf', true],
    requests: ['GET /documentation/K-2025-00067890/e-2'],
  },
  {
    hook: 'useSuspensePing',
    render: () => useSuspensePing().data.status,
    expected: 200,
    requests: ['GET /ping'],
  },
  {
    hook: 'useSuspenseInfiniteEvents',
    render: () => {
      const { data, hasNextPage } = useSuspenseInfiniteEvents({ limit: '2' });
      return { pages: data.pages.map((page) => page.data.map((event) => event.type)), hasNextPage };
    },
    expected: { pages: [['update', 'documentation']], hasNextPage: true },
    requests: ['GET /events?limit=2'],
  },
  {
    hook: 'useSuspenseInfiniteOperations',
    arrange: seedOperations,
    render: () => {
      const { data, hasNextPage } = useSuspenseInfiniteOperations({ limit: '1' });
      return { pages: data.pages.map((page) => page.data.map((operation) => operation.id)), hasNextPage };
    },
    expected: { pages: [['op-2']], hasNextPage: true },
    requests: ['GET /operations?limit=1'],
  },
];

describe('suspense hooks', () => {
  it.each(cases)('$hook suspends with a fresh QueryClient, then renders the mock’s data', async (testCase) => {
    testCase.arrange?.();
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(testCase.render, {
      wrapper: ({ children }: { children: ReactNode }) => wrapper({ children: <Suspense fallback="loading">{children}</Suspense> }),
    });
    // Nothing is cached yet, so the first render suspends and the hook has returned nothing.
    expect(result.current).toBe(null);
    await waitFor(() => expect(result.current).not.toBe(null));
    expect(result.current).toStrictEqual(testCase.expected);
    expect(env.requests).toStrictEqual(testCase.requests);
  });
});
