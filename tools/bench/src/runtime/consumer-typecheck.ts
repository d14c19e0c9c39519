import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type TypecheckResult, typecheckProject } from '../typecheck.js';
import { BENCH_ROOT } from '../workspace.js';

/** A consumer file that calls ten Complero operations through one library. */
export interface ConsumerVariant {
  readonly label: string;
  readonly source: string;
}

/** Ten operations through openapi-fetch with `paths` from @complero/types: what the client builds on. */
export const OPENAPI_FETCH_CONSUMER: ConsumerVariant = {
  label: 'openapi-fetch + @complero/types',
  source: `import createClient from 'openapi-fetch';
import type { paths } from '@complero/types';

const client = createClient<paths>({ baseUrl: 'https://api.complero.com/v1' });

export async function useTenOperations(id: string) {
  const contact = await client.GET('/contacts/{id}', { params: { path: { id } } });
  await client.DELETE('/contacts/{id}', { params: { path: { id } } });
  const documentation = await client.GET('/documentation/{contactID}', { params: { path: { contactID: id } }, parseAs: 'blob' });
  const eventDocumentation = await client.GET('/documentation/{contactID}/{eventID}', {
    params: { path: { contactID: id, eventID: id } },
    parseAs: 'blob',
  });
  const employee = await client.GET('/employees/{id}', { params: { path: { id } } });
  await client.DELETE('/employees/{id}', { params: { path: { id } } });
  const events = await client.GET('/events', {});
  const latest = await client.GET('/events/latest', {});
  const operations = await client.GET('/operations', {});
  const operation = await client.GET('/operations/{id}', { params: { path: { id } } });
  return [contact.data, documentation.data, eventDocumentation.data, employee.data, events.data, latest.data, operations.data, operation.data];
}
`,
};

/** The same ten operations through @complero/client's resource methods. */
export const COMPLERO_CLIENT_CONSUMER: ConsumerVariant = {
  label: '@complero/client',
  source: `import { createCompleroClient } from '@complero/client';

const complero = createCompleroClient({ apiKey: 'key' });

export async function useTenOperations(id: string) {
  const contact = await complero.contacts.get(id);
  await complero.contacts.delete(id);
  const documentation = await complero.documentation.get(id);
  const eventDocumentation = await complero.documentation.getForEvent(id, id);
  const employee = await complero.employees.get(id);
  await complero.employees.delete(id);
  const events = await complero.events.list();
  const latest = await complero.events.latest();
  const operations = await complero.operations.list();
  const operation = await complero.operations.get(id);
  return [contact.data, documentation, eventDocumentation, employee.data, events, latest.data, operations, operation.data];
}
`,
};

/** Type-checks each consumer file on its own (a project per file), as a consumer's build would. */
export async function measureConsumerTypecheck(variants: readonly ConsumerVariant[]): Promise<(TypecheckResult & { label: string })[]> {
  const results: (TypecheckResult & { label: string })[] = [];
  for (const [index, variant] of variants.entries()) {
    // Inside tools/bench so that imports resolve through its node_modules (workspace packages, openapi-fetch).
    const dir = path.join(BENCH_ROOT, '.work', 'consumers', String(index));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'consumer.ts'), variant.source);
    results.push({ label: variant.label, ...(await typecheckProject({ dir, include: ['consumer.ts'] })) });
  }
  return results;
}
