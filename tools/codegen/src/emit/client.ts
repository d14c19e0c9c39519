import type { MethodSignatureStructure, StatementStructures } from 'ts-morph';
import { resolveSchema } from '../model/lookup.js';
import { createNameScope, propertyKey, toArgumentName, toPascalCase } from '../model/naming.js';
import { isJsonMediaType } from '../model/patterns.js';
import type { ApiModel, Operation, SchemaObject } from '../model/types.js';
import { findLongerSiblings, pathParameterNames } from './path-extensions.js';
import {
  docs,
  type EmitContext,
  findRequestContent,
  generatedDir,
  literal,
  markDeprecated,
  type PlannedFile,
  printModule,
} from './shared.js';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';

/** Folder of the client package inside the output root. */
export const CLIENT_PACKAGE_FOLDER = 'client';

/**
 * `@scope/client`'s generated half: one descriptor per operation (what the hand-written runtime
 * needs to send it) and the typed resource groups people call (`contacts.get(id)`).
 */
export function emitClient(options: { model: ApiModel; context: EmitContext }): PlannedFile[] {
  const { model, context } = options;
  const dir = generatedDir(CLIENT_PACKAGE_FOLDER);
  const module = (name: string, statements: readonly (StatementStructures | string)[]) =>
    printModule({ path: `${dir}/${name}`, statements, context });
  const groups = planResources(model);
  return [
    module('operations.ts', descriptorStatements({ model, context })),
    module('resources.ts', resourceStatements({ model, context, groups })),
    module('index.ts', ["export * from './operations.js';", "export * from './resources.js';"]),
  ];
}

/** How one resource method behaves: which runtime call it makes. */
type MethodKind = 'call' | 'page' | 'iterate' | 'upload' | 'waitForOperation' | 'download' | 'waitForDownload';

/** One method of one resource group, with the operation(s) behind it. */
interface PlannedMethod {
  readonly name: string;
  readonly kind: MethodKind;
  readonly operation: Operation;
  /** The same call with more trailing path parameters, taken when those arguments are given. */
  readonly longer?: Operation;
}

interface PlannedGroup {
  /** `''` for methods that sit on the client itself (`ping`). */
  readonly name: string;
  readonly methods: readonly PlannedMethod[];
}

/** Groups operations by `operation.resource` and adds the derived methods (iterate, waitFor). */
export function planResources(model: ApiModel): PlannedGroup[] {
  const pollIds = new Set(model.operations.map((operation) => operation.patterns.backgroundOperation?.pollOperationId).filter(Boolean));
  const longerSiblings = findLongerSiblings(model);
  const byGroup = new Map<string, Operation[]>();
  for (const operation of model.operations)
    byGroup.set(operation.resource.group, [...(byGroup.get(operation.resource.group) ?? []), operation]);
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([name, operations]) => {
      const scope = createNameScope(operations.map((operation) => operation.resource.method));
      const absorbed = new Set<string>();
      const methods: PlannedMethod[] = [];
      for (const operation of operations) {
        const longer = longerSiblings.get(operation.id);
        if (longer) absorbed.add(longer.id);
        const kind = baseKind(operation);
        methods.push({ name: operation.resource.method, kind, operation, ...(longer ? { longer } : {}) });
      }
      for (const method of [...methods]) {
        const { operation } = method;
        const stem = method.name === 'list' || method.name === 'get' ? '' : toPascalCase(method.name);
        if (method.kind === 'page') methods.push({ ...method, name: scope(`iterate${stem}`), kind: 'iterate' });
        if (absorbed.has(operation.id)) continue;
        if (method.kind === 'download') methods.push({ ...method, name: scope(`waitFor${stem}`), kind: 'waitForDownload' });
        if (pollIds.has(operation.id) && pathParameterNames(operation).length === 1)
          methods.push({ ...method, name: scope(`waitFor${stem}`), kind: 'waitForOperation' });
      }
      return { name, methods };
    });
}

function baseKind(operation: Operation): MethodKind {
  const { patterns } = operation;
  if (patterns.pendingDownload) return 'download';
  if (patterns.pagination) return 'page';
  if (patterns.backgroundOperation && bodySchema(operation)?.type === 'array') return 'upload';
  return 'call';
}

