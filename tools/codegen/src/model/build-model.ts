import type { PatternConfig } from '../config.js';
import { toPointer } from '../errors.js';
import type { OpenApiDocument } from '../upgrade.js';
import { resolvePointer } from '../validate.js';
import { createNameScope, deriveOperationId, pluralise, toCamelCase, toConstantCase, toPascalCase, toSafeIdentifier } from './naming.js';
import { recognisePatterns, successResponses } from './patterns.js';
import type {
  ApiModel,
  ArrayDelimiter,
  FieldEncoding,
  HttpMethod,
  MediaContent,
  NamedEnum,
  NamedSchema,
  Operation,
  OperationTypeNames,
  Parameter,
  ParameterLocation,
  RequestBody,
  Response,
  ResponseHeader,
  SchemaObject,
  SecurityScheme,
  ValidationErrorCodeInfo,
} from './types.js';

/** Methods in the order operations of one path are sorted. */
const METHODS: readonly HttpMethod[] = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put', 'trace'];
const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

type Json = Record<string, unknown>;

/** Builds the IR from an (upgraded) OpenAPI 3 document. Pure: the same input gives equal output. */
export function buildModel(options: {
  document: OpenApiDocument;
  patterns: PatternConfig;
  resources?: Readonly<Record<string, string>>;
}): ApiModel {
  const { document, patterns } = options;
  const info = asRecord(document.info);
  const components = asRecord(document.components);
  const typeScope = createNameScope();
  const schemas = buildSchemas({ schemas: asRecord(components.schemas), typeScope });
  const schemaEnums = collectSchemaEnums(schemas);
  const globalSecurity = readSecurity(document.security) ?? [];
  const draft = buildOperations({ document, globalSecurity });
  const operationScope = createNameScope();
  const functionScope = createNameScope();
  const pollPath = patterns.operationPollPath;
  const pollOperation = draft.find((operation) => operation.method === 'get' && operation.path === pollPath);
  const resourceScopes = new Map<string, (wanted: string) => string>();
  const operations = draft.map((operation): Operation => {
    const typeName = operationScope(toPascalCase(operation.id));
    const functionName = toSafeIdentifier(functionScope(toCamelCase(operation.id)));
    const resource = resolveResource({ operation, functionName, resources: options.resources ?? {}, resourceScopes });
    return {
      ...operation,
      typeName,
      typeNames: allocateOperationTypeNames({ operation, typeName, typeScope }),
      functionName,
      resource,
      patterns: recognisePatterns({ operation, patterns, pollOperationId: pollOperation?.id }),
    };
  });
  const parameterEnums = collectParameterEnums({ operations });
  const enums = allocateEnumNames({ enums: [...schemaEnums, ...parameterEnums], typeScope });
  const description = asString(info.description);
  return {
    info: {
      title: asString(info.title) ?? 'API',
      version: asString(info.version) ?? '0.0.0',
      ...(description !== undefined ? { description } : {}),
    },
    ...optional('baseUrl', asString(asRecord(asArray(document.servers)[0]).url)),
    securitySchemes: buildSecuritySchemes(asRecord(components.securitySchemes)),
    operations,
    schemas,
    enums,
    validationErrorCodes: findValidationErrorCodes({ description, pattern: patterns.validationErrorCode }),
    tags: asArray(document.tags).map((tag) => {
      const record = asRecord(tag);
      return { name: String(record.name), ...optional('description', asString(record.description)) };
    }),
  };
}

function buildSchemas(options: { schemas: Json; typeScope: (wanted: string) => string }): NamedSchema[] {
  return Object.keys(options.schemas)
    .sort(compareStrings)
    .map((name) => {
      const schema = asRecord(options.schemas[name]);
      return {
        name,
        typeName: options.typeScope(toPascalCase(name)),
        ...optional('description', asString(schema.description)),
        schema,
      };
    });
}

type DraftEnum = Omit<NamedEnum, 'typeName' | 'constName'> & { readonly wantedName: string; readonly isSchema: boolean };

