import { describe, expect, it } from 'vitest';
import {
  BulkUploadError,
  ConnectionError,
  createCompleroClient,
  InvalidArgumentError,
  TimeoutError,
  type ValidationError,
} from '../src/index.js';
import { bodyOf, type ReceivedRequest, type Reply, useTestServers } from './support/server.js';

const startServer = useTestServers();

function contacts(count: number) {
  return Array.from({ length: count }, (_, index) => ({ id: `c${index}`, first_name: 'Max', last_name: `Muster${index}` }));
}

/** Accepts every upload as operation op_<n>; operations finish on their second poll. */
function completero() {
  const polls = new Map<string, number>();
  return (request: ReceivedRequest, index: number) => {
    if (request.method === 'POST') return { status: 202, headers: { 'Operation-Id': `op_${index}`, 'Request-Id': `req_${index}` } };
    const id = decodeURIComponent(request.url.split('/').pop() ?? '');
    const seen = (polls.get(id) ?? 0) + 1;
    polls.set(id, seen);
    return { json: { id, status: seen < 2 ? 'processing' : 'completed' } };
  };
}

describe('bulk uploads', () => {
  it('splits any number of contacts into requests of at most 1000 and returns every Operation-Id', async () => {
    const server = await startServer(completero());
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const list = contacts(2500);
    const upload = await complero.contacts.upload(list);
    const sent = server.requests.map((request) => bodyOf(request) as unknown[]);
    expect(sent.map((body) => body.length)).toStrictEqual([1000, 1000, 500]);
    expect(sent.flat()).toStrictEqual(list);
    expect(upload.operationIds).toStrictEqual(['op_0', 'op_1', 'op_2']);
    expect(upload.chunks.map(({ items, ...chunk }) => ({ ...chunk, items: items.length }))).toStrictEqual([
      {
        data: undefined,
        status: 202,
        requestId: 'req_0',
        headers: { 'Operation-Id': 'op_0', 'Request-Id': 'req_0' },
        operationId: 'op_0',
        items: 1000,
      },
      {
        data: undefined,
        status: 202,
        requestId: 'req_1',
        headers: { 'Operation-Id': 'op_1', 'Request-Id': 'req_1' },
        operationId: 'op_1',
        items: 1000,
      },
      {
        data: undefined,
        status: 202,
        requestId: 'req_2',
        headers: { 'Operation-Id': 'op_2', 'Request-Id': 'req_2' },
        operationId: 'op_2',
        items: 500,
      },
    ]);
  });

  it('takes a smaller chunk size and refuses one above the documented limit', async () => {
    const server = await startServer(completero());
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const upload = await complero.employees.upload(
      [1, 2, 3].map((n) => ({ id: `e${n}`, email: `e${n}@example.de`, first_name: 'Erika' })),
      { chunkSize: 2 },
    );
    expect(upload.operationIds).toStrictEqual(['op_0', 'op_1']);
    await expect(complero.contacts.upload(contacts(1), { chunkSize: 1001 })).rejects.toThrow(
      'chunkSize must be a whole number from 1 to 1000 (the documented limit), got 1001.',
    );
  });

  it('sends nothing when an item misses a required field', async () => {
    const server = await startServer(completero());
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const list = [...contacts(2), { id: 'c2', first_name: 'Max' }, { first_name: '', last_name: 'X' }] as ReturnType<typeof contacts>;
    const error = await complero.contacts.upload(list).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toBe(
      'Nothing was sent to POST /contacts: [2].last_name is missing, [3].first_name is missing, [3].id is missing. Required fields: first_name, id, last_name.',
    );
    expect(server.requests.length).toBe(0);
  });

  it('says which items were accepted, which failed and which were not sent when a chunk fails', async () => {
    const server = await startServer((_request, index) =>
      index === 1
        ? { status: 422, json: { message: 'invalid', validation_errors: { '7': { zip_code: { code: 'v1c004', message: 'bad zip' } } } } }
        : { status: 202, headers: { 'Operation-Id': `op_${index}` } },
    );
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const list = contacts(25);
    const error = (await complero.contacts.upload(list, { chunkSize: 10 }).catch((caught: unknown) => caught)) as BulkUploadError<
      (typeof list)[number]
    >;
    expect(error).toBeInstanceOf(BulkUploadError);
    expect(error.message).toBe(
      'Bulk upload stopped: items 0–9 were accepted (operations op_0); items 10–19 were rejected, not stored (422 Unprocessable Entity: invalid (POST /contacts)); items 20–24 were not sent.',
    );
    expect(error.failedOutcome).toBe('rejected');
    expect(error.accepted.map((chunk) => (chunk as { operationId: string }).operationId)).toStrictEqual(['op_0']);
    expect([error.failed, error.notSent]).toStrictEqual([list.slice(10, 20), list.slice(20)]);
    expect(error.status).toBe(422);
    expect((error.cause as ValidationError).validationErrors).toStrictEqual({
      zip_code: [{ code: 'v1c004', message: 'bad zip', item: '7' }],
    });
    expect(server.requests.length).toBe(2);
  });

  it('fails clearly when the server accepts without an Operation-Id', async () => {
    const server = await startServer(() => ({ status: 202 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await expect(complero.contacts.upload(contacts(1))).rejects.toThrow(
      'Bulk upload stopped: no items were accepted; item 0 was perhaps stored; check the operations before sending again (POST /contacts answered 202 without an Operation-Id header.).',
    );
  });

  it('waits for every operation of the upload to finish', async () => {
    const server = await startServer(completero());
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const upload = await complero.contacts.upload(contacts(3), { chunkSize: 2 });
    const done = await upload.wait({ intervalMs: 1 });
    expect(done.map((result) => result.data)).toStrictEqual([
      { id: 'op_0', status: 'completed' },
      { id: 'op_1', status: 'completed' },
    ]);
    expect(
      server.requests
        .filter((request) => request.method === 'GET')
        .map((request) => request.url)
        .sort(),
    ).toStrictEqual(['/v1/operations/op_0', '/v1/operations/op_0', '/v1/operations/op_1', '/v1/operations/op_1']);
  });
});

describe('what a failed chunk may have left on the server', () => {
  async function uploadFailingWith(options: { reply: Reply; timeoutMs?: number }) {
    const server = await startServer((_request, index) =>
      index === 0 ? { status: 202, headers: { 'Operation-Id': 'op_0' } } : options.reply,
    );
    const complero = createCompleroClient({ baseUrl: server.baseUrl, timeoutMs: options.timeoutMs });
    const error = (await complero.contacts.upload(contacts(3), { chunkSize: 1 }).catch((caught: unknown) => caught)) as BulkUploadError;
    expect(error).toBeInstanceOf(BulkUploadError);
    expect(server.requests.length).toBe(2);
    return error;
  }

  it('says a chunk the server refused with a 422 was rejected and none of it stored', async () => {
    const error = await uploadFailingWith({ reply: { status: 422, json: { message: 'invalid' } } });
    expect([error.failedOutcome, error.message]).toStrictEqual([
      'rejected',
      'Bulk upload stopped: item 0 was accepted (operations op_0); item 1 was rejected, not stored (422 Unprocessable Entity: invalid (POST /contacts)); item 2 was not sent.',
    ]);
  });

  it('says a chunk answered with a 503 may have been stored', async () => {
    const error = await uploadFailingWith({ reply: { status: 503, json: { message: 'overloaded' } } });
    expect([error.failedOutcome, error.message]).toStrictEqual([
      'unknown',
      'Bulk upload stopped: item 0 was accepted (operations op_0); item 1 was perhaps stored; check the operations before sending again (503 Service Unavailable: overloaded (POST /contacts)); item 2 was not sent.',
    ]);
  });

  it('says a chunk that timed out may have been stored', async () => {
    const error = await uploadFailingWith({ reply: { status: 202, delayMs: 500 }, timeoutMs: 100 });
    expect([error.failedOutcome, error.message, error.cause instanceof TimeoutError]).toStrictEqual([
      'unknown',
      'Bulk upload stopped: item 0 was accepted (operations op_0); item 1 was perhaps stored; check the operations before sending again (POST /contacts timed out after 100 ms.); item 2 was not sent.',
      true,
    ]);
  });

  it('says a chunk whose connection dropped after sending may have been stored', async () => {
    const error = await uploadFailingWith({ reply: { destroy: true } });
    expect([error.failedOutcome, error.cause instanceof ConnectionError]).toStrictEqual(['unknown', true]);
    expect(error.message).toMatch(
      /^Bulk upload stopped: item 0 was accepted \(operations op_0\); item 1 was perhaps stored; check the operations before sending again \(POST \/contacts failed before a response arrived: .+\); item 2 was not sent\.$/,
    );
  });

  it('sends nothing and says the chunk was rejected when an item cannot be serialised', async () => {
    const server = await startServer(() => ({ status: 202, headers: { 'Operation-Id': 'op_0' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    // The contact type has no room for extra fields; a caller's untyped data may still carry a BigInt.
    const items = [...contacts(2), { id: 'c2', first_name: 'Max', last_name: 'Muster2', score: 10n }];
    const error = (await complero.contacts.upload(items, { chunkSize: 2 }).catch((caught: unknown) => caught)) as BulkUploadError;
    expect([error.failedOutcome, error.cause instanceof InvalidArgumentError, error.message, server.requests.length]).toStrictEqual([
      'rejected',
      true,
      'Bulk upload stopped: items 0–1 were accepted (operations op_0); item 2 was rejected, not stored (Nothing was sent to POST /contacts: its body cannot be serialised (TypeError: Do not know how to serialize a BigInt).).',
      1,
    ]);
  });

  it('says a chunk whose connection was refused before sending was rejected', async () => {
    const complero = createCompleroClient({
      baseUrl: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      },
    });
    const error = (await complero.contacts.upload(contacts(1)).catch((caught: unknown) => caught)) as BulkUploadError;
    expect([error.failedOutcome, error.message]).toStrictEqual([
      'rejected',
      'Bulk upload stopped: no items were accepted; item 0 was rejected, not stored (POST /contacts failed before a response arrived: fetch failed (ECONNREFUSED)).',
    ]);
  });
});

describe('operations.waitFor', () => {
  it('polls until a terminal status and returns the final operation', async () => {
    const statuses = ['pending', 'processing', 'failed'];
    const server = await startServer((_request, index) => ({
      json: { id: 'op_9', status: statuses[index] },
      headers: { 'Request-Id': `req_${index}` },
    }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const result = await complero.operations.waitFor('op_9', { intervalMs: 1 });
    expect(result).toStrictEqual({
      data: { id: 'op_9', status: 'failed' },
      status: 200,
      requestId: 'req_2',
      headers: { 'Request-Id': 'req_2' },
    });
  });

  it('gives up with a TimeoutError naming the last status', async () => {
    const server = await startServer(() => ({ json: { id: 'op_9', status: 'processing' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const error = await complero.operations.waitFor('op_9', { intervalMs: 5, timeoutMs: 30 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("Gave up waiting for operation op_9 after 30 ms: it is still 'processing'.");
  });

  it('stops when its signal aborts', async () => {
    const server = await startServer(() => ({ json: { id: 'op_9', status: 'queued' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 30);
    await expect(complero.operations.waitFor('op_9', { intervalMs: 5, signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('a body that cannot be serialised', () => {
  it('fails with an InvalidArgumentError before anything is sent, without retrying', async () => {
    const server = await startServer(() => ({ json: {} }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, maxRetries: 2 });
    const body = { type: 'update', contact_id: 'c1', count: 1n } as unknown as Parameters<typeof complero.events.trigger>[0];
    const error = await complero.events.trigger(body).catch((caught: unknown) => caught);
    expect([error instanceof InvalidArgumentError, (error as Error).message, server.requests.length]).toStrictEqual([
      true,
      'Nothing was sent to POST /events/trigger: its body cannot be serialised (TypeError: Do not know how to serialize a BigInt).',
      0,
    ]);
  });
});
