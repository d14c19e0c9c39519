import type { WebPostResponse, WebResponse } from '@complero/types';
import { HttpResponse } from 'msw';

/** A JSON response with the given status and extra headers. */
export function jsonResponse(options: { status: number; body: unknown; headers?: Record<string, string> }): Response {
  return HttpResponse.json(options.body as never, { status: options.status, headers: options.headers ?? {} });
}

/** A `web.Response` error body, the API's shape for every plain error. */
export function messageResponse(options: { status: number; message: string; headers?: Record<string, string> }): Response {
  const body: WebResponse = { message: options.message };
  return jsonResponse({ status: options.status, body, headers: options.headers ?? {} });
}

/** A `web.PostResponse` 422, the API's shape for rejected uploads. */
export function validationResponse(options: {
  message: string;
  validationErrors: NonNullable<WebPostResponse['validation_errors']>;
}): Response {
  const body: WebPostResponse = { message: options.message, validation_errors: options.validationErrors };
  return jsonResponse({ status: 422, body });
}

/** A response without a body (204, 202, 413). */
export function emptyResponse(options: { status: number; headers?: Record<string, string> }): Response {
  return new HttpResponse(null, { status: options.status, headers: options.headers ?? {} });
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
