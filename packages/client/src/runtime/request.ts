import type { Client } from 'openapi-fetch';
import { checkLimits, type ResolvedOptions } from './config.js';
import { CompleroError, ConnectionError, errorClassForStatus, TimeoutError } from './errors.js';
import { createPathSerializer } from './path.js';
import { type Redact, redactCause, redactJson } from './redact.js';
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

/** A sent request's result; binary ones also say what the bytes are (JSON ones carry nothing more, so callers pass them on as they are). */
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
  return async (operation, input, call = {}) => {
    const maxRetries = call.maxRetries ?? settings.maxRetries;
    const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
    checkLimits({ timeoutMs, maxRetries });
    const where = `${operation.method} ${operation.path}`;
    for (let attempt = 0; ; attempt++) {
      const link = linkSignal({ signal: call.signal, timeoutMs });
      let failure: CompleroError;
      let retryAfterMs: number | undefined;
      let retryable: boolean;
      try {
        const { data, error, response } = await (raw.request as RawRequest)(operation.method, operation.path, {
          ...serializeInput({ operation, input, headers: call.headers }),
          pathSerializer: createPathSerializer(operation.pathStyles),
          parseAs: operation.binary ? 'blob' : 'text',
          signal: link.signal,
        });
        const requestId = response.headers.get(requestIdHeader) ?? undefined;
        if (response.ok) {
          return {
            data: operation.binary
              ? data
              : parseJson({ text: data as string | undefined, status: response.status, requestId, where, redact: settings.redact }),
            status: response.status,
            requestId,
            headers: pickHeaders(response.headers, operation.headers),
            ...(operation.binary && { contentType: response.headers.get('Content-Type') ?? '' }),
          } as never;
        }
        retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
        failure = createHttpError({
          status: response.status,
          statusText: response.statusText,
          body: error,
          requestId,
          where,
          settings,
          retryAfterMs,
        });
        retryable = isRetryableStatus(response.status) && isIdempotent(operation.method);
      } catch (cause) {
        if (call.signal?.aborted) throw call.signal.reason;
        if (cause instanceof CompleroError) throw cause;
        const timedOut = link.timedOut();
        const redacted = { cause: redactCause(cause, settings.redact) };
        failure = timedOut
          ? new TimeoutError(`${where} timed out after ${timeoutMs} ms.`, redacted)
          : new ConnectionError(`${where} failed before a response arrived: ${settings.redact(describeCause(cause))}`, redacted);
        retryable = isIdempotent(operation.method) || (!timedOut && neverReachedServer(cause));
      } finally {
        link.release();
      }
      // `undefined` also when the server asks to wait longer than `retryDelay.maxRetryAfterMs`.
      const delay =
        retryable && attempt < maxRetries ? computeRetryDelay({ attempt, retryAfterMs, delay: settings.retryDelay }) : undefined;
      if (delay === undefined) throw failure;
      await sleep(delay, call.signal);
    }
  };
}

function createHttpError(options: {
  status: number;
  statusText: string;
  body: unknown;
  requestId: string | undefined;
  where: string;
  settings: ResolvedOptions;
  retryAfterMs: number | undefined;
}): CompleroError {
  const { status, requestId, settings } = options;
  // The server may echo what it was sent; nothing it says may carry the key into an error.
  const body = typeof options.body === 'string' ? settings.redact(options.body) : redactJson(options.body, settings.redact);
  const detail = typeof body === 'string' ? body.slice(0, 200) : (body as { message?: unknown } | undefined)?.message;
  const message = `${status}${options.statusText ? ` ${options.statusText}` : ''}${detail ? `: ${String(detail)}` : ''} (${options.where}${requestId ? `, request id ${requestId}` : ''})`;
  return new (errorClassForStatus(status))(message, { status, requestId, body, retryAfterMs: options.retryAfterMs });
}

function parseJson(options: {
  text: string | undefined;
  status: number;
  requestId: string | undefined;
  where: string;
  redact: Redact;
}): unknown {
  if (!options.text) return undefined;
  try {
    return JSON.parse(options.text);
  } catch {
    // Redacted before cutting, so no part of the key survives the cut.
    const body = options.redact(options.text);
    throw new CompleroError(
      `${options.where} answered ${options.status} with a body that is not valid JSON: ${JSON.stringify(body.slice(0, 80))}`,
      { status: options.status, requestId: options.requestId, body },
    );
  }
}

function pickHeaders(headers: Headers, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

function describeCause(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } })?.cause;
  const text = cause instanceof Error ? cause.message : String(cause);
  const detail = inner?.code || inner?.message;
  return detail ? `${text} (${detail})` : text;
}
