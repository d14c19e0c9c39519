import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { pascalCaseSchemaNames } = require('../peers/orval-transformer.cjs') as {
  pascalCaseSchemaNames: (spec: Record<string, unknown>, pascal: (name: string) => string) => Record<string, unknown>;
};

/** Orval's `pascal` in short: words of letters and digits, each capitalised, joined. */
function pascal(name: string): string {
  return (name.match(/[a-zA-Z0-9]+/g) ?? []).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

const PROPS = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("Orval's input transformer", () => {
  it('renames the schemas to their PascalCase names and rewrites every $ref, keeping the order', () => {
    const spec = {
      openapi: '3.0.0',
      paths: { '/crd': { get: { responses: { 200: { content: { 'application/json': { schema: ref(PROPS) } } } } } } },
      components: {
        schemas: {
          Plain: { type: 'string' },
          [PROPS]: {
            type: 'object',
            properties: {
              properties: { type: 'object', additionalProperties: ref(PROPS) },
              not: ref(PROPS),
              nested: { $ref: `#/components/schemas/${PROPS}/properties/not` },
            },
          },
        },
      },
    };
    const result = pascalCaseSchemaNames(spec, pascal) as typeof spec;
    const renamed = 'IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaProps';
    expect(Object.keys(result.components.schemas)).toStrictEqual(['Plain', renamed]);
    const props = (result.components.schemas as Record<string, unknown>)[renamed] as (typeof spec.components.schemas)[typeof PROPS];
    expect(props.properties.properties.additionalProperties).toStrictEqual(ref(renamed));
    expect(props.properties.not).toStrictEqual(ref(renamed));
    expect(props.properties.nested).toStrictEqual({ $ref: `#/components/schemas/${renamed}/properties/not` });
    expect(result.paths['/crd'].get.responses[200].content['application/json'].schema).toStrictEqual(ref(renamed));
  });

  it('rewrites discriminator mappings, by $ref or by bare name', () => {
    const spec = {
      components: {
        schemas: {
          'pet-base': { discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/cat-pet', dog: 'dog-pet' } } },
          'cat-pet': { type: 'object' },
          'dog-pet': { type: 'object' },
        },
      },
    };
    const result = pascalCaseSchemaNames(spec, pascal) as { components: { schemas: Record<string, { discriminator?: unknown }> } };
    expect(Object.keys(result.components.schemas)).toStrictEqual(['PetBase', 'CatPet', 'DogPet']);
    expect(result.components.schemas.PetBase?.discriminator).toStrictEqual({
      propertyName: 'kind',
      mapping: { cat: '#/components/schemas/CatPet', dog: 'DogPet' },
    });
  });

  it('leaves a name alone where its PascalCase name is taken, and a spec without schemas as it is', () => {
    const spec = {
      components: { schemas: { 'simple-user': { type: 'object' }, SimpleUser: { type: 'object' }, Other: ref('simple-user') } },
    };
    const result = pascalCaseSchemaNames(structuredClone(spec), pascal);
    expect(result).toStrictEqual(spec);
    expect(pascalCaseSchemaNames({ openapi: '3.0.0' }, pascal)).toStrictEqual({ openapi: '3.0.0' });
  });
});
