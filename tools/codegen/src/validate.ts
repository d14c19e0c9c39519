import type { ErrorObject } from 'ajv';
import { CodegenError, formatProblem, type SpecLocation, toPointer } from './errors.js';
import type { LoadedSpec } from './load.js';
import { loadMetaSchemaValidator } from './meta-schemas.js';

/** Which family of document we were given. */
export type SpecVersion = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

/** One thing wrong with a spec. */
export interface SpecProblem {
  readonly message: string;
  readonly pointer: string;
  readonly hint?: string;
}

/** The keys of a path item that are operations. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The operations under `paths` of a Swagger 2.0 or OpenAPI 3 document; safe before validation. */
export function countOperations(document: unknown): number {
  const paths = (document as { paths?: unknown } | null)?.paths;
  if (typeof paths !== 'object' || paths === null) return 0;
  let count = 0;
  for (const item of Object.values(paths)) {
    if (typeof item === 'object' && item !== null) count += HTTP_METHODS.filter((method) => method in item).length;
  }
  return count;
}
const PARAMETER_LOCATIONS: Record<SpecVersion, readonly string[]> = {
  'swagger-2.0': ['query', 'header', 'path', 'formData', 'body'],
  'openapi-3.0': ['query', 'header', 'path', 'cookie'],
  'openapi-3.1': ['query', 'header', 'path', 'cookie'],
};
/** How many problems one message lists before it summarises the rest. */
const MAX_LISTED_PROBLEMS = 10;

/**
 * Checks that a document is a valid Swagger 2.0 or OpenAPI 3.0/3.1 description we can generate
 * from, and throws one CodegenError naming every problem (file, line:col, JSON pointer) if not.
 */
export function validateSpec(options: { spec: LoadedSpec; requireOperationIds?: boolean }): SpecVersion {
  const { spec } = options;
  const version = detectVersion(spec);
  const problems = [
    ...checkReferences(spec.document),
    ...checkOperations({ document: spec.document, version, requireOperationIds: options.requireOperationIds ?? false }),
  ];
  // Schema validation is the catch-all; its messages are less specific, so it only speaks when
  // the targeted checks above found nothing.
  if (problems.length === 0) problems.push(...checkSchema({ document: spec.document, version }));
  if (problems.length > 0) throw toError({ spec, problems });
  return version;
}

function detectVersion(spec: LoadedSpec): SpecVersion {
  const { swagger, openapi } = spec.document;
  if (swagger === '2.0') return 'swagger-2.0';
  if (typeof openapi === 'string' && /^3\.0\.\d+$/.test(openapi)) return 'openapi-3.0';
  if (typeof openapi === 'string' && /^3\.1\.\d+$/.test(openapi)) return 'openapi-3.1';
  const found =
    swagger !== undefined
      ? `swagger: ${JSON.stringify(swagger)}`
      : openapi !== undefined
        ? `openapi: ${JSON.stringify(openapi)}`
        : 'neither a `swagger` nor an `openapi` field';
  const pointer = swagger !== undefined ? '#/swagger' : openapi !== undefined ? '#/openapi' : '#';
  throw new CodegenError({
    message: `not a Swagger 2.0 or OpenAPI 3.x document: found ${found}`,
    location: spec.locate(pointer),
    hint:
      swagger === 2 || swagger === 2.0
        ? 'quote the version: `swagger: "2.0"` (a bare 2.0 is a number)'
        : 'expected `swagger: "2.0"`, or `openapi: 3.0.x` / `3.1.x`',
  });
}

/** Every `$ref` must be local (`#/...`) and point at something that exists. */
function checkReferences(document: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        path.push(index);
        visit(item);
        path.pop();
      });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string' && !isInsideExample(path)) {
      const problem = checkReference({ document, ref, at: toPointer([...path, '$ref']) });
      if (problem) problems.push(problem);
    }
    for (const key of Object.keys(record)) {
      path.push(key);
      visit(record[key]);
      path.pop();
    }
  };
  visit(document);
  return problems;
}

/** Examples are data: a `$ref` key inside them is a value, not a reference. */
function isInsideExample(path: readonly (string | number)[]): boolean {
  return path.some((segment) => segment === 'example' || segment === 'examples' || segment === 'x-example');
}

