import type { StatementStructures, WriterFunction } from 'ts-morph';
import { operationWithId, schemaNamed } from '../model/lookup.js';
import { isBinaryContent } from '../model/patterns.js';
import type { ApiModel, MediaContent, Operation, Response, SchemaObject } from '../model/types.js';
import { docs, type EmitContext, generatedDir, literal, type PlannedFile, printModule, verbatim } from './shared.js';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';

/** Folder of the MSW package inside the output root. */
export const MSW_PACKAGE_FOLDER = 'msw';

const RUNTIME = '../runtime';

/**
 * `@scope/msw`: one operation descriptor and one handler factory per operation, typed against
 * `@scope/types`, and the default handler set in route-specificity order. The behaviour behind
 * them (default bodies, auth, request ids, the stateful mock) lives in the package's runtime.
 */
export function emitMsw(options: { model: ApiModel; context: EmitContext }): PlannedFile[] {
  const { model, context } = options;
  const dir = generatedDir(MSW_PACKAGE_FOLDER);
  const operations = sortByRouteSpecificity(model.operations);
  const module = (name: string, statements: readonly (StatementStructures | string)[]) =>
    printModule({ path: `${dir}/${name}`, statements, context });
  return [
    module('operations.ts', operationStatements({ model, operations, context })),
    module('schemas.ts', schemaStatements(model)),
    module('handlers.ts', handlerStatements({ operations, context })),
    module('index.ts', ["export * from './operations.js';", "export * from './schemas.js';", "export * from './handlers.js';"]),
  ];
}

/**
 * MSW tries handlers in order and the first match wins, so a static segment must come before a
 * parameter in the same place (`/events/latest` before `/events/{id}`). Sorted segment by
 * segment: static before parameter, then alphabetically; then shorter paths; then by method.
 */
export function sortByRouteSpecificity(operations: readonly Operation[]): Operation[] {
  const key = (path: string) => path.split('/').filter((segment) => segment !== '');
  return [...operations].sort((a, b) => {
    const left = key(a.path);
    const right = key(b.path);
    for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
      const order = compareSegments({ left: left[index]!, right: right[index]! });
      if (order !== 0) return order;
    }
    if (left.length !== right.length) return left.length - right.length;
    return a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
  });
}

function compareSegments(options: { left: string; right: string }): number {
  const { left, right } = options;
  const leftParam = left.includes('{');
  const rightParam = right.includes('{');
  if (leftParam !== rightParam) return leftParam ? 1 : -1;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A path template in MSW's syntax, and what its parameters are called in the spec where that differs. */
export interface MswRoute {
  /** E.g. `/documentation/:contactID/:eventID`. */
  readonly path: string;
  /**
   * MSW parameter name → the spec's name, present only when a name had to change (or the path
   * holds a wildcard or adjacent parameters).
   */
  readonly params?: Readonly<Record<string, string>>;
  /**
   * MSW parameter name → the spec's names of the adjacent parameters it stands for (`{a}{b}`),
   * present only when a path has some. The runtime splits the value among them.
   */
  readonly splits?: Readonly<Record<string, readonly string[]>>;
}

const PATH_PARAMETER = /\{([^}]+)\}/g;

/** A path template as literal text (encoded for MSW) and runs of parameters nothing separates in the URL. */
type PathPart = { readonly literal: string } | { readonly run: readonly string[] };

/**
 * `/documentation/{contactID}/{eventID}` → `/documentation/:contactID/:eventID`, written so MSW
 * matches exactly the URLs the client sends. MSW (path-to-regexp 6) reads a parameter name as
 * word characters only, so `{user-id}` becomes `:user_id` (with a suffix when that is taken) and
 * `params` says which spec name it stands for. Literal text is compared with the request URL as
 * the URL parser wrote it, so it is percent-encoded the same way (`ü` → `%C3%BC`, a space →
 * `%20`); characters MSW's syntax gives a meaning (`:`, `+`, `(`, `)`) are escaped. A `*`
 * cannot be escaped (MSW turns it into a wildcard first), nor a `|` (MSW cuts the pattern
 * there): both become wildcards, which also match the literal character. Adjacent parameters
 * (`{a}{b}`) make path-to-regexp throw on every request, breaking every handler of the set: they
 * become one MSW parameter, and `splits` tells the runtime which spec names share its value.
 */
