import { parentPort } from 'node:worker_threads';
import type { OpenApiDocument } from '../upgrade.js';
import { preloadOpenApiTypeScript, renderOwnedDocument } from './openapi-types.js';

// The thread behind startOpenApiTypesWorker: loads openapi-typescript at once (the main thread is
// still validating and upgrading the spec), then turns one document into its types. A throw here
// reaches the caller as the worker's 'error' event.
preloadOpenApiTypeScript();
parentPort?.once('message', (document: OpenApiDocument) => {
  parentPort?.postMessage(renderOwnedDocument(document));
});
