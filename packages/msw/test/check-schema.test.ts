import { describe, expect, it } from 'vitest';
import { checkAgainstSchema } from '../src/runtime/check-schema.js';

const schemas = {
  Pet: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      age: { type: 'integer' },
      kind: { type: 'string', enum: ['cat', 'dog'] },
      nickname: { type: 'string', nullable: true },
      tags: { type: 'array', items: { type: 'string' } },
      owner: { $ref: '#/components/schemas/Owner' },
    },
  },
  Owner: { type: 'object', properties: { id: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }, additionalProperties: true },
};
const pet = { $ref: '#/components/schemas/Pet' };

describe('checkAgainstSchema', () => {
  it('finds nothing wrong with a well-typed value and keeps it whole', () => {
    const value = { name: 'Rex', age: 3, kind: 'dog', nickname: null, tags: ['good'], owner: { id: 7, since: 2020 } };
    expect(checkAgainstSchema({ value, schema: pet, schemas })).toStrictEqual({ mismatches: [], value });
  });

  it('reports each mistyped field by its path, through refs and arrays', () => {
    const value = { name: 5, age: 2.5, kind: 'bird', tags: ['a', 1], owner: { id: true } };
    expect(checkAgainstSchema({ value, schema: pet, schemas }).mismatches).toStrictEqual([
      { path: 'name', expected: 'string', found: 'number' },
      { path: 'age', expected: 'integer', found: 'number' },
      { path: 'kind', expected: 'one of cat, dog', found: '"bird"' },
      { path: 'tags[1]', expected: 'string', found: 'number' },
      { path: 'owner.id', expected: 'one of the schemas the spec allows here', found: 'boolean' },
    ]);
  });

  it('rejects null where the schema does not allow it', () => {
    expect(checkAgainstSchema({ value: { name: null }, schema: pet, schemas }).mismatches).toStrictEqual([
      { path: 'name', expected: 'string', found: 'null' },
    ]);
  });

  it('drops the properties an object schema does not declare', () => {
    expect(checkAgainstSchema({ value: { name: 'Rex', colour: 'brown' }, schema: pet, schemas }).value).toStrictEqual({ name: 'Rex' });
  });

  it('says how to fix a schema missing from the generated set', () => {
    expect(() => checkAgainstSchema({ value: {}, schema: { $ref: '#/components/schemas/Gone' }, schemas })).toThrow(
      "The mock's schemas have no #/components/schemas/Gone: regenerate the package (pnpm generate) so MOCK_SCHEMAS holds every schema request bodies refer to.",
    );
  });
});
