import { createRequire } from 'node:module';
import { CodegenError } from './errors.js';
import type { SpecVersion } from './validate.js';

/** An OpenAPI 3.x document as plain data. */
export type OpenApiDocument = Record<string, unknown> & { openapi: string };

/**
 * Brings any supported document to OpenAPI 3 so that everything after this stage (the model,
 * openapi-typescript) reads one dialect. This is the only module that knows Swagger 2.0.
 */
export async function upgradeToOpenApi3(options: {
  document: Record<string, unknown>;
  version: SpecVersion;
  file: string;
  /** The caller will not use `document` again: convert it in place instead of a copy (saves a full copy on large specs). */
  handOver?: boolean;
}): Promise<OpenApiDocument> {
  if (options.version !== 'swagger-2.0') return options.document as OpenApiDocument;
  const require = createRequire(import.meta.url);
  const swagger2openapi = require('swagger2openapi') as {
    convertObj: (document: unknown, options: Record<string, unknown>) => Promise<{ openapi: OpenApiDocument }>;
  };
  try {
    // structuredClone: swagger2openapi mutates its input, and unless it was handed over the caller
    // still owns the document.
    const input = options.handOver ? options.document : structuredClone(options.document);
    const { openapi } = await swagger2openapi.convertObj(input, {
      patch: true,
      warnOnly: true,
      resolveInternal: false,
      direct: false,
    });
    return openapi;
  } catch (error) {
    throw new CodegenError({
      message: `could not upgrade Swagger 2.0 to OpenAPI 3: ${(error as Error).message}`,
      location: { file: options.file },
      cause: error,
    });
  }
}
