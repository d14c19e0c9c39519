import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureOutput, generateRunnableFixture } from '../support/fixture-output.js';

/**
 * Discriminated unions whose variants declare the discriminator property as a plain string
 * (GitHub's `public-user`/`private-user` under `user_view_type`): the generated types narrow that
 * property to the variant's mapping key (asserted in swagger-features.test.ts), so the bodies the
 * fixture's generated MSW handlers send, as the generated client returns them, must carry exactly
 * that key beside the variant's own properties.
 */

const SPEC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/discriminators.yaml');
/** Enough seeds that every variant of every union is drawn at least once. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

type Result = { status: number; data: unknown };
type FixtureClient = { readonly default: Record<string, () => Promise<Result>> };
type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };
type Msw = { createHandlers: (options: { seed: number }) => unknown[] };

let root: string;
let output: FixtureOutput;
let setup: Setup | undefined;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-discriminator-'));
  output = await generateRunnableFixture({ spec: SPEC, root });
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  setup?.close();
  setup = undefined;
});

/** Serves the fixture's generated handlers with this seed through msw/node, resolved from that msw package so both share one msw. */
async function serveHandlers(seed: number): Promise<void> {
  setup?.close();
  const dir = path.join(output.dir, 'msw/src');
  const setupFile = path.join(dir, 'discriminator-test-setup.ts');
  writeFileSync(setupFile, "export { setupServer } from 'msw/node';\n");
  const { setupServer } = (await import(setupFile)) as { setupServer: (...handlers: unknown[]) => Setup };
  const msw = (await import(path.join(dir, 'index.ts'))) as Msw;
  setup = setupServer(...msw.createHandlers({ seed }));
  setup.listen({ onUnhandledRequest: 'error' });
}

async function loadClient(): Promise<FixtureClient> {
  const module = (await import(path.join(output.dir, 'client/src/index.ts'))) as {
    createFixtureClient: (options: { maxRetries: number }) => FixtureClient;
  };
  return module.createFixtureClient({ maxRetries: 0 });
}

/** `key: other properties` of each object a body holds (one, or the items of a list), e.g. `public: login, public_repos`. */
function variantsOf(options: { body: unknown; property: string }): string[] {
  const objects = (Array.isArray(options.body) ? options.body : [options.body]) as Record<string, unknown>[];
  return objects.map((object) => {
    const others = Object.keys(object).filter((key) => key !== options.property);
    return `${String(object[options.property])}: ${others.join(', ')}`;
  });
}

/** The distinct variants an operation's default bodies hold across `SEEDS`, sorted. */
async function variantsAcrossSeeds(options: { operation: string; property: string }): Promise<string[]> {
  const client = await loadClient();
  const seen = new Set<string>();
  for (const seed of SEEDS) {
    await serveHandlers(seed);
    const result = await client.default[options.operation]?.();
    expect(result?.status).toStrictEqual(200);
    for (const variant of variantsOf({ body: result?.data, property: options.property })) seen.add(variant);
  }
  return [...seen].sort();
}

describe("the bodies the fixture's generated MSW handlers send the client", () => {
  it('carry the explicit mapping key of the variant an inline oneOf chose, as GitHub has user_view_type', async () => {
    expect(await variantsAcrossSeeds({ operation: 'getUser', property: 'user_view_type' })).toStrictEqual([
      'private: login, private_gists',
      'public: login, public_repos',
    ]);
  });

  it('carry the schema name of the variant when the discriminator has no mapping', async () => {
    expect(await variantsAcrossSeeds({ operation: 'listPets', property: 'petType' })).toStrictEqual(['Cat: lives', 'Dog: bark']);
  });

  it('carry the mapping key of an anyOf variant, or its schema name where the mapping leaves it out', async () => {
    expect(await variantsAcrossSeeds({ operation: 'listNotes', property: 'format' })).toStrictEqual(['LinkNote: href', 'plain: text']);
  });

  it('carry the mapping key of a variant that extends the base schema holding the discriminator', async () => {
    expect(await variantsAcrossSeeds({ operation: 'listVehicles', property: 'kind' })).toStrictEqual(['two-wheeler: wheels, gears']);
    expect(await variantsAcrossSeeds({ operation: 'getCar', property: 'kind' })).toStrictEqual(['car: wheels, doors']);
  });
});
