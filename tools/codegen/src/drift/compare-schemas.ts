import { escapePointerToken, toPointer } from '../errors.js';
import type { ApiModel, SchemaObject } from '../model/types.js';
import { isDeepEqual, isReordering } from './deep-equal.js';
import { createChange, type Direction, type DriftChange, type RuleId } from './rules.js';

/** A schema together with where it lives, so changes can point at it. */
export interface LocatedSchema {
  readonly schema: SchemaObject | undefined;
  readonly pointer: string;
}

/** What a schema describes, which names the rule for a type change. */
export type SchemaSubject = 'parameter' | 'body' | 'response-header';

/** Keywords that document a schema and never change a type. */
const DOC_KEYWORDS = new Set(['description', 'title', 'example', 'examples', 'externalDocs']);
/** Keywords that validate values without changing their TypeScript type. */
const CONSTRAINT_KEYWORDS = new Set([
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
  'readOnly',
  'writeOnly',
  'xml',
]);
/** Keywords this module walks or compares itself. */
const STRUCTURE_KEYWORDS = new Set(['type', 'nullable', 'properties', 'required', 'items', 'enum', 'additionalProperties', '$ref']);

/**
 * Compares two schemas in one direction and returns the changes, walking properties and
 * items and following `$ref`s into `components.schemas` of each side's model (cycle-safe).
 */
export function compareSchemas(options: {
  before: LocatedSchema;
  after: LocatedSchema;
  direction: Direction;
  subject: SchemaSubject;
  /** Human name of the value, e.g. `body of GetContact 200 (application/json)`. */
  label: string;
  operation: string | null;
  models: { readonly before: ApiModel; readonly after: ApiModel };
}): DriftChange[] {
  const changes: DriftChange[] = [];
  const seen = new Set<string>();
  const lookups = { before: indexSchemas(options.models.before), after: indexSchemas(options.models.after) };
  const emit = (rule: RuleId, pointer: string, message: string) =>
    changes.push(createChange({ rule, operation: options.operation, pointer, message }));

  const walk = (step: { before: LocatedSchema; after: LocatedSchema; label: string; top: boolean }): void => {
    const before = resolve(step.before, lookups.before);
    const after = resolve(step.after, lookups.after);
    const key = `${before.pointer}|${after.pointer}`;
    if (seen.has(key)) return;
    seen.add(key);
    const a = before.schema ?? {};
    const b = after.schema ?? {};
    const pointer = after.pointer;
    const typeRule = typeChangeRule({ subject: options.subject, direction: options.direction, top: step.top });

    const typeA = describeType(a);
    const typeB = describeType(b);
    if (typeA !== typeB) {
      emit(typeRule, pointer, `${step.label}: type changed from ${typeA} to ${typeB}`);
      return;
    }
    for (const keyword of ['allOf', 'oneOf', 'anyOf', 'not'] as const) {
      if (isDeepEqual(a[keyword], b[keyword])) continue;
      if (isListReordering(a[keyword], b[keyword])) {
        emit('order-changed', `${pointer}/${keyword}`, `${step.label}: the same \`${keyword}\` members in another order`);
        continue;
      }
      emit(typeRule, pointer, `${step.label}: its \`${keyword}\` composition changed`);
      return;
    }
    compareEnums({ a, b, label: step.label, pointer, direction: options.direction, emit });
    compareDocs({ a, b, label: step.label, pointer, emit });
    compareConstraints({ a, b, label: step.label, pointer, emit });

    if (a.items !== undefined || b.items !== undefined) {
      walk({
        before: { schema: asSchema(a.items), pointer: `${before.pointer}/items` },
        after: { schema: asSchema(b.items), pointer: `${pointer}/items` },
        label: `${step.label}[]`,
        top: false,
      });
    }
    const additionalA = a.additionalProperties;
    const additionalB = b.additionalProperties;
    if (isSchema(additionalA) && isSchema(additionalB)) {
      walk({
        before: { schema: additionalA, pointer: `${before.pointer}/additionalProperties` },
        after: { schema: additionalB, pointer: `${pointer}/additionalProperties` },
        label: `${step.label}{}`,
        top: false,
      });
    } else if (!isDeepEqual(additionalA, additionalB)) {
      emit(typeRule, pointer, `${step.label}: \`additionalProperties\` changed`);
    }
    compareProperties({ a, b, beforePointer: before.pointer, pointer, label: step.label });
  };

  const compareProperties = (step: { a: SchemaObject; b: SchemaObject; beforePointer: string; pointer: string; label: string }) => {
    const propsA = asRecord(step.a.properties);
    const propsB = asRecord(step.b.properties);
    const requiredA = new Set(asStrings(step.a.required));
    const requiredB = new Set(asStrings(step.b.required));
    // A name added to or dropped from `required` is reported per property below, not as a reorder.
    if (isListReordering(step.a.required, step.b.required)) {
      emit(
        'order-changed',
        `${step.pointer}/required`,
        `${step.label}: \`required\` lists the same properties in another order (${formatValues(asStrings(step.a.required))} → ${formatValues(asStrings(step.b.required))})`,
      );
    }
    const request = options.direction === 'request';
    const name = (property: string) => `${step.label}.${property}`;
    for (const property of Object.keys(propsA).sort()) {
      const at = `${step.beforePointer}/properties/${escapePointerToken(property)}`;
      if (!(property in propsB)) {
        emit(request ? 'request-property-removed' : 'response-property-removed', at, `${name(property)} was removed`);
      }
    }
    for (const property of Object.keys(propsB).sort()) {
      const at = `${step.pointer}/properties/${escapePointerToken(property)}`;
      if (!(property in propsA)) {
        if (!request) emit('response-property-added', at, `${name(property)} was added`);
        else if (requiredB.has(property)) emit('request-property-added-required', at, `${name(property)} was added as required`);
        else emit('request-property-added-optional', at, `${name(property)} was added (optional)`);
        continue;
      }
      const wasRequired = requiredA.has(property);
      const isRequired = requiredB.has(property);
      if (wasRequired !== isRequired) {
        const rule: RuleId = request
          ? isRequired
            ? 'request-property-made-required'
            : 'request-property-made-optional'
          : isRequired
            ? 'response-property-made-required'
            : 'response-property-made-optional';
        emit(rule, at, `${name(property)} is now ${isRequired ? 'required' : 'optional'}`);
      }
      walk({
        before: { schema: asSchema(propsA[property]), pointer: `${step.beforePointer}/properties/${escapePointerToken(property)}` },
        after: { schema: asSchema(propsB[property]), pointer: at },
        label: name(property),
        top: false,
      });
    }
  };

  walk({ before: options.before, after: options.after, label: options.label, top: true });
  return changes;
}

