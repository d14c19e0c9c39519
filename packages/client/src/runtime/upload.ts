import { checkLimits } from './config.js';
import { BulkUploadError, CompleroError, InvalidArgumentError, isRecord } from './errors.js';
import type { Send } from './request.js';
import { neverReachedServer } from './retry.js';
import type { OperationDescriptor, UploadChunk, UploadOptions, UploadResult, WaitOptions } from './types.js';

/** The documented per-request limit of Complero's bulk uploads, when the spec gives no `maxItems`. */
const DEFAULT_CHUNK_SIZE = 1000;

/**
 * Uploads any number of items, one request per chunk, in order. Checks the required fields of
 * every item before sending anything, and stops at the first failed request with a
 * `BulkUploadError` that says what was accepted, what failed and what was not sent.
 */
export async function uploadInChunks<TItem, THeaders, TOperation>(options: {
  send: Send;
  operation: OperationDescriptor;
  items: readonly TItem[];
  call: UploadOptions | undefined;
  waitFor: (operationId: string, wait: WaitOptions | undefined) => Promise<TOperation>;
}): Promise<UploadResult<TItem, THeaders, TOperation>> {
  const { operation, items, call } = options;
  const { upload: { required = [], maxItems: limit = DEFAULT_CHUNK_SIZE } = {} } = operation;
  const where = `${operation.method} ${operation.path}`;
  const size = call?.chunkSize ?? limit;
  if (!Array.isArray(items)) throw new InvalidArgumentError(`${where} takes an array of items, got ${typeof items}.`);
  if (!(Number.isInteger(size) && size > 0 && size <= limit))
    throw new InvalidArgumentError(`chunkSize must be a whole number from 1 to ${limit} (the documented limit), got ${String(size)}.`);
  // Every item's required fields are checked before anything is sent.
  const problems: string[] = [];
  items.forEach((item, index) => {
    if (!isRecord(item)) problems.push(`[${index}] is not an object`);
    else
      for (const field of required) {
        const value = (item as Record<string, unknown>)[field];
        if (value == null || value === '') problems.push(`[${index}].${field} is missing`);
      }
  });
  if (problems.length)
    throw new InvalidArgumentError(
      `Nothing was sent to ${where}: ${problems.slice(0, 10).join(', ')}${problems.length > 10 ? ` and ${problems.length - 10} more` : ''}. Required fields: ${required.join(', ')}.`,
    );
  // `send` checks these too, but here a bad option would pass for a failed chunk.
  checkLimits({ timeoutMs: call?.timeoutMs ?? 0, maxRetries: call?.maxRetries ?? 0 });
  // The generator gives every bulk upload's descriptor its `background`.
  const header = operation.background?.operationId as string;
  const chunks: UploadChunk<TItem, THeaders>[] = [];
  const operationIds: string[] = [];
  for (let start = 0; start < items.length; start += size) {
    const end = start + size;
    const slice = items.slice(start, end);
    try {
      const result = await options.send<undefined, THeaders>(operation, { body: slice }, call);
      const operationId = (result.headers as Record<string, string | undefined>)[header];
      if (!operationId)
        throw new CompleroError(`${where} answered ${result.status} without an ${header} header.`, {
          status: result.status,
          requestId: result.requestId,
        });
      chunks.push({ ...result, operationId, items: slice });
      operationIds.push(operationId);
    } catch (cause) {
      const error = cause instanceof CompleroError ? cause : undefined;
      const status = error?.status ?? 0;
      // A 4xx means the server refused the request as a whole (an invalid argument: it was never sent); after a 5xx, a timeout or a
      // dropped connection it may have stored the items all the same.
      const rejected = (status >= 400 && status < 500) || error instanceof InvalidArgumentError || neverReachedServer(error?.cause);
      throw new BulkUploadError(
        `Bulk upload stopped: ${start ? `${describeItems(0, start)} accepted (operations ${operationIds.join(', ')})` : 'no items were accepted'}; ${describeItems(start, start + slice.length)} ${
          rejected ? 'rejected, not stored' : 'perhaps stored; check the operations before sending again'
        } (${error?.message ?? String(cause)})${end < items.length ? `; ${describeItems(end, items.length)} not sent` : ''}.`,
        {
          status: error?.status,
          requestId: error?.requestId,
          body: error?.body,
          cause,
          accepted: chunks,
          failed: slice,
          failedOutcome: rejected ? 'rejected' : 'unknown',
          notSent: items.slice(end),
        },
      );
    }
  }
  return { operationIds, chunks, wait: (wait) => Promise.all(operationIds.map((id) => options.waitFor(id, wait))) };
}

/** `item 3 was` or `items 3–5 were`: the items from `from` to before `to`, with their verb. */
function describeItems(from: number, to: number): string {
  return to - from === 1 ? `item ${from} was` : `items ${from}–${to - 1} were`;
}
