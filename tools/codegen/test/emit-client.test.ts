import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import { emitClient, planResources } from '../src/emit/client.js';
import type { EmitContext } from '../src/emit/shared.js';
import { buildModel } from '../src/model/build-model.js';

const context: EmitContext = {
  scope: '@acme',
  name: 'Acme',
  baseUrl: 'https://api.acme.test/v2',
  specName: 'acme.yaml',
  specSha256: '0'.repeat(64),
};

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
