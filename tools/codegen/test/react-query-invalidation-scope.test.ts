import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import { emitReactQuery } from '../src/emit/react-query.js';
import { buildModel } from '../src/model/build-model.js';
import { ACME_CONTEXT } from './helpers/emit-context.js';

const json = (schema: object) => ({ description: 'OK', content: { 'application/json': { schema } } });
const pathParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function mutationsOf(document: Record<string, unknown>, resources: Record<string, string> = {}): string {
  const model = buildModel({
    document: { openapi: '3.0.3', info: { title: 'Acme', version: '1' }, ...document },
    patterns: DEFAULT_PATTERNS,
    resources,
  });
  return emitReactQuery({ model, context: ACME_CONTEXT }).find((file) => file.path.endsWith('/mutations.ts'))?.content ?? '';
}

const bodyOf = (mutations: string, name: string) =>
  (mutations.slice(mutations.indexOf(`function ${name}(`)).split('\n}\n')[0] ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim());

/** One group holding several collections, as Kubernetes' `core_v1` tag does: pods and config maps, namespaced and cluster-wide. */
const clusterPaths = {
  '/api/v1/pods': { get: { operationId: 'ListAllPods', tags: ['core'], responses: { '200': json({ type: 'array', items: ref('Pod') }) } } },
  '/api/v1/namespaces/{namespace}/pods': {
    get: {
      operationId: 'ListPods',
      tags: ['core'],
      parameters: [pathParameter('namespace')],
      responses: { '200': json({ type: 'array', items: ref('Pod') }) },
    },
  },
  '/api/v1/namespaces/{namespace}/pods/{name}': {
    get: {
      operationId: 'ReadPod',
      tags: ['core'],
      parameters: [pathParameter('namespace'), pathParameter('name')],
      responses: { '200': json(ref('Pod')) },
    },
    delete: {
      operationId: 'DeletePod',
      tags: ['core'],
      parameters: [pathParameter('namespace'), pathParameter('name')],
      responses: { '204': { description: 'Gone' } },
    },
  },
  '/api/v1/namespaces/{namespace}/pods/{name}/log': {
    get: {
      operationId: 'ReadPodLog',
      tags: ['core'],
      parameters: [pathParameter('namespace'), pathParameter('name')],
      responses: { '200': json({ type: 'string' }) },
    },
  },
  '/api/v1/namespaces/{namespace}/configmaps': {
    get: {
      operationId: 'ListConfigMaps',
      tags: ['core'],
      parameters: [pathParameter('namespace')],
      responses: { '200': json({ type: 'array', items: ref('ConfigMap') }) },
    },
  },
  '/api/v1/namespaces/{namespace}/configmaps/{name}': {
    get: {
      operationId: 'ReadConfigMap',
      tags: ['core'],
      parameters: [pathParameter('namespace'), pathParameter('name')],
      responses: { '200': json(ref('ConfigMap')) },
    },
  },
};
const clusterSchemas = { schemas: { ConfigMap: { type: 'object' }, Pod: { type: 'object' } } };

/** The widgets API of one shop; `copy` > 0 repeats it under `/s<copy>` with its own schema, as the scaling bench does. */
function shopPaths(copy: number): Record<string, unknown> {
  const prefix = copy === 0 ? '' : `/s${copy}`;
  const suffix = copy === 0 ? '' : `S${copy}`;
  return {
    [`${prefix}/widgets`]: {
      get: {
        operationId: `ListWidgets${suffix}`,
        tags: ['widgets'],
        responses: { '200': json({ type: 'array', items: ref(`Widget${suffix}`) }) },
      },
    },
    [`${prefix}/widgets/{id}`]: {
      get: {
        operationId: `GetWidget${suffix}`,
        tags: ['widgets'],
        parameters: [pathParameter('id')],
        responses: { '200': json(ref(`Widget${suffix}`)) },
      },
      delete: {
        operationId: `DeleteWidget${suffix}`,
        tags: ['widgets'],
        parameters: [pathParameter('id')],
        responses: { '204': { description: 'Gone' } },
      },
    },
    [`${prefix}/labels/{widgetId}`]: {
      get: {
        operationId: `GetLabel${suffix}`,
        tags: ['labels'],
        parameters: [pathParameter('widgetId')],
        responses: { '200': json({ type: 'string' }) },
      },
    },
    [`${prefix}/shelves/{shelfId}/widgets/{widgetId}`]: {
      get: {
        operationId: `GetShelfWidget${suffix}`,
        tags: ['shelves'],
        parameters: [pathParameter('shelfId'), pathParameter('widgetId')],
        responses: { '200': json({ type: 'string' }) },
      },
    },
  };
}

function shop(copies: number): string {
  const paths = Object.assign({}, ...Array.from({ length: copies }, (_, copy) => shopPaths(copy)));
  const schemas = Object.fromEntries(
    Array.from({ length: copies }, (_, copy) => [`Widget${copy === 0 ? '' : `S${copy}`}`, { type: 'object' }]),
  );
  return mutationsOf({ paths, components: { schemas } });
}

