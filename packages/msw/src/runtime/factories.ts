import type {
  Address,
  Consent,
  Contact,
  ContactEvent,
  ContactEventType,
  ContactSection,
  Employee,
  Operation,
  OperationItem,
  PublicNumber,
  WebPostResponse,
  WebResponse,
} from '@complero/types';
import { createRandom, type Random } from './random.js';
import {
  BROWSERS,
  CITIES,
  COMPANY_FORMS,
  COMPANY_STEMS,
  DEPARTMENTS,
  FEMALE_FIRST_NAMES,
  FIRST_NAMES,
  LAST_NAMES,
  MOBILE_PREFIXES,
  POSITIONS,
  SALUTATIONS,
  STREETS,
  TAGS,
} from './word-lists.js';

/** How every data factory is called: a seed (or a shared `random` stream) and fields to force. */
export interface FactoryOptions<T> {
  /** Same seed → same object. Ignored when `random` is given. Default 1. */
  readonly seed?: number;
  /** Draw from this stream instead, to make many different objects from one seed. */
  readonly random?: Random;
  /** Fields that replace the generated ones (shallow). */
  readonly overrides?: Partial<T>;
}

/** The moment all generated timestamps count from, so data never depends on the wall clock. */
export const MOCK_EPOCH = Date.UTC(2025, 0, 6, 8, 0, 0);

function streamOf(options: FactoryOptions<unknown>, label: string): Random {
  return options.random ?? createRandom({ seed: options.seed ?? 1, labels: [label] });
}

