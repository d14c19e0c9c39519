import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, BulkUploadError, CompleroError, ConnectionError, createCompleroClient } from '../src/index.js';
import { identificationHeaders } from '../src/runtime/config.js';
import { useTestServers } from './support/server.js';

const API_KEY = 'sk_live_7f3a9c2e51d84b06';
// JSON escapes `"` and `\`, so such a key is spelled differently in JSON text than in the header.
const QUOTED_KEY = 'sk_live_"7f3a\\9c2e"';
const startServer = useTestServers();

/** Every way an error gets printed or logged, each paired with its name for a readable failure. */
function viewsOf(error: unknown): [string, string][] {
  const { message, stack } = error as Error;
  return [
    ['message', message],
    ['stack', stack ?? ''],
    ['toString', (error as Error).toString()],
    ['String', String(error)],
    ['toJSON', JSON.stringify((error as CompleroError).toJSON())],
    ['JSON.stringify', JSON.stringify(error)],
    ['util.inspect', inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })],
  ];
}

/** The views of `error` that show `key` as it is, JSON-escaped or as `util.inspect` escapes it. */
function leakingViews(options: { error: unknown; key: string }): string[] {
  const spellings = [options.key, JSON.stringify(options.key).slice(1, -1), inspect(options.key).slice(1, -1)];
  return viewsOf(options.error)
    .filter(([, view]) => spellings.some((spelling) => view.includes(spelling)))
    .map(([name]) => name);
}

