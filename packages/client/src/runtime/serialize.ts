import { InvalidArgumentError } from './errors.js';
import { createPathSerializer } from './path.js';
import type { RequestInput } from './request.js';
import type { OperationDescriptor } from './types.js';

/** What goes on the wire for one call, built once and sent as it is by every attempt. */
export interface WireRequest {
  /** The path and query, to append to the base URL. */
  readonly url: string;
  /** Header names in lower case, so that a caller's `authorization` replaces the client's `Authorization`. */
  readonly headers: Record<string, string>;
  readonly body: BodyInit | undefined;
}

/**
 * Puts an operation's parameters and body on the wire as its spec says, as openapi-fetch would:
 * path parameters through the safe path serializer, query arrays repeated (`a=1&a=2`) unless the
 * descriptor joins them, objects as deepObject (`f[k]=v`), JSON bodies unless the descriptor
 * names another media type. Headers, lowest priority first: `Content-Type` for a body, the
 * client's, the call's, the spec's header and cookie parameters. Throws `InvalidArgumentError`
 * for anything that cannot be sent, before anything is.
 */
export function serializeInput(options: {
  operation: OperationDescriptor;
  input: RequestInput;
  /** The client's headers (names in lower case). */
  clientHeaders: Readonly<Record<string, string>>;
  /** The call's `RequestOptions.headers`. */
  headers: object | undefined;
  /** Replaces the API key in the message of a body that cannot be serialised. */
  redact: (text: string) => string;
}): WireRequest {
  const { input, operation } = options;
  const { query, cookie } = input;
  const { mediaType } = operation;
  // Most calls have no query, cookie or header parameters: those cost nothing then.
  let url = input.path ? createPathSerializer(operation.pathStyles)(operation.path, input.path) : operation.path;
  if (query) {
    const delimiters = operation.query;
    const pairs: string[] = [];
    for (const [name, value] of Object.entries(query)) {
      if (value == null) continue;
      if (Array.isArray(value) && value.length && delimiters?.[name])
        pairs.push(`${encodeURIComponent(name)}=${value.map(encodeValue).join(delimiters[name])}`);
      else if (typeof value !== 'object') pairs.push(`${name}=${encodeValue(value)}`);
      else
        for (const [key, item] of Object.entries(value))
          if (item != null) pairs.push(`${Array.isArray(value) ? name : `${name}[${key}]`}=${encodeValue(item)}`);
    }
    if (pairs.length) url += `?${pairs.join('&')}`;
  }
  let body = input.body;
  if (body !== undefined) {
    try {
      body = mediaType ? serializeForm({ body, operation }) : body instanceof FormData ? body : JSON.stringify(body);
    } catch (cause) {
      throw new InvalidArgumentError(
        `Nothing was sent to ${operation.method} ${operation.path}: its body cannot be serialised (${options.redact(String(cause))}).`,
      );
    }
  }
  // The client's header names are in lower case already; `Content-Type` for a body is the default any of them replaces.
  // FormData gets none, so fetch writes it with the boundary.
  const headers: Record<string, string> =
    body !== undefined && !(body instanceof FormData)
      ? { 'content-type': 'application/json', ...options.clientHeaders }
      : { ...options.clientHeaders };
  if (mediaType && !mediaType.startsWith('multipart/')) headers['content-type'] = mediaType;
  mergeHeaders({ headers, from: options.headers });
  mergeHeaders({ headers, from: input.header });
  // Browsers forbid setting `Cookie` and drop it silently: there cookies come from the browser's jar (`credentials`).
  if (cookie)
    mergeHeaders({
      headers,
      from: {
        cookie:
          listFields(cookie)
            .map(([name, items]) => `${name}=${items.map(encodeValue).join()}`)
            .join('; ') || undefined,
      },
    });
  return { url, headers, body: body as BodyInit | undefined };
}

/** Sets `from`'s headers on `headers` by their lower-case names: `null` removes one, arrays go as one `a, b` list (which HTTP reads as `a,b`). */
export function mergeHeaders(options: { headers: Record<string, string>; from: object | undefined }): void {
  const { headers, from } = options;
  if (from)
    for (const [name, value] of Object.entries(from)) {
      if (value === null) delete headers[name.toLowerCase()];
      else if (value !== undefined) headers[name.toLowerCase()] = [value].flat().join(', ');
    }
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
function listFields(fields: object | undefined): [string, unknown[]][] {
  return Object.entries(fields ?? {}).flatMap(([name, value]) => (value == null ? [] : [[name, [value].flat()]]));
}

function encodeValue(value: unknown): string {
  return encodeURIComponent(String(value));
}
