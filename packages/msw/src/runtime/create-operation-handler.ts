import { delay, type HttpHandler, http } from 'msw';
import { createDefaultResponse, downloadMediaType, isJsonMediaType } from './default-response.js';
import type { MockOperation, MockPathParams, MockSchemas, MockShape } from './mock-operation.js';
import { createRandom, DEFAULT_SEED, type Random } from './random.js';
import { jsonResponse, messageResponse, textResponse, withDefaultHeaders } from './responses.js';

/** Makes the body of one named schema, for a handler set's `samples`. */
export type SampleFactory = (options: { readonly random: Random; readonly baseUrl: string }) => unknown;

/** Options shared by every handler of one set. */
export interface HandlerOptions {
  /** Where the mocked API lives. Default: the spec's server (`DEFAULT_BASE_URL`). */
  readonly baseUrl?: string;
  /** Seed of all generated data and request ids. Default 1. */
  readonly seed?: number;
  /** Delay before each response: milliseconds, or `'real'` for MSW's realistic server time. Default none. */
  readonly delay?: number | 'real';
  /** Answer 401 when the API key header is missing (never for operations without security). Default true. */
  readonly requireAuth?: boolean;
  /**
   * Factories for the default bodies of named schemas (`components.schemas` keys), e.g. realistic
   * data in place of the bodies generated from the schema. Spec examples still come first.
   */
  readonly samples?: Readonly<Record<string, SampleFactory>>;
}

/** What a resolver gets: the request, its parsed parts, and a seeded random stream for this request. */
export interface MockRequestInfo<Shape extends MockShape> {
  readonly request: Request;
  /** Path parameters, as the strings the URL holds (`{ id: '42' }` even where the spec says integer). */
  readonly params: MockPathParams<Shape['params']>;
  readonly query: URLSearchParams;
  /**
   * The parsed body: JSON, or a form's fields (`File`s for file parts, arrays for repeated fields);
   * `undefined` without one or for other media types (read those from `request`).
   */
  readonly body: Shape['body'];
  readonly requestId: string;
  readonly baseUrl: string;
  readonly operation: MockOperation;
  /** Seeded by the handler set's seed, the operation and the path parameters: same request → same data. */
  readonly random: Random;
  /** The spec's component schemas, for bodies generated from a schema. */
  readonly schemas: MockSchemas;
  /** The handler set's sample factories by schema name. */
  readonly samples: Readonly<Record<string, SampleFactory>>;
}

/**
 * Answers one request: return a `Response` (e.g. `HttpResponse.json(...)`), just the success body,
 * or `undefined` for the handler's default answer.
 */
export type MockResolver<Shape extends MockShape> = (
  info: MockRequestInfo<Shape>,
) => Response | Shape['response'] | undefined | Promise<Response | Shape['response'] | undefined>;

/** A resolver, or the success body to always answer with. */
export type MockResolverOrData<Shape extends MockShape> = MockResolver<Shape> | Shape['response'];

/** One set's resolved settings, shared by its handlers (and their request-id sequence). */
export interface HandlerContext {
  readonly baseUrl: string;
  readonly seed: number;
  readonly delay: number | 'real' | undefined;
  readonly requireAuth: boolean;
  readonly schemas: MockSchemas;
  readonly samples: Readonly<Record<string, SampleFactory>>;
  /** The next request id of this set: seeded, so runs repeat. */
  readonly nextRequestId: () => string;
  /** Starts the request ids over from the first one of the seed (what a stateful mock's `reset()` does). */
  readonly resetRequestIds: () => void;
}

/** Options of a handler context beyond the public handler options. */
export interface HandlerContextOptions extends HandlerOptions {
  /**
   * Whose request-id sequence this is: a per-operation factory (`getContactHandler()`) passes its
   * operation id, so a handler a test `use`s on top of a handler set does not repeat that set's
   * Request-Ids. Default: none, the sequence of a whole handler set.
   */
  readonly requestIdScope?: string;
}

