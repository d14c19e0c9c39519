import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  CompleroError,
  createCompleroClient,
  describeValidationErrorCode,
  ForbiddenError,
  GoneError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../src/index.js';
import { useTestServers } from './support/server.js';

const startServer = useTestServers();

async function failWith(options: { status: number; json?: unknown; text?: string; headers?: Record<string, string> }) {
  const server = await startServer(() => ({ ...options, headers: { 'Request-Id': `req_${options.status}`, ...options.headers } }));
  const complero = createCompleroClient({ apiKey: 'key', baseUrl: server.baseUrl, maxRetries: 0 });
  return complero.contacts.get('c1').catch((error: unknown) => error);
}

describe('typed errors', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [410, GoneError],
    [413, PayloadTooLargeError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [418, CompleroError],
  ])('throws the class for status %i with its status, request id and body', async (status, ErrorClass) => {
    const error = await failWith({ status, json: { message: 'nope' } });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(CompleroError);
    expect({
      name: (error as Error).name,
      status: (error as CompleroError).status,
      requestId: (error as CompleroError).requestId,
      body: (error as CompleroError).body,
    }).toStrictEqual({
      name: ErrorClass.name,
      status,
      requestId: `req_${status}`,
      body: { message: 'nope' },
    });
  });

  it('keeps a non-JSON error body as text', async () => {
    const error = (await failWith({
      status: 502,
      text: '<html>Bad gateway</html>',
      headers: { 'Content-Type': 'text/html' },
    })) as ServerError;
    expect([error.body, error.message]).toStrictEqual([
      '<html>Bad gateway</html>',
      '502 Bad Gateway: <html>Bad gateway</html> (GET /contacts/{id}, request id req_502)',
    ]);
  });

  it('has no body for an empty error body, whether or not its length was given', async () => {
    // A stream without a Content-Length, as a chunked response arrives; and an explicit Content-Length of 0.
    const empty = [
      () => new Response(new ReadableStream({ start: (controller) => controller.close() }), { status: 500 }),
      () => new Response('', { status: 500, headers: { 'Content-Length': '0' } }),
    ];
    const bodies: unknown[] = [];
    for (const respond of empty) {
      const complero = createCompleroClient({ baseUrl: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch: async () => respond() });
      const error = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as ServerError;
      bodies.push(error.body, error.message);
    }
    expect(bodies).toStrictEqual([undefined, '500 (GET /contacts/{id})', undefined, '500 (GET /contacts/{id})']);
  });

  it('reports a success response whose JSON is malformed', async () => {
    const server = await startServer(() => ({
      status: 200,
      text: '{"id": "c1",',
      headers: { 'Content-Type': 'application/json', 'Request-Id': 'req_bad' },
    }));
    const complero = createCompleroClient({ baseUrl: server.baseUrl });
    const error = (await complero.contacts.get('c1').catch((caught: unknown) => caught)) as CompleroError;
    expect(error.constructor).toBe(CompleroError);
    expect([error.message, error.status, error.requestId]).toStrictEqual([
      'GET /contacts/{id} answered 200 with a body that is not valid JSON: "{\\"id\\": \\"c1\\","',
      200,
      'req_bad',
    ]);
  });

  it('exposes the Retry-After of a 429', async () => {
    const error = (await failWith({ status: 429, json: {}, headers: { 'Retry-After': '7' } })) as RateLimitError;
    expect(error.retryAfterMs).toBe(7000);
  });
});

describe('validation errors (422)', () => {
  it('maps each field to its documented codes, for one item', async () => {
    const error = (await failWith({
      status: 422,
      json: { message: 'invalid', validation_errors: { email: { code: 'v1c001', message: 'must be an email' } } },
    })) as ValidationError;
    expect(error.validationErrors).toStrictEqual({ email: [{ code: 'v1c001', message: 'must be an email' }] });
  });

  it('groups per-item errors of a bulk upload by field, naming the item', async () => {
    const error = (await failWith({
      status: 422,
      json: {
        validation_errors: {
          '0': { last_name: { code: 'v1c002', message: 'required' } },
          '3': { last_name: { code: 'v1c002', message: 'required' }, zip_code: { code: 'v1c004', message: 'not a zip code' } },
        },
      },
    })) as ValidationError;
    expect(error.validationErrors).toStrictEqual({
      last_name: [
        { code: 'v1c002', message: 'required', item: '0' },
        { code: 'v1c002', message: 'required', item: '3' },
      ],
      zip_code: [{ code: 'v1c004', message: 'not a zip code', item: '3' }],
    });
  });

  it('has no field errors when the body has none', async () => {
    const error = (await failWith({ status: 422, text: 'Unprocessable' })) as ValidationError;
    expect(error.validationErrors).toStrictEqual({});
  });

  it('tells what each documented code means', () => {
    expect(describeValidationErrorCode('v1c002')).toBe('The `required` tag is treated as a special case and returns v1c002.');
    expect(describeValidationErrorCode('v9c999')).toBe(
      "Unknown validation error code 'v9c999': the API documentation lists v1c001, v1c002, v1c003, v1c004.",
    );
  });
});