export function toMswPath(path: string): MswRoute {
  const parts = pathParts(path);
  const runs = parts.flatMap((part) => ('run' in part ? [part.run] : []));
  const names = mswParameterNames(runs.map(runKey));
  let mswPath = '';
  for (const [index, part] of parts.entries()) {
    if ('literal' in part) {
      mswPath += part.literal;
      continue;
    }
    const next = parts[index + 1];
    const name = names.get(runKey(part.run));
    // A name runs on through word characters, and `:name*` would be a repeated parameter: braces end it.
    mswPath += next && 'literal' in next && /^[\w*]/.test(next.literal) ? `{:${name}}` : `:${name}`;
  }
  const single = runs.filter((run) => run.length === 1).map((run) => run[0] as string);
  const adjacent = runs.filter((run) => run.length > 1);
  const renamed = single.some((name) => names.get(name) !== name);
  // Wildcards and split values add parameters of their own: a map tells the runtime which ones the spec has.
  if (!renamed && !mswPath.includes('*') && adjacent.length === 0) return { path: mswPath };
  const params = Object.fromEntries(single.map((name) => [names.get(name) as string, name]));
  if (adjacent.length === 0) return { path: mswPath, params };
  return { path: mswPath, params, splits: Object.fromEntries(adjacent.map((run) => [names.get(runKey(run)) as string, run])) };
}

/** The path's literal text (encoded) and parameter runs, in order; literal text that encodes to nothing does not separate parameters. */
function pathParts(path: string): PathPart[] {
  const pieces = path.split(PATH_PARAMETER);
  const parts: PathPart[] = [];
  for (const [index, piece] of pieces.entries()) {
    const last = parts.at(-1);
    if (index % 2 === 0) {
      const literal = encodeLiteral(piece);
      if (literal !== '') parts.push({ literal });
    } else if (last && 'run' in last) {
      parts[parts.length - 1] = { run: [...last.run, piece] };
    } else {
      parts.push({ run: [piece] });
    }
  }
  return parts;
}

/** A run's key among the names: its spec name alone, else names joined by `}{`, which no spec name holds (so no run and name collide). */
function runKey(run: readonly string[]): string {
  return run.join('}{');
}

