/**
 * The next page's cursor from a page's response headers, or `undefined` on the last page (the
 * header is absent or empty). `undefined` is what tells TanStack Query there is no next page.
 */
export function readNextCursor(options: { headers: object; header: string }): string | undefined {
  const wanted = options.header.toLowerCase();
  for (const [name, value] of Object.entries(options.headers)) {
    if (name.toLowerCase() === wanted && typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** A list query's parameters with the cursor added only when there is one: the first page sends none. */
export function withCursor<TQuery extends object>(options: {
  query: TQuery | undefined;
  parameter: string;
  cursor: string | undefined;
}): TQuery {
  const query = { ...options.query } as Record<string, unknown>;
  delete query[options.parameter];
  if (options.cursor !== undefined) query[options.parameter] = options.cursor;
  return query as TQuery;
}
