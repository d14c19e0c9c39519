import type { MockJsonSchema, MockSchemas } from './mock-operation.js';
import type { Random } from './random.js';

const COMPONENT_SCHEMA = '#/components/schemas/';
/** Below this nesting depth optional properties are filled in too; deeper, only required ones, so big schemas stay small. */
const OPTIONAL_DEPTH = 2;
/** A chain of required properties this deep is recursion, not data: it ends there. */
const MAX_DEPTH = 16;
/** Fixed, so generated timestamps never depend on the wall clock. */
const SAMPLE_DATE = '2025-01-06';
const SAMPLE_TIME = `${SAMPLE_DATE}T08:00:00Z`;

/** Values of the string formats OpenAPI documents, each valid for its format. */
const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': SAMPLE_TIME,
  date: SAMPLE_DATE,
  time: '08:00:00Z',
  duration: 'PT1H',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  'iri-reference': 'https://example.com/',
  'uri-template': 'https://example.com/{id}',
  'json-pointer': '/id',
  'relative-json-pointer': '0',
  regex: '.*',
  byte: 'c2FtcGxl',
  binary: '',
  password: 'secret',
};

interface SampleState {
  readonly schemas: MockSchemas;
  readonly random: Random;
  /** Component schemas being generated on this path, to stop at recursion. */
  readonly refs: readonly string[];
  readonly depth: number;
  /** The property being generated, so plain strings read like what they hold (`name-4821`). */
  readonly name?: string;
}

/**
 * A value that validates against `schema`, generated from the schema alone: its own `const`,
 * `example`, `default` or first `enum` value where it has one, otherwise objects with their
 * required properties (and, near the top, the optional ones), one-item arrays, format-shaped
 * strings and numbers within their bounds; of a `oneOf`/`anyOf` the first non-null choice, or with a
 * `discriminator` a seeded choice whose discriminator property holds its mapping key, as the
 * generated types say. Deterministic for a given `random` stream. Returns
 * `undefined` only for a schema that recurses into itself with nothing left to generate.
 */
export function createSchemaSample(options: { schema: MockJsonSchema; schemas: MockSchemas; random: Random }): unknown {
  return sampleOf({ schema: options.schema, state: { schemas: options.schemas, random: options.random, refs: [], depth: 0 } });
}

function sampleOf(options: { schema: MockJsonSchema; state: SampleState }): unknown {
  const { schema, state } = options;
  if (state.depth > MAX_DEPTH) return undefined;
  if (typeof schema.$ref === 'string') return sampleOfRef({ ref: schema.$ref, state });
  if ('const' in schema) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.allOf)) return sampleOfAllOf({ schema, parts: schema.allOf as MockJsonSchema[], state });
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const choices = schema[keyword];
    if (Array.isArray(choices) && choices.length > 0) return sampleOfChoice({ schema, choices: choices as MockJsonSchema[], state });
  }
  switch (typeOf(schema)) {
    case 'object':
      return sampleOfObject({ schema, state });
    case 'array':
      return sampleOfArray({ schema, state });
    case 'string':
      return sampleOfString({ schema, random: state.random, name: state.name });
    case 'integer':
      return sampleOfNumber({ schema, random: state.random, integer: true });
    case 'number':
      return sampleOfNumber({ schema, random: state.random, integer: false });
    case 'boolean':
      return state.random.chance(0.5);
    case 'null':
      return null;
    default:
      // No type and no structure: any value validates.
      return {};
  }
}

/**
 * One choice of a `oneOf`/`anyOf`. Without a discriminator the first non-null one, as before; with
 * one, any of them (seeded, so every variant shows up across seeds), its discriminator property
 * set to the variant's mapping key: generated types narrow that property to the key, and a
 * variant with a plain `type: string` property would otherwise get a made-up string.
 */
function sampleOfChoice(options: { schema: MockJsonSchema; choices: readonly MockJsonSchema[]; state: SampleState }): unknown {
  const { schema, choices, state } = options;
  const nonNull = choices.filter((candidate) => candidate.type !== 'null');
  const discriminator = discriminatorOf(schema);
  if (!discriminator) return sampleOf({ schema: nonNull[0] ?? (choices[0] as MockJsonSchema), state });
  const choice = state.random.pick(nonNull.length > 0 ? nonNull : choices);
  const sample = sampleOf({ schema: choice, state });
  const name = typeof choice.$ref === 'string' ? componentName(choice.$ref) : undefined;
  return name === undefined ? sample : withDiscriminatorValue({ sample, discriminator, name });
}

function sampleOfRef(options: { ref: string; state: SampleState }): unknown {
  const { ref, state } = options;
  const name = componentName(ref);
  if (name === undefined) return {};
  const target = state.schemas[name];
  if (!target) return {};
  if (state.refs.includes(name)) return undefined;
  const sample = sampleOf({ schema: target, state: { ...state, refs: [...state.refs, name] } });
  // A variant that extends (allOf) a base schema holding the discriminator carries its own mapping key.
  const discriminator = inheritedDiscriminatorOf({ schema: target, schemas: state.schemas });
  return discriminator ? withDiscriminatorValue({ sample, discriminator, name }) : sample;
}

interface Discriminator {
  readonly propertyName: string;
  readonly mapping: Readonly<Record<string, unknown>>;
}

function discriminatorOf(schema: MockJsonSchema | undefined): Discriminator | undefined {
  const discriminator = schema?.discriminator;
  if (!isPlainObject(discriminator) || typeof discriminator.propertyName !== 'string') return undefined;
  return { propertyName: discriminator.propertyName, mapping: isPlainObject(discriminator.mapping) ? discriminator.mapping : {} };
}

