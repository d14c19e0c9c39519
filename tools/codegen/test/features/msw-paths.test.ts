import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toMswPath } from '../../src/emit/msw.js';
import { type FixtureOutput, generateRunnableFixture } from '../support/fixture-output.js';

/**
 * Whether the generated MSW handlers intercept what the generated client sends when paths hold
 * names MSW's path syntax reads differently (`{user-id}`, dots, non-ASCII, spaces, `:`), and
 * whether resolvers get the path parameters under the spec's names. Every operation is called
 * through the client with `onUnhandledRequest: 'error'`, so a handler that misses fails the call.
 */

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Parameter names MSW cannot take as they are, names that collide once made MSW-safe, and literal text a URL encodes. */
const PATH_NAMES = `swagger: "2.0"
info: { title: Path names, version: "1" }
paths:
  /teams/{enterprise-team}/members/{user.name}:
    get:
      operationId: getMember
      parameters:
        - { name: enterprise-team, in: path, required: true, type: string }
        - { name: user.name, in: path, required: true, type: string }
      responses:
        "200": { description: ok }
  /pairs/{a-b}/{a_b}/{a.b}:
    get:
      operationId: getPair
      parameters:
        - { name: a-b, in: path, required: true, type: string }
        - { name: a_b, in: path, required: true, type: string }
        - { name: a.b, in: path, required: true, type: string }
      responses:
        "200": { description: ok }
  /files/{file-name}.{ext}:
    get:
      operationId: getFile
      parameters:
        - { name: file-name, in: path, required: true, type: string }
        - { name: ext, in: path, required: true, type: string }
      responses:
        "200": { description: ok }
  /jobs/{job-id}:cancel:
    post:
      operationId: cancelJob
      parameters:
        - { name: job-id, in: path, required: true, type: string }
      responses:
        "204": { description: cancelled }
  /my files/café/{straße}:
    get:
      operationId: getCafe
      parameters:
        - { name: straße, in: path, required: true, type: string }
      responses:
        "200": { description: ok }
`;

/** How each operation is called, and the path parameters its resolver must see (by the spec's names). */
const CALLS: Record<string, Record<string, { args: unknown[]; params: Record<string, string> }>> = {
  'operation-names': {
    getUsers: { args: [], params: {} },
    getUsers2: { args: [], params: {} },
    delete_: { args: [], params: {} },
    getUsersByUserIdAvatarPng: { args: ['u-1'], params: { 'user-id': 'u-1' } },
    _2faVerify: { args: [{ class: 'c', 'user.name': 'ann' }], params: {} },
  },
  'path-names': {
    getMember: { args: ['core-team', 'ann.lee'], params: { 'enterprise-team': 'core-team', 'user.name': 'ann.lee' } },
    getPair: { args: ['1', '2', '3'], params: { 'a-b': '1', a_b: '2', 'a.b': '3' } },
    getFile: { args: ['report-2024', 'pdf'], params: { 'file-name': 'report-2024', ext: 'pdf' } },
    cancelJob: { args: ['j-7'], params: { 'job-id': 'j-7' } },
    getCafe: { args: ['Hauptstraße 1/2'], params: { straße: 'Hauptstraße 1/2' } },
  },
};

type Method = (...args: unknown[]) => Promise<{ status: number }>;
type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };
type Resolver = (info: { params: Record<string, string> }) => unknown;
type Msw = { createHandlers: (options: { overrides: Record<string, Resolver> }) => unknown[] };
type MatchRequestUrl = (url: URL, path: string) => { matches: boolean; params?: Record<string, unknown> };

let root: string;
const outputs = new Map<string, FixtureOutput>();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-msw-paths-'));
  writeFileSync(path.join(root, 'path-names.yaml'), PATH_NAMES);
  for (const spec of [path.join(FIXTURES, 'operation-names.yaml'), path.join(root, 'path-names.yaml')]) {
    const name = path.basename(spec, '.yaml');
    const output = await generateRunnableFixture({ spec, root });
    outputs.set(name, output);
  }
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let setup: Setup | undefined;

afterEach(() => {
  setup?.close();
  setup = undefined;
});

function fixture(name: string): FixtureOutput {
  const output = outputs.get(name);
  if (!output) throw new Error(`fixture ${name} was not generated`);
  return output;
}

/** msw itself, resolved from a generated msw package so it is the one its handlers use. */
async function importMsw(name: string): Promise<{ setupServer: (...handlers: unknown[]) => Setup; matchRequestUrl: MatchRequestUrl }> {
  const file = path.join(fixture(name).dir, 'msw/src/msw-paths-test-setup.ts');
  writeFileSync(file, "export { setupServer } from 'msw/node';\nexport { matchRequestUrl } from 'msw';\n");
  return import(file);
}

