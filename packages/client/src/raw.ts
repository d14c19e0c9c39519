/**
 * The raw openapi-fetch client of the Complero API, for anything the methods of
 * `createCompleroClient` do not cover. A separate entry, so that apps which only use the methods
 * do not ship openapi-fetch.
 */
import type { paths } from '@complero/types';
import type { Client, Middleware } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import { API_KEY, DEFAULT_BASE_URL, OPERATIONS } from './generated/operations.js';
import { type ClientOptions, identificationHeaders } from './runtime/config.js';
import { createPathSerializer } from './runtime/path.js';
import { VERSION } from './runtime/version.js';

export type { ClientOptions } from './runtime/config.js';

// openapi-fetch's CommonJS build sets no `__esModule` flag, so under CommonJS interop its
// `createClient` sits one level deeper (`default.default`) than under ESM (`default`).
const createClient = ((openapiFetch.default as unknown as { default?: typeof openapiFetch.default }).default ??
  openapiFetch.default) as typeof openapiFetch.default;

/**
 * Creates an [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) client of the Complero API,
 * typed by path. It sends the API key (on the operations that need it) and the client's headers,
 * and encodes path parameters safely, like `createCompleroClient`; but it does not retry, time out
 * or throw on HTTP errors: it returns `{ data, error, response }`. `timeoutMs`, `maxRetries` and
 * `retryDelay` do not apply to it.
 *
 * @example
 * const raw = createRawClient({ apiKey: process.env.COMPLERO_API_KEY });
 * const { data, error, response } = await raw.GET('/contacts/{id}', { params: { path: { id: 'K-1' } } });
 */
export function createRawClient(options: ClientOptions = {}): Client<paths> {
  const raw = createClient<paths>({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    // Looked up per request, so a fetch mock installed after the client was built still applies.
    fetch: (request) => (options.fetch ?? globalThis.fetch)(request),
    headers: { ...identificationHeaders({ version: VERSION }), ...options.headers },
    pathSerializer: createPathSerializer(),
  });
  const { apiKey } = options;
  const location = API_KEY;
  // Operations the spec marks as public (like `GET /ping`) go without the key.
  const open = new Set(OPERATIONS.filter((operation) => !operation.auth).map((operation) => `${operation.method} ${operation.path}`));
  const auth: Middleware = {
    onRequest({ request, schemaPath }) {
      if (!apiKey || !location || open.has(`${request.method} ${schemaPath}`)) return undefined;
      if (location.in === 'header') {
        request.headers.set(location.name, apiKey);
        return undefined;
      }
      // Appended to the URL as it is: `searchParams.set` would re-encode the query (`,` → `%2C`, `%20` → `+`).
      const key = `${encodeURIComponent(location.name)}=${encodeURIComponent(apiKey)}`;
      return new Request(`${request.url}${request.url.includes('?') ? '&' : '?'}${key}`, request);
    },
  };
  raw.use(auth);
  return raw;
}
