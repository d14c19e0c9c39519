import type { paths } from '@complero/types';
import type { Client } from 'openapi-fetch';
import { API_KEY, DEFAULT_BASE_URL, OPERATIONS, REQUEST_ID_HEADER } from './generated/operations.js';
import { type CompleroResources, createResources } from './generated/resources.js';
import type { ClientOptions } from './runtime/config.js';
import { createCore } from './runtime/core.js';

/** A Complero API client: every operation as a typed method, plus the raw openapi-fetch client. */
export interface CompleroClient extends CompleroResources {
  /**
   * The underlying openapi-fetch client, for anything the methods do not cover. It sends the API
   * key and encodes path parameters safely, but does not retry or throw: it returns `{ data, error, response }`.
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client. The API key lives only inside the client's closures: it is not a property
 * of the client and never appears in an error.
 *
 * @example
 * const complero = createCompleroClient({ apiKey: process.env.COMPLERO_API_KEY });
 * const { data: contact, requestId } = await complero.contacts.get('K-2025-00012345');
 */
export function createCompleroClient(options: ClientOptions = {}): CompleroClient {
  const core = createCore<paths>({
    client: options,
    operations: OPERATIONS,
    apiKey: API_KEY,
    defaultBaseUrl: DEFAULT_BASE_URL,
    requestIdHeader: REQUEST_ID_HEADER,
  });
  return { ...createResources(core), raw: core.raw };
}
