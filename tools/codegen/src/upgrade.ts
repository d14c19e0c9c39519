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
    // Without `schemes`, Swagger 2.0 means "the scheme the spec was fetched with"; swagger2openapi
    // then writes a protocol-relative server (`//host/api`), which no client can call. A spec read
    // from a file was fetched with no scheme at all: https is the one to assume.
    if (typeof input.host === 'string' && !(Array.isArray(input.schemes) && input.schemes.length > 0)) input.schemes = ['https'];
    const { openapi } = await swagger2openapi.convertObj(input, {
      patch: true,
      warnOnly: true,
      resolveInternal: false,
      direct: false,
      // Without a `text`, convertObj first serialises the whole document to YAML into it (half a
      // second on Kubernetes) for callers that validate the source afterwards; the conversion
      // itself never reads it, and we validated the source before.
      text: 'unused',
    });
    return carryFormCollectionFormats({ swagger: options.document, openapi });
  } catch (error) {
    throw new CodegenError({
      message: `could not upgrade Swagger 2.0 to OpenAPI 3: ${(error as Error).message}`,
      location: { file: options.file },
      cause: error,
    });
  }
}

const FORM_STYLES: Record<string, { style: string; explode: boolean; 'x-collectionFormat'?: string }> = {
  csv: { style: 'form', explode: false },
  ssv: { style: 'spaceDelimited', explode: false },
  tsv: { style: 'form', explode: false, 'x-collectionFormat': 'tsv' },
  pipes: { style: 'pipeDelimited', explode: false },
  multi: { style: 'form', explode: true },
};

/**
 * swagger2openapi turns formData parameters into a form request body but drops their
 * `collectionFormat` (csv when absent); OpenAPI 3 says it with the media type's `encoding`, so we add it there.
 */
function carryFormCollectionFormats(options: { swagger: Record<string, unknown>; openapi: OpenApiDocument }): OpenApiDocument {
  const record = (value: unknown) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  const sharedParameters = record(options.swagger.parameters);
  const resolve = (parameter: unknown) => {
    const ref = record(parameter).$ref;
    return typeof ref === 'string' && ref.startsWith('#/parameters/')
      ? record(sharedParameters[ref.slice('#/parameters/'.length)])
      : record(parameter);
  };
  for (const [path, item] of Object.entries(record(options.swagger.paths))) {
    const shared = Array.isArray(record(item).parameters) ? (record(item).parameters as unknown[]) : [];
    for (const [method, operation] of Object.entries(record(item))) {
      const own = Array.isArray(record(operation).parameters) ? (record(operation).parameters as unknown[]) : [];
      const formats = [...shared, ...own]
        .map(resolve)
        // Swagger 2.0 joins array fields with commas unless told otherwise; OpenAPI 3 would repeat them.
        .filter(
          (parameter) => parameter.in === 'formData' && (typeof parameter.collectionFormat === 'string' || parameter.type === 'array'),
        )
        .map((parameter) => [String(parameter.name), FORM_STYLES[String(parameter.collectionFormat ?? 'csv')]] as const)
        .filter((entry): entry is readonly [string, NonNullable<(typeof FORM_STYLES)[string]>] => entry[1] !== undefined);
      if (formats.length === 0) continue;
      const content = record(record(record(record(record(options.openapi.paths)[path])[method]).requestBody).content);
      for (const media of Object.values(content)) {
        const target = record(media);
        target.encoding = { ...record(target.encoding), ...Object.fromEntries(formats.map(([name, style]) => [name, { ...style }])) };
      }
    }
  }
  return options.openapi;
}
