import type { HttpHandler } from 'msw';
import { getResponse } from 'msw';

/** The mocks' default base URL. */
export const BASE = 'https://api.complero.com/v1';

/** A request to the mocked API, with the API key unless `auth: false`. */
export function apiRequest(options: { path: string; method?: string; body?: unknown; auth?: boolean; base?: string }): Request {
  const headers = new Headers();
  if (options.auth !== false) headers.set('Authorization', 'test-key');
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(`${options.base ?? BASE}${options.path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
}

/** Runs one request through handlers the way MSW would, failing loudly when none matches. */
export async function respond(options: { handlers: readonly HttpHandler[]; request: Request }): Promise<Response> {
  const response = await getResponse([...options.handlers], options.request);
  if (!response) throw new Error(`no handler matched ${options.request.method} ${options.request.url}`);
  return response;
}
