import type {
  Contact,
  ContactEvent,
  ContactUpload,
  Employee,
  EmployeeUpload,
  Operation,
  PublicFax,
  PublicNumber,
  TriggerPublicEvent,
  WebResponse,
} from '@complero/types';
import type { HttpHandler } from 'msw';
import {
  createDefaultHandlerContext,
  createHandlersFromContext,
  type MockOperationShapes,
  type MockOverrides,
} from '../generated/handlers.js';
import { getEventsOperation } from '../generated/operations.js';
import { checkAgainstSchema } from './check-schema.js';
import type { HandlerOptions, MockRequestInfo, MockResolver } from './create-operation-handler.js';
import { backgroundOperationHeaders } from './default-response.js';
import type { MockJsonSchema, MockOperation } from './mock-operation.js';
import { createDocumentationPdf } from './pdf.js';
import { MAX_PAGE_SIZE, paginate, QueryError, readCursor, readEnumFilter, readLimit, readTime } from './query.js';
import { emptyResponse, jsonResponse, messageResponse, pdfResponse } from './responses.js';
import { createMockStore, type DocumentationRecord, eventKey, type MockStore } from './store.js';
import { contactEmailFields, employeeEmailFields, validateUploadItems, validationResponse } from './validate-upload.js';

/** Options of `createMockComplero`. */
export interface MockCompleroOptions extends HandlerOptions {
  /** Start with the spec's example contacts and events (`'examples'`, default) or empty (`'none'`). */
  readonly fixtures?: 'examples' | 'none';
  /**
   * How many polls answer `processing` before `completed`. A poll is a `GET /operations/{id}` of the
   * operation or a `GET /operations` listing (which advances every unfinished operation). Default 1.
   */
  readonly operationPolls?: number;
  /** How many documentation downloads answer 204 "not generated yet" before the PDF is ready. Default 1. */
  readonly documentationPolls?: number;
  /** Operations to answer differently from the stateful mock. */
  readonly overrides?: MockOverrides;
}

/** A stateful, in-memory Complero. */
export interface MockComplero {
  /** MSW handlers for every operation, backed by `store`. */
  readonly handlers: HttpHandler[];
  /** What the mock remembers; read or change it in tests. */
  readonly store: MockStore;
  /** Forgets everything since creation: back to the starting data, clock and ids (request ids included). */
  reset(): void;
  /**
   * The next id of this mock's Request-Id sequence, for responses made outside its handlers (the
   * mock server's CORS preflights and errors), so they too repeat run after run.
   */
  nextRequestId(): string;
}

type Info<Name extends keyof MockOperationShapes> = MockRequestInfo<MockOperationShapes[Name]>;
type Resolvers = { [Name in keyof MockOperationShapes]: MockResolver<MockOperationShapes[Name]> };

const EVENT_TYPES = ['update', 'confirm', 'documentation'] as const;
const TRIGGER_TYPES = ['update', 'confirm'] as const;

/**
 * An in-memory Complero that behaves like the real one: uploads are validated (422 `v1c002`/`v1c001`,
 * 413 over 1000 items) and start operations that finish when polled; contacts and employees can be
 * fetched and deleted; sandbox events page with cursors; documentation goes pending → PDF → gone.
 */
export function createMockComplero(options: MockCompleroOptions = {}): MockComplero {
  const context = createDefaultHandlerContext(options);
  const settings = { operationPolls: options.operationPolls ?? 1, documentationPolls: options.documentationPolls ?? 1 };
  const withExamples = options.fixtures !== 'none';
  const store = createMockStore({
    seed: context.seed,
    baseUrl: context.baseUrl,
    ...(withExamples ? { fill: fillWithExamples } : {}),
    ...optionalClockStart(withExamples ? latestExampleTime() : documentedFrom()),
  });
  const resolvers = createResolvers({ store, settings });
  const handlers = createHandlersFromContext({ context, overrides: { ...resolvers, ...options.overrides } });
  return {
    handlers,
    store,
    reset: () => {
      store.reset();
      context.resetRequestIds();
    },
    nextRequestId: () => context.nextRequestId(),
  };
}

function exampleEvents(): ContactEvent[] {
  const example = getEventsOperation.responses.find((response) => response.status === getEventsOperation.successStatus)?.example;
  return Array.isArray(example) ? (structuredClone(example) as ContactEvent[]) : [];
}

/** The time of the latest example event: with the example fixtures the clock starts there, so new events come after them. */
function latestExampleTime(): number | undefined {
  const times = exampleEvents()
    .map((event) => Date.parse(event.event_time ?? ''))
    .filter((time) => !Number.isNaN(time));
  return times.length > 0 ? Math.max(...times) : undefined;
}

/**
 * The `from` the spec documents as its example for listing events. Starting empty, the clock starts
 * there, so the documented example request (`from`, `to` and `cursor` of the spec's `x-example`s)
 * finds the events and operations a test creates.
 */
