import { type ClientOptions, identificationHeaders, resolveOptions } from './config.js';
import { fetchPage, iteratePages } from './pagination.js';
import { isTerminalStatus, pollUntil } from './polling.js';
import { createSend, type RequestInput } from './request.js';
import { mergeHeaders } from './serialize.js';
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

/** Where the API key goes, from the spec's security scheme (cookie schemes are left to the caller: browsers forbid setting cookies). */
export interface ApiKeyLocation {
  readonly in: 'header' | 'query';
  readonly name: string;
}

/** What generated resource methods call: one method per behaviour, each typed by the caller. */
export interface ClientCore {
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
export function createCore(options: {
  client: ClientOptions;
  apiKey: ApiKeyLocation | undefined;
  defaultBaseUrl: string;
  requestIdHeader: string;
}): ClientCore {
  const { client } = options;
  const headers: Record<string, string> = {};
  mergeHeaders({ headers, from: { ...identificationHeaders({ version: VERSION }), ...client.headers } });
  const send = createSend({
    settings: resolveOptions(client),
    baseUrl: (client.baseUrl ?? options.defaultBaseUrl).replace(/\/$/, ''),
    headers,
    fetch: client.fetch,
    apiKey: client.apiKey,
    apiKeyLocation: options.apiKey,
    requestIdHeader: options.requestIdHeader,
  });
  const call = send as ClientCore['call'];
  const download: ClientCore['download'] = async (operation, path, call) => {
    const { contentType, ...result } = await send<Blob | undefined, never>(operation, { path }, call);
    return result.status === operation.download?.pending
      ? { ...result, data: undefined, state: 'pending' }
      : { ...(result as ReadyDownload<never>), contentType: contentType as string, state: 'ready' };
  };
  return {
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
