import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import { emitReactQuery } from '../src/emit/react-query.js';
import { buildModel } from '../src/model/build-model.js';
import { ACME_CONTEXT } from './helpers/emit-context.js';

const context = ACME_CONTEXT;

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const variantParameter = { name: 'variant', in: 'path', required: true, schema: { type: 'string' } };
const ok = { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } };

/** Deleting an image, and one of its variants: one client method covers both paths. */
const model = buildModel({
  document: {
    openapi: '3.0.3',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/images': {
        post: { operationId: 'CreateImage', responses: { '201': ok } },
      },
      '/images/{id}': {
        delete: { operationId: 'DeleteImage', parameters: [idParameter], responses: { '200': ok } },
      },
      '/images/{id}/{variant}': {
        delete: { operationId: 'DeleteImageVariant', parameters: [idParameter, variantParameter], responses: { '200': ok } },
      },
    },
  },
  patterns: DEFAULT_PATTERNS,
  resources: { CreateImage: 'images.create', DeleteImage: 'images.delete', DeleteImageVariant: 'images.deleteVariant' },
});
const mutations = emitReactQuery({ model, context }).find((file) => file.path.endsWith('/mutations.ts'))?.content ?? '';

describe('the result types of generated mutations', () => {
  it('spell out what the client method resolves to, so TypeScript needs no Awaited<ReturnType<…>> per operation', () => {
    expect(mutations).toContain('export type CreateImageResult = ApiResult<CreateImageResponse, NoHeaders>;');
    expect(mutations).toMatch(/^import type \{ AcmeClient, AcmeError, ApiResult, NoHeaders \} from '@acme\/client';$/m);
  });

  it('leave a method that also answers for a longer sibling path to the client, whose union TypeScript deduplicates', () => {
    expect(mutations).toContain("export type DeleteImageResult = Awaited<ReturnType<AcmeClient['images']['delete']>>;");
  });
});
