import type { FunctionDeclarationStructure, StatementStructures } from 'ts-morph';
import { resolveSchema, schemaNamed, schemaNameOfRef } from '../model/lookup.js';
import { createNameScope, deriveHookStem, propertyKey, singularise, toArgumentName, toCamelCase, toPascalCase } from '../model/naming.js';
import type { ApiModel, Operation, SchemaObject } from '../model/types.js';
import { type ClientResult, planClientResults } from './client.js';
import { findLongerSiblings, parameterNamesIn, pathParameterNames, TRAILING_PARAMETER } from './path-extensions.js';
import {
  docs,
  type EmitContext,
  findRequestContent,
  generatedDir,
  type JsDoc,
  literal,
  markDeprecated,
  type PlannedFile,
  printModule,
  verbatim,
} from './shared.js';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';

/** Folder of the React Query package inside the output root. */
export const REACT_QUERY_PACKAGE_FOLDER = 'react-query';

/**
 * `@scope/react-query`'s generated half: a hierarchical query key factory, `queryOptions` /
 * `infiniteQueryOptions` builders for every read, hooks over them, and mutations that
 * invalidate what they change. Everything that does not depend on the spec (the provider,
 * polling, cursor handling) lives in the package's `src/runtime/`.
 */
export function emitReactQuery(options: {
  model: ApiModel;
  context: EmitContext;
  /** Hook name stems by operationId (`codegen.config.ts` → `hookNames`). */
  hookNames?: Readonly<Record<string, string>>;
}): PlannedFile[] {
  const { model, context } = options;
  const dir = generatedDir(REACT_QUERY_PACKAGE_FOLDER);
  const module = (name: string, statements: readonly (StatementStructures | string)[]) =>
    printModule({ path: `${dir}/${name}`, statements, context });
  const plan = planHooks({ model, context, hookNames: options.hookNames ?? {} });
  return [
    module('keys.ts', keyStatements(plan)),
    module('queries.ts', queryStatements(plan)),
    module('hooks.ts', hookStatements(plan)),
    module('mutations.ts', mutationStatements(plan)),
    module('index.ts', [
      `export { ${plan.keysName} } from './keys.js';`,
      "export * from './queries.js';",
      "export * from './hooks.js';",
      "export * from './mutations.js';",
    ]),
  ];
}

/** A positional argument of a client method, in the order the client takes them. */
interface PlannedArgument {
  readonly name: string;
  readonly type: string;
  readonly role: 'path' | 'query' | 'body' | 'header' | 'cookie' | 'params';
  readonly optional: boolean;
}

/** Everything the emitter decides about one operation, decided once. */
interface PlannedOperation {
  readonly operation: Operation;
  /** PascalCase stem of every name: `Contact` → `useContact`, `contactQueryOptions`. */
  readonly stem: string;
  /** The operation's resource group (`''` for methods on the client itself). */
  readonly group: string;
  /** `contacts.get`, or `ping`. */
  readonly clientMethod: string;
  /** Optional trailing path arguments the client method takes for a longer sibling path; passed as `undefined`. */
  readonly skippedArguments: number;
  /**
   * The client method also covers a longer sibling path with another response type, so it resolves
   * to either body; called without the trailing arguments it always sends this operation's path.
   */
  readonly widenedResponse: boolean;
  readonly arguments: readonly PlannedArgument[];
  /** The key factory member: `detail`, `list`, `latest`, … */
  readonly keyName: string;
  readonly read: boolean;
  readonly pagination?: { readonly cursorParameter: string; readonly nextCursorHeader: string };
  /** A download that may be pending: the query polls while it is. */
  readonly pendingDownload: boolean;
  /** A read without a response body (`GET /ping`): the query caches the client's whole result, since TanStack refuses `undefined`. */
  readonly emptyResponse: boolean;
  /** The poll target of a background operation: the query polls until a terminal status. */
  readonly pollsOperation: boolean;
  /** A bulk upload (an array body starting a background operation): the client may send it in chunks. */
  readonly bulkUpload: boolean;
  /** The named schema the success body is (`Contact` for `GET /contacts/{id}`), when it is a `$ref`. */
  readonly responseSchema?: string;
  /** Every named schema the success body reaches through `$ref`s (`ContactEvent[]` → `ContactEvent`, `Contact`, …). */
  readonly embeddedSchemas: readonly string[];
}

/** The names of the client package and of this package's runtime, which the scaffolder renames after the config's product name. */
interface ProductNames {
  /** `Complero`: the prefix of the runtime's exports (`CompleroProvider`, `CompleroQueryHookOptions`). */
  readonly product: string;
  readonly client: string;
  readonly error: string;
  readonly useClient: string;
  readonly clientModule: string;
  readonly typesModule: string;
}

interface HookPlan {
  readonly names: ProductNames;
  /** What each client method resolves to, by `group.method`. */
  readonly clientResults: ReadonlyMap<string, ClientResult>;
  readonly keysName: string;
  readonly root: string;
  readonly groups: readonly string[];
  readonly operations: readonly PlannedOperation[];
  /** The group of the operation background operations are polled with (`operations`). */
  readonly pollGroup?: string;
}

function planHooks(options: { model: ApiModel; context: EmitContext; hookNames: Readonly<Record<string, string>> }): HookPlan {
  const { model } = options;
  const pollIds = new Set(model.operations.map((operation) => operation.patterns.backgroundOperation?.pollOperationId).filter(Boolean));
  const longerSiblings = findLongerSiblings(model);
  const stems = createNameScope();
  const keyScopes = new Map<string, (wanted: string) => string>();
  const operations = model.operations.map((operation): PlannedOperation => {
    const { group, method } = operation.resource;
    const read = operation.method === 'get';
    const body = resolveBody(model, operation);
    const many = read ? responseIsArray(model, operation) || !!operation.patterns.pagination : body?.type === 'array';
    const override = options.hookNames[operation.id];
    const stem = stems(deriveHookStem({ group, method, many, ...(override ? { override } : {}) }));
    let keyScope = keyScopes.get(group);
    if (!keyScope) {
      keyScope = createNameScope(['all', 'details', 'lists']);
      keyScopes.set(group, keyScope);
    }
    const pathParams = pathParameterNames(operation);
    const longer = longerSiblings.get(operation.id);
    const skippedArguments = longer ? pathParameterNames(longer).length - pathParams.length : 0;
    return {
      operation,
      stem,
      group,
      clientMethod: group === '' ? method : `${group}.${method}`,
      skippedArguments,
      widenedResponse: longer !== undefined && longer.typeNames.response !== operation.typeNames.response,
      arguments: argumentsOf(operation, pathParams),
      keyName: read ? keyScope(method === 'get' ? 'detail' : toCamelCase(method.replace(/^get(?=[A-Z])/, ''))) : '',
      read,
      ...(read && operation.patterns.pagination
        ? {
            pagination: {
              cursorParameter: operation.patterns.pagination.cursorParameter,
              nextCursorHeader: operation.patterns.pagination.nextCursorHeader,
            },
          }
        : {}),
      pendingDownload: read && !!operation.patterns.pendingDownload,
      emptyResponse:
        read &&
        !operation.responses.some(
          (response) => operation.patterns.successStatuses.includes(response.status) && response.contents.length > 0,
        ),
      pollsOperation: read && pollIds.has(operation.id),
      bulkUpload: !read && many && !!operation.patterns.backgroundOperation,
      ...responseSchemasOf({ model, operation }),
    };
  });
  const pollTarget = model.operations.find((operation) => pollIds.has(operation.id));
  return {
    names: productNamesOf(options.context),
    clientResults: planClientResults(model),
    keysName: `${toCamelCase(options.context.name)}Keys`,
    root: toCamelCase(options.context.name),
    groups: [...new Set(operations.map((planned) => planned.group))].filter((group) => group !== '').sort(),
    operations,
    ...(pollTarget ? { pollGroup: pollTarget.resource.group } : {}),
  };
}

