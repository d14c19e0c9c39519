import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureOutput, generateRunnableFixture } from '../support/fixture-output.js';
import { REPO_ROOT } from '../support/repo.js';
import { typeCheckPackages } from '../support/type-check.js';

/**
 * What the generated clients of the feature fixtures put on the wire — query arrays, form bodies,
 * header and cookie parameters — seen by a real HTTP server on 127.0.0.1, and whether the
 * fixtures' generated MSW handlers answer those same requests.
 */

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NAMES = ['collection-format', 'form-data', 'header-cookie-path-level-params', 'openapi3-composition', 'operation-names'];

/** A generated client's methods, called as a user would (the fixtures' types are checked by swagger-features.test.ts). */
type Method = (...args: unknown[]) => Promise<{ status: number; data: unknown }>;
type FixtureClient = { readonly default: Record<string, Method> } & Record<string, unknown>;

/** A form whose array field says no `collectionFormat`: Swagger 2.0's default is csv. */
const FORM_DEFAULTS = `swagger: "2.0"
info: { title: Form defaults, version: "1" }
paths:
  /tags:
    post:
      operationId: setTags
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - { name: ids, in: formData, type: array, items: { type: integer } }
      responses:
        "204": { description: set }
`;

let root: string;
const outputs = new Map<string, FixtureOutput>();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-wire-'));
  writeFileSync(path.join(root, 'form-defaults.yaml'), FORM_DEFAULTS);
  for (const name of [...NAMES, 'form-defaults']) {
    const spec = name === 'form-defaults' ? path.join(root, `${name}.yaml`) : path.join(FIXTURES, `${name}.yaml`);
    const output = await generateRunnableFixture({ spec, root });
    outputs.set(name, output);
  }
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function fixture(name: string): FixtureOutput {
  const output = outputs.get(name);
  if (!output) throw new Error(`fixture ${name} was not generated`);
  return output;
}

async function loadClient(options: { name: string; baseUrl?: string }): Promise<FixtureClient> {
  const module = (await import(path.join(fixture(options.name).dir, 'client/src/index.ts'))) as {
    createFixtureClient: (options: { baseUrl?: string; maxRetries?: number }) => FixtureClient;
  };
  return module.createFixtureClient({ ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), maxRetries: 0 });
}

