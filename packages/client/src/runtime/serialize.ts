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
  const { input, headers } = options;
  const { query: delimiters, mediaType, form: fieldDelimiters } = options.operation;
  const multipart = mediaType?.startsWith('multipart/');
  // openapi-fetch sends header arrays as one `a, b` list, which HTTP reads as `a,b`.
  const header: Record<string, unknown> = { ...input.header };
  // Browsers forbid setting `Cookie` and drop it silently: there cookies come from the browser's jar (`credentials`).
  const cookie = listFields(input.cookie)
    .map(([name, items]) => `${name}=${items.map(encodeValue).join()}`)
    .join('; ');
  if (cookie) header.Cookie = cookie;
  return {
    params: { path: input.path, query: input.query, header },
    body: input.body,
    // FormData gets no Content-Type, so fetch writes it with the boundary.
    headers: mediaType && !multipart ? { 'Content-Type': mediaType, ...headers } : headers,
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
    // Forms given as plain objects go as FormData (multipart) or `a=1&b=2` (urlencoded); anything
    // else (bytes, text, a FormData or URLSearchParams built by the caller) as it is.
    bodySerializer:
      mediaType &&
      ((body: object) => {
        if (body?.constructor !== Object || (!multipart && !mediaType.includes('urlencoded'))) return body;
        const form = multipart ? new FormData() : new URLSearchParams();
        for (const [name, items] of listFields(body)) {
          const delimiter = fieldDelimiters?.[name];
          // Files keep their bytes and name; objects inside a form travel as JSON text.
          for (const item of delimiter ? [items.join(delimiter)] : items)
            (form as FormData).append(name, item instanceof Blob || typeof item !== 'object' ? (item as string) : JSON.stringify(item));
        }
        return multipart ? form : String(form);
      }),
  };
}

/** The fields of a cookie parameter object or a form that have a value, each value as a list of items. */
function listFields(fields: object | undefined): [string, unknown[]][] {
  return Object.entries(fields ?? {}).flatMap(([name, value]) => (value == null ? [] : [[name, [value].flat()]]));
}

function encodeValue(value: unknown): string {
  return encodeURIComponent(String(value));
}
