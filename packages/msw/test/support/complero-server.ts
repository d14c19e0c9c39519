import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockComplero, type MockComplero, type MockCompleroOptions } from '../../src/index.js';
import { BASE } from './requests.js';

/** A stateful mock behind msw/node for this test file: started once, reset after every test. */
export function useMockComplero(options: MockCompleroOptions = {}): { complero: MockComplero; server: SetupServer } {
  const complero = createMockComplero(options);
  const server = setupServer(...complero.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    complero.reset();
  });
  afterAll(() => server.close());
  return { complero, server };
}

/** `fetch` against the mocked API with the API key, JSON in and out. */
export async function call(options: { path: string; method?: string; body?: unknown; auth?: boolean }): Promise<Response> {
  return fetch(`${BASE}${options.path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.auth === false ? {} : { Authorization: 'test-key' }),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}
