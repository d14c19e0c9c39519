import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/index.js';
import { createCore } from '../src/runtime/core.js';
import type { OperationDescriptor } from '../src/runtime/types.js';
import { useTestServers } from './support/server.js';

const startServer = useTestServers();

/** A client core for descriptors of another API: what a generated resource method calls. */
function createTestCore(baseUrl: string) {
  return createCore<Record<string, never>>({
    client: { baseUrl },
    operations: [],
    apiKey: undefined,
    defaultBaseUrl: baseUrl,
    requestIdHeader: 'Request-Id',
  });
}

const listItems = (pathStyles?: OperationDescriptor['pathStyles']): OperationDescriptor => ({
  method: 'GET',
  path: '/items/{ids}',
  auth: false,
  headers: [],
  ...(pathStyles ? { pathStyles } : {}),
});

describe('array and styled path parameters', () => {
  it('joins the items of a simple (csv) array with commas, each item percent-encoded', async () => {
    const server = await startServer(() => ({ json: [] }));
    await createTestCore(server.baseUrl).call(listItems(), { path: { ids: [1, 'a,b', '../x'] } });
    expect(server.requests[0]?.url).toStrictEqual('/v1/items/1,a%2Cb,..%2Fx');
  });

  it.each([
    ['a space-delimited (ssv) array', { ids: ['', '%20'] }, '/v1/items/1%202'],
    ['a pipe-delimited array', { ids: ['', '%7C'] }, '/v1/items/1%7C2'],
    ['a label array', { ids: ['.', ','] }, '/v1/items/.1,2'],
    ['an exploded matrix array', { ids: [';ids=', ';ids='] }, '/v1/items/;ids=1;ids=2'],
  ] as const)('writes %s as its descriptor says', async (_what, pathStyles, url) => {
    const server = await startServer(() => ({ json: [] }));
    await createTestCore(server.baseUrl).call(listItems(pathStyles), { path: { ids: [1, 2] } });
    expect(server.requests[0]?.url).toStrictEqual(url);
  });

  it.each([
    [[], '[]'],
    [['..'], '[".."]'],
    [[{ id: 1 }], '[{"id":1}]'],
  ])('refuses the array %j before sending, saying what it got', async (ids, shown) => {
    const server = await startServer(() => ({ json: [] }));
    const error = await createTestCore(server.baseUrl)
      .call(listItems(), { path: { ids: ids as never } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toStrictEqual(
      `Path parameter 'ids' of ${server.baseUrl}/items/{ids} is ${shown}: expected a string, a number or an array of them, not empty, '.' or '..' (those would call another endpoint).`,
    );
    expect(server.requests).toStrictEqual([]);
  });
});

describe('header parameters', () => {
  it('sends the spec header parameters, which win over per-call headers of the same name', async () => {
    const server = await startServer(() => ({ json: [] }));
    await createTestCore(server.baseUrl).call(
      listItems(),
      { path: { ids: 'x' }, header: { 'X-Tags': 'a', 'X-Limit': 5 } },
      { headers: { 'X-Tags': 'from options', 'X-Other': 'kept' } },
    );
    const headers = server.requests[0]?.headers;
    expect([headers?.['x-tags'], headers?.['x-limit'], headers?.['x-other']]).toStrictEqual(['a', '5', 'kept']);
  });
});