function collectSchemaEnums(schemas: readonly NamedSchema[]): DraftEnum[] {
  const enums: DraftEnum[] = [];
  for (const named of schemas) {
    const base = ['components', 'schemas', named.name];
    const own = enumValues(named.schema);
    if (own)
      enums.push({
        wantedName: named.typeName,
        isSchema: true,
        values: own,
        pointer: toPointer(base),
        ...optional('description', named.description),
      });
    const properties = asRecord(named.schema.properties);
    for (const property of Object.keys(properties).sort(compareStrings)) {
      const schema = asRecord(properties[property]);
      const values = enumValues(schema) ?? enumValues(asRecord(schema.items));
      if (!values) continue;
      enums.push({
        wantedName: named.typeName + toPascalCase(property),
        isSchema: false,
        values,
        pointer: toPointer([...base, 'properties', property]),
        ...optional('description', asString(schema.description)),
      });
    }
  }
  return enums;
}

function collectParameterEnums(options: { operations: readonly Operation[] }): DraftEnum[] {
  const enums: DraftEnum[] = [];
  for (const operation of options.operations) {
    operation.parameters.forEach((parameter) => {
      const values = enumValues(parameter.schema) ?? enumValues(asRecord(parameter.schema.items));
      if (!values) return;
      enums.push({
        wantedName: operation.typeName + toPascalCase(parameter.name),
        isSchema: false,
        values,
        pointer: `${operation.pointer}/parameters/${parameter.in}/${parameter.name}`,
        ...optional('description', parameter.description),
      });
    });
  }
  return enums;
}

function allocateEnumNames(options: { enums: readonly DraftEnum[]; typeScope: (wanted: string) => string }): NamedEnum[] {
  const constScope = createNameScope();
  return options.enums.map(({ wantedName, isSchema, ...rest }) => {
    const constant = toConstantCase(wantedName);
    const words = constant.split('_');
    const plural = [...words.slice(0, -1), pluralise(words.at(-1) ?? constant)].join('_');
    return {
      ...rest,
      // A top-level enum schema already has its type (the schema's own name).
      typeName: isSchema ? wantedName : options.typeScope(wantedName),
      constName: constScope(plural),
    };
  });
}

function enumValues(schema: Json): (string | number | boolean | null)[] | undefined {
  const values = schema.enum;
  if (!Array.isArray(values) || values.length === 0) return undefined;
  if (!values.every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value))) return undefined;
  return values as (string | number | boolean | null)[];
}

type DraftOperation = Omit<Operation, 'typeName' | 'typeNames' | 'functionName' | 'patterns' | 'resource'>;

/** Names of the per-operation types (`GetEventsQuery`, `BulkUploadContactsHeaders`, …), for the parts it has. */
function allocateOperationTypeNames(options: {
  operation: DraftOperation;
  typeName: string;
  typeScope: (wanted: string) => string;
}): OperationTypeNames {
  const { operation, typeName, typeScope } = options;
  const has = (location: ParameterLocation) => operation.parameters.some((parameter) => parameter.in === location);
  const name = (suffix: string) => typeScope(`${typeName}${suffix}`);
  const success = successResponses(operation.responses);
  return {
    ...(has('path') ? { pathParams: name('PathParams') } : {}),
    ...(has('query') ? { query: name('Query') } : {}),
    ...(has('header') ? { requestHeaders: name('RequestHeaders') } : {}),
    ...(has('cookie') ? { cookies: name('Cookies') } : {}),
    ...(operation.requestBody ? { body: name('Body') } : {}),
    response: name('Response'),
    ...(success.some((response) => response.headers.length > 0) ? { headers: name('Headers') } : {}),
    errorResponse: name('ErrorResponse'),
  };
}

function buildOperations(options: { document: OpenApiDocument; globalSecurity: readonly (readonly string[])[] }): DraftOperation[] {
  const { document } = options;
  const paths = asRecord(document.paths);
  const operations: DraftOperation[] = [];
  // A derived id never takes an id the spec gives to another operation.
  const deriveId = createNameScope(collectOperationIds(document));
  for (const path of Object.keys(paths).sort(compareStrings)) {
    const item = deref(document, paths[path]);
    const shared = asArray(item.parameters).map((parameter) => deref(document, parameter));
    for (const method of METHODS) {
      if (!(method in item)) continue;
      const operation = asRecord(item[method]);
      const pointer = toPointer(['paths', path, method]);
      const own = asArray(operation.parameters).map((parameter) => deref(document, parameter));
      const summary = asString(operation.summary);
      const description = asString(operation.description);
      const requestBody = buildRequestBody(document, operation.requestBody);
      operations.push({
        id: asString(operation.operationId) || deriveId(deriveOperationId({ method, path })),
        method,
        path,
        tags: asArray(operation.tags).map(String),
        ...optional('summary', summary),
        ...optional('description', description),
        deprecated: operation.deprecated === true,
        security: readSecurity(operation.security) ?? options.globalSecurity,
        parameters: mergeParameters({ shared, own }),
        ...(requestBody ? { requestBody } : {}),
        responses: buildResponses(document, asRecord(operation.responses)),
        pointer,
      });
    }
  }
  return operations;
}

