import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompleroClient } from '../src/index.js';
import { bodyOf, type ReceivedRequest, useTestServers } from './support/server.js';

const startServer = useTestServers();

/** A real server whose answers come from whatever the current property run put in `state`. */
async function startSwitchableServer<TState>(answer: (options: { state: TState; request: ReceivedRequest }) => object) {
  const holder: { state?: TState } = {};
  const server = await startServer((request) => answer({ state: holder.state as TState, request }));
  return {
    server,
    /** Starts a property run: new state, a fresh request log. */
    use(state: TState) {
      holder.state = state;
      server.requests.length = 0;
    },
  };
}

/** Event ids may repeat across pages: the iterator must still yield each position exactly once. */
const pagesArbitrary = fc.array(fc.array(fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5'), { maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('pagination properties', () => {
  it('iterate yields every item of every page once, in order, whatever the pages hold', async () => {
    const { server, use } = await startSwitchableServer<string[][]>(({ state: pages, request }) => {
      const cursor = new URL(request.url, 'http://localhost').searchParams.get('cursor');
      const index = cursor === null ? 0 : Number(cursor.slice('page-'.length));
      const next = index + 1 < pages.length ? { 'Next-Cursor': `page-${index + 1}` } : {};
      return { json: pages[index]!.map((id) => ({ event_id: id })), headers: next };
    });
    const complero = createCompleroClient({ apiKey: 'k', baseUrl: server.baseUrl });
    await fc.assert(
      fc.asyncProperty(pagesArbitrary, async (pages) => {
        use(pages);
        const seen: (string | undefined)[] = [];
        for await (const event of complero.events.iterate({ type: 'update' })) seen.push(event.event_id);
        expect(seen).toStrictEqual(pages.flat());
        expect(server.requests).toHaveLength(pages.length);
      }),
      { numRuns: 40 },
    );
  });
});

// At most 12 requests per run keeps the suite quick, while sizes still cover 1 to the 1000-item limit and lists up to 2500.
const uploadArbitrary = fc
  .integer({ min: 1, max: 1000 })
  .chain((chunkSize) => fc.tuple(fc.constant(chunkSize), fc.integer({ min: 0, max: Math.min(2500, chunkSize * 12) })));

describe('upload chunking properties', () => {
  it('sends every item exactly once, in order, in chunks of at most chunkSize, one operation per chunk', async () => {
    const { server, use } = await startSwitchableServer<null>(({ request }) => ({
      status: 202,
      headers: { 'Operation-Id': `op_${(bodyOf(request) as { id: string }[])[0]?.id}` },
    }));
    const complero = createCompleroClient({ apiKey: 'k', baseUrl: server.baseUrl });
    await fc.assert(
      fc.asyncProperty(uploadArbitrary, async ([chunkSize, count]) => {
        use(null);
        const items = Array.from({ length: count }, (_, index) => ({ id: `c${index}`, first_name: 'Max', last_name: 'Muster' }));
        const upload = await complero.contacts.upload(items, { chunkSize });
        const sent = server.requests.map((request) => bodyOf(request) as typeof items);
        expect(sent.flat()).toStrictEqual(items);
        expect(sent.every((body) => body.length >= 1 && body.length <= chunkSize)).toStrictEqual(true);
        expect(sent).toHaveLength(Math.ceil(count / chunkSize));
        expect(upload.chunks.flatMap((chunk) => chunk.items)).toStrictEqual(items);
        expect(upload.operationIds).toStrictEqual(sent.map((body) => `op_${body[0]?.id}`));
      }),
      { numRuns: 30 },
    );
  }, 30_000);
});
