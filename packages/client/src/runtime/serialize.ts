import * as openapiFetch from 'openapi-fetch';
import type { RequestInput } from './request.js';
import type { OperationDescriptor } from './types.js';

type Fields = Readonly<Record<string, unknown>>;

// openapi-fetch's own query serializer (arrays repeated, objects as deepObject) writes every parameter the descriptor does not join.
const serializeQueryDefault = openapiFetch.createQuerySerializer();

/**
 * The parts of openapi-fetch's request options that put an operation's parameters and body on
 * the wire as its spec says. The descriptor records only what differs from openapi-fetch's
 * defaults (query arrays repeated, JSON bodies), so for most operations this changes nothing.
 */
export function serializeInput(options: {
  operation: OperationDescriptor;
  input: RequestInput;
  headers: Readonly<Record<string, string>> | undefined;
}): object {
  const { operation, input } = options;
  const { query: delimiters, mediaType } = operation;
  // Header arrays are simple-style (`a,b`); openapi-fetch would append them as `a, b`.
  const header = Object.fromEntries(
    Object.entries((input.header ?? {}) as Fields).flatMap(([name, value]) => (value == null ? [] : [[name, [value].flat().join(',')]])),
  );
  // Browsers forbid setting `Cookie` and drop it silently: there cookies come from the browser's jar (`credentials`).
  const cookie = Object.entries((input.cookie ?? {}) as Fields)
    .flatMap(([name, value]) => (value == null ? [] : [`${name}=${[value].flat().map(encodeValue).join(',')}`]))
    .join('; ');
  if (cookie) header.Cookie = cookie;
  return {
    params: { path: input.path, query: input.query, header },
    body: input.body,
    // FormData gets no Content-Type, so fetch writes it with the boundary.
    headers: mediaType && !isMultipart(mediaType) ? { 'Content-Type': mediaType, ...options.headers } : options.headers,
    querySerializer:
      delimiters &&
      ((query: Fields) =>
        Object.entries(query)
          .map(([name, value]) =>
            Array.isArray(value) && value.length && delimiters[name]
              ? `${encodeURIComponent(name)}=${value.map(encodeValue).join(delimiters[name])}`
              : serializeQueryDefault({ [name]: value }),
          )
          .filter(Boolean)
          .join('&')),
    bodySerializer: mediaType && ((body: unknown) => serializeBody({ body, mediaType, delimiters: operation.form })),
  };
}

/** A form body as `FormData` (multipart) or `a=1&b=2` (urlencoded); any other body goes as it is. */
function serializeBody(options: { body: unknown; mediaType: string; delimiters: Readonly<Record<string, string>> | undefined }): unknown {
  const { body, mediaType, delimiters } = options;
  const multipart = isMultipart(mediaType);
  if (!multipart && !/^application\/x-www-form-urlencoded/i.test(mediaType)) return body;
  const form = multipart ? new FormData() : new URLSearchParams();
  for (const [name, value] of Object.entries(body as Fields)) {
    const delimiter = delimiters?.[name];
    for (const item of Array.isArray(value) && delimiter ? [value.join(delimiter)] : [value].flat()) {
      // Files keep their bytes and name; objects inside a form travel as JSON text.
      if (item != null)
        (form as FormData).append(name, item instanceof Blob ? item : typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return multipart ? form : String(form);
}

function isMultipart(mediaType: string): boolean {
  return /^multipart\//i.test(mediaType);
}

function encodeValue(value: unknown): string {
  return encodeURIComponent(String(value));
}