function collectOperationIds(document: OpenApiDocument): string[] {
  const ids: string[] = [];
  for (const item of Object.values(asRecord(document.paths))) {
    for (const method of METHODS) {
      const id = asString(asRecord(deref(document, item)[method]).operationId);
      if (id) ids.push(id);
    }
  }
  return ids;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(options: { shared: readonly Json[]; own: readonly Json[] }): Parameter[] {
  const key = (parameter: Json) => `${String(parameter.in)}:${String(parameter.name)}`;
  const ownKeys = new Set(options.own.map(key));
  return [...options.shared.filter((parameter) => !ownKeys.has(key(parameter))), ...options.own]
    .filter((parameter) => PARAMETER_LOCATIONS.includes(parameter.in as ParameterLocation))
    .map((parameter): Parameter => {
      const location = parameter.in as ParameterLocation;
      const schema = parameter.schema ? asRecord(parameter.schema) : contentSchema(parameter.content);
      return {
        name: String(parameter.name),
        in: location,
        required: location === 'path' || parameter.required === true,
        deprecated: parameter.deprecated === true,
        ...optional('description', asString(parameter.description)),
        schema,
        ...readSerialisation({ record: parameter, location, schema }),
        ...(parameter.example !== undefined ? { example: parameter.example } : {}),
      };
    });
}

/** OpenAPI 3 defaults: form + explode for query and cookie, simple without explode for path and header. */
const DEFAULT_STYLES: Record<string, string> = { query: 'form', cookie: 'form', path: 'simple', header: 'simple' };
const DELIMITERS: Record<string, ArrayDelimiter> = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' };

/**
 * Style, explode and (for non-exploded arrays) the delimiter of a parameter or form field. Swagger
 * 2.0's `tsv` has no OpenAPI 3 style; the upgrade keeps it as `x-collectionFormat`, read here.
 */
function readSerialisation(options: { record: Json; location: string; schema: SchemaObject }): {
  style: string;
  explode: boolean;
  delimiter?: ArrayDelimiter;
} {
  const { record } = options;
  const tsv = record['x-collectionFormat'] === 'tsv';
  const style = asString(record.style) ?? DEFAULT_STYLES[options.location] ?? 'form';
  const explode = typeof record.explode === 'boolean' ? record.explode : style === 'form' && !tsv;
  const isArray = options.schema.type === 'array' || (Array.isArray(options.schema.type) && options.schema.type.includes('array'));
  const delimiter = tsv ? '\t' : DELIMITERS[style];
  return { style, explode, ...(isArray && !explode && delimiter ? { delimiter } : {}) };
}

function contentSchema(content: unknown): SchemaObject {
  const [first] = Object.values(asRecord(content));
  return asRecord(asRecord(first).schema);
}

function buildRequestBody(document: OpenApiDocument, value: unknown): RequestBody | undefined {
  if (value === undefined) return undefined;
  const body = deref(document, value);
  return {
    required: body.required === true,
    ...optional('description', asString(body.description)),
    contents: buildContents(body.content),
  };
}

function buildContents(content: unknown): MediaContent[] {
  const record = asRecord(content);
  return Object.keys(record).map((mediaType) => {
    const media = asRecord(record[mediaType]);
    const schema = media.schema;
    const encoding = buildEncoding({ encoding: asRecord(media.encoding), schema: asRecord(schema) });
    return { mediaType, ...(schema !== undefined ? { schema: asRecord(schema) } : {}), ...(encoding ? { encoding } : {}) };
  });
}

function buildEncoding(options: { encoding: Json; schema: Json }): Record<string, FieldEncoding> | undefined {
  const names = Object.keys(options.encoding).sort(compareStrings);
  if (names.length === 0) return undefined;
  const properties = asRecord(options.schema.properties);
  return Object.fromEntries(
    names.map((name) => {
      const field = asRecord(options.encoding[name]);
      const contentType = asString(field.contentType);
      return [
        name,
        {
          ...optional('contentType', contentType),
          ...readSerialisation({ record: field, location: 'query', schema: asRecord(properties[name]) }),
        },
      ];
    }),
  );
}

function buildResponses(document: OpenApiDocument, responses: Json): Response[] {
  return Object.keys(responses)
    .sort(compareStatuses)
    .map((status) => {
      const response = deref(document, responses[status]);
      const headers = asRecord(response.headers);
      return {
        status,
        description: asString(response.description) ?? '',
        contents: buildContents(response.content),
        headers: Object.keys(headers).map((name): ResponseHeader => {
          const header = deref(document, headers[name]);
          return {
            name,
            required: header.required === true,
            ...optional('description', asString(header.description)),
            schema: header.schema ? asRecord(header.schema) : contentSchema(header.content),
          };
        }),
        examples: collectExamples(document, response.content),
      };
    });
}

function collectExamples(document: OpenApiDocument, content: unknown): { mediaType: string; value: unknown }[] {
  const record = asRecord(content);
  const examples: { mediaType: string; value: unknown }[] = [];
  for (const mediaType of Object.keys(record)) {
    const media = asRecord(record[mediaType]);
    if (media.example !== undefined) examples.push({ mediaType, value: media.example });
    for (const example of Object.values(asRecord(media.examples))) {
      const resolved = deref(document, example);
      if (resolved.value !== undefined) examples.push({ mediaType, value: resolved.value });
    }
  }
  return examples;
}

function readSecurity(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((requirement) => Object.keys(asRecord(requirement)).sort(compareStrings));
}

function buildSecuritySchemes(schemes: Json): SecurityScheme[] {
  return Object.keys(schemes)
    .sort(compareStrings)
    .map((key) => {
      const scheme = asRecord(schemes[key]);
      const location = asString(scheme.in);
      return {
        key,
        type: asString(scheme.type) ?? 'apiKey',
        ...(location === 'header' || location === 'query' || location === 'cookie' ? { in: location } : {}),
        ...optional('parameterName', asString(scheme.name)),
        ...optional('scheme', asString(scheme.scheme)?.toLowerCase()),
        ...optional('description', asString(scheme.description)),
      };
    });
}

function resolveResource(options: {
  operation: DraftOperation;
  functionName: string;
  resources: Readonly<Record<string, string>>;
  resourceScopes: Map<string, (wanted: string) => string>;
}): Operation['resource'] {
  const configured = options.resources[options.operation.id];
  if (configured) {
    const [group, method] = configured.includes('.') ? (configured.split('.') as [string, string]) : ['', configured];
    return { group, method };
  }
  const group = toCamelCase(options.operation.tags[0] ?? 'default');
  let scope = options.resourceScopes.get(group);
  if (!scope) {
    scope = createNameScope();
    options.resourceScopes.set(group, scope);
  }
  return { group, method: scope(options.functionName) };
}

/**
 * Finds documented error codes in the API description: the first line that names a code is its
 * meaning (for Complero: the "Validation Errors" bullets of `info.description`).
 */
function findValidationErrorCodes(options: { description: string | undefined; pattern: string }): ValidationErrorCodeInfo[] {
  if (!options.description) return [];
  const found = new Map<string, string>();
  for (const line of options.description.split('\n')) {
    const text = line.replace(/^\s*[-*]\s+/, '').trim();
    for (const match of text.matchAll(new RegExp(options.pattern, 'g'))) {
      if (!found.has(match[0])) found.set(match[0], text);
    }
  }
  return [...found.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([code, meaning]) => ({ code, meaning }));
}

/** Follows local `$ref`s (bounded, so a cycle of references cannot hang us). */
function deref(document: OpenApiDocument, value: unknown): Json {
  let node = value;
  for (let depth = 0; depth < 32; depth++) {
    const ref = asRecord(node).$ref;
    if (typeof ref !== 'string') break;
    node = resolvePointer(document, ref);
  }
  return asRecord(node);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric statuses first (`1XX`-style ranges sort by their digit), `default` last. */
function compareStatuses(a: string, b: string): number {
  const rank = (status: string) => (status === 'default' ? 1000 : Number.parseInt(status.replace(/X/gi, '0'), 10));
  return rank(a) - rank(b) || compareStrings(a, b);
}

function asRecord(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `{ key: value }` when value is defined, `{}` otherwise: keeps the IR free of `undefined`s. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