function checkReference(options: { document: unknown; ref: string; at: string }): SpecProblem | undefined {
  const { ref, at } = options;
  if (!ref.startsWith('#')) {
    return {
      message: `external $ref "${ref}" is not supported`,
      pointer: at,
      hint: 'bundle the spec into one document first (e.g. `redocly bundle`)',
    };
  }
  let target: unknown;
  try {
    target = resolvePointer(options.document, ref);
  } catch {
    return {
      message: `$ref "${ref}" is not a valid JSON pointer (a broken %-escape)`,
      pointer: at,
      hint: 'percent-encode only whole UTF-8 bytes (`%20`), and write `~1` for `/` and `~0` for `~` inside a name',
    };
  }
  if (target === undefined) {
    return { message: `$ref "${ref}" points at nothing: no such path in the document`, pointer: at };
  }
  const cycle = findReferenceCycle({ document: options.document, ref });
  if (cycle) {
    return {
      message: `$ref "${ref}" never reaches a value: it is a cycle of references (${cycle.join(' → ')})`,
      pointer: at,
      hint: 'one of these must be an actual schema, parameter or response rather than another $ref',
    };
  }
  return undefined;
}

/** Follows a chain of `$ref`s; returns the chain when it loops back without reaching a value. */
function findReferenceCycle(options: { document: unknown; ref: string }): string[] | undefined {
  const chain = [options.ref];
  let node = resolvePointer(options.document, options.ref);
  while (node !== null && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const next = (node as { $ref: string }).$ref;
    if (!next.startsWith('#')) return undefined;
    if (chain.includes(next)) return [...chain, next];
    chain.push(next);
    try {
      node = resolvePointer(options.document, next);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Resolves a local JSON pointer; `undefined` when any segment is missing. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '#' || pointer === '#/') return document;
  let node: unknown = document;
  for (const raw of pointer.slice(2).split('/')) {
    const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** operationIds (unique, present when required), parameter locations, path templates. */
function checkOperations(options: {
  document: Record<string, unknown>;
  version: SpecVersion;
  requireOperationIds: boolean;
}): SpecProblem[] {
  const { document, version } = options;
  const problems: SpecProblem[] = [];
  const paths = document.paths;
  if (paths === undefined || paths === null) return problems;
  if (typeof paths !== 'object' || Array.isArray(paths)) {
    return [{ message: '`paths` must be a mapping of path templates to path items', pointer: '#/paths' }];
  }
  const seenIds = new Map<string, string>();
  for (const [template, item] of Object.entries(paths as Record<string, unknown>)) {
    if (item === null || typeof item !== 'object') continue;
    const pathItem = item as Record<string, unknown>;
    const pathParameters = asArray(pathItem.parameters);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Record<string, unknown> | undefined;
      if (operation === undefined || operation === null || typeof operation !== 'object') continue;
      const at = ['paths', template, method];
      const operationId = operation.operationId;
      if (typeof operationId === 'string' && operationId !== '') {
        const first = seenIds.get(operationId);
        if (first) {
          problems.push({
            message: `duplicate operationId "${operationId}" (first used at ${first})`,
            pointer: toPointer([...at, 'operationId']),
            hint: 'every operationId must be unique; rename one of them',
          });
        } else {
          seenIds.set(operationId, toPointer([...at, 'operationId']));
        }
      } else if (options.requireOperationIds) {
        problems.push({
          message: `${method.toUpperCase()} ${template} has no operationId`,
          pointer: toPointer(at),
          hint: 'add an operationId, or set `requireOperationIds: false` in the codegen config to derive names from the method and path',
        });
      }
      const parameters = [
        ...pathParameters.map((parameter, index) => ({ parameter, at: ['paths', template, 'parameters', index] })),
        ...asArray(operation.parameters).map((parameter, index) => ({ parameter, at: [...at, 'parameters', index] })),
      ].map(({ parameter, at: where }) => ({ at: where, parameter: dereference(document, parameter) }));
      problems.push(...checkParameters({ template, parameters, version }));
    }
  }
  return problems;
}

function checkParameters(options: {
  template: string;
  version: SpecVersion;
  parameters: readonly { at: (string | number)[]; parameter: Record<string, unknown> | undefined }[];
}): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const allowed = PARAMETER_LOCATIONS[options.version];
  const declaredPathNames = new Set<string>();
  let body: readonly (string | number)[] | undefined;
  let formData = false;
  for (const { at, parameter } of options.parameters) {
    if (!parameter) continue;
    const location = parameter.in;
    if (location === 'body' && body) {
      problems.push({
        message: `a second body parameter "${String(parameter.name)}" (an operation has at most one; the first is at ${toPointer(body)})`,
        pointer: toPointer(at),
        hint: 'merge them into one schema, or move the others to query/header/formData',
      });
    }
    if ((location === 'body' && formData) || (location === 'formData' && body)) {
      problems.push({
        message: `parameter "${String(parameter.name)}" mixes \`in: body\` and \`in: formData\` in one operation`,
        pointer: toPointer([...at, 'in']),
        hint: 'an operation sends either a JSON body or a form, not both',
      });
    }
    if (location === 'body') body ??= at;
    if (location === 'formData') formData = true;
    if (typeof location !== 'string' || !allowed.includes(location)) {
      problems.push({
        message: `parameter "${String(parameter.name)}" has \`in: ${String(location)}\`, expected one of ${allowed.join(', ')}`,
        pointer: toPointer([...at, 'in']),
      });
      continue;
    }
    if (location === 'path') {
      const name = String(parameter.name);
      declaredPathNames.add(name);
      if (!options.template.includes(`{${name}}`)) {
        problems.push({
          message: `path parameter "${name}" does not appear in the path "${options.template}"`,
          pointer: toPointer([...at, 'name']),
          hint: `add {${name}} to the path or change the parameter's \`in\``,
        });
      }
    }
  }
  for (const match of options.template.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1] as string;
    if (!declaredPathNames.has(name)) {
      const first = options.parameters[0]?.at.slice(0, 3) ?? [];
      problems.push({
        message: `the path "${options.template}" has {${name}} but no path parameter named "${name}" is declared`,
        pointer: toPointer(first.length > 0 ? first : ['paths', options.template]),
        hint: `declare a parameter with \`name: ${name}\` and \`in: path\``,
      });
    }
  }
  return problems;
}

