import { describe, expect, it } from 'vitest';
import { createCore } from '../src/runtime/core.js';
import type { OperationDescriptor } from '../src/runtime/types.js';
import { type ReceivedRequest, useTestServers } from './support/server.js';

const startServer = useTestServers();

/** A client core for descriptors of another API: what a generated resource method calls. */
function createTestCore(options: { baseUrl: string; apiKey?: string }) {
  return createCore<Record<string, never>>({
    client: { baseUrl: options.baseUrl, apiKey: options.apiKey, retryDelay: { baseMs: 1 } },
    operations: [],
    apiKey: options.apiKey ? { in: 'query', name: 'api_key' } : undefined,
    defaultBaseUrl: options.baseUrl,
    requestIdHeader: 'Request-Id',
  });
}

function describeOperation(extra: Partial<OperationDescriptor>): OperationDescriptor {
  return { method: 'POST', path: '/things', auth: false, headers: [], ...extra };
}

function wire(request: ReceivedRequest | undefined) {
  return { url: request?.url, contentType: request?.headers['content-type'], body: request?.body };
}

describe('operations whose descriptor says nothing about the wire', () => {
  it('send JSON bodies and repeat query arrays, as openapi-fetch does', async () => {
    const server = await startServer(() => ({ json: {} }));
    await createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({}), { query: { tag: ['a', 'b'] }, body: { name: 'x' } });
    expect(wire(server.requests[0])).toStrictEqual({
      url: '/v1/things?tag=a&tag=b',
      contentType: 'application/json',
      body: '{"name":"x"}',
    });
  });
});

describe('request bodies of other media types', () => {
  it('send a body that is neither JSON nor a form as given, with its media type', async () => {
    const server = await startServer(() => ({ json: {} }));
    await createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({ mediaType: 'text/csv' }), { body: 'id,name\n1,x' });
    expect(wire(server.requests[0])).toStrictEqual({ url: '/v1/things', contentType: 'text/csv', body: 'id,name\n1,x' });
  });

  it('write a urlencoded form: absent fields left out, arrays repeated unless joined, objects as JSON text', async () => {
    const server = await startServer(() => ({ json: {} }));
    await createTestCore({ baseUrl: server.baseUrl }).call(
      describeOperation({ mediaType: 'application/x-www-form-urlencoded', form: { ssv: ' ' } }),
      { body: { name: 'a b', none: undefined, ids: [1, 2], ssv: ['x', 'y'], meta: { k: 1 } } },
    );
    expect(wire(server.requests[0])).toStrictEqual({
      url: '/v1/things',
      contentType: 'application/x-www-form-urlencoded',
      body: 'name=a+b&ids=1&ids=2&ssv=x+y&meta=%7B%22k%22%3A1%7D',
    });
  });

  it('send a FormData the caller built as it is', async () => {
    const server = await startServer(() => ({ json: {} }));
    const form = new FormData();
    form.append('file', new File(['bytes'], 'b.txt'));
    await createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({ mediaType: 'multipart/form-data' }), { body: form });
    expect(server.requests.map((request) => request.body.includes('filename="b.txt"') && request.body.includes('bytes'))).toStrictEqual([
      true,
    ]);
  });

  it('build the multipart body anew for a retry, so the retried request carries the file too', async () => {
    const server = await startServer((_request, index) => (index === 0 ? { status: 503 } : { json: {} }));
    const file = new File(['bytes'], 'a.txt', { type: 'text/plain' });
    await createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({ method: 'PUT', mediaType: 'multipart/form-data' }), {
      body: { file },
    });
    expect(server.requests.map((request) => request.body.includes('filename="a.txt"') && request.body.includes('bytes'))).toStrictEqual([
      true,
      true,
    ]);
  });
});

describe('query and cookie parameters', () => {
  it('append a query API key without re-encoding the joined arrays before it', async () => {
    const server = await startServer(() => ({ json: {} }));
    await createTestCore({ baseUrl: server.baseUrl, apiKey: 'k&1' }).call(
      describeOperation({ method: 'GET', auth: true, query: { csv: ',', ssv: '%20', pipes: '|' } }),
      { query: { csv: ['a', 'b'], ssv: ['c', 'd'], pipes: ['e', 'f'], one: 'g h' } },
    );
    expect(server.requests[0]?.url).toStrictEqual('/v1/things?csv=a,b&ssv=c%20d&pipes=e|f&one=g%20h&api_key=k%261');
  });

  it('send cookie parameters as one Cookie header, values percent-encoded, arrays comma-joined, absent ones left out', async () => {
    const server = await startServer(() => ({ json: {} }));
    await createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({ method: 'GET' }), {
      cookie: { session: 'a;b', none: undefined, ids: [1, 2] },
    });
    expect(server.requests[0]?.headers.cookie).toStrictEqual('session=a%3Bb; ids=1,2');
  });
});

describe('success bodies that are text', () => {
  const LOG = 'line 1\n{"half": json\n';

  it('come back as the text the server sent, unparsed, when the descriptor says text', async () => {
    const server = await startServer(() => ({ text: LOG, headers: { 'Content-Type': 'text/plain' } }));
    const result = await createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({ method: 'GET', text: true }), {});
    expect({ status: result.status, data: result.data }).toStrictEqual({ status: 200, data: LOG });
  });

  it('keep text that looks like JSON as text', async () => {
    const server = await startServer(() => ({ text: '{"a":1}', headers: { 'Content-Type': 'text/plain' } }));
    const result = await createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({ method: 'GET', text: true }), {});
    expect(result.data).toStrictEqual('{"a":1}');
  });

  it('still fail as not valid JSON when the descriptor says nothing (a JSON operation)', async () => {
    const server = await startServer(() => ({ text: LOG, headers: { 'Content-Type': 'text/plain' } }));
    await expect(createTestCore({ baseUrl: server.baseUrl }).call(describeOperation({ method: 'GET' }), {})).rejects.toThrow(
      'GET /things answered 200 with a body that is not valid JSON: "line 1\\n{\\"half\\": json\\n"',
    );
  });
});

describe('success bodies of an operation that offers JSON and text (the descriptor lists the text media types)', () => {
  const LOG = 'line 1\n{"half": json\n';
  const mixed = describeOperation({ method: 'GET', text: ['text/plain', 'application/yaml'] });

  it('come back as text when the Content-Type is a listed one, whatever its case and parameters', async () => {
    const server = await startServer(() => ({ text: LOG, headers: { 'Content-Type': 'Application/YAML; charset=utf-8' } }));
    const result = await createTestCore({ baseUrl: server.baseUrl }).call(mixed, {});
    expect(result.data).toStrictEqual(LOG);
  });

  it('are parsed when the Content-Type is JSON', async () => {
    const server = await startServer(() => ({ text: '{"a":1}', headers: { 'Content-Type': 'application/json' } }));
    const result = await createTestCore({ baseUrl: server.baseUrl }).call(mixed, {});
    expect(result.data).toStrictEqual({ a: 1 });
  });

  it('still fail as not valid JSON when the Content-Type is not listed', async () => {
    const server = await startServer(() => ({ text: LOG, headers: { 'Content-Type': 'text/html' } }));
    await expect(createTestCore({ baseUrl: server.baseUrl }).call(mixed, {})).rejects.toThrow(
      'GET /things answered 200 with a body that is not valid JSON: "line 1\\n{\\"half\\": json\\n"',
    );
  });
});
