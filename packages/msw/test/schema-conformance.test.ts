import { fileURLToPath } from 'node:url';
import { loadSpecFile, upgradeToOpenApi3, validateSpec } from '@complero/codegen';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockComplero, handlers, MOCK_OPERATIONS, type MockOperation } from '../src/index.js';
import { apiRequest, respond } from './support/requests.js';

const SPEC = fileURLToPath(new URL('../../../spec/complero.swagger.yaml', import.meta.url));

/** Statuses the mocks send that the spec does not list, and the body they carry (the API's generic error). */
const UNDOCUMENTED = new Map([
  // HTTP prescribes 401 for a missing API key; the spec lists no status for it.
  ['*:401', 'web.Response'],
  // The spec documents 400 for bad query parameters on /events but forgets it on /operations.
  ['GetAllOperations:400', 'web.Response'],
]);

interface Produced {
  readonly operation: MockOperation;
  readonly status: number;
  readonly contentType: string | null;
  readonly bytes: Uint8Array;
}

type Document = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  components: { schemas: Record<string, object> };
};

let document: Document;
let ajv: Ajv;
const produced: Produced[] = [];

function operationNamed(name: string): MockOperation {
  const found = MOCK_OPERATIONS.find((operation) => operation.name === name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
}

/** Every request the scenario sends: [operation, path, method, body, auth]. */
async function runScenario(): Promise<void> {
  const complero = createMockComplero();
  const send = async (name: string, path: string, init: { body?: unknown; auth?: boolean; stateless?: boolean } = {}) => {
    const operation = operationNamed(name);
    const request = apiRequest({ path, method: operation.method, body: init.body, ...(init.auth === false ? { auth: false } : {}) });
    const response = await respond({ handlers: init.stateless ? handlers : complero.handlers, request });
    produced.push({
      operation,
      status: response.status,
      contentType: response.headers.get('Content-Type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    });
    return response;
  };
  const person = { id: 'K-9', first_name: 'Erika', last_name: 'Musterfrau', employee_id: 'E-1' };
  // Stateless defaults for every operation.
  for (const operation of MOCK_OPERATIONS) {
    const body = operation.requestBody?.schema?.array ? [] : operation.requestBody ? {} : undefined;
    await send(operation.name, operation.path.replace(/\{[^}]+\}/g, 'K-2025-00000001'), { body, stateless: true });
  }
  // The stateful mock, through success and every error it can produce.
  await send('ping', '/ping', { auth: false });
  await send('getContact', '/contacts/K-2025-00012345', { auth: false });
  await send('getDocumentation', '/documentation/K-2025-00012345');
  await send('bulkUploadEmployees', '/employees', { body: [{ id: 'E-1', first_name: 'Anna', email: 'anna@firma.de' }] });
  await send('bulkUploadEmployees', '/employees', { body: [{ id: 'E-2', email: 'x' }] });
  await send('bulkUploadEmployees', '/employees', { body: { id: 'E-2' } });
  await send('bulkUploadEmployees', '/employees', { body: Array.from({ length: 1001 }, () => ({})) });
  await send('bulkUploadContacts', '/contacts', { body: [person] });
  await send('bulkUploadContacts', '/contacts', { body: [{ id: 'K-10', section_private: { emails: [{ email: 'x' }] } }] });
  await send('bulkUploadContacts', '/contacts', { body: 'not an array' });
  await send('bulkUploadContacts', '/contacts', { body: Array.from({ length: 1001 }, () => person) });
  // Mistyped fields must be rejected, and undeclared ones dropped, or they come back in later bodies.
  await send('bulkUploadContacts', '/contacts', { body: [{ id: 'K-12', first_name: 5, last_name: 'x', tags: 'notarray' }] });
  await send('bulkUploadContacts', '/contacts', {
    body: [{ ...person, id: 'K-12', section_work: { emails: 'x', addresses: [{ zip_code: 80331 }] } }],
  });
  await send('bulkUploadContacts', '/contacts', { body: [{ ...person, id: 'K-13', tags: 'notarray', nickname: 7 }] });
  await send('bulkUploadEmployees', '/employees', {
    body: [{ id: 'E-3', first_name: 'Anna', email: 'a@firma.de', tags: 'x', data: { score: 5 } }],
  });
  await send('getContact', '/contacts/K-12');
  await send('getContact', '/contacts/K-13');
  await send('getEmployee', '/employees/E-3');
  const operationId = complero.store.operations.keys().next().value as string;
  await send('getOperation', `/operations/${operationId}`);
  await send('getOperation', `/operations/${operationId}`);
  await send('getOperation', '/operations/unknown');
  await send('getAllOperations', '/operations?limit=1');
  await send('getAllOperations', '/operations?limit=many');
  await send('getContact', '/contacts/K-9');
  await send('getContact', '/contacts/K-404');
  await send('getEmployee', '/employees/E-1');
  await send('getEmployee', '/employees/E-404');
  await send('deleteEmployee', '/employees/E-1');
  await send('triggerSandboxEvent', '/events/trigger', { body: { contact: { id: 'K-9', first_name: 'Eri' }, type: 'update' } });
  await send('triggerSandboxEvent', '/events/trigger', { body: { contact: { id: 'K-404' }, type: 'update' } });
  await send('triggerSandboxEvent', '/events/trigger', { body: { contact: { id: 'K-9' }, type: 'later' } });
  await send('triggerSandboxEvent', '/events/trigger', { body: { contact: { id: 'K-9', first_name: 42 }, type: 'update' } });
  await send('triggerSandboxEvent', '/events/trigger', { body: { contact: { id: 'K-9', tags: 'vip', data: [1] }, type: 'update' } });
  await send('triggerSandboxEvent', '/events/trigger', { body: { contact: { id: 'K-9', nickname: 7 }, type: 'update' } });
  await send('getContact', '/contacts/K-9');
  await send('getEvents', '/events?limit=2');
  await send('getEvents', '/events?from=yesterday');
  await send('getLatestEvents', '/events/latest?type=update');
  await send('getLatestEvents', '/events/latest?type=unknown');
  const eventId = complero.store.events.at(-1)!.event_id!;
  await send('getDocumentationEvent', `/documentation/K-9/${eventId}`);
  await send('getDocumentation', '/documentation/K-9');
  await send('getDocumentationEvent', `/documentation/K-9/${eventId}`);
  await send('getDocumentation', '/documentation/K-404');
  await send('getDocumentationEvent', '/documentation/K-9/unknown');
  await send('bulkUploadContacts', '/contacts', { body: [{ ...person, id: 'K-11' }] });
  await send('triggerSandboxEvent', '/events/trigger', { body: { contact: { id: 'K-11' }, type: 'confirm' } });
  await send('getDocumentation', '/documentation/K-11');
  complero.store.expireDocumentation({ contactId: 'K-9' });
  complero.store.expireDocumentation({ contactId: 'K-11' });
  await send('getDocumentation', '/documentation/K-9');
  await send('getDocumentationEvent', `/documentation/K-9/${eventId}`);
  await send('deleteContact', '/contacts/K-9');
  await send('deleteContact', '/contacts/K-9');
}

function schemaFor(options: { operation: MockOperation; status: number }): object | undefined {
  const { operation, status } = options;
  const undocumented = UNDOCUMENTED.get(`${operation.id}:${status}`) ?? UNDOCUMENTED.get(`*:${status}`);
  if (undocumented) return { $ref: `#/components/schemas/${undocumented}` };
  const response = document.paths[operation.path]?.[operation.method]?.responses[String(status)];
  if (!response) throw new Error(`${operation.id} answered ${status}, which the spec does not document for it`);
  return response.content?.['application/json']?.schema;
}

const validators = new Map<string, ReturnType<Ajv['compile']>>();

/** One compiled validator per operation and status; the schema carries the components its `$ref`s point into. */
function validatorFor(options: { key: string; schema: object }) {
  let validate = validators.get(options.key);
  if (!validate) {
    validate = ajv.compile({ ...options.schema, components: document.components });
    validators.set(options.key, validate);
  }
  return validate;
}

beforeAll(async () => {
  const spec = await loadSpecFile({ path: SPEC });
  const version = validateSpec({ spec, requireOperationIds: true });
  document = (await upgradeToOpenApi3({ document: spec.document, version, file: spec.file })) as unknown as Document;
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  await runScenario();
});

describe('every mocked response', () => {
  it('covers every operation, with the statuses the scenario expects', () => {
    const statuses: Record<string, number[]> = {};
    for (const { operation, status } of produced) statuses[operation.id] = [...new Set([...(statuses[operation.id] ?? []), status])].sort();
    expect(statuses).toStrictEqual({
      BulkUploadContacts: [202, 400, 413, 422],
      BulkUploadEmployees: [202, 400, 413, 422],
      DeleteContact: [204, 404],
      DeleteEmployee: [204, 403],
      GetAllOperations: [200, 400],
      GetContact: [200, 401, 404],
      GetDocumentation: [200, 204, 404, 410],
      GetDocumentationEvent: [200, 204, 404, 410],
      GetEmployee: [200, 404],
      GetEvents: [200, 400],
      GetLatestEvents: [200, 400],
      GetOperation: [200, 404],
      Ping: [200],
      TriggerSandboxEvent: [200, 400, 404],
    });
  });

  it('carries a body that validates against the spec schema of its operation and status', () => {
    const problems: string[] = [];
    for (const { operation, status, contentType, bytes } of produced) {
      const where = `${operation.id} ${status}`;
      const schema = schemaFor({ operation, status });
      const text = new TextDecoder().decode(bytes);
      if (status === 204 || !schema) {
        // No schema (202, 413, ping) or no body allowed (204): the body must be empty, unless it is the PDF.
        if (operation.pendingDownload && status === operation.pendingDownload.readyStatus) {
          if (!text.startsWith('%PDF-') || !text.trimEnd().endsWith('%%EOF')) problems.push(`${where}: not a PDF`);
        } else if (bytes.length > 0) problems.push(`${where}: expected no body, got ${text.slice(0, 80)}`);
        continue;
      }
      if (operation.pendingDownload && status === operation.pendingDownload.readyStatus) {
        if (!text.startsWith('%PDF-')) problems.push(`${where}: not a PDF`);
        continue;
      }
      if (!contentType?.includes('application/json')) problems.push(`${where}: Content-Type ${contentType}, expected JSON`);
      const validate = validatorFor({ key: where, schema });
      if (!validate(JSON.parse(text))) problems.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(problems).toStrictEqual([]);
  });

  it('would catch a body that breaks its schema (the check is not vacuous)', () => {
    const validate = validatorFor({ key: 'GetContact 200', schema: schemaFor({ operation: operationNamed('getContact'), status: 200 })! });
    expect([validate({ id: 'K-1', first_name: 'Erika' }), validate({ id: 'K-1', first_name: 1 })]).toStrictEqual([true, false]);
  });
});