function bodySchema(operation: Operation): SchemaObject | undefined {
  return findRequestContent(operation)?.schema;
}

function descriptorStatements(options: { model: ApiModel; context: EmitContext }): StatementStructures[] {
  const { model, context } = options;
  const scheme = model.securitySchemes.find(
    (candidate) => candidate.type === 'apiKey' && (candidate.in === 'header' || candidate.in === 'query') && candidate.parameterName,
  );
  const requestIdHeader =
    model.operations.find((operation) => operation.patterns.requestIdHeader)?.patterns.requestIdHeader ?? context.requestIdHeader;
  const constant = (name: string, type: string, initializer: string, doc: string): StatementStructures => ({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs([doc]),
    declarations: [{ name, type, initializer }],
  });
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../runtime/core.js',
      namedImports: ['ApiKeyLocation'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../runtime/types.js',
      namedImports: ['OperationDescriptor'],
    },
    ...model.operations.map((operation) =>
      constant(
        operation.functionName,
        'OperationDescriptor',
        literal(describeOperation({ model, operation, scheme: scheme?.key })),
        `\`${operation.method.toUpperCase()} ${operation.path}\` (${operation.id}).`,
      ),
    ),
    constant(
      'OPERATIONS',
      'readonly OperationDescriptor[]',
      `[${model.operations.map((operation) => operation.functionName).join(', ')}]`,
      'Every operation, sorted by path then method.',
    ),
    constant(
      'API_KEY',
      'ApiKeyLocation | undefined',
      scheme ? literal({ in: scheme.in, name: scheme.parameterName }) : 'undefined',
      scheme ? `Where the API key goes: the spec's \`${scheme.key}\` security scheme.` : 'The spec defines no API key scheme.',
    ),
    constant('DEFAULT_BASE_URL', 'string', literal(context.baseUrl), 'The base URL clients use unless told otherwise.'),
    constant('REQUEST_ID_HEADER', 'string', literal(requestIdHeader), 'The response header that carries the request id.'),
  ];
}

/** The descriptor's data: only what the runtime reads, so the bundle stays small. */
function describeOperation(options: { model: ApiModel; operation: Operation; scheme: string | undefined }): Record<string, unknown> {
  const { model, operation, scheme } = options;
  const { patterns } = operation;
  const success = operation.responses.filter((response) => patterns.successStatuses.includes(response.status));
  const headers = [...new Set(success.flatMap((response) => response.headers.map((header) => header.name)))].sort();
  const body = bodySchema(operation);
  const items = resolveSchema(model, body?.type === 'array' ? (body.items as SchemaObject | undefined) : undefined);
  const required = Array.isArray(items?.required) ? (items.required as string[]) : [];
  return {
    method: operation.method.toUpperCase(),
    path: operation.path,
    auth: scheme !== undefined && operation.security.some((alternative) => alternative.includes(scheme)),
    headers,
    ...pathStylesOf(operation),
    ...wireFormatOf(operation),
    ...(patterns.responseBody === 'json' ? {} : { [patterns.responseBody]: true }),
    ...(patterns.textMediaTypes ? { text: patterns.textMediaTypes } : {}),
    ...(patterns.pagination
      ? { pagination: { cursor: patterns.pagination.cursorParameter, nextCursor: patterns.pagination.nextCursorHeader } }
      : {}),
    ...(patterns.backgroundOperation ? { background: { operationId: patterns.backgroundOperation.operationIdHeader } } : {}),
    ...(patterns.pendingDownload
      ? {
          download: {
            pending: Number(patterns.pendingDownload.pendingStatus),
            ...(patterns.pendingDownload.goneStatus ? { gone: Number(patterns.pendingDownload.goneStatus) } : {}),
          },
        }
      : {}),
    ...(baseKind(operation) === 'upload'
      ? { upload: { required, ...(typeof body?.maxItems === 'number' ? { maxItems: body.maxItems } : {}) } }
      : {}),
  };
}

/**
 * `pathStyles` for the path parameters the runtime's default (one percent-encoded segment, array
 * items comma-joined) would get wrong: label and matrix styles, and arrays joined by another
 * delimiter. The separator is percent-encoded here, so a space (ssv) or tab (tsv) cannot end up
 * raw in the URL.
 */
