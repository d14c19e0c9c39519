import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import { findLongerSiblings } from '../src/emit/path-extensions.js';
import { emitReactQuery } from '../src/emit/react-query.js';
import { buildModel } from '../src/model/build-model.js';
import { ACME_CONTEXT } from './helpers/emit-context.js';

const context = ACME_CONTEXT;

const json = (schema: object) => ({ description: 'OK', content: { 'application/json': { schema } } });
const nameParameter = { name: 'name', in: 'path', required: true, schema: { type: 'string' } };

/** Another API: a list whose longer sibling path returns another body (GitHub's gitignore templates), and a write. */
const model = buildModel({
  document: {
    openapi: '3.0.3',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/templates': {
        get: { operationId: 'ListTemplates', responses: { '200': json({ type: 'array', items: { type: 'string' } }) } },
      },
      '/templates/{name}': {
        get: {
          operationId: 'GetTemplate',
          parameters: [nameParameter],
          responses: { '200': json({ type: 'object', properties: { source: { type: 'string' } } }) },
        },
        delete: { operationId: 'DeleteTemplate', parameters: [nameParameter], responses: { '204': { description: 'Gone' } } },
      },
      '/widgets': {
        get: {
          operationId: 'ListWidgets',
          parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' } }],
          responses: {
            '200': { ...json({ type: 'array', items: { type: 'string' } }), headers: { 'Next-Cursor': { schema: { type: 'string' } } } },
          },
        },
      },
      '/widgets/{name}': {
        get: { operationId: 'GetWidget', parameters: [nameParameter], responses: { '200': json({ type: 'string' }) } },
      },
    },
  },
  patterns: DEFAULT_PATTERNS,
  resources: {
    ListTemplates: 'templates.list',
    GetTemplate: 'templates.get',
    DeleteTemplate: 'templates.delete',
    ListWidgets: 'widgets.list',
    GetWidget: 'widgets.get',
  },
});
const files = new Map(
  emitReactQuery({ model, context }).map((file) => [file.path.replace('react-query/src/generated/', ''), file.content]),
);
const importsOf = (name: string) =>
  [...(files.get(name) ?? '').matchAll(/^import (.*) from '([^']+)';$/gm)].map((match) => [match[2], match[1]]);

describe('the React Query package of another API', () => {
  it('imports the client and the types of the configured scope', () => {
    const modules = [...files.keys()].flatMap((name) => importsOf(name).map(([module]) => module));
    expect([...new Set(modules)].sort()).toStrictEqual([
      '../runtime/hooks.js',
      '../runtime/index.js',
      '../runtime/invalidation.js',
      '../runtime/query-options.js',
      './keys.js',
      './queries.js',
      '@acme/client',
      '@acme/types',
      '@tanstack/react-query',
    ]);
  });

  it('uses the names the scaffolder gives the runtime and the client for that product', () => {
    expect(importsOf('hooks.ts')).toContainEqual(['@acme/client', 'type { AcmeError }']);
    expect(importsOf('mutations.ts')).toContainEqual(['../runtime/index.js', '{ type AcmeMutationHookOptions }']);
    expect(importsOf('hooks.ts')).toContainEqual([
      '../runtime/index.js',
      'type { AcmeInfiniteQueryHookOptions, AcmeQueryHookOptions, AcmeSuspenseInfiniteQueryHookOptions, AcmeSuspenseQueryHookOptions }',
    ]);
    expect(importsOf('queries.ts')).toContainEqual([
      '../runtime/index.js',
      '{ type AcmeInfiniteQueryOptions, type AcmeQueryOptions, readNextCursor, withCursor }',
    ]);
    expect([...files.values()].filter((content) => content.includes('Complero'))).toStrictEqual([]);
  });

  it('calls a list and a get one path parameter deeper that answer differently as two client methods', () => {
    expect(files.get('queries.ts')).toContain('queryFn: async ({ signal }) => (await client.templates.list({ signal })).data,');
    expect(files.get('queries.ts')).toContain('queryFn: async ({ signal }) => (await client.templates.get(name, { signal })).data,');
  });
});

describe('findLongerSiblings', () => {
  it('pairs no list with a get that answers differently (GitHub’s gitignore templates), and never a paginated read', () => {
    expect(Object.fromEntries([...findLongerSiblings(model)].map(([id, longer]) => [id, longer.id]))).toStrictEqual({});
  });
});
