import { HTTP_METHODS } from '@complero/codegen';

/**
 * A Swagger 2.0 document `copies` times the size of the given one: copy 0 is the original, copy
 * i > 0 repeats every path under `/s<i>` and every definition as `<Name>S<i>`, with operationIds
 * and `$ref`s renamed to match, so the result is a valid spec with `copies`× the operations and
 * schemas and the same shape everywhere (what a bigger API of the same style looks like).
 */
export function scaleSwaggerDocument(options: { document: Record<string, unknown>; copies: number }): Record<string, unknown> {
  const { document, copies } = options;
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be a positive integer, got ${copies}`);
  if (document.swagger !== '2.0') throw new Error('scaleSwaggerDocument expects a Swagger 2.0 document');
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  const definitions = (document.definitions ?? {}) as Record<string, unknown>;
  const scaledPaths: Record<string, unknown> = {};
  const scaledDefinitions: Record<string, unknown> = {};
  for (let copy = 0; copy < copies; copy++) {
    const suffix = copy === 0 ? '' : `S${copy}`;
    const prefix = copy === 0 ? '' : `/s${copy}`;
    for (const [route, item] of Object.entries(paths)) {
      scaledPaths[`${prefix}${route}`] = renameCopy({ value: item, suffix, operationLevel: 0 });
    }
    for (const [name, schema] of Object.entries(definitions)) {
      scaledDefinitions[`${name}${suffix}`] = renameCopy({ value: schema, suffix, operationLevel: -1 });
    }
  }
  return { ...document, paths: scaledPaths, definitions: scaledDefinitions };
}

/**
 * A deep copy with `#/definitions/X` refs renamed to `X<suffix>` and, at the operation level of a
 * path item (`operationLevel` 1), `operationId` suffixed.
 */
function renameCopy(options: { value: unknown; suffix: string; operationLevel: number }): unknown {
  const { value, suffix, operationLevel } = options;
  if (Array.isArray(value)) return value.map((item) => renameCopy({ value: item, suffix, operationLevel: -1 }));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/definitions/')) {
      result[key] = `${item}${suffix}`;
    } else if (key === 'operationId' && operationLevel === 1 && typeof item === 'string') {
      result[key] = `${item}${suffix}`;
    } else {
      const nextLevel = operationLevel === 0 && (HTTP_METHODS as readonly string[]).includes(key) ? 1 : -1;
      result[key] = renameCopy({ value: item, suffix, operationLevel: nextLevel });
    }
  }
  return result;
}
