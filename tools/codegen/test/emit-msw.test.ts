import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import { emitMsw, sortByRouteSpecificity, toMswPath } from '../src/emit/msw.js';
import { buildModel } from '../src/model/build-model.js';
import type { ApiModel } from '../src/model/types.js';
import { COMPLERO_CONTEXT } from './helpers/emit-context.js';
import { buildComplero } from './helpers/model.js';

const context = COMPLERO_CONTEXT;

let complero: ApiModel;

beforeAll(async () => {
  complero = await buildComplero();
});

/** The data a generated constant parses when its module loads (`NAME: Type = JSON.parse('…')`). */
function jsonConstant(text: string, name: string): unknown {
  const match = new RegExp(`export const ${name}: \\w+ = /\\* @__PURE__ \\*/ JSON\\.parse\\('(.*)'\\);$`, 'm').exec(text);
  if (!match) throw new Error(`no JSON constant ${name}`);
  // The emitter's single-quoted literal escapes only backslashes and quotes (JSON text has no line breaks).
  return JSON.parse(match[1]!.replace(/\\(.)/g, '$1'));
}

/** The JSON descriptor the emitter wrote for one operation, read back out of operations.ts. */
function descriptor(files: { path: string; content: string }[], name: string): Record<string, unknown> {
  const text = files.find((file) => file.path.endsWith('/operations.ts'))!.content;
  return jsonConstant(text, `${name}Operation`) as Record<string, unknown>;
}

function modelOf(paths: Record<string, unknown>): ApiModel {
  return buildModel({
    document: { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths },
    patterns: DEFAULT_PATTERNS,
    resources: {},
  });
}

const ok = { responses: { '200': { description: 'OK' } } };

