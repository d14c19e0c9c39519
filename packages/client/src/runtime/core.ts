import type { Client, Middleware } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import { type ClientOptions, identificationHeaders, resolveOptions } from './config.js';
import { fetchPage, iteratePages } from './pagination.js';
import { createPathSerializer } from './path.js';
import { isTerminalStatus, pollUntil } from './polling.js';
import { createSend, plainFetchOptions, type RequestInput } from './request.js';
import { serializeQueryDefault } from './serialize.js';
import type {
  ApiResult,
  DownloadResult,
  OperationDescriptor,
  Page,
  PathValue,
  ReadyDownload,
  RequestOptions,
  UploadOptions,
  UploadResult,
  WaitOptions,
} from './types.js';
import { uploadInChunks } from './upload.js';
import { VERSION } from './version.js';

// openapi-fetch's CommonJS build sets no `__esModule` flag, so under CommonJS interop its
// `createClient` sits one level deeper (`default.default`) than under ESM (`default`).
const createClient = ((openapiFetch.default as unknown as { default?: typeof openapiFetch.default }).default ??
  openapiFetch.default) as typeof openapiFetch.default;

/** Where the API key goes, from the spec's security scheme (cookie schemes are left to the caller: browsers forbid setting cookies). */
export interface ApiKeyLocation {
  readonly in: 'header' | 'query';
  readonly name: string;
}

/** What generated resource methods call: one method per behaviour, each typed by the caller. */
export interface ClientCore<TPaths extends {}> {
  /** The openapi-fetch client, with auth and safe path encoding, without retries. */
  readonly raw: Client<TPaths>;
  call<TData, THeaders>(operation: OperationDescriptor, input: RequestInput, options?: RequestOptions): Promise<ApiResult<TData, THeaders>>;
  page<TItem, THeaders>(operation: OperationDescriptor, input: RequestInput, options?: RequestOptions): Promise<Page<TItem, THeaders>>;
  iterate<TItem>(operation: OperationDescriptor, input: RequestInput, options?: RequestOptions): AsyncIterable<TItem>;
  upload<TItem, THeaders, TOperation>(options: {
    operation: OperationDescriptor;
    items: readonly TItem[];
    call: UploadOptions | undefined;
    waitFor: (operationId: string, wait: WaitOptions | undefined) => Promise<TOperation>;
  }): Promise<UploadResult<TItem, THeaders, TOperation>>;
  waitForOperation<TData extends { status?: string }, THeaders>(
    operation: OperationDescriptor,
    path: Readonly<Record<string, PathValue>>,
    wait?: WaitOptions,
  ): Promise<ApiResult<TData, THeaders>>;
  download<THeaders>(
    operation: OperationDescriptor,
    path: Readonly<Record<string, PathValue>>,
    options?: RequestOptions,
  ): Promise<DownloadResult<THeaders>>;
  waitForDownload<THeaders>(
    operation: OperationDescriptor,
    path: Readonly<Record<string, PathValue>>,
    wait?: WaitOptions,
  ): Promise<ReadyDownload<THeaders>>;
}

/** Builds the machinery every resource method shares, from the client's options and the spec's facts. */
export function createCore<TPaths extends {}>(options: {
  client: ClientOptions;
  operations: readonly OperationDescriptor[];
  apiKey: ApiKeyLocation | undefined;
  defaultBaseUrl: string;
  requestIdHeader: string;
}): ClientCore<TPaths> {
  const { client } = options;
  const shared = {
    baseUrl: client.baseUrl ?? options.defaultBaseUrl,
    headers: { ...identificationHeaders({ version: VERSION }), ...client.headers },
    pathSerializer: createPathSerializer(),
    // openapi-fetch's default, made once rather than on every call.
    querySerializer: serializeQueryDefault,
  };
  // Looked up per request, so a fetch mock installed after the client was built still applies.
  const raw = createClient<TPaths>({ ...shared, fetch: (request) => (client.fetch ?? globalThis.fetch)(request) });
  raw.use(createAuthMiddleware({ apiKey: client.apiKey, location: options.apiKey, operations: options.operations }));
  // The methods' own openapi-fetch client: they add the API key themselves, so no middleware runs per call.
  const send = createSend({
    client: createClient<never>({ ...shared, ...plainFetchOptions(client) }),
    settings: resolveOptions(client),
    apiKey: client.apiKey,
    apiKeyLocation: options.apiKey,
    requestIdHeader: options.requestIdHeader,
  });
  const call = send as ClientCore<TPaths>['call'];
  const download: ClientCore<TPaths>['download'] = async (operation, path, call) => {
    const { contentType, ...result } = await send<Blob | undefined, never>(operation, { path }, call);
    return result.status === operation.download?.pending
      ? { ...result, data: undefined, state: 'pending' }
      : { ...(result as ReadyDownload<never>), contentType: contentType as string, state: 'ready' };
  };
  return {
    raw,
    call,
    page: (operation, input, call) => fetchPage({ send, operation, input, call }),
    iterate: (operation, input, call) => iteratePages({ send, operation, input, call }),
    upload: (upload) => uploadInChunks({ send, ...upload }),
    waitForOperation: (operation, path, wait) =>
      pollUntil<never>({
        what: `operation ${Object.values(path).join('/')}`,
        wait,
        factor: 1,
        check: async (signal) => {
          const result = await call<{ status?: string }, never>(operation, { path }, { signal });
          const status = result.data?.status;
          return isTerminalStatus(status) ? { done: result as never } : { pending: `'${status ?? 'without a status'}'` };
        },
      }),
    download,
    waitForDownload: (operation, path, wait) =>
      pollUntil<never>({
        what: `${operation.path} for ${Object.values(path).join('/')}`,
        wait,
        factor: 1.5,
        check: async (signal) => {
          const result = await download<never>(operation, path, { signal });
          return result.state === 'ready' ? { done: result as never } : { pending: 'not generated' };
        },
      }),
  };
}

/**
 * Adds the API key to requests whose operation requires it, raw ones included. Operations the
 * spec marks as public (like `GET /ping`) go without it.
 */
function createAuthMiddleware(options: {
  apiKey: string | undefined;
  location: ApiKeyLocation | undefined;
  operations: readonly OperationDescriptor[];
}): Middleware {
  const { apiKey, location } = options;
  const open = new Set(
    options.operations.filter((operation) => !operation.auth).map((operation) => `${operation.method} ${operation.path}`),
  );
  return {
    onRequest({ request, schemaPath }) {
      if (!apiKey || !location || open.has(`${request.method} ${schemaPath}`)) return undefined;
      if (location.in === 'header') {
        request.headers.set(location.name, apiKey);
        return undefined;
      }
      // Appended to the URL as it is: `searchParams.set` would re-encode the query (`,` → `%2C`, `%20` → `+`).
      const key = `${encodeURIComponent(location.name)}=${encodeURIComponent(apiKey)}`;
      return new Request(`${request.url}${request.url.includes('?') ? '&' : '?'}${key}`, request);
    },
  };
}
