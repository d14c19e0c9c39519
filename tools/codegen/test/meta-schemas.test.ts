import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadMetaSchemaValidator, precompileMetaSchemas } from '../src/meta-schemas.js';
import type { SpecVersion } from '../src/validate.js';

/** Evaluates one of the build's standalone validator modules (CommonJS that requires ajv's runtime). */
function loadStandalone(code: string): ValidateFunction {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
  return module.exports as ValidateFunction;
}

const info = { title: 'T', version: '1' };
const documents: Record<SpecVersion, unknown[]> = {
  'swagger-2.0': [
    { swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } } },
    {
      swagger: '2.0',
      info: { ...info, bogus: 1 },
      paths: { '/a': { get: { parameters: [{ name: 'q', in: 'query', type: 'strung' }], responses: { 200: { description: 'ok' } } } } },
    },
    { swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: { description: 'ok', schema: { type: 5 } } } } } } },
  ],
  'openapi-3.0': [
    { openapi: '3.0.3', info, paths: {} },
    {
      openapi: '3.0.3',
      info,
      paths: {
        '/a': {
          get: { extra: 1, responses: { 200: { description: 'ok', content: { 'application/json': { schema: { nullable: 'maybe' } } } } } },
        },
      },
    },
  ],
  'openapi-3.1': [
    { openapi: '3.1.0', info, paths: {} },
    {
      openapi: '3.1.0',
      info: { ...info, license: { url: 3 } },
      paths: {
        '/a': {
          get: {
            responses: {
              200: { description: 'ok', content: { 'application/json': { schema: { type: ['object', 'null'], minProperties: -1 } } } },
            },
          },
        },
      },
    },
  ],
};

describe('precompiled meta-schema validators', () => {
  const precompiled = precompileMetaSchemas();

  it('are written for every document family', () => {
    expect(Object.keys(precompiled).sort()).toStrictEqual(['openapi-3.0.cjs', 'openapi-3.1.cjs', 'swagger-2.0.cjs']);
  });

  for (const [version, cases] of Object.entries(documents) as [SpecVersion, unknown[]][]) {
    it(`report what ajv compiling the ${version} meta-schema at run time reports`, () => {
      const compiled = loadMetaSchemaValidator(version);
      const standalone = loadStandalone(precompiled[`${version}.cjs`] ?? '');
      for (const document of cases) {
        const valid = compiled(document);
        expect(standalone(document)).toBe(valid);
        expect(standalone.errors ?? null).toStrictEqual(compiled.errors ?? null);
      }
      expect(cases.map((document) => compiled(document))).toContain(false);
    });
  }
});