function typeChangeRule(options: { subject: SchemaSubject; direction: Direction; top: boolean }): RuleId {
  if (options.subject === 'parameter' && options.top) return 'parameter-type-changed';
  if (options.subject === 'response-header' && options.top) return 'response-header-type-changed';
  return options.direction === 'request' ? 'request-property-type-changed' : 'response-property-type-changed';
}

function compareEnums(options: {
  a: SchemaObject;
  b: SchemaObject;
  label: string;
  pointer: string;
  direction: Direction;
  emit: (rule: RuleId, pointer: string, message: string) => void;
}): void {
  const { a, b, direction, emit } = options;
  if (!Array.isArray(a.enum) && !Array.isArray(b.enum)) return;
  const before = Array.isArray(a.enum) ? a.enum : undefined;
  const after = Array.isArray(b.enum) ? b.enum : undefined;
  const at = `${options.pointer}/enum`;
  // No enum means "any value of the type": going from open to closed removes values, and back adds them.
  const removed = after === undefined ? [] : (before ?? []).filter((value) => !after.some((other) => isDeepEqual(value, other)));
  const added = before === undefined ? [] : (after ?? []).filter((value) => !before.some((other) => isDeepEqual(value, other)));
  const closed = before === undefined && after !== undefined;
  const opened = before !== undefined && after === undefined;
  // Only the same values in another order: a value added or removed is reported as such, not as a reorder.
  if (before !== undefined && after !== undefined && isReordering({ before, after })) {
    emit('order-changed', at, `${options.label}: \`enum\` lists the same values in another order`);
    return;
  }
  if (removed.length > 0 || closed) {
    const what = closed ? `is now limited to ${JSON.stringify(after)}` : `no longer has ${formatValues(removed)}`;
    emit(direction === 'request' ? 'enum-value-removed-request' : 'enum-value-removed-response', at, `${options.label} ${what}`);
  }
  if (added.length > 0 || opened) {
    const what = opened ? 'is no longer limited to a list of values' : `gained ${formatValues(added)}`;
    emit(direction === 'request' ? 'enum-value-added-request' : 'enum-value-added-response', at, `${options.label} ${what}`);
  }
}

