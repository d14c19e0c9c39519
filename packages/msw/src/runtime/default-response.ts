import type { MockRequestInfo } from './create-operation-handler.js';
import type { MockOperation, MockShape } from './mock-operation.js';
import { createDocumentationPdf } from './pdf.js';
import { emptyResponse, jsonResponse, pdfResponse } from './responses.js';
import { createSample } from './samples.js';

/** The link to poll a background operation at, e.g. `https://api.complero.com/v1/operations/<id>`. */
export function createOperationLink(options: { baseUrl: string; pollPath: string; operationId: string }): string {
  return `${options.baseUrl}${options.pollPath.replace(/\{[^}]+\}/, encodeURIComponent(options.operationId))}`;
}

/** The headers a 202 names its background operation in. */
export function backgroundOperationHeaders(options: {
  operation: MockOperation;
  baseUrl: string;
  operationId: string;
}): Record<string, string> {
  const pattern = options.operation.backgroundOperation;
  if (!pattern) return {};
  return {
    [pattern.operationIdHeader]: options.operationId,
    ...(pattern.operationLinkHeader && pattern.pollPath
      ? {
          [pattern.operationLinkHeader]: createOperationLink({
            baseUrl: options.baseUrl,
            pollPath: pattern.pollPath,
            operationId: options.operationId,
          }),
        }
      : {}),
  };
}

/**
 * What the API answers a valid request with, statelessly: the spec's example when it has one,
 * otherwise data seeded by the request; a 202 naming an operation; a ready PDF for downloads.
 */
export function createDefaultResponse<Shape extends MockShape>(info: MockRequestInfo<Shape>): Response {
  const { operation } = info;
  if (operation.backgroundOperation) {
    const headers = backgroundOperationHeaders({ operation, baseUrl: info.baseUrl, operationId: info.random.uuid() });
    return emptyResponse({ status: operation.backgroundOperation.status, headers });
  }
  if (operation.pendingDownload) {
    const contactId = Object.values(info.params)[0] ?? 'contact';
    const eventId = Object.values(info.params)[1];
    return pdfResponse({ bytes: createDocumentationPdf({ contactId, ...(eventId ? { eventId } : {}) }), filename: `${contactId}.pdf` });
  }
  const success = operation.responses.find((response) => response.status === operation.successStatus);
  if (success?.example !== undefined) return jsonResponse({ status: success.status, body: success.example });
  if (success?.schema) {
    const body = createSample({ schema: success.schema, random: info.random, baseUrl: info.baseUrl });
    return jsonResponse({ status: success.status, body: withPathIds({ body, params: info.params }) });
  }
  return emptyResponse({ status: operation.successStatus });
}

/** `GET /contacts/K-1` should answer with contact `K-1`: put a lone `id` path parameter into the body's `id`. */
function withPathIds(options: { body: unknown; params: Record<string, string> }): unknown {
  const { body, params } = options;
  if (typeof params.id !== 'string' || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return 'id' in body ? { ...body, id: params.id } : body;
}