/** Word-character names for the spec's path parameters: unchanged where they already are, else `_` for the rest, made unique. */
function mswParameterNames(specNames: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set(specNames.filter((name) => /^\w+$/.test(name)));
  for (const name of specNames) {
    if (names.has(name)) continue;
    if (/^\w+$/.test(name)) {
      names.set(name, name);
      continue;
    }
    const stem = name.replace(/\W/g, '_');
    let candidate = stem;
    for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${stem}_${suffix}`;
    taken.add(candidate);
    names.set(name, candidate);
  }
  return names;
}

/**
 * Literal path text as a WHATWG URL parser serialises it (what `fetch` sends and MSW compares
 * with): tabs and newlines dropped, a backslash read as a slash, controls, space, `"#<>?\`{}` and
 * non-ASCII percent-encoded as UTF-8, everything else (`%` too) as written. Then escaped for MSW.
 */
function encodeLiteral(text: string): string {
  return text
    .replace(/[\t\n\r]/g, '')
    .replaceAll('\\', '/')
    .replace(/[^\u0021-\u007e]|["#<>?`{}]/gu, encodeCharacter)
    .replace(/[:+()]/g, '\\$&')
    .replaceAll('|', '*');
}

function encodeCharacter(character: string): string {
  try {
    return encodeURIComponent(character);
  } catch {
    // A lone surrogate: the URL parser writes U+FFFD in its place.
    return '%EF%BF%BD';
  }
}

/**
 * Plain data as JSON the module parses when it loads. As object literals, the descriptors and
 * schemas of a large API (two megabytes for Kubernetes) were most of what TypeScript parsed,
 * bound and checked in the mocks, in every consumer's type-check; as one string each they cost it
 * nothing, and `JSON.parse` builds them faster than the equivalent literals too.
 */
function jsonData(value: unknown): WriterFunction {
  return verbatim(`/* @__PURE__ */ JSON.parse(${literal(JSON.stringify(value))})`);
}

function descriptorName(operation: Operation): string {
  return `${operation.functionName}Operation`;
}

function handlerName(operation: Operation): string {
  return `${operation.functionName}Handler`;
}

function operationStatements(options: { model: ApiModel; operations: readonly Operation[]; context: EmitContext }): StatementStructures[] {
  const { model, operations } = options;
  // The API promises a request id on every response, even where a response (or the whole spec)
  // forgets to declare it: the configured header is the one the client reads.
  const requestIdHeader =
    model.operations.find((operation) => operation.patterns.requestIdHeader)?.patterns.requestIdHeader ?? options.context.requestIdHeader;
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `${RUNTIME}/mock-operation.js`,
      namedImports: ['MockOperation'],
    },
    ...operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: docs([`\`${operation.method.toUpperCase()} ${operation.path}\` (${operation.id}) as the mocks see it.`]),
        declarations: [
          {
            name: descriptorName(operation),
            type: 'MockOperation',
            initializer: jsonData(describeOperation({ model, operation, requestIdHeader })),
          },
        ],
      }),
    ),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(['Every operation, in route-specificity order (the order MSW must try them in).']),
      declarations: [
        { name: 'MOCK_OPERATIONS', type: 'readonly MockOperation[]', initializer: `[${operations.map(descriptorName).join(', ')}]` },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(['The response header that carries the request id.']),
      declarations: [{ name: 'REQUEST_ID_HEADER', initializer: literal(requestIdHeader) }],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(["Where the mocks listen unless told otherwise: the API's default base URL."]),
      declarations: [{ name: 'DEFAULT_BASE_URL', type: 'string', initializer: literal(options.context.baseUrl) }],
    },
  ];
}

/**
 * `MOCK_SCHEMAS`: the component schemas the documented response and request bodies refer to
 * (transitively), without descriptions, so the runtime can generate a default body that validates
 * and check the type of every field a request sends before the stateful mock stores it.
 */
function schemaStatements(model: ApiModel): StatementStructures[] {
  const byName = new Map(model.schemas.map((named) => [named.name, named.schema]));
  const reachable = new Set<string>();
  const bodies = model.operations.flatMap((operation) => [
    ...operation.responses.map((response) => preferredContent(response.contents)?.schema),
    operation.requestBody ? preferredContent(operation.requestBody.contents)?.schema : undefined,
  ]);
  const pending = bodies.flatMap((schema) => (schema ? referencedSchemas(schema) : []));
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const schema = byName.get(name);
    if (reachable.has(name) || !schema) continue;
    reachable.add(name);
    pending.push(...referencedSchemas(schema));
  }
  const schemas = Object.fromEntries([...reachable].sort().map((name) => [name, stripSchema(byName.get(name) as SchemaObject)]));
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `${RUNTIME}/mock-operation.js`,
      namedImports: ['MockSchemas'],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs([
        "The spec's component schemas that response and request bodies refer to, by `components.schemas` key: what default bodies are generated from and request bodies are checked against.",
      ]),
      declarations: [{ name: 'MOCK_SCHEMAS', type: 'MockSchemas', initializer: jsonData(schemas) }],
    },
  ];
}

/** Names of the component schemas a schema refers to directly (anywhere inside it). */
function referencedSchemas(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(referencedSchemas);
  if (schema === null || typeof schema !== 'object') return [];
  const record = schema as Record<string, unknown>;
  const own =
    typeof record.$ref === 'string' && record.$ref.startsWith(COMPONENT_SCHEMA)
      ? [decodePointerToken(record.$ref.slice(COMPONENT_SCHEMA.length))]
      : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([key, value]) =>
      key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const' ? [] : referencedSchemas(value),
    ),
  ];
}