/**
 * The hand-written runtimes are written for Complero and retargeted by the scaffolder, which
 * swaps the product name verbatim (`CompleroClient` → `KubernetesClient`): the names here follow.
 */
function productNamesOf(context: EmitContext): ProductNames {
  const product = context.name;
  return {
    product,
    client: `${product}Client`,
    error: `${product}Error`,
    useClient: `use${product}Client`,
    clientModule: `${context.scope}/client`,
    typesModule: `${context.scope}/types`,
  };
}

/**
 * The client's positional order (emit/client.ts decides it the same way): path parameters in path
 * order, then the request's one other part (body, query, header or cookie parameters) by itself, or one
 * `params` object holding several, optional only when every part in it is.
 */
function argumentsOf(operation: Operation, pathParams: readonly string[]): PlannedArgument[] {
  const names = operation.typeNames;
  const scope = createNameScope(['client', 'options', 'overrides', 'polling', 'signal', 'query', 'variables', 'queryClient']);
  const found: PlannedArgument[] = pathParams.map((parameter) => ({
    name: scope(toArgumentName(parameter)),
    type: names.pathParams ? `${names.pathParams}[${literal(parameter)}]` : 'string',
    role: 'path',
    optional: false,
  }));
  const requires = (location: string) => operation.parameters.some((parameter) => parameter.in === location && parameter.required);
  if (operation.patterns.backgroundOperation && names.body) {
    return [...found, { name: 'items', type: names.body, role: 'body', optional: operation.requestBody?.required !== true }];
  }
  const parts: PlannedArgument[] = [
    ...(names.body ? [{ name: 'body', type: names.body, role: 'body' as const, optional: operation.requestBody?.required !== true }] : []),
    ...(names.query ? [{ name: 'query', type: names.query, role: 'query' as const, optional: !requires('query') }] : []),
    ...(names.requestHeaders
      ? [{ name: 'header', type: names.requestHeaders, role: 'header' as const, optional: !requires('header') }]
      : []),
    ...(names.cookies ? [{ name: 'cookie', type: names.cookies, role: 'cookie' as const, optional: !requires('cookie') }] : []),
  ];
  if (parts.length < 2) return [...found, ...parts];
  const fields = parts.map((part) => `${part.role}${part.optional ? '?' : ''}: ${part.type}`);
  return [...found, { name: 'params', type: `{ ${fields.join('; ')} }`, role: 'params', optional: parts.every((part) => part.optional) }];
}

function resolveBody(model: ApiModel, operation: Operation): SchemaObject | undefined {
  return resolveSchema(model, findRequestContent(operation)?.schema);
}

/** The success body's own named schema and every named schema it reaches, for invalidation after a delete. */
function responseSchemasOf(options: { model: ApiModel; operation: Operation }): {
  responseSchema?: string;
  embeddedSchemas: string[];
} {
  const { model, operation } = options;
  const success = operation.responses.find(
    (response) => operation.patterns.successStatuses.includes(response.status) && response.contents.length > 0,
  );
  const schema = success?.contents[0]?.schema;
  const own = schemaNameOfRef(schema?.$ref);
  const reached = new Set<string>();
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) pending.push(...next);
    else if (next && typeof next === 'object') {
      const name = schemaNameOfRef((next as SchemaObject).$ref);
      if (name !== undefined && !reached.has(name)) {
        reached.add(name);
        pending.push(schemaNamed(model, name));
      }
      pending.push(...Object.values(next));
    }
  }
  return { ...(own ? { responseSchema: own } : {}), embeddedSchemas: [...reached].sort() };
}

function responseIsArray(model: ApiModel, operation: Operation): boolean {
  const success = operation.responses.find(
    (response) => operation.patterns.successStatuses.includes(response.status) && response.contents.length > 0,
  );
  return resolveSchema(model, success?.contents[0]?.schema)?.type === 'array';
}

// ---------------------------------------------------------------------------------------------
// Names and small expressions shared by the files.

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const queryOptionsName = (planned: PlannedOperation) => `${lowerFirst(planned.stem)}QueryOptions`;
const infiniteOptionsName = (planned: PlannedOperation) => `${lowerFirst(planned.stem)}InfiniteQueryOptions`;
const mutationOptionsName = (planned: PlannedOperation) => `${lowerFirst(planned.stem)}MutationOptions`;
const invalidateName = (planned: PlannedOperation) => `invalidateAfter${planned.stem}`;
const pageTypeName = (planned: PlannedOperation) => `${planned.stem}Page`;
const downloadTypeName = (planned: PlannedOperation) => `${planned.stem}Download`;
const resultTypeName = (planned: PlannedOperation) => `${planned.stem}Result`;

/** `compleroKeys.contacts.detail`, `compleroKeys.ping`. */
function keyPath(plan: HookPlan, planned: PlannedOperation, suffix = ''): string {
  return [plan.keysName, planned.group, `${planned.keyName}${suffix}`].filter((part) => part !== '').join('.');
}

/** `ReturnType<typeof compleroKeys.contacts.detail>`. */
function keyType(plan: HookPlan, planned: PlannedOperation, suffix = ''): string {
  return `ReturnType<typeof ${keyPath(plan, planned, suffix)}>`;
}

/** Names a file takes from the types and the client package for the client results it spells out. */
interface ResultImports {
  readonly types: Set<string>;
  readonly client: Set<string>;
}

/** What the client method resolves to, as the client declares it (names it uses go to `imports`). */
function clientResultType(options: { plan: HookPlan; planned: PlannedOperation; imports: ResultImports }): string {
  const { plan, planned, imports } = options;
  const result = plan.clientResults.get(planned.clientMethod);
  // A union (a method that also answers for a longer sibling path) is left to the client's method:
  // spelled out in a type alias, TypeScript would keep both members even when they are the same type.
  if (!result || result.type.includes(' | '))
    return `Awaited<ReturnType<${planned.clientMethod.split('.').reduce((type, part) => `${type}[${literal(part)}]`, plan.names.client)}>>`;
  for (const name of result.typeImports) imports.types.add(name);
  for (const name of result.clientImports) imports.client.add(name);
  return result.type;
}

/** The query parameters of an infinite query: everything but the cursor, which the pages carry. */
function infiniteQueryType(planned: PlannedOperation): string {
  const query = planned.arguments.find((argument) => argument.role === 'query');
  return `Omit<${query?.type ?? 'object'}, ${literal(planned.pagination?.cursorParameter ?? 'cursor')}>`;
}

