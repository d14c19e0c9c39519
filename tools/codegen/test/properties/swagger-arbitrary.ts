import fc from 'fast-check';

/** Definition names as real specs spell them: dotted, dashed, digits first, a little Unicode. */
const definitionName = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,12}$/)
  .chain((name) => fc.constantFrom(name, `${name}ü`, `v1.${name}`, `${name}-list`));
const parameterName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,10}$/);
const literalSegment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,8}$/);

const primitive = fc.oneof(
  fc.record({ type: fc.constant('string'), format: fc.constantFrom(undefined, 'date-time', 'uuid', 'byte') }, { requiredKeys: ['type'] }),
  fc.record(
    {
      type: fc.constantFrom('integer', 'number'),
      enum: fc.option(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 4 }), { nil: undefined }),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('string'), enum: fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 5 }) }),
  fc.constant({ type: 'boolean' }),
);

/** A Swagger 2.0 schema that may reference any of `names` (so cycles happen). */
function schemaArbitrary(names: readonly string[]) {
  const ref = names.length > 0 ? [fc.constantFrom(...names).map((name) => ({ $ref: `#/definitions/${name}` }))] : [];
  return fc.letrec<{ schema: Record<string, unknown> }>((tie) => ({
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      primitive,
      ...ref,
      fc.record({ type: fc.constant('array'), items: tie('schema') }),
      fc.dictionary(parameterName, tie('schema'), { maxKeys: 4 }).chain((properties) =>
        fc.tuple(fc.subarray(Object.keys(properties)), fc.boolean()).map(([required, nullable]) => ({
          type: 'object',
          properties,
          // Swagger 2.0 forbids an empty `required` list.
          ...(required.length > 0 ? { required } : {}),
          ...(nullable ? { 'x-nullable': true } : {}),
        })),
      ),
      fc.record({ type: fc.constant('object'), additionalProperties: fc.oneof(fc.boolean(), tie('schema')) }),
      fc.array(tie('schema'), { minLength: 1, maxLength: 3 }).map((allOf) => ({ allOf })),
    ),
  })).schema;
}

const path = fc
  .array(
    fc.oneof(
      literalSegment.map((text) => ({ text })),
      parameterName.map((param) => ({ param })),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((segments) => {
    // A path template names each parameter once.
    const seen = new Set<string>();
    return segments.filter((segment) => !('param' in segment) || (!seen.has(segment.param) && seen.add(segment.param)));
  });

/** Any valid Swagger 2.0 document: paths, parameters of every kind, bodies, responses and definitions. */
export const swaggerDocument = fc.uniqueArray(definitionName, { maxLength: 6 }).chain((names) => {
  const schema = schemaArbitrary(names);
  const queryOrHeader = fc.record({
    name: parameterName,
    in: fc.constantFrom('query', 'header'),
    required: fc.boolean(),
    kind: fc.oneof(
      primitive,
      fc.record({ type: fc.constant('array'), items: primitive, collectionFormat: fc.constantFrom('csv', 'ssv', 'tsv', 'pipes', 'multi') }),
    ),
  });
  const operation = fc.record({
    operationId: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,12}$/), { nil: undefined }),
    deprecated: fc.boolean(),
    parameters: fc.uniqueArray(queryOrHeader, { maxLength: 4, selector: (parameter) => `${parameter.in}:${parameter.name.toLowerCase()}` }),
    body: fc.option(schema, { nil: undefined }),
    response: fc.option(schema, { nil: undefined }),
    withDefault: fc.boolean(),
  });
  return fc
    .record({
      // A definition that is only a $ref to another can form a cycle that never reaches a schema
      // (invalid, and refused); nested references may loop freely.
      definitions: fc.tuple(
        ...names.map(() =>
          fc.oneof(
            primitive,
            fc.dictionary(parameterName, schema, { maxKeys: 4 }).map((properties) => ({ type: 'object', properties })),
          ),
        ),
      ),
      paths: fc.uniqueArray(
        fc.tuple(path, fc.dictionary(fc.constantFrom('get', 'put', 'post', 'delete', 'patch'), operation, { minKeys: 1, maxKeys: 3 })),
        {
          maxLength: 6,
          selector: ([segments]) => segments.map((segment) => ('param' in segment ? '{}' : segment.text)).join('/'),
        },
      ),
    })
    .map(({ definitions, paths }) => {
      const usedIds = new Set<string>();
      return {
        swagger: '2.0',
        info: { title: 'Generated', version: '1' },
        definitions: Object.fromEntries(names.map((name, index) => [name, definitions[index]])),
        paths: Object.fromEntries(
          paths.map(([segments, methods]) => [
            `/${segments.map((segment) => ('param' in segment ? `{${segment.param}}` : segment.text)).join('/')}`,
            Object.fromEntries(
              Object.entries(methods).map(([method, op]) => {
                // operationIds must be unique: a repeated one is dropped (the model then derives a name).
                const id = op.operationId && !usedIds.has(op.operationId) ? op.operationId : undefined;
                if (id) usedIds.add(id);
                const pathParameters = segments.flatMap((segment) =>
                  'param' in segment ? [{ name: segment.param, in: 'path', required: true, type: 'string' }] : [],
                );
                // `multi` exists only for query and formData parameters.
                const others = op.parameters.map(({ kind, ...parameter }) =>
                  parameter.in === 'header' && 'collectionFormat' in kind && kind.collectionFormat === 'multi'
                    ? { ...parameter, ...kind, collectionFormat: 'csv' }
                    : { ...parameter, ...kind },
                );
                const body = op.body && method !== 'get' && method !== 'delete' ? [{ name: 'body', in: 'body', schema: op.body }] : [];
                return [
                  method,
                  {
                    ...(id ? { operationId: id } : {}),
                    deprecated: op.deprecated,
                    parameters: [...pathParameters, ...others, ...body],
                    responses: {
                      '200': { description: 'ok', ...(op.response ? { schema: op.response } : {}) },
                      ...(op.withDefault ? { default: { description: 'error' } } : {}),
                    },
                  },
                ];
              }),
            ),
          ]),
        ),
      };
    });
});
