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

/**
 * Builds the client's `send`: the only place a request goes out. It calls `fetch(url, init)`
 * itself rather than through openapi-fetch, whose `Request` (which `fetch` copies into another)
 * and `Headers` objects cost more per call than the rest of the client together: the request is
 * built once, its body serialised once, and every attempt sends the same parts.
 */
export function createSend(options: {
  settings: ResolvedOptions;
  /** Where operation paths are appended; without a trailing slash. */
  baseUrl: string;
  /** Sent with every request, names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The caller's `fetch`, given a `Request` as `ClientOptions.fetch` promises; `globalThis.fetch` (looked up per call, for mocks installed later) otherwise. */
  fetch: ClientOptions['fetch'];
  apiKey: string | undefined;
  apiKeyLocation: ApiKeyLocation | undefined;
  requestIdHeader: string;
}): Send {
  const { settings, requestIdHeader, apiKey, apiKeyLocation: location } = options;
  const { redact } = settings;
  return async (operation, input, call = {}) => {
    const { method, binary, text } = operation;
    const { signal } = call;
    const maxRetries = call.maxRetries ?? settings.maxRetries;
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    checkLimits({ timeoutMs, maxRetries });
    const wire = serializeInput({ operation, input, clientHeaders: options.headers, headers: call.headers, redact });
    let url = options.baseUrl + wire.url;
    // The API key goes last, so no header of the caller's can replace it. Operations the spec marks as public (like `GET /ping`) go without it.
    if (apiKey && location && operation.auth) {
      if (location.in === 'header') wire.headers[location.name.toLowerCase()] = apiKey;
      else url += `${url.includes('?') ? '&' : '?'}${encodeURIComponent(location.name)}=${encodeURIComponent(apiKey)}`;
    }
    for (let attempt = 0; ; attempt++) {
      const link = linkSignal({ signal, timeoutMs });
      let failure: CompleroError;
      let retryAfterMs: number | undefined;
      let retryable: boolean;
      try {
        const init: RequestInit = { method, headers: wire.headers, body: wire.body, signal: link.signal };
        const response = await (options.fetch ? options.fetch(new Request(url, init)) : fetch(url, init));
        const { ok, status, statusText, headers } = response;
        const requestId = headers.get(requestIdHeader) ?? undefined;
        // Text and bytes come as they are (a text operation's empty body is ''); only JSON is parsed, and an
        // empty body is no JSON (`undefined`). An operation offering JSON and text goes by the Content-Type.
        const raw = ok && binary;
        let body: unknown = status === 204 || method === 'HEAD' ? undefined : raw ? await response.blob() : await response.text();
        if (!raw && !(ok && text && (text === true || text.includes(`${headers.get('Content-Type')}`.split(';')[0]!.trim().toLowerCase()))))
          try {
            body = body ? JSON.parse(body as string) : undefined;
          } catch {
            // An error body that is not JSON is kept as its text; a success body that should be JSON is an error.
            if (ok) {
              // Redacted before cutting, so no part of the key survives the cut.
              body = redact(body as string);
              throw new CompleroError(
                `${method} ${operation.path} answered ${status} with a body that is not valid JSON: ${JSON.stringify((body as string).slice(0, 80))}`,
                { status, requestId, body },
              );
            }
          }
        if (ok) {
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
        // The server may echo what it was sent; nothing it says may carry the key into an error.
        body = redactCause({ value: body, redact });
        const detail = typeof body === 'string' ? body.slice(0, 200) : (body as { message?: unknown } | undefined)?.message;
        failure = new (errorClassForStatus(status))(
          `${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${String(detail)}` : ''} (${method} ${operation.path}${requestId ? `, request id ${requestId}` : ''})`,
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
          ? new TimeoutError(`${method} ${operation.path} timed out after ${timeoutMs} ms.`, redacted)
          : new ConnectionError(
              `${method} ${operation.path} failed before a response arrived: ${redact(detail ? `${text} (${detail})` : text)}`,
              redacted,
            );
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
