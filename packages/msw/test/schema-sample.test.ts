import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createRandom, createSchemaSample, type MockJsonSchema, type MockSchemas } from '../src/index.js';

const SCHEMAS: MockSchemas = {
  Pet: {
    type: 'object',
    required: ['id', 'name', 'status'],
    properties: {
      id: { type: 'integer', minimum: 1 },
      name: { type: 'string', minLength: 1, maxLength: 40 },
      status: { type: 'string', enum: ['available', 'sold'] },
      tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
      owner: { $ref: '#/components/schemas/Owner' },
    },
  },
  Tag: { type: 'object', required: ['label'], properties: { label: { type: 'string' }, weight: { type: 'number' } } },
  Owner: {
    type: 'object',
    properties: {
      email: { type: 'string', format: 'email' },
      address: { type: 'object', properties: { city: { type: 'string' } }, required: [] },
    },
  },
  Tree: {
    type: 'object',
    required: ['value', 'children'],
    properties: { value: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } },
  },
};

function sample(schema: MockJsonSchema, seed = 1): unknown {
  return createSchemaSample({ schema, schemas: SCHEMAS, random: createRandom({ seed }) });
}

function validates(schema: MockJsonSchema, value: unknown): boolean {
  const ajv = new Ajv({ strict: false });
  return ajv.compile({ ...schema, components: { schemas: SCHEMAS } })(value);
}

describe('createSchemaSample', () => {
  it('returns the schema example, const, default or first enum value when there is one', () => {
    expect(sample({ type: 'string', example: 'Rex' })).toStrictEqual('Rex');
    expect(sample({ const: 3 })).toStrictEqual(3);
    expect(sample({ type: 'integer', default: 7 })).toStrictEqual(7);
    expect(sample({ type: 'string', enum: ['sold', 'available'] })).toStrictEqual('sold');
  });

  it('fills an object with its required properties and, near the top, its optional ones', () => {
    const pet = sample({ $ref: '#/components/schemas/Pet' }) as Record<string, unknown>;
    expect(Object.keys(pet)).toStrictEqual(['id', 'name', 'status', 'tags', 'owner']);
    expect(pet.status).toStrictEqual('available');
    // Two levels down only required properties are generated: the owner's address has none.
    expect(pet.owner).toStrictEqual({ email: 'user@example.com', address: {} });
    expect(pet.tags).toStrictEqual([{ label: expect.stringMatching(/^label-\d{4}$/) }]);
    expect(validates({ $ref: '#/components/schemas/Pet' }, pet)).toStrictEqual(true);
  });

  it('gives strings of the OpenAPI formats values of that format', () => {
    expect(sample({ type: 'string', format: 'date-time' })).toStrictEqual('2025-01-06T08:00:00Z');
    expect(sample({ type: 'string', format: 'date' })).toStrictEqual('2025-01-06');
    expect(sample({ type: 'string', format: 'email' })).toStrictEqual('user@example.com');
    expect(sample({ type: 'string', format: 'uri' })).toStrictEqual('https://example.com/');
    expect(sample({ type: 'string', format: 'uuid' })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps strings, numbers and arrays within their bounds', () => {
    const cases: MockJsonSchema[] = [
      { type: 'string', minLength: 12 },
      { type: 'string', maxLength: 3 },
      { type: 'integer', minimum: 10, maximum: 12 },
      { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 2 },
      { type: 'number', minimum: 1, multipleOf: 0.25 },
      { type: 'integer', maximum: -5 },
      { type: 'array', items: { type: 'boolean' }, minItems: 3 },
      { type: 'array', items: { type: 'string' }, maxItems: 0 },
    ];
    expect(cases.filter((schema) => !validates(schema, sample(schema)))).toStrictEqual([]);
    expect((sample({ type: 'array', items: { type: 'boolean' }, minItems: 3 }) as unknown[]).length).toStrictEqual(3);
  });

  it('honours the OpenAPI 3.0 boolean exclusiveMinimum and exclusiveMaximum', () => {
    expect(sample({ type: 'integer', minimum: 0, maximum: 2, exclusiveMinimum: true, exclusiveMaximum: true })).toStrictEqual(1);
  });

  it('merges allOf parts and picks the first non-null oneOf or anyOf choice', () => {
    const merged = {
      allOf: [{ $ref: '#/components/schemas/Tag' }, { type: 'object', required: ['extra'], properties: { extra: { type: 'boolean' } } }],
    };
    expect(Object.keys(sample(merged) as object)).toStrictEqual(['label', 'weight', 'extra']);
    expect(validates(merged, sample(merged))).toStrictEqual(true);
    expect(sample({ oneOf: [{ type: 'null' }, { type: 'integer', minimum: 5, maximum: 5 }] })).toStrictEqual(5);
    expect(sample({ anyOf: [{ type: 'string', format: 'date' }, { type: 'integer' }] })).toStrictEqual('2025-01-06');
  });

  it('stops at recursion with a value that still validates', () => {
    const tree = sample({ $ref: '#/components/schemas/Tree' });
    expect((tree as { children: unknown[] }).children).toStrictEqual([]);
    expect(validates({ $ref: '#/components/schemas/Tree' }, tree)).toStrictEqual(true);
  });

  it('gives the same sample for the same seed and another for another seed', () => {
    const schema = { $ref: '#/components/schemas/Pet' };
    expect(sample(schema, 4)).toStrictEqual(sample(schema, 4));
    expect(sample(schema, 4)).not.toStrictEqual(sample(schema, 5));
  });
});
