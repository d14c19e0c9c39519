import { escapePointerToken, toPointer } from '../errors.js';
import type { ApiModel, MediaContent, Operation, Parameter, Response } from '../model/types.js';
import { compareSchemas, type SchemaSubject } from './compare-schemas.js';
import { isDeepEqual, isReordering } from './deep-equal.js';
import { createChange, type Direction, type DriftChange, type RuleId } from './rules.js';
import { classifyVendorExtensions } from './vendor-extensions.js';

type Models = { readonly before: ApiModel; readonly after: ApiModel };
type Emit = (rule: RuleId, pointer: string, message: string) => void;

/**
 * Classifies every semantic difference between two models (the committed spec's and the
 * upstream one's). Works on the generator's model, so formatting, key order and YAML vs JSON
 * never show up; direction-aware, so "a new enum value" is safe in a request and breaking in a
 * response. The OpenAPI 3 documents the models were built from are read only for vendor
 * extensions, which the model does not keep. Returns changes in a stable order: document, then
 * operations by path and method, then vendor extensions.
 */
export function classifyChanges(options: {
  models: Models;
  documents: { readonly before: unknown; readonly after: unknown };
}): DriftChange[] {
  const { models } = options;
  const changes = [
    ...classifyDocument(models),
    ...classifyUnusedSchemas(models),
    ...classifyOperations(models),
    ...classifyVendorExtensions({ documents: options.documents, operations: models.after.operations }),
  ];
  if (changes.length === 0 && !isDeepEqual(canonicalise(models.before), canonicalise(models.after))) {
    // A difference that no rule names is still drift: say so rather than report "in sync".
    changes.push(
      createChange({ rule: 'unclassified-change', operation: null, pointer: '#', message: 'the specs differ in a way no rule describes' }),
    );
  }
  return dedupe(changes);
}

/**
 * The model keeps some mappings of the spec as arrays in spec order (response headers, media
 * types); sorting them makes key order irrelevant to the "anything else differs?" check.
 */