describe('what a delete invalidates in a group of several collections', () => {
  const mutations = mutationsOf({ paths: clusterPaths, components: clusterSchemas });

  it('invalidates the lists and sub-resources of its own collection, cluster-wide lists included, and nothing of the other collection', () => {
    expect(bodyOf(mutations, 'invalidateAfterDeletePod')).toStrictEqual([
      'removeCachedQueries({ queryClient, filters: [{ queryKey: acmeKeys.core.readPod(variables.namespace, variables.name), exact: true }] });',
      "await invalidateCachedQueries({ queryClient, queryKeys: [['acme', 'core', 'listPods'], ['acme', 'core', 'readPodLog'], ['acme', 'core', 'listAllPods']] });",
    ]);
  });
});

/** What the group-wide rule used to cover, now said per case: views of the item elsewhere in its group, nested and sub-resource deletes, look-alike collections. */
const edgePaths = {
  '/widgets': {
    get: { operationId: 'ListWidgets', tags: ['widgets'], responses: { '200': json({ type: 'array', items: ref('Widget') }) } },
  },
  '/widgets/{id}': {
    get: { operationId: 'GetWidget', tags: ['widgets'], parameters: [pathParameter('id')], responses: { '200': json(ref('Widget')) } },
    delete: {
      operationId: 'DeleteWidget',
      tags: ['widgets'],
      parameters: [pathParameter('id')],
      responses: { '204': { description: 'Gone' } },
    },
  },
  '/widgets/{id}/tags': {
    get: {
      operationId: 'GetWidgetTags',
      tags: ['widgets'],
      parameters: [pathParameter('id')],
      responses: { '200': json({ type: 'array' }) },
    },
    delete: {
      operationId: 'DeleteWidgetTags',
      tags: ['widgets'],
      parameters: [pathParameter('id')],
      responses: { '204': { description: 'Gone' } },
    },
  },
  '/v2/widgets/{id}': {
    get: { operationId: 'GetWidgetV2', tags: ['widgets'], parameters: [pathParameter('id')], responses: { '200': json(ref('Widget')) } },
  },
  '/widget-search': {
    get: { operationId: 'SearchWidgets', tags: ['widgets'], responses: { '200': json({ type: 'array', items: ref('Widget') }) } },
  },
  '/gadgets/{gadget}': {
    get: { operationId: 'GetGadget', tags: ['widgets'], parameters: [pathParameter('gadget')], responses: { '200': json(ref('Gadget')) } },
  },
  '/ns/{ns}/pods/{name}': {
    get: {
      operationId: 'ReadPod',
      tags: ['pods'],
      parameters: [pathParameter('ns'), pathParameter('name')],
      responses: { '200': json(ref('Pod')) },
    },
    delete: {
      operationId: 'DeletePod',
      tags: ['pods'],
      parameters: [pathParameter('ns'), pathParameter('name')],
      responses: { '204': { description: 'Gone' } },
    },
  },
  '/events': { get: { operationId: 'ListEvents', tags: ['events'], responses: { '200': json({ type: 'array', items: ref('Pod') }) } } },
  '/teams/{t}/members': {
    get: {
      operationId: 'ListTeamMembers',
      tags: ['people'],
      parameters: [pathParameter('t')],
      responses: { '200': json({ type: 'array' }) },
    },
  },
  '/teams/{t}/members/{m}': {
    delete: {
      operationId: 'RemoveTeamMember',
      tags: ['people'],
      parameters: [pathParameter('t'), pathParameter('m')],
      responses: { '204': { description: 'Gone' } },
    },
  },
  '/teams/{t}': {
    get: { operationId: 'GetTeam', tags: ['people'], parameters: [pathParameter('t')], responses: { '200': json({ type: 'object' }) } },
  },
  '/widget-notes/{widgetId}': {
    get: {
      operationId: 'GetWidgetNotes',
      tags: ['widgets'],
      parameters: [pathParameter('widgetId')],
      responses: { '200': json({ type: 'string' }) },
    },
  },
  '/things/': { get: { operationId: 'ListThings', tags: ['things'], responses: { '200': json({ type: 'array' }) } } },
  '/things/{id}/': {
    get: { operationId: 'GetThing', tags: ['things'], parameters: [pathParameter('id')], responses: { '200': json({ type: 'object' }) } },
    delete: {
      operationId: 'DeleteThing',
      tags: ['things'],
      parameters: [pathParameter('id')],
      responses: { '204': { description: 'Gone' } },
    },
  },
  '/projects/{p}/members': {
    get: {
      operationId: 'ListProjectMembers',
      tags: ['people'],
      parameters: [pathParameter('p')],
      responses: { '200': json({ type: 'array' }) },
    },
  },
};
const edgeSchemas = { schemas: { Gadget: { type: 'object' }, Pod: { type: 'object' }, Widget: { type: 'object' } } };

