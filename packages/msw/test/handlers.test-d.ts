import type { Contact, GetEventsResponse } from '@complero/types';
import type { HttpHandler } from 'msw';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createHandler,
  createHandlers,
  createMockComplero,
  getContactHandler,
  getEventsHandler,
  type MockOverrides,
  type MockPathParams,
} from '../src/index.js';

describe('handler factory types', () => {
  it('take the operation success body as data', () => {
    expectTypeOf(getContactHandler({ id: 'K-1', first_name: 'Erika' })).toEqualTypeOf<HttpHandler>();
    // @ts-expect-error first_name is a string in the spec
    getContactHandler({ first_name: 1 });
  });

  it('give resolvers typed path params', () => {
    getContactHandler(({ params }) => {
      expectTypeOf(params.id).toEqualTypeOf<string>();
      return { id: params.id };
    });
    expectTypeOf<MockPathParams<{ readonly id: number; page?: number }>>().toEqualTypeOf<{ readonly id: string; page?: string }>();
    // @ts-expect-error GetContact has no contactID parameter
    getContactHandler(({ params }) => ({ id: params.contactID }));
  });

  it('check what a resolver returns unless it is a Response', () => {
    getEventsHandler(() => [{ event_id: 'e', type: 'update' }] satisfies GetEventsResponse);
    getEventsHandler(() => new Response(null, { status: 500 }));
    // @ts-expect-error an event type outside the enum
    getEventsHandler(() => [{ type: 'deleted' }]);
  });

  it('key overrides by camelCase operation name', () => {
    expectTypeOf<MockOverrides['getContact']>().toMatchTypeOf<Contact | undefined | ((...args: never[]) => unknown)>();
    createHandlers({ overrides: { getContact: { id: 'K-1' } } });
    // @ts-expect-error no such operation
    createHandlers({ overrides: { getContacts: {} } });
    createHandler({ operation: 'ping' });
    // @ts-expect-error no such operation
    createHandler({ operation: 'pong' });
  });

  it('return handlers and a store from createMockComplero', () => {
    const complero = createMockComplero();
    expectTypeOf(complero.handlers).toEqualTypeOf<HttpHandler[]>();
    expectTypeOf(complero.store.contacts).toEqualTypeOf<Map<string, Contact>>();
  });
});

describe('resolver fall-through', () => {
  it('lets a resolver return undefined for the default answer', () => {
    getEventsHandler(({ query }) => (query.get('type') === 'confirm' ? [] : undefined));
  });
});