/**
 * Resolves handler options into the context one handler set shares. The API's own defaults (its
 * base URL, its schemas) come from the generated code: see `createDefaultHandlerContext`.
 */
export function createHandlerContext(
  options: HandlerContextOptions & { readonly defaultBaseUrl: string; readonly schemas: MockSchemas },
): HandlerContext {
  const seed = options.seed ?? DEFAULT_SEED;
  const labels = options.requestIdScope === undefined ? ['Request-Id'] : ['Request-Id', options.requestIdScope];
  const startRequestIds = () => createRandom({ seed, labels });
  let requestIds = startRequestIds();
  return {
    baseUrl: (options.baseUrl ?? options.defaultBaseUrl).replace(/\/+$/, ''),
    seed,
    delay: options.delay,
    requireAuth: options.requireAuth ?? true,
    schemas: options.schemas,
    samples: options.samples ?? {},
    nextRequestId: () => requestIds.uuid(),
    resetRequestIds: () => {
      requestIds = startRequestIds();
    },
  };
}

/**
 * The MSW handler of one operation. Without `resolverOrData` it answers like the API would for a
 * valid request (spec example, else seeded data); every response gets the request-id header; a
 * request without the API key header gets the 401 HTTP prescribes.
 */
export function createOperationHandler<Shape extends MockShape>(options: {
  operation: MockOperation;
  resolverOrData?: MockResolverOrData<Shape> | undefined;
  context: HandlerContext;
}): HttpHandler {
  const { operation, context } = options;
  const url = `${context.baseUrl}${operation.mswPath}`;
  return http[operation.method](url, async ({ request, params }) => {
    if (context.delay !== undefined) await delay(context.delay);
    const requestId = context.nextRequestId();
    const response = await answer({
      operation,
      context,
      request,
      params: specParams({ operation, params }) as MockPathParams<Shape['params']>,
      requestId,
      resolverOrData: options.resolverOrData,
    });
    return operation.requestIdHeader ? withDefaultHeaders({ response, headers: { [operation.requestIdHeader]: requestId } }) : response;
  });
}

/**
 * A handler for each operation, in the order given, answering with the override of its name
 * (`operation.name`) when there is one. The overrides are typed per operation by the generated
 * `MockOverrides`; here they are only looked up, so a set of a thousand handlers is one call to
 * type-check, not a thousand generic ones.
 */
export function createOperationHandlers(options: {
  operations: readonly MockOperation[];
  overrides: object;
  context: HandlerContext;
}): HttpHandler[] {
  const overrides = options.overrides as Readonly<Record<string, MockResolverOrData<MockShape> | undefined>>;
  return options.operations.map((operation) =>
    createOperationHandler({ operation, resolverOrData: overrides[operation.name], context: options.context }),
  );
}

/** MSW's `params` under the spec's names (only operations whose names MSW cannot use carry a map). */
function specParams(options: { operation: MockOperation; params: Record<string, unknown> }): Record<string, unknown> {
  const { mswParams, mswSplits } = options.operation;
  if (!mswParams) return options.params;
  const named = Object.entries(mswParams).map(([mswName, specName]) => [specName, options.params[mswName]]);
  const split = Object.entries(mswSplits ?? {}).flatMap(([mswName, specNames]) =>
    splitValue({ value: String(options.params[mswName] ?? ''), names: specNames }),
  );
  return Object.fromEntries([...named, ...split]);
}

/**
 * One value shared by adjacent parameters, split among their names. Nothing in the URL marks the
 * border, so every name but the last takes one character (path-to-regexp's shortest match) and
 * the last the rest; a value too short leaves the later names empty rather than failing the request.
 */
function splitValue(options: { value: string; names: readonly string[] }): [string, string][] {
  const { value, names } = options;
  const characters = [...value];
  return names.map((name, index) => [
    name,
    index < names.length - 1 ? (characters[index] ?? '') : characters.slice(names.length - 1).join(''),
  ]);
}

