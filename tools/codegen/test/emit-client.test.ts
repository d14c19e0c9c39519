import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import { emitClient, planResources } from '../src/emit/client.js';
import { buildModel } from '../src/model/build-model.js';
import { ACME_CONTEXT } from './helpers/emit-context.js';

const context = ACME_CONTEXT;

const page = {
  description: 'OK',
  headers: { 'Next-Cursor': { schema: { type: 'string' } }, 'Request-Id': { schema: { type: 'string' } } },
};
const secured = [{ KeyAuth: [] }];

/** A small API with one of each pattern the client emitter cares about. */
const document = {
  openapi: '3.0.3',
  info: { title: 'Acme', version: '1' },
  components: {
    securitySchemes: { KeyAuth: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    schemas: {
      Widget: { type: 'object', required: ['sku', 'name'], properties: { sku: { type: 'string' }, name: { type: 'string' } } },
      Job: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } },
    },
  },
  paths: {
    '/widgets': {
      get: {
        operationId: 'ListWidgets',
        security: secured,
        parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            ...page,
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Widget' } } } },
          },
        },
      },
      post: {
        operationId: 'ImportWidgets',
        security: secured,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'array', maxItems: 50, items: { $ref: '#/components/schemas/Widget' } } } },
        },
        responses: { '202': { description: 'Accepted', headers: { 'Operation-Id': { schema: { type: 'string' } } } } },
      },
    },
    '/operations/{id}': {
      get: {
        operationId: 'GetJob',
        security: secured,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } } } },
      },
    },
    '/manuals/{widget_sku}': {
      get: {
        operationId: 'GetManual',
        security: secured,
        parameters: [{ name: 'widget_sku', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          '204': { description: 'not ready' },
          '410': { description: 'gone' },
        },
      },
    },
    '/manuals/{widget_sku}/{revisionID}': {
      get: {
        operationId: 'GetManualRevision',
        security: secured,
        parameters: [
          { name: 'widget_sku', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'revisionID', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          '204': { description: 'not ready' },
        },
      },
    },
    '/health': { get: { operationId: 'Health', responses: { '200': { description: 'OK' } } } },
  },
};

const model = buildModel({
  document,
  patterns: DEFAULT_PATTERNS,
  resources: {
    ListWidgets: 'widgets.list',
    ImportWidgets: 'widgets.import',
    GetJob: 'jobs.get',
    GetManual: 'manuals.get',
    GetManualRevision: 'manuals.getRevision',
    Health: 'health',
  },
});

function fileText(name: string): string {
  return emitClient({ model, context }).find((file) => file.path === `client/src/generated/${name}`)?.content ?? '';
}

describe('emitClient', () => {
  it('plans each group with the derived methods: iterate, waitFor, and one merged method for trailing path parameters', () => {
    const plan = planResources(model).map((group) => ({
      group: group.name,
      methods: group.methods.map((method) => `${method.name}:${method.kind}`),
    }));
    expect(plan).toStrictEqual([
      { group: 'jobs', methods: ['get:call', 'waitFor:waitForOperation'] },
      { group: 'manuals', methods: ['get:download', 'getRevision:download', 'waitFor:waitForDownload'] },
      { group: 'widgets', methods: ['list:page', 'import:upload', 'iterate:iterate'] },
      { group: '', methods: ['health:call'] },
    ]);
  });

  it('writes one descriptor per operation with what the runtime needs', () => {
    const text = fileText('operations.ts');
    expect(text).toContain(
      "export const listWidgets: OperationDescriptor = { method: 'GET', path: '/widgets', auth: true, headers: ['Next-Cursor', 'Request-Id'], pagination: { cursor: 'cursor', nextCursor: 'Next-Cursor' } };",
    );
    expect(text).toContain(
      "export const importWidgets: OperationDescriptor = { method: 'POST', path: '/widgets', auth: true, headers: ['Operation-Id'], background: { operationId: 'Operation-Id' }, upload: { required: ['sku', 'name'], maxItems: 50 } };",
    );
    expect(text).toContain(
      "export const getManual: OperationDescriptor = { method: 'GET', path: '/manuals/{widget_sku}', auth: true, headers: [], binary: true, download: { pending: 204, gone: 410 } };",
    );
    expect(text).toContain("export const health: OperationDescriptor = { method: 'GET', path: '/health', auth: false, headers: [] };");
    expect(text).toContain("export const API_KEY: ApiKeyLocation | undefined = { in: 'header', name: 'X-Api-Key' };");
    expect(text).toContain("export const DEFAULT_BASE_URL: string = 'https://api.acme.test/v2';");
  });

  it('binds methods to the runtime, choosing the longer path only when its extra arguments are given', () => {
    const text = fileText('resources.ts');
    expect(text).toContain(
      'get: (widgetSku, revisionId, options) => revisionId === undefined ? core.download(descriptors.getManual, { widget_sku: widgetSku }, options) : core.download(descriptors.getManualRevision, { widget_sku: widgetSku, revisionID: revisionId }, options),',
    );
    expect(text).toContain(
      'import: (items, options) => core.upload({ operation: descriptors.importWidgets, items, call: options, waitFor: (id, wait) => core.waitForOperation(descriptors.getJob, { id }, wait) }),',
    );
    expect(text).toContain('iterate: (query, options) => core.iterate(descriptors.listWidgets, { query }, options),');
    expect(text).toContain('health: (options) => core.call(descriptors.health, {}, options),');
  });

  it('types the methods with the per-operation types of the types package', () => {
    const text = fileText('resources.ts');
    expect(text).toContain("from '@acme/types';");
    expect(text).toContain(
      "get(widgetSku: GetManualPathParams['widget_sku'], revisionId?: GetManualRevisionPathParams['revisionID'], options?: RequestOptions): Promise<DownloadResult<NoHeaders>>;",
    );
    expect(text).toContain(
      'list(query?: ListWidgetsQuery, options?: RequestOptions): Promise<Page<ListWidgetsResponse[number], ListWidgetsHeaders>>;',
    );
    expect(text).toContain('export interface AcmeResources {');
  });

  it('is deterministic', () => {
    expect(emitClient({ model, context })).toStrictEqual(emitClient({ model, context }));
  });
});

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const item = { type: 'object', properties: { id: { type: 'string' } } };