function pathStylesOf(operation: Operation): { pathStyles?: Record<string, readonly [string, string]> } {
  const entries = operation.parameters
    .filter((parameter) => parameter.in === 'path')
    .map((parameter): [string, readonly [string, string]] => {
      // A comma is the URI template's own item separator and stays literal (items' commas are encoded).
      const delimiter = parameter.delimiter === undefined || parameter.delimiter === ',' ? ',' : encodeURIComponent(parameter.delimiter);
      switch (parameter.style) {
        case 'label':
          return [parameter.name, ['.', parameter.explode ? '.' : delimiter]];
        case 'matrix': {
          const prefix = `;${encodeURIComponent(parameter.name)}=`;
          return [parameter.name, [prefix, parameter.explode ? prefix : delimiter]];
        }
        default:
          return [parameter.name, ['', delimiter]];
      }
    })
    .filter(([, [prefix, separator]]) => prefix !== '' || separator !== ',');
  return entries.length ? { pathStyles: Object.fromEntries(entries) } : {};
}

/** How the runtime writes an array's items joined by a delimiter into a URL: `,` and `|` as they are, a space or tab percent-encoded. */
const URL_DELIMITERS: Readonly<Record<string, string>> = { ',': ',', ' ': '%20', '\t': '%09', '|': '|' };

/**
 * What the runtime needs beyond openapi-fetch's defaults (query arrays repeated, JSON bodies) to
 * send the query and body as the spec says: the query arrays joined by a delimiter (csv, ssv,
 * tsv, pipes), the body's media type when it is not JSON, and a form's joined array fields.
 * Nothing for operations that need none of it, so descriptors stay small.
 */
function wireFormatOf(operation: Operation): { query?: Record<string, string>; mediaType?: string; form?: Record<string, string> } {
  const query = operation.parameters.flatMap((parameter) =>
    parameter.in === 'query' && parameter.delimiter ? [[parameter.name, URL_DELIMITERS[parameter.delimiter] ?? ',']] : [],
  );
  const content = findRequestContent(operation);
  const form = Object.entries(content?.encoding ?? {}).flatMap(([name, field]) => (field.delimiter ? [[name, field.delimiter]] : []));
  return {
    ...(query.length ? { query: Object.fromEntries(query) } : {}),
    ...(content && !isJsonMediaType(content.mediaType) ? { mediaType: content.mediaType } : {}),
    ...(form.length && content && !isJsonMediaType(content.mediaType) ? { form: Object.fromEntries(form) } : {}),
  };
}

function resourceStatements(options: { model: ApiModel; context: EmitContext; groups: readonly PlannedGroup[] }): StatementStructures[] {
  const { model, context, groups } = options;
  const rootName = `${toPascalCase(context.name)}Resources`;
  const poll = findPollOperation(model);
  const typeImports = new Set<string>(['paths']);
  const methodsOf = (group: PlannedGroup) => group.methods.map((method) => signature({ method, poll, typeImports }));
  const named = groups.filter((group) => group.name !== '');
  const root = groups.find((group) => group.name === '');
  const tagDescriptions = new Map(model.tags.map((tag) => [tag.name.toLowerCase(), tag.description]));
  const interfaces: StatementStructures[] = named.map((group) => ({
    kind: StructureKind.Interface,
    isExported: true,
    name: `${toPascalCase(group.name)}Resource`,
    docs: docs([tagDescriptions.get(group.name.toLowerCase()), `The \`${group.name}\` methods.`]),
    methods: methodsOf(group),
  }));
  const rootInterface: StatementStructures = {
    kind: StructureKind.Interface,
    isExported: true,
    name: rootName,
    docs: docs([`Every ${context.name} API operation, grouped by resource.`]),
    properties: named.map((group) => ({ name: propertyKey(group.name), isReadonly: true, type: `${toPascalCase(group.name)}Resource` })),
    methods: root ? methodsOf(root) : [],
  };
  const entry = (method: PlannedMethod, indent: string) => `${indent}${propertyKey(method.name)}: ${implementation({ method, poll })},`;
  const body = [
    ...named.flatMap((group) => [`  ${propertyKey(group.name)}: {`, ...group.methods.map((method) => entry(method, '    ')), '  },']),
    ...(root ? root.methods.map((method) => entry(method, '  ')) : []),
  ].join('\n');
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `${context.scope}/types`,
      namedImports: [...typeImports].sort(),
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../runtime/core.js', namedImports: ['ClientCore'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../runtime/types.js',
      namedImports: [
        'ApiResult',
        'DownloadResult',
        'Page',
        'ReadyDownload',
        'RequestOptions',
        'UploadOptions',
        'UploadResult',
        'WaitOptions',
      ],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './operations.js', namespaceImport: 'descriptors' },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'NoHeaders',
      type: 'Record<string, never>',
      docs: docs(['The `headers` of an operation whose success responses declare none.']),
    },
    ...interfaces,
    rootInterface,
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createResources',
      docs: docs([`Binds every resource method to the client's runtime.`]),
      parameters: [{ name: 'core', type: 'ClientCore<paths>' }],
      returnType: rootName,
      statements: [`return {\n${body}\n};`],
    },
  ];
}

