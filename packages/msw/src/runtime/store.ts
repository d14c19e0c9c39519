import type { Contact, ContactEvent, ContactEventType, Employee, Operation } from '@complero/types';
import { createRandom, type Random } from './random.js';

/** Where a contact's (or an event's) documentation PDF is in its life. */
export type DocumentationState = 'pending' | 'ready' | 'expired';

/** One documentation PDF the mock knows about. */
export interface DocumentationRecord {
  readonly contactId: string;
  readonly eventId: string;
  state: DocumentationState;
  /** How many more downloads answer "not generated yet" (204) before it is ready. */
  pendingPolls: number;
}

/** A background operation and how many more polls it takes to finish. */
export interface StoredOperation {
  operation: Operation;
  pollsUntilDone: number;
}

/** The in-memory Complero: plain maps and lists you may read and change in tests. */
export interface MockStore {
  readonly contacts: Map<string, Contact>;
  readonly employees: Map<string, Employee>;
  /** By operation id, in creation order. */
  readonly operations: Map<string, StoredOperation>;
  /** Every event, oldest first. */
  readonly events: ContactEvent[];
  /** Keys (`eventId:type`) of events already received through any endpoint, so `events/latest` returns each once. */
  readonly delivered: Set<string>;
  readonly documentation: DocumentationRecord[];
  /** Seeded ids for everything the mock creates. */
  readonly random: Random;
  /** The next timestamp: a virtual clock that moves one second per event, so runs repeat. */
  nextTime(): string;
  /** Makes documentation ready now (and records its `documentation` event). */
  generateDocumentation(options: { contactId: string; eventId?: string }): DocumentationRecord;
  /** Makes documentation gone: downloads answer 410 from now on. */
  expireDocumentation(options: { contactId: string; eventId?: string }): DocumentationRecord;
  /** Records an event and returns it. */
  addEvent(options: {
    contactId: string;
    type: ContactEventType;
    eventId?: string;
    contact?: Contact;
    documentationUrl?: string;
  }): ContactEvent;
  /** Empties the store and restores its starting data and clock. */
  reset(): void;
}

/** The key that identifies one event for delivery tracking. */
export function eventKey(event: ContactEvent): string {
  return `${event.event_id}:${event.type}`;
}

/** Where the virtual clock starts unless told otherwise: a fixed moment, so runs repeat. */
const CLOCK_START = Date.UTC(2025, 4, 1, 8, 0, 0);

/**
 * An empty store seeded by `seed`; `fill` puts the starting data in (again on every reset). The
 * virtual clock starts at `clockStart` (epoch milliseconds; the first time it gives is one second later).
 */
export function createMockStore(options: {
  seed: number;
  baseUrl: string;
  fill?: (store: MockStore) => void;
  clockStart?: number;
}): MockStore {
  const clockStart = options.clockStart ?? CLOCK_START;
  let clock = clockStart;
  let random = createRandom({ seed: options.seed, labels: ['store'] });
  const find = (where: { contactId: string; eventId?: string }): DocumentationRecord => {
    const record = [...store.documentation]
      .reverse()
      .find((candidate) => candidate.contactId === where.contactId && (where.eventId === undefined || candidate.eventId === where.eventId));
    if (!record) {
      throw new Error(
        `The mock has no documentation for contact ${where.contactId}${where.eventId ? ` and event ${where.eventId}` : ''}: trigger an event for the contact first (POST /events/trigger).`,
      );
    }
    return record;
  };
  const store: MockStore = {
    contacts: new Map(),
    employees: new Map(),
    operations: new Map(),
    events: [],
    delivered: new Set(),
    documentation: [],
    get random() {
      return random;
    },
    nextTime() {
      clock += 1000;
      return new Date(clock).toISOString().replace('.000Z', 'Z');
    },
    addEvent(event) {
      const base = {
        contact_id: event.contactId,
        event_id: event.eventId ?? random.uuid(),
        event_time: store.nextTime(),
        type: event.type,
      };
      const created: ContactEvent = {
        ...(event.contact ? { contact: event.contact } : {}),
        ...base,
        ...(event.documentationUrl ? { event_documentation_url: event.documentationUrl } : {}),
      };
      store.events.push(created);
      return created;
    },
    generateDocumentation(where) {
      const record = find(where);
      if (record.state !== 'pending') return record;
      record.state = 'ready';
      record.pendingPolls = 0;
      store.addEvent({
        contactId: record.contactId,
        eventId: record.eventId,
        type: 'documentation',
        documentationUrl: `${options.baseUrl}/documentation/${encodeURIComponent(record.contactId)}/${encodeURIComponent(record.eventId)}`,
      });
      return record;
    },
    expireDocumentation(where) {
      const record = find(where);
      record.state = 'expired';
      return record;
    },
    reset() {
      clock = clockStart;
      random = createRandom({ seed: options.seed, labels: ['store'] });
      store.contacts.clear();
      store.employees.clear();
      store.operations.clear();
      store.events.length = 0;
      store.delivered.clear();
      store.documentation.length = 0;
      options.fill?.(store);
    },
  };
  options.fill?.(store);
  return store;
}
