/**
 * MSW handlers for the Complero API: one per operation (`getContactHandler(...)`), the default set
 * (`handlers`, `createHandlers(...)`), a stateful in-memory Complero (`createMockComplero(...)`) and
 * seeded data factories (`createContact()`, …). Works with `setupServer` (msw/node) and
 * `setupWorker` (msw/browser); the local mock server lives in `@complero/msw/server`.
 */

// Complero's own defaults shadow the generated, schema-only `createHandlers`/`handlers`.
export { createHandlers, handlers } from './complero-handlers.js';
export * from './generated/index.js';
export {
  createHandlerContext,
  createOperationHandler,
  type HandlerContext,
  type HandlerContextOptions,
  type HandlerOptions,
  type MockRequestInfo,
  type MockResolver,
  type MockResolverOrData,
  type SampleFactory,
} from './runtime/create-operation-handler.js';
export {
  createContact,
  createContactEvent,
  createContactId,
  createEmployee,
  createOperation,
  createOperationItem,
  createWebPostResponse,
  createWebResponse,
  type FactoryOptions,
  MOCK_EPOCH,
  OPERATION_STATUSES,
  TERMINAL_OPERATION_STATUSES,
} from './runtime/factories.js';
export { createMockComplero, type MockComplero, type MockCompleroOptions } from './runtime/mock-complero.js';
export type {
  MockHttpMethod,
  MockJsonSchema,
  MockOperation,
  MockPathParams,
  MockResponse,
  MockSchemaRef,
  MockSchemas,
  MockShape,
} from './runtime/mock-operation.js';
export { createDocumentationPdf } from './runtime/pdf.js';
export { createRandom, DEFAULT_SEED, hashSeed, type Random } from './runtime/random.js';
export { COMPLERO_SAMPLES } from './runtime/samples.js';
export { createSchemaSample } from './runtime/schema-sample.js';
export {
  createMockStore,
  type DocumentationRecord,
  type DocumentationState,
  type MockStore,
  type StoredOperation,
} from './runtime/store.js';
