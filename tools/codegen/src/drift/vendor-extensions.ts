import { escapePointerToken } from '../errors.js';
import type { Operation } from '../model/types.js';
import { isDeepEqual } from './deep-equal.js';
import { createChange, type DriftChange } from './rules.js';

/**
 * Keys the upgrade to OpenAPI 3 writes itself, not the vendor: `x-collectionFormat` carries
 * Swagger 2.0's `tsv`, which the model reads as a parameter's delimiter (a change to it is
 * `parameter-type-changed`), and swagger2openapi leaves `x-s2o-*` notes about its conversion.
 */
const isUpgradeExtension = (key: string) => key === 'x-collectionFormat' || key.startsWith('x-s2o-');
/** Keywords whose keys are names chosen by the spec's author (a property may be called `x-id`). */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'headers',
  'content',
  'encoding',
  'schemas',
  'securitySchemes',
  'parameters',
  'requestBodies',
  'examples',
  'links',
  'callbacks',
  'variables',
  'mapping',
]);
/** Keywords holding arbitrary data, where an `x-` key is data, not an extension. */
const DATA_KEYWORDS = new Set(['example', 'default', 'enum', 'const', 'value']);

/**
 * Reports every vendor extension (`x-*` key) added, removed or changed anywhere in the spec —
 * on an operation, in a schema, in `info` — as `vendor-extension-changed` (patch). One policy
 * wherever the key sits, because the generator never turns a vendor extension into code: they
 * document (code samples, logos, internal notes). Only objects present on both sides are
 * compared; an added or removed operation, parameter or schema is reported by its own rule.
 */
export function classifyVendorExtensions(options: {
  /** The OpenAPI 3 documents the models were built from. */
  documents: { readonly before: unknown; readonly after: unknown };
  /** The upstream model's operations, to name the operation an extension belongs to. */
  operations: readonly Operation[];
}): DriftChange[] {
  const changes: DriftChange[] = [];
  const operationAt = (pointer: string) =>
    options.operations.find((operation) => pointer === operation.pointer || pointer.startsWith(`${operation.pointer}/`))?.id ?? null;

  const walk = (before: unknown, after: unknown, pointer: string): void => {
    if (Array.isArray(before) && Array.isArray(after)) {
      const beforeByKey = new Map(before.map((item, index) => [itemKey(item, index), item]));
      after.forEach((item, index) => {
        const key = itemKey(item, index);
        if (beforeByKey.has(key)) walk(beforeByKey.get(key), item, `${pointer}/${index}`);
      });
      return;
    }
    if (!isRecord(before) || !isRecord(after)) return;
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const at = `${pointer}/${escapePointerToken(key)}`;
      if (!isVendorExtension(key)) {
        if (!(key in before && key in after) || DATA_KEYWORDS.has(key)) continue;
        if (NAME_MAPS.has(key) && isRecord(before[key]) && isRecord(after[key])) walkNames(before[key], after[key], at);
        else walk(before[key], after[key], at);
        continue;
      }
      if (isDeepEqual(before[key], after[key])) continue;
      const operation = operationAt(at);
      const what = !(key in before) ? 'was added' : !(key in after) ? 'was removed' : 'changed';
      changes.push(
        createChange({
          rule: 'vendor-extension-changed',
          operation,
          pointer: at,
          message: `${operation ?? pointer}: \`${key}\` ${what}`,
        }),
      );
    }
  };

  /** Every key of a name map is a name: compare what both sides name alike. */
  const walkNames = (before: Record<string, unknown>, after: Record<string, unknown>, pointer: string): void => {
    for (const name of Object.keys(after).sort()) {
      if (name in before) walk(before[name], after[name], `${pointer}/${escapePointerToken(name)}`);
    }
  };

  walk(options.documents.before, options.documents.after, '#');
  return changes;
}

/** True for the `x-*` keys OpenAPI leaves to vendors (not the ones the upgrade writes). */
function isVendorExtension(key: string): boolean {
  return key.startsWith('x-') && !isUpgradeExtension(key);
}

/** Parameters are matched by location and name (as the classifier does), everything else by position. */
function itemKey(item: unknown, index: number): string {
  if (isRecord(item) && typeof item.name === 'string' && typeof item.in === 'string') return `${item.in}:${item.name}`;
  return String(index);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