/** A request as the server received it: the URL exactly as sent, the headers and the raw bytes. */
interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const servers: { close: () => void }[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A real server on 127.0.0.1 that records every request and answers `200 []`. */
async function startRecorder(): Promise<{ baseUrl: string; requests: Received[] }> {
  const requests: Received[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      requests.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests };
}

/** The parts of a received multipart body, parsed from its bytes. */
async function parseMultipart(request: Received | undefined): Promise<FormData> {
  if (!request) throw new Error('no request arrived');
  return new Response(new Uint8Array(request.body), { headers: { 'Content-Type': String(request.headers['content-type']) } }).formData();
}

describe('operation descriptors', () => {
  /** The generated descriptor line of one operation. */
  const descriptorOf = (options: { name: string; id: string }) =>
    fixture(options.name)
      .read('client/src/generated/operations.ts')
      .split('\n')
      .find((line) => line.startsWith(`export const ${options.id}: `));

  it('carry query delimiters, the body media type and joined form fields only where they differ from the defaults', () => {
    expect([
      descriptorOf({ name: 'collection-format', id: 'listItems' }),
      descriptorOf({ name: 'form-data', id: 'logIn' }),
      descriptorOf({ name: 'form-data', id: 'uploadFile' }),
      descriptorOf({ name: 'openapi3-composition', id: 'listShapes' }),
    ]).toStrictEqual([
      "export const listItems: OperationDescriptor = { method: 'GET', path: '/items/{ids}', auth: false, headers: [], query: { csv: ',', ssv: '%20', tsv: '%09', pipes: '|', plain: ',' } };",
      "export const logIn: OperationDescriptor = { method: 'POST', path: '/login', auth: false, headers: [], mediaType: 'application/x-www-form-urlencoded', form: { scopes: ',' } };",
      "export const uploadFile: OperationDescriptor = { method: 'POST', path: '/upload', auth: false, headers: [], mediaType: 'multipart/form-data' };",
      "export const listShapes: OperationDescriptor = { method: 'GET', path: '/shapes', auth: false, headers: [] };",
    ]);
  });

  it('stay as they were for the Complero API, whose bodies are JSON and query parameters single values', () => {
    const complero = readFileSync(path.join(REPO_ROOT, 'packages/client/src/generated/operations.ts'), 'utf8');
    expect(complero.match(/\b(query|mediaType|form): /g)).toStrictEqual(null);
  });
});

describe('collectionFormat of query arrays', () => {
  it('joins csv with commas, ssv with %20, tsv with %09 and pipes with |, repeats multi, and encodes every item', async () => {
    const server = await startRecorder();
    const client = await loadClient({ name: 'collection-format', baseUrl: server.baseUrl });
    await client.default.listItems?.([1, 2], {
      query: { csv: ['a,b', 'c'], ssv: ['a b', 'c'], tsv: ['a', 'b'], pipes: ['a|b', 'c'], multi: ['a', 'b'], plain: ['x', 'y'] },
      header: { 'X-Tags': ['t1', 't2'] },
    });
    expect(server.requests.map((request) => [request.method, request.url, request.headers['x-tags']])).toStrictEqual([
      ['GET', '/v1/items/1,2?csv=a%2Cb,c&ssv=a%20b%20c&tsv=a%09b&pipes=a%7Cb|c&multi=a&multi=b&plain=x,y', 't1, t2'],
    ]);
  });

  it('leaves out absent and empty arrays', async () => {
    const server = await startRecorder();
    const client = await loadClient({ name: 'collection-format', baseUrl: server.baseUrl });
    await client.default.listItems?.([7], { query: { csv: [], pipes: ['only'] } });
    expect(server.requests.map((request) => request.url)).toStrictEqual(['/v1/items/7?pipes=only']);
  });
});

describe('formData bodies', () => {
  it('sends a multipart upload as form parts, the file with its bytes, name and type, and lets fetch write the boundary', async () => {
    const server = await startRecorder();
    const client = await loadClient({ name: 'form-data', baseUrl: server.baseUrl });
    const file = new File([new Uint8Array([0, 1, 2, 254, 255])], 'photo.png', { type: 'image/png' });
    await client.default.uploadFile?.({ file, note: 'hello world', tags: ['x', 'y'] });
    const [request] = server.requests;
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await parseMultipart(request);
    const sent = form.get('file') as File;
    expect({
      keys: [...form.keys()],
      file: { name: sent.name, type: sent.type, bytes: [...new Uint8Array(await sent.arrayBuffer())] },
      note: form.get('note'),
      tags: form.getAll('tags'),
    }).toStrictEqual({
      keys: ['file', 'note', 'tags', 'tags'],
      file: { name: 'photo.png', type: 'image/png', bytes: [0, 1, 2, 254, 255] },
      note: 'hello world',
      tags: ['x', 'y'],
    });
  });

  it('sends a urlencoded form as one encoded string, joining a csv field with commas', async () => {
    const server = await startRecorder();
    const client = await loadClient({ name: 'form-data', baseUrl: server.baseUrl });
    await client.default.logIn?.({ user: 'ann lee&co', remember: true, scopes: ['read', 'write'] });
    expect(
      server.requests.map((request) => [request.method, request.url, request.headers['content-type'], request.body.toString('utf8')]),
    ).toStrictEqual([['POST', '/v1/login', 'application/x-www-form-urlencoded', 'user=ann+lee%26co&remember=true&scopes=read%2Cwrite']]);
  });
});

describe('Swagger 2.0 form array fields without a collectionFormat', () => {
  it('are joined with commas, csv being the default', async () => {
    const server = await startRecorder();
    const client = await loadClient({ name: 'form-defaults', baseUrl: server.baseUrl });
    await client.default.setTags?.({ ids: [1, 2] });
    expect(server.requests.map((request) => request.body.toString('utf8'))).toStrictEqual(['ids=1%2C2']);
  });
});

describe('header and cookie parameters', () => {
  it('sends header parameters by their names, and none that were not given', async () => {
    const server = await startRecorder();
    const client = await loadClient({ name: 'header-cookie-path-level-params', baseUrl: server.baseUrl });
    await client.default.listNotes?.('acc-1', { 'X-Trace': 'trace-1', 'If-None-Match': '"v1"' });
    await client.default.deleteNotes?.('acc-1');
    expect(
      server.requests.map((request) => [request.method, request.url, request.headers['x-trace'], request.headers['if-none-match']]),
    ).toStrictEqual([
      ['GET', '/v1/accounts/acc-1/notes', 'trace-1', '"v1"'],
      ['DELETE', '/v1/accounts/acc-1/notes', undefined, undefined],
    ]);
  });

  it('takes a required cookie parameter as a required, typed argument of the client method', async () => {
    const dir = fixture('openapi3-composition').dir;
    writeFileSync(
      path.join(dir, 'client/src/cookie-assertions.ts'),
      [
        "import type { ListShapesCookies } from '@openapi3-composition/types';",
        "import { createFixtureClient, type RequestOptions } from './index.js';",
        'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
        'const client = createFixtureClient();',
        'export const same: Same<Parameters<typeof client.default.listShapes>, [cookie: ListShapesCookies, options?: RequestOptions]> = true;',
        '// @ts-expect-error the session cookie is required',
        'void client.default.listShapes();',
        '',
      ].join('\n'),
    );
    const result = await typeCheckPackages({
      root,
      scope: '@openapi3-composition',
      folders: ['openapi3-composition/types', 'openapi3-composition/client'],
      paths: { '@openapi3-composition/*': ['./openapi3-composition/*/src/index.ts'] },
    });
    expect(result).toStrictEqual({ exitCode: 0, output: '' });
  }, 120_000);

  it('takes a required cookie parameter as an argument and sends it, percent-encoded, in the Cookie header', async () => {
    const server = await startRecorder();
    const client = await loadClient({ name: 'openapi3-composition', baseUrl: server.baseUrl });
    await client.default.listShapes?.({ session: 'abc; admin=1' });
    expect(server.requests.map((request) => [request.url, request.headers.cookie])).toStrictEqual([
      ['/v1/shapes', 'session=abc%3B%20admin%3D1'],
    ]);
  });
});

describe('the generated MSW handlers', () => {
  type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };
  type Resolver = (info: { body: unknown }) => unknown;
  type Msw = {
    createHandlers: (options?: { overrides?: Record<string, Resolver> }) => unknown[];
  };
  let setup: Setup | undefined;

  afterEach(() => {
    setup?.close();
    setup = undefined;
  });

  /** Serves a fixture's generated handlers through msw/node, resolved from that msw package so both share one msw. */
  async function serveHandlers(options: { name: string; overrides?: Record<string, Resolver> }): Promise<void> {
    const dir = path.join(fixture(options.name).dir, 'msw/src');
    const setupFile = path.join(dir, 'wire-test-setup.ts');
    writeFileSync(setupFile, "export { setupServer } from 'msw/node';\n");
    const { setupServer } = (await import(setupFile)) as { setupServer: (...handlers: unknown[]) => Setup };
    const msw = (await import(path.join(dir, 'index.ts'))) as Msw;
    setup = setupServer(...msw.createHandlers(options.overrides ? { overrides: options.overrides } : {}));
    setup.listen({ onUnhandledRequest: 'error' });
  }

  it('answer the client multipart upload with its 201 and see the file among the parsed fields', async () => {
    const seen: unknown[] = [];
    await serveHandlers({
      name: 'form-data',
      overrides: {
        uploadFile: ({ body }) => {
          const { file, ...fields } = body as { file: File };
          seen.push({ ...fields, file: [file.name, file.size] });
          return undefined;
        },
      },
    });
    const client = await loadClient({ name: 'form-data' });
    const file = new File(['%PDF-1.7'], 'doc.pdf', { type: 'application/pdf' });
    const result = await client.default.uploadFile?.({ file, note: 'n', tags: ['x', 'y'] });
    expect({ status: result?.status, seen }).toStrictEqual({ status: 201, seen: [{ note: 'n', tags: ['x', 'y'], file: ['doc.pdf', 8] }] });
  });

  it('answer the client urlencoded form with its 204 and see the fields', async () => {
    const seen: unknown[] = [];
    await serveHandlers({ name: 'form-data', overrides: { logIn: ({ body }) => void seen.push(body) } });
    const client = await loadClient({ name: 'form-data' });
    const result = await client.default.logIn?.({ user: 'ann', scopes: ['read', 'write'] });
    expect({ status: result?.status, seen }).toStrictEqual({ status: 204, seen: [{ user: 'ann', scopes: 'read,write' }] });
  });

  it('answer the client delimited query arrays, header and cookie parameters with 200', async () => {
    await serveHandlers({ name: 'collection-format' });
    const items = await (await loadClient({ name: 'collection-format' })).default.listItems?.([1], {
      query: { csv: ['a', 'b'], ssv: ['a', 'b'], tsv: ['a', 'b'], pipes: ['a', 'b'], multi: ['a'] },
      header: { 'X-Tags': ['t'] },
    });
    setup?.close();
    await serveHandlers({ name: 'openapi3-composition' });
    const shapes = await (await loadClient({ name: 'openapi3-composition' })).default.listShapes?.({ session: 's' });
    expect([items?.status, shapes?.status]).toStrictEqual([200, 200]);
  });
});

