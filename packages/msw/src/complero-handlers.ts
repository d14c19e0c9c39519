import type { HttpHandler } from 'msw';
import { type CreateHandlersOptions, createHandlers as createSchemaHandlers } from './generated/index.js';
import { COMPLERO_SAMPLES } from './runtime/samples.js';

/**
 * A handler for every operation, answering with the spec's examples first and otherwise with
 * realistic, seeded Complero data (German names, addresses, phone numbers). Pass `samples` to
 * replace the data factories, e.g. `{ samples: {} }` for bodies generated from the schema alone.
 */
export function createHandlers(options: CreateHandlersOptions = {}): HttpHandler[] {
  return createSchemaHandlers({ samples: COMPLERO_SAMPLES, ...options });
}

/** The default handler set: `createHandlers()` on the default base URL with seed 1. */
export const handlers: HttpHandler[] = createHandlers();
