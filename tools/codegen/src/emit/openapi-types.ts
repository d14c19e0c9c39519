import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { loadTypeScript } from '../typescript.js';
import type { OpenApiDocument } from '../upgrade.js';

/** The parts of openapi-typescript's internals used here (its deep modules ship no .d.ts). */
interface OpenApiTsInternals {
  transformSchema: (schema: unknown, context: Record<string, unknown>) => unknown;
  scanDiscriminators: (schema: unknown, options: Record<string, unknown>) => unknown;
  resolveRef: (schema: unknown, ref: string, options: { silent: boolean }) => unknown;
  astToString: (ast: unknown) => string;
}

/**
 * openapi-typescript's `paths`/`components`/`operations` for an upgraded document, as text.
 *
 * `openapiTS()` first lints and bundles the document with Redocly, which on GitHub's spec costs
 * more time and memory than the transform itself and loads a large dependency tree. Our own
 * validate stage already guarantees what that pass checks (OpenAPI 3, local `$ref`s that resolve,
 * unique operationIds) and a document with only local refs bundles to itself, so this calls the
 * transform directly with the same context `openapiTS()` builds from its defaults. The output is
 * byte-identical (covered by a test that compares both paths).
 */
export async function renderOpenApiTypeScript(document: OpenApiDocument): Promise<string> {
  // scanDiscriminators patches discriminator enums in place; the caller still owns the document.
  return renderOwnedDocument(structuredClone(document));
}

/**
 * Specs with at least this many operations have their types rendered in a worker thread, while
 * the main thread runs the other emitters. openapi-typescript's transform is then the longest
 * stage (≈2 s of Kubernetes' ≈4.5 s on one thread); below this size, a thread that loads its own
 * TypeScript (≈0.2 s, 48 MiB) costs more than it saves.
 */
export const WORKER_MIN_OPERATIONS = 100;

/** The worker's script: a separate entry of the build (see tsdown.config.ts). */
const WORKER_SCRIPT = '@complero/codegen/openapi-types-worker';

/**
 * A worker thread that renders one document's types. Started early (generate.ts starts it right
 * after loading the spec), it loads TypeScript and openapi-typescript while the main thread
 * validates and upgrades; {@link render} then hands it the upgraded document.
 */
export interface OpenApiTypesWorker {
  /** The document's types, as {@link renderOpenApiTypeScript} prints them. Call once. */
  render(document: OpenApiDocument): Promise<string>;
  /** Stops the thread (whether or not it rendered anything). */
  terminate(): Promise<void>;
}

export function startOpenApiTypesWorker(): OpenApiTypesWorker {
  let script: string;
  try {
    script = createRequire(import.meta.url).resolve(WORKER_SCRIPT);
  } catch (error) {
    throw new Error(
      "openapi-typescript's worker script is missing: build @complero/codegen first (pnpm --filter @complero/codegen build)",
      {
        cause: error,
      },
    );
  }
  const worker = new Worker(script);
  // Settles on the first of: the rendered text, an error thrown in the worker, the worker's exit.
  const result = new Promise<string>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`openapi-typescript's worker exited (code ${code}) before it rendered the types`)));
  });
  // Until render() is called nobody awaits it: an early failure must not be an unhandled rejection.
  result.catch(() => {});
  return {
    render: (document) => {
      // postMessage clones the document: the worker owns its copy and the caller's stays untouched.
      worker.postMessage(document);
      return result;
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** {@link renderOpenApiTypeScript} in a worker thread of its own, stopped when it settles. */
export async function renderOpenApiTypeScriptInWorker(document: OpenApiDocument): Promise<string> {
  const worker = startOpenApiTypesWorker();
  try {
    return await worker.render(document);
  } finally {
    await worker.terminate();
  }
}

/** Loads openapi-typescript (and TypeScript) now, so that the first render does not wait for it. */
export function preloadOpenApiTypeScript(): void {
  loadInternals();
}

/** openapi-typescript's output for a document nobody else holds (it is patched in place). */
export function renderOwnedDocument(schema: OpenApiDocument): string {
  const { transformSchema, scanDiscriminators, resolveRef, astToString } = loadInternals();
  const options = { silent: true };
  const context = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: transformBinaryToBlob,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: (ref: string) => resolveRef(schema, ref, options),
  };
  return astToString(transformSchema(schema, context));
}

/**
 * A `format: binary` string is bytes (a file field of a multipart form, a download): a Blob, which
 * is what fetch sends and returns, not the `string` openapi-typescript would say.
 */
export function transformBinaryToBlob(schema: Record<string, unknown>): unknown {
  if (schema.format !== 'binary') return undefined;
  const ts = loadTypeScript();
  const blob = ts.factory.createTypeReferenceNode('Blob');
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  return nullable ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
}

function loadInternals(): OpenApiTsInternals {
  // Deep paths (allowed by the package's `./*` export) skip the entry point, which would load all
  // of @redocly/openapi-core for the lint/bundle pass we do not use. The CommonJS build, not the
  // ESM one: its `import ts from 'typescript'` makes Node scan all 9 MB of TypeScript for named
  // exports and module syntax, which costs more than loading it (≈0.25 s against ≈0.8 s).
  const require = createRequire(import.meta.url);
  // First, so that openapi-typescript's require('typescript') finds it loaded (through the code cache).
  loadTypeScript();
  const transformSchema = require('openapi-typescript/dist/transform/index.cjs') as OpenApiTsInternals['transformSchema'];
  const utils = require('openapi-typescript/dist/lib/utils.cjs') as Pick<OpenApiTsInternals, 'scanDiscriminators' | 'resolveRef'>;
  const ts = require('openapi-typescript/dist/lib/ts.cjs') as Pick<OpenApiTsInternals, 'astToString'>;
  return {
    transformSchema,
    scanDiscriminators: utils.scanDiscriminators,
    resolveRef: utils.resolveRef,
    astToString: ts.astToString,
  };
}
