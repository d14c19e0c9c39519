import { HttpResponse } from 'msw';

/** A JSON response with the given status and extra headers. */
export function jsonResponse(options: { status: number; body: unknown; headers?: Record<string, string> }): Response {
  return HttpResponse.json(options.body as never, { status: options.status, headers: options.headers ?? {} });
}

/** The body of the errors the mocks make up themselves (401, 400): a message saying what was wrong. */
export interface MessageBody {
  readonly message: string;
}

/** An error with a `{ "message": … }` JSON body. */
export function messageResponse(options: { status: number; message: string; headers?: Record<string, string> }): Response {
  const body: MessageBody = { message: options.message };
  return jsonResponse({ status: options.status, body, headers: options.headers ?? {} });
}

/** A response without a body (204, 202, 413). */
export function emptyResponse(options: { status: number; headers?: Record<string, string> }): Response {
  return new HttpResponse(null, { status: options.status, headers: options.headers ?? {} });
}

/** A binary body (a download) of the given media type. */
export function binaryResponse(options: { status: number; bytes: Uint8Array; mediaType: string }): Response {
  return new HttpResponse(options.bytes as Uint8Array<ArrayBuffer>, {
    status: options.status,
    headers: { 'Content-Type': options.mediaType },
  });
}

/** A text body (`text/plain` and other non-JSON media types). */
export function textResponse(options: { status: number; text: string; mediaType: string }): Response {
  return new HttpResponse(options.text, { status: options.status, headers: { 'Content-Type': options.mediaType } });
}

/** A PDF download. */
export function pdfResponse(options: { bytes: Uint8Array; filename: string }): Response {
  return new HttpResponse(options.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${options.filename}"` },
  });
}

/** The same response with headers added where it does not set them already. */
export function withDefaultHeaders(options: { response: Response; headers: Record<string, string> }): Response {
  const missing = Object.entries(options.headers).filter(([name]) => !options.response.headers.has(name));
  if (missing.length === 0) return options.response;
  const headers = new Headers(options.response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  // A new Response, because headers of a fetched or `Response.error()` response may be immutable.
  return new Response(options.response.body, { status: options.response.status, statusText: options.response.statusText, headers });
}
