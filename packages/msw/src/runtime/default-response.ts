import type { MockRequestInfo } from './create-operation-handler.js';
import type { MockOperation, MockResponse, MockShape } from './mock-operation.js';
import { createDocumentationPdf } from './pdf.js';
import { binaryResponse, emptyResponse, jsonResponse, pdfResponse, textResponse, withDefaultHeaders } from './responses.js';
import { createSchemaSample } from './schema-sample.js';

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
 * otherwise a body made by the handler set's sample factory for the schema, otherwise one generated
 * from the schema and seeded by the request; a 202 naming an operation; a ready file for downloads.
 */
export function createDefaultResponse<Shape extends MockShape>(info: MockRequestInfo<Shape>): Response {
  const { operation } = info;
  if (operation.backgroundOperation) {
    const { status } = operation.backgroundOperation;
    const headers = backgroundOperationHeaders({ operation, baseUrl: info.baseUrl, operationId: info.random.uuid() });
    // The 202 keeps the body its spec declares (an operation resource, say) beside the headers naming the operation.
    const accepted = operation.responses.find((response) => response.status === status);
    if (!accepted) return emptyResponse({ status, headers });
    return withDefaultHeaders({ response: successResponse({ info, success: accepted }), headers });
  }
  if (operation.pendingDownload) {
    const status = operation.pendingDownload.readyStatus;
    const mediaType = downloadMediaType(operation.pendingDownload.mediaTypes);
    if (mediaType !== 'application/pdf') return binaryResponse({ status, bytes: new Uint8Array(), mediaType });
    const [first, second] = Object.values(info.params);
    const contactId = first ?? 'document';
    return pdfResponse({
      bytes: createDocumentationPdf({ contactId, ...(second ? { eventId: second } : {}) }),
      filename: `${contactId}.pdf`,
    });
  }
  const success = operation.responses.find((response) => response.status === operation.successStatus);
  if (!success) return emptyResponse({ status: operation.successStatus });
  return successResponse({ info, success });
}

function successResponse<Shape extends MockShape>(options: { info: MockRequestInfo<Shape>; success: MockResponse }): Response {
  const { info, success } = options;
  const mediaType = success.mediaTypes.find(isJsonMediaType) ?? success.mediaTypes[0];
  if (mediaType === undefined || (success.example === undefined && success.schema === undefined && success.bodySchema === undefined)) {
    return emptyResponse({ status: success.status });
  }
  if (success.binary) return binaryResponse({ status: success.status, bytes: new Uint8Array(), mediaType });
  const body = success.example !== undefined ? success.example : withPathIds({ body: createBody({ info, success }), params: info.params });
  if (isJsonMediaType(mediaType)) return jsonResponse({ status: success.status, body, headers: { 'Content-Type': mediaType } });
  return textResponse({ status: success.status, text: typeof body === 'string' ? body : JSON.stringify(body), mediaType });
}

/**
 * The media type a ready download is sent as. Documents declared as `application/octet-stream`
 * (any bytes) or PDF become a small real PDF, the most useful stand-in; another declared binary
 * type keeps its own media type.
 */
export function downloadMediaType(mediaTypes: readonly string[]): string {
  const binary = mediaTypes.filter((mediaType) => !isJsonMediaType(mediaType));
  if (binary.length === 0 || binary.some((mediaType) => /^application\/(pdf|octet-stream)\b/i.test(mediaType))) return 'application/pdf';
  return binary[0] as string;
}

function createBody<Shape extends MockShape>(options: { info: MockRequestInfo<Shape>; success: MockResponse }): unknown {
  const { info, success } = options;
  const factory = success.schema ? info.samples[success.schema.name] : undefined;
  if (factory && success.schema) {
    const make = () => factory({ random: info.random, baseUrl: info.baseUrl });
    return success.schema.array ? Array.from({ length: 3 }, make) : make();
  }
  return createSchemaSample({ schema: success.bodySchema ?? {}, schemas: info.schemas, random: info.random });
}

/** `GET /contacts/K-1` should answer with contact `K-1`: put a lone `id` path parameter into the body's `id`. */
function withPathIds(options: { body: unknown; params: Record<string, string> }): unknown {
  const { body, params } = options;
  if (typeof params.id !== 'string' || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return 'id' in body && typeof body.id === 'string' ? { ...body, id: params.id } : body;
}

/** Whether a body of this media type is JSON (`application/json`, `…+json`). */
export function isJsonMediaType(mediaType: string): boolean {
  return /[/+]json\b/i.test(mediaType);
}