/** Shapes real-world specs have: several request parts, required ones after optional ones, list/get pairs, styled paths. */
const shapes = buildModel({
  document: {
    openapi: '3.0.3',
    info: { title: 'Shapes', version: '1' },
    paths: {
      '/nodes/{id}/update': {
        post: {
          operationId: 'NodeUpdate',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'version', in: 'query', required: true, schema: { type: 'integer' } },
          ],
          requestBody: json(item),
          responses: { '200': { description: 'OK' } },
        },
      },
      '/notes': {
        get: {
          operationId: 'ListNotes',
          parameters: [{ name: 'X-Account', in: 'header', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'OK', ...json({ type: 'array', items: item }) } },
        },
      },
      '/images/{org}': {
        get: {
          operationId: 'ListImages',
          parameters: [{ name: 'org', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'OK', ...json({ type: 'array', items: item }) } },
        },
      },
      '/images/{org}/{image}': {
        get: {
          operationId: 'GetImage',
          parameters: [
            { name: 'org', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'image', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { '200': { description: 'OK', ...json(item) } },
        },
      },
      '/tags/{ids}/{labels}': {
        get: {
          operationId: 'GetTags',
          parameters: [
            { name: 'ids', in: 'path', required: true, schema: { type: 'array', items: { type: 'integer' } } },
            {
              name: 'labels',
              in: 'path',
              required: true,
              style: 'label',
              explode: true,
              schema: { type: 'array', items: { type: 'string' } },
            },
          ],
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  },
  patterns: DEFAULT_PATTERNS,
  resources: {
    NodeUpdate: 'nodes.update',
    ListNotes: 'notes.list',
    ListImages: 'images.list',
    GetImage: 'images.get',
    GetTags: 'tags.get',
  },
});

function shapesText(name: string): string {
  return emitClient({ model: shapes, context }).find((file) => file.path === `client/src/generated/${name}`)?.content ?? '';
}

describe('emitClient on the shapes of other APIs', () => {
  it('puts several request parts in one params object, required when one of them is, so no required argument follows an optional one', () => {
    const text = shapesText('resources.ts');
    expect(text).toContain(
      "update(id: NodeUpdatePathParams['id'], params: { body?: NodeUpdateBody; query: NodeUpdateQuery }, options?: RequestOptions): Promise<ApiResult<NodeUpdateResponse, NoHeaders>>;",
    );
    expect(text).toContain('update: (id, params, options) => core.call(descriptors.nodeUpdate, { path: { id }, ...params }, options),');
  });

  it('takes header parameters as openapi-fetch does, under `header`', () => {
    const text = shapesText('resources.ts');
    expect(text).toContain(
      'list(header: ListNotesRequestHeaders, options?: RequestOptions): Promise<ApiResult<ListNotesResponse, NoHeaders>>;',
    );
    expect(text).toContain('list: (header, options) => core.call(descriptors.listNotes, { header }, options),');
  });

  it('keeps a list and a get apart when they answer differently', () => {
    const images = planResources(shapes).find((group) => group.name === 'images');
    expect(images?.methods.map((method) => [method.name, method.longer?.id])).toStrictEqual([
      ['list', undefined],
      ['get', undefined],
    ]);
  });

  it('describes path parameters the runtime cannot write as one comma-joined segment', () => {
    expect(shapesText('operations.ts')).toContain(
      "export const getTags: OperationDescriptor = { method: 'GET', path: '/tags/{ids}/{labels}', auth: false, headers: [], pathStyles: { labels: ['.', '.'] } };",
    );
  });
});
