import { VALIDATION_ERROR_CODE_MEANINGS, type ValidationErrorCode } from '@complero/types';

/** What an error knows about the response (or the attempt) that caused it. */
export interface CompleroErrorInit {
  readonly status?: number;
  readonly requestId?: string;
  readonly body?: unknown;
  readonly cause?: unknown;
  readonly retryAfterMs?: number;
}

/**
 * The base of every error the client throws. Its message, `toString` and `toJSON` never
 * contain the API key: the client redacts it before an error is built.
 */
export class CompleroError extends Error {
  // Each subclass narrows `name` to a literal, so `instanceof` checks narrow in both branches.
  override name: string = 'CompleroError';
  /** The HTTP status, or `undefined` when no response arrived. */
  declare readonly status: number | undefined;
  /** The `Request-Id` of the failed response, if it had one. */
  declare readonly requestId: string | undefined;
  /** The parsed error body (JSON, or the raw text when it was not JSON). */
  declare readonly body: unknown;
  /** How long the server asked to wait before trying again, in ms (its `Retry-After`, usually on 429 and 503). */
  declare readonly retryAfterMs: number | undefined;

  constructor(message: string, init: CompleroErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.requestId = init.requestId;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** A plain, loggable view of the error. */
  toJSON(): { name: string; message: string; status: number | undefined; requestId: string | undefined; body: unknown } {
    return { name: this.name, message: this.message, status: this.status, requestId: this.requestId, body: this.body };
  }
}

/** 400: the request was malformed. */
export class BadRequestError extends CompleroError {
  override name = 'BadRequestError' as const;
}

/** 401: the API key is missing or invalid. */
export class AuthenticationError extends CompleroError {
  override name = 'AuthenticationError' as const;
}

/** 403: the API key may not do this. */
export class ForbiddenError extends CompleroError {
  override name = 'ForbiddenError' as const;
}

/** 404: no such resource. */
export class NotFoundError extends CompleroError {
  override name = 'NotFoundError' as const;
}

/** 410: the resource existed but is no longer available. Terminal: never retried. */
export class GoneError extends CompleroError {
  override name = 'GoneError' as const;
}

/** 413: the request body is too large (for bulk uploads: send fewer items per request). */
export class PayloadTooLargeError extends CompleroError {
  override name = 'PayloadTooLargeError' as const;
}

/** One documented validation problem of one field. */
export interface ValidationIssue {
  /** The documented code, e.g. `v1c002` (required); see `describeValidationErrorCode`. */
  readonly code: ValidationErrorCode;
  readonly message: string;
  /** For bulk uploads: which item the problem belongs to, as the server keyed it. */
  readonly item?: string;
}

/** 422: the server rejected some fields. `validationErrors` maps each field to its problems. */
export class ValidationError extends CompleroError {
  override name = 'ValidationError' as const;
  /** Field name → the problems found with it. */
  declare readonly validationErrors: Readonly<Record<string, readonly ValidationIssue[]>>;

  constructor(message: string, init: CompleroErrorInit = {}) {
    super(message, init);
    this.validationErrors = readValidationErrors(init.body);
  }
}

/** 429: too many requests; `retryAfterMs` says how long the server asked to wait. */
export class RateLimitError extends CompleroError {
  override name = 'RateLimitError' as const;
}

/** 5xx: the server failed. Retried for idempotent methods. */
export class ServerError extends CompleroError {
  override name = 'ServerError' as const;
}

/** No response arrived: DNS, refused or reset connection, CORS. `cause` holds the fetch error (the API key redacted). */
export class ConnectionError extends CompleroError {
  override name = 'ConnectionError' as const;
}

/** A request (or a wait) took longer than its timeout. */
export class TimeoutError extends CompleroError {
  override name = 'TimeoutError' as const;
}

/** The SDK was called with arguments that cannot be sent: nothing went over the network. */
export class InvalidArgumentError extends CompleroError {
  override name = 'InvalidArgumentError' as const;
}

const BY_STATUS: Record<number, typeof CompleroError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: ForbiddenError,
  404: NotFoundError,
  410: GoneError,
  413: PayloadTooLargeError,
  422: ValidationError,
  429: RateLimitError,
};

/** The error class for an HTTP status: the table in the README. */
export function errorClassForStatus(status: number): typeof CompleroError {
  return BY_STATUS[status] ?? (status >= 500 ? ServerError : CompleroError);
}

/** What a documented validation error code means, in the words of the API documentation. */
export function describeValidationErrorCode(code: string): string {
  return (
    (VALIDATION_ERROR_CODE_MEANINGS as Record<string, string>)[code] ??
    `Unknown validation error code '${code}': the API documentation lists ${Object.keys(VALIDATION_ERROR_CODE_MEANINGS).join(', ')}.`
  );
}

/**
 * Reads `validation_errors` in either shape the spec allows: `{ field: { code, message } }`, or
 * per item `{ item: { field: { code, message } } }` (bulk uploads).
 */
function readValidationErrors(body: unknown): Record<string, ValidationIssue[]> {
  const found: Record<string, ValidationIssue[]> = {};
  const add = (field: string, value: unknown, item?: string) => {
    if (!isRecord(value) || typeof value.code !== 'string') return false;
    const issue = {
      code: value.code as ValidationErrorCode,
      message: String(value.message ?? ''),
      ...(item === undefined ? {} : { item }),
    };
    found[field] = [...(found[field] ?? []), issue];
    return true;
  };
  const errors = isRecord(body) && body.validation_errors;
  if (isRecord(errors))
    for (const [key, value] of Object.entries(errors)) {
      if (add(key, value) || !isRecord(value)) continue;
      for (const [field, nested] of Object.entries(value)) add(field, nested, key);
    }
  return found;
}

/** A plain object: not `null`, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A bulk upload stopped part-way. Nothing is lost silently: `accepted` lists the requests the
 * server took (with their operation ids), `failed` the items of the request that failed (see
 * `cause` for why, `failedOutcome` for whether they may be stored), `notSent` the items after it.
 */
export class BulkUploadError<TItem = unknown, TChunk = unknown> extends CompleroError {
  override name = 'BulkUploadError' as const;
  declare readonly accepted: readonly TChunk[];
  declare readonly failed: readonly TItem[];
  /**
   * `'rejected'`: none of the failed items was stored (the server answered 4xx, or the
   * connection was refused before anything was sent); fix them and send them again.
   * `'unknown'`: after a 5xx, a timeout or a dropped connection the server may have stored
   * them; check the operations before sending them again.
   */
  declare readonly failedOutcome: 'rejected' | 'unknown';
  declare readonly notSent: readonly TItem[];

  constructor(
    message: string,
    init: CompleroErrorInit & {
      readonly accepted: readonly TChunk[];
      readonly failed: readonly TItem[];
      /** Defaults to `'unknown'`, the safe assumption. */
      readonly failedOutcome?: 'rejected' | 'unknown';
      readonly notSent: readonly TItem[];
    },
  ) {
    super(message, init);
    this.accepted = init.accepted;
    this.failed = init.failed;
    this.failedOutcome = init.failedOutcome ?? 'unknown';
    this.notSent = init.notSent;
  }
}
