import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../src/drift/classify.js';
import { recommendBump } from '../../src/drift/rules.js';
import { modelOf, readBaseSpec, type SpecDocument } from './model-of.js';

/** Classifies base → (base changed by `change`), keeping what the rule table decides. */
async function classify(change: (spec: SpecDocument) => void, setup: (spec: SpecDocument) => void = () => {}) {
  const before = readBaseSpec();
  const after = readBaseSpec();
  setup(before);
  setup(after);
  change(after);
  const changes = classifyChanges({ before: await modelOf(before), after: await modelOf(after) });
  return changes.map(({ impact, rule, operation }) => ({ impact, rule, operation }));
}

const contact = (spec: SpecDocument) => spec.definitions.Contact;
const contactInput = (spec: SpecDocument) => spec.definitions.ContactInput;
const getEvents = (spec: SpecDocument) => spec.paths['/events'].get;
const getContact = (spec: SpecDocument) => spec.paths['/contacts/{id}'].get;
const uploadContacts = (spec: SpecDocument) => spec.paths['/contacts'].post;

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

  describe('major changes', () => {
    it.each([
      ['an operation is removed', (spec: SpecDocument) => delete spec.paths['/events'], 'operation-removed', 'GetEvents'],
      [
        'an operation moves to another path',
        (spec: SpecDocument) => {
          spec.paths['/event-log'] = spec.paths['/events'];
          delete spec.paths['/events'];
        },
        'operation-moved',
        'GetEvents',
      ],
      [
        'an operation changes its method',
        (spec: SpecDocument) => {
          spec.paths['/contacts'].put = uploadContacts(spec);
          delete spec.paths['/contacts'].post;
        },
        'operation-moved',
        'UploadContacts',
      ],
      [
        'a new parameter is required',
        (spec: SpecDocument) => getEvents(spec).parameters.push({ name: 'X-Tenant', in: 'header', type: 'string', required: true }),
        'parameter-added-required',
        'GetEvents',
      ],
      ['a parameter is removed', (spec: SpecDocument) => getEvents(spec).parameters.splice(1, 1), 'parameter-removed', 'GetEvents'],
      [
        'a parameter changes type',
        (spec: SpecDocument) => Object.assign(getEvents(spec).parameters[1], { type: 'string' }),
        'parameter-type-changed',
        'GetEvents',
      ],
      [
        'a parameter becomes required',
        (spec: SpecDocument) => Object.assign(getEvents(spec).parameters[1], { required: true }),
        'parameter-made-required',
        'GetEvents',
      ],
      [
        'a request property is added as required',
        (spec: SpecDocument) => {
          contactInput(spec).properties.phone = { type: 'string' };
          contactInput(spec).required.push('phone');
        },
        'request-property-added-required',
        'UploadContacts',
      ],
      [
        'a request property becomes required',
        (spec: SpecDocument) => contactInput(spec).required.push('name'),
        'request-property-made-required',
        'UploadContacts',
      ],
      [
        'a request property is removed',
        (spec: SpecDocument) => delete contactInput(spec).properties.name,
        'request-property-removed',
        'UploadContacts',
      ],
      [
        'a response property is removed',
        (spec: SpecDocument) => delete contact(spec).properties.status,
        'response-property-removed',
        'GetContact',
      ],
      [
        'a response property changes type',
        (spec: SpecDocument) => Object.assign(contact(spec).properties.id, { type: 'integer' }),
        'response-property-type-changed',
        'GetContact',
      ],
      [
        'a required response property becomes optional',
        (spec: SpecDocument) => {
          contact(spec).required = ['id'];
        },
        'response-property-made-optional',
        'GetContact',
      ],
      [
        'a response enum gains a value',
        (spec: SpecDocument) => contact(spec).properties.status.enum.push('deleted'),
        'enum-value-added-response',
        'GetContact',
      ],
      [
        'a request enum loses a value',
        (spec: SpecDocument) => {
          contactInput(spec).properties.channel.enum = ['email'];
        },
        'enum-value-removed-request',
        'UploadContacts',
      ],
      [
        'a query parameter enum loses a value',
        (spec: SpecDocument) => {
          getEvents(spec).parameters[0].enum = ['confirm'];
        },
        'enum-value-removed-request',
        'GetEvents',
      ],
      [
        'a response status is removed',
        (spec: SpecDocument) => delete getContact(spec).responses['404'],
        'response-status-removed',
        'GetContact',
      ],
      [
        'a response header is removed',
        (spec: SpecDocument) => {
          getContact(spec).responses['200'].headers = {};
        },
        'response-header-removed',
        'GetContact',
      ],
      [
        'a response header changes type',
        (spec: SpecDocument) => {
          getContact(spec).responses['200'].headers['Request-Id'].type = 'integer';
        },
        'response-header-type-changed',
        'GetContact',
      ],
      [
        'an operation no longer needs credentials',
        (spec: SpecDocument) => {
          getContact(spec).security = [];
        },
        'security-changed',
        'GetContact',
      ],
    ])('returns major when %s', async (_, change, rule, operation) => {
      expect(await classify(change)).toStrictEqual([{ impact: 'major', rule, operation }]);
    });

    it('returns major operation-id-renamed when the same path and method get a new operationId', async () => {
      expect(await classify((spec) => Object.assign(getContact(spec), { operationId: 'FetchContact' }))).toStrictEqual([
        { impact: 'major', rule: 'operation-id-renamed', operation: 'FetchContact' },
      ]);
    });

    it('returns major security-changed when a security scheme sends its key elsewhere', async () => {
      expect(await classify((spec) => Object.assign(spec.securityDefinitions.ApiKeyAuth, { name: 'X-Api-Key' }))).toStrictEqual([
        { impact: 'major', rule: 'security-changed', operation: null },
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
      expect(changes).toStrictEqual([
        { impact: 'major', rule: 'response-property-type-changed', operation: 'UploadContacts' },
        { impact: 'major', rule: 'response-property-type-changed', operation: 'GetEvents' },
      ]);
    });
  });

  describe('minor changes', () => {
    it.each([
      [
        'an operation is added',
        (spec: SpecDocument) => {
          spec.paths['/ping'] = { get: { operationId: 'Ping', responses: { '200': { description: 'pong' } } } };
        },
        'operation-added',
        'Ping',
      ],
      [
        'an optional parameter is added',
        (spec: SpecDocument) => getEvents(spec).parameters.push({ name: 'from', in: 'query', type: 'string' }),
        'parameter-added-optional',
        'GetEvents',
      ],
      [
        'an optional request property is added',
        (spec: SpecDocument) => {
          contactInput(spec).properties.phone = { type: 'string' };
        },
        'request-property-added-optional',
        'UploadContacts',
      ],
      [
        'a response property is added',
        (spec: SpecDocument) => {
          contact(spec).properties.createdAt = { type: 'string' };
        },
        'response-property-added',
        'GetContact',
      ],
      [
        'a response header is added',
        (spec: SpecDocument) => {
          getContact(spec).responses['200'].headers.ETag = { type: 'string' };
        },
        'response-header-added',
        'GetContact',
      ],
      [
        'a response status is added',
        (spec: SpecDocument) => {
          getContact(spec).responses['410'] = { description: 'Gone' };
        },
        'response-status-added',
        'GetContact',
      ],
      [
        'a request enum gains a value',
        (spec: SpecDocument) => contactInput(spec).properties.channel.enum.push('fax'),
        'enum-value-added-request',
        'UploadContacts',
      ],
      [
        'a query parameter enum gains a value',
        (spec: SpecDocument) => getEvents(spec).parameters[0].enum.push('documentation'),
        'enum-value-added-request',
        'GetEvents',
      ],
      [
        'a response enum loses a value',
        (spec: SpecDocument) => {
          contact(spec).properties.status.enum = ['active'];
        },
        'enum-value-removed-response',
        'GetContact',
      ],
      [
        'a validation keyword changes',
        (spec: SpecDocument) => {
          contact(spec).properties.email.format = 'email';
        },
        'constraint-changed',
        'GetContact',
      ],
    ])('returns minor when %s', async (_, change, rule, operation) => {
      expect(await classify(change)).toStrictEqual([{ impact: 'minor', rule, operation }]);
    });

    it('returns minor when a required parameter becomes optional', async () => {
      const requireLimit = (spec: SpecDocument) => Object.assign(getEvents(spec).parameters[1], { required: true });
      expect(await classify((spec) => Object.assign(getEvents(spec).parameters[1], { required: false }), requireLimit)).toStrictEqual([
        { impact: 'minor', rule: 'parameter-made-optional', operation: 'GetEvents' },
      ]);
    });

    it('returns minor when an optional response property becomes required', async () => {
      expect(await classify((spec) => contact(spec).required.push('status'))).toStrictEqual([
        { impact: 'minor', rule: 'response-property-made-required', operation: 'GetContact' },
      ]);
    });
  });

  describe('patch changes', () => {
    it.each([
      [
        'a summary changes',
        (spec: SpecDocument) => {
          getEvents(spec).summary = 'List the events';
        },
        'summary-changed',
        'GetEvents',
      ],
      [
        'a description changes',
        (spec: SpecDocument) => {
          uploadContacts(spec).description = 'Uploads contacts in bulk.';
        },
        'description-changed',
        'UploadContacts',
      ],
      [
        'a property description changes',
        (spec: SpecDocument) => {
          contact(spec).properties.email.description = 'The address.';
        },
        'description-changed',
        'GetContact',
      ],
      [
        'an example changes',
        (spec: SpecDocument) => {
          getContact(spec).responses['200'].examples['application/json'].id = 'c-2';
        },
        'example-changed',
        'GetContact',
      ],
      [
        'tags change',
        (spec: SpecDocument) => {
          getEvents(spec).tags = ['Events', 'Webhooks'];
        },
        'tags-changed',
        'GetEvents',
      ],
      [
        'the API description changes',
        (spec: SpecDocument) => {
          spec.info.description = 'Another text.';
        },
        'description-changed',
        null,
      ],
      [
        'the API version changes',
        (spec: SpecDocument) => {
          spec.info.version = '1.1';
        },
        'info-changed',
        null,
      ],
    ])('returns patch when %s', async (_, change, rule, operation) => {
      expect(await classify(change)).toStrictEqual([{ impact: 'patch', rule, operation }]);
    });
  });

  it('compares named schemas that no operation uses as response types', async () => {
    const addUnused = (spec: SpecDocument) => {
      spec.definitions.Webhook = { type: 'object', properties: { kind: { type: 'string' } } };
    };
    expect(await classify((spec) => delete spec.definitions.Webhook.properties.kind, addUnused)).toStrictEqual([
      { impact: 'major', rule: 'response-property-removed', operation: null },
    ]);
  });

  it('tells what changed and where, in words and as a JSON pointer', async () => {
    const before = readBaseSpec();
    const after = readBaseSpec();
    delete after.definitions.Contact.properties.status;
    const [change] = classifyChanges({ before: await modelOf(before), after: await modelOf(after) });
    expect(change).toStrictEqual({
      impact: 'major',
      rule: 'response-property-removed',
      operation: 'GetContact',
      pointer: '#/components/schemas/Contact/properties/status',
      message: 'GetContact 200 body.status was removed',
    });
  });

  it('recommends the highest impact as the bump', async () => {
    const before = readBaseSpec();
    const after = readBaseSpec();
    after.info.version = '2.0';
    after.definitions.Contact.properties.createdAt = { type: 'string' };
    const changes = classifyChanges({ before: await modelOf(before), after: await modelOf(after) });
    expect(recommendBump(changes)).toBe('minor');
    expect(recommendBump([])).toBe('none');
  });
});
