import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BulkUploadError, CompleroError } from '../src/runtime/errors.js';
import { iteratePages } from '../src/runtime/pagination.js';
import type { RequestInput, Send, Sent } from '../src/runtime/request.js';
import type { OperationDescriptor } from '../src/runtime/types.js';
import { uploadInChunks } from '../src/runtime/upload.js';

const LIST: OperationDescriptor = {
  method: 'GET',
  path: '/items',
  auth: false,
  headers: ['Next-Cursor'],
  pagination: { cursor: 'cursor', nextCursor: 'Next-Cursor' },
};
const UPLOAD: OperationDescriptor = {
  method: 'POST',
  path: '/items',
  auth: false,
  headers: ['Operation-Id'],
  background: { operationId: 'Operation-Id' },
  upload: { required: [], maxItems: 50 },
};

/** A `send` that answers from memory and records every input; it never touches the network. */
function fakeSend(answer: (input: RequestInput, call: number) => { data?: unknown; headers: Record<string, string> }): {
  send: Send;
  inputs: RequestInput[];
} {
  const inputs: RequestInput[] = [];
  const send = (async (_operation: OperationDescriptor, input: RequestInput) => {
    inputs.push(input);
    const { data, headers } = answer(input, inputs.length - 1);
    return { data, headers, status: 200, requestId: `req-${inputs.length}`, contentType: 'application/json' } satisfies Sent<
      unknown,
      unknown
    >;
  }) as Send;
  return { send, inputs };
}

// test/properties.test.ts checks, through a real server, that pages and chunks lose and repeat
// nothing on the happy path; these are the edges: a server that loops, a chunk that fails.
describe('iteratePages, on a server that repeats a cursor', () => {
  it('stops with an error instead of repeating a page when the server sends a cursor twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer(), { minLength: 1, maxLength: 5 }), fc.string({ minLength: 1 }), async (page, cursor) => {
        const { send } = fakeSend(() => ({ data: page, headers: { 'Next-Cursor': cursor } }));
        const seen: unknown[] = [];
        await expect(async () => {
          for await (const item of iteratePages({ send, operation: LIST, input: {}, call: undefined })) seen.push(item);
        }).rejects.toBeInstanceOf(CompleroError);
        // The first page, then the page behind the cursor once: never a third time.
        expect(seen).toStrictEqual([...page, ...page]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('uploadInChunks, when any chunk fails', () => {
  it('accounts for every item when a chunk fails: accepted, failed and not sent, nothing lost or doubled', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.nat() }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(),
        async (items, chunkSize, failAt) => {
          const failing = failAt % Math.ceil(items.length / chunkSize);
          const { send } = fakeSend((_input, call) => {
            if (call === failing) throw new CompleroError('the server broke', { status: 500, requestId: `req-${call}` });
            return { headers: { 'Operation-Id': `op-${call}` } };
          });
          const error = await uploadInChunks({ send, operation: UPLOAD, items, call: { chunkSize }, waitFor: async (id) => id }).catch(
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(BulkUploadError);
          const { accepted, failed, notSent } = error as BulkUploadError<{ id: number }, { items: readonly { id: number }[] }>;
          expect([...accepted.flatMap((chunk) => chunk.items), ...failed, ...notSent]).toStrictEqual(items);
          expect(accepted).toHaveLength(failing);
        },
      ),
      { numRuns: 200 },
    );
  });
});
