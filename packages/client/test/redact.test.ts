import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/runtime/config.js';
import { redactCause } from '../src/runtime/redact.js';

const { redact } = resolveOptions({ apiKey: 'sk_"key\\1' });

describe('redactCause', () => {
  it('redacts the errors of an AggregateError and keeps their codes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED sk_"key\\1'), { code: 'ECONNREFUSED' });
    const copy = redactCause({ value: new AggregateError([refused], 'all attempts failed'), redact }) as AggregateError;
    expect(copy).toBeInstanceOf(AggregateError);
    expect(copy.errors.map((error: Error & { code: string }) => [error.message, error.code])).toStrictEqual([
      ['connect ECONNREFUSED [redacted]', 'ECONNREFUSED'],
    ]);
  });

  it('keeps the name and code of a DOMException', () => {
    const copy = redactCause({ value: new DOMException('This operation was aborted', 'AbortError'), redact }) as DOMException;
    expect([copy instanceof DOMException, copy.name, copy.code, copy.message]).toStrictEqual([
      true,
      'AbortError',
      20,
      'This operation was aborted',
    ]);
  });

  it('ends on a cycle of causes', () => {
    const first = new Error('first sk_"key\\1');
    const second = new Error('second', { cause: first });
    first.cause = second;
    expect(inspect(redactCause({ value: first, redact }), { depth: Number.POSITIVE_INFINITY })).not.toContain('sk_"key');
  });

  it('redacts plain objects an error carries, as JSON', () => {
    const error = Object.assign(new Error('failed'), { request: { headers: { authorization: 'sk_"key\\1' } } });
    expect((redactCause({ value: error, redact }) as { request: unknown }).request).toStrictEqual({
      headers: { authorization: '[redacted]' },
    });
  });
});

describe('redactCause, given what JSON does not show', () => {
  const request = new Request('https://api.example/v1/contacts?key=sk_"key\\1', { headers: { Authorization: 'sk_"key\\1' } });
  const error = Object.assign(new TypeError('fetch failed'), { request, options: { headers: request.headers } });

  it('keeps no Request or Headers, which print the key in util.inspect', () => {
    const copy = redactCause({ value: error, redact });
    for (const view of [inspect(copy, { depth: Number.POSITIVE_INFINITY, showHidden: true }), String(copy), JSON.stringify(copy)])
      expect(view).not.toContain('sk_"key');
    expect(copy).toMatchObject({ request: '[object Request]', options: { headers: '[object Headers]' } });
  });

  it('redacts what an object other than a plain one says of itself', () => {
    const { redact: redactPlain } = resolveOptions({ apiKey: 'sk_live_1' });
    expect(redactCause({ value: [new URL('https://api.example/?key=sk_live_1')], redact: redactPlain })).toStrictEqual([
      'https://api.example/?key=[redacted]',
    ]);
  });

  it('names the class of an object whose toString throws, instead of throwing itself', () => {
    class Unprintable {
      toString(): string {
        throw new Error('no');
      }
    }
    const copy = redactCause({ value: new Error('fetch failed', { cause: { handle: new Unprintable() } }), redact }) as Error;
    expect(copy.cause).toStrictEqual({ handle: '[Unprintable]' });
  });

  it('redacts the keys and values of plain objects, leaving other values as they are', () => {
    expect(redactCause({ value: { 'sk_"key\\1': ['sk_"key\\1', 1, null, true] }, redact })).toStrictEqual({
      '[redacted]': ['[redacted]', 1, null, true],
    });
  });
});
