import type { Client } from 'openapi-fetch';
import { checkLimits, type ResolvedOptions } from './config.js';
import { CompleroError, ConnectionError, errorClassForStatus, InvalidArgumentError, TimeoutError } from './errors.js';
import { createPathSerializer } from './path.js';
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
type RawRequest = (method: string, path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Builds the client's `send`: the only place a request goes out. */
export function createSend(options: { raw: Client<never>; settings: ResolvedOptions; requestIdHeader: string }): Send {
  const { raw, settings, requestIdHeader } = options;
  const { redact } = settings;
  return async (operation, input, call = {}) => {
    const { method, path, binary, text } = operation;
    const { signal } = call;
    const maxRetries = call.maxRetries ?? settings.maxRetries;
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    checkLimits({ timeoutMs, maxRetries });
    const where = `${method} ${path}`;
    const idempotent = isIdempotent(method);
    const init = serializeInput({ operation, input, headers: call.headers }) as { bodySerializer?: (body: unknown) => unknown };
    // openapi-fetch serialises the body inside its `request`, where a failure would pass for a failed connection.
    try {
      (init.bodySerializer || JSON.stringify)(input.body);
    } catch (cause) {
      throw new InvalidArgumentError(`Nothing was sent to ${where}: its body cannot be serialised (${redact(String(cause))}).`);
    }
    for (let attempt = 0; ; attempt++) {
      const link = linkSignal({ signal, timeoutMs });
      let failure: CompleroError;
      let retryAfterMs: number | undefined;
      let retryable: boolean;
      try {
        const { data, error, response } = await (raw.request as RawRequest)(method, path, {
          ...init,
          pathSerializer: createPathSerializer(operation.pathStyles),
          parseAs: binary ? 'blob' : 'text',
          signal: link.signal,
        });
        const { status, statusText, headers } = response;
        const requestId = headers.get(requestIdHeader) ?? undefined;
        if (response.ok) {
          // Text and bytes come as they are; only JSON is parsed (an empty body is no JSON: undefined).
          // An operation offering JSON and text goes by the Content-Type: a listed text type is text.
          const mediaType = `${headers.get('Content-Type')}`.split(';')[0]!.trim().toLowerCase();
          let body = binary || text === true || (text || []).includes(mediaType) ? data : undefined;
          if (body === undefined && data) {
            try {
              body = JSON.parse(data as string);
            } catch {
              // Redacted before cutting, so no part of the key survives the cut.
              body = redact(data as string);
              throw new CompleroError(
                `${where} answered ${status} with a body that is not valid JSON: ${JSON.stringify((body as string).slice(0, 80))}`,
                { status, requestId, body },
              );
            }
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
        // The server may echo what it was sent; nothing it says may carry the key into an error.
        const body = redactCause({ value: error, redact });
        const detail = typeof body === 'string' ? body.slice(0, 200) : (body as { message?: unknown } | undefined)?.message;
        failure = new (errorClassForStatus(status))(
          `${status}${statusText ? ` ${statusText}` : ''}${detail ? `: ${String(detail)}` : ''} (${where}${requestId ? `, request id ${requestId}` : ''})`,
          { status, requestId, body, retryAfterMs },
        );
        retryable = isRetryableStatus(status) && idempotent;
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
        retryable = idempotent || (!timedOut && neverReachedServer(cause));
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
