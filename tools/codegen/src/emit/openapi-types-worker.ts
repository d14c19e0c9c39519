import { parentPort } from 'node:worker_threads';
import type { OpenApiDocument } from '../upgrade.js';
import { renderOwnedDocument } from './openapi-types.js';

// The worker behind renderOpenApiTypeScriptInWorker: one document in, its types out. A throw here
// reaches the caller as the worker's 'error' event.
parentPort?.once('message', (document: OpenApiDocument) => {
  parentPort?.postMessage(renderOwnedDocument(document));
});
