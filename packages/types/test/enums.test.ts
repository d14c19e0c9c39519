import { describe, expect, it } from 'vitest';
import {
  CONTACT_EVENT_TYPES,
  GET_EVENTS_TYPES,
  TRIGGER_PUBLIC_EVENT_TYPES,
  VALIDATION_ERROR_CODE_MEANINGS,
  VALIDATION_ERROR_CODES,
} from '../src/index.js';

describe('@complero/types runtime values', () => {
  it('lists the event types in spec order', () => {
    expect(CONTACT_EVENT_TYPES).toStrictEqual(['update', 'confirm', 'documentation']);
    expect(GET_EVENTS_TYPES).toStrictEqual(['confirm', 'update', 'documentation']);
    expect(TRIGGER_PUBLIC_EVENT_TYPES).toStrictEqual(['update', 'confirm']);
  });

  it('explains every validation error code in the words of the API documentation', () => {
    expect(VALIDATION_ERROR_CODES).toStrictEqual(['v1c001', 'v1c002', 'v1c003', 'v1c004']);
    expect(VALIDATION_ERROR_CODE_MEANINGS).toStrictEqual({
      v1c001: 'Tags related to standard validation rules (such as `email`, `uuid`, `min`, etc.) return the generic code `v1c001`.',
      v1c002: 'The `required` tag is treated as a special case and returns v1c002.',
      v1c003: 'Any other unknown or unrecognized tags fall back to the generic code `v1c003`.',
      v1c004: "Tags specific to Complero's domain, such as `mobilenumber`, `faxnumber`, or `zipcode`, return `v1c004`.",
    });
  });
});
