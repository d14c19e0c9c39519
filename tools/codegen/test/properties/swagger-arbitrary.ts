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

/** Shared parameters (`#/parameters/...`) an operation may reference: a query, a header and a path-free one of each kind. */
const SHARED_PARAMETERS: Record<string, Record<string, unknown>> = {
  PageSize: { name: 'shared_limit', in: 'query', type: 'integer', minimum: 1 },
  Tags: { name: 'shared_tags', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'multi' },
  Trace: { name: 'X-Shared-Trace', in: 'header', type: 'string', required: true },
};

/** A formData field: primitives, arrays with any form collectionFormat, and (multipart only) files. */
const formField = fc.record({
  name: parameterName,
  required: fc.boolean(),
  kind: fc.oneof(
    fc.constant({ type: 'string' }),
    fc.constant({ type: 'integer' }),
    fc.constant({ type: 'boolean' }),
    fc.constant({ type: 'file' }),
    fc.record({
      type: fc.constant('array'),
      items: fc.constantFrom({ type: 'string' }, { type: 'integer' }),
      collectionFormat: fc.constantFrom('csv', 'ssv', 'tsv', 'pipes', 'multi'),
    }),
  ),
});

/** What an operation's success response says it produces, and the schema that fits it. */
const produced = fc.constantFrom(
  { produces: undefined, binary: false },
  { produces: ['application/json', 'application/xml'], binary: false },
  { produces: ['text/plain'], binary: false },
  { produces: ['application/octet-stream'], binary: true },
  { produces: ['application/pdf', 'application/zip'], binary: true },
);

/**
 * Any valid Swagger 2.0 document: paths with path-level and `$ref` parameters of every kind,
 * JSON or form bodies (multipart with files, urlencoded), responses (inline or `$ref`, JSON,
 * text or binary) and definitions.
 */
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
    sharedParameters: fc.subarray(Object.keys(SHARED_PARAMETERS)),
    body: fc.option(
      fc.oneof(
        schema.map((json) => ({ json })),
        fc
          .record({
            multipart: fc.boolean(),
            fields: fc.uniqueArray(formField, { minLength: 1, maxLength: 4, selector: (field) => field.name }),
          })
          .map((form) => ({ form })),
      ),
      { nil: undefined },
    ),
    response: fc.option(schema, { nil: undefined }),
    produced,
    sharedResponse: fc.boolean(),
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
        fc.tuple(
          path,
          fc.dictionary(fc.constantFrom('get', 'put', 'post', 'delete', 'patch'), operation, { minKeys: 1, maxKeys: 3 }),
          // Path parameters declared once on the path item rather than on every operation.
          fc.boolean(),
        ),
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
        parameters: SHARED_PARAMETERS,
        responses: { Problem: { description: 'a problem', schema: { type: 'object', properties: { message: { type: 'string' } } } } },
        paths: Object.fromEntries(
          paths.map(([segments, methods, pathLevel]) => {
            const pathParameters = segments.flatMap((segment) =>
              'param' in segment ? [{ name: segment.param, in: 'path', required: true, type: 'string' }] : [],
            );
            const operations = Object.entries(methods).map(([method, op]) => {
              // operationIds must be unique: a repeated one is dropped (the model then derives a name).
              const id = op.operationId && !usedIds.has(op.operationId) ? op.operationId : undefined;
              if (id) usedIds.add(id);
              const shared = op.sharedParameters.map((key) => SHARED_PARAMETERS[key] as { name: string; in: string });
              const taken = new Set([...pathParameters, ...shared].map((parameter) => `${parameter.in}:${parameter.name.toLowerCase()}`));
              // `multi` exists only for query and formData parameters.
              const others = op.parameters
                .filter((parameter) => !taken.has(`${parameter.in}:${parameter.name.toLowerCase()}`))
                .map(({ kind, ...parameter }) =>
                  parameter.in === 'header' && 'collectionFormat' in kind && kind.collectionFormat === 'multi'
                    ? { ...parameter, ...kind, collectionFormat: 'csv' }
                    : { ...parameter, ...kind },
                );
              const requestBody = method !== 'get' && method !== 'delete' ? op.body : undefined;
              const body = requestBody && 'json' in requestBody ? [{ name: 'body', in: 'body', schema: requestBody.json }] : [];
              const form = requestBody && 'form' in requestBody ? requestBody.form : undefined;
              // A file field needs a multipart body; urlencoded forms carry text fields only.
              const fields = (form?.fields ?? [])
                .filter((field) => form?.multipart || field.kind.type !== 'file')
                .map(({ kind, ...field }) => ({ ...field, in: 'formData', ...kind }));
              const success = op.produced.binary
                ? { description: 'the bytes', schema: { type: 'file' } }
                : { description: 'ok', ...(op.response ? { schema: op.response } : {}) };
              return [
                method,
                {
                  ...(id ? { operationId: id } : {}),
                  deprecated: op.deprecated,
                  ...(fields.length > 0
                    ? { consumes: [form?.multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded'] }
                    : {}),
                  ...(op.produced.produces ? { produces: op.produced.produces } : {}),
                  parameters: [
                    ...(pathLevel ? [] : pathParameters),
                    ...op.sharedParameters.map((key) => ({ $ref: `#/parameters/${key}` })),
                    ...others,
                    ...body,
                    ...fields,
                  ],
                  responses: {
                    '200': success,
                    ...(op.sharedResponse ? { '404': { $ref: '#/responses/Problem' } } : {}),
                    ...(op.withDefault ? { default: { description: 'error' } } : {}),
                  },
                },
              ];
            });
            return [
              `/${segments.map((segment) => ('param' in segment ? `{${segment.param}}` : segment.text)).join('/')}`,
              {
                ...(pathLevel && pathParameters.length > 0 ? { parameters: pathParameters } : {}),
                ...Object.fromEntries(operations),
              },
            ];
          }),
        ),
      };
    });
});
