import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { BulkUploadError, ConnectionError, createCompleroClient, GoneError, RateLimitError, ServerError } from '../src/index.js';
import { useTestServers } from './support/server.js';

const startServer = useTestServers();
const fast = { baseMs: 1, maxMs: 5 };

describe('retries', () => {
  it('retries a GET after 5xx and 429 and returns the eventual success', async () => {
    const replies = [{ status: 503 }, { status: 429 }, { status: 200, json: { id: 'c1' } }];
    const server = await startServer((_request, index) => replies[index]!);
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    const { data } = await complero.contacts.get('c1');
    expect([data, server.requests.length]).toStrictEqual([{ id: 'c1' }, 3]);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const server = await startServer(() => ({ status: 500, json: { message: 'down' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, maxRetries: 3, retryDelay: fast });
    await expect(complero.contacts.get('c1')).rejects.toThrow(ServerError);
    expect(server.requests.length).toBe(4);
  });

  it('is disabled by maxRetries: 0, per client or per call', async () => {
    const server = await startServer(() => ({ status: 503 }));
    const client = createCompleroClient({ baseUrl: server.baseUrl, maxRetries: 0 });
    await expect(client.contacts.get('c1')).rejects.toThrow(ServerError);
    const perCall = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    await expect(perCall.contacts.get('c1', { maxRetries: 0 })).rejects.toThrow(ServerError);
    expect(server.requests.length).toBe(2);
  });

  it('waits as long as Retry-After says, not the backoff', async () => {
    // A backoff of a minute would time the test out: only Retry-After (0 s, then a past date) lets it pass.
    const replies = [
      { status: 429, headers: { 'Retry-After': '0' } },
      { status: 503, headers: { 'Retry-After': new Date(Date.now() - 1000).toUTCString() } },
      { status: 200, json: { id: 'c1' } },
    ];
    const server = await startServer((_request, index) => replies[index]!);
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: { baseMs: 60_000, maxMs: 60_000 } });
    const { data } = await complero.contacts.get('c1');
    expect([data, server.requests.length]).toStrictEqual([{ id: 'c1' }, 3]);
  });

  it('sends the retry no earlier than a Retry-After of 1 s, though maxMs is 5 ms', async () => {
    const arrivals: number[] = [];
    const server = await startServer((_request, index) => {
      arrivals.push(performance.now());
      return index === 0 ? { status: 503, headers: { 'Retry-After': '1' } } : { json: { id: 'c1' } };
    });
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    const { data } = await complero.contacts.get('c1');
    expect([data, arrivals.length]).toStrictEqual([{ id: 'c1' }, 2]);
    // Timers may fire a fraction of a millisecond early against performance.now(); 990 allows for that, not for a short wait.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(990);
  });

  it('throws at once, with retryAfterMs, when Retry-After asks for longer than 60 s', async () => {
    const server = await startServer(() => ({ status: 503, headers: { 'Retry-After': '120' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    const error = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as ServerError;
    expect([error instanceof ServerError, error.retryAfterMs, server.requests.length]).toStrictEqual([true, 120_000, 1]);
  });

  it('throws at once when Retry-After asks for longer than retryDelay.maxRetryAfterMs', async () => {
    const server = await startServer(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: { ...fast, maxRetryAfterMs: 500 } });
    const error = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as RateLimitError;
    expect([error instanceof RateLimitError, error.retryAfterMs, server.requests.length]).toStrictEqual([true, 1000, 1]);
  });

  it('retries a GET whose connection dropped', async () => {
    const server = await startServer((_request, index) => (index === 0 ? { destroy: true } : { json: { id: 'c1' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    expect((await complero.contacts.get('c1')).data).toStrictEqual({ id: 'c1' });
    expect(server.requests.length).toBe(2);
  });

  it('never retries a 410', async () => {
    const server = await startServer(() => ({ status: 410, json: { message: 'gone' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    await expect(complero.documentation.get('c1')).rejects.toThrow(GoneError);
    expect(server.requests.length).toBe(1);
  });
});

describe('retries of bulk uploads', () => {
  const contact = { id: 'c1', first_name: 'Max', last_name: 'Mustermann' };

  it('does not retry an upload that reached the server, even on 503', async () => {
    const server = await startServer(() => ({ status: 503 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    const error = await complero.contacts.upload([contact]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BulkUploadError);
    expect((error as BulkUploadError).cause).toBeInstanceOf(ServerError);
    expect(server.requests.length).toBe(1);
  });

  it('does not retry an upload whose connection dropped after sending', async () => {
    const server = await startServer(() => ({ destroy: true }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: fast });
    const error = (await complero.contacts.upload([contact]).catch((caught: unknown) => caught)) as BulkUploadError;
    expect(error.cause).toBeInstanceOf(ConnectionError);
    expect(server.requests.length).toBe(1);
  });

  it('retries an upload whose connection was refused, which proves nothing was sent', async () => {
    const server = await startServer(() => ({ status: 202, headers: { 'Operation-Id': 'op_1' } }));
    let attempts = 0;
    const complero = createCompleroClient({
      baseUrl: server.baseUrl,
      retryDelay: fast,
      fetch: async (request) => {
        attempts++;
        if (attempts === 1)
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
        return fetch(request);
      },
    });
    const { operationIds } = await complero.contacts.upload([contact]);
    expect([operationIds, attempts, server.requests.length]).toStrictEqual([['op_1'], 2, 1]);
  });

  it('serialises the body once, however many attempts send it', async () => {
    const server = await startServer(() => ({ json: { id: 'e1' } }));
    let serialised = 0;
    const contact = {
      id: 'c1',
      toJSON: () => {
        serialised++;
        return { id: 'c1' };
      },
    };
    let attempts = 0;
    const complero = createCompleroClient({
      baseUrl: server.baseUrl,
      retryDelay: fast,
      fetch: async (request) => {
        attempts++;
        if (attempts < 3)
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
        return fetch(request);
      },
    });
    await complero.events.trigger({ type: 'update', contact });
    expect([attempts, serialised, server.requests.map((request) => request.body)]).toStrictEqual([
      3,
      1,
      ['{"type":"update","contact":{"id":"c1"}}'],
    ]);
  });
});
