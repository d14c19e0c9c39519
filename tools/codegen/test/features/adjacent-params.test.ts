import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toMswPath } from '../../src/emit/msw.js';
import { type FixtureOutput, generateRunnableFixture } from '../support/fixture-output.js';

/**
 * A path with two parameters and no text between them (`/adj/{a}{b}`) is valid OpenAPI, but
 * MSW's path-to-regexp throws "Must have text between two parameters" while matching, on every
 * request, so one such operation made every handler of the set answer 500. These tests serve the
 * generated handlers with `onUnhandledRequest: 'error'` and call them through the generated client.
 */

const ADJACENT = `swagger: "2.0"
info: { title: Adjacent, version: "1" }
paths:
  /adj/{a}{b}:
    get:
      operationId: getAdjacent
      parameters:
        - { name: a, in: path, required: true, type: string }
        - { name: b, in: path, required: true, type: string }
      responses:
        "200": { description: ok, schema: { type: object, properties: { id: { type: string } } } }
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - { name: id, in: path, required: true, type: string }
      responses:
        "200": { description: ok, schema: { type: object, properties: { id: { type: string } } } }
`;

type Result = { status: number; data?: unknown };
type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };
type Resolver = (info: { params: Record<string, string> }) => unknown;
type Msw = { createHandlers: (options: { overrides: Record<string, Resolver> }) => unknown[] };
type Client = {
  getAdjacent: (a: string, b: string) => Promise<Result>;
  getThing: (id: string) => Promise<Result>;
};
type MatchRequestUrl = (url: URL, path: string) => { matches: boolean; params?: Record<string, unknown> };

let root: string;
let output: FixtureOutput;
let setup: Setup | undefined;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-adjacent-'));
  writeFileSync(path.join(root, 'adjacent.yaml'), ADJACENT);
  output = await generateRunnableFixture({ spec: path.join(root, 'adjacent.yaml'), root });
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  setup?.close();
  setup = undefined;
});

/** msw itself, resolved from the generated msw package so it is the one its handlers use. */
async function importMsw(): Promise<{ setupServer: (...handlers: unknown[]) => Setup; matchRequestUrl: MatchRequestUrl }> {
  const file = path.join(output.dir, 'msw/src/adjacent-test-setup.ts');
  writeFileSync(file, "export { setupServer } from 'msw/node';\nexport { matchRequestUrl } from 'msw';\n");
  return import(file);
}

/** Serves the generated handlers, each resolver answering with the params it got, and returns the generated client. */
async function serve(): Promise<Client> {
  const echo: Resolver = ({ params }) => ({ id: JSON.stringify(params) });
  const { setupServer } = await importMsw();
  const msw = (await import(path.join(output.dir, 'msw/src/index.ts'))) as Msw;
  setup = setupServer(...msw.createHandlers({ overrides: { getAdjacent: echo, getThing: echo } }));
  setup.listen({ onUnhandledRequest: 'error' });
  const client = (await import(path.join(output.dir, 'client/src/index.ts'))) as {
    createFixtureClient: (options: { maxRetries: number }) => { default: Client };
  };
  return client.createFixtureClient({ maxRetries: 0 }).default;
}

describe('the generated mocks of an operation with adjacent path parameters', () => {
  it('answer it with 2xx, giving the resolver its parameters under the spec names', async () => {
    const client = await serve();
    const result = await client.getAdjacent('x', 'yz');
    expect({ status: result.status, data: result.data }).toStrictEqual({ status: 200, data: { id: '{"a":"x","b":"yz"}' } });
  });

  it('leave the ordinary operation of the same set unaffected', async () => {
    const client = await serve();
    const result = await client.getThing('t-1');
    expect({ status: result.status, data: result.data }).toStrictEqual({ status: 200, data: { id: '{"id":"t-1"}' } });
  });

  it('describe the adjacent parameters as one MSW parameter split among the spec names', async () => {
    const { MOCK_OPERATIONS } = (await import(path.join(output.dir, 'msw/src/generated/operations.ts'))) as {
      MOCK_OPERATIONS: { mswPath: string; mswParams?: unknown; mswSplits?: unknown }[];
    };
    expect(MOCK_OPERATIONS.map(({ mswPath, mswParams, mswSplits }) => ({ mswPath, mswParams, mswSplits }))).toStrictEqual([
      { mswPath: '/adj/:a__b', mswParams: {}, mswSplits: { a__b: ['a', 'b'] } },
      { mswPath: '/things/:id', mswParams: undefined, mswSplits: undefined },
    ]);
  });
});

describe('toMswPath of adjacent parameters', () => {
  it('makes one MSW parameter of two adjacent ones and says which spec names share it', () => {
    expect(toMswPath('/adj/{a}{b}')).toStrictEqual({ path: '/adj/:a__b', params: {}, splits: { a__b: ['a', 'b'] } });
  });

  it('keeps the other parameters of the path, and ends the joined one before word characters', () => {
    expect(toMswPath('/x/{id}/{a}{b-c}{d}v1/{e}')).toStrictEqual({
      path: '/x/:id/{:a__b_c__d}v1/:e',
      params: { id: 'id', e: 'e' },
      splits: { a__b_c__d: ['a', 'b-c', 'd'] },
    });
  });

  it('gives the joined parameter a name no spec parameter of the path has', () => {
    expect(toMswPath('/{a__b}/{a}{b}')).toStrictEqual({ path: '/:a__b/:a__b_2', params: { a__b: 'a__b' }, splits: { a__b_2: ['a', 'b'] } });
  });

  it('treats literal text the URL parser drops (a tab) as no text between parameters', () => {
    expect(toMswPath('/adj/{a}\t{b}')).toStrictEqual({ path: '/adj/:a__b', params: {}, splits: { a__b: ['a', 'b'] } });
  });

  it("gives a path MSW's own matcher accepts and matches", async () => {
    const { matchRequestUrl } = await importMsw();
    const result = matchRequestUrl(
      new URL('https://api.example.com/x/7/pqrv1/e'),
      `https://api.example.com${toMswPath('/x/{id}/{a}{b-c}{d}v1/{e}').path}`,
    );
    expect({ matches: result.matches, params: { ...result.params } }).toStrictEqual({
      matches: true,
      params: { id: '7', a__b_c__d: 'pqr', e: 'e' },
    });
  });
});