/** The operation uploads wait for: the poll target of their background operation. */
function findPollOperation(model: ApiModel): Operation | undefined {
  const id = model.operations.find((operation) => operation.patterns.backgroundOperation?.pollOperationId)?.patterns.backgroundOperation
    ?.pollOperationId;
  return model.operations.find((operation) => operation.id === id);
}

interface Argument {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  /** Where the runtime takes it: a path parameter, or a part of the request input (`params` holds several). */
  readonly role: 'path' | RequestPart['role'] | 'params';
}

/** A part of the request besides its path: the body, the query, the header or the cookie parameters. */
interface RequestPart {
  readonly role: 'body' | 'query' | 'header' | 'cookie';
  readonly type: string;
  readonly optional: boolean;
}

/**
 * Positional arguments: path parameters in path order, then the request's one other part (the
 * body, the query, the header or the cookie parameters) by itself — `trigger(body)`, `list(query?)` — or,
 * when it has several, one `params` object holding them (`{ body, query, header, cookie }`, openapi-fetch's names), optional
 * only when every part in it is. Either way no required argument follows an optional one.
 */
function argumentsOf(options: { method: PlannedMethod; typeImports: Set<string> }): { path: Argument[]; rest: Argument[] } {
  const { method, typeImports } = options;
  const { operation, longer } = method;
  const names = operation.typeNames;
  const scope = createNameScope(['options', 'wait', 'core']);
  const pathArgument = (source: Operation, parameter: string, optional: boolean): Argument => {
    if (source.typeNames.pathParams) typeImports.add(source.typeNames.pathParams);
    return {
      name: scope(toArgumentName(parameter)),
      type: source.typeNames.pathParams ? `${source.typeNames.pathParams}[${literal(parameter)}]` : 'string',
      optional,
      role: 'path',
    };
  };
  const own = pathParameterNames(operation);
  const path = [
    ...own.map((parameter) => pathArgument(operation, parameter, false)),
    ...(longer
      ? pathParameterNames(longer)
          .slice(own.length)
          .map((parameter) => pathArgument(longer, parameter, true))
      : []),
  ];
  if (method.kind === 'upload') {
    if (!names.body) return { path, rest: [] };
    typeImports.add(names.body);
    return { path, rest: [{ name: scope('items'), type: names.body, optional: false, role: 'body' }] };
  }
  if (method.kind === 'waitForOperation' || method.kind === 'waitForDownload' || method.kind === 'download') return { path, rest: [] };
  const requires = (location: string) => operation.parameters.some((parameter) => parameter.in === location && parameter.required);
  const parts: RequestPart[] = [
    ...(names.body ? [{ role: 'body' as const, type: names.body, optional: operation.requestBody?.required !== true }] : []),
    ...(names.query ? [{ role: 'query' as const, type: names.query, optional: !requires('query') }] : []),
    ...(names.requestHeaders ? [{ role: 'header' as const, type: names.requestHeaders, optional: !requires('header') }] : []),
    ...(names.cookies ? [{ role: 'cookie' as const, type: names.cookies, optional: !requires('cookie') }] : []),
  ];
  for (const part of parts) typeImports.add(part.type);
  const [only, ...others] = parts;
  if (!only) return { path, rest: [] };
  if (others.length === 0) return { path, rest: [{ name: scope(only.role), type: only.type, optional: only.optional, role: only.role }] };
  const fields = parts.map((part) => `${part.role}${part.optional ? '?' : ''}: ${part.type}`);
  return {
    path,
    rest: [{ name: scope('params'), type: `{ ${fields.join('; ')} }`, optional: parts.every((part) => part.optional), role: 'params' }],
  };
}

