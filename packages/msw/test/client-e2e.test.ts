import { createCompleroClient } from '@complero/client';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockComplero } from '../src/index.js';
import { expectAuthRules, expectUploadValidationErrors, runContactFlow } from './support/client-flow.js';
import { type MockProcess, startMockProcess } from './support/mock-process.js';

describe('@complero/client against createMockComplero behind setupServer', () => {
  const complero = createMockComplero({ seed: 3, fixtures: 'none', operationPolls: 2, documentationPolls: 2 });
  // Created before server.listen(): the client must look fetch up per request for MSW to see it.
  const client = createCompleroClient({ apiKey: 'test-key' });
  const keyless = createCompleroClient();
  const server = setupServer(...complero.handlers);
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
  });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    complero.reset();
    seen.length = 0;
  });
  afterAll(() => server.close());

  it('runs upload → wait → get → trigger → page events → documentation pending → ready → delete', async () => {
    await runContactFlow(client);
    // operationPolls: 2 and documentationPolls: 2 make both waits poll more than once.
    expect(seen.filter((line) => line.startsWith('GET /v1/operations/'))).toHaveLength(3);
    expect(seen.filter((line) => line === 'GET /v1/documentation/K-1')).toHaveLength(3);
  });

  it('surfaces the mock 422 as ValidationError codes v1c001 and v1c002, and sends nothing without a required field', async () => {
    await expectUploadValidationErrors(client);
    // The bad-email upload and the raw request; the upload without a required field sent nothing.
    expect(seen.filter((line) => line === 'POST /v1/contacts')).toHaveLength(2);
  });

  it('pings without an API key and gets AuthenticationError on a secured operation', async () => {
    await expectAuthRules(keyless);
  });
});

describe('@complero/client against the complero-mock bin over real HTTP', () => {
  let mock: MockProcess;

  beforeAll(async () => {
    mock = await startMockProcess(['--seed', '3', '--fixtures', 'none']);
  });
  afterAll(async () => {
    await mock.stop('SIGTERM');
  });

  it('runs upload → wait → get → trigger → page events → documentation pending → ready → delete', async () => {
    await runContactFlow(createCompleroClient({ apiKey: 'test-key', baseUrl: mock.url }));
  });

  it('surfaces the mock 422 as ValidationError codes v1c001 and v1c002', async () => {
    await expectUploadValidationErrors(createCompleroClient({ apiKey: 'test-key', baseUrl: mock.url }));
  });

  it('pings without an API key and gets AuthenticationError on a secured operation', async () => {
    await expectAuthRules(createCompleroClient({ baseUrl: mock.url }));
  });
});
