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

describe('createSchemaSample of a discriminated oneOf or anyOf', () => {
  /** Variants whose discriminator property is a plain string, as GitHub's public-user and private-user are. */
  const VARIANTS: MockSchemas = {
    'public-user': {
      type: 'object',
      required: ['view', 'public_repos'],
      properties: { view: { type: 'string' }, public_repos: { type: 'integer' } },
    },
    'private-user': {
      type: 'object',
      required: ['view', 'private_gists'],
      properties: { view: { type: 'string' }, private_gists: { type: 'integer' } },
      example: { view: 'example', private_gists: 3 },
    },
    Vehicle: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind', mapping: { 'two-wheeler': '#/components/schemas/Bike', car: 'Car' } },
    },
    Bike: {
      allOf: [
        { $ref: '#/components/schemas/Vehicle' },
        { type: 'object', required: ['gears'], properties: { gears: { type: 'integer' } } },
      ],
    },
    Car: {
      allOf: [
        { $ref: '#/components/schemas/Vehicle' },
        { type: 'object', required: ['doors'], properties: { doors: { type: 'integer' } } },
      ],
    },
  };
  const USERS = ['#/components/schemas/public-user', '#/components/schemas/private-user'].map(($ref) => ({ $ref }));

  /** The distinct `discriminator value: other properties` of the samples of seeds 1 to 8, sorted. */
  function variantsAcrossSeeds(options: { schema: MockJsonSchema; property: string }): string[] {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 8; seed += 1) {
      const value = createSchemaSample({ schema: options.schema, schemas: VARIANTS, random: createRandom({ seed }) }) as Record<
        string,
        unknown
      >;
      const others = Object.keys(value).filter((key) => key !== options.property);
      seen.add(`${String(value[options.property])}: ${others.join(', ')}`);
    }
    return [...seen].sort();
  }

  it('gives the discriminator property the mapping key of the variant it chose, for every variant across seeds', () => {
    const schema = { oneOf: USERS, discriminator: { propertyName: 'view', mapping: { public: USERS[0]?.$ref, private: USERS[1]?.$ref } } };
    expect(variantsAcrossSeeds({ schema, property: 'view' })).toStrictEqual(['private: private_gists', 'public: public_repos']);
  });

  it('gives it the schema name of the variant when the mapping does not name it', () => {
    const schema = { anyOf: USERS, discriminator: { propertyName: 'view', mapping: { public: USERS[0]?.$ref } } };
    expect(variantsAcrossSeeds({ schema, property: 'view' })).toStrictEqual(['private-user: private_gists', 'public: public_repos']);
  });

  it('gives a variant that extends the base schema holding the discriminator its mapping key, by $ref or by bare name', () => {
    expect(variantsAcrossSeeds({ schema: { $ref: '#/components/schemas/Bike' }, property: 'kind' })).toStrictEqual(['two-wheeler: gears']);
    expect(variantsAcrossSeeds({ schema: { $ref: '#/components/schemas/Car' }, property: 'kind' })).toStrictEqual(['car: doors']);
  });

  it("leaves the spec's example of a variant as the spec has it", () => {
    const schema = { oneOf: [USERS[1] as MockJsonSchema], discriminator: { propertyName: 'view' } };
    expect(createSchemaSample({ schema, schemas: VARIANTS, random: createRandom({ seed: 1 }) })).toStrictEqual({
      view: 'private-user',
      private_gists: 3,
    });
    expect(VARIANTS['private-user']?.example).toStrictEqual({ view: 'example', private_gists: 3 });
  });
});