/** What a read query caches: the body, or the whole download result when it may be pending. */
function queryDataType(planned: PlannedOperation): string {
  if (planned.pendingDownload) return downloadTypeName(planned);
  return planned.emptyResponse ? resultTypeName(planned) : planned.operation.typeNames.response;
}

/** The query caches the client's whole result (a download's state, or a body-less response's status). */
function cachesWholeResult(planned: PlannedOperation): boolean {
  return planned.pendingDownload || planned.emptyResponse;
}

function parameterList(args: readonly PlannedArgument[], typeOf: (argument: PlannedArgument) => string = (argument) => argument.type) {
  return args.map((argument) => ({ name: argument.name, type: typeOf(argument), hasQuestionToken: argument.optional }));
}

/** The client call: `client.contacts.get(id, { signal })`, with `undefined` for skipped trailing path arguments. */
function clientCall(options: { planned: PlannedOperation; args: readonly string[]; requestOptions?: string }): string {
  const { planned } = options;
  const path = planned.arguments.filter((argument) => argument.role === 'path').length;
  const values = [
    ...options.args.slice(0, path),
    ...Array.from({ length: planned.skippedArguments }, () => 'undefined'),
    ...options.args.slice(path),
    ...(options.requestOptions ? [options.requestOptions] : []),
  ];
  return `client.${planned.clientMethod}(${values.join(', ')})`;
}

function describe(planned: PlannedOperation, extra: string): JsDoc[] {
  const { operation } = planned;
  return markDeprecated({
    docs: docs([operation.summary, operation.description, extra, `\`${operation.method.toUpperCase()} ${operation.path}\`.`]),
    operation,
  });
}

function typeImports(plan: HookPlan, names: Iterable<string>): StatementStructures[] {
  const sorted = [...new Set(names)].sort();
  return sorted.length === 0
    ? []
    : [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: plan.names.typesModule, namedImports: sorted }];
}

function argumentTypeNames(planned: PlannedOperation): string[] {
  return planned.arguments.flatMap((argument) =>
    // A `params` object's type is a literal naming one type per part.
    argument.role === 'params'
      ? [...argument.type.matchAll(/: (\w+)/g)].map((match) => match[1] as string)
      : [argument.type.replace(/\[.*$/, '')],
  );
}

// ---------------------------------------------------------------------------------------------
// keys.ts

function keyStatements(plan: HookPlan): StatementStructures[] {
  const reads = plan.operations.filter((planned) => planned.read);
  const member = (planned: PlannedOperation): string[] => {
    const base = [literal(plan.root), ...(planned.group ? [literal(planned.group)] : []), literal(planned.keyName)];
    const path = planned.arguments.filter((argument) => argument.role === 'path');
    // Whatever besides the path tells two reads apart: the query, header parameters, or a `params` object of both.
    const query = planned.arguments.find((argument) => argument.role !== 'path' && argument.role !== 'body');
    const params = parameterList([...path, ...(query ? [query] : [])])
      .map((parameter) => `${parameter.name}${parameter.hasQuestionToken ? '?' : ''}: ${parameter.type}`)
      .join(', ');
    const values = [...base, ...path.map((argument) => argument.name), ...(query ? [`${query.name} ?? {}`] : [])];
    const lines = [
      `/** The key of ${queryOptionsName(planned)}: \`${planned.operation.method.toUpperCase()} ${planned.operation.path}\`. */`,
      `${propertyKey(planned.keyName)}: (${params}) => [${values.join(', ')}] as const,`,
    ];
    if (planned.pagination) {
      const infiniteParams = `${query?.name ?? 'query'}?: ${infiniteQueryType(planned)}`;
      lines.push(
        `/** The key of ${infiniteOptionsName(planned)}: every page of \`${planned.operation.method.toUpperCase()} ${planned.operation.path}\`. */`,
        `${planned.keyName}Infinite: (${infiniteParams}) => [${[...base, "'infinite'", `${query?.name ?? 'query'} ?? {}`].join(', ')}] as const,`,
      );
    }
    return lines;
  };
  const groupBody = (group: string): string[] => {
    const members = reads.filter((planned) => planned.group === group);
    const prefix = [literal(plan.root), literal(group)];
    const lines = [`/** Everything under \`${group}\`: invalidate this to refetch all of it. */`, `all: [${prefix.join(', ')}] as const,`];
    if (members.some((planned) => planned.keyName === 'detail'))
      lines.push(`/** Every \`${group}\` detail. */`, `details: () => [${[...prefix, "'detail'"].join(', ')}] as const,`);
    if (members.some((planned) => planned.keyName === 'list'))
      lines.push(
        `/** Every \`${group}\` list, single pages and infinite ones. */`,
        `lists: () => [${[...prefix, "'list'"].join(', ')}] as const,`,
      );
    return [...lines, ...members.flatMap(member)];
  };
  const indent = (lines: readonly string[]) => lines.map((line) => `  ${line}`);
  const body = [
    `/** Every ${plan.root} query. */`,
    `all: [${literal(plan.root)}] as const,`,
    ...plan.groups.flatMap((group) => [`${propertyKey(group)}: {`, ...indent(groupBody(group)), '},']),
    ...reads.filter((planned) => planned.group === '').flatMap(member),
  ];
  const imports = reads.flatMap((planned) => argumentTypeNames(planned));
  return [
    ...typeImports(plan, imports),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs([
        'Hierarchical, serialisable query keys for every read, grouped by resource: invalidate at any level ' +
          `(\`${plan.keysName}.all\`, \`${plan.keysName}.<group>.all\`, \`.lists()\`, \`.details()\`, one \`.detail(id)\`).`,
      ]),
      declarations: [{ name: plan.keysName, initializer: `{\n${indent(body).join('\n')}\n}` }],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// queries.ts

function queryStatements(plan: HookPlan): StatementStructures[] {
  const reads = plan.operations.filter((planned) => planned.read);
  const results: ResultImports = { types: new Set(), client: new Set() };
  const needs = new Set<string>();
  const statements: StatementStructures[] = [];
  for (const planned of reads) {
    const args = planned.arguments;
    const argNames = args.map((argument) => argument.name);
    if (planned.pendingDownload) {
      statements.push({
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: downloadTypeName(planned),
        type: clientResultType({ plan, planned, imports: results }),
        docs: docs([
          `What ${queryOptionsName(planned)} caches: \`{ state: 'ready', data: Blob, contentType }\` or \`{ state: 'pending' }\`.`,
        ]),
      });
    }
    const polling = planned.pollsOperation || planned.pendingDownload;
    const refetch = planned.pollsOperation
      ? ['  refetchInterval: pollUntilTerminal({ intervalMs: polling?.pollIntervalMs }),']
      : planned.pendingDownload
        ? ['  refetchInterval: pollWhilePending({ intervalMs: polling?.pollIntervalMs }),']
        : [];
    if (planned.pollsOperation) needs.add('pollUntilTerminal');
    if (planned.pendingDownload) needs.add('pollWhilePending');
    if (polling) needs.add('type WithPolling');
    if (planned.emptyResponse) {
      statements.push({
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: resultTypeName(planned),
        type: clientResultType({ plan, planned, imports: results }),
        docs: docs([`What ${queryOptionsName(planned)} caches: the response has no body, so the status and request id.`]),
      });
    }
    const dataType = queryDataType(planned);
    // The client's signature cannot tell which path an `undefined` trailing argument takes; the runtime always takes this one.
    const select = cachesWholeResult(planned) ? '' : planned.widenedResponse ? `.data as ${dataType}` : '.data';
    statements.push({
      kind: StructureKind.Function,
      isExported: true,
      name: queryOptionsName(planned),
      docs: describe(
        planned,
        planned.pollsOperation
          ? 'Polls until the status is terminal, then stops.'
          : planned.pendingDownload
            ? 'Polls while the file is still being generated; stops once it is ready or gone (410, an error).'
            : 'Use with `useQuery`, `useSuspenseQuery`, `prefetchQuery`, `ensureQueryData` or `setQueryData`.',
      ),
      parameters: [
        { name: 'client', type: plan.names.client },
        ...parameterList(args),
        ...(polling ? [{ name: 'polling', type: 'WithPolling', hasQuestionToken: true }] : []),
      ],
      // Spelled out, so TypeScript checks the builder by identity and the declaration names the type instead of expanding it.
      returnType: `${plan.names.product}QueryOptions<${dataType}, ${keyType(plan, planned)}>`,
      statements: [
        `return buildQueryOptions<${dataType}, ${keyType(plan, planned)}>({`,
        `  queryKey: ${keyPath(plan, planned)}(${argNames.join(', ')}),`,
        `  queryFn: async ({ signal }) => (await ${clientCall({ planned, args: argNames, requestOptions: '{ signal }' })})${select},`,
        ...refetch,
        '});',
      ],
    } satisfies FunctionDeclarationStructure);
    if (planned.pagination) {
      needs.add('readNextCursor');
      needs.add('withCursor');
      const query = args.find((argument) => argument.role === 'query');
      const queryName = query?.name ?? 'query';
      const fixed = args.filter((argument) => argument.role !== 'query');
      const pageType = pageTypeName(planned);
      statements.push({
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: pageType,
        type: clientResultType({ plan, planned, imports: results }),
        docs: docs([
          `One page of ${infiniteOptionsName(planned)}: \`data\` holds its items, \`headers\` its \`${planned.pagination.nextCursorHeader}\`.`,
        ]),
      });
      statements.push({
        kind: StructureKind.Function,
        isExported: true,
        name: infiniteOptionsName(planned),
        docs: describe(
          planned,
          `Every page, for \`useInfiniteQuery\`: the first request sends no \`${planned.pagination.cursorParameter}\`; ` +
            `each next one sends the \`${planned.pagination.nextCursorHeader}\` response header of the page before, until a page has none.`,
        ),
        parameters: [
          { name: 'client', type: plan.names.client },
          ...parameterList(fixed),
          { name: queryName, type: infiniteQueryType(planned), hasQuestionToken: true },
        ],
        returnType: `${plan.names.product}InfiniteQueryOptions<${pageType}, ${keyType(plan, planned, 'Infinite')}>`,
        statements: [
          `return buildInfiniteQueryOptions<${pageType}, ${keyType(plan, planned, 'Infinite')}>({`,
          `  queryKey: ${keyPath(plan, planned, 'Infinite')}(${[...fixed.map((argument) => argument.name), queryName].join(', ')}),`,
          `  queryFn: ({ pageParam, signal }) => ${clientCall({
            planned,
            args: [
              ...fixed.map((argument) => argument.name),
              `withCursor({ query${queryName === 'query' ? '' : `: ${queryName}`}, parameter: ${literal(planned.pagination.cursorParameter)}, cursor: pageParam })`,
            ],
            requestOptions: '{ signal }',
          })},`,
          `  getNextPageParam: (lastPage) => readNextCursor({ headers: lastPage.headers, header: ${literal(planned.pagination.nextCursorHeader)} }),`,
          '});',
        ],
      } satisfies FunctionDeclarationStructure);
    }
  }
  const infinite = reads.some((planned) => planned.pagination);
  needs.add(`type ${plan.names.product}QueryOptions`);
  if (infinite) needs.add(`type ${plan.names.product}InfiniteQueryOptions`);
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: plan.names.clientModule,
      isTypeOnly: true,
      namedImports: [plan.names.client, ...results.client].sort(byName),
    },
    ...typeImports(plan, [
      ...reads.flatMap((planned) => [
        ...argumentTypeNames(planned),
        ...(cachesWholeResult(planned) ? [] : [planned.operation.typeNames.response]),
      ]),
      ...results.types,
    ]),
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../runtime/index.js',
      namedImports: [...needs].sort(byName),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../runtime/query-options.js',
      namedImports: ['buildQueryOptions', ...(infinite ? ['buildInfiniteQueryOptions'] : [])].sort(byName),
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './keys.js', namedImports: [plan.keysName] },
    ...statements,
  ];
}