function isoTime(random: Random): string {
  const offsetSeconds = random.integer({ min: 0, max: 180 * 24 * 3600 });
  return new Date(MOCK_EPOCH + offsetSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function createBirthday(random: Random): string {
  return `19${random.integer({ min: 60, max: 99 })}-${pad(random.integer({ min: 1, max: 12 }))}-${pad(random.integer({ min: 1, max: 28 }))}`;
}

/** A Complero-style contact id, like the spec's `K-2025-00012345`. */
export function createContactId(options: { random: Random }): string {
  return `K-2025-${options.random.digits(8)}`;
}

function createAddress(random: Random): Address & { readonly area: string } {
  const place = random.pick(CITIES);
  return {
    city: place.city,
    country: 'DE',
    house_number: String(random.integer({ min: 1, max: 120 })),
    street: random.pick(STREETS),
    zip_code: place.zip,
    area: place.area,
  };
}

function createNumber(options: { random: Random; area: string }): PublicNumber {
  const number = options.random.digits(7);
  return {
    area: options.area,
    international_formatted: `+49 ${options.area} ${number}`,
    national_formatted: `0${options.area} ${number}`,
    number,
    original: `+49 ${options.area} ${number}`,
  };
}

function createSection(options: { random: Random; email: string; work: boolean }): ContactSection {
  const { random } = options;
  const { area, ...address } = createAddress(random);
  return {
    addresses: [address],
    emails: [options.email],
    ...(options.work
      ? { phone_numbers: [createNumber({ random, area })] }
      : { mobile_numbers: [createNumber({ random, area: random.pick(MOBILE_PREFIXES) })] }),
  };
}

function createConsent(random: Random): Consent {
  return {
    granted: true,
    granted_agent: random.pick(BROWSERS),
    granted_at: isoTime(random),
    granted_ip: `198.51.100.${random.integer({ min: 1, max: 254 })}`,
    id: `cnt_adv_${random.digits(3)}`,
    type: 'advertisement',
  };
}

/** A realistic contact: German name, private and work sections, one consent. */
export function createContact(options: FactoryOptions<Contact> = {}): Contact {
  const random = streamOf(options, 'Contact');
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const company = `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_FORMS)}`;
  const domain = `${slug(company.split(' ')[0]!)}.de`;
  return {
    id: createContactId({ random }),
    salutation: FEMALE_FIRST_NAMES.has(firstName) ? SALUTATIONS.female : SALUTATIONS.male,
    first_name: firstName,
    last_name: lastName,
    birthday: createBirthday(random),
    company,
    position: random.pick(POSITIONS),
    language: 'de',
    nationality: 'DE',
    website: `https://www.${domain}`,
    tags: [random.pick(TAGS)],
    data: { crm_lead_score: String(random.integer({ min: 10, max: 99 })) },
    documentation: { consents: [createConsent(random)] },
    section_private: createSection({ random, email: `${slug(firstName)}.${slug(lastName)}@example.de`, work: false }),
    section_work: createSection({ random, email: `${slug(firstName).charAt(0)}.${slug(lastName)}@${domain}`, work: true }),
    ...options.overrides,
  };
}

/** An event about a contact; `documentation` events carry a documentation URL instead of the contact. */
export function createContactEvent(
  options: FactoryOptions<ContactEvent> & { readonly type?: ContactEventType; readonly contact?: Contact; readonly baseUrl?: string } = {},
): ContactEvent {
  const random = streamOf(options, 'ContactEvent');
  const type = options.type ?? random.pick(['update', 'confirm', 'documentation'] as const);
  const contact = options.contact ?? createContact({ random });
  const eventId = random.uuid();
  const contactId = contact.id ?? createContactId({ random });
  const base = {
    contact_id: contactId,
    event_id: eventId,
    event_time: isoTime(random),
    type,
  };
  const event: ContactEvent =
    type === 'documentation'
      ? {
          ...base,
          event_documentation_url: `${options.baseUrl ?? 'https://api.complero.com/v1'}/documentation/${encodeURIComponent(contactId)}/${eventId}`,
        }
      : { contact: { ...contact, id: contactId }, ...base };
  return { ...event, ...options.overrides };
}

/** Operation statuses in the order an operation goes through them. */
export const OPERATION_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;

/** The statuses after which an operation never changes again. */
export const TERMINAL_OPERATION_STATUSES: readonly string[] = ['completed', 'failed'];

/** One item of an operation: the uploaded model's id and how it went. */
export function createOperationItem(options: FactoryOptions<OperationItem> = {}): OperationItem {
  const random = streamOf(options, 'OperationItem');
  return { id: random.uuid(), model_id: createContactId({ random }), status: 'success', ...options.overrides };
}

/** A finished bulk-upload operation with a few items. */
export function createOperation(options: FactoryOptions<Operation> = {}): Operation {
  const random = streamOf(options, 'Operation');
  const model = random.pick(['contact', 'employee']);
  return {
    id: random.uuid(),
    type: 'bulk_upload',
    model,
    status: 'completed',
    created_at: isoTime(random),
    items: Array.from({ length: random.integer({ min: 1, max: 3 }) }, () => createOperationItem({ random })),
    ...options.overrides,
  };
}

/** A realistic employee (the person Complero contacts are assigned to). */
export function createEmployee(options: FactoryOptions<Employee> = {}): Employee {
  const random = streamOf(options, 'Employee');
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const { area, ...address } = createAddress(random);
  const domain = `${slug(random.pick(COMPANY_STEMS))}.de`;
  return {
    id: `E-${random.digits(5)}`,
    first_name: firstName,
    last_name: lastName,
    email: `${slug(firstName)}.${slug(lastName)}@${domain}`,
    department: random.pick(DEPARTMENTS),
    position: random.pick(POSITIONS),
    phone_number: `+49 ${area} ${random.digits(7)}`,
    city: address.city,
    street: address.street,
    house_number: address.house_number,
    zip_code: address.zip_code,
    website: `https://www.${domain}`,
    tags: [random.pick(['filiale', 'aussendienst', 'innendienst'])],
    data: {},
    ...options.overrides,
  };
}

/** The API's plain message body (`web.Response`). */
export function createWebResponse(options: { readonly message: string }): WebResponse {
  return { message: options.message };
}

/** The API's validation failure body (`web.PostResponse`). */
export function createWebPostResponse(options: {
  readonly message: string;
  readonly validationErrors?: WebPostResponse['validation_errors'];
}): WebPostResponse {
  return { message: options.message, ...(options.validationErrors ? { validation_errors: options.validationErrors } : {}) };
}