describe('what a delete invalidates beyond its collection', () => {
  const mutations = mutationsOf({ paths: edgePaths, components: edgeSchemas });
  const invalidated = (name: string) => bodyOf(mutations, name).find((line) => line.startsWith('await invalidateCachedQueries'));

  it('invalidates the reads of its group outside the collection that show the item, and not the ones that do not', () => {
    expect(invalidated('invalidateAfterDeleteWidget')).toBe(
      "await invalidateCachedQueries({ queryClient, queryKeys: [['acme', 'widgets', 'listWidgets'], ['acme', 'widgets', 'widgetTags'], ['acme', 'widgets', 'widgetV2'], ['acme', 'widgets', 'searchWidgets']] });",
    );
  });

  it('invalidates, for a delete with two path parameters, the reads of other groups embedding its item', () => {
    expect(invalidated('invalidateAfterDeletePod')).toBe(
      "await invalidateCachedQueries({ queryClient, queryKeys: [['acme', 'events', 'listEvents']] });",
    );
  });

  it('invalidates, for a sub-resource, the item it belongs to (under its id) and that item’s collection', () => {
    expect(invalidated('invalidateAfterDeleteWidgetTags')).toBe(
      "await invalidateCachedQueries({ queryClient, queryKeys: [['acme', 'widgets', 'widget', variables], ['acme', 'widgets', 'listWidgets']] });",
    );
  });

  it('removes the reads of its own group keyed first by its id, under that id, as those of other groups', () => {
    expect(bodyOf(mutations, 'invalidateAfterDeleteWidget')[0]).toBe(
      'removeCachedQueries({ queryClient, filters: [{ queryKey: acmeKeys.widgets.widget(variables), exact: true }], under: { prefixes: readsByWidgetId, id: variables } });',
    );
    expect(mutations).toContain("const readsByWidgetId: readonly QueryKey[] = [\n  ['acme', 'widgets', 'widgetNotes'],\n];");
  });

  it('invalidates, for a nested collection without a detail, the item it belongs to under its id', () => {
    expect(invalidated('invalidateAfterRemoveTeamMember')).toBe(
      "await invalidateCachedQueries({ queryClient, queryKeys: [['acme', 'people', 'team', variables.t], ['acme', 'people', 'listTeamMembers']] });",
    );
  });

  it('reads a path with a trailing slash as the same path', () => {
    expect(bodyOf(mutations, 'invalidateAfterDeleteThing')).toStrictEqual([
      'removeCachedQueries({ queryClient, filters: [{ queryKey: acmeKeys.things.thing(variables), exact: true }] });',
      "await invalidateCachedQueries({ queryClient, queryKeys: [['acme', 'things', 'listThings']] });",
    ]);
  });

  it('leaves a look-alike collection of other parameters alone', () => {
    expect(invalidated('invalidateAfterRemoveTeamMember')).not.toContain('listProjectMembers');
  });
});

describe('deletes that share the other groups’ reads', () => {
  it('refer to one constant per group instead of repeating the keys in every delete', () => {
    const mutations = shop(2);
    expect(mutations).toContain(
      [
        "/** The reads whose first path parameter is a widget's id: a deleted widget's entries are removed. */",
        'const readsByWidgetId: readonly QueryKey[] = [',
        "  ['acme', 'labels', 'label'],",
        "  ['acme', 'labels', 'labelS1'],",
        '];',
        '',
        "/** The reads that name a widget's id in a later path parameter: a deleted widget disappears from them. */",
        'const readsNamingWidgetId: readonly QueryKey[] = [',
        "  ['acme', 'shelves', 'shelfWidgetS1'],",
        "  ['acme', 'shelves', 'shelfWidget'],",
        '];',
      ].join('\n'),
    );
    expect(mutations.match(/^const /gm)).toHaveLength(2);
    // Each copy's delete invalidates its own list; the copy under /s1 also the list at the top, higher up.
    for (const [stem, detail, lists] of [
      ['DeleteWidget', 'widget', ["['acme', 'widgets', 'listWidgets']"]],
      ['DeleteWidgetS1', 'widgetS1', ["['acme', 'widgets', 'listWidgetsS1']", "['acme', 'widgets', 'listWidgets']"]],
    ] as const) {
      expect(bodyOf(mutations, `invalidateAfter${stem}`)).toStrictEqual([
        `removeCachedQueries({ queryClient, filters: [{ queryKey: acmeKeys.widgets.${detail}(variables), exact: true }], under: { prefixes: readsByWidgetId, id: variables } });`,
        `await invalidateCachedQueries({ queryClient, queryKeys: [${lists.join(', ')}, ...readsNamingWidgetId] });`,
      ]);
      expect(mutations).toContain(
        `* A \`useMutation\`; on success: removes \`acmeKeys.widgets.${detail}(id)\` and every key in \`readsByWidgetId\` followed by \`id\`; ` +
          `invalidates ${lists.map((key) => `\`${key}\``).join(', ')} and every key in \`readsNamingWidgetId\`.`,
      );
    }
  });

  it('keep mutations.ts linear in the size of the API', () => {
    // Each copy adds a delete and the reads about it: a list of those reads in every delete grew as copies².
    const [eight, sixteen, thirtyTwo] = [8, 16, 32].map((copies) => shop(copies).length) as [number, number, number];
    expect(sixteen / eight).toBeLessThan(2.1);
    expect(thirtyTwo / sixteen).toBeLessThan(2.1);
  });
});
