import { describe, expect, it, vi } from 'vitest';
import { createCompleroClient } from '../src/index.js';
import { useTestServers } from './support/server.js';

// Every `request` made through any openapi-fetch client the package creates, as `METHOD /path/template`.
const viaOpenapiFetch = vi.hoisted(() => [] as string[]);

vi.mock('openapi-fetch', async (importOriginal) => {
  const actual = await importOriginal<typeof import('openapi-fetch')>();
  const createClient = ((actual.default as unknown as { default?: typeof actual.default }).default ?? actual.default) as (
    options: object,
  ) => { request: (method: string, path: string, init: object) => Promise<unknown> };
  return {
    ...actual,
    default: (options: object) => {
      const client = createClient(options);
      const request = client.request;
      client.request = (method, path, init) => {
        viaOpenapiFetch.push(`${method} ${path}`);
        return request(method, path, init);
      };
      return client;
    },
  };
});

const startServer = useTestServers();

describe('the methods are built on openapi-fetch', () => {
  it("sends every method's request through openapi-fetch's request, which serialises it and calls fetch", async () => {
    const server = await startServer((request) => (request.method === 'POST' ? { json: { id: 'e1' } } : { json: [] }));
    const complero = createCompleroClient({ apiKey: 'key', baseUrl: server.baseUrl });
    await complero.contacts.get('c 1');
    await complero.events.list({ limit: '2' });
    await complero.events.trigger({ type: 'update', contact: { id: 'c1' } });
    expect(viaOpenapiFetch).toStrictEqual(['GET /contacts/{id}', 'GET /events', 'POST /events/trigger']);
    expect(server.requests.map((request) => [request.method, request.url, request.headers.authorization, request.body])).toStrictEqual([
      ['GET', '/v1/contacts/c%201', 'key', ''],
      ['GET', '/v1/events?limit=2', 'key', ''],
      ['POST', '/v1/events/trigger', 'key', '{"type":"update","contact":{"id":"c1"}}'],
    ]);
  });
});