function dereference(document: unknown, value: unknown): Record<string, unknown> | undefined {
  let node = value;
  for (let depth = 0; depth < 16 && node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string'; depth++) {
    node = resolvePointer(document, (node as { $ref: string }).$ref);
  }
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** JSON Schema validation against the official meta-schemas of Swagger 2.0 and OpenAPI 3.x. */
function checkSchema(options: { document: unknown; version: SpecVersion }): SpecProblem[] {
  const validate = loadMetaSchemaValidator(options.version);
  if (validate(options.document)) return [];
  return pickMostSpecific(validate.errors ?? []).map((error) => ({
    message: describeSchemaError(error),
    pointer: `#${error.instancePath}`,
  }));
}

/**
 * ajv reports every failed branch of a oneOf/anyOf; the deepest error is the one a person can act
 * on, and one message per place is enough (the enum mismatch, not also "must be array").
 */
function pickMostSpecific(errors: readonly ErrorObject[]): ErrorObject[] {
  const depth = (error: ErrorObject) => error.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const seen = new Set<string>();
  return errors
    .filter((error) => depth(error) === deepest)
    .filter((error) => {
      if (seen.has(error.instancePath)) return false;
      seen.add(error.instancePath);
      return true;
    });
}

function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `unexpected property "${String(params.additionalProperty)}"`;
  if (error.keyword === 'required') return `missing required property "${String(params.missingProperty)}"`;
  if (error.keyword === 'enum') return `${error.message}: ${JSON.stringify(params.allowedValues)}`;
  return `does not match the specification: ${error.message ?? error.keyword}`;
}

function toError(options: { spec: LoadedSpec; problems: readonly SpecProblem[] }): CodegenError {
  const { spec, problems } = options;
  const [first, ...rest] = problems as [SpecProblem, ...SpecProblem[]];
  const located = (problem: SpecProblem): SpecLocation => spec.locate(problem.pointer);
  // Each hint is said once: the first problem's closes the message, and a listed problem repeats
  // none that was already given (ten operations without an operationId need one hint, not ten).
  const given = new Set(first.hint ? [first.hint] : []);
  const listed = rest.slice(0, MAX_LISTED_PROBLEMS - 1).map((problem) => {
    const hint = problem.hint && !given.has(problem.hint) ? problem.hint : undefined;
    if (hint) given.add(hint);
    return `  - ${formatProblem({ message: problem.message, location: located(problem), ...(hint ? { hint } : {}) })}`;
  });
  const more = rest.length > listed.length ? [`  … and ${rest.length - listed.length} more`] : [];
  const suffix = rest.length > 0 ? `\n${rest.length} more problem${rest.length === 1 ? '' : 's'}:\n${[...listed, ...more].join('\n')}` : '';
  return new CodegenError({
    message: `invalid spec: ${first.message}${suffix}`,
    location: located(first),
    ...(first.hint ? { hint: first.hint } : {}),
  });
}