/** Calls every operation of a fixture through its generated client, against its generated handlers. */
async function callEveryOperation(name: string): Promise<{ calls: Record<string, unknown>; seen: Record<string, unknown> }> {
  const seen: Record<string, unknown> = {};
  const operations = fixture(name).model.operations.map((operation) => operation.functionName);
  const overrides = Object.fromEntries(
    operations.map((operation): [string, Resolver] => [
      operation,
      ({ params }) => {
        seen[operation] = { ...params };
        return undefined;
      },
    ]),
  );
  const { setupServer } = await importMsw(name);
  const msw = (await import(path.join(fixture(name).dir, 'msw/src/index.ts'))) as Msw;
  setup = setupServer(...msw.createHandlers({ overrides }));
  setup.listen({ onUnhandledRequest: 'error' });
  const client = (await import(path.join(fixture(name).dir, 'client/src/index.ts'))) as {
    createFixtureClient: (options: { maxRetries: number }) => { default: Record<string, Method> };
  };
  const methods = client.createFixtureClient({ maxRetries: 0 }).default;
  const calls: Record<string, unknown> = {};
  for (const operation of operations) {
    const call = CALLS[name]?.[operation];
    const method = methods[operation];
    if (!call || !method) throw new Error(`${name}: no call or no client method for ${operation}`);
    const result = await method(...call.args).catch((error: Error) => error);
    calls[operation] = result instanceof Error ? `${result.name}: ${result.message}` : result.status >= 200 && result.status < 300;
  }
  return { calls, seen };
}

const expected = (name: string, pick: 'ok' | 'params') =>
  Object.fromEntries(Object.entries(CALLS[name] ?? {}).map(([operation, call]) => [operation, pick === 'ok' ? true : call.params]));

describe('the generated MSW handlers of paths with names MSW reads differently', () => {
  it('answer every operation of the operation-names fixture with 2xx, giving resolvers the params under the spec names', async () => {
    const { calls, seen } = await callEveryOperation('operation-names');
    expect({ calls, seen }).toStrictEqual({ calls: expected('operation-names', 'ok'), seen: expected('operation-names', 'params') });
  });

  it('answer dashed, dotted, colliding and non-ASCII parameters, partial segments and encoded literals alike', async () => {
    const { calls, seen } = await callEveryOperation('path-names');
    expect({ calls, seen }).toStrictEqual({ calls: expected('path-names', 'ok'), seen: expected('path-names', 'params') });
  });

  it('say which spec name each renamed MSW parameter stands for, and only where one was renamed', async () => {
    const { MOCK_OPERATIONS } = (await import(path.join(fixture('operation-names').dir, 'msw/src/generated/operations.ts'))) as {
      MOCK_OPERATIONS: { mswPath: string; mswParams?: unknown }[];
    };
    expect(MOCK_OPERATIONS.map(({ mswPath, mswParams }) => ({ mswPath, mswParams }))).toStrictEqual([
      { mswPath: '/people', mswParams: undefined },
      { mswPath: '/users', mswParams: undefined },
      { mswPath: '/users', mswParams: undefined },
      { mswPath: '/users/:user_id/avatar.png', mswParams: { user_id: 'user-id' } },
      { mswPath: '/v2/%C3%BCn%C3%AFcode', mswParams: undefined },
    ]);
  });
});

describe("toMswPath against MSW's own matcher", () => {
  /** Whether MSW matches the URL `fetch` would send for this path template and these values, and the params it reads. */
  async function match(options: { template: string; values: Record<string, string> }): Promise<unknown> {
    const { matchRequestUrl } = await importMsw('operation-names');
    const route = toMswPath(options.template);
    const sent = options.template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(options.values[name] ?? ''));
    const result = matchRequestUrl(new URL(`https://api.example.com/v1${sent}`), `https://api.example.com/v1${route.path}`);
    const params = route.params
      ? Object.fromEntries(Object.entries(route.params).map(([mswName, specName]) => [specName, result.params?.[mswName]]))
      : { ...result.params };
    return { matches: result.matches, params };
  }

  it('matches literal text with spaces, quotes, brackets, percent signs and non-ASCII as the URL parser encodes it', async () => {
    expect(await match({ template: '/a b/"q"/[x]/100%/ünï/{id}', values: { id: 'i 1' } })).toStrictEqual({
      matches: true,
      params: { id: 'i 1' },
    });
  });

  it("matches literal text holding MSW's special characters : + ( ) * |", async () => {
    expect(await match({ template: '/v1/{name}:cancel/a(b)+c/x*y|z', values: { name: 'n-1' } })).toStrictEqual({
      matches: true,
      params: { name: 'n-1' },
    });
  });

  it('tells a parameter from the literal word characters after it, and colliding names apart', async () => {
    expect(
      await match({ template: '/v{version}x/{a-b}_{a_b}/{a.b}', values: { version: '2', 'a-b': 'p', a_b: 'q', 'a.b': 'r' } }),
    ).toStrictEqual({
      matches: true,
      params: { version: '2', 'a-b': 'p', a_b: 'q', 'a.b': 'r' },
    });
  });

  it('does not match another path that only differs after the dash of a parameter name', async () => {
    const { matchRequestUrl } = await importMsw('operation-names');
    const pattern = `https://api.example.com${toMswPath('/users/{user-id}/avatar.png').path}`;
    expect(matchRequestUrl(new URL('https://api.example.com/users/u-1/other.png'), pattern).matches).toStrictEqual(false);
  });
});
