import { API_KEY, DEFAULT_BASE_URL, REQUEST_ID_HEADER } from './generated/operations.js';
import { type CompleroResources, createResources } from './generated/resources.js';
import type { ClientOptions } from './runtime/config.js';
import { createCore } from './runtime/core.js';

/** A Complero API client: every operation as a typed method. (The raw openapi-fetch client is `createRawClient` of `@complero/client/raw`.) */
export interface CompleroClient extends CompleroResources {}

/**
 * Creates a client. The API key lives only inside the client's closures: it is not a property
 * of the client and never appears in an error.
 *
 * @example
 * const complero = createCompleroClient({ apiKey: process.env.COMPLERO_API_KEY });
 * const { data: contact, requestId } = await complero.contacts.get('K-2025-00012345');
 */
export function createCompleroClient(options: ClientOptions = {}): CompleroClient {
  return createResources(
    createCore({ client: options, apiKey: API_KEY, defaultBaseUrl: DEFAULT_BASE_URL, requestIdHeader: REQUEST_ID_HEADER }),
  );
}