function documentedFrom(): number | undefined {
  const from = getEventsOperation.parameterExamples.from;
  const time = typeof from === 'string' ? Date.parse(from) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

function optionalClockStart(time: number | undefined): { clockStart?: number } {
  return time === undefined ? {} : { clockStart: time };
}

/**
 * Puts the spec's `GET /events` example events, and the contacts in them, into the store. A
 * `documentation` event says the PDF exists, so each one also gets a ready documentation record:
 * otherwise `/events` would list documentation that `/documentation/{contactID}` answers 404 for.
 */
function fillWithExamples(store: MockStore): void {
  for (const event of exampleEvents()) {
    store.events.push(event);
    if (event.contact?.id) store.contacts.set(event.contact.id, event.contact);
    if (event.type === 'documentation' && event.contact_id && event.event_id) {
      store.documentation.push({ contactId: event.contact_id, eventId: event.event_id, state: 'ready', pendingPolls: 0 });
    }
  }
}

function createResolvers(options: { store: MockStore; settings: { operationPolls: number; documentationPolls: number } }): Resolvers {
  const { store, settings } = options;
  return {
    bulkUploadContacts: (info) =>
      upload({
        info,
        store,
        settings,
        model: 'contact',
        emailFields: contactEmailFields,
        save: (item) =>
          store.contacts.set(String(item.id), toContact({ upload: item as ContactUpload, existing: store.contacts.get(String(item.id)) })),
      }),
    bulkUploadEmployees: (info) =>
      upload({
        info,
        store,
        settings,
        model: 'employee',
        emailFields: employeeEmailFields,
        save: (item) => store.employees.set(String(item.id), toEmployee(item as EmployeeUpload)),
      }),
    getContact: ({ params }) =>
      store.contacts.get(params.id) ?? messageResponse({ status: 404, message: `contact ${params.id} not found` }),
    deleteContact: ({ params }) => {
      if (!store.contacts.delete(params.id)) return messageResponse({ status: 404, message: `contact ${params.id} not found` });
      return emptyResponse({ status: 204 });
    },
    getEmployee: ({ params }) =>
      store.employees.get(params.id) ?? messageResponse({ status: 404, message: `employee ${params.id} not found` }),
    deleteEmployee: ({ params }) => {
      const assigned = [...store.contacts.values()].filter((contact) => contact.employee_id === params.id).length;
      if (assigned > 0) {
        return messageResponse({
          status: 403,
          message: `employee ${params.id} still has ${assigned} assigned contact${assigned === 1 ? '' : 's'}: reassign or delete them first`,
        });
      }
      // The spec documents no 404 here, so deleting an unknown employee succeeds like deleting it twice would.
      store.employees.delete(params.id);
      return emptyResponse({ status: 204 });
    },
    getEvents: (info) => answerQuery(() => listEvents({ info, store })),
    getLatestEvents: (info) => answerQuery(() => latestEvents({ info, store })),
    triggerSandboxEvent: (info) => triggerEvent({ info, store, settings }),
    getAllOperations: (info) => answerQuery(() => listOperations({ info, store })),
    getOperation: ({ params }) => {
      const stored = store.operations.get(params.id);
      if (!stored) return messageResponse({ status: 404, message: `operation ${params.id} not found` });
      advanceOperation(stored);
      return structuredClone(stored.operation);
    },
    getDocumentation: ({ params, operation }) => documentation({ store, operation, contactId: params.contactID }),
    getDocumentationEvent: ({ params, operation }) =>
      documentation({ store, operation, contactId: params.contactID, eventId: params.eventID }),
    ping: () => emptyResponse({ status: 200 }),
  };
}

function answerQuery(run: () => Response): Response {
  try {
    return run();
  } catch (error) {
    if (error instanceof QueryError) return messageResponse({ status: 400, message: error.message });
    throw error;
  }
}

function upload(options: {
  info: MockRequestInfo<{ params: Record<string, never>; query: Record<string, never>; body: unknown; response: undefined }>;
  store: MockStore;
  settings: { operationPolls: number };
  model: 'contact' | 'employee';
  emailFields: (item: Record<string, unknown>) => readonly { path: string; value: unknown }[];
  save: (item: Record<string, unknown>) => void;
}): Response {
  const { info, store, model } = options;
  const body = info.body;
  const schema = info.operation.requestBody;
  if (!Array.isArray(body))
    return messageResponse({ status: 400, message: `request body must be a JSON array of ${schema?.schema?.name ?? model} objects` });
  // The API takes up to 1000 items per call; the client splits larger uploads.
  if (body.length > MAX_PAGE_SIZE) return emptyResponse({ status: 413 });
  const notObject = body.findIndex((item) => item === null || typeof item !== 'object' || Array.isArray(item));
  if (notObject !== -1) return messageResponse({ status: 400, message: `item ${notObject} of the request body is not a JSON object` });
  const { validationErrors, items } = validateUploadItems({
    items: body as Record<string, unknown>[],
    schemaName: schema?.schema?.name ?? model,
    requiredProperties: schema?.requiredProperties ?? [],
    itemSchema: schema?.bodySchema?.items as MockJsonSchema | undefined,
    schemas: info.schemas,
    emailFields: options.emailFields,
  });
  const failed = Object.keys(validationErrors).length;
  if (failed > 0) {
    return validationResponse({
      message: `validation failed for ${failed} of ${items.length} ${model}${items.length === 1 ? '' : 's'}`,
      validationErrors,
    });
  }
  for (const item of items) options.save(item);
  const operation: Operation = {
    id: store.random.uuid(),
    type: 'bulk_upload',
    model,
    status: 'pending',
    created_at: store.nextTime(),
    items: items.map((item) => ({ id: store.random.uuid(), model_id: String(item.id), status: 'pending' })),
  };
  store.operations.set(operation.id!, { operation, pollsUntilDone: options.settings.operationPolls });
  return emptyResponse({
    status: 202,
    headers: backgroundOperationHeaders({ operation: info.operation, baseUrl: info.baseUrl, operationId: operation.id! }),
  });
}

function advanceOperation(stored: { operation: Operation; pollsUntilDone: number }): void {
  if (stored.operation.status === 'completed' || stored.operation.status === 'failed') return;
  if (stored.pollsUntilDone > 0) {
    stored.pollsUntilDone -= 1;
    stored.operation = {
      ...stored.operation,
      status: 'processing',
      items: stored.operation.items?.map((item) => ({ ...item, status: 'processing' })) ?? [],
    };
    return;
  }
  stored.operation = {
    ...stored.operation,
    status: 'completed',
    items: stored.operation.items?.map((item) => ({ ...item, status: 'success' })) ?? [],
  };
}

function filterByTime<T>(options: { items: readonly T[]; query: URLSearchParams; time: (item: T) => string | undefined }): T[] {
  const from = readTime({ query: options.query, parameter: 'from' });
  const to = readTime({ query: options.query, parameter: 'to' });
  return options.items.filter((item) => {
    const at = Date.parse(options.time(item) ?? '');
    return (from === undefined || at >= from) && (to === undefined || at <= to);
  });
}

function listEvents(options: { info: Info<'getEvents'>; store: MockStore }): Response {
  const { info, store } = options;
  const pagination = info.operation.pagination!;
  const types = readEnumFilter({ query: info.query, parameter: 'type', allowed: EVENT_TYPES });
  const limit = readLimit({ query: info.query, parameter: pagination.limitParameter });
  const offset = readCursor({
    query: info.query,
    parameter: pagination.cursorParameter,
    exampleCursor: info.operation.parameterExamples[pagination.cursorParameter],
  });
  const matching = filterByTime({ items: store.events, query: info.query, time: (event) => event.event_time }).filter(
    (event) => !types || types.has(event.type ?? ''),
  );
  const { page, headers } = paginate({ items: matching, offset, limit, requestUrl: info.request.url, pagination });
  for (const event of page) store.delivered.add(eventKey(event));
  return jsonResponse({ status: 200, body: page, headers });
}

function latestEvents(options: { info: Info<'getLatestEvents'>; store: MockStore }): Response {
  const { info, store } = options;
  const types = readEnumFilter({ query: info.query, parameter: 'type', allowed: EVENT_TYPES });
  const limit = readLimit({ query: info.query, parameter: 'limit' });
  const fresh = store.events
    .filter((event) => !store.delivered.has(eventKey(event)) && (!types || types.has(event.type ?? '')))
    .slice(0, limit);
  for (const event of fresh) store.delivered.add(eventKey(event));
  return jsonResponse({ status: 200, body: fresh });
}

function listOperations(options: { info: Info<'getAllOperations'>; store: MockStore }): Response {
  const { info, store } = options;
  const pagination = info.operation.pagination!;
  const limit = readLimit({ query: info.query, parameter: pagination.limitParameter });
  const offset = readCursor({
    query: info.query,
    parameter: pagination.cursorParameter,
    exampleCursor: info.operation.parameterExamples[pagination.cursorParameter],
  });
  // A listing counts as a poll of every unfinished operation: a client that waits by listing must see them finish too.
  for (const stored of store.operations.values()) advanceOperation(stored);
  // Newest first, as the API documents.
  const all = [...store.operations.values()].map((stored) => stored.operation).reverse();
  const matching = filterByTime({ items: all, query: info.query, time: (operation) => operation.created_at });
  const { page, headers } = paginate({ items: matching, offset, limit, requestUrl: info.request.url, pagination });
  return jsonResponse({ status: 200, body: page, headers });
}

function triggerEvent(options: {
  info: Info<'triggerSandboxEvent'>;
  store: MockStore;
  settings: { documentationPolls: number };
}): Response | WebResponse {
  const { info, store } = options;
  const sent = info.body as TriggerPublicEvent | undefined;
  if (!sent || typeof sent !== 'object' || Array.isArray(sent))
    return messageResponse({ status: 400, message: 'request body must be a JSON object with contact and type' });
  if (!TRIGGER_TYPES.includes(sent.type as never)) {
    return messageResponse({
      status: 400,
      message: `type must be one of ${TRIGGER_TYPES.join(', ')}, got ${JSON.stringify(sent.type ?? null)}`,
    });
  }
  // The spec documents 400 "some values of request body can not be parsed" for this operation (no 422).
  const bodySchema = info.operation.requestBody?.bodySchema;
  const check = bodySchema
    ? checkAgainstSchema({ value: sent, schema: bodySchema, schemas: info.schemas })
    : { mismatches: [], value: sent };
  if (check.mismatches.length > 0) {
    const problems = check.mismatches.map(({ path, expected, found }) => `${path} must be ${expected}, got ${found}`);
    return messageResponse({ status: 400, message: `some values of the request body can not be parsed: ${problems.join('; ')}` });
  }
  const body = check.value as TriggerPublicEvent;
  const contactId = body.contact?.id;
  if (!contactId) return messageResponse({ status: 400, message: 'contact.id is required: name the contact to trigger the event for' });
  const stored = store.contacts.get(contactId);
  if (!stored) return messageResponse({ status: 404, message: `contact ${contactId} not found` });
  // A sandbox update stands for the consumer changing their data: the contact takes the sent fields.
  const contact = body.type === 'update' ? { ...stored, ...body.contact, id: contactId } : stored;
  store.contacts.set(contactId, contact);
  const event = store.addEvent({ contactId, type: body.type!, contact: structuredClone(contact) });
  store.documentation.push({ contactId, eventId: event.event_id!, state: 'pending', pendingPolls: options.settings.documentationPolls });
  return { message: 'event was triggered successfully' };
}

function documentation(options: { store: MockStore; operation: MockOperation; contactId: string; eventId?: string }): Response {
  const { store, contactId, eventId } = options;
  const record: DocumentationRecord | undefined = [...store.documentation]
    .reverse()
    .find((candidate) => candidate.contactId === contactId && (eventId === undefined || candidate.eventId === eventId));
  if (!record) {
    return messageResponse({
      status: 404,
      message: `no documentation events for contact ${contactId}${eventId ? ` and event ${eventId}` : ''}`,
    });
  }
  const download = options.operation.pendingDownload;
  if (record.state === 'expired') {
    return messageResponse({ status: download?.goneStatus ?? 410, message: 'documentation is not available any longer' });
  }
  if (record.state === 'pending' && record.pendingPolls > 0) {
    record.pendingPolls -= 1;
    return emptyResponse({ status: download?.pendingStatus ?? 204 });
  }
  store.generateDocumentation({ contactId, eventId: record.eventId });
  return pdfResponse({
    bytes: createDocumentationPdf({ contactId, eventId: record.eventId }),
    filename: `${contactId}-${record.eventId}.pdf`,
  });
}

/**
 * Uploaded phone, mobile and fax numbers in the read shape. One function serves all three: the API
 * echoes the number as entered either way, and `PublicFax` is `PublicNumber` without the formatted forms.
 */
function toPublicNumbers(entries: readonly { number?: string }[] | undefined): (PublicNumber & PublicFax)[] | undefined {
  return entries?.map((entry) => ({ number: entry.number ?? '', original: entry.number ?? '' }));
}

function toSection(section: ContactUpload['section_private']): Contact['section_private'] {
  if (!section) return undefined;
  return dropUndefined({
    addresses: section.addresses,
    emails: section.emails?.map((entry) => entry.email ?? '').filter(Boolean),
    phone_numbers: toPublicNumbers(section.phone_numbers),
    mobile_numbers: toPublicNumbers(section.mobile_numbers),
    fax_numbers: toPublicNumbers(section.fax_numbers),
  });
}

/** What the API stores for an uploaded contact: sections normalised to the read shape; an existing contact is synced. */
function toContact(options: { upload: ContactUpload; existing: Contact | undefined }): Contact {
  const { upload, existing } = options;
  const { section_private, section_work, ...rest } = upload;
  return dropUndefined({
    ...(existing ? { tags: existing.tags, documentation: existing.documentation } : {}),
    ...rest,
    section_private: toSection(section_private),
    section_work: toSection(section_work),
  });
}

function toEmployee(upload: EmployeeUpload): Employee {
  return { ...upload };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
