/** An HTTP method as openapi-fetch spells it. */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/**
 * What the runtime needs to know about one operation. Generated from the spec into
 * `src/generated/operations.ts`; the runtime never looks at the spec itself.
 */
export interface OperationDescriptor {
  readonly method: HttpMethod;
  /** The path template, e.g. `/contacts/{id}`. */
  readonly path: string;
  /** Path parameters serialised other than as one comma-joined segment (label, matrix, `|`-joined, …). */
  readonly pathStyles?: Readonly<Record<string, PathStyle>>;
  /**
   * Query arrays sent as one parameter, their items joined by this URL-ready text (`,` csv, `%20`
   * ssv, `%09` tsv, `|` pipes); arrays not listed repeat the parameter (`a=1&a=2`).
   */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * The request body's media type when it is not JSON: `multipart/…` goes as `FormData` (fetch
   * writes the boundary), a urlencoded form as `a=1&b=2`, anything else (bytes, text) as given.
   */
  readonly mediaType?: string;
  /** Form fields whose arrays are sent as one value, items joined by this character; arrays not listed repeat the field. */
  readonly form?: Readonly<Record<string, string>>;
  /** Whether the operation's security requires the API key. */
  readonly auth: boolean;
  /** Success response headers the spec declares, in their documented spelling. */
  readonly headers: readonly string[];
  /** The success response is binary: read it as a `Blob`. */
  readonly binary?: boolean;
  /**
   * The success response is text (`text/plain`, …), not JSON: returned as the string it is. A list
   * when the operation offers JSON too: a response of a listed media type is text, any other parsed.
   */
  readonly text?: boolean | readonly string[];
  /** Cursor pagination: the query parameter to send, the header that carries the next cursor. */
  readonly pagination?: { readonly cursor: string; readonly nextCursor: string };
  /** The operation starts a background operation; its id is in this response header. */
  readonly background?: { readonly operationId: string };
  /** A download that may not be ready yet (`pending`) or no longer available (`gone`). */
  readonly download?: { readonly pending: number; readonly gone?: number };
  /** A bulk upload: the item fields the spec requires, and the most items one request may carry. */
  readonly upload?: { readonly required: readonly string[]; readonly maxItems?: number };
}

/**
 * How a path parameter is written: the text before its value, and the (percent-encoded) text
 * between the items of an array — `['', ',']` for simple, `['.', '.']` for exploded label,
 * `[';ids=', ',']` for matrix.
 */
export type PathStyle = readonly [prefix: string, separator: string];

/** A path parameter's value: arrays are serialised per the parameter's style. */
export type PathValue = string | number | readonly (string | number)[];

/** Options every method accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the call (including retries and waits). */
  readonly signal?: AbortSignal;
  /** Per-attempt timeout; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call; `0` disables retries. */
  readonly maxRetries?: number;
  /** Extra request headers for this call. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What every method resolves to: the typed body plus what the response said about it. */
export interface ApiResult<TData, THeaders> {
  /** The parsed response body (`undefined` for operations that return none). */
  readonly data: TData;
  /** The HTTP status code. */
  readonly status: number;
  /** The `Request-Id` the server assigned, to quote when contacting support. */
  readonly requestId: string | undefined;
  /** The response headers the spec declares for this operation (absent ones are left out). */
  readonly headers: THeaders;
}

/** One page of a cursor-paginated list. */
export interface Page<TItem, THeaders> extends ApiResult<TItem[], THeaders> {
  /** The cursor of the next page, or `undefined` on the last page. */
  readonly nextCursor: string | undefined;
}

/** A documentation file that is ready. */
export interface ReadyDownload<THeaders> extends ApiResult<Blob, THeaders> {
  readonly state: 'ready';
  /** The file's media type, e.g. `application/pdf`. */
  readonly contentType: string;
}

/** A documentation file that is not generated yet: ask again later (or use `waitFor`). */
export interface PendingDownload<THeaders> extends ApiResult<undefined, THeaders> {
  readonly state: 'pending';
}

/** The outcome of a download that may still be pending. */
export type DownloadResult<THeaders> = ReadyDownload<THeaders> | PendingDownload<THeaders>;

/** How to poll until something is done. */
export interface WaitOptions {
  /** Delay before the first re-check, in ms (default 1000; finite, ≥ 0). */
  readonly intervalMs?: number;
  /** Give up (with a `TimeoutError`) after this many ms in total (default 120000; ≥ 0, `Infinity` waits for ever). */
  readonly timeoutMs?: number;
  /** Cancels the wait. */
  readonly signal?: AbortSignal;
}

/** Options of a bulk upload. */
export interface UploadOptions extends RequestOptions {
  /** Items per request (default: the documented limit, 1000). */
  readonly chunkSize?: number;
}

/** One accepted request of a bulk upload. */
export interface UploadChunk<TItem, THeaders> extends ApiResult<undefined, THeaders> {
  /** The id of the background operation that processes these items. */
  readonly operationId: string;
  /** The items this request carried, in the order given. */
  readonly items: readonly TItem[];
}

/** The outcome of a bulk upload: one accepted request per chunk, each with its operation. */
export interface UploadResult<TItem, THeaders, TOperation> {
  /** Every `Operation-Id`, one per request, in upload order. */
  readonly operationIds: readonly string[];
  /** Every request the upload made, in order. */
  readonly chunks: readonly UploadChunk<TItem, THeaders>[];
  /** Polls every operation until it reaches a terminal status. */
  wait(options?: WaitOptions): Promise<TOperation[]>;
}