function headersType(operation: Operation, typeImports: Set<string>): string {
  if (!operation.typeNames.headers) return 'NoHeaders';
  typeImports.add(operation.typeNames.headers);
  return operation.typeNames.headers;
}

function responseType(operation: Operation, typeImports: Set<string>): string {
  typeImports.add(operation.typeNames.response);
  return operation.typeNames.response;
}

/** The client runtime's result types a method's declared result may name. */
const CLIENT_RESULT_TYPES = ['ApiResult', 'DownloadResult', 'NoHeaders', 'Page', 'ReadyDownload', 'UploadResult'] as const;

/** What one client method resolves to, spelled as the client declares it, and the names that spelling uses. */
export interface ClientResult {
  /** `ApiResult<GetContactResponse, NoHeaders>`. */
  readonly type: string;
  /** Names it takes from the types package. */
  readonly typeImports: readonly string[];
  /** Names it takes from the client package (`ApiResult`, `NoHeaders`, …). */
  readonly clientImports: readonly string[];
}

/**
 * What every method the client builds from an operation resolves to, by `group.method`
 * (`contacts.get`, or `ping` for a method on the client itself). Emitters that wrap the client
 * name these types directly: `Awaited<ReturnType<Client['contacts']['get']>>` says the same but
 * costs TypeScript two conditional types per operation in every type-check of a large API.
 */
export function planClientResults(model: ApiModel): Map<string, ClientResult> {
  const poll = findPollOperation(model);
  const results = new Map<string, ClientResult>();
  for (const group of planResources(model)) {
    for (const method of group.methods) {
      if (method.kind === 'iterate' || method.kind.startsWith('waitFor')) continue;
      const typeImports = new Set<string>();
      const type = resolvedType({ method, poll, typeImports });
      results.set(group.name === '' ? method.name : `${group.name}.${method.name}`, {
        type,
        typeImports: [...typeImports],
        clientImports: CLIENT_RESULT_TYPES.filter((name) => new RegExp(`\\b${name}\\b`).test(type)),
      });
    }
  }
  return results;
}

function resultType(options: { method: PlannedMethod; poll: Operation | undefined; typeImports: Set<string> }): string {
  const type = resolvedType(options);
  return options.method.kind === 'iterate' ? type : `Promise<${type}>`;
}

/** What a method's promise holds (an `iterate` method's async iterable itself). */
function resolvedType(options: { method: PlannedMethod; poll: Operation | undefined; typeImports: Set<string> }): string {
  const { method, poll, typeImports } = options;
  const one = (operation: Operation): string => {
    const headers = headersType(operation, typeImports);
    switch (method.kind) {
      case 'page':
        return `Page<${responseType(operation, typeImports)}[number], ${headers}>`;
      case 'iterate':
        return `AsyncIterable<${responseType(operation, typeImports)}[number]>`;
      case 'upload': {
        const item = `${operation.typeNames.body ?? 'unknown'}[number]`;
        const polled = poll ? `ApiResult<${responseType(poll, typeImports)}, ${headersType(poll, typeImports)}>` : 'never';
        return `UploadResult<${item}, ${headers}, ${polled}>`;
      }
      case 'download':
        return `DownloadResult<${headers}>`;
      case 'waitForDownload':
        return `ReadyDownload<${headers}>`;
      default:
        return `ApiResult<${responseType(operation, typeImports)}, ${headers}>`;
    }
  };
  const types = [...new Set([one(method.operation), ...(method.longer ? [one(method.longer)] : [])])];
  return types.join(' | ');
}

