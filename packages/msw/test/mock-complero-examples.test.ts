import type { ContactEvent } from '@complero/types';
import { describe, expect, it } from 'vitest';
import { call, useMockComplero } from './support/complero-server.js';

// The stateful mock as it starts by default: with the contacts and events of the spec's examples.
const { complero } = useMockComplero();

const DOCUMENTED = { contactId: 'K-2025-00012345', eventId: '2ad40cba-3d5f-4bb9-a123-997f620dee87' };

describe('the example fixtures', () => {
  it('serve the PDF of the example documentation event, by contact and by event', async () => {
    const byContact = await call({ path: `/documentation/${DOCUMENTED.contactId}` });
    const byEvent = await call({ path: `/documentation/${DOCUMENTED.contactId}/${DOCUMENTED.eventId}` });
    const start = async (response: Response) => new TextDecoder().decode(await response.arrayBuffer()).slice(0, 8);
    expect([byContact.status, byContact.headers.get('Content-Type'), await start(byContact)]).toStrictEqual([
      200,
      'application/pdf',
      '%PDF-1.4',
    ]);
    expect([byEvent.status, await start(byEvent)]).toStrictEqual([200, '%PDF-1.4']);
  });

  it('record one ready documentation for the one example documentation event, and add no event when it is downloaded', async () => {
    expect(complero.store.documentation).toStrictEqual([{ ...DOCUMENTED, state: 'ready', pendingPolls: 0 }]);
    await call({ path: `/documentation/${DOCUMENTED.contactId}` });
    const events = (await (await call({ path: '/events?type=documentation' })).json()) as ContactEvent[];
    expect(events.map((event) => [event.contact_id, event.event_id])).toStrictEqual([[DOCUMENTED.contactId, DOCUMENTED.eventId]]);
  });

  it('leave a contact whose example events have no documentation event at 404', async () => {
    const response = await call({ path: '/documentation/K-2025-00067890' });
    expect([response.status, await response.json()]).toStrictEqual([
      404,
      { message: 'no documentation events for contact K-2025-00067890' },
    ]);
  });

  it('come before every event the mock creates: its clock starts at the latest example event', async () => {
    await call({ path: '/events/trigger', method: 'POST', body: { contact: { id: 'K-2025-00067890' }, type: 'confirm' } });
    const events = (await (await call({ path: '/events' })).json()) as ContactEvent[];
    expect(events.map((event) => [event.type, event.event_time])).toStrictEqual([
      ['update', '2025-04-25T12:48:03Z'],
      ['documentation', '2025-04-25T12:48:03Z'],
      ['confirm', '2025-04-25T13:05:41Z'],
      ['confirm', '2025-04-25T13:05:42Z'],
    ]);
  });

  it('come back with reset after the documentation expired', async () => {
    complero.store.expireDocumentation({ contactId: DOCUMENTED.contactId });
    expect((await call({ path: `/documentation/${DOCUMENTED.contactId}` })).status).toStrictEqual(410);
    complero.reset();
    expect((await call({ path: `/documentation/${DOCUMENTED.contactId}` })).status).toStrictEqual(200);
  });
});
