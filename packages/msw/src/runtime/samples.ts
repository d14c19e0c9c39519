import type { SampleFactory } from './create-operation-handler.js';
import {
  createContact,
  createContactEvent,
  createEmployee,
  createOperation,
  createWebPostResponse,
  createWebResponse,
} from './factories.js';

/**
 * Realistic Complero bodies by spec schema, for `createHandlers({ samples: COMPLERO_SAMPLES })`:
 * German names, addresses and phone numbers instead of the placeholders generated from the schema.
 */
export const COMPLERO_SAMPLES: Readonly<Record<string, SampleFactory>> = {
  Contact: ({ random }) => createContact({ random }),
  ContactEvent: ({ random, baseUrl }) => createContactEvent({ random, baseUrl }),
  Employee: ({ random }) => createEmployee({ random }),
  Operation: ({ random }) => createOperation({ random }),
  'web.Response': () => createWebResponse({ message: 'OK' }),
  'web.PostResponse': () => createWebPostResponse({ message: 'OK' }),
};
