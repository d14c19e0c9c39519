import { describe, expect, it } from 'vitest';
import { CompleroError, createCompleroClient } from '../src/index.js';
import { type ReceivedRequest, useTestServers } from './support/server.js';

const startServer = useTestServers();

/** Three pages of events, chained by Next-Cursor; the last page has none. */
function pagedEvents(request: ReceivedRequest) {
  const cursor = new URL(request.url, 'http://localhost').searchParams.get('cursor');
  const pages: Record<string, { ids: string[]; next?: string }> = {
    first: { ids: ['e1', 'e2'], next: 'MDAx' },
    MDAx: { ids: ['e3', 'e4'], next: 'MDAy' },
    MDAy: { ids: ['e5'] },
  };
  const page = pages[cursor ?? 'first']!;
  return {
    json: page.ids.map((id) => ({ event_id: id, type: 'update' })),
    headers: {
      'Request-Id': `req_${cursor ?? 'first'}`,
      ...(page.next ? { 'Next-Cursor': page.next, 'Next-Link': `/v1/events?cursor=${page.next}` } : {}),
    },
  };
}

describe('pagination', () => {
  it('lists one page with its next cursor', async () => {
    const server = await startServer(pagedEvents);
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const page = await complero.events.list({ type: 'update', limit: '2' });
    expect(page).toStrictEqual({
      data: [
        { event_id: 'e1', type: 'update' },
        { event_id: 'e2', type: 'update' },
      ],
      nextCursor: 'MDAx',
      status: 200,
      requestId: 'req_first',
      headers: { 'Next-Cursor': 'MDAx', 'Next-Link': '/v1/events?cursor=MDAx', 'Request-Id': 'req_first' },
    });
    expect(server.requests[0]?.url).toBe('/v1/events?type=update&limit=2');
  });

  it('has no next cursor on the last page', async () => {
    const server = await startServer(pagedEvents);
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const page = await complero.events.list({ cursor: 'MDAy' });
    expect([page.data.length, page.nextCursor]).toStrictEqual([1, undefined]);
  });

  it('iterates every item of every page once, in order, keeping the filters', async () => {
    const server = await startServer(pagedEvents);
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const ids: string[] = [];
    for await (const event of complero.events.iterate({ type: 'update' })) ids.push(event.event_id ?? '');
    expect(ids).toStrictEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(server.requests.map((request) => request.url)).toStrictEqual([
      '/v1/events?type=update',
      '/v1/events?type=update&cursor=MDAx',
      '/v1/events?type=update&cursor=MDAy',
    ]);
  });

  it('stops fetching when the loop breaks early', async () => {
    const server = await startServer(pagedEvents);
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    for await (const event of complero.operations.iterate()) if (event) break;
    expect(server.requests.length).toBe(1);
  });

  it('stops with an error instead of looping when the server repeats a cursor', async () => {
    const server = await startServer(() => ({ json: [{ id: 'op' }], headers: { 'Next-Cursor': 'same' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const operation of complero.operations.iterate()) seen.push(operation);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CompleroError);
    expect((error as Error).message).toBe('/operations sent the cursor "same" twice; stopping instead of looping forever.');
    expect(seen.length).toBe(2);
  });
});
