import type { ContactEvent, ContactUpload, Operation } from '@complero/types';
import { describe, expect, it } from 'vitest';
import { getContactHandler, MOCK_OPERATIONS } from '../src/index.js';
import { call, useMockComplero } from './support/complero-server.js';
import { BASE } from './support/requests.js';

const { complero, server } = useMockComplero({ fixtures: 'none' });

const contact = (id: string, extra: Partial<ContactUpload> = {}): ContactUpload => ({
  id,
  first_name: 'Erika',
  last_name: 'Musterfrau',
  ...extra,
});

async function upload(items: unknown[]): Promise<Response> {
  return call({ path: '/contacts', method: 'POST', body: items });
}

async function trigger(options: { id: string; type?: string }): Promise<Response> {
  return call({ path: '/events/trigger', method: 'POST', body: { contact: { id: options.id }, type: options.type ?? 'confirm' } });
}

describe('bulk uploads', () => {
  it('reject a contact without a required field with 422 and v1c002', async () => {
    const response = await upload([contact('K-1'), { id: 'K-2', first_name: 'Max' }]);
    expect(response.status).toStrictEqual(422);
    expect(await response.json()).toStrictEqual({
      message: 'validation failed for 1 of 2 contacts',
      validation_errors: {
        '1': {
          last_name: {
            code: 'v1c002',
            message: "Key: 'ContactUpload.last_name' Error:Field validation for 'last_name' failed on the 'required' tag",
          },
        },
      },
    });
    expect(complero.store.contacts.size).toStrictEqual(0);
  });

  it('reject a malformed email with 422 and v1c001', async () => {
    const response = await upload([contact('K-1', { section_work: { emails: [{ email: 'erika(at)example.de' }] } })]);
    const body = (await response.json()) as { validation_errors: Record<string, Record<string, { code: string }>> };
    expect([response.status, body.validation_errors['0']?.['section_work.emails[0].email']?.code]).toStrictEqual([422, 'v1c001']);
  });

  it('reject an employee without an email with v1c002 and a bad one with v1c001', async () => {
    const response = await call({
      path: '/employees',
      method: 'POST',
      body: [
        { id: 'E-1', first_name: 'A' },
        { id: 'E-2', first_name: 'B', email: 'nope' },
      ],
    });
    const body = (await response.json()) as { validation_errors: Record<string, Record<string, { code: string }>> };
    expect(body.validation_errors['0']?.email?.code).toStrictEqual('v1c002');
    expect(body.validation_errors['1']?.email?.code).toStrictEqual('v1c001');
  });

  it('reject fields of the wrong type with 422 and v1c001 on the field path, storing nothing', async () => {
    const response = await upload([
      { id: 'K-1', first_name: 5, last_name: 'x', tags: 'notarray' },
      contact('K-2', { section_work: { emails: 'x', addresses: [{ zip_code: 80331 }] } } as never),
    ]);
    expect([response.status, await response.json()]).toStrictEqual([
      422,
      {
        message: 'validation failed for 2 of 2 contacts',
        validation_errors: {
          '0': {
            first_name: {
              code: 'v1c001',
              message:
                "Key: 'ContactUpload.first_name' Error:Field validation for 'first_name' failed on the 'type' tag: expected string, got number",
            },
          },
          '1': {
            'section_work.addresses[0].zip_code': {
              code: 'v1c001',
              message:
                "Key: 'ContactUpload.section_work.addresses[0].zip_code' Error:Field validation for 'section_work.addresses[0].zip_code' failed on the 'type' tag: expected string, got number",
            },
            'section_work.emails': {
              code: 'v1c001',
              message:
                "Key: 'ContactUpload.section_work.emails' Error:Field validation for 'section_work.emails' failed on the 'type' tag: expected array, got string",
            },
          },
        },
      },
    ]);
    expect(complero.store.contacts.size).toStrictEqual(0);
    expect((await call({ path: '/contacts/K-1' })).status).toStrictEqual(404);
  });

  it('reject an employee whose data values are not strings with v1c001', async () => {
    const response = await call({
      path: '/employees',
      method: 'POST',
      body: [{ id: 'E-1', first_name: 'Anna', email: 'anna@firma.de', data: { score: 5 } }],
    });
    const body = (await response.json()) as { validation_errors: Record<string, Record<string, { code: string }>> };
    expect([response.status, body.validation_errors['0']]).toStrictEqual([
      422,
      {
        'data.score': {
          code: 'v1c001',
          message:
            "Key: 'EmployeeUpload.data.score' Error:Field validation for 'data.score' failed on the 'type' tag: expected string, got number",
        },
      },
    ]);
  });

  it('drop fields the upload schema does not declare, as the API decoder does', async () => {
    expect((await upload([{ ...contact('K-1'), tags: 'notarray', nickname: 7 }])).status).toStrictEqual(202);
    expect(await (await call({ path: '/contacts/K-1' })).json()).toStrictEqual({ id: 'K-1', first_name: 'Erika', last_name: 'Musterfrau' });
  });

  it('reject more than 1000 items with 413', async () => {
    const response = await upload(Array.from({ length: 1001 }, (_, index) => contact(`K-${index}`)));
    expect([response.status, await response.text()]).toStrictEqual([413, '']);
  });

  it('reject a body that is not an array with 400', async () => {
    const response = await call({ path: '/contacts', method: 'POST', body: contact('K-1') });
    expect([response.status, await response.json()]).toStrictEqual([
      400,
      { message: 'request body must be a JSON array of ContactUpload objects' },
    ]);
  });

  it('refuse a JSON array sent as a form (as curl --data does) with 400 naming the Content-Type to use', async () => {
    const response = await fetch(`${BASE}/contacts`, {
      method: 'POST',
      headers: { Authorization: 'test-key', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify([contact('K-1')]),
    });
    expect([response.status, await response.json()]).toStrictEqual([
      400,
      {
        message: 'request body was sent as application/x-www-form-urlencoded; send it as application/json (set the Content-Type header)',
      },
    ]);
    expect((await call({ path: '/contacts/K-1' })).status).toStrictEqual(404);
  });

  it('accept valid contacts with 202 and an operation that reaches completed when polled', async () => {
    const response = await upload([contact('K-1'), contact('K-2')]);
    expect(response.status).toStrictEqual(202);
    const link = response.headers.get('Operation-Link');
    expect(link).toStrictEqual(`https://api.complero.com/v1/operations/${response.headers.get('Operation-Id')}`);
    const first = (await (await fetch(link!, { headers: { Authorization: 'k' } })).json()) as Operation;
    const second = (await (await fetch(link!, { headers: { Authorization: 'k' } })).json()) as Operation;
    const third = (await (await fetch(link!, { headers: { Authorization: 'k' } })).json()) as Operation;
    expect([first.status, second.status, third.status]).toStrictEqual(['processing', 'completed', 'completed']);
    expect(second.items?.map((item) => [item.model_id, item.status])).toStrictEqual([
      ['K-1', 'success'],
      ['K-2', 'success'],
    ]);
  });

  it('advance operations when they are listed, so a client that waits by listing sees them complete', async () => {
    await upload([contact('K-1')]);
    const statuses = async () => ((await (await call({ path: '/operations' })).json()) as Operation[]).map((operation) => operation.status);
    expect([await statuses(), await statuses(), await statuses()]).toStrictEqual([['processing'], ['completed'], ['completed']]);
  });

  it('list operations newest first', async () => {
    await upload([contact('K-1')]);
    await call({ path: '/employees', method: 'POST', body: [{ id: 'E-1', first_name: 'A', email: 'a@b.de' }] });
    const operations = (await (await call({ path: '/operations' })).json()) as Operation[];
    expect(operations.map((operation) => operation.model)).toStrictEqual(['employee', 'contact']);
  });
});

describe('contacts and employees', () => {
  it('fetch an uploaded contact in the read shape, then 404 after delete', async () => {
    await upload([
      contact('K-1', {
        section_private: {
          emails: [{ email: 'erika@example.de' }],
          phone_numbers: [{ number: '0301234' }],
          mobile_numbers: [{ number: '01511234' }],
          fax_numbers: [{ number: '0305678' }],
        },
      }),
    ]);
    expect(await (await call({ path: '/contacts/K-1' })).json()).toStrictEqual({
      id: 'K-1',
      first_name: 'Erika',
      last_name: 'Musterfrau',
      section_private: {
        emails: ['erika@example.de'],
        phone_numbers: [{ number: '0301234', original: '0301234' }],
        mobile_numbers: [{ number: '01511234', original: '01511234' }],
        fax_numbers: [{ number: '0305678', original: '0305678' }],
      },
    });
    expect((await call({ path: '/contacts/K-1', method: 'DELETE' })).status).toStrictEqual(204);
    const gone = await call({ path: '/contacts/K-1' });
    expect([gone.status, await gone.json()]).toStrictEqual([404, { message: 'contact K-1 not found' }]);
    expect((await call({ path: '/contacts/K-1', method: 'DELETE' })).status).toStrictEqual(404);
  });

  it('ignore a body sent with a delete, which takes none, as the API does', async () => {
    await upload([contact('K-1')]);
    const response = await fetch(`${BASE}/contacts/K-1`, {
      method: 'DELETE',
      headers: { Authorization: 'test-key', 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(response.status).toStrictEqual(204);
    expect((await call({ path: '/contacts/K-1' })).status).toStrictEqual(404);
  });

  it('refuse to delete an employee who still has contacts with 403', async () => {
    await call({ path: '/employees', method: 'POST', body: [{ id: 'E-1', first_name: 'Anna', email: 'anna@firma.de' }] });
    await upload([contact('K-1', { employee_id: 'E-1' })]);
    const refused = await call({ path: '/employees/E-1', method: 'DELETE' });
    expect([refused.status, await refused.json()]).toStrictEqual([
      403,
      { message: 'employee E-1 still has 1 assigned contact: reassign or delete them first' },
    ]);
    await call({ path: '/contacts/K-1', method: 'DELETE' });
    expect((await call({ path: '/employees/E-1', method: 'DELETE' })).status).toStrictEqual(204);
    expect((await call({ path: '/employees/E-1' })).status).toStrictEqual(404);
  });
});

describe('events', () => {
  it('trigger creates an event with the stored contact', async () => {
    await upload([contact('K-1')]);
    const response = await trigger({ id: 'K-1' });
    expect([response.status, await response.json()]).toStrictEqual([200, { message: 'event was triggered successfully' }]);
    const events = (await (await call({ path: '/events' })).json()) as ContactEvent[];
    expect(events.map((event) => [event.contact_id, event.type, event.contact?.first_name])).toStrictEqual([['K-1', 'confirm', 'Erika']]);
  });

  it('trigger answers 404 for an unknown contact and 400 for a bad type', async () => {
    expect((await trigger({ id: 'K-404' })).status).toStrictEqual(404);
    await upload([contact('K-1')]);
    const bad = await trigger({ id: 'K-1', type: 'documentation' });
    expect([bad.status, await bad.json()]).toStrictEqual([400, { message: 'type must be one of update, confirm, got "documentation"' }]);
  });

  it('trigger rejects a mistyped contact field with 400 and leaves the stored contact alone', async () => {
    await upload([contact('K-1')]);
    const response = await call({
      path: '/events/trigger',
      method: 'POST',
      body: { contact: { id: 'K-1', first_name: 42 }, type: 'update' },
    });
    expect([response.status, await response.json()]).toStrictEqual([
      400,
      { message: 'some values of the request body can not be parsed: contact.first_name must be string, got number' },
    ]);
    expect(await (await call({ path: '/contacts/K-1' })).json()).toStrictEqual({ id: 'K-1', first_name: 'Erika', last_name: 'Musterfrau' });
    expect(complero.store.events).toStrictEqual([]);
  });

  it('trigger update merges only the declared, well-typed fields into the contact', async () => {
    await upload([contact('K-1')]);
    const body = { contact: { id: 'K-1', first_name: 'Eri', tags: ['vip'], nickname: 7 }, type: 'update' };
    expect((await call({ path: '/events/trigger', method: 'POST', body })).status).toStrictEqual(200);
    expect(await (await call({ path: '/contacts/K-1' })).json()).toStrictEqual({
      id: 'K-1',
      first_name: 'Eri',
      last_name: 'Musterfrau',
      tags: ['vip'],
    });
  });

  it('page with limit, Next-Cursor and Next-Link until the last page', async () => {
    await upload([contact('K-1')]);
    for (let index = 0; index < 5; index += 1) await trigger({ id: 'K-1', type: index % 2 === 0 ? 'update' : 'confirm' });
    const first = await call({ path: '/events?limit=2' });
    const cursor = first.headers.get('Next-Cursor');
    expect(first.headers.get('Next-Link')).toStrictEqual(`https://api.complero.com/v1/events?limit=2&cursor=${cursor}`);
    const second = await fetch(first.headers.get('Next-Link')!, { headers: { Authorization: 'k' } });
    const third = await fetch(second.headers.get('Next-Link')!, { headers: { Authorization: 'k' } });
    const pages = [first, second, third];
    const bodies = (await Promise.all(pages.map((page) => page.json()))) as ContactEvent[][];
    expect(bodies.map((body) => body.length)).toStrictEqual([2, 2, 1]);
    expect(third.headers.get('Next-Cursor')).toStrictEqual(null);
    expect(new Set(bodies.flat().map((event) => event.event_id)).size).toStrictEqual(5);
  });

  it('filter by type', async () => {
    await upload([contact('K-1')]);
    await trigger({ id: 'K-1', type: 'update' });
    await trigger({ id: 'K-1', type: 'confirm' });
    const events = (await (await call({ path: '/events?type=confirm' })).json()) as ContactEvent[];
    expect(events.map((event) => event.type)).toStrictEqual(['confirm']);
  });

  it("answer the spec's documented example request (its x-example from, to and cursor) with the first page of what was created", async () => {
    await upload([contact('K-1')]);
    for (let index = 0; index < 3; index += 1) await trigger({ id: 'K-1' });
    const documented = 'from=2024-09-17T09:19:04Z&to=2024-10-17T14:50:00Z&cursor=MDAwMDAwMDAtMDAwMC0';
    const events = await call({ path: `/events?${documented}&limit=2` });
    const page = (await events.json()) as ContactEvent[];
    expect([events.status, page.map((event) => event.event_time), events.headers.get('Next-Cursor') !== null]).toStrictEqual([
      200,
      ['2024-09-17T09:19:06Z', '2024-09-17T09:19:07Z'],
      true,
    ]);
    const operations = await call({ path: `/operations?${documented}` });
    expect([operations.status, ((await operations.json()) as Operation[]).map((operation) => operation.created_at)]).toStrictEqual([
      200,
      ['2024-09-17T09:19:05Z'],
    ]);
  });

  it('answer 400 for a bad limit or cursor', async () => {
    const limit = await call({ path: '/events?limit=0' });
    expect([limit.status, await limit.json()]).toStrictEqual([
      400,
      { message: "query parameter limit must be a whole number from 1 to 1000, got '0'" },
    ]);
    expect((await call({ path: '/events?cursor=nonsense' })).status).toStrictEqual(400);
  });

  it('events/latest returns each event once', async () => {
    await upload([contact('K-1')]);
    await trigger({ id: 'K-1' });
    await trigger({ id: 'K-1', type: 'update' });
    const first = (await (await call({ path: '/events/latest' })).json()) as ContactEvent[];
    const second = (await (await call({ path: '/events/latest' })).json()) as ContactEvent[];
    await trigger({ id: 'K-1' });
    const third = (await (await call({ path: '/events/latest' })).json()) as ContactEvent[];
    expect([first.length, second.length, third.length]).toStrictEqual([2, 0, 1]);
  });

  it('events/latest returns at most limit events and keeps the rest for the next call', async () => {
    await upload([contact('K-1')]);
    for (let index = 0; index < 3; index += 1) await trigger({ id: 'K-1' });
    const ids = complero.store.events.map((event) => event.event_id);
    const first = (await (await call({ path: '/events/latest?limit=2' })).json()) as ContactEvent[];
    const second = (await (await call({ path: '/events/latest?limit=2' })).json()) as ContactEvent[];
    expect([first.map((event) => event.event_id), second.map((event) => event.event_id)]).toStrictEqual([ids.slice(0, 2), ids.slice(2)]);
  });

  it('events/latest answers 400 for a limit outside 1…1000', async () => {
    const response = await call({ path: '/events/latest?limit=1001' });
    expect([response.status, await response.json()]).toStrictEqual([
      400,
      { message: "query parameter limit must be a whole number from 1 to 1000, got '1001'" },
    ]);
  });
});

describe('documentation', () => {
  it('is 204 until generated, then a PDF, then 410 when expired', async () => {
    await upload([contact('K-1')]);
    await trigger({ id: 'K-1' });
    const pending = await call({ path: '/documentation/K-1' });
    expect([pending.status, await pending.text()]).toStrictEqual([204, '']);
    const ready = await call({ path: '/documentation/K-1' });
    expect([ready.status, ready.headers.get('Content-Type')]).toStrictEqual([200, 'application/pdf']);
    expect(new TextDecoder().decode(await ready.arrayBuffer()).startsWith('%PDF-1.4\n')).toStrictEqual(true);
    const [event] = complero.store.events;
    const byEvent = await call({ path: `/documentation/K-1/${event!.event_id}` });
    expect(byEvent.status).toStrictEqual(200);
    complero.store.expireDocumentation({ contactId: 'K-1' });
    const gone = await call({ path: '/documentation/K-1' });
    expect([gone.status, await gone.json()]).toStrictEqual([410, { message: 'documentation is not available any longer' }]);
  });

  it('adds a documentation event once the PDF is ready', async () => {
    await upload([contact('K-1')]);
    await trigger({ id: 'K-1' });
    complero.store.generateDocumentation({ contactId: 'K-1' });
    const events = (await (await call({ path: '/events?type=documentation' })).json()) as ContactEvent[];
    expect(events.map((event) => event.event_documentation_url)).toStrictEqual([
      `https://api.complero.com/v1/documentation/K-1/${complero.store.events[0]!.event_id}`,
    ]);
  });

  it('is 404 for a contact without documentation', async () => {
    const response = await call({ path: '/documentation/K-1' });
    expect([response.status, await response.json()]).toStrictEqual([404, { message: 'no documentation events for contact K-1' }]);
  });
});

describe('every response', () => {
  it('has a Request-Id, errors and downloads included', async () => {
    const responses = [
      await call({ path: '/ping', auth: false }),
      await call({ path: '/contacts/K-404' }),
      await call({ path: '/documentation/K-404' }),
      await upload([{}]),
      await call({ path: '/employees/E-404', method: 'DELETE' }),
    ];
    expect(responses.map((response) => /^[0-9a-f-]{36}$/.test(response.headers.get('Request-Id') ?? ''))).toStrictEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  const secured = [
    ['bulkUploadContacts', 'POST', '/contacts'],
    ['deleteContact', 'DELETE', '/contacts/K-1'],
    ['getContact', 'GET', '/contacts/K-1'],
    ['getDocumentation', 'GET', '/documentation/K-1'],
    ['getDocumentationEvent', 'GET', '/documentation/K-1/E-1'],
    ['bulkUploadEmployees', 'POST', '/employees'],
    ['deleteEmployee', 'DELETE', '/employees/E-1'],
    ['getEmployee', 'GET', '/employees/E-1'],
    ['getEvents', 'GET', '/events'],
    ['getLatestEvents', 'GET', '/events/latest'],
    ['triggerSandboxEvent', 'POST', '/events/trigger'],
    ['getAllOperations', 'GET', '/operations'],
    ['getOperation', 'GET', '/operations/O-1'],
  ] as const;

  it('lists every operation but ping as secured (the table below is complete)', () => {
    const fromSpec = MOCK_OPERATIONS.filter((operation) => operation.authHeader !== undefined).map((operation) => operation.name);
    expect(fromSpec).toStrictEqual(secured.map(([name]) => name));
  });

  it.each(secured)('%s (%s %s) is 401 with a web.Response body and a Request-Id without Authorization', async (_, method, path) => {
    await upload([contact('K-1')]);
    const body =
      method === 'POST' ? (path === '/events/trigger' ? { contact: { id: 'K-1' }, type: 'confirm' } : [contact('K-2')]) : undefined;
    const response = await call({ path, method, body, auth: false });
    expect([response.status, response.headers.get('WWW-Authenticate'), await response.json()]).toStrictEqual([
      401,
      'Authorization',
      { message: 'missing API key: send it in the Authorization header' },
    ]);
    expect(response.headers.get('Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing happened: the contact is still there and nothing new was stored.
    expect([[...complero.store.contacts.keys()], complero.store.events.length, complero.store.operations.size]).toStrictEqual([
      ['K-1'],
      0,
      1,
    ]);
  });

  it('is 401 with a web.Response body without Authorization, except ping', async () => {
    const response = await call({ path: '/events', auth: false });
    expect([response.status, await response.json()]).toStrictEqual([
      401,
      { message: 'missing API key: send it in the Authorization header' },
    ]);
    expect((await call({ path: '/ping', auth: false })).status).toStrictEqual(200);
  });
});

describe('reset and overrides', () => {
  it('reset forgets uploads and restarts ids, so runs repeat', async () => {
    const first = (await upload([contact('K-1')])).headers.get('Operation-Id');
    complero.reset();
    expect(complero.store.contacts.size).toStrictEqual(0);
    expect((await upload([contact('K-1')])).headers.get('Operation-Id')).toStrictEqual(first);
  });

  it('reset restarts the Request-Id sequence, so the same calls get the same ids', async () => {
    const requestIds = async () => {
      const ids: (string | null)[] = [];
      for (const path of ['/ping', '/contacts/K-404', '/events']) ids.push((await call({ path })).headers.get('Request-Id'));
      return ids;
    };
    complero.reset();
    const first = await requestIds();
    const continued = await requestIds();
    complero.reset();
    const afterReset = await requestIds();
    expect(afterReset).toStrictEqual(first);
    expect(continued).not.toStrictEqual(first);
    expect(new Set([...first, ...continued]).size).toStrictEqual(6);
  });

  it('lets a test replace one operation with server.use and a handler factory', async () => {
    await upload([contact('K-1')]);
    server.use(getContactHandler({ id: 'K-1', first_name: 'Override' }));
    expect(await (await call({ path: '/contacts/K-1' })).json()).toStrictEqual({ id: 'K-1', first_name: 'Override' });
    server.resetHandlers();
    expect(((await (await call({ path: '/contacts/K-1' })).json()) as { first_name: string }).first_name).toStrictEqual('Erika');
  });

  it("gives a handler factory a Request-Id sequence of its own, the same on every run, not the stateful mock's", async () => {
    const mockFirst = (await call({ path: '/contacts/K-1' })).headers.get('Request-Id');
    complero.reset();
    server.use(getContactHandler({ id: 'K-1' }));
    const factoryFirst = (await call({ path: '/contacts/K-1' })).headers.get('Request-Id');
    expect(mockFirst).toStrictEqual('f2be2a02-2e93-425a-b836-c493cfbeb040');
    expect(factoryFirst).toStrictEqual('e9faae33-1d7a-41dc-9230-4f7d791e407a');
  });
});
