import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, type CompleroError, createCompleroClient } from '../src/index.js';
import { useTestServers } from './support/server.js';

const API_KEY = 'sk_live_7f3a9c2e51d84b06';
const startServer = useTestServers();

describe('authentication', () => {
  it('sends the API key as the Authorization header on operations that require it', async () => {
    const server = await startServer(() => ({ json: { id: 'c1' }, headers: { 'Request-Id': 'req_1' } }));
    const complero = createCompleroClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    const result = await complero.contacts.get('c1');
    expect(server.requests[0]?.headers.authorization).toBe(API_KEY);
    expect(result).toStrictEqual({ data: { id: 'c1' }, status: 200, requestId: 'req_1', headers: { 'Request-Id': 'req_1' } });
  });

  it('sends ping without the API key, as the spec marks it public', async () => {
    const server = await startServer(() => ({ status: 200 }));
    const complero = createCompleroClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    const result = await complero.ping();
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(result).toStrictEqual({ data: undefined, status: 200, requestId: undefined, headers: {} });
  });

  it('sends the API key on raw calls too', async () => {
    const server = await startServer(() => ({ json: { id: 'c 1' } }));
    const complero = createCompleroClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    const { data } = await complero.raw.GET('/contacts/{id}', { params: { path: { id: 'c 1' } } });
    expect(data).toStrictEqual({ id: 'c 1' });
    expect(server.requests[0]).toMatchObject({ url: '/v1/contacts/c%201', headers: { authorization: API_KEY } });
  });

  it('identifies itself with a User-Agent and sends the configured headers', async () => {
    const server = await startServer(() => ({ status: 200 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, headers: { 'X-Team': 'crm' } });
    await complero.ping({ headers: { 'X-Call': 'one' } });
    const { headers } = server.requests[0]!;
    expect(headers['user-agent']).toMatch(/^complero-client-js\/\d+\.\d+\.\d+ node\/v\d+/);
    expect([headers['x-team'], headers['x-call']]).toStrictEqual(['crm', 'one']);
  });

  it('uses a fetch installed after the client was created', async () => {
    const complero = createCompleroClient({ baseUrl: 'http://127.0.0.1:9/v1' });
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = async (input) => {
      seen.push((input as Request).url);
      return new Response(null, { status: 200 });
    };
    try {
      await complero.ping();
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toStrictEqual(['http://127.0.0.1:9/v1/ping']);
  });
});

describe('the API key never leaks', () => {
  it('is redacted from errors even when the server echoes it back', async () => {
    const server = await startServer(() => ({
      status: 401,
      json: { message: `invalid api key ${API_KEY}` },
      headers: { 'Request-Id': 'req_401' },
    }));
    const complero = createCompleroClient({ apiKey: API_KEY, baseUrl: server.baseUrl, maxRetries: 0 });
    const error = await complero.contacts.get('c1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    const views = [
      (error as Error).message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      (error as Error).stack ?? '',
      inspect(complero, { depth: 10, showHidden: true }),
    ];
    for (const view of views) expect(view).not.toContain(API_KEY);
    expect((error as CompleroError).toJSON()).toStrictEqual({
      name: 'AuthenticationError',
      message: '401 Unauthorized: invalid api key [redacted] (GET /contacts/{id}, request id req_401)',
      status: 401,
      requestId: 'req_401',
      body: { message: 'invalid api key [redacted]' },
    });
  });

  it('is redacted from plain-text error bodies and connection errors', async () => {
    const server = await startServer(() => ({ status: 500, text: `upstream rejected Authorization: ${API_KEY}` }));
    const complero = createCompleroClient({ apiKey: API_KEY, baseUrl: server.baseUrl, maxRetries: 0 });
    const serverError = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as Error;
    expect(serverError.message).toBe('500 Internal Server Error: upstream rejected Authorization: [redacted] (GET /contacts/{id})');
    const failing = createCompleroClient({
      apiKey: API_KEY,
      maxRetries: 0,
      fetch: async (request) => {
        throw new TypeError(`refused to send ${request.headers.get('Authorization')}`);
      },
    });
    const connectionError = (await failing.contacts.get('c1').catch((caught: unknown) => caught)) as Error;
    expect(connectionError.message).toBe('GET /contacts/{id} failed before a response arrived: refused to send [redacted]');
  });
});
