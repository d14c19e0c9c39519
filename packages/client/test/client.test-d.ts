import type { Contact, ContactEvent, Employee, GetContactHeaders, GetEventsHeaders, Operation, ValidationErrorCode } from '@complero/types';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ApiResult,
  BulkUploadError,
  type CompleroClient,
  type CompleroError,
  createCompleroClient,
  type DownloadResult,
  ForbiddenError,
  type NoHeaders,
  NotFoundError,
  type Page,
  type ReadyDownload,
  ValidationError,
} from '../src/index.js';

const complero = createCompleroClient({ apiKey: 'key' });

describe('result types', () => {
  it('types a single resource with its declared headers', () => {
    expectTypeOf(complero.contacts.get('c1')).resolves.toEqualTypeOf<ApiResult<Contact, GetContactHeaders>>();
    expectTypeOf<Awaited<ReturnType<CompleroClient['contacts']['get']>>['data']>().toEqualTypeOf<Contact>();
    expectTypeOf<Awaited<ReturnType<CompleroClient['contacts']['get']>>['requestId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(complero.employees.get('e1')).resolves.toEqualTypeOf<ApiResult<Employee, NoHeaders>>();
    expectTypeOf(complero.contacts.delete('c1')).resolves.toHaveProperty('data').toEqualTypeOf<undefined>();
  });

  it('types pages, their items and the iterator', () => {
    expectTypeOf(complero.events.list()).resolves.toEqualTypeOf<Page<ContactEvent, GetEventsHeaders>>();
    expectTypeOf<Page<ContactEvent, GetEventsHeaders>['nextCursor']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(complero.events.iterate({ type: 'update' })).toEqualTypeOf<AsyncIterable<ContactEvent>>();
    expectTypeOf(complero.operations.iterate()).toEqualTypeOf<AsyncIterable<Operation>>();
  });

  it('types documentation as ready bytes or pending', async () => {
    expectTypeOf(complero.documentation.get('K-1')).resolves.toEqualTypeOf<DownloadResult<NoHeaders>>();
    const result = await complero.documentation.get('K-1', 'ev1');
    if (result.state === 'ready') {
      expectTypeOf(result.data).toEqualTypeOf<Blob>();
      expectTypeOf(result.contentType).toEqualTypeOf<string>();
    } else expectTypeOf(result.data).toEqualTypeOf<undefined>();
    expectTypeOf(complero.documentation.waitFor('K-1')).resolves.toEqualTypeOf<ReadyDownload<NoHeaders>>();
  });

  it('types uploads, their operation ids and the waited operations', async () => {
    const upload = await complero.contacts.upload([{ id: 'c1', first_name: 'Max', last_name: 'Muster' }]);
    expectTypeOf(upload.operationIds).toEqualTypeOf<readonly string[]>();
    expectTypeOf(upload.wait()).resolves.toEqualTypeOf<ApiResult<Operation, { 'Request-Id'?: string }>[]>();
    expectTypeOf(complero.operations.waitFor('op_1')).resolves.toHaveProperty('data').toEqualTypeOf<Operation>();
  });

  it('types validation errors with the documented codes', () => {
    const error = new ValidationError('x');
    expectTypeOf(error.validationErrors[0]?.[0]?.code).toEqualTypeOf<ValidationErrorCode | undefined>();
    expectTypeOf(new BulkUploadError<string>('x', { accepted: [], failed: ['a'], notSent: [] }).notSent).toEqualTypeOf<readonly string[]>();
  });

  it('says whether a failed chunk was rejected or may have been stored, and how long to wait before retrying', () => {
    const error = new BulkUploadError('x', { accepted: [], failed: [], notSent: [], failedOutcome: 'rejected' });
    expectTypeOf(error.failedOutcome).toEqualTypeOf<'rejected' | 'unknown'>();
    expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
    // @ts-expect-error: only 'rejected' and 'unknown' exist
    new BulkUploadError('x', { accepted: [], failed: [], notSent: [], failedOutcome: 'stored' });
  });

  it('narrows errors by class in both branches of instanceof', () => {
    const error = new ValidationError('x') as CompleroError;
    if (error instanceof NotFoundError) expectTypeOf(error).toEqualTypeOf<NotFoundError>();
    else expectTypeOf(error).toEqualTypeOf<CompleroError>();
    expectTypeOf(new ForbiddenError('x').name).toEqualTypeOf<'ForbiddenError'>();
  });

  it('keeps the raw openapi-fetch client typed by path', async () => {
    const { data } = await complero.raw.GET('/contacts/{id}', { params: { path: { id: 'c1' } } });
    expectTypeOf(data).toEqualTypeOf<Contact | undefined>();
  });
});

describe('wrong calls do not compile', () => {
  it('rejects wrong arguments', () => {
    // @ts-expect-error an id is required
    void complero.contacts.get();
    // @ts-expect-error ids are strings
    void complero.contacts.get(42);
    // @ts-expect-error `type` is one of the documented event types
    void complero.events.list({ type: 'deleted' });
    // @ts-expect-error no such query parameter
    void complero.events.list({ page: 2 });
    // @ts-expect-error contacts need their required fields
    void complero.contacts.upload([{ id: 'c1' }]);
    // @ts-expect-error an employee is not a contact upload
    void complero.employees.upload([{ id: 'e1', first_name: 'Erika', email: 1 }]);
    // @ts-expect-error a sandbox event is update or confirm
    void complero.events.trigger({ type: 'documentation' });
    // @ts-expect-error the chunk size is a number
    void complero.contacts.upload([], { chunkSize: '10' });
    // @ts-expect-error waitFor takes an interval, not a request timeout only
    void complero.operations.waitFor('op', { interval: 5 });
    // @ts-expect-error unknown raw path
    void complero.raw.GET('/contact/{id}');
    // @ts-expect-error unknown option
    createCompleroClient({ apikey: 'typo' });
  });
});
