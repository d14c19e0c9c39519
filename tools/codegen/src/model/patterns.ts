import type { PatternConfig } from '../config.js';
import type { Operation, OperationPatterns, Response, ResponseBodyKind } from './types.js';

type PatternInput = Pick<Operation, 'parameters' | 'responses'>;

/** Recognises the API conventions of one operation. */
export function recognisePatterns(options: {
  operation: PatternInput;
  patterns: PatternConfig;
  pollOperationId: string | undefined;
}): OperationPatterns {
  const { operation, patterns } = options;
  const successes = successResponses(operation.responses);
  const pagination = recognisePagination({ operation, successes, patterns });
  const backgroundOperation = recogniseBackgroundOperation({ successes, patterns, pollOperationId: options.pollOperationId });
  const pendingDownload = recognisePendingDownload({ operation });
  const requestIdHeader = operation.responses.some((response) => findHeader(response, patterns.requestIdHeader))
    ? patterns.requestIdHeader
    : undefined;
  const primary = successes.find((response) => response.contents.length > 0);
  const responseBody = primary ? responseBodyKind(primary) : 'json';
  const textMediaTypes = primary && responseBody === 'json' ? textBesideJson(primary) : undefined;
  return {
    successStatuses: successes.map((response) => response.status),
    ...(pagination ? { pagination } : {}),
    ...(backgroundOperation ? { backgroundOperation } : {}),
    ...(pendingDownload ? { pendingDownload } : {}),
    ...(requestIdHeader ? { requestIdHeader } : {}),
    responseBody,
    ...(textMediaTypes ? { textMediaTypes } : {}),
  };
}

/** A cursor query parameter and a next-cursor header on a success response. */
function recognisePagination(options: {
  operation: PatternInput;
  successes: readonly Response[];
  patterns: PatternConfig;
}): OperationPatterns['pagination'] {
  const { operation, successes, patterns } = options;
  const cursor = operation.parameters.find((parameter) => parameter.in === 'query' && parameter.name === patterns.cursorParameter);
  const page = successes.find((response) => findHeader(response, patterns.nextCursorHeader));
  if (!cursor || !page) return undefined;
  const link = findHeader(page, patterns.nextLinkHeader);
  const limit = operation.parameters.find((parameter) => parameter.in === 'query' && parameter.name === patterns.limitParameter);
  return {
    cursorParameter: cursor.name,
    nextCursorHeader: findHeader(page, patterns.nextCursorHeader)?.name ?? patterns.nextCursorHeader,
    ...(link ? { nextLinkHeader: link.name } : {}),
    ...(limit ? { limitParameter: limit.name } : {}),
  };
}

/** A 202 whose headers name the background operation it started. */
function recogniseBackgroundOperation(options: {
  successes: readonly Response[];
  patterns: PatternConfig;
  pollOperationId: string | undefined;
}): OperationPatterns['backgroundOperation'] {
  const accepted = options.successes.find(
    (response) => response.status === '202' && findHeader(response, options.patterns.operationIdHeader),
  );
  if (!accepted) return undefined;
  const link = findHeader(accepted, options.patterns.operationLinkHeader);
  return {
    status: accepted.status,
    operationIdHeader: findHeader(accepted, options.patterns.operationIdHeader)?.name ?? options.patterns.operationIdHeader,
    ...(link ? { operationLinkHeader: link.name } : {}),
    ...(options.pollOperationId ? { pollOperationId: options.pollOperationId } : {}),
  };
}

/** A binary 200 next to a 204 "not generated yet" (and usually a 410 "gone"). */
function recognisePendingDownload(options: { operation: PatternInput }): OperationPatterns['pendingDownload'] {
  const byStatus = new Map(options.operation.responses.map((response) => [response.status, response]));
  const ready = byStatus.get('200');
  if (!ready || !isBinaryContent(ready) || !byStatus.has('204')) return undefined;
  return {
    readyStatus: '200',
    pendingStatus: '204',
    ...(byStatus.has('410') ? { goneStatus: '410' } : {}),
    mediaTypes: ready.contents.map((content) => content.mediaType),
  };
}

const BINARY_MEDIA_TYPE = /^(application\/(octet-stream|pdf|zip|gzip|x-tar)|image\/|audio\/|video\/)/i;

/** The response's first media type is binary, or its schema is `format: binary`. */
export function isBinaryContent(response: Response): boolean {
  const [first] = response.contents;
  if (!first) return false;
  return BINARY_MEDIA_TYPE.test(first.mediaType) || first.schema?.format === 'binary';
}

/** Whether a body of this media type is JSON (any type, `*` slash `*`, too: JSON is what clients send by default). */
export function isJsonMediaType(mediaType: string): boolean {
  return /[/+]json\b|^\*\/\*$/i.test(mediaType);
}

/**
 * How clients read a success body: bytes when its first media type is binary, else JSON when any
 * media type is (the types package prefers it too), else text (`text/plain`, `text/csv`, …).
 */
function responseBodyKind(response: Response): ResponseBodyKind {
  if (isBinaryContent(response)) return 'binary';
  return response.contents.some((content) => isJsonMediaType(content.mediaType)) ? 'json' : 'text';
}

/** `text/*`, and the structured text formats besides JSON (`application/yaml`, `application/xml`, `…+xml`). */
const TEXT_MEDIA_TYPE = /^text\/|[/+](x-)?(yaml|xml)$/i;

/**
 * The text media types a JSON response may come as instead (Kubernetes' pod log: `text/plain`
 * next to JSON), as the essence a Content-Type has (`text/plain`, lowercase, no parameters).
 * Only when a `text/*` type is offered: most Kubernetes operations also list `application/yaml`
 * but answer JSON, and typing all of them `string` too would be wrong for every caller.
 */
function textBesideJson(response: Response): readonly string[] | undefined {
  const types = response.contents
    .map((content) => content.mediaType.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter((mediaType) => TEXT_MEDIA_TYPE.test(mediaType) && !isJsonMediaType(mediaType));
  return types.some((mediaType) => mediaType.startsWith('text/')) ? [...new Set(types)] : undefined;
}

function findHeader(response: Response, name: string) {
  const wanted = name.toLowerCase();
  return response.headers.find((header) => header.name.toLowerCase() === wanted);
}

/**
 * The responses a call succeeds with: the 2xx ones, or `default` when an operation declares no
 * 2xx at all (nor a `2XX` range). Then `default` is the only answer the spec describes, and what
 * the client returns on success is its body (Kubernetes and Docker have such operations).
 */
export function successResponses(responses: readonly Response[]): Response[] {
  const successes = responses.filter((response) => /^2\d\d$/.test(response.status));
  if (successes.length > 0 || responses.some((response) => /^2xx$/i.test(response.status))) return successes;
  return responses.filter((response) => response.status === 'default');
}
