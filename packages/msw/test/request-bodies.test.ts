import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createHandlerContext, createOperationHandler, type MockOperation } from '../src/index.js';
import { respond } from './support/requests.js';

const BASE = 'https://api.example.test';

/** An operation of another API that takes a form, JSON or CSV body and answers 201. */
const upload: MockOperation = {
  id: 'upload',
  name: 'upload',
  method: 'post',
  path: '/upload',
  mswPath: '/upload',
  requestBody: {
    required: true,
    mediaTypes: ['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json', 'text/csv'],
    requiredProperties: [],
  },
  successStatus: 201,
  responses: [{ status: 201, description: 'created', mediaTypes: [], binary: false, headers: [] }],
  parameterExamples: {},
};

/** Sends `init` through a handler whose resolver answers with the `body` it was given, described. */
async function bodySeenBy(init: RequestInit): Promise<unknown> {
  const context = createHandlerContext({ defaultBaseUrl: BASE, schemas: {} });
  const handler = createOperationHandler({
    operation: upload,
    context,
    resolverOrData: ({ body }) => {
      const fields = Object.entries((body ?? {}) as Record<string, unknown>).map(([name, value]) => [
        name,
        value instanceof File ? `File ${value.name} (${value.size} bytes)` : value,
      ]);
      return HttpResponse.json(body === undefined ? null : Object.fromEntries(fields));
    },
  });
  const response = await respond({ handlers: [handler], request: new Request(`${BASE}/upload`, { method: 'POST', ...init }) });
  return { status: response.status, body: await response.json() };
}

describe('request bodies a resolver gets', () => {
  it('are a multipart form’s fields, files as File and repeated fields as arrays', async () => {
    const form = new FormData();
    form.append('file', new File(['12345'], 'a.png', { type: 'image/png' }));
    form.append('tag', 'x');
    form.append('tag', 'y');
    expect(await bodySeenBy({ body: form })).toStrictEqual({ status: 200, body: { file: 'File a.png (5 bytes)', tag: ['x', 'y'] } });
  });

  it('are a urlencoded form’s fields', async () => {
    const body = 'user=ann+lee&scopes=read%2Cwrite';
    expect(await bodySeenBy({ body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).toStrictEqual({
      status: 200,
      body: { user: 'ann lee', scopes: 'read,write' },
    });
  });

  it('are left to the request for other media types, which are not taken for broken JSON', async () => {
    expect(await bodySeenBy({ body: 'a,b\n1,2', headers: { 'Content-Type': 'text/csv' } })).toStrictEqual({ status: 200, body: null });
  });

  it('answer 400 for a multipart body that does not parse', async () => {
    const response = (await bodySeenBy({ body: 'not multipart', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } })) as {
      status: number;
      body: { message: string };
    };
    expect([response.status, response.body.message.startsWith('request body is not a valid form: ')]).toStrictEqual([400, true]);
  });
});