function compareDocs(options: {
  a: SchemaObject;
  b: SchemaObject;
  label: string;
  pointer: string;
  emit: (rule: RuleId, pointer: string, message: string) => void;
}): void {
  const { a, b, emit } = options;
  if (!isDeepEqual(a.description, b.description) || !isDeepEqual(a.title, b.title)) {
    emit('description-changed', `${options.pointer}/description`, `${options.label}: description changed`);
  }
  if (!isDeepEqual(a.example, b.example) || !isDeepEqual(a.examples, b.examples)) {
    emit('example-changed', `${options.pointer}/example`, `${options.label}: example changed`);
  }
}

function compareConstraints(options: {
  a: SchemaObject;
  b: SchemaObject;
  label: string;
  pointer: string;
  emit: (rule: RuleId, pointer: string, message: string) => void;
}): void {
  const { a, b, emit } = options;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const keyword of keys) {
    if (DOC_KEYWORDS.has(keyword) || STRUCTURE_KEYWORDS.has(keyword) || ['allOf', 'oneOf', 'anyOf', 'not'].includes(keyword)) continue;
    // `x-*` keys never change a type: vendor extensions are classified once for the whole
    // document (vendor-extensions.ts), and the upgrade's own notes are no change at all.
    if (keyword.startsWith('x-')) continue;
    if (isDeepEqual(a[keyword], b[keyword])) continue;
    const rule: RuleId = CONSTRAINT_KEYWORDS.has(keyword) ? 'constraint-changed' : 'unclassified-change';
    emit(
      rule,
      `${options.pointer}/${escapePointerToken(keyword)}`,
      `${options.label}: \`${keyword}\` changed from ${JSON.stringify(a[keyword]) ?? 'nothing'} to ${JSON.stringify(b[keyword]) ?? 'nothing'}`,
    );
  }
}

/** `string`, `integer`, `object`, `array`, `string | null`, … as a person would say it. */
function describeType(schema: SchemaObject): string {
  const declared = schema.type;
  let types = Array.isArray(declared) ? declared.map(String) : typeof declared === 'string' ? [declared] : [];
  if (types.length === 0) {
    if (schema.properties !== undefined || schema.additionalProperties !== undefined) types = ['object'];
    else if (schema.items !== undefined) types = ['array'];
    else if (Array.isArray(schema.enum)) types = [...new Set(schema.enum.map((value) => (value === null ? 'null' : typeof value)))];
  }
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types.length === 0 ? 'any' : types.sort().join(' | ');
}

function resolve(located: LocatedSchema, lookup: ReadonlyMap<string, SchemaObject>): LocatedSchema {
  let current = located;
  for (let depth = 0; depth < 32; depth++) {
    const ref = current.schema?.$ref;
    if (typeof ref !== 'string') return current;
    const name = ref.startsWith('#/components/schemas/') ? decodeToken(ref.slice('#/components/schemas/'.length)) : undefined;
    const target = name === undefined ? undefined : lookup.get(name);
    if (!target) return current;
    current = { schema: target, pointer: toPointer(['components', 'schemas', name as string]) };
  }
  return current;
}

function indexSchemas(model: ApiModel): Map<string, SchemaObject> {
  return new Map(model.schemas.map((named) => [named.name, named.schema]));
}

function formatValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function decodeToken(token: string): string {
  return decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
}

function isSchema(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asSchema(value: unknown): SchemaObject | undefined {
  return isSchema(value) ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isSchema(value) ? value : {};
}

/** Two arrays with the same items in another order (anything else, arrays or not, is not a reordering). */
function isListReordering(before: unknown, after: unknown): boolean {
  return Array.isArray(before) && Array.isArray(after) && isReordering({ before, after });
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