describe('deprecated operations', () => {
  /** The JSDoc right above a generated member, e.g. a resource method or an exported hook. */
  function jsDocAbove(options: { text: string; member: string }): string {
    const index = options.text.indexOf(options.member);
    const before = options.text.slice(0, index);
    return before.slice(before.lastIndexOf('/**'), before.lastIndexOf('*/') + 2);
  }

  it('carry @deprecated onto the client method, the react-query hooks and query options, and nowhere else', () => {
    const output = fixture('operation-names');
    const resources = output.read('client/src/generated/resources.ts');
    const hooks = output.read('react-query/src/generated/hooks.ts');
    const queries = output.read('react-query/src/generated/queries.ts');
    const tag = '@deprecated The API deprecates `GET /users`: it may be removed in a later version.';
    expect(jsDocAbove({ text: resources, member: '  getUsers2(' })).toStrictEqual(
      ['/**', '   * Lists users (use /people)', '   *', '   * `GET /users`.', `   * ${tag}`, '   */'].join('\n'),
    );
    expect(jsDocAbove({ text: hooks, member: 'export function useUsers2<' })).toStrictEqual(
      [
        '/**',
        ' * Lists users (use /people)',
        ' *',
        ' * A `useQuery` over `users2QueryOptions`.',
        ' *',
        ' * `GET /users`.',
        ` * ${tag}`,
        ' */',
      ].join('\n'),
    );
    expect([resources, hooks, queries].map((text) => text.split('@deprecated').length - 1)).toStrictEqual([1, 2, 1]);
  });
});
