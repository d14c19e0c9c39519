import { GoneError } from '@complero/client';
import { act, renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  MAX_POLLS_WITHOUT_STATUS,
  useDocumentation,
  useDocumentationForEvent,
  useInfiniteEvents,
  useInfiniteOperations,
  useOperation,
} from '../src/index.js';
import { BASE_URL, createWrapper, setupMockComplero } from './helpers.js';

const env = setupMockComplero({ operationPolls: 2, documentationPolls: 2 });
const fast = { pollIntervalMs: 10 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

describe('polling hooks', () => {
  it('useOperation polls until the operation reaches a terminal status, then stops', async () => {
    const upload = await env.client.contacts.upload([{ id: 'K-9', first_name: 'Grace', last_name: 'Hopper' }]);
    const [id] = upload.operationIds;
    env.requests.length = 0;
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useOperation(id as string, fast), { wrapper });
    await waitFor(() => expect(result.current.data?.status).toBe('completed'));
    await settle();
    expect(env.requests).toStrictEqual([`GET /operations/${id}`, `GET /operations/${id}`, `GET /operations/${id}`]);
  });

  it('useOperation stops polling once the operation has failed', async () => {
    // Processing, then failed; a third answer (completed) would mean it kept polling.
    const answers = ['processing', 'failed', 'completed'];
    env.server.use(
      http.get(`${BASE_URL}/operations/:id`, ({ params }) =>
        HttpResponse.json({ id: params.id, type: 'bulk_upload', model: 'contact', status: answers.shift() ?? 'completed' }),
      ),
    );
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useOperation('op-failing', fast), { wrapper });
    await waitFor(() => expect(result.current.data?.status).toBe('failed'));
    await settle();
    expect(result.current.data?.status).toBe('failed');
    expect(env.requests).toStrictEqual(['GET /operations/op-failing', 'GET /operations/op-failing']);
  });

  it(`useOperation polls an operation without any status ${MAX_POLLS_WITHOUT_STATUS} times, then gives up instead of polling forever`, async () => {
    env.server.use(http.get(`${BASE_URL}/operations/:id`, ({ params }) => HttpResponse.json({ id: params.id, model: 'contact' })));
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useOperation('op-silent', fast), { wrapper });
    await waitFor(() => expect(env.requests.length).toBe(MAX_POLLS_WITHOUT_STATUS));
    await settle();
    expect(result.current.data).toStrictEqual({ id: 'op-silent', model: 'contact' });
    expect(env.requests).toStrictEqual(Array.from({ length: MAX_POLLS_WITHOUT_STATUS }, () => 'GET /operations/op-silent'));
  });

  it('useDocumentation polls while the PDF is pending and stops once it is ready', async () => {
    env.mock.store.documentation.push({ contactId: 'K-2025-00012345', eventId: 'e-1', state: 'pending', pendingPolls: 2 });
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useDocumentation('K-2025-00012345', fast), { wrapper });
    await waitFor(() => expect(result.current.data?.state).toBe('ready'));
    await settle();
    const download = result.current.data;
    expect(download?.state === 'ready' ? [download.contentType, download.data.size > 100] : []).toStrictEqual(['application/pdf', true]);
    expect(env.requests).toStrictEqual([
      'GET /documentation/K-2025-00012345',
      'GET /documentation/K-2025-00012345',
      'GET /documentation/K-2025-00012345',
    ]);
  });

  it('useDocumentationForEvent polls one event’s PDF while it is pending and stops once it is ready', async () => {
    env.mock.store.documentation.push({ contactId: 'K-2025-00012345', eventId: 'e-7', state: 'pending', pendingPolls: 2 });
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useDocumentationForEvent('K-2025-00012345', 'e-7', fast), { wrapper });
    expect(result.current.isPending).toBe(true);
    await waitFor(() => expect(result.current.data?.state).toBe('ready'));
    await settle();
    const download = result.current.data;
    expect(download?.state === 'ready' ? [download.contentType, download.data.size > 100] : []).toStrictEqual(['application/pdf', true]);
    expect(env.requests).toStrictEqual([
      'GET /documentation/K-2025-00012345/e-7',
      'GET /documentation/K-2025-00012345/e-7',
      'GET /documentation/K-2025-00012345/e-7',
    ]);
  });

  it('useDocumentation stops polling with a GoneError once the PDF is no longer available (410)', async () => {
    env.mock.store.documentation.push({ contactId: 'K-2025-00067890', eventId: 'e-2', state: 'pending', pendingPolls: 5 });
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useDocumentation('K-2025-00067890', fast), { wrapper });
    await waitFor(() => expect(result.current.data?.state).toBe('pending'));
    env.mock.store.expireDocumentation({ contactId: 'K-2025-00067890', eventId: 'e-2' });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(GoneError));
    const seen = env.requests.length;
    await settle();
    expect(env.requests.length).toBe(seen);
  });
});

describe('infinite hooks', () => {
  it('useInfiniteEvents sends no cursor first, then the Next-Cursor header of the page before, until there is none', async () => {
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useInfiniteEvents({ limit: '2' }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.hasNextPage).toBe(true);
    const cursor = result.current.data?.pages[0]?.headers['Next-Cursor'];
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages.length).toBe(2));
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.data?.pages.map((page) => page.data.map((event) => event.type))).toStrictEqual([
      ['update', 'documentation'],
      ['confirm'],
    ]);
    expect(env.requests).toStrictEqual(['GET /events?limit=2', `GET /events?limit=2&cursor=${cursor}`]);
  });

  it('useInfiniteOperations pages through operations the same way', async () => {
    for (const id of ['K-a', 'K-b', 'K-c']) await env.client.contacts.upload([{ id, first_name: 'A', last_name: 'B' }]);
    env.requests.length = 0;
    const { wrapper } = createWrapper(env.client);
    const { result } = renderHook(() => useInfiniteOperations({ limit: '2' }), { wrapper });
    await waitFor(() => expect(result.current.data?.pages.length).toBe(1));
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages.length).toBe(2));
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.data?.pages.map((page) => page.data.length)).toStrictEqual([2, 1]);
    expect(env.requests[0]).toBe('GET /operations?limit=2');
    expect(env.requests[1]).toMatch(/^GET \/operations\?limit=2&cursor=.+$/);
  });
});
