import {
  AuthenticationError,
  BulkUploadError,
  type CompleroClient,
  errorClassForStatus,
  InvalidArgumentError,
  NotFoundError,
  ValidationError,
} from '@complero/client';
import { expect } from 'vitest';

/** Two valid contacts: one with a work email, one with only the required fields. */
export const CONTACTS = [
  { id: 'K-1', first_name: 'Erika', last_name: 'Musterfrau', section_work: { emails: [{ email: 'e.musterfrau@firma.de' }] } },
  { id: 'K-2', first_name: 'Max', last_name: 'Mustermann' },
];

/** Fast polling, so the flow does not wait a second per poll. */
const FAST = { intervalMs: 5, timeoutMs: 10_000 };

/**
 * Runs the whole stateful flow with the real client against an empty mock (`fixtures: 'none'`):
 * upload → wait for the operation → get → trigger events → page events → documentation
 * pending → ready → delete → 404.
 */
export async function runContactFlow(complero: CompleroClient): Promise<void> {
  const upload = await complero.contacts.upload(CONTACTS);
  expect(upload.operationIds).toHaveLength(1);
  expect(upload.chunks.map((chunk) => [chunk.status, chunk.items.length, chunk.headers['Operation-Id']])).toStrictEqual([
    [202, 2, upload.operationIds[0]],
  ]);
  const operations = await upload.wait(FAST);
  expect(operations.map((operation) => [operation.data.id, operation.data.status])).toStrictEqual([[upload.operationIds[0], 'completed']]);
  expect(operations[0]?.data.items?.map((item) => item.status)).toStrictEqual(['success', 'success']);

  const contact = await complero.contacts.get('K-1');
  expect([contact.status, contact.data.first_name, contact.data.section_work?.emails]).toStrictEqual([
    200,
    'Erika',
    ['e.musterfrau@firma.de'],
  ]);
  expect(contact.requestId).toStrictEqual(contact.headers['Request-Id']);
  expect(typeof contact.requestId).toStrictEqual('string');

  for (const id of ['K-1', 'K-2', 'K-1']) {
    const triggered = await complero.events.trigger({ contact: { id }, type: 'update' });
    expect(triggered.status).toStrictEqual(200);
  }

  const iterated: (string | undefined)[] = [];
  for await (const event of complero.events.iterate({ limit: '2' })) iterated.push(event.contact_id);
  expect(iterated).toStrictEqual(['K-1', 'K-2', 'K-1']);

  const first = await complero.events.list({ limit: '2' });
  expect([first.data.length, typeof first.nextCursor]).toStrictEqual([2, 'string']);
  const second = await complero.events.list({ limit: '2', cursor: first.nextCursor });
  expect([second.data.map((event) => event.contact_id), second.nextCursor]).toStrictEqual([['K-1'], undefined]);

  const pending = await complero.documentation.get('K-1');
  expect([pending.state, pending.status, pending.data]).toStrictEqual(['pending', 204, undefined]);
  const ready = await complero.documentation.waitFor('K-1', undefined, FAST);
  const pdf = new TextDecoder().decode(await ready.data.arrayBuffer());
  expect([ready.state, ready.status, ready.contentType, pdf.slice(0, 5)]).toStrictEqual(['ready', 200, 'application/pdf', '%PDF-']);

  const deleted = await complero.contacts.delete('K-1');
  expect(deleted.status).toStrictEqual(204);
  await expect(complero.contacts.get('K-1')).rejects.toBeInstanceOf(NotFoundError);
  await expect(complero.contacts.get('K-1')).rejects.toMatchObject({ status: 404 });
}

/**
 * An invalid upload. A malformed email gets past the client's own checks, so the mock's 422 surfaces
 * as the `cause` of a `BulkUploadError`: a `ValidationError` with `v1c001` for that item. A missing
 * required field never reaches the server through `upload()` (the client refuses it first), so the
 * mock's `v1c002` is reached through the raw client and read with the client's own error classes.
 */
export async function expectUploadValidationErrors(complero: CompleroClient): Promise<void> {
  const badEmail = { id: 'K-9', first_name: 'Erika', last_name: 'Musterfrau', section_work: { emails: [{ email: 'not-an-email' }] } };
  const error = await complero.contacts.upload([CONTACTS[1]!, badEmail]).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BulkUploadError);
  expect((error as BulkUploadError).status).toStrictEqual(422);
  const cause = (error as BulkUploadError).cause;
  expect(cause).toBeInstanceOf(ValidationError);
  expect((cause as ValidationError).validationErrors).toStrictEqual({
    'section_work.emails[0].email': [
      {
        code: 'v1c001',
        message:
          "Key: 'ContactUpload.section_work.emails[0].email' Error:Field validation for 'section_work.emails[0].email' failed on the 'email' tag",
        item: '1',
      },
    ],
  });

  await expect(complero.contacts.upload([{ id: 'K-8', first_name: 'Max', last_name: '' }])).rejects.toBeInstanceOf(InvalidArgumentError);

  const { response, error: body } = await complero.raw.POST('/contacts', {
    body: [{ id: 'K-8', first_name: 'Max', last_name: '' }, badEmail],
  });
  const ErrorClass = errorClassForStatus(response.status);
  expect(ErrorClass).toStrictEqual(ValidationError);
  const raw = new ErrorClass('rejected', { status: response.status, body }) as ValidationError;
  expect(
    Object.entries(raw.validationErrors).flatMap(([field, issues]) => issues.map((issue) => [issue.item, field, issue.code])),
  ).toStrictEqual([
    ['0', 'last_name', 'v1c002'],
    ['1', 'section_work.emails[0].email', 'v1c001'],
  ]);
}

/** `ping` needs no API key; a secured operation without one gets a 401 `AuthenticationError`. */
export async function expectAuthRules(keyless: CompleroClient): Promise<void> {
  expect((await keyless.ping()).status).toStrictEqual(200);
  const error = await keyless.contacts.get('K-1').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).status).toStrictEqual(401);
}