function byName(a: string, b: string): number {
  const strip = (name: string) => name.replace(/^type /, '');
  return strip(a) < strip(b) ? -1 : strip(a) > strip(b) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// hooks.ts

function hookStatements(plan: HookPlan): StatementStructures[] {
  const reads = plan.operations.filter((planned) => planned.read);
  const statements: StatementStructures[] = [];
  const queries = new Set<string>();
  const runtime = new Set<string>();
  const helpers = new Set<string>(['useHookClient']);
  const types = new Set<string>();
  for (const planned of reads) {
    const args = planned.arguments;
    const argNames = args.map((argument) => argument.name);
    const polling = planned.pollsOperation || planned.pendingDownload;
    const dataType = queryDataType(planned);
    if (!cachesWholeResult(planned)) types.add(planned.operation.typeNames.response);
    else queries.add(`type ${dataType}`);
    for (const name of argumentTypeNames(planned)) types.add(name);
    queries.add(queryOptionsName(planned));
    if (polling) runtime.add('type WithPolling');
    const withPolling = polling ? ' & WithPolling' : '';
    // A polling builder reads `pollIntervalMs` off the hook's options; the runtime keeps it from TanStack.
    const build = `${queryOptionsName(planned)}(${['useHookClient(options)', ...argNames, ...(polling ? ['options'] : [])].join(', ')})`;
    const variant = (suspense: boolean): FunctionDeclarationStructure => {
      const optionsType = `${plan.names.product}${suspense ? 'Suspense' : ''}QueryHookOptions`;
      const helper = suspense ? 'useSuspenseQueryHook' : 'useQueryHook';
      runtime.add(`type ${optionsType}`);
      helpers.add(helper);
      return {
        kind: StructureKind.Function,
        isExported: true,
        name: `use${suspense ? 'Suspense' : ''}${planned.stem}`,
        typeParameters: [{ name: 'TData', default: dataType }],
        docs: describe(
          planned,
          `${suspense ? 'Suspends until the data is there' : 'A `useQuery`'} over \`${queryOptionsName(planned)}\`${planned.pollsOperation ? ', polling until the status is terminal' : planned.pendingDownload ? ', polling while the file is pending' : ''}.`,
        ),
        parameters: [
          ...parameterList(args),
          { name: 'options', type: `${optionsType}<${dataType}, TData, ${keyType(plan, planned)}>${withPolling}`, hasQuestionToken: true },
        ],
        returnType: `${suspense ? 'UseSuspenseQueryResult' : 'UseQueryResult'}<TData, ${plan.names.error}>`,
        // One call with its type arguments spelled out: the generic work (spreading the caller's
        // options over the builder's) is the runtime's, checked once instead of once per hook.
        statements: [`return ${helper}<${dataType}, TData, ${keyType(plan, planned)}>({ queryOptions: ${build}, options });`],
      };
    };
    statements.push(variant(false), variant(true));
    if (planned.pagination) {
      const query = args.find((argument) => argument.role === 'query');
      const queryName = query?.name ?? 'query';
      const fixed = args.filter((argument) => argument.role !== 'query');
      const pageType = pageTypeName(planned);
      const header = planned.pagination.nextCursorHeader;
      queries.add(infiniteOptionsName(planned));
      queries.add(`type ${pageType}`);
      const infinite = (suspense: boolean): FunctionDeclarationStructure => {
        const optionsType = `${plan.names.product}${suspense ? 'Suspense' : ''}InfiniteQueryHookOptions`;
        const helper = suspense ? 'useSuspenseInfiniteQueryHook' : 'useInfiniteQueryHook';
        runtime.add(`type ${optionsType}`);
        helpers.add(helper);
        return {
          kind: StructureKind.Function,
          isExported: true,
          name: `use${suspense ? 'Suspense' : ''}Infinite${planned.stem}`,
          typeParameters: [{ name: 'TData', default: `InfiniteData<${pageType}, string | undefined>` }],
          docs: describe(
            planned,
            `${suspense ? 'A `useSuspenseInfiniteQuery`' : 'A `useInfiniteQuery`'} over \`${infiniteOptionsName(planned)}\`: ` +
              `\`fetchNextPage()\` follows the \`${header}\` header; \`hasNextPage\` is false on the last page.`,
          ),
          parameters: [
            ...parameterList(fixed),
            { name: queryName, type: infiniteQueryType(planned), hasQuestionToken: true },
            { name: 'options', type: `${optionsType}<${pageType}, TData, ${keyType(plan, planned, 'Infinite')}>`, hasQuestionToken: true },
          ],
          returnType: `${suspense ? 'UseSuspenseInfiniteQueryResult' : 'UseInfiniteQueryResult'}<TData, ${plan.names.error}>`,
          statements: [
            `return ${helper}<${pageType}, TData, ${keyType(plan, planned, 'Infinite')}>({ queryOptions: ${infiniteOptionsName(planned)}(${[
              'useHookClient(options)',
              ...fixed.map((argument) => argument.name),
              queryName,
            ].join(', ')}), options });`,
          ],
        };
      };
      statements.push(infinite(false), infinite(true));
    }
  }
  const infinite = reads.some((planned) => planned.pagination);
  const tanstack = [
    'UseQueryResult',
    'UseSuspenseQueryResult',
    ...(infinite ? ['InfiniteData', 'UseInfiniteQueryResult', 'UseSuspenseInfiniteQueryResult'] : []),
  ];
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: plan.names.clientModule, isTypeOnly: true, namedImports: [plan.names.error] },
    ...typeImports(plan, types),
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@tanstack/react-query',
      isTypeOnly: true,
      namedImports: tanstack.sort(byName),
    },
    // An API without reads has no hooks here, and nothing to import for them.
    ...(reads.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: '../runtime/index.js',
            isTypeOnly: true,
            namedImports: [...runtime].map((name) => name.replace(/^type /, '')).sort(byName),
          } as const,
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: '../runtime/hooks.js',
            namedImports: [...helpers].sort(byName),
          } as const,
        ]
      : []),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './keys.js', isTypeOnly: true, namedImports: [plan.keysName] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './queries.js', namedImports: [...queries].sort(byName) },
    ...statements,
  ];
}

