import { describe, expect, it } from 'vitest';
import { createCompleroClient, GoneError, NotFoundError, TimeoutError } from '../src/index.js';
import { useTestServers } from './support/server.js';

const startServer = useTestServers();
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff]);
const ready = { status: 200, bytes: PDF, headers: { 'Content-Type': 'application/pdf', 'Request-Id': 'req_pdf' } };

describe('documentation download', () => {
  it('returns the PDF bytes and their content type when ready', async () => {
    const server = await startServer(() => ready);
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const result = await complero.documentation.get('K-1');
    expect(result.state).toBe('ready');
    if (result.state !== 'ready') return;
    expect(new Uint8Array(await result.data.arrayBuffer())).toStrictEqual(PDF);
    expect([result.contentType, result.status, result.requestId, server.requests[0]?.url]).toStrictEqual([
      'application/pdf',
      200,
      'req_pdf',
      '/v1/documentation/K-1',
    ]);
  });

  it('asks for one event when an event id is given', async () => {
    const server = await startServer(() => ready);
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await complero.documentation.get('K-1', 'ev/1');
    await complero.documentation.getForEvent('K-1', 'ev2');
    expect(server.requests.map((request) => request.url)).toStrictEqual(['/v1/documentation/K-1/ev%2F1', '/v1/documentation/K-1/ev2']);
  });

  it('returns a ready, empty Blob for a 200 without bytes', async () => {
    const complero = createCompleroClient({
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: async () => new Response('', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Length': '0' } }),
    });
    const result = await complero.documentation.get('K-1');
    expect([result.state, result.data instanceof Blob, result.data?.size]).toStrictEqual(['ready', true, 0]);
  });

  it('reports a 204 as pending', async () => {
    const server = await startServer(() => ({ status: 204 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    expect(await complero.documentation.get('K-1')).toStrictEqual({
      state: 'pending',
      data: undefined,
      status: 204,
      requestId: undefined,
      headers: {},
    });
  });

  it('waits, polling, until the file is ready', async () => {
    const server = await startServer((_request, index) => (index < 2 ? { status: 204 } : ready));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const result = await complero.documentation.waitFor('K-1', 'ev1', { intervalMs: 1 });
    expect([result.state, result.contentType, (await result.data.arrayBuffer()).byteLength]).toStrictEqual([
      'ready',
      'application/pdf',
      PDF.length,
    ]);
    expect(server.requests.length).toBe(3);
  });

  it('gives up waiting after timeoutMs', async () => {
    const server = await startServer(() => ({ status: 204 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await expect(complero.documentation.waitFor('K-1', undefined, { intervalMs: 5, timeoutMs: 20 })).rejects.toThrow(
      new TimeoutError('Gave up waiting for /documentation/{contactID} for K-1 after 20 ms: it is still not generated.'),
    );
  });

  it('throws a terminal GoneError on 410 and stops waiting', async () => {
    const server = await startServer(() => ({ status: 410, json: { message: 'documentation is not available any longer' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await expect(complero.documentation.waitFor('K-1', undefined, { intervalMs: 1 })).rejects.toThrow(GoneError);
    expect(server.requests.length).toBe(1);
  });

  it('throws NotFoundError on 404', async () => {
    const server = await startServer(() => ({ status: 404, json: { message: 'no documentation events' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await expect(complero.documentation.get('K-1')).rejects.toThrow(NotFoundError);
  });
});
