import type { Client } from 'openapi-fetch';
import { type ClientOptions, checkLimits, type ResolvedOptions } from './config.js';
import type { ApiKeyLocation } from './core.js';
import { CompleroError, ConnectionError, errorClassForStatus, TimeoutError } from './errors.js';
import { redactCause } from './redact.js';
import { computeRetryDelay, isIdempotent, isRetryableStatus, linkSignal, neverReachedServer, parseRetryAfter, sleep } from './retry.js';
import { serializeInput } from './serialize.js';
import type { ApiResult, OperationDescriptor, PathValue, RequestOptions } from './types.js';

/** The parts of a request besides the operation itself. */
export interface RequestInput {
  readonly path?: Readonly<Record<string, PathValue>>;
  readonly query?: object;
  /** The spec's header parameters (openapi-fetch's `params.header`); they win over `RequestOptions.headers` of the same name. */
  readonly header?: object;
  /** The spec's cookie parameters, sent as one `Cookie` header (outside browsers: they forbid setting it). */
  readonly cookie?: object;
  readonly body?: unknown;
}

/** A sent request's result; binary ones also say what the bytes are (JSON and text ones carry nothing more, so callers pass them on as they are). */
export type Sent<TData, THeaders> = ApiResult<TData, THeaders> & { readonly contentType?: string };

/** Sends one operation, with timeouts and retries, and turns every failure into a `CompleroError`. */
export type Send = <TData, THeaders>(
  operation: OperationDescriptor,
  input: RequestInput,
  options?: RequestOptions,
) => Promise<Sent<TData, THeaders>>;

// openapi-fetch's `request` is typed per path; descriptors are checked against the spec by the generator instead.
type RawRequest = (method: string, path: string, init: object) => Promise<{ error?: unknown; response: Response }>;

/** The URL and init openapi-fetch built for one attempt, kept as they are: see `plainFetchOptions`. */
class PlainRequest {
  constructor(
    readonly url: string,
    init: RequestInit,
  ) {
    Object.assign(this, init);
  }
}

/**
 * openapi-fetch's `Request` and `fetch` options for the methods' client. openapi-fetch builds a
 * `Request`, and Node's fetch copies it into another one, each with an AbortSignal of its own, the
 * copy's linked to the original's: that costs a request more than the rest of the client does.
 * With these options openapi-fetch's request stays the URL and init it built, and
 * `globalThis.fetch` (looked up per request, so a fetch mock installed later still applies) gets
 * them as they are, `fetch(url, init)`. A `fetch` of the client's options still gets a `Request`,
 * as `ClientOptions` promises.
 */
export function plainFetchOptions(client: ClientOptions): { Request: typeof Request; fetch: (request: Request) => Promise<Response> } {
  return {
    Request: PlainRequest as unknown as typeof Request,
    fetch: (request) => (client.fetch ? client.fetch(new Request(request.url, request)) : globalThis.fetch(request.url, request)),
  };
}

/**
 * Builds the client's `send`: the only place a request goes out, through openapi-fetch's
 * `request` (which serialises the path, query, headers and body and calls fetch). Every attempt
 * sends the same serialised body.
 */
export function createSend(options: {
  /** The methods' openapi-fetch client: the base URL, the client's headers, the safe path serializer. */
  client: Client<never>;
  settings: ResolvedOptions;
  apiKey: string | undefined;
  apiKeyLocation: ApiKeyLocation | undefined;
  requestIdHeader: string;
}): Send {
  const { client, settings, requestIdHeader, apiKey, apiKeyLocation: location } = options;
  const { redact } = settings;
  const key = apiKey && location ? { ...location, value: apiKey } : undefined;
  return async (operation, input, call = {}) => {
    const { method, path, binary, text } = operation;
    const { signal } = call;
    const maxRetries = call.maxRetries ?? settings.maxRetries;
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    checkLimits({ timeoutMs, maxRetries });
    const where = `${method} ${path}`;
    // Operations the spec marks as public (like `GET /ping`) go without the key.
    const init = serializeInput({ operation, input, headers: call.headers, key: operation.auth ? key : undefined, redact });
    for (let attempt = 0; ; attempt++) {
      const link = linkSignal({ signal, timeoutMs });
      let failure: CompleroError;
      let retryAfterMs: number | undefined;
      let retryable: boolean;
      try {
        init.signal = link.signal;
        const { error, response } = await (client.request as RawRequest)(method, path, init);
        const { ok, status, statusText, headers } = response;
        const requestId = headers.get(requestIdHeader) ?? undefined;
        if (ok) {
          // Text and bytes come as they are (a text operation's empty body is ''); only JSON is parsed, and an
          // empty body is no JSON (`undefined`). An operation offering JSON and text goes by the Content-Type.
          let body: unknown = status === 204 || method === 'HEAD' ? undefined : binary ? await response.blob() : await response.text();
          if (!binary && !(text && (text === true || text.includes(`${headers.get('Content-Type')}`.split(';')[0]!.trim().toLowerCase()))))
            try {
              body = body ? JSON.parse(body as string) : undefined;
            } catch {
              // Redacted before cutting, so no part of the key survives the cut.
              body = redact(body as string);
              throw new CompleroError(
                `${where} answered ${status} with a body that is not valid JSON: ${JSON.stringify((body as string).slice(0, 80))}`,
                { status, requestId, body },
              );
            }
          // The response headers the spec declares, absent ones left out.
          const picked: Record<string, string> = {};
          for (const name of operation.headers) {
            const value = headers.get(name);
            if (value !== null) picked[name] = value;
          }
          return {
            data: body,
            status,
            requestId,
            headers: picked,
            ...(binary && { contentType: headers.get('Content-Type') ?? '' }),
          } as never;
        }
        retryAfterMs = parseRetryAfter(headers.get('Retry-After'));
        // The server may echo what it was sent; nothing it says may carry the key into an error. An empty body is `undefined`.
        const body = redactCause({ value: error === '' ? undefined : error, redact });
        const detail = typeof body === 'string' ? body.slice(0, 200) : (body as { message?: unknown } | undefined)?.message;
        failure = new (errorClassForStatus(status))(
          `${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${String(detail)}` : ''} (${where}${requestId ? `, request id ${requestId}` : ''})`,
          { status, requestId, body, retryAfterMs },
        );
        retryable = isRetryableStatus(status) && isIdempotent(method);
      } catch (cause) {
        if (signal?.aborted) throw signal.reason;
        if (cause instanceof CompleroError) throw cause;
        const timedOut = link.timedOut();
        const redacted = { cause: redactCause({ value: cause, redact }) };
        // A fetch failure's own cause (Node's undici) says what went wrong: `ECONNREFUSED`, …
        const inner = (cause as { cause?: { code?: string; message?: string } })?.cause;
        const text = cause instanceof Error ? cause.message : String(cause);
        const detail = inner?.code || inner?.message;
        failure = timedOut
          ? new TimeoutError(`${where} timed out after ${timeoutMs} ms.`, redacted)
          : new ConnectionError(`${where} failed before a response arrived: ${redact(detail ? `${text} (${detail})` : text)}`, redacted);
        retryable = isIdempotent(method) || (!timedOut && neverReachedServer(cause));
      } finally {
        link.release();
      }
      // `undefined` also when the server asks to wait longer than `retryDelay.maxRetryAfterMs`.
      const delay =
        retryable && attempt < maxRetries ? computeRetryDelay({ attempt, retryAfterMs, delay: settings.retryDelay }) : undefined;
      if (delay === undefined) throw failure;
      await sleep(delay, signal);
    }
  };
}
