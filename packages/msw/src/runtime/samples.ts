import {
  createContact,
  createContactEvent,
  createEmployee,
  createOperation,
  createWebPostResponse,
  createWebResponse,
} from './factories.js';
import type { MockSchemaRef } from './mock-operation.js';
import type { Random } from './random.js';

type SampleFactory = (options: { random: Random; baseUrl: string }) => unknown;

/** Which factory makes a body of which spec schema. */
const SCHEMA_FACTORIES: Readonly<Record<string, SampleFactory>> = {
  Contact: ({ random }) => createContact({ random }),
  ContactEvent: ({ random, baseUrl }) => createContactEvent({ random, baseUrl }),
  Employee: ({ random }) => createEmployee({ random }),
  Operation: ({ random }) => createOperation({ random }),
  'web.Response': () => createWebResponse({ message: 'OK' }),
  'web.PostResponse': () => createWebPostResponse({ message: 'OK' }),
};

/** Names of the schemas the mocks can generate bodies for. */
export const SAMPLE_SCHEMAS: readonly string[] = Object.keys(SCHEMA_FACTORIES);

/** A generated body for a schema (arrays get three items). Throws, naming the schema, when no factory knows it. */
export function createSample(options: { schema: MockSchemaRef; random: Random; baseUrl: string }): unknown {
  const factory = SCHEMA_FACTORIES[options.schema.name];
  if (!factory) {
    throw new Error(
      `@complero/msw has no data factory for schema "${options.schema.name}" (known: ${SAMPLE_SCHEMAS.join(', ')}). ` +
        'Pass data or a resolver to this handler, or add a factory in src/runtime/samples.ts.',
    );
  }
  const make = () => factory({ random: options.random, baseUrl: options.baseUrl });
  return options.schema.array ? Array.from({ length: 3 }, make) : make();
}
