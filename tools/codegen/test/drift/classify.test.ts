import { describe, expect, it } from 'vitest';
import { type DriftChange, type Impact, RULES, type RuleId, recommendBump } from '../../src/drift/rules.js';
import { classifyDocuments, readBaseSpec, type SpecDocument } from './fixture-specs.js';

/** One before/after pair: the base fixture, changed by `setup` on both sides and by `change` on the after side only. */
interface Case {
  readonly when: string;
  readonly setup?: (spec: SpecDocument) => void;
  readonly change: (spec: SpecDocument) => void;
  /** The one change the classifier must report. */
  readonly expected: { readonly rule: RuleId; readonly operation: string | null; readonly pointer: string };
}

/** Classifies base → (base changed by `change`), keeping what the rule table decides and where. */
async function classify(change: (spec: SpecDocument) => void, setup: (spec: SpecDocument) => void = () => {}) {
  const before = readBaseSpec();
  const after = readBaseSpec();
  setup(before);
  setup(after);
  change(after);
  const changes = await classifyDocuments({ before, after });
  return changes.map(({ impact, rule, operation, pointer }) => ({ impact, rule, operation, pointer }));
}

const contact = (spec: SpecDocument) => spec.definitions.Contact;
const contactInput = (spec: SpecDocument) => spec.definitions.ContactInput;
const getEvents = (spec: SpecDocument) => spec.paths['/events'].get;
const getContact = (spec: SpecDocument) => spec.paths['/contacts/{id}'].get;
const uploadContacts = (spec: SpecDocument) => spec.paths['/contacts'].post;
const withoutUploadBody = (spec: SpecDocument) => {
  uploadContacts(spec).parameters = uploadContacts(spec).parameters.filter((parameter: { in: string }) => parameter.in !== 'body');
};
const uploadBody = (required: boolean) => ({ name: 'body', in: 'body', required, schema: { $ref: '#/definitions/ContactUpload' } });
const addUnusedWebhook = (spec: SpecDocument) => {
  spec.definitions.Webhook = { type: 'object', properties: { kind: { type: 'string' } } };
};