// ---------------------------------------------------------------------------------------------
// mutations.ts

/** One key a mutation acts on: the generated expression, and how the docs show it. */
interface CacheKey {
  /** `compleroKeys.contacts.detail(variables)`. */
  readonly code: string;
  /** `compleroKeys.contacts.detail(id)`. */
  readonly shown: string;
  /** Only this key, not the keys it prefixes. */
  readonly exact?: boolean;
}

/**
 * Key prefixes every delete of a group acts on: the reads keyed first by the deleted id (removed
 * under it), or the reads naming it in a later path parameter. Used by one delete, it is written
 * inline; shared by several, it is one constant they all refer to, so the module grows with the
 * API, not with deletes × reads.
 */
interface KeySet {
  /** The constant's name, if it becomes one (`readsByContactId`; numbered on a clash). */
  readonly wanted: string;
  /** The constant's JSDoc. */
  readonly about: string;
  readonly prefixes: readonly CacheKey[];
  /** The prefixes' code, to leave out a delete's own keys that the constant already holds. */
  readonly codes: ReadonlySet<string>;
}

/** What a mutation changes, from the IR: which keys to remove and which to invalidate. */
interface Invalidation {
  readonly remove: readonly CacheKey[];
  /** Removed with the deleted id appended: the reads keyed first by it. */
  readonly removeUnderId?: { readonly set: KeySet; readonly id: CacheKey };
  readonly invalidate: readonly CacheKey[];
  /** Invalidated too: the reads naming the deleted item's id in a later path parameter. */
  readonly invalidateSets?: readonly KeySet[];
}

/** The key set of this identity (`under contacts`), planned by `of` the first time; none when empty. */
type KeySetOf = (options: { id: string; wanted: string; about: string; of: () => CacheKey[] }) => KeySet | undefined;

/**
 * Plans what every mutation of the API changes. The reads a delete may touch are indexed once, so
 * each delete looks up only its matches instead of scanning every read.
 */
function planInvalidations(plan: HookPlan): Map<PlannedOperation, Invalidation> {
  const reads = plan.operations.filter((planned) => planned.read);
  const index = indexReads(reads);
  // Each set is planned once, by what it depends on; `null` remembers an empty one.
  const sets = new Map<string, KeySet | null>();
  const keySet: KeySetOf = (options) => {
    let set = sets.get(options.id);
    if (set === undefined) {
      const prefixes = options.of();
      set =
        prefixes.length === 0
          ? null
          : { wanted: options.wanted, about: options.about, prefixes, codes: new Set(prefixes.map((key) => key.code)) };
      sets.set(options.id, set);
    }
    return set ?? undefined;
  };
  const planned = new Map<PlannedOperation, Invalidation>();
  for (const write of plan.operations) {
    if (write.read) continue;
    planned.set(
      write,
      write.operation.method === 'delete'
        ? deleteInvalidation({ plan, planned: write, index, keySet })
        : writeInvalidation({ plan, planned: write }),
    );
  }
  return planned;
}

/**
 * A create, update, upload or action: everything under its own group may have changed, and a
 * background operation it starts shows up under the poll target's group.
 */