function signature(options: { method: PlannedMethod; poll: Operation | undefined; typeImports: Set<string> }): MethodSignatureStructure {
  const { method, typeImports } = options;
  const { operation } = method;
  const { path, rest } = argumentsOf({ method, typeImports });
  const optionsType = method.kind === 'upload' ? 'UploadOptions' : method.kind.startsWith('waitFor') ? 'WaitOptions' : 'RequestOptions';
  const optionsName = method.kind.startsWith('waitFor') ? 'wait' : 'options';
  const what: Record<MethodKind, string | undefined> = {
    call: undefined,
    page: 'Returns one page; `nextCursor` is the cursor of the next one (`undefined` on the last page).',
    iterate: 'Every item of every page, following the next-page cursor until there is none.',
    upload: 'Sends the items in chunks of at most the documented limit and returns every operation id; `wait()` polls them to the end.',
    waitForOperation: 'Polls until the operation reaches a terminal status.',
    download: 'Resolves to `{ state: "ready", data: Blob }`, or `{ state: "pending" }` while the file is not generated yet.',
    waitForDownload: 'Polls, backing off, until the file is ready.',
  };
  const call = (source: Operation) => `\`${source.method.toUpperCase()} ${source.path}\``;
  return {
    kind: StructureKind.MethodSignature,
    name: propertyKey(method.name),
    docs: markDeprecated({
      docs: docs([
        method.kind === 'call' || method.kind === 'page' || method.kind === 'download' || method.kind === 'upload'
          ? (operation.summary ?? operation.id)
          : undefined,
        method.kind === 'call' ? operation.description : undefined,
        what[method.kind],
        `${call(operation)}${method.longer ? `, or ${call(method.longer)} when every argument is given` : ''}.`,
      ]),
      operation,
    }),
    parameters: [...path, ...rest, { name: optionsName, type: optionsType, optional: true }].map((argument) => ({
      name: argument.name,
      type: argument.type,
      hasQuestionToken: argument.optional,
    })),
    returnType: resultType(options),
  };
}

function implementation(options: { method: PlannedMethod; poll: Operation | undefined }): string {
  const { method, poll } = options;
  const { operation, longer } = method;
  const { path, rest } = argumentsOf({ method, typeImports: new Set() });
  const optionsName = method.kind.startsWith('waitFor') ? 'wait' : 'options';
  const parameters = [...path, ...rest].map((argument) => argument.name);
  const pathObject = (source: Operation) => {
    const entries = pathParameterNames(source).map((parameter, index) => property(parameter, path[index]?.name ?? parameter));
    return `{ ${entries.join(', ')} }`;
  };
  const input = (source: Operation) => {
    const parts = [
      ...(pathParameterNames(source).length ? [`path: ${pathObject(source)}`] : []),
      ...rest.map((argument) => (argument.role === 'params' ? `...${argument.name}` : property(argument.role, argument.name))),
    ];
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  };
  const invoke = (source: Operation): string => {
    switch (method.kind) {
      case 'page':
      case 'iterate':
      case 'call':
        return `core.${method.kind}(descriptors.${source.functionName}, ${input(source)}, options)`;
      case 'upload': {
        const target = poll ? pollPathParameter(poll) : undefined;
        const waitFor =
          poll && target
            ? `(id, wait) => core.waitForOperation(descriptors.${poll.functionName}, { ${property(target, 'id')} }, wait)`
            : "() => Promise.reject(new Error('No operation to poll.'))";
        return `core.upload({ operation: descriptors.${source.functionName}, ${property('items', rest[0]?.name ?? 'items')}, call: options, waitFor: ${waitFor} })`;
      }
      case 'waitForOperation':
        return `core.waitForOperation(descriptors.${source.functionName}, ${pathObject(source)}, wait)`;
      case 'download':
        return `core.download(descriptors.${source.functionName}, ${pathObject(source)}, options)`;
      case 'waitForDownload':
        return `core.waitForDownload(descriptors.${source.functionName}, ${pathObject(source)}, wait)`;
    }
  };
  const extra = longer ? path.slice(pathParameterNames(operation).length) : [];
  const chosen = longer
    ? `${extra.map((argument) => `${argument.name} === undefined`).join(' || ')} ? ${invoke(operation)} : ${invoke(longer)}`
    : invoke(operation);
  return `(${[...parameters, optionsName].join(', ')}) => ${chosen}`;
}

function pollPathParameter(operation: Operation): string | undefined {
  const [only, ...others] = pathParameterNames(operation);
  return others.length === 0 ? only : undefined;
}

/** `key: value`, or the shorthand `key` when both are spelled the same. */
function property(key: string, value: string): string {
  return key === value ? key : `${propertyKey(key)}: ${value}`;
}
