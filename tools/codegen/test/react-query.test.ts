import { beforeAll, describe, expect, it } from 'vitest';
import { emitReactQuery } from '../src/emit/react-query.js';
import { deriveHookStem, singularise } from '../src/model/naming.js';
import type { ApiModel } from '../src/model/types.js';
import { COMPLERO_CONTEXT } from './helpers/emit-context.js';
import { buildComplero } from './helpers/model.js';

const context = COMPLERO_CONTEXT;
let model: ApiModel;
let files: Map<string, string>;
const file = (name: string) => files.get(`react-query/src/generated/${name}`) ?? '';
const exported = (name: string) => [...file(name).matchAll(/^export (?:async )?(?:function|const|type) (\w+)/gm)].map((match) => match[1]);

beforeAll(async () => {
  model = await buildComplero();
  files = new Map(
    emitReactQuery({ model, context, hookNames: { TriggerSandboxEvent: 'TriggerSandboxEvent' } }).map((f) => [f.path, f.content]),
  );
});

describe('emitReactQuery', () => {
  it('writes the key factory, the builders, the hooks, the mutations and an index', () => {
    expect([...files.keys()]).toStrictEqual([
      'react-query/src/generated/keys.ts',
      'react-query/src/generated/queries.ts',
      'react-query/src/generated/hooks.ts',
      'react-query/src/generated/mutations.ts',
      'react-query/src/generated/index.ts',
    ]);
  });

  it('names the hooks after the resource group and method, with the configured override', () => {
    expect(exported('hooks.ts').filter((name) => !name?.startsWith('useSuspense'))).toStrictEqual([
      'useContact',
      'useDocumentation',
      'useDocumentationForEvent',
      'useEmployee',
      'useEvents',
      'useInfiniteEvents',
      'useLatestEvents',
      'useOperations',
      'useInfiniteOperations',
      'useOperation',
      'usePing',
    ]);
    expect(exported('mutations.ts').filter((name) => name?.startsWith('use'))).toStrictEqual([
      'useUploadContacts',
      'useDeleteContact',
      'useUploadEmployees',
      'useDeleteEmployee',
      'useTriggerSandboxEvent',
    ]);
  });

  it('falls back to the derived name without an override', () => {
    const derived = new Map(emitReactQuery({ model, context }).map((f) => [f.path, f.content]));
    expect(derived.get('react-query/src/generated/mutations.ts')).toContain('export function useTriggerEvent<');
  });

  it('takes the next cursor from the pagination pattern’s response header and sends none on the first page', () => {
    const queries = file('queries.ts');
    expect(queries).toContain("getNextPageParam: (lastPage) => readNextCursor({ headers: lastPage.headers, header: 'Next-Cursor' }),");
    expect(queries).toContain("withCursor({ query, parameter: 'cursor', cursor: pageParam })");
    // The runtime's builder starts every infinite query at no cursor (`initialPageParam: undefined`).
    expect(queries.match(/return buildInfiniteQueryOptions</g)?.length).toBe(2);
  });

  it('polls the background operation target until terminal and pending downloads while pending', () => {
    const queries = file('queries.ts');
    const body = (name: string) => queries.slice(queries.indexOf(`export function ${name}(`)).split('\n}\n')[0] ?? '';
    expect(body('operationQueryOptions')).toContain('refetchInterval: pollUntilTerminal({ intervalMs: polling?.pollIntervalMs }),');
    expect(body('documentationQueryOptions')).toContain('refetchInterval: pollWhilePending({ intervalMs: polling?.pollIntervalMs }),');
    expect(body('contactQueryOptions')).not.toContain('refetchInterval');
  });

  it('invalidates what each mutation changes, from the IR', () => {
    const mutations = file('mutations.ts');
    const body = (name: string) => mutations.slice(mutations.indexOf(`export async function ${name}(`)).split('\n}\n')[0] ?? '';
    expect(body('invalidateAfterUploadContacts')).toContain(
      'await invalidateCachedQueries({ queryClient, queryKeys: [compleroKeys.contacts.all, compleroKeys.operations.all] });',
    );
    expect(body('invalidateAfterDeleteContact').split('\n').slice(1)).toStrictEqual([
      "  removeCachedQueries({ queryClient, filters: [{ queryKey: compleroKeys.contacts.detail(variables), exact: true }, { queryKey: ['complero', 'documentation', 'detail', variables] }, { queryKey: ['complero', 'documentation', 'forEvent', variables] }] });",
      "  await invalidateCachedQueries({ queryClient, queryKeys: [compleroKeys.events.lists(), ['complero', 'events', 'latest']] });",
    ]);
    expect(body('invalidateAfterTriggerSandboxEvent')).toContain(
      'await invalidateCachedQueries({ queryClient, queryKeys: [compleroKeys.events.all] });',
    );
  });

  it('makes a delete that only removes keys synchronous, with nothing to await', () => {
    const mutations = file('mutations.ts');
    expect(mutations).toContain(
      "export function invalidateAfterDeleteEmployee({ queryClient, variables }: { queryClient: QueryClient; variables: DeleteEmployeePathParams['id'] }): void {\n" +
        '  removeCachedQueries({ queryClient, filters: [{ queryKey: compleroKeys.employees.detail(variables), exact: true }] });\n}\n',
    );
    expect(mutations).toContain('invalidate: invalidateAfterDeleteEmployee, options });\n');
    expect(mutations).not.toContain('Promise.resolve');
  });

  it('produces the same bytes on every run', () => {
    const again = emitReactQuery({ model, context, hookNames: { TriggerSandboxEvent: 'TriggerSandboxEvent' } });
    expect(new Map(again.map((f) => [f.path, f.content]))).toStrictEqual(files);
  });
});

describe('deriveHookStem', () => {
  it.each([
    [{ group: 'contacts', method: 'get', many: false }, 'Contact'],
    [{ group: 'events', method: 'list', many: true }, 'Events'],
    [{ group: 'events', method: 'latest', many: true }, 'LatestEvents'],
    [{ group: 'contacts', method: 'delete', many: false }, 'DeleteContact'],
    [{ group: 'contacts', method: 'upload', many: true }, 'UploadContacts'],
    [{ group: 'documentation', method: 'getForEvent', many: false }, 'DocumentationForEvent'],
    [{ group: 'pets', method: 'getPetById', many: false }, 'PetById'],
    [{ group: '', method: 'ping', many: false }, 'Ping'],
    [{ group: 'events', method: 'trigger', many: false, override: 'TriggerSandboxEvent' }, 'TriggerSandboxEvent'],
  ])('gives %o the stem %s', (input, stem) => {
    expect(deriveHookStem(input)).toBe(stem);
  });

  it('singularises resource names', () => {
    expect(['contacts', 'categories', 'addresses', 'documentation', 'status'].map(singularise)).toStrictEqual([
      'contact',
      'category',
      'address',
      'documentation',
      'status',
    ]);
  });
});