/** Keywords that only document a schema: left out, they make the generated package smaller. */
const DOCUMENTATION_KEYWORDS = new Set(['description', 'title', 'externalDocs', 'xml', '$comment', 'deprecated']);
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is one subschema, or a list of them. */
const SUBSCHEMA_KEYWORDS = new Set([
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
]);

/** A schema without its documentation keywords (and `x-` extensions), walked by keyword so a property named `description` stays. */
function stripSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const entries = Object.entries(schema as Record<string, unknown>)
    .filter(([key]) => !DOCUMENTATION_KEYWORDS.has(key) && !key.startsWith('x-'))
    .map(([key, value]): [string, unknown] => {
      if (SCHEMA_MAP_KEYWORDS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return [key, Object.fromEntries(Object.entries(value).map(([name, subschema]) => [name, stripSchema(subschema)]))];
      }
      return [key, SUBSCHEMA_KEYWORDS.has(key) ? stripSchema(value) : value];
    });
  return Object.fromEntries(entries);
}

function describeOperation(options: { model: ApiModel; operation: Operation; requestIdHeader: string }): Record<string, unknown> {
  const { model, operation } = options;
  const { patterns } = operation;
  // An operation whose only answer is `default` is mocked answering it as a 200: the body its client expects.
  const defaultSucceeds = patterns.successStatuses.includes('default');
  const responses = operation.responses.flatMap((response) => {
    if (/^\d{3}$/.test(response.status)) return [response];
    return defaultSucceeds && response.status === 'default' ? [{ ...response, status: '200' }] : [];
  });
  const success = patterns.pendingDownload?.readyStatus ?? (defaultSucceeds ? '200' : patterns.successStatuses[0]) ?? '200';
  const pollPath = patterns.backgroundOperation?.pollOperationId
    ? operationWithId(model, patterns.backgroundOperation.pollOperationId)?.path
    : undefined;
  const route = toMswPath(operation.path);
  return omitUndefined({
    id: operation.id,
    name: operation.functionName,
    method: operation.method,
    path: operation.path,
    mswPath: route.path,
    mswParams: route.params,
    mswSplits: route.splits,
    summary: operation.summary,
    authHeader: authHeaderOf({ model, operation }),
    requestBody: operation.requestBody
      ? omitUndefined({
          required: operation.requestBody.required,
          mediaTypes: operation.requestBody.contents.map((content) => content.mediaType),
          schema: schemaRefOf(preferredContent(operation.requestBody.contents)?.schema),
          bodySchema: stripOptional(preferredContent(operation.requestBody.contents)?.schema),
          requiredProperties: requiredPropertiesOf({ model, schema: preferredContent(operation.requestBody.contents)?.schema }),
        })
      : undefined,
    successStatus: Number(success),
    responses: responses.map((response) => describeResponse(response)),
    parameterExamples: Object.fromEntries(
      operation.parameters.filter((parameter) => parameter.example !== undefined).map((parameter) => [parameter.name, parameter.example]),
    ),
    pagination: patterns.pagination,
    backgroundOperation: patterns.backgroundOperation
      ? omitUndefined({
          status: Number(patterns.backgroundOperation.status),
          operationIdHeader: patterns.backgroundOperation.operationIdHeader,
          operationLinkHeader: patterns.backgroundOperation.operationLinkHeader,
          pollPath,
        })
      : undefined,
    pendingDownload: patterns.pendingDownload
      ? omitUndefined({
          readyStatus: Number(patterns.pendingDownload.readyStatus),
          pendingStatus: Number(patterns.pendingDownload.pendingStatus),
          goneStatus: patterns.pendingDownload.goneStatus === undefined ? undefined : Number(patterns.pendingDownload.goneStatus),
          mediaTypes: patterns.pendingDownload.mediaTypes,
        })
      : undefined,
    requestIdHeader: options.requestIdHeader,
  });
}

function stripOptional(schema: SchemaObject | undefined): unknown {
  return schema ? stripSchema(schema) : undefined;
}

