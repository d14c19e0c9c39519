import * as openapiFetch from 'openapi-fetch';
import { InvalidArgumentError } from './errors.js';
import { createPathSerializer } from './path.js';
import type { RequestInput } from './request.js';
import type { OperationDescriptor } from './types.js';

type Fields = Readonly<Record<string, unknown>>;

/** openapi-fetch's own query serializer (arrays repeated, objects as deepObject): it writes every parameter the descriptor does not join. */
export const serializeQueryDefault = openapiFetch.createQuerySerializer();

// The body reaches openapi-fetch serialised already: serialised once per call, not once per attempt.
const passBodyThrough = (body: unknown) => body;

/**
 * openapi-fetch's request options for one call: its parameters and body put on the wire as the
 * operation's spec says. The descriptor records only what differs from openapi-fetch's defaults
 * (query arrays repeated, JSON bodies, one path segment per parameter), so for most operations
 * this adds nothing, and a call without query, header or cookie parameters costs nothing for
 * them. `key`, the API key of an operation that requires it, goes last into the header or query
 * parameters, so no header of the caller's replaces it. Throws `InvalidArgumentError` for a body that cannot
 * be serialised, before anything is sent.
 */
export function serializeInput(options: {
  operation: OperationDescriptor;
  input: RequestInput;
  /** The call's `RequestOptions.headers`. */
  headers: Readonly<Record<string, string>> | undefined;
  key: { readonly in: 'header' | 'query'; readonly name: string; readonly value: string } | undefined;
  /** Replaces the API key in the message of a body that cannot be serialised. */
  redact: (text: string) => string;
}): { signal: AbortSignal | undefined; readonly [option: string]: unknown } {
  const { operation, input, key } = options;
  const { query: delimiters, mediaType, pathStyles } = operation;
  let { query, header, body } = input;
  if (body !== undefined) {
    // openapi-fetch would serialise it inside its `request`, where a failure would pass for a failed connection.
    try {
      body = mediaType ? serializeForm({ body, operation }) : body instanceof FormData ? body : JSON.stringify(body);
    } catch (cause) {
      throw new InvalidArgumentError(
        `Nothing was sent to ${operation.method} ${operation.path}: its body cannot be serialised (${options.redact(String(cause))}).`,
      );
    }
  }
  // Browsers forbid setting `Cookie` and drop it silently: there cookies come from the browser's jar (`credentials`).
  const cookie =
    input.cookie &&
    listFields(input.cookie)
      .map(([name, items]) => `${name}=${items.map(encodeValue).join()}`)
      .join('; ');
  // openapi-fetch sends header arrays as one `a, b` list, which HTTP reads as `a,b`.
  if (cookie) header = { ...header, Cookie: cookie };
  if (key) {
    if (key.in === 'header') header = { ...header, [key.name]: key.value };
    else query = { ...query, [key.name]: key.value };
  }
  return {
    // A success body is left to be read by the caller ('stream'); openapi-fetch reads an error body (JSON, else text).
    parseAs: 'stream',
    // Each attempt's own, set before it is sent.
    signal: undefined,
    params: { path: input.path, query, header },
    body,
    bodySerializer: passBodyThrough,
    // FormData gets no Content-Type, so fetch writes it with the boundary; other bodies are JSON unless the spec says otherwise.
    headers: mediaType && !mediaType.startsWith('multipart/') ? { 'Content-Type': mediaType, ...options.headers } : options.headers,
    // Without these, openapi-fetch uses the client's: the safe path serializer, its query serializer.
    pathSerializer: pathStyles && createPathSerializer(pathStyles),
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
  };
}

/**
 * Forms given as plain objects go as FormData (multipart) or `a=1&b=2` (urlencoded); anything
 * else (bytes, text, a FormData or URLSearchParams built by the caller) as it is.
 */
function serializeForm(options: { body: unknown; operation: OperationDescriptor }): unknown {
  const { body, operation } = options;
  const mediaType = operation.mediaType as string;
  const multipart = mediaType.startsWith('multipart/');
  if ((body as object)?.constructor !== Object || (!multipart && !mediaType.includes('urlencoded'))) return body;
  const form = multipart ? new FormData() : new URLSearchParams();
  for (const [name, items] of listFields(body as object)) {
    const delimiter = operation.form?.[name];
    // Files keep their bytes and name; objects inside a form travel as JSON text.
    for (const item of delimiter ? [items.join(delimiter)] : items)
      (form as FormData).append(name, item instanceof Blob || typeof item !== 'object' ? (item as string) : JSON.stringify(item));
  }
  return multipart ? form : String(form);
}

/** The fields of a cookie parameter object or a form that have a value, each value as a list of items. */
function listFields(fields: object): [string, unknown[]][] {
  return Object.entries(fields).flatMap(([name, value]) => (value == null ? [] : [[name, [value].flat()]]));
}

function encodeValue(value: unknown): string {
  return encodeURIComponent(String(value));
}