describe('emitMsw', () => {
  it('writes operations, handlers and an index into packages/msw/src/generated', () => {
    expect(emitMsw({ model: complero, context }).map((file) => file.path)).toStrictEqual([
      'msw/src/generated/operations.ts',
      'msw/src/generated/schemas.ts',
      'msw/src/generated/handlers.ts',
      'msw/src/generated/index.ts',
    ]);
  });

  it('writes the schemas response bodies refer to, transitively, without their documentation keywords', () => {
    const pets = { type: 'array', items: { $ref: '#/components/schemas/Pet' } };
    const model = buildModel({
      document: {
        openapi: '3.0.3',
        info: { title: 'T', version: '1' },
        paths: {
          '/pets': {
            get: {
              operationId: 'ListPets',
              responses: { '200': { description: 'OK', content: { 'application/json': { schema: pets } } } },
            },
          },
        },
        components: {
          schemas: {
            Pet: {
              type: 'object',
              description: 'A pet',
              properties: { description: { type: 'string', description: 'what it is' }, owner: { $ref: '#/components/schemas/Owner' } },
            },
            Owner: { type: 'object', title: 'Owner', 'x-internal': true, required: ['id'], properties: { id: { type: 'integer' } } },
            Unused: { type: 'string' },
          },
        },
      },
      patterns: DEFAULT_PATTERNS,
      resources: {},
    });
    const files = emitMsw({ model, context });
    const text = files.find((file) => file.path.endsWith('/schemas.ts'))!.content;
    const schemas = jsonConstant(text, 'MOCK_SCHEMAS');
    expect(schemas).toStrictEqual({
      Owner: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
      Pet: { type: 'object', properties: { description: { type: 'string' }, owner: { $ref: '#/components/schemas/Owner' } } },
    });
    expect((descriptor(files, 'listPets').responses as { bodySchema?: unknown }[])[0]!.bodySchema).toStrictEqual(pets);
  });

  it('writes the schemas request bodies refer to, and describes the request body schema, so the mock can check what it is sent', () => {
    const body = { type: 'array', items: { $ref: '#/components/schemas/PetUpload' } };
    const model = buildModel({
      document: {
        openapi: '3.0.3',
        info: { title: 'T', version: '1' },
        paths: {
          '/pets': {
            post: {
              operationId: 'UploadPets',
              requestBody: { required: true, content: { 'application/json': { schema: body } } },
              responses: { '202': { description: 'Accepted' } },
            },
          },
        },
        components: {
          schemas: {
            PetUpload: {
              type: 'object',
              required: ['name'],
              properties: { name: { type: 'string' }, tag: { $ref: '#/components/schemas/Tag' } },
            },
            Tag: { type: 'string', description: 'a label' },
            Unused: { type: 'string' },
          },
        },
      },
      patterns: DEFAULT_PATTERNS,
      resources: {},
    });
    const files = emitMsw({ model, context });
    const text = files.find((file) => file.path.endsWith('/schemas.ts'))!.content;
    expect(jsonConstant(text, 'MOCK_SCHEMAS')).toStrictEqual({
      PetUpload: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, tag: { $ref: '#/components/schemas/Tag' } },
      },
      Tag: { type: 'string' },
    });
    expect(descriptor(files, 'uploadPets').requestBody).toStrictEqual({
      required: true,
      mediaTypes: ['application/json'],
      schema: { name: 'PetUpload', array: true },
      bodySchema: body,
      requiredProperties: ['name'],
    });
  });

  it('names the default base URL and nothing of another API in the handlers', () => {
    const files = emitMsw({
      model: modelOf({ '/ping': { get: { operationId: 'Ping', ...ok } } }),
      context: { ...context, scope: '@acme', name: 'Acme', baseUrl: 'https://acme.test/v2' },
    });
    expect(files.find((file) => file.path.endsWith('/operations.ts'))!.content).toContain(
      "export const DEFAULT_BASE_URL: string = 'https://acme.test/v2';",
    );
    expect(files.find((file) => file.path.endsWith('/handlers.ts'))!.content).not.toContain('Complero');
  });

  it('orders routes so static segments come before parameters in the same place', () => {
    const model = modelOf({
      '/items/{id}': { get: { operationId: 'GetItem', ...ok } },
      '/items/latest': { get: { operationId: 'LatestItems', ...ok } },
      '/items': { get: { operationId: 'ListItems', ...ok }, post: { operationId: 'CreateItem', ...ok } },
      '/items/{id}/parts': { get: { operationId: 'ItemParts', ...ok } },
      '/items/{id}/parts/first': { get: { operationId: 'FirstPart', ...ok } },
    });
    expect(sortByRouteSpecificity(model.operations).map((operation) => `${operation.method} ${operation.path}`)).toStrictEqual([
      'get /items',
      'post /items',
      'get /items/latest',
      'get /items/{id}',
      'get /items/{id}/parts',
      'get /items/{id}/parts/first',
    ]);
  });

  it('puts the Complero routes in that order in MOCK_OPERATIONS and createHandlers', () => {
    const files = emitMsw({ model: complero, context });
    const operations = files.find((file) => file.path.endsWith('/operations.ts'))!.content;
    const handlers = files.find((file) => file.path.endsWith('/handlers.ts'))!.content;
    const order = [
      ...(/MOCK_OPERATIONS: readonly MockOperation\[\] = \[(.*)\];/.exec(operations)?.[1] ?? '').matchAll(/(\w+)Operation\b/g),
    ].map((match) => match[1]);
    expect(handlers).toContain(
      'return createOperationHandlers({ operations: MOCK_OPERATIONS, overrides: options.overrides ?? {}, context: options.context });',
    );
    expect(order.indexOf('getLatestEvents')).toBeGreaterThan(order.indexOf('getEvents'));
    expect(order).toStrictEqual(sortByRouteSpecificity(complero.operations).map((operation) => operation.functionName));
    expect(order).toHaveLength(14);
  });

  it('turns path templates into MSW paths, keeping parameter names that are word characters', () => {
    expect(toMswPath('/documentation/{contactID}/{eventID}')).toStrictEqual({ path: '/documentation/:contactID/:eventID' });
    expect(toMswPath('/files/{name}.{ext}')).toStrictEqual({ path: '/files/:name.:ext' });
  });

  it('renames parameters with dashes, dots or non-ASCII to word characters and maps them back to the spec names', () => {
    expect([toMswPath('/users/{user-id}/avatar.png'), toMswPath('/a/{user.name}/{straße}')]).toStrictEqual([
      { path: '/users/:user_id/avatar.png', params: { user_id: 'user-id' } },
      { path: '/a/:user_name/:stra_e', params: { user_name: 'user.name', stra_e: 'straße' } },
    ]);
  });

  it('gives renamed parameters names no other parameter of the path has, whatever the order', () => {
    expect(toMswPath('/x/{a-b}/{a_b}/{a.b}/{a_b_2}')).toStrictEqual({
      path: '/x/:a_b_3/:a_b/:a_b_4/:a_b_2',
      params: { a_b_3: 'a-b', a_b: 'a_b', a_b_4: 'a.b', a_b_2: 'a_b_2' },
    });
  });

  it('percent-encodes literal text the way the URL parser does: non-ASCII and spaces, not brackets or percent signs', () => {
    expect([toMswPath('/v2/ünïcode'), toMswPath('/a b/[x]/100%/{id}'), toMswPath('/q/"<`>"')]).toStrictEqual([
      { path: '/v2/%C3%BCn%C3%AFcode' },
      { path: '/a%20b/[x]/100%/:id' },
      { path: '/q/%22%3C%60%3E%22' },
    ]);
  });

  it("escapes MSW's special characters in literal text and ends a parameter that a word character follows", () => {
    expect([toMswPath('/v1/{name}:cancel'), toMswPath('/a(b)+c'), toMswPath('/v{version}x/{id}_{kind}')]).toStrictEqual([
      { path: '/v1/:name\\:cancel' },
      { path: '/a\\(b\\)\\+c' },
      { path: '/v{:version}x/{:id}_:kind' },
    ]);
  });

  it('turns a literal * or | into a wildcard and names the spec parameters, so the wildcard is not passed on', () => {
    expect(toMswPath('/a*b|c/{id}')).toStrictEqual({ path: '/a*b*c/:id', params: { id: 'id' } });
  });

  it('names one handler factory per operation after its function name, typed with @complero/types', () => {
    const handlers = emitMsw({ model: complero, context }).find((file) => file.path.endsWith('/handlers.ts'))!.content;
    const factories = [...handlers.matchAll(/^export function (\w+Handler)\(/gm)].map((match) => match[1]);
    expect(factories).toStrictEqual(sortByRouteSpecificity(complero.operations).map((operation) => `${operation.functionName}Handler`));
    expect(handlers).toContain(
      'getContact: { params: GetContactPathParams; query: Record<string, never>; body: undefined; response: GetContactResponse };',
    );
    expect(handlers).toMatch(/import type \{[^}]*\bGetEventsQuery\b[^}]*\} from '@complero\/types';/);
  });

  it('describes the patterns of each operation from the IR', () => {
    const files = emitMsw({ model: complero, context });
    expect(descriptor(files, 'bulkUploadContacts')).toMatchObject({
      successStatus: 202,
      authHeader: 'Authorization',
      requestBody: {
        required: true,
        schema: { name: 'ContactUpload', array: true },
        requiredProperties: ['first_name', 'id', 'last_name'],
      },
      backgroundOperation: {
        status: 202,
        operationIdHeader: 'Operation-Id',
        operationLinkHeader: 'Operation-Link',
        pollPath: '/operations/{id}',
      },
      requestIdHeader: 'Request-Id',
    });
    expect(descriptor(files, 'getEvents')).toMatchObject({
      pagination: { cursorParameter: 'cursor', nextCursorHeader: 'Next-Cursor', nextLinkHeader: 'Next-Link', limitParameter: 'limit' },
      parameterExamples: { from: '2024-09-17T09:19:04Z', to: '2024-10-17T14:50:00Z', cursor: 'MDAwMDAwMDAtMDAwMC0' },
    });
    expect(descriptor(files, 'getDocumentation')).toMatchObject({
      successStatus: 200,
      pendingDownload: { readyStatus: 200, pendingStatus: 204, goneStatus: 410 },
      // The spec forgets Request-Id on documentation responses; the API documents it for every request.
      requestIdHeader: 'Request-Id',
    });
    expect(descriptor(files, 'ping')).not.toHaveProperty('authHeader');
  });

  it('carries the spec examples and status codes of every response', () => {
    const events = descriptor(emitMsw({ model: complero, context }), 'getEvents');
    const responses = events.responses as { status: number; example?: { event_id: string }[]; headers: string[] }[];
    expect(responses.map((response) => response.status)).toStrictEqual([200, 400, 500]);
    expect(responses[0]!.headers).toStrictEqual(['Next-Cursor', 'Next-Link', 'Request-Id']);
    expect(responses[0]!.example?.map((event) => event.event_id)).toStrictEqual([
      '2ad40cba-3d5f-4bb9-a123-997f620dee87',
      '2ad40cba-3d5f-4bb9-a123-997f620dee87',
      'b7f509f3-e805-4743-b9a6-efa9e651e543',
    ]);
  });

  it('emits the same bytes on every run', () => {
    expect(emitMsw({ model: complero, context })).toStrictEqual(emitMsw({ model: complero, context }));
  });
});
