import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../../src/config.js';
import { emitClient } from '../../src/emit/client.js';
import { emitMsw } from '../../src/emit/msw.js';
import { emitReactQuery } from '../../src/emit/react-query.js';
import { emitTypes } from '../../src/emit/types.js';
import { parseSpecBytes } from '../../src/load.js';
import { buildModel } from '../../src/model/build-model.js';
import { upgradeToOpenApi3 } from '../../src/upgrade.js';
import { validateSpec } from '../../src/validate.js';
import { swaggerDocument } from './swagger-arbitrary.js';

const context = {
  scope: '@generated',
  name: 'Generated',
  baseUrl: 'http://localhost',
  specName: 'generated.json',
  specSha256: '0',
  requestIdHeader: 'Request-Id',
};

async function runPipeline(document: unknown) {
  const spec = parseSpecBytes({ bytes: Buffer.from(JSON.stringify(document)), file: 'generated.json' });
  const version = validateSpec({ spec });
  const upgraded = await upgradeToOpenApi3({ document: spec.document, version, file: spec.file });
  const model = buildModel({ document: upgraded, patterns: DEFAULT_PATTERNS });
  return { model, upgraded };
}

describe('the model builder, on any valid Swagger 2.0 document', () => {
  it('accepts it, never throws, and names every operation once', async () => {
    await fc.assert(
      fc.asyncProperty(swaggerDocument, async (document) => {
        const { model } = await runPipeline(document);
        // Every key of a path item but its shared `parameters` is an operation.
        const count = Object.values(document.paths).reduce(
          (total, item) => total + Object.keys(item).filter((key) => key !== 'parameters').length,
          0,
        );
        expect(model.operations).toHaveLength(count);
        const ids = model.operations.map((operation) => operation.id);
        expect(new Set(ids).size).toBe(ids.length);
        // Identifiers must differ even ignoring case: `d` and `D` may not share a file system or a reader's eye.
        for (const key of ['functionName', 'typeName'] as const) {
          const names = model.operations.map((operation) => operation[key].toLowerCase());
          expect(new Set(names).size).toBe(names.length);
        }
        const order = model.operations.map((operation) => `${operation.path} ${operation.method}`);
        expect(order).toStrictEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('builds the same model from the same document', async () => {
    await fc.assert(
      fc.asyncProperty(swaggerDocument, async (document) => {
        expect((await runPipeline(document)).model).toStrictEqual((await runPipeline(structuredClone(document))).model);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('feeds all four emitters without an error, each writing its package files', async () => {
    await fc.assert(
      fc.asyncProperty(swaggerDocument, async (document) => {
        const { model, upgraded } = await runPipeline(document);
        const files = [
          ...(await emitTypes({ model, document: upgraded, context })),
          ...emitClient({ model, context }),
          ...emitMsw({ model, context }),
          ...emitReactQuery({ model, context }),
        ];
        expect(files.map((file) => file.path).sort()).toStrictEqual([
          'client/src/generated/index.ts',
          'client/src/generated/operations.ts',
          'client/src/generated/resources.ts',
          'msw/src/generated/handlers.ts',
          'msw/src/generated/index.ts',
          'msw/src/generated/operations.ts',
          'msw/src/generated/schemas.ts',
          'react-query/src/generated/hooks.ts',
          'react-query/src/generated/index.ts',
          'react-query/src/generated/keys.ts',
          'react-query/src/generated/mutations.ts',
          'react-query/src/generated/queries.ts',
          'types/src/generated/enums.ts',
          'types/src/generated/index.ts',
          'types/src/generated/openapi.ts',
          'types/src/generated/operations.ts',
          'types/src/generated/schemas.ts',
          'types/src/generated/validation-errors.ts',
        ]);
        expect(files.filter((file) => file.content.trim() === '').map((file) => file.path)).toStrictEqual([]);
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
