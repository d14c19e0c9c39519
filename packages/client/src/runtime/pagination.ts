import { CompleroError } from './errors.js';
import type { RequestInput, Send } from './request.js';
import type { OperationDescriptor, Page, RequestOptions } from './types.js';

/** Fetches one page of a cursor-paginated operation. */
export async function fetchPage<TItem, THeaders>(options: {
  send: Send;
  operation: OperationDescriptor;
  input: RequestInput;
  call: RequestOptions | undefined;
}): Promise<Page<TItem, THeaders>> {
  const { operation } = options;
  const result = await options.send<TItem[] | undefined, THeaders>(operation, options.input, options.call);
  // The generator gives every paginated operation's descriptor its `pagination`.
  const next = (result.headers as Record<string, string | undefined>)[operation.pagination?.nextCursor as string];
  return { ...result, data: result.data ?? [], nextCursor: next || undefined };
}

/**
 * Every item of every page, in order: follows the next-cursor header until a page has none.
 * A cursor the server already sent would loop forever, so it stops with an error instead.
 */
export async function* iteratePages<TItem>(options: {
  send: Send;
  operation: OperationDescriptor;
  input: RequestInput;
  call: RequestOptions | undefined;
}): AsyncGenerator<TItem, void, undefined> {
  const { operation, input } = options;
  const seen = new Set<string>();
  let query = input.query as Record<string, unknown> | undefined;
  for (;;) {
    const page = await fetchPage<TItem, unknown>({ ...options, input: { ...input, query } });
    yield* page.data;
    const cursor = page.nextCursor;
    if (cursor === undefined) return;
    if (seen.has(cursor))
      throw new CompleroError(`${operation.path} sent the cursor ${JSON.stringify(cursor)} twice; stopping instead of looping forever.`, {
        status: page.status,
        requestId: page.requestId,
      });
    seen.add(cursor);
    query = { ...query, [operation.pagination?.cursor as string]: cursor };
  }
}
