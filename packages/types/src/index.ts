/**
 * Types for the Complero API. `paths`, `components` and `operations` come straight from
 * openapi-typescript; the named exports (`Contact`, `ContactEventType`, `GetEventsQuery`, …)
 * are the friendly way in.
 */
export * from './generated/index.js';
