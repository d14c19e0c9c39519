import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/runtime/config.js';
import { redactCause, redactJson } from '../src/runtime/redact.js';

const { redact } = resolveOptions({ apiKey: 'sk_"key\\1' });

describe('redactCause', () => {
  it('redacts the errors of an AggregateError and keeps their codes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED sk_"key\\1'), { code: 'ECONNREFUSED' });
    const copy = redactCause(new AggregateError([refused], 'all attempts failed'), redact) as AggregateError;
    expect(copy).toBeInstanceOf(AggregateError);
    expect(copy.errors.map((error: Error & { code: string }) => [error.message, error.code])).toStrictEqual([
      ['connect ECONNREFUSED [redacted]', 'ECONNREFUSED'],
    ]);
  });

  it('keeps the name and code of a DOMException', () => {
    const copy = redactCause(new DOMException('This operation was aborted', 'AbortError'), redact) as DOMException;
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
    expect(inspect(redactCause(first, redact), { depth: Number.POSITIVE_INFINITY })).not.toContain('sk_"key');
  });

  it('redacts plain objects an error carries, as JSON', () => {
    const error = Object.assign(new Error('failed'), { request: { headers: { authorization: 'sk_"key\\1' } } });
    expect((redactCause(error, redact) as { request: unknown }).request).toStrictEqual({ headers: { authorization: '[redacted]' } });
  });
});

describe('redactJson', () => {
  it('returns the redacted text when redacting breaks the JSON, rather than throw', () => {
    // `sk_1"` is not in the value, but its JSON text `"sk_1"` ends with it: redacting that leaves no closing quote.
    const { redact: redactQuoteEnded } = resolveOptions({ apiKey: 'sk_1"' });
    expect(redactJson({ value: 'sk_1' }, redactQuoteEnded)).toBe('{"value":"[redacted]}');
  });

  it('returns the very value when it holds no key', () => {
    const value = { message: 'fine' };
    expect(redactJson(value, redact)).toBe(value);
  });
});
