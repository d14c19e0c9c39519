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

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe('iteratePages, on any sequence of pages', () => {
  it('yields every item of every page exactly once, in order, and asks for each cursor once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.anything(), { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 12, maxLength: 12 }),
        async (pages, cursors) => {
          // Page i is reached with cursors[i - 1]; the last page sends no cursor.
          const { send, inputs } = fakeSend((input) => {
            const cursor = (input.query as { cursor?: string } | undefined)?.cursor;
            const index = cursor === undefined ? 0 : cursors.indexOf(cursor) + 1;
            const next: Record<string, string> = index < pages.length - 1 ? { 'Next-Cursor': cursors[index] as string } : {};
            return { data: pages[index], headers: next };
          });
          const items = await collect(iteratePages({ send, operation: LIST, input: { query: { limit: 5 } }, call: undefined }));
          expect(items).toStrictEqual(pages.flat());
          expect(inputs.map((input) => (input.query as { cursor?: string }).cursor)).toStrictEqual([
            undefined,
            ...cursors.slice(0, pages.length - 1),
          ]);
          expect(inputs.every((input) => (input.query as { limit?: number }).limit === 5)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

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

describe('uploadInChunks, on any items and chunk size', () => {
  it('sends every item exactly once, in order, in chunks of at most the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.nat() }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        async (items, chunkSize) => {
          const { send, inputs } = fakeSend((_input, call) => ({ headers: { 'Operation-Id': `op-${call}` } }));
          const result = await uploadInChunks({ send, operation: UPLOAD, items, call: { chunkSize }, waitFor: async (id) => id });
          const bodies = inputs.map((input) => input.body as unknown[]);
          expect(bodies.flat()).toStrictEqual(items);
          expect(bodies.every((body) => body.length >= 1 && body.length <= chunkSize)).toBe(true);
          expect(bodies).toHaveLength(Math.ceil(items.length / chunkSize));
          expect(result.chunks.flatMap((chunk) => chunk.items)).toStrictEqual(items);
          expect(result.operationIds).toStrictEqual(bodies.map((_, index) => `op-${index}`));
        },
      ),
      { numRuns: 200 },
    );
  });

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
