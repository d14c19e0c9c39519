import type { MockJsonSchema, MockSchemas } from './mock-operation.js';

const COMPONENT_SCHEMA = '#/components/schemas/';

/** One value that does not have the type (or enum value) its schema asks for. */
export interface SchemaMismatch {
  /** Where, named the way the API's validator names fields: `first_name`, `section_work.emails[0].email`; `''` for the whole value. */
  readonly path: string;
  /** What the schema asks for: `string`, `array`, `one of update, confirm`, … */
  readonly expected: string;
  /** What was sent: `number`, `null`, `"later"`, … */
  readonly found: string;
}

/** What `checkAgainstSchema` found, and the value as a typed decoder would keep it. */
export interface SchemaCheck {
  readonly mismatches: readonly SchemaMismatch[];
  /**
   * The value without the properties its object schemas do not declare: the API decodes request
   * bodies into typed structs, which drop unknown fields, so the mock must not store them either.
   */
  readonly value: unknown;
}

/**
 * Walks a request value along its schema (`$ref`, `type`, `nullable`, `enum`, `properties`,
 * `additionalProperties`, `items`, `allOf`/`anyOf`/`oneOf`) and reports every value of the wrong
 * type. Deliberately compact: it checks what a typed decoder checks, not formats or bounds, which
 * the API leaves to its own validation tags.
 */
export function checkAgainstSchema(options: { value: unknown; schema: MockJsonSchema; schemas: MockSchemas }): SchemaCheck {
  const mismatches: SchemaMismatch[] = [];
  const value = walk({ value: options.value, schema: options.schema, schemas: options.schemas, path: '', mismatches });
  return { mismatches, value };
}

function walk(options: {
  value: unknown;
  schema: MockJsonSchema;
  schemas: MockSchemas;
  path: string;
  mismatches: SchemaMismatch[];
}): unknown {
  const { value, schemas, path, mismatches } = options;
  const schema = resolve({ schema: options.schema, schemas });
  const report = (expected: string, found: string = describeValue(value)) => mismatches.push({ path, expected, found });

  if (Array.isArray(schema.allOf)) {
    let kept = value;
    for (const part of schema.allOf as MockJsonSchema[]) kept = walk({ value: kept, schema: part, schemas, path, mismatches });
    return kept;
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as MockJsonSchema[] | undefined;
  if (Array.isArray(alternatives)) {
    const fitting = alternatives
      .map((alternative) => checkAgainstSchema({ value, schema: alternative, schemas }))
      .find((check) => check.mismatches.length === 0);
    if (fitting) return fitting.value;
    report('one of the schemas the spec allows here');
    return value;
  }
  if (value === null) {
    if (schema.nullable === true || typeList(schema).includes('null')) return value;
    if (typeList(schema).length > 0) report(typeList(schema).join(' or '));
    return value;
  }
  const types = typeList(schema);
  if (types.length > 0 && !types.some((type) => hasType({ value, type }))) {
    report(types.join(' or '));
    return value;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
    report(`one of ${schema.enum.map(String).join(', ')}`, JSON.stringify(value));
    return value;
  }
  if (Array.isArray(value)) {
    const items = schema.items as MockJsonSchema | undefined;
    if (!items || typeof items !== 'object') return value;
    return value.map((item, index) => walk({ value: item, schema: items, schemas, path: `${path}[${index}]`, mismatches }));
  }
  if (typeof value === 'object') return walkObject({ value: value as Record<string, unknown>, schema, schemas, path, mismatches });
  return value;
}

function walkObject(options: {
  value: Record<string, unknown>;
  schema: MockJsonSchema;
  schemas: MockSchemas;
  path: string;
  mismatches: SchemaMismatch[];
}): Record<string, unknown> {
  const { value, schema, schemas, path, mismatches } = options;
  const properties = (schema.properties ?? {}) as Record<string, MockJsonSchema>;
  const additional = schema.additionalProperties;
  // Without declared properties or additionalProperties the schema says nothing about the fields: keep them all.
  const declaresFields = schema.properties !== undefined || additional !== undefined;
  const kept: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    const fieldPath = path === '' ? name : `${path}.${name}`;
    const fieldSchema = Object.hasOwn(properties, name)
      ? properties[name]
      : additional !== null && typeof additional === 'object'
        ? (additional as MockJsonSchema)
        : undefined;
    if (fieldSchema) kept[name] = walk({ value: field, schema: fieldSchema, schemas, path: fieldPath, mismatches });
    else if (!declaresFields || additional === true) kept[name] = field;
  }
  return kept;
}

function resolve(options: { schema: MockJsonSchema; schemas: MockSchemas }): MockJsonSchema {
  let schema = options.schema;
  // A bounded loop: a `$ref` chain that points back at itself is a broken spec, not data.
  for (let hops = 0; hops < 32 && typeof schema.$ref === 'string'; hops += 1) {
    const ref = schema.$ref as string;
    const target = ref.startsWith(COMPONENT_SCHEMA) ? options.schemas[decodePointerToken(ref.slice(COMPONENT_SCHEMA.length))] : undefined;
    if (!target) {
      throw new Error(
        `The mock's schemas have no ${ref}: regenerate the package (pnpm generate) so MOCK_SCHEMAS holds every schema request bodies refer to.`,
      );
    }
    schema = target;
  }
  return schema;
}

function typeList(schema: MockJsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? schema.type.filter((type): type is string => typeof type === 'string') : [];
}

function hasType(options: { value: unknown; type: string }): boolean {
  const { value, type } = options;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function decodePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}
