import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel, Operation } from '../src/model/types.js';
import { buildComplero } from './helpers/model.js';

let model: ApiModel;
const operation = (id: string): Operation => {
  const found = model.operations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
};

beforeAll(async () => {
  model = await buildComplero();
});

describe('the model of the Complero spec', () => {
  it('holds the 14 operations sorted by path, then method', () => {
    expect(model.operations.map((op) => `${op.method} ${op.path} ${op.id}`)).toStrictEqual([
      'post /contacts BulkUploadContacts',
      'delete /contacts/{id} DeleteContact',
      'get /contacts/{id} GetContact',
      'get /documentation/{contactID} GetDocumentation',
      'get /documentation/{contactID}/{eventID} GetDocumentationEvent',
      'post /employees BulkUploadEmployees',
      'delete /employees/{id} DeleteEmployee',
      'get /employees/{id} GetEmployee',
      'get /events GetEvents',
      'get /events/latest GetLatestEvents',
      'post /events/trigger TriggerSandboxEvent',
      'get /operations GetAllOperations',
      'get /operations/{id} GetOperation',
      'get /ping Ping',
    ]);
  });

  it('groups parameters by location with their schemas, defaults and examples', () => {
    const events = operation('GetEvents');
    expect(events.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toStrictEqual([
      'query:type:false',
      'query:from:false',
      'query:to:false',
      'query:limit:false',
      'query:cursor:false',
    ]);
    expect(events.parameters[0]?.schema).toStrictEqual({ type: 'string', enum: ['confirm', 'update', 'documentation'] });
    expect(events.parameters[3]?.schema).toStrictEqual({ type: 'string', default: '1000' });
    expect(events.parameters[4]?.example).toBe('MDAwMDAwMDAtMDAwMC0');
    expect(operation('GetDocumentationEvent').parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toStrictEqual([
      'path:contactID:true',
      'path:eventID:true',
    ]);
  });

  it('keeps the request body of the bulk upload', () => {
    expect(operation('BulkUploadContacts').requestBody).toStrictEqual({
      required: true,
      description: 'payload',
      contents: [{ mediaType: 'application/json', schema: { type: 'array', items: { $ref: '#/components/schemas/ContactUpload' } } }],
    });
  });

  it('lists responses by status with content types and typed headers', () => {
    const upload = operation('BulkUploadContacts');
    expect(upload.responses.map((r) => [r.status, r.contents.map((c) => c.mediaType), r.headers.map((h) => h.name)])).toStrictEqual([
      ['202', [], ['Operation-Id', 'Operation-Link', 'Request-Id']],
      ['400', ['application/json'], ['Request-Id']],
      ['413', [], ['Request-Id']],
      ['422', ['application/json'], ['Request-Id']],
      ['500', ['application/json'], ['Request-Id']],
    ]);
    expect(upload.responses[0]?.headers[0]).toStrictEqual({
      name: 'Operation-Id',
      required: false,
      description: 'Id of the created operation associated with this upload',
      schema: { type: 'string' },
    });
  });

  it('carries the spec examples of GET /events', () => {
    const [ok] = operation('GetEvents').responses;
    expect(ok?.examples.map((example) => (example.value as unknown[]).length)).toStrictEqual([3]);
  });

  it('recognises cursor pagination on GetEvents and GetAllOperations only', () => {
    const paginated = model.operations.filter((op) => op.patterns.pagination).map((op) => op.id);
    expect(paginated).toStrictEqual(['GetEvents', 'GetAllOperations']);
    expect(operation('GetEvents').patterns.pagination).toStrictEqual({
      cursorParameter: 'cursor',
      nextCursorHeader: 'Next-Cursor',
      nextLinkHeader: 'Next-Link',
      limitParameter: 'limit',
    });
  });

  it('recognises the background operation on the two bulk uploads, polled with GetOperation', () => {
    const background = model.operations.filter((op) => op.patterns.backgroundOperation).map((op) => op.id);
    expect(background).toStrictEqual(['BulkUploadContacts', 'BulkUploadEmployees']);
    expect(operation('BulkUploadEmployees').patterns.backgroundOperation).toStrictEqual({
      status: '202',
      operationIdHeader: 'Operation-Id',
      operationLinkHeader: 'Operation-Link',
      pollOperationId: 'GetOperation',
    });
  });

  it('recognises the pending download on the two documentation endpoints', () => {
    const downloads = model.operations.filter((op) => op.patterns.pendingDownload).map((op) => op.id);
    expect(downloads).toStrictEqual(['GetDocumentation', 'GetDocumentationEvent']);
    expect(operation('GetDocumentation').patterns).toMatchObject({
      pendingDownload: {
        readyStatus: '200',
        pendingStatus: '204',
        goneStatus: '410',
        mediaTypes: ['application/octet-stream', 'application/json'],
      },
      responseBody: 'binary',
    });
  });

  it('finds the Request-Id header wherever a response declares it', () => {
    const without = model.operations.filter((op) => !op.patterns.requestIdHeader).map((op) => op.id);
    expect(without).toStrictEqual(['GetDocumentation', 'GetDocumentationEvent', 'DeleteEmployee', 'Ping']);
  });

  it('requires the API key everywhere but on ping', () => {
    expect(model.securitySchemes).toStrictEqual([{ key: 'ApiKeyAuth', type: 'apiKey', in: 'header', parameterName: 'Authorization' }]);
    const open = model.operations.filter((op) => op.security.length === 0).map((op) => op.id);
    expect(open).toStrictEqual(['Ping']);
    expect(operation('GetContact').security).toStrictEqual([['ApiKeyAuth']]);
  });

  it('names schemas without dots and enums after their owners', () => {
    expect(model.schemas.filter((s) => s.name.startsWith('web.')).map((s) => [s.name, s.typeName])).toStrictEqual([
      ['web.PostResponse', 'WebPostResponse'],
      ['web.Response', 'WebResponse'],
      ['web.ValidationError', 'WebValidationError'],
      ['web.ValidationErrors', 'WebValidationErrors'],
    ]);
    expect(model.enums.map((e) => [e.typeName, e.constName, e.values])).toStrictEqual([
      ['ContactEventType', 'CONTACT_EVENT_TYPES', ['update', 'confirm', 'documentation']],
      ['TriggerPublicEventType', 'TRIGGER_PUBLIC_EVENT_TYPES', ['update', 'confirm']],
      ['GetEventsType', 'GET_EVENTS_TYPES', ['confirm', 'update', 'documentation']],
      ['GetLatestEventsType', 'GET_LATEST_EVENTS_TYPES', ['confirm', 'update', 'documentation']],
    ]);
  });

  it('reads the documented validation error codes and their meanings from info.description', () => {
    expect(model.validationErrorCodes.map((code) => code.code)).toStrictEqual(['v1c001', 'v1c002', 'v1c003', 'v1c004']);
    expect(model.validationErrorCodes[1]).toStrictEqual({
      code: 'v1c002',
      meaning: 'The `required` tag is treated as a special case and returns v1c002.',
    });
  });

  it('names per-operation types and resource methods for people', () => {
    expect(operation('GetEvents').typeNames).toStrictEqual({
      query: 'GetEventsQuery',
      response: 'GetEventsResponse',
      headers: 'GetEventsHeaders',
      errorResponse: 'GetEventsErrorResponse',
    });
    expect(operation('BulkUploadContacts').resource).toStrictEqual({ group: 'contacts', method: 'upload' });
    expect(operation('Ping').resource).toStrictEqual({ group: '', method: 'ping' });
  });

  it('is plain data: it survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
  });
});
