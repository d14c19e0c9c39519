import type { WebPostResponse, WebValidationErrors } from '@complero/types';
import { checkAgainstSchema } from './check-schema.js';
import type { MockJsonSchema, MockSchemas } from './mock-operation.js';
import { jsonResponse } from './responses.js';

/** Validation errors of a bulk upload, by item index (`"0"`, `"1"`, …), as `web.PostResponse.validation_errors` holds them. */
export type UploadValidationErrors = Record<string, WebValidationErrors>;

// Deliberately simple: what the API's `email` tag rejects in practice (no @, spaces, no dot in the domain).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What `validateUploadItems` found, and the items as the API would store them. */
export interface UploadValidation {
  readonly validationErrors: UploadValidationErrors;
  /** The items without the fields their schema does not declare (the API's typed decoder drops them). */
  readonly items: readonly Record<string, unknown>[];
}

/**
 * Checks upload items like the API's validator: a missing required field → `v1c002`; a field of
 * the wrong type (checked against `itemSchema`) or a malformed email → `v1c001`. Messages follow
 * the Go validator wording the API returns.
 */
export function validateUploadItems(options: {
  items: readonly Record<string, unknown>[];
  schemaName: string;
  requiredProperties: readonly string[];
  /** The schema of one item, e.g. `{ $ref: '#/components/schemas/ContactUpload' }`; without it only required fields and emails are checked. */
  itemSchema: MockJsonSchema | undefined;
  schemas: MockSchemas;
  emailFields: (item: Record<string, unknown>) => readonly { path: string; value: unknown }[];
}): UploadValidation {
  const errors: UploadValidationErrors = {};
  const key = (path: string) => `Key: '${options.schemaName}.${path}' Error:Field validation for '${path}' failed`;
  const items = options.items.map((item, index) => {
    const itemErrors: WebValidationErrors = {};
    for (const field of options.requiredProperties) {
      const value = item[field];
      if (value === undefined || value === null || value === '') {
        itemErrors[field] = { code: 'v1c002', message: `${key(field)} on the 'required' tag` };
      }
    }
    const check = options.itemSchema
      ? checkAgainstSchema({ value: item, schema: options.itemSchema, schemas: options.schemas })
      : { mismatches: [], value: item };
    for (const { path, expected, found } of check.mismatches) {
      if (itemErrors[path]) continue;
      itemErrors[path] = { code: 'v1c001', message: `${key(path)} on the 'type' tag: expected ${expected}, got ${found}` };
    }
    for (const { path, value } of options.emailFields(item)) {
      if (value === undefined || itemErrors[path]) continue;
      if (typeof value !== 'string' || !EMAIL.test(value)) {
        itemErrors[path] = { code: 'v1c001', message: `${key(path)} on the 'email' tag` };
      }
    }
    if (Object.keys(itemErrors).length > 0) errors[String(index)] = itemErrors;
    return check.value as Record<string, unknown>;
  });
  return { validationErrors: errors, items };
}

/** The email fields of a `ContactUpload`: `section_private|section_work.emails[i].email`. */
export function contactEmailFields(item: Record<string, unknown>): { path: string; value: unknown }[] {
  return ['section_private', 'section_work'].flatMap((section) => {
    const emails = (item[section] as { emails?: unknown } | undefined)?.emails;
    if (!Array.isArray(emails)) return [];
    return emails.map((entry, index) => ({
      path: `${section}.emails[${index}].email`,
      value: (entry as { email?: unknown } | null)?.email,
    }));
  });
}

/** The email field of an `EmployeeUpload`. */
export function employeeEmailFields(item: Record<string, unknown>): { path: string; value: unknown }[] {
  return item.email === undefined || item.email === '' ? [] : [{ path: 'email', value: item.email }];
}

/** A `web.PostResponse` 422, the API's shape for rejected uploads. */
export function validationResponse(options: { message: string; validationErrors: UploadValidationErrors }): Response {
  const body: WebPostResponse = { message: options.message, validation_errors: options.validationErrors };
  return jsonResponse({ status: 422, body });
}
