import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import { emitReactQuery } from '../src/emit/react-query.js';
import { buildModel } from '../src/model/build-model.js';
import { ACME_CONTEXT } from './helpers/emit-context.js';

const context = ACME_CONTEXT;

const json = (schema: object) => ({ description: 'OK', content: { 'application/json': { schema } } });
const pathParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * A delete in a group with a list, another read of the group, a read in another group about the
 * deleted widget (first path parameter), one naming it later in the path, one whose response
 * embeds a widget two `$ref`s deep, and one that has nothing to do with widgets.
 */
const model = buildModel({
  document: {
    openapi: '3.0.3',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/gadgets': { get: { operationId: 'ListGadgets', responses: { '200': json({ type: 'array', items: ref('Gadget') }) } } },
      '/labels/{widgetId}': {
        get: { operationId: 'GetLabel', parameters: [pathParameter('widgetId')], responses: { '200': json({ type: 'string' }) } },
      },
      '/reports': { get: { operationId: 'ListReports', responses: { '200': json({ type: 'array', items: ref('Report') }) } } },
      '/shelves/{shelfId}/widgets/{widgetId}': {
        get: {
          operationId: 'GetShelfWidget',
          parameters: [pathParameter('shelfId'), pathParameter('widgetId')],
          responses: { '200': json({ type: 'string' }) },
        },
      },
      '/widgets': { get: { operationId: 'ListWidgets', responses: { '200': json({ type: 'array', items: ref('Widget') }) } } },
      '/widgets/{id}': {
        get: { operationId: 'GetWidget', parameters: [pathParameter('id')], responses: { '200': json(ref('Widget')) } },
        delete: { operationId: 'DeleteWidget', parameters: [pathParameter('id')], responses: { '204': { description: 'Gone' } } },
      },
      '/widgets/{id}/parts': {
        get: { operationId: 'GetWidgetParts', parameters: [pathParameter('id')], responses: { '200': json({ type: 'array' }) } },
      },
    },
    components: {
      schemas: {
        Gadget: { type: 'object', properties: { name: { type: 'string' } } },
        Report: { type: 'object', properties: { rows: { type: 'array', items: ref('ReportRow') } } },
        ReportRow: { type: 'object', properties: { widget: ref('Widget') } },
        Widget: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
  },
  patterns: DEFAULT_PATTERNS,
  resources: {
    ListGadgets: 'gadgets.list',
    GetLabel: 'labels.get',
    ListReports: 'reports.list',
    GetShelfWidget: 'shelves.getWidget',
    ListWidgets: 'widgets.list',
    GetWidget: 'widgets.get',
    DeleteWidget: 'widgets.delete',
    GetWidgetParts: 'widgets.parts',
  },
});
const mutations = emitReactQuery({ model, context }).find((file) => file.path.endsWith('/mutations.ts'))?.content ?? '';
const functionLines = (name: string) =>
  (mutations.slice(mutations.indexOf(`function ${name}(`)).split('\n}\n')[0] ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim());

describe('what a generated delete mutation invalidates', () => {
  it('removes the detail and the other groups’ reads about the deleted id, and invalidates the group’s lists and every read showing it', () => {
    expect(functionLines('invalidateAfterDeleteWidget')).toStrictEqual([
      "removeCachedQueries({ queryClient, filters: [{ queryKey: acmeKeys.widgets.detail(variables), exact: true }, { queryKey: ['acme', 'labels', 'detail', variables] }] });",
      "await invalidateCachedQueries({ queryClient, queryKeys: [acmeKeys.widgets.lists(), ['acme', 'widgets', 'parts'], acmeKeys.reports.lists(), ['acme', 'shelves', 'widget']] });",
    ]);
  });

  it('says the same keys in the JSDoc of the function and of the hook', () => {
    const about =
      "removes `acmeKeys.widgets.detail(id)` and `['acme', 'labels', 'detail', id]`; invalidates `acmeKeys.widgets.lists()`, " +
      "`['acme', 'widgets', 'parts']`, `acmeKeys.reports.lists()` and `['acme', 'shelves', 'widget']`.";
    expect(mutations).toContain(`/** What \`useDeleteWidget\` does after it succeeds. R${about.slice(1)} */`);
    expect(mutations).toContain(`* A \`useMutation\`; on success: ${about} Errors are typed`);
  });

  it('hands the invalidation to the runtime’s mutation hook, which awaits it before the caller’s onSuccess', () => {
    expect(mutations).toContain(
      "  return useMutationHook<DeleteWidgetResult, DeleteWidgetPathParams['id'], TOnMutateResult>({ mutationOptions: deleteWidgetMutationOptions(useHookClient(options)), invalidate: invalidateAfterDeleteWidget, options });\n}\n",
    );
  });
});