function describeResponse(response: Response): Record<string, unknown> {
  const content = preferredContent(response.contents);
  const example = response.examples.find((candidate) => isJsonMediaType(candidate.mediaType)) ?? response.examples[0];
  return omitUndefined({
    status: Number(response.status),
    description: response.description,
    mediaTypes: response.contents.map((media) => media.mediaType),
    schema: schemaRefOf(content?.schema),
    bodySchema: stripOptional(content?.schema),
    binary: isBinaryContent(response),
    headers: response.headers.map((header) => header.name),
    example: example?.value,
  });
}

function authHeaderOf(options: { model: ApiModel; operation: Operation }): string | undefined {
  for (const alternative of options.operation.security) {
    for (const key of alternative) {
      const scheme = options.model.securitySchemes.find((candidate) => candidate.key === key);
      if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.parameterName) return scheme.parameterName;
      if (scheme?.type === 'http' || scheme?.type === 'oauth2' || scheme?.type === 'openIdConnect') return 'Authorization';
    }
  }
  return undefined;
}

const COMPONENT_SCHEMA = '#/components/schemas/';

function schemaRefOf(schema: SchemaObject | undefined): { name: string; array: boolean } | undefined {
  if (!schema) return undefined;
  const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
  if (ref?.startsWith(COMPONENT_SCHEMA)) return { name: decodePointerToken(ref.slice(COMPONENT_SCHEMA.length)), array: false };
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object') {
    const item = schemaRefOf(schema.items as SchemaObject);
    return item && !item.array ? { name: item.name, array: true } : undefined;
  }
  return undefined;
}

function requiredPropertiesOf(options: { model: ApiModel; schema: SchemaObject | undefined }): string[] {
  const ref = schemaRefOf(options.schema);
  const target = ref ? schemaNamed(options.model, ref.name) : options.schema;
  const required = target?.required;
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}

function decodePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

function preferredContent(contents: readonly MediaContent[]): MediaContent | undefined {
  return contents.find((media) => isJsonMediaType(media.mediaType)) ?? contents[0];
}

function isJsonMediaType(mediaType: string): boolean {
  return /[/+]json\b/i.test(mediaType);
}

function omitUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function shapeType(operation: Operation): string {
  const names = operation.typeNames;
  return [
    `params: ${names.pathParams ?? 'Record<string, never>'}`,
    `query: ${names.query ?? 'Record<string, never>'}`,
    `body: ${names.body ?? 'undefined'}`,
    `response: ${names.response}`,
  ].join('; ');
}

function typeImports(operations: readonly Operation[]): string[] {
  const names = new Set<string>();
  for (const operation of operations) {
    const { pathParams, query, body, response } = operation.typeNames;
    for (const name of [pathParams, query, body, response]) if (name) names.add(name);
  }
  return [...names].sort();
}

