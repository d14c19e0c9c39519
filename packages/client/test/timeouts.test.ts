import { describe, expect, it } from 'vitest';
import { createCompleroClient, TimeoutError } from '../src/index.js';
import { useTestServers } from './support/server.js';

const startServer = useTestServers();

describe('timeouts and cancellation', () => {
  it('throws a TimeoutError when the server is slower than timeoutMs', async () => {
    const server = await startServer(() => ({ delayMs: 500, json: {} }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, timeoutMs: 30, maxRetries: 0 });
    const error = await complero.contacts.get('c1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('GET /contacts/{id} timed out after 30 ms.');
  });

  it('retries a timed-out GET, each attempt with its own timeout', async () => {
    const server = await startServer((_request, index) => (index === 0 ? { delayMs: 10_000, json: {} } : { json: { id: 'c1' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: { baseMs: 1, maxMs: 1 } });
    // Generous, so the quick second answer always fits even on a loaded machine.
    const { data } = await complero.contacts.get('c1', { timeoutMs: 1000 });
    expect([data, server.requests.length]).toStrictEqual([{ id: 'c1' }, 2]);
  });

  it('rejects with the abort reason when the caller cancels, and does not retry', async () => {
    const controller = new AbortController();
    // Cancel once the request has arrived, while the server is still answering.
    const server = await startServer(() => {
      controller.abort(new Error('user left the page'));
      return { delayMs: 500, json: {} };
    });
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await expect(complero.contacts.get('c1', { signal: controller.signal })).rejects.toThrow('user left the page');
    expect(server.requests.length).toBe(1);
  });

  it("cancels a call without a timeout (timeoutMs 0) by the caller's signal alone", async () => {
    const controller = new AbortController();
    const server = await startServer(() => {
      controller.abort(new Error('user left the page'));
      return { delayMs: 500, json: {} };
    });
    const complero = createCompleroClient({ baseUrl: server.baseUrl, timeoutMs: 0 });
    await expect(complero.contacts.get('c1', { signal: controller.signal })).rejects.toThrow('user left the page');
    expect(server.requests.length).toBe(1);
  });

  it('rejects at once for an already aborted signal', async () => {
    const complero = createCompleroClient({ baseUrl: 'http://127.0.0.1:9/v1' });
    await expect(complero.ping({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses nonsensical settings at construction', () => {
    expect(() => createCompleroClient({ maxRetries: -1 })).toThrow('maxRetries must be a whole number ≥ 0 (0 disables retries), got -1.');
    expect(() => createCompleroClient({ timeoutMs: Number.NaN })).toThrow(
      'timeoutMs must be a number ≥ 0 (0 disables the timeout), got NaN.',
    );
  });

  it('refuses the same nonsensical settings per call, before sending anything', async () => {
    const server = await startServer(() => ({ status: 503 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl, retryDelay: { baseMs: 1, maxMs: 1 } });
    const refusals = await Promise.all([
      complero.contacts.get('c1', { maxRetries: Number.NaN }).catch((caught: unknown) => caught),
      complero.contacts.get('c1', { maxRetries: 1.5 }).catch((caught: unknown) => caught),
      complero.contacts.get('c1', { timeoutMs: -1 }).catch((caught: unknown) => caught),
      complero.events.list({}, { timeoutMs: Number.NaN }).catch((caught: unknown) => caught),
    ]);
    expect(refusals.map((error) => [(error as Error).constructor, (error as Error).message])).toStrictEqual([
      [TypeError, 'maxRetries must be a whole number ≥ 0 (0 disables retries), got NaN.'],
      [TypeError, 'maxRetries must be a whole number ≥ 0 (0 disables retries), got 1.5.'],
      [TypeError, 'timeoutMs must be a number ≥ 0 (0 disables the timeout), got -1.'],
      [TypeError, 'timeoutMs must be a number ≥ 0 (0 disables the timeout), got NaN.'],
    ]);
    expect(server.requests.length).toBe(0);
  });

  it('refuses nonsensical per-call settings of a bulk upload as such, not as a failed chunk', async () => {
    const server = await startServer(() => ({ status: 202, headers: { 'Operation-Id': 'op_1' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const contact = { id: 'c1', first_name: 'Max', last_name: 'Mustermann' };
    const error = await complero.contacts.upload([contact], { maxRetries: -1 }).catch((caught: unknown) => caught);
    expect([(error as Error).constructor, (error as Error).message]).toStrictEqual([
      TypeError,
      'maxRetries must be a whole number ≥ 0 (0 disables retries), got -1.',
    ]);
    expect(server.requests.length).toBe(0);
  });
});
