import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCompleroClient } from '../src/index.js';
import { isTerminalStatus, pollUntil } from '../src/runtime/polling.js';
import { useTestServers } from './support/server.js';

// The spec documents no operation status values; the README states this rule instead.
describe('isTerminalStatus', () => {
  it('treats the common in-progress words as unfinished, in any case and spelling', () => {
    const statuses = [
      'pending',
      'queued',
      'created',
      'accepted',
      'started',
      'running',
      'processing',
      'in_progress',
      'In Progress',
      'in-progress',
      'PENDING',
    ];
    expect(statuses.filter(isTerminalStatus)).toStrictEqual([]);
  });

  it('treats any other non-empty status as finished', () => {
    expect(['completed', 'failed', 'cancelled', 'partially_failed', 'pending_review'].map(isTerminalStatus)).toStrictEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('keeps waiting without a status', () => {
    expect([undefined, '', null, 3].map(isTerminalStatus)).toStrictEqual([false, false, false, false]);
  });
});

describe('pollUntil', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Polls with `factor` until `checks` calls have been made, and returns the pauses between them in ms. */
  async function recordPauses(options: { factor: number; intervalMs: number; checks: number }): Promise<number[]> {
    vi.useFakeTimers();
    const times: number[] = [];
    const polled = pollUntil({
      what: 'the test',
      wait: { intervalMs: options.intervalMs, timeoutMs: Number.POSITIVE_INFINITY },
      factor: options.factor,
      check: async () => (times.push(Date.now()) === options.checks ? { done: 'done' } : { pending: 'pending' }),
    });
    await vi.runAllTimersAsync();
    await polled;
    return times.slice(1).map((time, index) => time - (times[index] as number));
  }

  it('grows the pause by the factor', async () => {
    expect(await recordPauses({ factor: 1.5, intervalMs: 100, checks: 4 })).toStrictEqual([100, 150, 225]);
  });

  it('grows the pause to 10 s at most', async () => {
    expect(await recordPauses({ factor: 1.5, intervalMs: 5000, checks: 5 })).toStrictEqual([5000, 7500, 10_000, 10_000]);
  });

  it('never pauses for less than the interval asked for, even past 10 s', async () => {
    expect(await recordPauses({ factor: 1.5, intervalMs: 20_000, checks: 4 })).toStrictEqual([20_000, 20_000, 20_000]);
  });

  it.each([
    [{ intervalMs: 2 ** 31 }, 'got 2147483648 and 120000.'],
    [{ intervalMs: Number.NaN }, 'got NaN and 120000.'],
    [{ intervalMs: -1 }, 'got -1 and 120000.'],
    [{ intervalMs: Number.POSITIVE_INFINITY }, 'got Infinity and 120000.'],
    [{ timeoutMs: Number.NaN }, 'got 1000 and NaN.'],
    [{ timeoutMs: -1 }, 'got 1000 and -1.'],
  ])('throws a TypeError for %o before the first check', async (wait, got) => {
    const check = vi.fn(async () => ({ done: 'done' }));
    await expect(pollUntil({ what: 'the test', wait, factor: 1, check })).rejects.toThrow(
      new TypeError(`intervalMs must be a number from 0 to 2147483647 and timeoutMs a number ≥ 0, ${got}`),
    );
    expect(check).not.toHaveBeenCalled();
  });
});

describe('waiting for an operation or a document', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A client whose fetch answers with `answers` in turn (the last one again and again), recording when each request came. */
  function clientAnswering(answers: (() => Response)[]) {
    vi.useFakeTimers();
    const times: number[] = [];
    const complero = createCompleroClient({
      apiKey: 'sk_test',
      fetch: async () => (answers[times.push(Date.now()) - 1] ?? (answers.at(-1) as () => Response))(),
    });
    const pauses = () => times.slice(1).map((time, index) => time - (times[index] as number));
    return { complero, pauses };
  }

  it('polls an operation at a steady interval', async () => {
    const running = () => Response.json({ id: 'op_1', status: 'running' });
    const { complero, pauses } = clientAnswering([running, running, running, () => Response.json({ id: 'op_1', status: 'completed' })]);
    const waited = complero.operations.waitFor('op_1', { intervalMs: 100 });
    await vi.runAllTimersAsync();
    expect((await waited).data.status).toBe('completed');
    expect(pauses()).toStrictEqual([100, 100, 100]);
  });

  it('polls a document with a backoff of ×1.5', async () => {
    const pending = () => new Response(null, { status: 204 });
    const { complero, pauses } = clientAnswering([
      pending,
      pending,
      pending,
      () => new Response('%PDF', { headers: { 'Content-Type': 'application/pdf' } }),
    ]);
    const waited = complero.documentation.waitFor('K-1', undefined, { intervalMs: 100 });
    await vi.runAllTimersAsync();
    expect((await waited).contentType).toBe('application/pdf');
    expect(pauses()).toStrictEqual([100, 150, 225]);
  });
});

describe('wait options', () => {
  const startServer = useTestServers();
  const invalid = new TypeError('intervalMs must be a number from 0 to 2147483647 and timeoutMs a number ≥ 0, got 1000 and NaN.');

  it('are checked before operations.waitFor sends anything', async () => {
    const server = await startServer(() => ({ json: { status: 'running' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await expect(complero.operations.waitFor('op_1', { timeoutMs: Number.NaN })).rejects.toThrow(invalid);
    expect(server.requests).toStrictEqual([]);
  });

  it('are checked before documentation.waitFor sends anything', async () => {
    const server = await startServer(() => ({ status: 204 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await expect(complero.documentation.waitFor('K-1', undefined, { timeoutMs: Number.NaN })).rejects.toThrow(invalid);
    expect(server.requests).toStrictEqual([]);
  });

  it('are checked before an upload’s wait sends anything', async () => {
    const server = await startServer(() => ({ status: 202, headers: { 'Operation-Id': 'op_1' } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const upload = await complero.contacts.upload([{ id: 'K-1', first_name: 'Ada', last_name: 'Lovelace' }]);
    await expect(upload.wait({ timeoutMs: Number.NaN })).rejects.toThrow(invalid);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toStrictEqual(['POST /v1/contacts']);
  });
});