function canonicalise(model: ApiModel): unknown {
  const byKey = <T>(items: readonly T[], key: (item: T) => string) =>
    [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const contents = (items: readonly MediaContent[]) => byKey(items, (content) => content.mediaType);
  return {
    ...model,
    operations: model.operations.map((operation) => ({
      ...operation,
      ...(operation.requestBody ? { requestBody: { ...operation.requestBody, contents: contents(operation.requestBody.contents) } } : {}),
      responses: operation.responses.map((response) => ({
        ...response,
        contents: contents(response.contents),
        headers: byKey(response.headers, (header) => header.name.toLowerCase()),
        examples: byKey(response.examples, (example) => example.mediaType),
      })),
    })),
  };
}

function classifyDocument(models: Models): DriftChange[] {
  const { before, after } = models;
  const changes: DriftChange[] = [];
  const emit: Emit = (rule, pointer, message) => changes.push(createChange({ rule, operation: null, pointer, message }));
  if (before.info.title !== after.info.title || before.info.version !== after.info.version) {
    emit(
      'info-changed',
      '#/info',
      `info changed: "${before.info.title}" ${before.info.version} → "${after.info.title}" ${after.info.version}`,
    );
  }
  if (before.info.description !== after.info.description) emit('description-changed', '#/info/description', 'the API description changed');
  if (before.baseUrl !== after.baseUrl)
    emit('base-url-changed', '#/servers/0/url', `the server changed from ${before.baseUrl} to ${after.baseUrl}`);
  if (!isDeepEqual(before.tags, after.tags)) emit('tags-changed', '#/tags', 'the list of tags (or their descriptions) changed');

  const schemesBefore = new Map(before.securitySchemes.map((scheme) => [scheme.key, scheme]));
  const schemesAfter = new Map(after.securitySchemes.map((scheme) => [scheme.key, scheme]));
  for (const [key, scheme] of schemesBefore) {
    const pointer = toPointer(['components', 'securitySchemes', key]);
    const next = schemesAfter.get(key);
    if (!next) emit('security-changed', pointer, `security scheme "${key}" was removed`);
    else if (!isDeepEqual({ ...scheme, description: undefined }, { ...next, description: undefined })) {
      emit('security-changed', pointer, `security scheme "${key}" changed (${describeScheme(scheme)} → ${describeScheme(next)})`);
    } else if (scheme.description !== next.description) {
      emit('description-changed', `${pointer}/description`, `security scheme "${key}": description changed`);
    }
  }
  for (const key of schemesAfter.keys()) {
    if (!schemesBefore.has(key)) {
      emit('security-scheme-added', toPointer(['components', 'securitySchemes', key]), `security scheme "${key}" was added`);
    }
  }

  const namesAfter = new Set(after.schemas.map((schema) => schema.name));
  const namesBefore = new Set(before.schemas.map((schema) => schema.name));
  for (const named of before.schemas) {
    if (!namesAfter.has(named.name)) {
      emit(
        'schema-removed',
        toPointer(['components', 'schemas', named.name]),
        `schema "${named.name}" (type ${named.typeName}) was removed`,
      );
    }
  }
  for (const named of after.schemas) {
    if (!namesBefore.has(named.name)) {
      emit('schema-added', toPointer(['components', 'schemas', named.name]), `schema "${named.name}" (type ${named.typeName}) was added`);
    }
  }
  return changes;
}

/**
 * Named schemas no operation reaches are still exported types: compare them as something
 * clients read (the conservative direction for a type they may receive elsewhere, e.g. webhooks).
 */
function classifyUnusedSchemas(models: Models): DriftChange[] {
  const reached = new Set([...collectReachedSchemas(models.before), ...collectReachedSchemas(models.after)]);
  const afterByName = new Map(models.after.schemas.map((named) => [named.name, named]));
  return models.before.schemas.flatMap((named) => {
    const next = afterByName.get(named.name);
    if (!next || reached.has(named.name)) return [];
    const pointer = toPointer(['components', 'schemas', named.name]);
    return compareSchemas({
      before: { schema: named.schema, pointer },
      after: { schema: next.schema, pointer },
      direction: 'response',
      subject: 'body',
      label: `schema ${named.name}`,
      operation: null,
      models,
    });
  });
}

/** Names of the `components.schemas` that some operation uses, directly or through other schemas. */
function collectReachedSchemas(model: ApiModel): Set<string> {
  const byName = new Map(model.schemas.map((named) => [named.name, named.schema]));
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/')) {
        const name = decodeURIComponent(item.slice('#/components/schemas/'.length)).replaceAll('~1', '/').replaceAll('~0', '~');
        if (!reached.has(name)) {
          reached.add(name);
          visit(byName.get(name));
        }
      } else {
        visit(item);
      }
    }
  };
  for (const operation of model.operations) {
    visit(operation.parameters.map((parameter) => parameter.schema));
    visit(operation.requestBody?.contents);
    visit(operation.responses.map((response) => [response.contents, response.headers]));
  }
  return reached;
}

function describeScheme(scheme: ApiModel['securitySchemes'][number]): string {
  return [scheme.type, scheme.in, scheme.parameterName, scheme.scheme].filter(Boolean).join(' ');
}

