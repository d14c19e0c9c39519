import type { CodegenConfig } from '@complero/codegen';

/** How the Complero SDK is generated from `complero.swagger.yaml`. Paths are relative to this file. */
export default {
  spec: './complero.swagger.yaml',
  out: '../packages',
  scope: '@complero',
  name: 'Complero',
  baseUrl: 'https://api.complero.com/v1',
  requireOperationIds: true,
  patterns: {
    cursorParameter: 'cursor',
    nextCursorHeader: 'Next-Cursor',
    nextLinkHeader: 'Next-Link',
    limitParameter: 'limit',
    operationIdHeader: 'Operation-Id',
    operationLinkHeader: 'Operation-Link',
    operationPollPath: '/operations/{id}',
    requestIdHeader: 'Request-Id',
    validationErrorCode: '\\bv1c\\d{3}\\b',
  },
  resources: {
    BulkUploadContacts: 'contacts.upload',
    GetContact: 'contacts.get',
    DeleteContact: 'contacts.delete',
    BulkUploadEmployees: 'employees.upload',
    GetEmployee: 'employees.get',
    DeleteEmployee: 'employees.delete',
    GetEvents: 'events.list',
    GetLatestEvents: 'events.latest',
    TriggerSandboxEvent: 'events.trigger',
    GetAllOperations: 'operations.list',
    GetOperation: 'operations.get',
    GetDocumentation: 'documentation.get',
    GetDocumentationEvent: 'documentation.getForEvent',
    Ping: 'ping',
  },
  hookNames: {
    // `events.trigger` alone would give `useTriggerEvent`; the API calls it a sandbox event.
    TriggerSandboxEvent: 'TriggerSandboxEvent',
  },
  upstream: {
    url: 'https://api.complero.com/v1/swagger.yaml',
    timeoutMs: 15000,
  },
} satisfies CodegenConfig;