function writeInvalidation(options: { plan: HookPlan; planned: PlannedOperation }): Invalidation {
  const { plan, planned } = options;
  const { operation, group } = planned;
  const all = (name: string) => ({ code: `${plan.keysName}.${name}.all`, shown: `${plan.keysName}.${name}.all` });
  return {
    remove: [],
    invalidate: [
      ...(group === '' ? [] : [all(group)]),
      ...(operation.patterns.backgroundOperation && plan.pollGroup && plan.pollGroup !== group ? [all(plan.pollGroup)] : []),
    ],
  };
}

/** The reads, looked up by what a delete matches them on. Every list keeps the reads' order. */
interface ReadIndex {
  /** By group, then by every segment prefix of the read's path, `''` included (`''`, `/widgets`, `/widgets/{id}`, …). */
  readonly byGroupPrefix: ReadonlyMap<string, readonly PlannedOperation[]>;
  /** By group and exact path. */
  readonly byGroupPath: ReadonlyMap<string, readonly PlannedOperation[]>;
  /**
   * The reads whose path ends in a literal segment, by group, the literal segments before it and
   * that segment: `/api/v1/namespaces/{namespace}/pods` under `api/v1/namespaces pods`.
   */
  readonly byGroupCollection: ReadonlyMap<string, readonly PlannedOperation[]>;
  /** By the lowercased name of the first path parameter. */
  readonly byFirstId: ReadonlyMap<string, readonly PlannedOperation[]>;
  /** By the lowercased name of every later path parameter. */
  readonly byLaterId: ReadonlyMap<string, readonly PlannedOperation[]>;
  /** By every named schema the response reaches. */
  readonly byEmbedded: ReadonlyMap<string, readonly PlannedOperation[]>;
  /** Each read's position among the reads, to merge matches back into that order. */
  readonly order: ReadonlyMap<PlannedOperation, number>;
  /** {@link readsById}'s answers by group, filled as deletes ask. */
  readonly byResourceId: Map<string, { readonly removed: ReadonlySet<PlannedOperation>; readonly naming: ReadonlySet<PlannedOperation> }>;
}

function indexReads(reads: readonly PlannedOperation[]): ReadIndex {
  const byGroupPrefix = new Map<string, PlannedOperation[]>();
  const byGroupPath = new Map<string, PlannedOperation[]>();
  const byGroupCollection = new Map<string, PlannedOperation[]>();
  const byFirstId = new Map<string, PlannedOperation[]>();
  const byLaterId = new Map<string, PlannedOperation[]>();
  const byEmbedded = new Map<string, PlannedOperation[]>();
  const add = (map: Map<string, PlannedOperation[]>, key: string, read: PlannedOperation) => {
    const list = map.get(key);
    if (!list) map.set(key, [read]);
    else if (list.at(-1) !== read) list.push(read);
  };
  for (const read of reads) {
    const path = withoutTrailingSlash(read.operation.path);
    const segments = path.split('/');
    for (let end = 1; end <= segments.length; end++) add(byGroupPrefix, `${read.group} ${segments.slice(0, end).join('/')}`, read);
    add(byGroupPath, `${read.group} ${path}`, read);
    const collection = collectionKey(path);
    if (collection !== undefined) add(byGroupCollection, `${read.group} ${collection.before.join('/')} ${collection.name}`, read);
    const pathArguments = read.arguments.filter((argument) => argument.role === 'path');
    for (const [position, argument] of pathArguments.entries())
      add(position === 0 ? byFirstId : byLaterId, argument.name.toLowerCase(), read);
    for (const schema of read.embeddedSchemas) add(byEmbedded, schema, read);
  }
  const order = new Map(reads.map((read, position) => [read, position]));
  return { byGroupPrefix, byGroupPath, byGroupCollection, byFirstId, byLaterId, byEmbedded, order, byResourceId: new Map() };
}

