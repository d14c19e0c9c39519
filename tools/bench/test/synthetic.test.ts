import { countOperations, loadSpecFile, parseSpecBytes, validateSpec } from '@complero/codegen';
import { describe, expect, it } from 'vitest';
import { scaleSwaggerDocument } from '../src/synthetic.js';
import { COMPLERO_SPEC } from '../src/workspace.js';

const tiny = {
  swagger: '2.0',
  info: { title: 'Tiny', version: '1' },
  paths: {
    '/pets/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
      get: { operationId: 'GetPet', responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/Pet' } } } },
    },
  },
  definitions: { Pet: { type: 'object', properties: { owner: { $ref: '#/definitions/Owner' } } }, Owner: { type: 'object' } },
};

describe('scaleSwaggerDocument', () => {
  it('keeps copy 0 as it is and renames paths, operationIds, definitions and refs in the others', () => {
    expect(scaleSwaggerDocument({ document: tiny, copies: 2 })).toStrictEqual({
      ...tiny,
      paths: {
        '/pets/{id}': tiny.paths['/pets/{id}'],
        '/s1/pets/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
          get: { operationId: 'GetPetS1', responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/PetS1' } } } },
        },
      },
      definitions: {
        Pet: tiny.definitions.Pet,
        Owner: tiny.definitions.Owner,
        PetS1: { type: 'object', properties: { owner: { $ref: '#/definitions/OwnerS1' } } },
        OwnerS1: { type: 'object' },
      },
    });
  });

  it('multiplies the Complero operations and still passes validation', async () => {
    const original = (await loadSpecFile({ path: COMPLERO_SPEC })).document;
    const scaled = scaleSwaggerDocument({ document: original, copies: 10 });
    expect(countOperations(scaled)).toStrictEqual(10 * countOperations(original));
    const spec = parseSpecBytes({ bytes: Buffer.from(JSON.stringify(scaled)), file: 'scaled.json' });
    expect(validateSpec({ spec, requireOperationIds: true })).toStrictEqual('swagger-2.0');
  });

  it('refuses a copy count that is not a positive integer', () => {
    expect(() => scaleSwaggerDocument({ document: tiny, copies: 0 })).toThrow('copies must be a positive integer, got 0');
  });
});