function classifyOperations(models: Models): DriftChange[] {
  const { before, after } = models;
  const changes: DriftChange[] = [];
  const afterById = new Map(after.operations.map((operation) => [operation.id, operation]));
  const beforeById = new Map(before.operations.map((operation) => [operation.id, operation]));
  const endpoint = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.path}`;
  const afterByEndpoint = new Map(after.operations.map((operation) => [endpoint(operation), operation]));
  const renamedTo = new Set<string>();

  for (const old of before.operations) {
    const emit: Emit = (rule, pointer, message) => changes.push(createChange({ rule, operation: old.id, pointer, message }));
    const next = afterById.get(old.id);
    if (next) {
      if (endpoint(next) !== endpoint(old)) {
        emit('operation-moved', next.pointer, `${old.id} moved from ${endpoint(old)} to ${endpoint(next)}`);
      }
      changes.push(...compareOperations({ before: old, after: next, models }));
      continue;
    }
    const sameEndpoint = afterByEndpoint.get(endpoint(old));
    if (sameEndpoint && !beforeById.has(sameEndpoint.id)) {
      renamedTo.add(sameEndpoint.id);
      changes.push(
        createChange({
          rule: 'operation-id-renamed',
          operation: sameEndpoint.id,
          pointer: `${sameEndpoint.pointer}/operationId`,
          message: `${endpoint(old)}: operationId renamed from ${old.id} to ${sameEndpoint.id}`,
        }),
      );
      changes.push(...compareOperations({ before: old, after: sameEndpoint, models }));
      continue;
    }
    emit('operation-removed', old.pointer, `${old.id} (${endpoint(old)}) was removed`);
  }
  for (const added of after.operations) {
    if (beforeById.has(added.id) || renamedTo.has(added.id)) continue;
    changes.push(
      createChange({
        rule: 'operation-added',
        operation: added.id,
        pointer: added.pointer,
        message: `${added.id} (${endpoint(added)}) was added`,
      }),
    );
  }
  const order = new Map(after.operations.map((operation, index) => [operation.id, index]));
  const rank = (change: DriftChange) => order.get(change.operation ?? '') ?? -1;
  // Stable sort: removed operations (unknown upstream) first, then upstream order; rules keep their order within one.
  return changes
    .map((change, index) => ({ change, index }))
    .sort((x, y) => rank(x.change) - rank(y.change) || x.index - y.index)
    .map(({ change }) => change);
}

/** Everything that can differ inside one operation that exists on both sides. */
function compareOperations(options: { before: Operation; after: Operation; models: Models }): DriftChange[] {
  const { before, after, models } = options;
  const changes: DriftChange[] = [];
  const emit: Emit = (rule, pointer, message) => changes.push(createChange({ rule, operation: after.id, pointer, message }));
  const at = after.pointer;
  if (before.summary !== after.summary) emit('summary-changed', `${at}/summary`, `${after.id}: summary changed`);
  if (before.description !== after.description) emit('description-changed', `${at}/description`, `${after.id}: description changed`);
  if (!isDeepEqual(before.tags, after.tags)) {
    emit('tags-changed', `${at}/tags`, `${after.id}: tags changed from ${JSON.stringify(before.tags)} to ${JSON.stringify(after.tags)}`);
  }
  if (before.deprecated !== after.deprecated) {
    emit('deprecated-changed', `${at}/deprecated`, `${after.id} is ${after.deprecated ? 'now deprecated' : 'no longer deprecated'}`);
  }
  if (!isDeepEqual(normaliseSecurity(before.security), normaliseSecurity(after.security))) {
    emit(
      'security-changed',
      `${at}/security`,
      `${after.id}: security changed from ${formatSecurity(before.security)} to ${formatSecurity(after.security)}`,
    );
  } else if (isReordering({ before: before.security, after: after.security })) {
    emit(
      'order-changed',
      `${at}/security`,
      `${after.id}: the same security alternatives in another order (${formatSecurity(before.security)} → ${formatSecurity(after.security)})`,
    );
  }
  const schemas = (subject: SchemaSubject, direction: Direction) => (input: SchemaPair) =>
    changes.push(...compareSchemas({ ...input, subject, direction, operation: after.id, models }));
  compareParameters({ before, after, emit, compare: schemas('parameter', 'request') });
  compareRequestBodies({ before, after, emit, compare: schemas('body', 'request') });
  compareResponses({
    before,
    after,
    emit,
    compareBody: schemas('body', 'response'),
    compareHeader: schemas('response-header', 'response'),
  });
  return changes;
}

type SchemaPair = Pick<Parameters<typeof compareSchemas>[0], 'before' | 'after' | 'label'>;

function compareParameters(options: { before: Operation; after: Operation; emit: Emit; compare: (pair: SchemaPair) => void }): void {
  const { before, after, emit } = options;
  const key = (parameter: Parameter) => `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
  const pointerOf = (operation: Operation, parameter: Parameter) =>
    `${operation.pointer}/parameters/${operation.parameters.indexOf(parameter)}`;
  const label = (parameter: Parameter) => `${after.id}: ${parameter.in} parameter "${parameter.name}"`;
  const afterByKey = new Map(after.parameters.map((parameter) => [key(parameter), parameter]));
  const beforeByKey = new Map(before.parameters.map((parameter) => [key(parameter), parameter]));
  for (const old of before.parameters) {
    if (!afterByKey.has(key(old))) emit('parameter-removed', pointerOf(before, old), `${label(old)} was removed`);
  }
  for (const next of after.parameters) {
    const pointer = pointerOf(after, next);
    const old = beforeByKey.get(key(next));
    if (!old) {
      emit(
        next.required ? 'parameter-added-required' : 'parameter-added-optional',
        pointer,
        `${label(next)} was added${next.required ? ' as required' : ' (optional)'}`,
      );
      continue;
    }
    if (old.required !== next.required) {
      emit(
        next.required ? 'parameter-made-required' : 'parameter-made-optional',
        `${pointer}/required`,
        `${label(next)} is now ${next.required ? 'required' : 'optional'}`,
      );
    }
    if (old.description !== next.description) emit('description-changed', `${pointer}/description`, `${label(next)}: description changed`);
    if (!isDeepEqual(old.example, next.example)) emit('example-changed', `${pointer}/example`, `${label(next)}: example changed`);
    if (old.deprecated !== next.deprecated) {
      emit(
        'deprecated-changed',
        `${pointer}/deprecated`,
        `${label(next)} is ${next.deprecated ? 'now deprecated' : 'no longer deprecated'}`,
      );
    }
    if (old.style !== next.style || old.explode !== next.explode || old.delimiter !== next.delimiter) {
      emit('parameter-type-changed', pointer, `${label(next)}: serialisation (style/explode/delimiter) changed`);
    }
    options.compare({
      before: { schema: old.schema, pointer: `${pointerOf(before, old)}/schema` },
      after: { schema: next.schema, pointer: `${pointer}/schema` },
      label: label(next),
    });
  }
  // Only the same parameters in another order: one added or removed is reported as such, not as a reorder.
  const keysBefore = before.parameters.map(key);
  const keysAfter = after.parameters.map(key);
  if (isReordering({ before: keysBefore, after: keysAfter })) {
    const names = (keys: readonly string[]) => keys.map((item) => item.slice(item.indexOf(':') + 1)).join(', ');
    emit(
      'order-changed',
      `${after.pointer}/parameters`,
      `${after.id}: the same parameters in another order (${names(keysBefore)} → ${names(keysAfter)})`,
    );
  }
}

