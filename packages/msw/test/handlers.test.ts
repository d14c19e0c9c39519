import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  bulkUploadContactsHandler,
  COMPLERO_SAMPLES,
  createContact,
  createHandler,
  createHandlers,
  createRandom,
  getContactHandler,
  getDocumentationHandler,
  getEventsHandler,
  getEventsOperation,
  handlers,
  MOCK_OPERATIONS,
  pingHandler,
} from '../src/index.js';
import { apiRequest, respond } from './support/requests.js';

/** A concrete path for an operation's template: `{id}` → `K-2025-00000001`. */
function pathOf(template: string): string {
  return template.replace(/\{[^}]+\}/g, 'K-2025-00000001');
}

describe('the default handlers', () => {
  it.each(MOCK_OPERATIONS.map((operation) => [operation.id, operation] as const))(
    'answer %s with its success status and a Request-Id',
    async (_, operation) => {
      const body = operation.requestBody?.schema?.array ? [] : operation.requestBody ? {} : undefined;
      const response = await respond({ handlers, request: apiRequest({ path: pathOf(operation.path), method: operation.method, body }) });
      expect(response.status).toStrictEqual(operation.successStatus);
      expect(response.headers.get('Request-Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    },
  );

  it('answer GET /events with the spec example', async () => {
    const response = await respond({ handlers, request: apiRequest({ path: '/events' }) });
    const example = getEventsOperation.responses.find((candidate) => candidate.status === 200)?.example;
    expect(await response.json()).toStrictEqual(example);
    expect(response.headers.get('Next-Cursor')).toStrictEqual(null);
  });

  it('answer GET /contacts/{id} with a seeded contact carrying the requested id', async () => {
    const response = await respond({ handlers, request: apiRequest({ path: '/contacts/K-2025-00000042' }) });
    const contact = (await response.json()) as { id: string; first_name: string };
    expect(contact.id).toStrictEqual('K-2025-00000042');
    expect(typeof contact.first_name).toStrictEqual('string');
  });

  it('answer an upload with 202 naming its operation in Operation-Id and Operation-Link', async () => {
    const response = await respond({ handlers, request: apiRequest({ path: '/contacts', method: 'POST', body: [] }) });
    const id = response.headers.get('Operation-Id');
    expect(response.status).toStrictEqual(202);
    expect(response.headers.get('Operation-Link')).toStrictEqual(`https://api.complero.com/v1/operations/${id}`);
  });

  it('answer documentation with a PDF', async () => {
    const response = await respond({ handlers, request: apiRequest({ path: '/documentation/K-1' }) });
    expect(response.headers.get('Content-Type')).toStrictEqual('application/pdf');
    expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 8))).toStrictEqual('%PDF-1.4');
  });

  it('answer 401 with a web.Response body when Authorization is missing', async () => {
    const response = await respond({ handlers, request: apiRequest({ path: '/contacts/K-1', auth: false }) });
    expect(response.status).toStrictEqual(401);
    expect(await response.json()).toStrictEqual({ message: 'missing API key: send it in the Authorization header' });
    expect(response.headers.get('Request-Id')).not.toStrictEqual(null);
  });

  it('answer ping without an API key', async () => {
    const response = await respond({ handlers, request: apiRequest({ path: '/ping', auth: false }) });
    expect(response.status).toStrictEqual(200);
  });

  it('answer 400 when a request body is not JSON', async () => {
    const response = await respond({ handlers, request: apiRequest({ path: '/contacts', method: 'POST', body: '[{' }) });
    expect(response.status).toStrictEqual(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^request body is not valid JSON: /);
  });

  it('ignore requests to another base URL', async () => {
    const response = await (await import('msw')).getResponse(handlers, apiRequest({ path: '/ping', base: 'https://elsewhere.example/v1' }));
    expect(response).toStrictEqual(undefined);
  });
});