/** The discriminator of the first base schema this one extends with `allOf: [{ $ref }]`. */
function inheritedDiscriminatorOf(options: { schema: MockJsonSchema; schemas: MockSchemas }): Discriminator | undefined {
  const parts = Array.isArray(options.schema.allOf) ? (options.schema.allOf as MockJsonSchema[]) : [];
  for (const part of parts) {
    const base = typeof part.$ref === 'string' ? componentName(part.$ref) : undefined;
    const discriminator = base === undefined ? undefined : discriminatorOf(options.schemas[base]);
    if (discriminator) return discriminator;
  }
  return undefined;
}

/**
 * The sample with its discriminator property set to the variant's mapping key: the key whose
 * value names the variant (a `$ref` or, as OpenAPI allows, the bare schema name), else by
 * OpenAPI's implicit mapping the schema name itself. Copies, so a spec example is never changed.
 */
function withDiscriminatorValue(options: { sample: unknown; discriminator: Discriminator; name: string }): unknown {
  const { sample, discriminator, name } = options;
  if (!isPlainObject(sample)) return sample;
  const mapped = Object.entries(discriminator.mapping).find(
    ([, target]) => target === name || (typeof target === 'string' && componentName(target) === name),
  );
  return { ...sample, [discriminator.propertyName]: mapped?.[0] ?? name };
}

/** The `components.schemas` key a `$ref` points at, or `undefined` for any other reference. */
function componentName(ref: string): string | undefined {
  if (!ref.startsWith(COMPONENT_SCHEMA)) return undefined;
  return ref.slice(COMPONENT_SCHEMA.length).replaceAll('~1', '/').replaceAll('~0', '~');
}

function sampleOfAllOf(options: { schema: MockJsonSchema; parts: readonly MockJsonSchema[]; state: SampleState }): unknown {
  const { schema, state } = options;
  const { allOf: _, ...own } = schema;
  const parts = [...options.parts, ...(Object.keys(own).length > 0 ? [own] : [])];
  const samples = parts.map((part) => sampleOf({ schema: part, state })).filter((sample) => sample !== undefined);
  // Every part must hold at once: objects merge; for anything else the last part decides.
  if (samples.length > 0 && samples.every(isPlainObject)) return Object.assign({}, ...samples);
  return samples.at(-1);
}

function sampleOfObject(options: { schema: MockJsonSchema; state: SampleState }): Record<string, unknown> {
  const { schema, state } = options;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]) : []);
  const properties = isPlainObject(schema.properties) ? (schema.properties as Record<string, MockJsonSchema>) : {};
  const inner = { ...state, depth: state.depth + 1 };
  const sample: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (!required.has(name) && (state.depth >= OPTIONAL_DEPTH || property.writeOnly === true)) continue;
    const value = sampleOf({ schema: property, state: { ...inner, name } });
    if (value !== undefined) sample[name] = value;
  }
  return sample;
}

function sampleOfArray(options: { schema: MockJsonSchema; state: SampleState }): unknown[] {
  const { schema, state } = options;
  const items = isPlainObject(schema.items) ? (schema.items as MockJsonSchema) : {};
  const count = Math.min(numberOr(schema.minItems, 1), numberOr(schema.maxItems, Number.POSITIVE_INFINITY));
  if (count <= 0) return [];
  const item = sampleOf({ schema: items, state: { ...state, depth: state.depth + 1 } });
  return item === undefined ? [] : Array.from({ length: count }, () => structuredClone(item));
}

function sampleOfString(options: { schema: MockJsonSchema; random: Random; name: string | undefined }): string {
  const { schema, random } = options;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (format === 'uuid') return random.uuid();
  const known = format === undefined ? undefined : FORMAT_SAMPLES[format];
  if (known !== undefined) return known;
  // Without a pattern to honour, a seeded number keeps bodies of different seeds apart.
  const text = typeof schema.pattern === 'string' ? 'string' : `${options.name ?? 'string'}-${random.digits(4)}`;
  const minLength = numberOr(schema.minLength, 0);
  const maxLength = numberOr(schema.maxLength, Number.POSITIVE_INFINITY);
  return text.padEnd(minLength, 'x').slice(0, Math.max(minLength, Math.min(maxLength, text.length)));
}

function sampleOfNumber(options: { schema: MockJsonSchema; random: Random; integer: boolean }): number {
  const { schema } = options;
  // OpenAPI 3.0 has boolean exclusiveMinimum/Maximum beside minimum/maximum; 3.1 has numbers.
  const step = options.integer ? 1 : 0.5;
  const lower =
    typeof schema.exclusiveMinimum === 'number'
      ? schema.exclusiveMinimum + step
      : numberOr(schema.minimum, Number.NEGATIVE_INFINITY) + (schema.exclusiveMinimum === true ? step : 0);
  const upper =
    typeof schema.exclusiveMaximum === 'number'
      ? schema.exclusiveMaximum - step
      : numberOr(schema.maximum, Number.POSITIVE_INFINITY) - (schema.exclusiveMaximum === true ? step : 0);
  const from = Number.isFinite(lower) ? Math.ceil(lower) : Number.isFinite(upper) ? Math.floor(upper) - 100 : 1;
  const to = Number.isFinite(upper) ? Math.floor(upper) : from + 100;
  const value = to >= from ? options.random.integer({ min: from, max: to }) : lower;
  const multipleOf = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (multipleOf === undefined) return value;
  const multiple = Math.ceil(value / multipleOf) * multipleOf;
  return multiple > upper ? Math.floor(value / multipleOf) * multipleOf : multiple;
}

function typeOf(schema: MockJsonSchema): string | undefined {
  const type = Array.isArray(schema.type) ? (schema.type.find((candidate) => candidate !== 'null') ?? schema.type[0]) : schema.type;
  if (typeof type === 'string') return type;
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