const MAJOR_CASES: readonly Case[] = [
  {
    when: 'an operation is removed',
    change: (spec) => delete spec.paths['/events'],
    expected: { rule: 'operation-removed', operation: 'GetEvents', pointer: '#/paths/~1events/get' },
  },
  {
    when: 'an operation moves to another path',
    change: (spec) => {
      spec.paths['/event-log'] = spec.paths['/events'];
      delete spec.paths['/events'];
    },
    expected: { rule: 'operation-moved', operation: 'GetEvents', pointer: '#/paths/~1event-log/get' },
  },
  {
    when: 'an operation changes its method',
    change: (spec) => {
      spec.paths['/contacts'].put = uploadContacts(spec);
      delete spec.paths['/contacts'].post;
    },
    expected: { rule: 'operation-moved', operation: 'UploadContacts', pointer: '#/paths/~1contacts/put' },
  },
  {
    when: 'the same path and method get a new operationId',
    change: (spec) => Object.assign(getContact(spec), { operationId: 'FetchContact' }),
    expected: { rule: 'operation-id-renamed', operation: 'FetchContact', pointer: '#/paths/~1contacts~1{id}/get/operationId' },
  },
  {
    when: 'an operation no longer needs credentials',
    change: (spec) => {
      getContact(spec).security = [];
    },
    expected: { rule: 'security-changed', operation: 'GetContact', pointer: '#/paths/~1contacts~1{id}/get/security' },
  },
  {
    when: 'a security scheme sends its key elsewhere',
    change: (spec) => Object.assign(spec.securityDefinitions.ApiKeyAuth, { name: 'X-Api-Key' }),
    expected: { rule: 'security-changed', operation: null, pointer: '#/components/securitySchemes/ApiKeyAuth' },
  },
  {
    when: 'a new parameter is required',
    change: (spec) => getEvents(spec).parameters.push({ name: 'X-Tenant', in: 'header', type: 'string', required: true }),
    expected: { rule: 'parameter-added-required', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/2' },
  },
  {
    when: 'a parameter is removed',
    change: (spec) => getEvents(spec).parameters.splice(1, 1),
    expected: { rule: 'parameter-removed', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/1' },
  },
  {
    when: 'a parameter changes type',
    change: (spec) => Object.assign(getEvents(spec).parameters[1], { type: 'string' }),
    expected: { rule: 'parameter-type-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/1/schema' },
  },
  {
    // Swagger 2.0's tsv has no OpenAPI 3 style: only the delimiter tells it from csv.
    when: "an array parameter's delimiter changes",
    setup: (spec) =>
      getEvents(spec).parameters.push({ name: 'ids', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'csv' }),
    change: (spec) => Object.assign(getEvents(spec).parameters[2], { collectionFormat: 'tsv' }),
    expected: { rule: 'parameter-type-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/2' },
  },
  {
    when: 'a parameter becomes required',
    change: (spec) => Object.assign(getEvents(spec).parameters[1], { required: true }),
    expected: { rule: 'parameter-made-required', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/1/required' },
  },
  {
    when: 'an operation now requires a body',
    setup: withoutUploadBody,
    change: (spec) => uploadContacts(spec).parameters.unshift(uploadBody(true)),
    expected: { rule: 'request-body-added-required', operation: 'UploadContacts', pointer: '#/paths/~1contacts/post/requestBody' },
  },
  {
    when: 'an operation no longer takes a body',
    change: withoutUploadBody,
    expected: { rule: 'request-body-removed', operation: 'UploadContacts', pointer: '#/paths/~1contacts/post/requestBody' },
  },
  {
    when: 'an optional body becomes required',
    setup: (spec) => Object.assign(uploadContacts(spec).parameters[0], { required: false }),
    change: (spec) => Object.assign(uploadContacts(spec).parameters[0], { required: true }),
    expected: {
      rule: 'request-body-made-required',
      operation: 'UploadContacts',
      pointer: '#/paths/~1contacts/post/requestBody/required',
    },
  },
  {
    when: 'a request media type is no longer accepted',
    setup: (spec) => {
      uploadContacts(spec).consumes = ['application/json', 'application/xml'];
    },
    change: (spec) => {
      uploadContacts(spec).consumes = ['application/json'];
    },
    expected: {
      rule: 'request-content-type-removed',
      operation: 'UploadContacts',
      pointer: '#/paths/~1contacts/post/requestBody/content/application~1xml',
    },
  },
  {
    when: 'a request property is added as required',
    change: (spec) => {
      contactInput(spec).properties.phone = { type: 'string' };
      contactInput(spec).required.push('phone');
    },
    expected: {
      rule: 'request-property-added-required',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/phone',
    },
  },
  {
    when: 'a request property becomes required',
    change: (spec) => contactInput(spec).required.push('name'),
    expected: {
      rule: 'request-property-made-required',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/name',
    },
  },
  {
    when: 'a request property is removed',
    change: (spec) => delete contactInput(spec).properties.name,
    expected: {
      rule: 'request-property-removed',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/name',
    },
  },
  {
    when: 'a request property changes type',
    change: (spec) => Object.assign(contactInput(spec).properties.name, { type: 'integer' }),
    expected: {
      rule: 'request-property-type-changed',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/name',
    },
  },
  {
    when: 'a response status is removed',
    change: (spec) => delete getContact(spec).responses['404'],
    expected: { rule: 'response-status-removed', operation: 'GetContact', pointer: '#/paths/~1contacts~1{id}/get/responses/404' },
  },
  {
    when: 'a response media type is gone',
    setup: (spec) => {
      getEvents(spec).produces = ['application/json', 'application/xml'];
    },
    change: (spec) => {
      getEvents(spec).produces = ['application/json'];
    },
    expected: {
      rule: 'response-content-type-removed',
      operation: 'GetEvents',
      pointer: '#/paths/~1events/get/responses/200/content/application~1xml',
    },
  },
  {
    when: 'a response header is removed',
    change: (spec) => {
      getContact(spec).responses['200'].headers = {};
    },
    expected: {
      rule: 'response-header-removed',
      operation: 'GetContact',
      pointer: '#/paths/~1contacts~1{id}/get/responses/200/headers/Request-Id',
    },
  },
  {
    when: 'a response header changes type',
    change: (spec) => {
      getContact(spec).responses['200'].headers['Request-Id'].type = 'integer';
    },
    expected: {
      rule: 'response-header-type-changed',
      operation: 'GetContact',
      pointer: '#/paths/~1contacts~1{id}/get/responses/200/headers/Request-Id/schema',
    },
  },
  {
    when: 'a response property is removed',
    change: (spec) => delete contact(spec).properties.status,
    expected: { rule: 'response-property-removed', operation: 'GetContact', pointer: '#/components/schemas/Contact/properties/status' },
  },
  {
    when: 'a required response property becomes optional',
    change: (spec) => {
      contact(spec).required = ['id'];
    },
    expected: {
      rule: 'response-property-made-optional',
      operation: 'GetContact',
      pointer: '#/components/schemas/Contact/properties/email',
    },
  },
  {
    when: 'a response property changes type',
    change: (spec) => Object.assign(contact(spec).properties.id, { type: 'integer' }),
    expected: { rule: 'response-property-type-changed', operation: 'GetContact', pointer: '#/components/schemas/Contact/properties/id' },
  },
  {
    when: 'a request enum loses a value',
    change: (spec) => {
      contactInput(spec).properties.channel.enum = ['email'];
    },
    expected: {
      rule: 'enum-value-removed-request',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/channel/enum',
    },
  },
  {
    when: 'a query parameter enum loses a value',
    change: (spec) => {
      getEvents(spec).parameters[0].enum = ['confirm'];
    },
    expected: { rule: 'enum-value-removed-request', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/0/schema/enum' },
  },
  {
    when: 'a response enum gains a value',
    change: (spec) => contact(spec).properties.status.enum.push('deleted'),
    expected: {
      rule: 'enum-value-added-response',
      operation: 'GetContact',
      pointer: '#/components/schemas/Contact/properties/status/enum',
    },
  },
  {
    // The union type narrows: a consumer's `status === 'archived'` no longer compiles.
    when: 'a response enum loses a value',
    change: (spec) => {
      contact(spec).properties.status.enum = ['active'];
    },
    expected: {
      rule: 'enum-value-removed-response',
      operation: 'GetContact',
      pointer: '#/components/schemas/Contact/properties/status/enum',
    },
  },
  {
    when: 'a named schema is removed',
    setup: addUnusedWebhook,
    change: (spec) => delete spec.definitions.Webhook,
    expected: { rule: 'schema-removed', operation: null, pointer: '#/components/schemas/Webhook' },
  },
];

const MINOR_CASES: readonly Case[] = [
  {
    when: 'an operation is added',
    change: (spec) => {
      spec.paths['/ping'] = { get: { operationId: 'Ping', responses: { '200': { description: 'pong' } } } };
    },
    expected: { rule: 'operation-added', operation: 'Ping', pointer: '#/paths/~1ping/get' },
  },
  {
    when: 'a security scheme is added',
    change: (spec) => {
      spec.securityDefinitions.TokenAuth = { type: 'apiKey', in: 'query', name: 'token' };
    },
    expected: { rule: 'security-scheme-added', operation: null, pointer: '#/components/securitySchemes/TokenAuth' },
  },
  {
    when: 'an optional parameter is added',
    change: (spec) => getEvents(spec).parameters.push({ name: 'from', in: 'query', type: 'string' }),
    expected: { rule: 'parameter-added-optional', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/2' },
  },
  {
    when: 'a required parameter becomes optional',
    setup: (spec) => Object.assign(getEvents(spec).parameters[1], { required: true }),
    change: (spec) => Object.assign(getEvents(spec).parameters[1], { required: false }),
    expected: { rule: 'parameter-made-optional', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/1/required' },
  },
  {
    when: 'an operation now accepts an optional body',
    setup: withoutUploadBody,
    change: (spec) => uploadContacts(spec).parameters.unshift(uploadBody(false)),
    expected: { rule: 'request-body-added-optional', operation: 'UploadContacts', pointer: '#/paths/~1contacts/post/requestBody' },
  },
  {
    when: 'a request media type is added',
    change: (spec) => {
      uploadContacts(spec).consumes = ['application/json', 'application/xml'];
    },
    expected: {
      rule: 'request-content-type-added',
      operation: 'UploadContacts',
      pointer: '#/paths/~1contacts/post/requestBody/content/application~1xml',
    },
  },
  {
    when: 'an optional request property is added',
    change: (spec) => {
      contactInput(spec).properties.phone = { type: 'string' };
    },
    expected: {
      rule: 'request-property-added-optional',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/phone',
    },
  },
  {
    when: 'a required request property becomes optional',
    change: (spec) => delete contactInput(spec).required,
    expected: {
      rule: 'request-property-made-optional',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/email',
    },
  },
  {
    when: 'a response status is added',
    change: (spec) => {
      getContact(spec).responses['410'] = { description: 'Gone' };
    },
    expected: { rule: 'response-status-added', operation: 'GetContact', pointer: '#/paths/~1contacts~1{id}/get/responses/410' },
  },
  {
    when: 'a response media type is added',
    change: (spec) => {
      getEvents(spec).produces = ['application/json', 'application/xml'];
    },
    expected: {
      rule: 'response-content-type-added',
      operation: 'GetEvents',
      pointer: '#/paths/~1events/get/responses/200/content/application~1xml',
    },
  },
  {
    when: 'a response header is added',
    change: (spec) => {
      getContact(spec).responses['200'].headers.ETag = { type: 'string' };
    },
    expected: {
      rule: 'response-header-added',
      operation: 'GetContact',
      pointer: '#/paths/~1contacts~1{id}/get/responses/200/headers/ETag',
    },
  },
  {
    when: 'a response property is added',
    change: (spec) => {
      contact(spec).properties.createdAt = { type: 'string' };
    },
    expected: { rule: 'response-property-added', operation: 'GetContact', pointer: '#/components/schemas/Contact/properties/createdAt' },
  },
  {
    // A property's name is the author's: `x-` there is not a vendor extension.
    when: 'a response property named like a vendor extension is added',
    change: (spec) => {
      contact(spec).properties['x-region'] = { type: 'string' };
    },
    expected: { rule: 'response-property-added', operation: 'GetContact', pointer: '#/components/schemas/Contact/properties/x-region' },
  },
  {
    when: 'a response header named like a vendor extension is added',
    change: (spec) => {
      getContact(spec).responses['200'].headers['x-rate-limit'] = { type: 'integer' };
    },
    expected: {
      rule: 'response-header-added',
      operation: 'GetContact',
      pointer: '#/paths/~1contacts~1{id}/get/responses/200/headers/x-rate-limit',
    },
  },
  {
    when: 'an optional response property becomes required',
    change: (spec) => contact(spec).required.push('status'),
    expected: {
      rule: 'response-property-made-required',
      operation: 'GetContact',
      pointer: '#/components/schemas/Contact/properties/status',
    },
  },
  {
    when: 'a request enum gains a value',
    change: (spec) => contactInput(spec).properties.channel.enum.push('fax'),
    expected: {
      rule: 'enum-value-added-request',
      operation: 'UploadContacts',
      pointer: '#/components/schemas/ContactInput/properties/channel/enum',
    },
  },
  {
    when: 'a query parameter enum gains a value',
    change: (spec) => getEvents(spec).parameters[0].enum.push('documentation'),
    expected: { rule: 'enum-value-added-request', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/0/schema/enum' },
  },
  {
    when: 'a named schema is added',
    change: addUnusedWebhook,
    expected: { rule: 'schema-added', operation: null, pointer: '#/components/schemas/Webhook' },
  },
  {
    when: 'a validation keyword changes',
    change: (spec) => {
      contact(spec).properties.email.format = 'email';
    },
    expected: { rule: 'constraint-changed', operation: 'GetContact', pointer: '#/components/schemas/Contact/properties/email/format' },
  },
  {
    when: 'the default server changes',
    change: (spec) => {
      spec.host = 'eu.api.example.test';
    },
    expected: { rule: 'base-url-changed', operation: null, pointer: '#/servers/0/url' },
  },
  {
    when: 'a schema keyword no rule knows changes',
    change: (spec) => {
      contact(spec).discriminator = 'email';
    },
    expected: { rule: 'unclassified-change', operation: 'GetContact', pointer: '#/components/schemas/Contact/discriminator' },
  },
];

const PATCH_CASES: readonly Case[] = [
  {
    when: 'a summary changes',
    change: (spec) => {
      getEvents(spec).summary = 'List the events';
    },
    expected: { rule: 'summary-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/summary' },
  },
  {
    when: 'a description changes',
    change: (spec) => {
      uploadContacts(spec).description = 'Uploads contacts in bulk.';
    },
    expected: { rule: 'description-changed', operation: 'UploadContacts', pointer: '#/paths/~1contacts/post/description' },
  },
  {
    when: 'a property description changes',
    change: (spec) => {
      contact(spec).properties.email.description = 'The address.';
    },
    expected: {
      rule: 'description-changed',
      operation: 'GetContact',
      pointer: '#/components/schemas/Contact/properties/email/description',
    },
  },
  {
    when: 'the API description changes',
    change: (spec) => {
      spec.info.description = 'Another text.';
    },
    expected: { rule: 'description-changed', operation: null, pointer: '#/info/description' },
  },
  {
    when: 'an example changes',
    change: (spec) => {
      getContact(spec).responses['200'].examples['application/json'].id = 'c-2';
    },
    expected: { rule: 'example-changed', operation: 'GetContact', pointer: '#/paths/~1contacts~1{id}/get/responses/200/content' },
  },
  {
    // Example values are data: an `x-` field in one is no vendor extension.
    when: 'an example gains a field named like a vendor extension',
    change: (spec) => {
      getContact(spec).responses['200'].examples['application/json']['x-trace'] = 't-1';
    },
    expected: { rule: 'example-changed', operation: 'GetContact', pointer: '#/paths/~1contacts~1{id}/get/responses/200/content' },
  },
  {
    when: 'tags change',
    change: (spec) => {
      getEvents(spec).tags = ['Events', 'Webhooks'];
    },
    expected: { rule: 'tags-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/tags' },
  },
  {
    when: 'an operation is marked deprecated',
    change: (spec) => {
      getEvents(spec).deprecated = true;
    },
    expected: { rule: 'deprecated-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/deprecated' },
  },
  {
    when: 'the API version changes',
    change: (spec) => {
      spec.info.version = '1.1';
    },
    expected: { rule: 'info-changed', operation: null, pointer: '#/info' },
  },
  {
    when: 'an operation gains a vendor extension',
    change: (spec) => {
      getEvents(spec)['x-codeSamples'] = [{ lang: 'shell', source: 'curl https://api.example.test/v1/events' }];
    },
    expected: { rule: 'vendor-extension-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/x-codeSamples' },
  },
  {
    when: "an operation's vendor extension changes",
    setup: (spec) => {
      getEvents(spec)['x-internal'] = false;
    },
    change: (spec) => {
      getEvents(spec)['x-internal'] = true;
    },
    expected: { rule: 'vendor-extension-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/x-internal' },
  },
  {
    when: 'a named schema gains a vendor extension',
    change: (spec) => {
      contact(spec)['x-internal'] = true;
    },
    expected: { rule: 'vendor-extension-changed', operation: null, pointer: '#/components/schemas/Contact/x-internal' },
  },
  {
    when: 'a vendor extension of a response property is removed',
    setup: (spec) => {
      contact(spec).properties.status['x-enum-descriptions'] = ['in use', 'kept for the record'];
    },
    change: (spec) => delete contact(spec).properties.status['x-enum-descriptions'],
    expected: {
      rule: 'vendor-extension-changed',
      operation: null,
      pointer: '#/components/schemas/Contact/properties/status/x-enum-descriptions',
    },
  },
  {
    when: "a schema's required list holds the same names in another order",
    change: (spec) => {
      contact(spec).required = ['email', 'id'];
    },
    expected: { rule: 'order-changed', operation: 'GetContact', pointer: '#/components/schemas/Contact/required' },
  },
  {
    when: 'an enum holds the same values in another order',
    change: (spec) => {
      contact(spec).properties.status.enum = ['archived', 'active'];
    },
    expected: { rule: 'order-changed', operation: 'GetContact', pointer: '#/components/schemas/Contact/properties/status/enum' },
  },
  {
    when: 'a query parameter enum holds the same values in another order',
    change: (spec) => {
      getEvents(spec).parameters[0].enum = ['update', 'confirm'];
    },
    expected: { rule: 'order-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/0/schema/enum' },
  },
  {
    when: 'an operation lists the same parameters in another order',
    change: (spec) => getEvents(spec).parameters.reverse(),
    expected: { rule: 'order-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters' },
  },
  {
    when: 'an operation lists the same security alternatives in another order',
    setup: (spec) => {
      spec.securityDefinitions.TokenAuth = { type: 'apiKey', in: 'query', name: 'token' };
      getEvents(spec).security = [{ ApiKeyAuth: [] }, { TokenAuth: [] }];
    },
    change: (spec) => getEvents(spec).security.reverse(),
    expected: { rule: 'order-changed', operation: 'GetEvents', pointer: '#/paths/~1events/get/security' },
  },
  {
    // Swagger 2.0 has only allOf; oneOf and anyOf (OpenAPI 3) take the same path.
    when: 'an allOf holds the same members in another order',
    setup: (spec) => {
      contact(spec).properties.owner = { allOf: [{ $ref: '#/definitions/Operation' }, { $ref: '#/definitions/Error' }] };
    },
    change: (spec) => contact(spec).properties.owner.allOf.reverse(),
    expected: { rule: 'order-changed', operation: 'GetContact', pointer: '#/components/schemas/Contact/properties/owner/allOf' },
  },
  {
    when: "the document's info gains a vendor extension",
    change: (spec) => {
      spec.info['x-logo'] = { url: 'https://example.test/logo.png' };
    },
    expected: { rule: 'vendor-extension-changed', operation: null, pointer: '#/info/x-logo' },
  },
];

describe('classifyChanges', () => {
  it('finds nothing when the specs describe the same API', async () => {
    expect(await classify(() => {})).toStrictEqual([]);
  });

  it('finds nothing when only key order differs', async () => {
    expect(
      await classify((spec) => {
        const { email, id, status } = contact(spec).properties;
        contact(spec).properties = { status, email, id };
        spec.paths = Object.fromEntries(Object.entries(spec.paths).reverse());
      }),
    ).toStrictEqual([]);
  });

  describe.each([
    ['major', MAJOR_CASES],
    ['minor', MINOR_CASES],
    ['patch', PATCH_CASES],
  ] as const)('%s changes', (impact: Impact, cases) => {
    it.each(cases)(`returns ${impact} when $when`, async ({ change, setup, expected }) => {
      expect(await classify(change, setup)).toStrictEqual([{ impact, ...expected }]);
    });
  });

  it('has a before/after case for every rule in RULES', () => {
    const covered = new Set([...MAJOR_CASES, ...MINOR_CASES, ...PATCH_CASES].map((entry) => entry.expected.rule));
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule as RuleId))).toStrictEqual([]);
  });

  describe('reports what a list gained or lost, not that its order changed, when both happen', () => {
    it.each<Case>([
      {
        when: 'an enum loses a value and is reordered',
        setup: (spec) => {
          contact(spec).properties.status.enum = ['active', 'archived', 'deleted'];
        },
        change: (spec) => {
          contact(spec).properties.status.enum = ['deleted', 'active'];
        },
        expected: {
          rule: 'enum-value-removed-response',
          operation: 'GetContact',
          pointer: '#/components/schemas/Contact/properties/status/enum',
        },
      },
      {
        when: 'a required list loses a name and is reordered',
        setup: (spec) => {
          contact(spec).required = ['id', 'email', 'status'];
        },
        change: (spec) => {
          contact(spec).required = ['status', 'id'];
        },
        expected: {
          rule: 'response-property-made-optional',
          operation: 'GetContact',
          pointer: '#/components/schemas/Contact/properties/email',
        },
      },
      {
        when: 'an operation loses a parameter and the rest are reordered',
        setup: (spec) => getEvents(spec).parameters.push({ name: 'from', in: 'query', type: 'string' }),
        change: (spec) => {
          getEvents(spec).parameters = [getEvents(spec).parameters[2], getEvents(spec).parameters[0]];
        },
        expected: { rule: 'parameter-removed', operation: 'GetEvents', pointer: '#/paths/~1events/get/parameters/1' },
      },
    ])('when $when', async ({ change, setup, expected }) => {
      expect(await classify(change, setup)).toStrictEqual([{ impact: RULES[expected.rule].impact, ...expected }]);
    });
  });

  it('names the reordered list and its order before and after', async () => {
    const before = readBaseSpec();
    const after = readBaseSpec();
    getEvents(after).parameters.reverse();
    expect((await classifyDocuments({ before, after })).map((change) => change.message)).toStrictEqual([
      'GetEvents: the same parameters in another order (type, limit → limit, type)',
    ]);
  });

  it('follows $refs and reports a changed schema for every operation that reads it', async () => {
    const changes = await classify(
      (spec) => {
        spec.definitions.Operation.properties.id.type = 'integer';
      },
      (spec) => {
        getEvents(spec).responses['200'].schema.items = { $ref: '#/definitions/Operation' };
      },
    );
    const pointer = '#/components/schemas/Operation/properties/id';
    expect(changes).toStrictEqual([
      { impact: 'major', rule: 'response-property-type-changed', operation: 'UploadContacts', pointer },
      { impact: 'major', rule: 'response-property-type-changed', operation: 'GetEvents', pointer },
    ]);
  });

  it('compares named schemas that no operation uses as response types', async () => {
    expect(await classify((spec) => delete spec.definitions.Webhook.properties.kind, addUnusedWebhook)).toStrictEqual([
      { impact: 'major', rule: 'response-property-removed', operation: null, pointer: '#/components/schemas/Webhook/properties/kind' },
    ]);
  });

  it('tells what changed and where, in words and as a JSON pointer', async () => {
    const before = readBaseSpec();
    const after = readBaseSpec();
    delete after.definitions.Contact.properties.status;
    const [change] = await classifyDocuments({ before, after });
    expect(change).toStrictEqual({
      impact: 'major',
      rule: 'response-property-removed',
      operation: 'GetContact',
      pointer: '#/components/schemas/Contact/properties/status',
      message: 'GetContact 200 body.status was removed',
    });
  });

  it('names the vendor extension and what happened to it', async () => {
    const before = readBaseSpec();
    const after = readBaseSpec();
    getEvents(after)['x-codeSamples'] = [];
    const changes: DriftChange[] = await classifyDocuments({ before, after });
    expect(changes.map((change) => change.message)).toStrictEqual(['GetEvents: `x-codeSamples` was added']);
  });

  it('recommends the highest impact as the bump', async () => {
    const before = readBaseSpec();
    const after = readBaseSpec();
    after.info.version = '2.0';
    after.definitions.Contact.properties.createdAt = { type: 'string' };
    expect(recommendBump(await classifyDocuments({ before, after }))).toBe('minor');
    expect(recommendBump([])).toBe('none');
  });
});