function compareRequestBodies(options: { before: Operation; after: Operation; emit: Emit; compare: (pair: SchemaPair) => void }): void {
  const { before, after, emit } = options;
  const old = before.requestBody;
  const next = after.requestBody;
  const pointer = `${after.pointer}/requestBody`;
  if (!old && !next) return;
  if (!old && next) {
    emit(
      next.required ? 'request-body-added-required' : 'request-body-added-optional',
      pointer,
      `${after.id} now takes a${next.required ? ' required' : 'n optional'} body`,
    );
    return;
  }
  if (old && !next) {
    emit('request-body-removed', `${before.pointer}/requestBody`, `${after.id} no longer takes a body`);
    return;
  }
  if (!old || !next) return;
  if (!old.required && next.required) emit('request-body-made-required', `${pointer}/required`, `${after.id}: the body is now required`);
  if (old.description !== next.description) emit('description-changed', `${pointer}/description`, `${after.id}: body description changed`);
  compareContents({
    before: old.contents,
    after: next.contents,
    pointer,
    label: `${after.id} request body`,
    emit,
    rules: { removed: 'request-content-type-removed', added: 'request-content-type-added' },
    compare: options.compare,
  });
}

function compareResponses(options: {
  before: Operation;
  after: Operation;
  emit: Emit;
  compareBody: (pair: SchemaPair) => void;
  compareHeader: (pair: SchemaPair) => void;
}): void {
  const { before, after, emit } = options;
  const afterByStatus = new Map(after.responses.map((response) => [response.status, response]));
  const beforeByStatus = new Map(before.responses.map((response) => [response.status, response]));
  const pointerOf = (operation: Operation, response: Response) => `${operation.pointer}/responses/${response.status}`;
  for (const old of before.responses) {
    if (!afterByStatus.has(old.status))
      emit('response-status-removed', pointerOf(before, old), `${after.id}: response ${old.status} was removed`);
  }
  for (const next of after.responses) {
    const pointer = pointerOf(after, next);
    const old = beforeByStatus.get(next.status);
    if (!old) {
      emit('response-status-added', pointer, `${after.id}: response ${next.status} was added`);
      continue;
    }
    const label = `${after.id} ${next.status}`;
    if (old.description !== next.description) emit('description-changed', `${pointer}/description`, `${label}: description changed`);
    if (!isDeepEqual(old.examples, next.examples)) emit('example-changed', `${pointer}/content`, `${label}: examples changed`);
    compareHeaders({
      before: old,
      after: next,
      pointer,
      beforePointer: pointerOf(before, old),
      label,
      emit,
      compare: options.compareHeader,
    });
    compareContents({
      before: old.contents,
      after: next.contents,
      pointer,
      label: `${label} body`,
      emit,
      rules: { removed: 'response-content-type-removed', added: 'response-content-type-added' },
      compare: options.compareBody,
    });
  }
}