async function answer<Shape extends MockShape>(options: {
  operation: MockOperation;
  context: HandlerContext;
  request: Request;
  params: MockPathParams<Shape['params']>;
  requestId: string;
  resolverOrData: MockResolverOrData<Shape> | undefined;
}): Promise<Response> {
  const { operation, context, request } = options;
  if (context.requireAuth && operation.authHeader && !request.headers.get(operation.authHeader)) {
    return messageResponse({
      status: 401,
      message: `missing API key: send it in the ${operation.authHeader} header`,
      headers: { 'WWW-Authenticate': operation.authHeader },
    });
  }
  const body = await readBody({ request, operation });
  if (body.error) return messageResponse({ status: 400, message: body.error });
  const info: MockRequestInfo<Shape> = {
    request,
    params: options.params,
    query: new URL(request.url).searchParams,
    body: body.value as Shape['body'],
    requestId: options.requestId,
    baseUrl: context.baseUrl,
    operation,
    random: createRandom({ seed: context.seed, labels: [operation.id, JSON.stringify(options.params)] }),
    schemas: context.schemas,
    samples: context.samples,
  };
  const { resolverOrData } = options;
  if (resolverOrData === undefined) return createDefaultResponse(info);
  const result = typeof resolverOrData === 'function' ? await (resolverOrData as MockResolver<Shape>)(info) : resolverOrData;
  if (result instanceof Response) return result;
  if (result === undefined) return createDefaultResponse(info);
  return successResponse({ operation, body: result });
}

function successResponse(options: { operation: MockOperation; body: unknown }): Response {
  const { operation, body } = options;
  if (operation.pendingDownload && (body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body))) {
    return new Response(body as BodyInit, {
      status: operation.pendingDownload.readyStatus,
      headers: { 'Content-Type': downloadMediaType(operation.pendingDownload.mediaTypes) },
    });
  }
  // A string for a text response (`text/plain`, …) is the text itself, not a JSON string.
  const success = operation.responses.find((response) => response.status === operation.successStatus);
  const [mediaType] = success?.mediaTypes ?? [];
  if (
    typeof body === 'string' &&
    mediaType &&
    !success?.binary &&
    !success?.mediaTypes.some((type) => isJsonMediaType(type) || type === '*/*')
  ) {
    return textResponse({ status: operation.successStatus, text: body, mediaType });
  }
  return jsonResponse({ status: operation.successStatus, body });
}

/**
 * The request body as the resolver sees it: parsed JSON, or a form's fields. An operation without
 * a request body ignores whatever was sent, as the API does; a body in a media type the operation
 * does not accept is refused with a 400 that names the Content-Type to use.
 */
async function readBody(options: { request: Request; operation: MockOperation }): Promise<{ value?: unknown; error?: string }> {
  const { request, operation } = options;
  const accepted = operation.requestBody?.mediaTypes;
  if (!accepted || request.method === 'GET' || request.method === 'HEAD') return {};
  const type = request.headers.get('Content-Type') ?? '';
  const form = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.exec(type)?.[1];
  if (form && !accepted.some((mediaType) => mediaType.toLowerCase() === form.toLowerCase())) {
    return { error: `request body was sent as ${form}; send it as ${accepted.join(' or ')} (set the Content-Type header)` };
  }
  if (form) {
    const fields = await request
      .clone()
      .formData()
      .catch((error: unknown) => new Error(`request body is not a valid form: ${(error as Error).message}`));
    if (fields instanceof Error) return { error: fields.message };
    const entries = [...new Set(fields.keys())].map((name) => [name, fields.getAll(name)] as const);
    return { value: Object.fromEntries(entries.map(([name, values]) => [name, values.length > 1 ? values : values[0]])) };
  }
  // Bytes and text are the handler's to read; only JSON (or a body without a type) is parsed.
  if (type !== '' && !isJsonMediaType(type)) return {};
  const text = await request.clone().text();
  if (text.trim() === '') return {};
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `request body is not valid JSON: ${(error as Error).message}` };
  }
}