function handlerStatements(options: { operations: readonly Operation[]; context: EmitContext }): StatementStructures[] {
  const { operations, context } = options;
  const about = (operation: Operation) => `\`${operation.method.toUpperCase()} ${operation.path}\` (${operation.id})`;
  return [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: 'msw', namedImports: ['HttpHandler'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `${context.scope}/types`,
      namedImports: typeImports(operations),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `${RUNTIME}/create-operation-handler.js`,
      namedImports: [
        'createHandlerContext',
        'createOperationHandler',
        'createOperationHandlers',
        { name: 'HandlerContext', isTypeOnly: true },
        { name: 'HandlerContextOptions', isTypeOnly: true },
        { name: 'HandlerOptions', isTypeOnly: true },
        { name: 'MockResolverOrData', isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './operations.js',
      namedImports: ['DEFAULT_BASE_URL', 'MOCK_OPERATIONS', ...operations.map(descriptorName)],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './schemas.js', namedImports: ['MOCK_SCHEMAS'] },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'MockOperationShapes',
      docs: docs(['The typed parts (path params, query, body, success response) of every operation, by its camelCase name.']),
      properties: operations.map((operation) => ({
        name: operation.functionName,
        type: `{ ${shapeType(operation)} }`,
        docs: docs([about(operation)]),
      })),
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'MockOverrides',
      docs: docs(['Per-operation replacements for the default handlers: a resolver or the success body, by camelCase operation name.']),
      type: '{ readonly [Name in keyof MockOperationShapes]?: MockResolverOrData<MockOperationShapes[Name]> }',
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'CreateHandlersOptions',
      docs: docs(['Options of `createHandlers`: where the API lives, the seed, a delay, and per-operation overrides.']),
      extends: ['HandlerOptions'],
      properties: [
        {
          name: 'overrides',
          isReadonly: true,
          hasQuestionToken: true,
          type: 'MockOverrides',
          docs: docs(['Operations to answer differently.']),
        },
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createDefaultHandlerContext',
      docs: docs(["The context one handler set shares: the given options over this API's defaults (`DEFAULT_BASE_URL`, `MOCK_SCHEMAS`)."]),
      parameters: [{ name: 'options', type: 'HandlerContextOptions', initializer: '{}' }],
      returnType: 'HandlerContext',
      statements: ['return createHandlerContext({ ...options, defaultBaseUrl: DEFAULT_BASE_URL, schemas: MOCK_SCHEMAS });'],
    },
    ...operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.Function,
        isExported: true,
        name: handlerName(operation),
        docs: docs([
          `MSW handler for ${about(operation)}${operation.summary ? `: ${operation.summary}` : ''}.`,
          'Without an argument it answers like the API does for a valid request; pass the success body, or a resolver returning a body or a `Response`, to answer differently. Listens on the default base URL; use `createHandlers({ baseUrl, overrides })` or `createHandler` for another one.',
        ]),
        parameters: [
          {
            name: 'resolverOrData',
            hasQuestionToken: true,
            type: `MockResolverOrData<MockOperationShapes[${literal(operation.functionName)}]>`,
          },
        ],
        returnType: 'HttpHandler',
        statements: [
          // Its own request-id sequence: `use`d over a handler set, it must not repeat the set's ids.
          // The shape spelled out: TypeScript checks the resolver by identity instead of inferring it.
          `return createOperationHandler<MockOperationShapes[${literal(operation.functionName)}]>({ operation: ${descriptorName(operation)}, resolverOrData, context: createDefaultHandlerContext({ requestIdScope: ${literal(operation.id)} }) });`,
        ],
      }),
    ),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createHandler',
      docs: docs(['The MSW handler of one operation, by camelCase name, with its own base URL, seed or delay.']),
      typeParameters: [{ name: 'Name', constraint: 'keyof MockOperationShapes' }],
      parameters: [
        {
          name: 'options',
          type: 'HandlerOptions & { readonly operation: Name; readonly resolverOrData?: MockResolverOrData<MockOperationShapes[Name]> }',
        },
      ],
      returnType: 'HttpHandler',
      statements: [
        `const operations = { ${operations.map((operation) => `${operation.functionName}: ${descriptorName(operation)}`).join(', ')} };`,
        'const operation = operations[options.operation];',
        'return createOperationHandler({ operation, resolverOrData: options.resolverOrData, context: createDefaultHandlerContext({ ...options, requestIdScope: operation.id }) });',
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createHandlers',
      docs: docs([
        'A handler for every operation, in route-specificity order. Stateless: each answers with the spec example, else a body made by `samples` or generated from the schema, seeded by the request.',
      ]),
      parameters: [{ name: 'options', type: 'CreateHandlersOptions', initializer: '{}' }],
      returnType: 'HttpHandler[]',
      statements: ['return createHandlersFromContext({ context: createDefaultHandlerContext(options), overrides: options.overrides });'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createHandlersFromContext',
      docs: docs([
        'Like `createHandlers`, on a context the caller keeps: a stateful mock holds on to it to restart its request ids (`context.resetRequestIds()`).',
      ]),
      parameters: [{ name: 'options', type: '{ readonly context: HandlerContext; readonly overrides?: MockOverrides | undefined }' }],
      returnType: 'HttpHandler[]',
      statements: [
        'return createOperationHandlers({ operations: MOCK_OPERATIONS, overrides: options.overrides ?? {}, context: options.context });',
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(['The default handler set: `createHandlers()` on the default base URL with seed 1.']),
      declarations: [{ name: 'handlers', type: 'HttpHandler[]', initializer: '/* @__PURE__ */ createHandlers()' }],
    },
  ];
}
