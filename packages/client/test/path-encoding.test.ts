import { describe, expect, it } from 'vitest';
import { createCompleroClient, InvalidArgumentError } from '../src/index.js';
import { useTestServers } from './support/server.js';

const startServer = useTestServers();

describe('path parameters', () => {
  it.each([
    ['a/b', '/v1/contacts/a%2Fb'],
    ['../operations', '/v1/contacts/..%2Foperations'],
    ['x?admin=1', '/v1/contacts/x%3Fadmin%3D1'],
    ['x#frag', '/v1/contacts/x%23frag'],
    ['%2F', '/v1/contacts/%252F'],
    ['%2e%2e', '/v1/contacts/%252e%252e'],
    ['Max Mustermann', '/v1/contacts/Max%20Mustermann'],
    ['Jürgen-😀', '/v1/contacts/J%C3%BCrgen-%F0%9F%98%80'],
    ['...', '/v1/contacts/...'],
    ['.hidden', '/v1/contacts/.hidden'],
    ['a\\b', '/v1/contacts/a%5Cb'],
  ])('sends the id %j to exactly %s', async (id, url) => {
    const server = await startServer(() => ({ json: { id } }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const { data } = await complero.contacts.get(id);
    expect([server.requests[0]?.method, server.requests[0]?.url, data]).toStrictEqual(['GET', url, { id }]);
  });

  it.each(['.', '..', ''])('refuses the id %j, which would reach another endpoint, before sending', async (id) => {
    const server = await startServer(() => ({ json: {} }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const error = await complero.contacts.delete(id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toBe(
      `Path parameter 'id' of ${server.baseUrl}/contacts/{id} is ${JSON.stringify(id)}: expected a string, a number or an array of them, not empty, '.' or '..' (those would call another endpoint).`,
    );
    expect(server.requests.length).toBe(0);
  });

  it('keeps every segment of a two-parameter path in place', async () => {
    const server = await startServer(() => ({ status: 204 }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await complero.documentation.get('a/../b', '?#');
    expect(server.requests[0]?.url).toBe('/v1/documentation/a%2F..%2Fb/%3F%23');
    await expect(complero.documentation.get('K-1', '..')).rejects.toThrow(InvalidArgumentError);
  });

  it('protects raw calls the same way', async () => {
    const server = await startServer(() => ({ json: {} }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    await complero.raw.GET('/operations/{id}', { params: { path: { id: 'op/1' } } });
    expect(server.requests[0]?.url).toBe('/v1/operations/op%2F1');
    await expect(complero.raw.GET('/operations/{id}', { params: { path: { id: '..' } } })).rejects.toThrow(InvalidArgumentError);
    expect(server.requests.length).toBe(1);
  });
});
