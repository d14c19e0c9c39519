/** A query parameter problem, answered with a 400 that names the parameter. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

/** The most items one page may hold, as the API documents ("1000 events per page"). */
export const MAX_PAGE_SIZE = 1000;

/** Reads `limit`: a whole number in 1…1000, default 1000. */
export function readLimit(options: { query: URLSearchParams; parameter: string | undefined }): number {
  const raw = options.parameter ? options.query.get(options.parameter) : null;
  if (raw === null || raw === '') return MAX_PAGE_SIZE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new QueryError(`query parameter ${options.parameter} must be a whole number from 1 to ${MAX_PAGE_SIZE}, got '${raw}'`);
  }
  return limit;
}

/** Reads an ISO 8601 time parameter (`from`, `to`) as epoch milliseconds, or undefined when absent. */
export function readTime(options: { query: URLSearchParams; parameter: string }): number | undefined {
  const raw = options.query.get(options.parameter);
  if (raw === null || raw === '') return undefined;
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time))
    throw new QueryError(`query parameter ${options.parameter} must be an ISO 8601 time such as 2024-09-17T09:19:04Z, got '${raw}'`);
  return time;
}

/** Reads a repeatable, comma-separable enum filter (`type=update&type=confirm` or `type=update,confirm`). */
export function readEnumFilter(options: {
  query: URLSearchParams;
  parameter: string;
  allowed: readonly string[];
}): ReadonlySet<string> | undefined {
  const values = options.query
    .getAll(options.parameter)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (values.length === 0) return undefined;
  const unknown = values.find((value) => !options.allowed.includes(value));
  if (unknown !== undefined) {
    throw new QueryError(`query parameter ${options.parameter} must be one of ${options.allowed.join(', ')}, got '${unknown}'`);
  }
  return new Set(values);
}

/** The opaque cursor of the page starting at `offset`. */
export function encodeCursor(offset: number): string {
  return btoa(`offset:${offset}`).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/**
 * Reads a cursor made by `encodeCursor` back into an offset (0 when absent). The cursor the spec
 * documents as the parameter's example (`exampleCursor`) reads as the first page: someone trying
 * the documented example request should get data, not a 400.
 */
export function readCursor(options: { query: URLSearchParams; parameter: string; exampleCursor?: unknown }): number {
  const raw = options.query.get(options.parameter);
  if (raw === null || raw === '' || raw === options.exampleCursor) return 0;
  let decoded = '';
  try {
    decoded = atob(raw.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    decoded = '';
  }
  const match = /^offset:(\d+)$/.exec(decoded);
  if (!match)
    throw new QueryError(
      `query parameter ${options.parameter} is not a cursor this API gave out: use the Next-Cursor header of the previous page`,
    );
  return Number(match[1]);
}

/** One page of items, and the headers that point at the next page when there is one. */
export function paginate<T>(options: {
  items: readonly T[];
  offset: number;
  limit: number;
  requestUrl: string;
  pagination: { readonly cursorParameter: string; readonly nextCursorHeader: string; readonly nextLinkHeader?: string };
}): { page: T[]; headers: Record<string, string> } {
  const { items, offset, limit, pagination } = options;
  const page = items.slice(offset, offset + limit);
  if (offset + limit >= items.length) return { page, headers: {} };
  const cursor = encodeCursor(offset + limit);
  const link = new URL(options.requestUrl);
  link.searchParams.set(pagination.cursorParameter, cursor);
  return {
    page,
    headers: {
      [pagination.nextCursorHeader]: cursor,
      ...(pagination.nextLinkHeader ? { [pagination.nextLinkHeader]: link.toString() } : {}),
    },
  };
}