describe('a handler factory', () => {
  it('answers with the data it was given', async () => {
    const contact = createContact({ seed: 3, overrides: { id: 'K-1', first_name: 'Erika' } });
    const response = await respond({ handlers: [getContactHandler(contact)], request: apiRequest({ path: '/contacts/K-1' }) });
    expect(await response.json()).toStrictEqual(contact);
  });

  it('passes typed params, query and body to a resolver and sends what it returns', async () => {
    const handler = getEventsHandler(({ query }) => [{ event_id: 'e1', contact_id: query.get('type') ?? 'none', type: 'update' }]);
    const response = await respond({ handlers: [handler], request: apiRequest({ path: '/events?type=confirm' }) });
    expect(await response.json()).toStrictEqual([{ event_id: 'e1', contact_id: 'confirm', type: 'update' }]);
    expect(response.headers.get('Request-Id')).not.toStrictEqual(null);
  });

  it('sends a Response a resolver returns, adding the Request-Id', async () => {
    const handler = getContactHandler(({ params }) => HttpResponse.json({ message: `gone: ${params.id}` }, { status: 404 }));
    const response = await respond({ handlers: [handler], request: apiRequest({ path: '/contacts/K-9' }) });
    expect([response.status, await response.json()]).toStrictEqual([404, { message: 'gone: K-9' }]);
    expect(response.headers.get('Request-Id')).not.toStrictEqual(null);
  });

  it('keeps a Request-Id the resolver set itself', async () => {
    const handler = pingHandler(() => new HttpResponse(null, { status: 200, headers: { 'Request-Id': 'mine' } }));
    const response = await respond({ handlers: [handler], request: apiRequest({ path: '/ping' }) });
    expect(response.headers.get('Request-Id')).toStrictEqual('mine');
  });

  it('answers binary data for a download', async () => {
    const handler = getDocumentationHandler(new Blob(['%PDF-1.4 tiny']));
    const response = await respond({ handlers: [handler], request: apiRequest({ path: '/documentation/K-1' }) });
    expect([response.status, await response.text()]).toStrictEqual([200, '%PDF-1.4 tiny']);
  });

  it('falls back to the default answer when a resolver returns nothing', async () => {
    const handler = bulkUploadContactsHandler(() => undefined);
    const response = await respond({ handlers: [handler], request: apiRequest({ path: '/contacts', method: 'POST', body: [] }) });
    expect(response.status).toStrictEqual(202);
  });
});

describe('createHandlers', () => {
  it('listens on another base URL and replaces the operations in overrides', async () => {
    const set = createHandlers({ baseUrl: 'http://localhost:4010/v1/', overrides: { getContact: { id: 'K-7', first_name: 'Ida' } } });
    const response = await respond({ handlers: set, request: apiRequest({ path: '/contacts/K-7', base: 'http://localhost:4010/v1' }) });
    expect(await response.json()).toStrictEqual({ id: 'K-7', first_name: 'Ida' });
    expect(set).toHaveLength(14);
  });

  it('makes default bodies with the sample factories it is given, by schema name', async () => {
    const set = createHandlers({ seed: 3, samples: COMPLERO_SAMPLES });
    const response = await respond({ handlers: set, request: apiRequest({ path: '/contacts/K-2025-00000042' }) });
    const { id, ...seeded } = createContact({
      random: createRandom({ seed: 3, labels: ['GetContact', JSON.stringify({ id: 'K-2025-00000042' })] }),
    });
    expect(await response.json()).toStrictEqual({ id: 'K-2025-00000042', ...seeded });
  });

  it('answers with realistic Complero data by default, and with schema-generated data given no samples', async () => {
    const request = () => apiRequest({ path: '/contacts/K-2025-00000042' });
    const realistic = (await (await respond({ handlers: createHandlers({ seed: 3 }), request: request() })).json()) as Record<
      string,
      unknown
    >;
    const factories = await respond({ handlers: createHandlers({ seed: 3, samples: COMPLERO_SAMPLES }), request: request() });
    expect(realistic).toStrictEqual(await factories.json());
    const generated = await respond({ handlers: createHandlers({ seed: 3, samples: {} }), request: request() });
    const body = (await generated.json()) as Record<string, unknown>;
    expect(body.id).toBe('K-2025-00000042');
    expect(body.first_name).not.toBe(realistic.first_name);
  });

  it('can leave out the API key check', async () => {
    const set = createHandlers({ requireAuth: false });
    const response = await respond({ handlers: set, request: apiRequest({ path: '/contacts/K-1', auth: false }) });
    expect(response.status).toStrictEqual(200);
  });

  it('waits the given delay before answering', async () => {
    vi.useFakeTimers();
    try {
      let settled = false;
      const pending = respond({ handlers: createHandlers({ delay: 30 }), request: apiRequest({ path: '/ping' }) }).then((response) => {
        settled = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(29);
      expect(settled).toStrictEqual(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toStrictEqual(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createHandler', () => {
  it('makes one operation handler for another base URL', async () => {
    const handler = createHandler({ operation: 'getEmployee', baseUrl: 'http://127.0.0.1:9/v1', resolverOrData: { id: 'E-1' } });
    const response = await respond({ handlers: [handler], request: apiRequest({ path: '/employees/E-1', base: 'http://127.0.0.1:9/v1' }) });
    expect(await response.json()).toStrictEqual({ id: 'E-1' });
  });
});