/** `/widgets/` → `/widgets`: one path, written either way. */
function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** A path ending in a literal segment: that segment, and the literal segments before it. */
function collectionKey(path: string): { readonly before: readonly string[]; readonly name: string } | undefined {
  const literals = path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{'));
  const name = path.split('/').at(-1) ?? '';
  return name === '' || name.startsWith('{') ? undefined : { before: literals.slice(0, -1), name };
}

/**
 * A delete. The deleted item is gone for good, so what is only about it is removed (refetching
 * would answer 404 or 410): its detail (the read at the delete's own path, under its id) and the
 * reads whose first path parameter names the resource (`contactID` for `contacts`), under that
 * id. What merely shows it is invalidated: the reads of its collection (at or under the
 * collection's path, and the lists of the same collection higher up, such as `/api/v1/pods`
 * beside `/api/v1/namespaces/{namespace}/pods`), the item a nested collection belongs to
 * (`/widgets/{id}` for `/widgets/{id}/tags`, under that id) and that item's collection, every
 * read naming it in a later path parameter, and every read whose response embeds the schema of
 * its detail (`ContactEvent` holds a `Contact`, so the events lists). A read found by its path
 * or schema is invalidated for every item, since which items it shows is not in its key; other
 * items' details in the collection are not among them.
 */
function deleteInvalidation(options: { plan: HookPlan; planned: PlannedOperation; index: ReadIndex; keySet: KeySetOf }): Invalidation {
  const { plan, planned, index } = options;
  const { group, operation } = planned;
  if (group === '') return { remove: [], invalidate: [] };
  const inOrder = (lists: readonly (readonly PlannedOperation[] | undefined)[]) =>
    [...new Set(lists.flatMap((list) => list ?? []))].sort((a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0));
  const path = withoutTrailingSlash(operation.path);
  const readsAt = (at: string) => index.byGroupPath.get(`${group} ${at}`) ?? [];
  const detail = readsAt(path)[0];
  const ids = planned.arguments.filter((argument) => argument.role === 'path');
  const code = pathArguments(planned);
  const shownIds = ids.map((argument) => argument.name);
  // A read's key under the first `count` ids of the delete: `['acme', 'widgets', 'widget', variables]`.
  const keyUnder = (read: PlannedOperation, count: number): CacheKey => ({
    code: `[${[...keyPrefix({ plan, planned: read }), ...code.slice(0, count)].join(', ')}]`,
    shown: `[${[...keyPrefix({ plan, planned: read }), ...shownIds.slice(0, count)].join(', ')}]`,
  });
  // A detail keyed by more than its path (a required header, a query) caches one entry per
  // variant, and the delete does not know those values: remove them all by the key's path prefix.
  const byPrefix = detail?.arguments.some((argument) => argument.role !== 'path' && argument.role !== 'body') === true;
  const remove: CacheKey[] = !detail
    ? []
    : byPrefix
      ? [keyUnder(detail, ids.length)]
      : [
          {
            code: `${keyPath(plan, detail)}(${code.join(', ')})`,
            shown: `${keyPath(plan, detail)}(${shownIds.join(', ')})`,
            exact: true,
          },
        ];
  const prefixOf = (other: PlannedOperation): CacheKey => {
    if (other.keyName === 'list' && other.group !== '') {
      const lists = `${plan.keysName}.${other.group}.lists()`;
      return { code: lists, shown: lists };
    }
    const prefix = `[${keyPrefix({ plan, planned: other }).join(', ')}]`;
    return { code: prefix, shown: prefix };
  };
  const unique = (keys: readonly CacheKey[]) => [...new Map(keys.map((key) => [key.code, key])).values()];
  // The collection is the delete's path without a trailing `{id}`: `/widgets` for `/widgets/{id}`.
  const collection = path.replace(TRAILING_PARAMETER, '');
  // Lists of the same collection higher up: same name, literal segments a prefix of the collection's.
  const named = collectionKey(collection);
  const higherLists = named
    ? named.before.flatMap((_, end) => index.byGroupCollection.get(`${group} ${named.before.slice(0, end).join('/')} ${named.name}`) ?? [])
    : [];
  // A nested collection belongs to an item: `/widgets/{id}` (under its id) and `/widgets` for `/widgets/{id}/tags`.
  const item = /^(.*\/\{[^{}/]+\})\/[^{}]*$/.exec(collection)?.[1];
  const owner = item === undefined ? [] : readsAt(item).map((read) => keyUnder(read, parameterNamesIn(item).length));
  const ownerLists = item === undefined ? [] : readsAt(item.replace(TRAILING_PARAMETER, ''));
  const collectionReads = inOrder([index.byGroupPrefix.get(`${group} ${collection}`), higherLists, ownerLists]).filter(
    (other) => other !== detail,
  );
  // Only a single-id delete says which resource is gone: a nested one (`/a/{x}/b/{y}`) matches no reads by id.
  const singular = singularise(group);
  const resourceId = ids.length === 1 ? `${singular}id`.toLowerCase() : undefined;
  const { removed, naming } = readsById({ index, group, resourceId });
  const removeSet =
    resourceId === undefined
      ? undefined
      : options.keySet({
          id: `under ${group}`,
          wanted: `readsBy${toPascalCase(singular)}Id`,
          about: `The reads whose first path parameter is a ${singular}'s id: a deleted ${singular}'s entries are removed.`,
          of: () => unique([...removed].map((other) => keyUnder(other, 0))),
        });
  const namingSet =
    resourceId === undefined
      ? undefined
      : options.keySet({
          id: `naming ${group}`,
          wanted: `readsNaming${toPascalCase(singular)}Id`,
          about: `The reads that name a ${singular}'s id in a later path parameter: a deleted ${singular} disappears from them.`,
          of: () => unique([...naming].map(prefixOf)),
        });
  // What embeds the detail's schema, in any group; specific to this delete's detail, so inline.
  const embedded = detail?.responseSchema;
  const embedding = (embedded === undefined ? [] : (index.byEmbedded.get(embedded) ?? [])).filter(
    (other) => other !== detail && !removed.has(other) && !naming.has(other),
  );
  return {
    remove,
    ...(removeSet ? { removeUnderId: { set: removeSet, id: { code: code[0] as string, shown: (ids[0] as PlannedArgument).name } } } : {}),
    invalidate: unique([...owner, ...[...collectionReads, ...embedding].map(prefixOf)]),
    invalidateSets: namingSet ? [namingSet] : [],
  };
}

/**
 * For the deletes of a group with one id: the reads keyed first by its resource id, in any group
 * (removed under the deleted id), and the reads naming it in a later path parameter
 * (invalidated). The same for every delete of the group, so built once.
 */
function readsById(options: { index: ReadIndex; group: string; resourceId: string | undefined }): {
  readonly removed: ReadonlySet<PlannedOperation>;
  readonly naming: ReadonlySet<PlannedOperation>;
} {
  const { index, group, resourceId } = options;
  if (resourceId === undefined) return { removed: new Set(), naming: new Set() };
  let found = index.byResourceId.get(group);
  if (!found) {
    const removed = new Set(index.byFirstId.get(resourceId));
    found = { removed, naming: new Set(index.byLaterId.get(resourceId)?.filter((other) => !removed.has(other))) };
    index.byResourceId.set(group, found);
  }
  return found;
}

/**
 * The key sets more than one mutation refers to, which become constants, with their names: given
 * in the order the sets were first used, so a name depends only on the constants before it.
 */
function sharedKeySets(invalidations: Iterable<Invalidation>): Map<KeySet, string> {
  const uses = new Map<KeySet, number>();
  for (const { removeUnderId, invalidateSets = [] } of invalidations)
    for (const set of [removeUnderId?.set, ...invalidateSets]) if (set) uses.set(set, (uses.get(set) ?? 0) + 1);
  const names = createNameScope();
  return new Map([...uses].filter(([, count]) => count > 1).map(([set]) => [set, names(set.wanted)]));
}

/** A planned invalidation as the generated code and docs say it, given which key sets are constants. */
function renderInvalidation(options: { invalidation: Invalidation; shared: ReadonlyMap<KeySet, string> }): {
  readonly remove: string | undefined;
  readonly invalidate: string | undefined;
  /** Whether either statement reads the mutation's variables (the deleted id), so the function takes them. */
  readonly usesVariables: boolean;
  readonly about: string;
} {
  const { invalidation, shared } = options;
  const { removeUnderId, invalidateSets = [] } = invalidation;
  // A prefix with the deleted id appended: `['complero', 'documentation', 'detail']` → `[…, variables]`.
  const underId = (prefix: CacheKey, id: string) => `${prefix.code.slice(0, -1)}, ${id}]`;
  const filters = invalidation.remove.map((key) => `{ queryKey: ${key.code}${key.exact ? ', exact: true' : ''} }`);
  const removed = invalidation.remove.map((key) => `\`${key.shown}\``);
  let under = '';
  const removeName = removeUnderId && shared.get(removeUnderId.set);
  if (removeUnderId && removeName) {
    under = `, under: { prefixes: ${removeName}, id: ${removeUnderId.id.code} }`;
    removed.push(`every key in \`${removeName}\` followed by \`${removeUnderId.id.shown}\``);
  } else if (removeUnderId) {
    for (const prefix of removeUnderId.set.prefixes) {
      filters.push(`{ queryKey: ${underId(prefix, removeUnderId.id.code)} }`);
      removed.push(`\`${underId(prefix, removeUnderId.id.shown)}\``);
    }
  }
  // Each key once: one a constant holds is not listed again beside it.
  const constants = invalidateSets.filter((set) => shared.has(set)).map((set) => set.codes);
  const inline = [...invalidation.invalidate, ...invalidateSets.filter((set) => !shared.has(set)).flatMap((set) => set.prefixes)];
  const keys = [...new Map(inline.filter((key) => !constants.some((codes) => codes.has(key.code))).map((key) => [key.code, key])).values()];
  const queryKeys = keys.map((key) => key.code);
  const invalidated = keys.map((key) => `\`${key.shown}\``);
  for (const set of invalidateSets) {
    const name = shared.get(set);
    if (name) {
      queryKeys.push(`...${name}`);
      invalidated.push(`every key in \`${name}\``);
    }
  }
  const list = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
  const parts = [
    ...(removed.length ? [`removes ${list(removed)}`] : []),
    ...(invalidated.length ? [`invalidates ${list(invalidated)}`] : []),
  ];
  const about = parts.length ? `${parts.join('; ')}.` : 'changes no cached query.';
  const remove = filters.length || under ? `removeCachedQueries({ queryClient, filters: [${filters.join(', ')}]${under} });` : undefined;
  const invalidate = queryKeys.length ? `await invalidateCachedQueries({ queryClient, queryKeys: [${queryKeys.join(', ')}] });` : undefined;
  return {
    remove,
    invalidate,
    usesVariables: /\bvariables\b/.test(`${remove ?? ''} ${invalidate ?? ''}`),
    about: about.charAt(0).toUpperCase() + about.slice(1),
  };
}

/** The literal start of every key of one read: `'complero', 'events', 'latest'`. */
function keyPrefix(options: { plan: HookPlan; planned: PlannedOperation }): string[] {
  const { plan, planned } = options;
  return [plan.root, ...(planned.group ? [planned.group] : []), planned.keyName].map(literal);
}

function pathArguments(planned: PlannedOperation): string[] {
  const path = planned.arguments.filter((argument) => argument.role === 'path');
  if (planned.arguments.length === 1) return path.map(() => 'variables');
  return path.map((argument) => `variables.${argument.name}`);
}

function mutationStatements(plan: HookPlan): StatementStructures[] {
  const writes = plan.operations.filter((planned) => !planned.read);
  if (writes.length === 0) return [{ kind: StructureKind.ExportDeclaration, namedExports: [] }];
  const types = new Set<string>();
  const results: ResultImports = { types, client: new Set() };
  const cacheHelpers = new Set<string>();
  const invalidations = planInvalidations(plan);
  const shared = sharedKeySets(invalidations.values());
  const statements: StatementStructures[] = [...shared].map(([set, name]) => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs([set.about]),
    declarations: [
      {
        name,
        type: 'readonly QueryKey[]',
        initializer: verbatim(`[\n${set.prefixes.map((key) => `  ${key.code},\n`).join('')}]`),
      },
    ],
  }));
  for (const planned of writes) {
    const args = planned.arguments;
    for (const name of argumentTypeNames(planned)) types.add(name);
    // Several arguments travel as one object, named once: every mention is then the same type to
    // TypeScript, so the hook's result and options compare by identity, not member by member.
    const variablesLiteral =
      args.length > 1
        ? `{ ${args.map((argument) => `${argument.name}${argument.optional ? '?' : ''}: ${argument.type}`).join('; ')} }`
        : args[0]?.type.startsWith('{')
          ? args[0].type
          : undefined;
    const variablesType = variablesLiteral ? `${planned.stem}Variables` : args.length === 1 ? (args[0] as PlannedArgument).type : 'void';
    if (variablesLiteral)
      statements.push({
        kind: StructureKind.TypeAlias,
        name: variablesType,
        type: variablesLiteral,
        docs: docs([`What \`use${planned.stem}\`'s \`mutate\` takes.`]),
      });
    const callArgs = args.length === 0 ? [] : args.length === 1 ? ['variables'] : args.map((argument) => `variables.${argument.name}`);
    const result = resultTypeName(planned);
    const invalidation = renderInvalidation({ invalidation: invalidations.get(planned) as Invalidation, shared });
    if (invalidation.remove) cacheHelpers.add('removeCachedQueries');
    if (invalidation.invalidate) cacheHelpers.add('invalidateCachedQueries');
    const awaits = invalidation.invalidate !== undefined;
    statements.push(
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: result,
        type: clientResultType({ plan, planned, imports: results }),
        docs: docs([
          `What \`use${planned.stem}\` resolves to: the client's result${planned.operation.patterns.backgroundOperation ? ', with the started operation ids' : ''}.`,
        ]),
      },
      {
        kind: StructureKind.Function,
        isExported: true,
        name: mutationOptionsName(planned),
        docs: describe(planned, 'The key and function of the mutation, for `useMutation` or `queryClient.getMutationCache()` filters.'),
        parameters: [{ name: 'client', type: plan.names.client }],
        statements: [
          'return {',
          `  mutationKey: [${literal(plan.root)}, ${literal(planned.group || planned.stem)}, ${literal(planned.stem)}] as const,`,
          `  mutationFn: (${args.length === 0 ? '' : `variables: ${variablesType}`}): Promise<${result}> => ${
            planned.bulkUpload ? `runBulkUpload(() => ${clientCall({ planned, args: callArgs })})` : clientCall({ planned, args: callArgs })
          },`,
          '};',
        ],
      } satisfies FunctionDeclarationStructure,
      {
        kind: StructureKind.Function,
        isExported: true,
        // Removing is synchronous; only invalidating (which refetches what is on screen) is worth awaiting.
        isAsync: awaits,
        name: invalidateName(planned),
        docs: docs([`What \`use${planned.stem}\` does after it succeeds. ${invalidation.about}`]),
        parameters: [
          {
            name: `{ queryClient${invalidation.usesVariables ? ', variables' : ''} }`,
            type: `{ queryClient: QueryClient; variables: ${variablesType} }`,
          },
        ],
        returnType: awaits ? 'Promise<void>' : 'void',
        // One runtime call for all the keys: a generic `removeQueries`/`invalidateQueries` call per key
        // had TypeScript infer each key's tuple prefixes, thousands of times on a large API.
        statements: [...(invalidation.remove ? [invalidation.remove] : []), ...(invalidation.invalidate ? [invalidation.invalidate] : [])],
      } satisfies FunctionDeclarationStructure,
      {
        kind: StructureKind.Function,
        isExported: true,
        name: `use${planned.stem}`,
        typeParameters: [{ name: 'TOnMutateResult', default: 'unknown' }],
        docs: describe(
          planned,
          `A \`useMutation\`; on success: ${invalidation.about.charAt(0).toLowerCase()}${invalidation.about.slice(1)} Errors are typed \`${plan.names.error}\`s (\`ValidationError\` carries \`validationErrors\`).`,
        ),
        parameters: [
          {
            name: 'options',
            type: `${plan.names.product}MutationHookOptions<${result}, ${variablesType}, TOnMutateResult>`,
            hasQuestionToken: true,
          },
        ],
        returnType: `UseMutationResult<${result}, ${plan.names.error}, ${variablesType}, TOnMutateResult>`,
        // The runtime runs the invalidation, then the caller's `onSuccess`; spelled-out type arguments keep this one cheap call.
        statements: [
          `return useMutationHook<${result}, ${variablesType}, TOnMutateResult>({ mutationOptions: ${mutationOptionsName(planned)}(useHookClient(options)), invalidate: ${invalidateName(planned)}, options });`,
        ],
      } satisfies FunctionDeclarationStructure,
    );
  }
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: plan.names.clientModule,
      isTypeOnly: true,
      namedImports: [plan.names.client, plan.names.error, ...results.client].sort(byName),
    },
    ...typeImports(plan, types),
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@tanstack/react-query',
      isTypeOnly: true,
      namedImports: ['QueryClient', ...(shared.size > 0 ? ['QueryKey'] : []), 'UseMutationResult'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../runtime/index.js',
      namedImports: [
        `type ${plan.names.product}MutationHookOptions`,
        ...(writes.some((planned) => planned.bulkUpload) ? ['runBulkUpload'] : []),
      ],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/hooks.js', namedImports: ['useHookClient', 'useMutationHook'] },
    ...(cacheHelpers.size > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: '../runtime/invalidation.js',
            namedImports: [...cacheHelpers].sort(byName),
          } as const,
        ]
      : []),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './keys.js', namedImports: [plan.keysName] },
    ...statements,
  ];
}
