import type { ApiModel, Operation, SchemaObject } from './types.js';

/** What the emitters look up in a model by name, indexed once per model (a search per lookup grew as operations × schemas). */
interface ModelIndex {
  readonly schemas: ReadonlyMap<string, SchemaObject>;
  readonly operations: ReadonlyMap<string, Operation>;
}

const indexes = new WeakMap<ApiModel, ModelIndex>();

function indexOf(model: ApiModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    const schemas = new Map<string, SchemaObject>();
    // The first of a name wins, as a search from the start would find it.
    for (const named of model.schemas) if (!schemas.has(named.name)) schemas.set(named.name, named.schema);
    const operations = new Map<string, Operation>();
    for (const operation of model.operations) if (!operations.has(operation.id)) operations.set(operation.id, operation);
    index = { schemas, operations };
    indexes.set(model, index);
  }
  return index;
}

/** The `components.schemas` entry of this name. */
export function schemaNamed(model: ApiModel, name: string): SchemaObject | undefined {
  return indexOf(model).schemas.get(name);
}

const COMPONENT_SCHEMA = '#/components/schemas/';

/** The `components.schemas` name a `$ref` points at: `#/components/schemas/Contact` → `Contact`. */
export function schemaNameOfRef(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(COMPONENT_SCHEMA) ? ref.slice(COMPONENT_SCHEMA.length) : undefined;
}

/** The schema a `$ref` points at when it names a `components.schemas` entry; any other schema as it is. */
export function resolveSchema(model: ApiModel, schema: SchemaObject | undefined): SchemaObject | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  const name = schemaNameOfRef(ref);
  return name === undefined ? undefined : schemaNamed(model, name);
}

/** The operation with this id. */
export function operationWithId(model: ApiModel, id: string): Operation | undefined {
  return indexOf(model).operations.get(id);
}
