import { describe, expectTypeOf, it } from 'vitest';
import type {
  BulkUploadContactsBody,
  BulkUploadContactsHeaders,
  Contact,
  ContactEvent,
  ContactEventType,
  ContactUpload,
  GetEventsQuery,
  GetEventsResponse,
  GetLatestEventsType,
  operations,
  paths,
  ValidationErrorCode,
  WebPostResponse,
  WebResponse,
} from '../src/index.js';

describe('@complero/types', () => {
  it('requires first_name, id and last_name on ContactUpload', () => {
    expectTypeOf<ContactUpload>().toHaveProperty('first_name').toEqualTypeOf<string>();
    expectTypeOf<ContactUpload>().toHaveProperty('id').toEqualTypeOf<string>();
    expectTypeOf<ContactUpload>().toHaveProperty('last_name').toEqualTypeOf<string>();
    // @ts-expect-error last_name is required
    const missing: ContactUpload = { first_name: 'Max', id: 'K-1' };
    expectTypeOf(missing).toEqualTypeOf<ContactUpload>();
    const minimal: ContactUpload = { first_name: 'Max', id: 'K-1', last_name: 'Mustermann' };
    expectTypeOf(minimal).toEqualTypeOf<ContactUpload>();
  });

  it("types ContactEvent['type'] as exactly the three documented event types (optional, as the spec says)", () => {
    expectTypeOf<NonNullable<ContactEvent['type']>>().toEqualTypeOf<'update' | 'confirm' | 'documentation'>();
    expectTypeOf<ContactEvent['type']>().toEqualTypeOf<'update' | 'confirm' | 'documentation' | undefined>();
    expectTypeOf<ContactEventType>().toEqualTypeOf<'update' | 'confirm' | 'documentation'>();
  });

  it('names the validation error codes', () => {
    expectTypeOf<ValidationErrorCode>().toEqualTypeOf<'v1c001' | 'v1c002' | 'v1c003' | 'v1c004'>();
  });

  it('gives dotted definitions collision-free names', () => {
    expectTypeOf<WebResponse>().toEqualTypeOf<{ message?: string }>();
    expectTypeOf<WebPostResponse['validation_errors']>().toEqualTypeOf<
      { [key: string]: { [key: string]: { code?: string; message?: string } } } | undefined
    >();
  });

  it('types per-operation query, body, response and headers', () => {
    expectTypeOf<GetEventsQuery>().toEqualTypeOf<{
      type?: GetLatestEventsType;
      from?: string;
      to?: string;
      limit?: string;
      cursor?: string;
    }>();
    expectTypeOf<GetEventsResponse>().toEqualTypeOf<ContactEvent[]>();
    expectTypeOf<BulkUploadContactsBody>().toEqualTypeOf<ContactUpload[]>();
    expectTypeOf<BulkUploadContactsHeaders>().toEqualTypeOf<{
      'Operation-Id'?: string;
      'Operation-Link'?: string;
      'Request-Id'?: string;
    }>();
  });

  it("exposes openapi-typescript's paths and operations", () => {
    expectTypeOf<paths['/contacts/{id}']['get']['responses'][200]['content']['application/json']>().toEqualTypeOf<Contact>();
    expectTypeOf<operations['GetContact']['parameters']['path']>().toEqualTypeOf<{ id: string }>();
  });
});