/** A fetch that fails the way Node's does, quoting the key in its message and in its cause's. */
function failingFetch(key: string) {
  return async (request: Request): Promise<Response> => {
    const cause = Object.assign(new Error(`connect ECONNRESET while sending ${request.headers.get('Authorization')}`), {
      code: 'ECONNRESET',
      header: `Authorization: ${key}`,
    });
    throw new TypeError(`fetch failed for ${key}`, { cause });
  };
}

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

  it("lets a call's headers replace the client's whatever their case, but never the API key", async () => {
    const server = await startServer(() => ({ json: {} }));
    const complero = createCompleroClient({ apiKey: API_KEY, baseUrl: server.baseUrl, headers: { 'X-Team': 'crm' } });
    await complero.contacts.get('c1', { headers: { 'x-team': 'sales', AUTHORIZATION: 'someone-else' } });
    // Node joins a repeated header's values (`crm, sales`), so one value each means one header each.
    const { headers } = server.requests[0]!;
    expect([headers['x-team'], headers.authorization]).toStrictEqual(['sales', API_KEY]);
  });

  it('gives a fetch passed as an option a Request with the method, URL, headers and body', async () => {
    const seen: [string, string, string | null, string | null, string][] = [];
    const complero = createCompleroClient({
      apiKey: API_KEY,
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: async (request) => {
        seen.push([
          request.method,
          request.url,
          request.headers.get('Authorization'),
          request.headers.get('Content-Type'),
          await request.text(),
        ]);
        return Response.json({ id: 'c1' });
      },
    });
    await complero.events.trigger({ type: 'update', contact: { id: 'c1' } });
    expect(seen).toStrictEqual([
      ['POST', 'http://127.0.0.1:9/v1/events/trigger', API_KEY, 'application/json', '{"type":"update","contact":{"id":"c1"}}'],
    ]);
  });

  it('sends the identification header only where the runtime is Node-like', () => {
    const node = { process: { versions: { node: '20.11.1' } } };
    const worker = { navigator: { userAgent: 'Mozilla/5.0' } };
    expect([
      identificationHeaders({ version: '1.2.3', runtime: node }),
      identificationHeaders({ version: '1.2.3', runtime: worker }),
      identificationHeaders({ version: '1.2.3', runtime: { process: { versions: {} } } }),
    ]).toStrictEqual([{ 'User-Agent': 'complero-client-js/1.2.3 node/v20.11.1' }, {}, {}]);
  });

  it('uses a fetch installed after the client was created', async () => {
    const complero = createCompleroClient({ baseUrl: 'http://127.0.0.1:9/v1' });
    const original = globalThis.fetch;
    const seen: string[] = [];
    // Called as fetch's contract allows: with a URL and an init (the methods build no Request for the global fetch).
    globalThis.fetch = async (input, init) => {
      seen.push(`${init?.method} ${new Request(input).url}`);
      return new Response(null, { status: 200 });
    };
    try {
      await complero.ping();
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toStrictEqual(['GET http://127.0.0.1:9/v1/ping']);
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

  it('is redacted from a 2xx whose body is not JSON, in every view of the error', async () => {
    const server = await startServer(() => ({ status: 200, text: `hello ${API_KEY}, this is not JSON` }));
    const complero = createCompleroClient({ apiKey: API_KEY, baseUrl: server.baseUrl });
    const error = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as CompleroError;
    expect(leakingViews({ error, key: API_KEY })).toStrictEqual([]);
    expect([error.message, error.body]).toStrictEqual([
      'GET /contacts/{id} answered 200 with a body that is not valid JSON: "hello [redacted], this is not JSON"',
      'hello [redacted], this is not JSON',
    ]);
  });

  it('is redacted from a connection error and its cause, which keeps its class, code and nested cause', async () => {
    const complero = createCompleroClient({ apiKey: API_KEY, maxRetries: 0, fetch: failingFetch(API_KEY) });
    const error = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(leakingViews({ error, key: API_KEY })).toStrictEqual([]);
    const cause = error.cause as TypeError & { cause: Error & { code: string; header: string } };
    expect(cause).toBeInstanceOf(TypeError);
    expect([error.message, cause.message, cause.cause.message, cause.cause.code, cause.cause.header]).toStrictEqual([
      'GET /contacts/{id} failed before a response arrived: fetch failed for [redacted] (ECONNRESET)',
      'fetch failed for [redacted]',
      'connect ECONNRESET while sending [redacted]',
      'ECONNRESET',
      'Authorization: [redacted]',
    ]);
  });

  it('is redacted from a bulk-upload error wrapping a connection error', async () => {
    const complero = createCompleroClient({ apiKey: API_KEY, maxRetries: 0, fetch: failingFetch(API_KEY) });
    const contact = { id: 'c1', first_name: 'Max', last_name: 'Mustermann' };
    const error = (await complero.contacts.upload([contact]).catch((caught: unknown) => caught)) as BulkUploadError;
    expect([error instanceof BulkUploadError, error.cause instanceof ConnectionError]).toStrictEqual([true, true]);
    expect(leakingViews({ error, key: API_KEY })).toStrictEqual([]);
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY })).toContain('connect ECONNRESET while sending [redacted]');
  });

  it('is redacted in its JSON-escaped form when the key holds quotes and backslashes', async () => {
    const server = await startServer((request) => ({
      status: 401,
      json: { message: `invalid api key ${request.headers.authorization}`, [`key ${request.headers.authorization}`]: true },
    }));
    const complero = createCompleroClient({ apiKey: QUOTED_KEY, baseUrl: server.baseUrl, maxRetries: 0 });
    const error = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as AuthenticationError;
    expect(server.requests[0]?.headers.authorization).toBe(QUOTED_KEY);
    expect(leakingViews({ error, key: QUOTED_KEY })).toStrictEqual([]);
    expect([error.message, error.body]).toStrictEqual([
      '401 Unauthorized: invalid api key [redacted] (GET /contacts/{id})',
      { message: 'invalid api key [redacted]', 'key [redacted]': true },
    ]);
  });

  it('is redacted from every view of a connection error when the key holds quotes and backslashes', async () => {
    const complero = createCompleroClient({ apiKey: QUOTED_KEY, maxRetries: 0, fetch: failingFetch(QUOTED_KEY) });
    const error = await complero.contacts.get('c1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(leakingViews({ error, key: QUOTED_KEY })).toStrictEqual([]);
  });

  it('is redacted from a connection error whose cause carries the Request and its Headers', async () => {
    const complero = createCompleroClient({
      apiKey: API_KEY,
      maxRetries: 0,
      fetch: async (request) => {
        throw Object.assign(new TypeError('fetch failed'), {
          request,
          options: { headers: request.headers, seen: new Map([['key', API_KEY]]) },
        });
      },
    });
    const error = await complero.contacts.get('c1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(leakingViews({ error, key: API_KEY })).toStrictEqual([]);
    const { request, options } = (error as ConnectionError).cause as { request: unknown; options: unknown };
    expect([request, options]).toStrictEqual(['[object Request]', { headers: '[object Headers]', seen: '[object Map]' }]);
  });

  it('finds every leak it looks for: an unredacted error shows the key in each view', () => {
    const error = new CompleroError(`leaked ${QUOTED_KEY}`, { body: QUOTED_KEY, cause: new Error(QUOTED_KEY) });
    expect(leakingViews({ error, key: QUOTED_KEY })).toStrictEqual([
      'message',
      'stack',
      'toString',
      'String',
      'toJSON',
      'JSON.stringify',
      'util.inspect',
    ]);
  });
});