function compareHeaders(options: {
  before: Response;
  after: Response;
  pointer: string;
  beforePointer: string;
  label: string;
  emit: Emit;
  compare: (pair: SchemaPair) => void;
}): void {
  const { emit, label } = options;
  const byName = (response: Response) => new Map(response.headers.map((header) => [header.name.toLowerCase(), header]));
  const afterHeaders = byName(options.after);
  const beforeHeaders = byName(options.before);
  for (const [name, old] of beforeHeaders) {
    if (!afterHeaders.has(name))
      emit(
        'response-header-removed',
        `${options.beforePointer}/headers/${escapePointerToken(old.name)}`,
        `${label}: header ${old.name} was removed`,
      );
  }
  for (const [name, next] of afterHeaders) {
    const pointer = `${options.pointer}/headers/${escapePointerToken(next.name)}`;
    const old = beforeHeaders.get(name);
    if (!old) {
      emit('response-header-added', pointer, `${label}: header ${next.name} was added`);
      continue;
    }
    if (old.description !== next.description)
      emit('description-changed', `${pointer}/description`, `${label}: header ${next.name}: description changed`);
    options.compare({
      before: { schema: old.schema, pointer: `${options.beforePointer}/headers/${escapePointerToken(old.name)}/schema` },
      after: { schema: next.schema, pointer: `${pointer}/schema` },
      label: `${label}: header ${next.name}`,
    });
  }
}

function compareContents(options: {
  before: readonly MediaContent[];
  after: readonly MediaContent[];
  pointer: string;
  label: string;
  emit: Emit;
  rules: { removed: RuleId; added: RuleId };
  compare: (pair: SchemaPair) => void;
}): void {
  const afterByType = new Map(options.after.map((content) => [content.mediaType, content]));
  const beforeByType = new Map(options.before.map((content) => [content.mediaType, content]));
  for (const old of options.before) {
    if (!afterByType.has(old.mediaType)) {
      options.emit(
        options.rules.removed,
        `${options.pointer}/content/${escapePointerToken(old.mediaType)}`,
        `${options.label}: ${old.mediaType} was removed`,
      );
    }
  }
  for (const next of options.after) {
    const pointer = `${options.pointer}/content/${escapePointerToken(next.mediaType)}`;
    const old = beforeByType.get(next.mediaType);
    if (!old) {
      options.emit(options.rules.added, pointer, `${options.label}: ${next.mediaType} was added`);
      continue;
    }
    options.compare({
      before: { schema: old.schema, pointer: `${pointer}/schema` },
      after: { schema: next.schema, pointer: `${pointer}/schema` },
      label: options.after.length > 1 ? `${options.label} (${next.mediaType})` : options.label,
    });
  }
}

function normaliseSecurity(security: readonly (readonly string[])[]): string[] {
  return security.map((alternative) => [...alternative].sort().join('+')).sort();
}

function formatSecurity(security: readonly (readonly string[])[]): string {
  if (security.length === 0) return 'none';
  return security.map((alternative) => (alternative.length === 0 ? 'anonymous' : alternative.join(' + '))).join(' or ');
}

/** The same schema reached twice from one operation (e.g. a shared `$ref`) is reported once. */
function dedupe(changes: readonly DriftChange[]): DriftChange[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.operation}|${change.rule}|${change.pointer}|${change.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
