import { request as httpRequest } from 'node:http';
import type { Contact, ContactEvent, Operation } from '@complero/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProcess, runMockCommand, startMockProcess } from './support/mock-process.js';

let mock: MockProcess;

beforeAll(async () => {
  mock = await startMockProcess(['--seed', '5', '--fixtures', 'none']);
});

afterAll(async () => {
  await mock.stop('SIGTERM');
});

/** A request node:http sends as given, for methods `fetch` refuses. */
function rawRequest(options: { url: string; method: string }): Promise<{ status: number; requestId: string | null }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(options.url, { method: options.method }, (response) => {
      response.resume();
      response.on('end', () => {
        const header = response.headers['request-id'];
        resolve({ status: response.statusCode ?? 0, requestId: typeof header === 'string' ? header : null });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

async function api(options: { path: string; method?: string; body?: unknown }): Promise<Response> {
  return fetch(`${mock.url}${options.path}`, {
    method: options.method ?? 'GET',
    headers: { Authorization: 'test-key', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

describe('complero-mock over real HTTP', () => {
  it('prints its URL on 127.0.0.1 under /v1', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(mock.output()).toContain(`Complero mock API listening on ${mock.url} (seed 5)`);
  });

  it('runs upload → operation → get → trigger → page events → documentation → delete', async () => {
    const upload = await api({
      path: '/contacts',
      method: 'POST',
      body: [
        { id: 'K-1', first_name: 'Erika', last_name: 'Musterfrau', section_work: { emails: [{ email: 'e.musterfrau@firma.de' }] } },
        { id: 'K-2', first_name: 'Max', last_name: 'Mustermann' },
      ],
    });
    expect(upload.status).toStrictEqual(202);
    const link = upload.headers.get('Operation-Link')!;
    expect(link).toStrictEqual(`${mock.url}/operations/${upload.headers.get('Operation-Id')}`);

    let operation: Operation = {};
    for (let poll = 0; poll < 5 && operation.status !== 'completed'; poll += 1) {
      operation = (await (await fetch(link, { headers: { Authorization: 'k' } })).json()) as Operation;
    }
    expect(operation.status).toStrictEqual('completed');

    const contact = (await (await api({ path: '/contacts/K-1' })).json()) as Contact;
    expect([contact.first_name, contact.section_work?.emails]).toStrictEqual(['Erika', ['e.musterfrau@firma.de']]);

    for (const id of ['K-1', 'K-2', 'K-1']) {
      const triggered = await api({ path: '/events/trigger', method: 'POST', body: { contact: { id }, type: 'update' } });
      expect(triggered.status).toStrictEqual(200);
    }

    const seen: ContactEvent[] = [];
    let next: string | null = `${mock.url}/events?limit=2`;
    while (next) {
      const page: Response = await fetch(next, { headers: { Authorization: 'k' } });
      seen.push(...((await page.json()) as ContactEvent[]));
      next = page.headers.get('Next-Link');
    }
    expect(seen.map((event) => event.contact_id)).toStrictEqual(['K-1', 'K-2', 'K-1']);

    const pending = await api({ path: '/documentation/K-1' });
    expect(pending.status).toStrictEqual(204);
    const ready = await api({ path: '/documentation/K-1' });
    const pdf = new TextDecoder().decode(await ready.arrayBuffer());
    expect([ready.status, ready.headers.get('Content-Type'), pdf.slice(0, 8)]).toStrictEqual([200, 'application/pdf', '%PDF-1.4']);

    expect((await api({ path: '/contacts/K-1', method: 'DELETE' })).status).toStrictEqual(204);
    expect((await api({ path: '/contacts/K-1' })).status).toStrictEqual(404);
  });

  it('answers every response with a Request-Id: unknown paths, CORS preflights and server errors included', async () => {
    const unknown = await api({ path: '/nothing-here' });
    expect(unknown.status).toStrictEqual(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/^no Complero operation matches GET \/v1\/nothing-here/);
    const preflight = await fetch(`${mock.url}/contacts`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    const ping = await fetch(`${mock.url}/ping`);
    // Fetch refuses to build a TRACE request, so the mock server cannot turn it into one: its catch-all 500.
    const failed = await rawRequest({ url: `${mock.url}/ping`, method: 'TRACE' });
    expect([unknown.status, preflight.status, ping.status, failed.status]).toStrictEqual([404, 204, 200, 500]);
    const ids = [unknown.headers.get('Request-Id'), preflight.headers.get('Request-Id'), ping.headers.get('Request-Id'), failed.requestId];
    expect(ids.map((id) => /^[0-9a-f-]{36}$/.test(id ?? ''))).toStrictEqual([true, true, true, true]);
    expect(new Set(ids).size).toStrictEqual(4);
  });

  it('answers 401 without an API key, except ping', async () => {
    expect((await fetch(`${mock.url}/events`)).status).toStrictEqual(401);
    expect((await fetch(`${mock.url}/ping`)).status).toStrictEqual(200);
  });

  it('answers CORS preflights so a browser app on another origin can use it', async () => {
    const preflight = await fetch(`${mock.url}/contacts`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect([preflight.status, preflight.headers.get('Access-Control-Allow-Origin')]).toStrictEqual([204, 'http://localhost:5173']);
  });
});

describe('the complero-mock command', () => {
  it('stops cleanly on SIGINT', async () => {
    const other = await startMockProcess();
    expect(await other.stop('SIGINT')).toStrictEqual(0);
    expect(other.output()).toContain('complero-mock: stopped (SIGINT)');
  });

  it('stops cleanly on SIGTERM and frees its port', async () => {
    const other = await startMockProcess();
    expect(await other.stop('SIGTERM')).toStrictEqual(0);
    await expect(fetch(`${other.url}/ping`)).rejects.toThrow();
  });

  it('rejects a bad argument with a message naming it', async () => {
    const result = await runMockCommand(['--port', 'abc']);
    expect(result.code).toStrictEqual(2);
    expect(result.stderr).toContain("complero-mock: --port must be a whole number from 0 to 65535, got 'abc'");
  });

  it('says when the port is taken', async () => {
    const port = new URL(mock.url).port;
    const result = await runMockCommand(['--port', port]);
    expect(result.code).toStrictEqual(1);
    expect(result.stderr).toContain(`complero-mock: could not listen on 127.0.0.1:${port}: listen EADDRINUSE`);
  });
});
