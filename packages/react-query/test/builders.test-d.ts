import type { CompleroClient, CompleroError } from '@complero/client';
import type {
  ContactUpload,
  GetContactResponse,
  GetEventsResponse,
  GetOperationResponse,
  Operation,
  TriggerSandboxEventBody,
} from '@complero/types';
import type {
  InfiniteData,
  QueryClient,
  QueryKeyWithDataTag,
  UnusedSkipTokenInfiniteOptions,
  UnusedSkipTokenOptions,
  UseMutationResult,
  UseQueryResult,
  UseSuspenseQueryResult,
} from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CompleroMutationHookOptions,
  type CompleroQueryHookOptions,
  contactQueryOptions,
  type DeleteContactResult,
  type DocumentationDownload,
  deleteContactMutationOptions,
  documentationQueryOptions,
  type EventsPage,
  eventsInfiniteQueryOptions,
  eventsQueryOptions,
  invalidateAfterDeleteContact,
  invalidateAfterDeleteEmployee,
  invalidateAfterUploadContacts,
  operationQueryOptions,
  type PingResult,
  pingQueryOptions,
  type TriggerSandboxEventResult,
  triggerSandboxEventMutationOptions,
  type UploadContactsResult,
  uploadContactsMutationOptions,
  useContact,
  useSuspenseContact,
  useTriggerSandboxEvent,
  useUploadContacts,
  type WithPolling,
} from '../src/index.js';

// What TanStack's `queryOptions` / `infiniteQueryOptions` return for these type arguments: the
// builders must keep returning exactly this, whatever shape the generated code takes to get there.
type QueryOptionsOf<TData, TKey extends readonly unknown[]> = UnusedSkipTokenOptions<TData, CompleroError, TData, TKey> &
  QueryKeyWithDataTag<TKey, TData, CompleroError>;
type InfiniteQueryOptionsOf<TPage, TKey extends readonly unknown[]> = UnusedSkipTokenInfiniteOptions<
  TPage,
  CompleroError,
  InfiniteData<TPage, string | undefined>,
  TKey,
  string | undefined
> &
  QueryKeyWithDataTag<TKey, InfiniteData<TPage>, CompleroError>;

type ContactKey = readonly ['complero', 'contacts', 'detail', string];

describe('shapes of the generated builders, hooks and mutations', () => {
  it('returns from every query builder what TanStack queryOptions returns', () => {
    expectTypeOf(contactQueryOptions).parameters.toEqualTypeOf<[client: CompleroClient, id: string]>();
    expectTypeOf(contactQueryOptions).returns.toEqualTypeOf<QueryOptionsOf<GetContactResponse, ContactKey>>();
    expectTypeOf(eventsQueryOptions).returns.toEqualTypeOf<
      QueryOptionsOf<GetEventsResponse, readonly ['complero', 'events', 'list', NonNullable<Parameters<typeof eventsQueryOptions>[1]>]>
    >();
    expectTypeOf(documentationQueryOptions).parameters.toEqualTypeOf<[client: CompleroClient, contactId: string, polling?: WithPolling]>();
    expectTypeOf(documentationQueryOptions).returns.toEqualTypeOf<
      QueryOptionsOf<DocumentationDownload, readonly ['complero', 'documentation', 'detail', string]>
    >();
    expectTypeOf(operationQueryOptions).returns.toEqualTypeOf<
      QueryOptionsOf<GetOperationResponse, readonly ['complero', 'operations', 'detail', string]>
    >();
    expectTypeOf(pingQueryOptions).returns.toEqualTypeOf<QueryOptionsOf<PingResult, readonly ['complero', 'ping']>>();
  });

  it('returns from an infinite builder what TanStack infiniteQueryOptions returns', () => {
    type Query = NonNullable<Parameters<typeof eventsInfiniteQueryOptions>[1]>;
    expectTypeOf(eventsInfiniteQueryOptions).returns.toEqualTypeOf<
      InfiniteQueryOptionsOf<EventsPage, readonly ['complero', 'events', 'list', 'infinite', Query]>
    >();
  });

  it('keeps the mutation builders a literal key and a typed function', () => {
    expectTypeOf(uploadContactsMutationOptions).returns.toEqualTypeOf<{
      mutationKey: readonly ['complero', 'contacts', 'UploadContacts'];
      mutationFn: (variables: ContactUpload[]) => Promise<UploadContactsResult>;
    }>();
    expectTypeOf(deleteContactMutationOptions).returns.toEqualTypeOf<{
      mutationKey: readonly ['complero', 'contacts', 'DeleteContact'];
      mutationFn: (variables: string) => Promise<DeleteContactResult>;
    }>();
    expectTypeOf(triggerSandboxEventMutationOptions).returns.toEqualTypeOf<{
      mutationKey: readonly ['complero', 'events', 'TriggerSandboxEvent'];
      mutationFn: (variables: TriggerSandboxEventBody) => Promise<TriggerSandboxEventResult>;
    }>();
  });

  it('awaits the invalidation only when there is something to refetch', () => {
    expectTypeOf(invalidateAfterUploadContacts).toEqualTypeOf<
      (options: { queryClient: QueryClient; variables: ContactUpload[] }) => Promise<void>
    >();
    expectTypeOf(invalidateAfterDeleteContact).toEqualTypeOf<(options: { queryClient: QueryClient; variables: string }) => Promise<void>>();
    expectTypeOf(invalidateAfterDeleteEmployee).toEqualTypeOf<(options: { queryClient: QueryClient; variables: string }) => void>();
  });

  it('keeps the hook signatures', () => {
    expectTypeOf(useContact<Operation>).toEqualTypeOf<
      (
        id: string,
        options?: CompleroQueryHookOptions<GetContactResponse, Operation, ContactKey>,
      ) => UseQueryResult<Operation, CompleroError>
    >();
    expectTypeOf(useSuspenseContact<string>).returns.toEqualTypeOf<UseSuspenseQueryResult<string, CompleroError>>();
    expectTypeOf(useUploadContacts<number>).toEqualTypeOf<
      (
        options?: CompleroMutationHookOptions<UploadContactsResult, ContactUpload[], number>,
      ) => UseMutationResult<UploadContactsResult, CompleroError, ContactUpload[], number>
    >();
    expectTypeOf(useTriggerSandboxEvent).returns.toEqualTypeOf<
      UseMutationResult<TriggerSandboxEventResult, CompleroError, TriggerSandboxEventBody, unknown>
    >();
  });
});
