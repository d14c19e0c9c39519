import { type CompleroClient, type CompleroError, createCompleroClient } from '@complero/client';
import type { Contact, ContactEvent, ContactUpload, Employee, Operation } from '@complero/types';
import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  compleroKeys,
  contactQueryOptions,
  type DocumentationDownload,
  type EventsPage,
  eventsInfiniteQueryOptions,
  useContact,
  useDeleteContact,
  useDeleteEmployee,
  useDocumentation,
  useInfiniteEvents,
  useOperation,
  useSuspenseContact,
  useSuspenseDocumentation,
  useSuspenseEmployee,
  useSuspenseEvents,
  useSuspenseInfiniteEvents,
  useSuspenseOperation,
  useUploadContacts,
} from '../src/index.js';

const client: CompleroClient = createCompleroClient({ apiKey: 'key' });

describe('types of @complero/react-query', () => {
  it('tags the builder key so setQueryData and getQueryData know the data type', () => {
    const queryClient = new QueryClient();
    const { queryKey } = contactQueryOptions(client, 'K-1');
    expectTypeOf(queryClient.getQueryData(queryKey)).toEqualTypeOf<Contact | undefined>();
    // @ts-expect-error a number is not a Contact
    queryClient.setQueryData(queryKey, 42);
  });

  it('keeps keys readonly tuples that start with the resource', () => {
    expectTypeOf(compleroKeys.contacts.detail('K-1')).toEqualTypeOf<readonly ['complero', 'contacts', 'detail', string]>();
    expectTypeOf(compleroKeys.events.all).toEqualTypeOf<readonly ['complero', 'events']>();
  });

  it('types hook data and errors, and follows select', () => {
    expectTypeOf(useContact('K-1').data).toEqualTypeOf<Contact | undefined>();
    expectTypeOf(useContact('K-1').error).toEqualTypeOf<CompleroError | null>();
    expectTypeOf(useContact('K-1', { select: (contact) => contact.last_name }).data).toEqualTypeOf<string | undefined>();
    expectTypeOf(useOperation('op-1', { pollIntervalMs: 500 }).data).toEqualTypeOf<Operation | undefined>();
    expectTypeOf(useDocumentation('K-1').data).toEqualTypeOf<DocumentationDownload | undefined>();
  });

  it('pages infinite queries by the cursor and does not accept one from the caller', () => {
    expectTypeOf(useInfiniteEvents({ limit: '10' }).data).toEqualTypeOf<InfiniteData<EventsPage, string | undefined> | undefined>();
    expectTypeOf<EventsPage['data']>().toEqualTypeOf<ContactEvent[]>();
    // @ts-expect-error the pages carry the cursor
    eventsInfiniteQueryOptions(client, { cursor: 'abc' });
  });

  it('types mutation variables and errors', () => {
    const upload = useUploadContacts();
    expectTypeOf(upload.mutate).parameter(0).toEqualTypeOf<ContactUpload[]>();
    expectTypeOf(upload.error).toEqualTypeOf<CompleroError | null>();
    // @ts-expect-error contacts need an id
    upload.mutate([{ first_name: 'Ada', last_name: 'Lovelace' }]);
  });

  it('gives suspense hooks data that is never undefined', () => {
    expectTypeOf(useSuspenseContact('K-1').data).toEqualTypeOf<Contact>();
    expectTypeOf(useSuspenseEmployee('E-1').data).toEqualTypeOf<Employee>();
    expectTypeOf(useSuspenseEvents().data).toEqualTypeOf<ContactEvent[]>();
    expectTypeOf(useSuspenseOperation('op-1').data).toEqualTypeOf<Operation>();
    expectTypeOf(useSuspenseDocumentation('K-1').data).toEqualTypeOf<DocumentationDownload>();
    expectTypeOf(useSuspenseInfiniteEvents().data).toEqualTypeOf<InfiniteData<EventsPage, string | undefined>>();
    expectTypeOf(useSuspenseContact('K-1', { select: (contact) => contact.last_name ?? '' }).data).toEqualTypeOf<string>();
  });

  it('takes the id alone as the variables of the delete mutations', () => {
    expectTypeOf(useDeleteContact().mutate).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(useDeleteEmployee().mutateAsync).parameter(0).toEqualTypeOf<string>();
    // @ts-expect-error the id, not an object holding it
    useDeleteContact().mutate({ id: 'K-1' });
    // @ts-expect-error an id is required
    useDeleteEmployee().mutate();
  });
});
