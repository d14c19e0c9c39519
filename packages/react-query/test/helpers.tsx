import { type CompleroClient, createCompleroClient } from '@complero/client';
import { createMockComplero, type MockComplero, type MockCompleroOptions } from '@complero/msw';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type SetupServer, setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CompleroProvider } from '../src/index.js';

/**
 * Where the mock answers. MSW intercepts every request in-process; should interception ever
 * fail, this loopback address with a closed port keeps the request on this machine.
 */
export const BASE_URL = 'http://127.0.0.1:9/v1';

/** A Complero mock served by MSW for one test file, reset after every test, and the requests it saw. */
export interface MockEnvironment {
  readonly mock: MockComplero;
  /** `GET /events?limit=2`, one line per request, in order. */
  readonly requests: string[];
  readonly client: CompleroClient;
  /** The MSW server, for a test that answers one request its own way (`server.use(...)`, reset after the test). */
  readonly server: SetupServer;
}

/** Starts the stateful mock before the file's tests and stops it after them. */
export function setupMockComplero(options: MockCompleroOptions = {}): MockEnvironment {
  const mock = createMockComplero({ baseUrl: BASE_URL, ...options });
  const server = setupServer(...mock.handlers);
  const requests: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.replace(/^\/v1/, '')}${url.search}`);
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
    requests.length = 0;
  });
  afterAll(() => server.close());
  const client = createCompleroClient({ apiKey: 'test-key', baseUrl: BASE_URL, maxRetries: 0 });
  return { mock, requests, client, server };
}

/** A fresh QueryClient (no retries, nothing garbage-collected mid-test) and a wrapper with both providers. */
export function createWrapper(client: CompleroClient): {
  queryClient: QueryClient;
  wrapper: (props: { children: ReactNode }) => ReactNode;
} {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } } });
  const wrapper = (props: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <CompleroProvider client={client}>{props.children}</CompleroProvider>
    </QueryClientProvider>
  );
  return { queryClient, wrapper };
}
