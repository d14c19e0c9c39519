import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnySchema } from 'ajv';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../src/model/types.js';
import { type FixtureOutput, generateRunnableFixture } from '../support/fixture-output.js';
import { REPO_ROOT } from '../support/repo.js';

/**
 * Every fixture spec at run time: its generated MSW handlers (served by msw/node with
 * `onUnhandledRequest: 'error'`) answer every operation its generated client sends, the client
 * returns data that validates against the operation's success schema in the fixture's model,
 * declared error responses surface as the client's typed errors, one react-query query hook per
 * fixture renders with the handlers' data, and mutation hooks send form bodies and header
 * parameters the handlers accept.
 *
 * The clients and handlers run on Node's own fetch (no DOM environment for this file); only the
 * hook section installs a happy-dom window, before React DOM is first imported. msw, React,
 * TanStack Query, @testing-library/react and happy-dom come from the node_modules the generated
 * packages borrow (packages/msw, packages/react-query), so the hooks and the renderer share one
 * React: @complero/codegen does not depend on them, and cannot add them offline.
 *
 * Data is validated with ajv, which tools/codegen depends on: draft 4 (ajv-draft-04, with OpenAPI
 * 3.0's `nullable`) for Swagger 2.0 and OpenAPI 3.0 fixtures, JSON Schema 2020-12 (ajv/dist/2020)
 * for OpenAPI 3.1 ones.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FEATURES = path.join(HERE, 'fixtures');
/**
 * Every fixture spec, by the name it is generated under: the feature fixtures, and the two specs
 * of test/fixtures (another API's conventions, and the drift classifier's base), generated with
 * the default configuration like any other API.
 */
const SPECS: Record<string, string> = {
  ...Object.fromEntries(
    readdirSync(FEATURES)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => [path.basename(file, '.yaml'), path.join(FEATURES, file)]),
  ),
  'custom-conventions': path.join(HERE, '../fixtures/custom-conventions.yaml'),
  'drift-base': path.join(HERE, '../fixtures/drift/base.swagger.yaml'),
};
const NAMES = Object.keys(SPECS).sort();

/** Sent by every client: the handlers of a fixture with security answer 401 without one. */
const API_KEY = 'test-key';
const ACCOUNT_ID = '8d3c2f1e-4b5a-4c6d-9e7f-0a1b2c3d4e5f';

/** Valid arguments of every operation's client method, by fixture and camelCase method name. */
const CALLS: Record<string, Record<string, () => unknown[]>> = {
  'collection-format': {
    listItems: () => [
      [1, 2],
      {
        query: { csv: ['a', 'b'], ssv: ['c', 'd'], tsv: ['e', 'f'], pipes: ['g', 'h'], multi: ['a', 'b'], plain: ['i'] },
        header: { 'X-Tags': ['t1', 't2'] },
      },
    ],
  },
  enums: { listThings: () => [{ priority: 2 }] },
  'form-data': {
    logIn: () => [{ user: 'ann', remember: true, scopes: ['read', 'write'] }],
    uploadFile: () => [{ file: new Blob(['hello'], { type: 'text/plain' }), note: 'a note', tags: ['a', 'b'] }],
  },
  'header-cookie-path-level-params': {
    listNotes: () => [ACCOUNT_ID, { 'X-Trace': 'trace-1', 'If-None-Match': '"v1"' }],
    deleteNotes: () => [ACCOUNT_ID, { 'X-Trace': 'trace-2' }],
  },
  'openapi3-composition': { listShapes: () => [{ session: 'session-1' }] },
  'openapi31-type-arrays': { listRecords: () => [] },
  'operation-names': {
    getUsers: () => [],
    getUsers2: () => [],
    delete_: () => [],
    getUsersByUserIdAvatarPng: () => ['u-1'],
    _2faVerify: () => [{ class: 'c', 'user.name': 'ann' }],
  },
  refs: { listPets: () => [{ limit: 10 }], getPet: () => ['p-1'] },
  'custom-conventions': {
    getJob: () => ['job-1'],
    listWidgets: () => [{ after: 'token-1', pageSize: 2 }],
    importWidgets: () => [[{ id: 'w-1' }, { id: 'w-2' }]],
    getWidgetsById: () => ['w-1'],
  },
  'repeated-resources': {
    getWidget: () => ['w-1'],
    deleteWidget: () => ['w-1'],
    getWidgetV2: () => ['w-1'],
    deleteWidgetV2: () => ['w-1'],
    getLabel: () => ['w-1'],
    getLabelV2: () => ['w-1'],
    getShelfWidget: () => ['s-1', 'w-1'],
    getWidgetTags: () => ['w-1'],
    deleteWidgetTag: () => ['w-1', 'red'],
  },
  'drift-base': {
    uploadContacts: () => [{ body: { contacts: [{ email: 'ada@example.test', name: 'Ada', channel: 'email' }] }, query: { dryRun: true } }],
    getContact: () => ['c-1'],
    getEvents: () => [{ type: 'confirm', limit: 5 }],
  },
  responses: {
    createJob: () => [],
    getJob: () => ['job-1'],
    getJobArchive: () => [],
    getJobLog: () => [],
    getJobOutput: () => [],
    getJobReport: () => [],
  },
  discriminators: { getUser: () => [], listPets: () => [], listNotes: () => [], listVehicles: () => [], getCar: () => [] },
  schemas: { getTree: () => [] },
};

/** Every declared non-2xx or `default` error, the status an override answers it with, and the error class the client throws. */
const ERRORS: { fixture: string; operation: string; declared: string; status: number; body: unknown; errorClass: string }[] = [
  { fixture: 'refs', operation: 'getPet', declared: '404', status: 404, body: { message: 'no pet p-1' }, errorClass: 'NotFoundError' },
  {
    fixture: 'drift-base',
    operation: 'getContact',
    declared: '404',
    status: 404,
    body: { message: 'no contact c-9' },
    errorClass: 'NotFoundError',
  },
  {
    fixture: 'drift-base',
    operation: 'uploadContacts',
    declared: '400',
    status: 400,
    body: { message: 'contacts: required' },
    errorClass: 'BadRequestError',
  },
  { fixture: 'responses', operation: 'createJob', declared: 'default', status: 500, body: { code: 500 }, errorClass: 'ServerError' },
  { fixture: 'responses', operation: 'getJobArchive', declared: 'default', status: 409, body: { code: 409 }, errorClass: 'FixtureError' },
];

/** One hook per fixture whose hooks no other test renders, its arguments, and the client method it calls. */
const HOOKS: Record<string, { hook: string; args: unknown[]; operation: string }> = {
  enums: { hook: 'useListThings', args: [{ priority: 3 }], operation: 'listThings' },
  schemas: { hook: 'useTree', args: [], operation: 'getTree' },
  'operation-names': { hook: 'use_2faVerify', args: [{ class: 'c' }], operation: '_2faVerify' },
  'openapi3-composition': { hook: 'useListShapes', args: [{ session: 'session-1' }], operation: 'listShapes' },
  'openapi31-type-arrays': { hook: 'useListRecords', args: [], operation: 'listRecords' },
  'custom-conventions': { hook: 'useJob', args: ['job-1'], operation: 'getJob' },
  'drift-base': { hook: 'useContact', args: ['c-1'], operation: 'getContact' },
  'collection-format': {
    hook: 'useListItems',
    args: [
      [1, 2],
      {
        query: { csv: ['a', 'b'], ssv: ['c', 'd'], tsv: ['e', 'f'], pipes: ['g', 'h'], multi: ['a', 'b'], plain: ['i'] },
        header: { 'X-Tags': ['t1', 't2'] },
      },
    ],
    operation: 'listItems',
  },
  'header-cookie-path-level-params': {
    hook: 'useListNotes',
    args: [ACCOUNT_ID, { 'X-Trace': 'trace-1', 'If-None-Match': '"v1"' }],
    operation: 'listNotes',
  },
  refs: { hook: 'usePet', args: ['p-1'], operation: 'getPet' },
  responses: { hook: 'useJobLog', args: [], operation: 'getJobLog' },
  discriminators: { hook: 'useUser', args: [], operation: 'getUser' },
};

/** Mutation hooks over form bodies and header parameters, with the variables they are called with and the status they resolve with. */
const MUTATIONS: { fixture: string; hook: string; variables: unknown; status: number }[] = [
  {
    fixture: 'form-data',
    hook: 'useUploadFile',
    variables: { file: new Blob(['hello'], { type: 'text/plain' }), note: 'a note', tags: ['a', 'b'] },
    status: 201,
  },
  { fixture: 'form-data', hook: 'useLogIn', variables: { user: 'ann', remember: true, scopes: ['read', 'write'] }, status: 204 },
  {
    fixture: 'header-cookie-path-level-params',
    hook: 'useDeleteNotes',
    variables: { accountId: ACCOUNT_ID, header: { 'X-Trace': 'trace-2' } },
    status: 204,
  },
  { fixture: 'repeated-resources', hook: 'useDeleteWidget', variables: 'w-1', status: 204 },
];

type Result = { status: number; data: unknown };
type Method = (...args: unknown[]) => Promise<Result>;
type FixtureClient = Record<string, Record<string, Method>>;
type ClientModule = {
  createFixtureClient: (options: { apiKey: string; maxRetries: number }) => FixtureClient;
  FixtureError: new (...args: never[]) => Error & { status?: number; body?: unknown };
};
type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };
type MswSetup = {
  setupServer: (...handlers: unknown[]) => Setup;
  HttpResponse: { json: (body: unknown, init: { status: number }) => Response } & (new (body: null, init: { status: number }) => Response);
};
type Msw = { createHandlers: (options?: { overrides?: Record<string, unknown> }) => unknown[] };

const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04').default as typeof import('ajv').default;
const Ajv2020 = require('ajv/dist/2020.js').default as typeof import('ajv').default;

let root: string;
const outputs = new Map<string, FixtureOutput>();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-fixture-runtime-'));
  for (const name of NAMES) {
    // Copied under its name, which becomes the package scope (`@drift-base`, not `@base.swagger`).
    const spec = path.join(root, `${name}.yaml`);
    copyFileSync(SPECS[name] ?? '', spec);
    const output = await generateRunnableFixture({ spec, root });
    outputs.set(name, output);
    writeFileSync(
      path.join(output.dir, 'msw/src/fixture-runtime-setup.ts'),
      "export { setupServer } from 'msw/node';\nexport { HttpResponse } from 'msw';\n",
    );
  }
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let setup: Setup | undefined;

afterEach(() => {
  setup?.close();
  setup = undefined;
});

function fixture(name: string): FixtureOutput {
  const output = outputs.get(name);
  if (!output) throw new Error(`fixture ${name} was not generated`);
  return output;
}

function operationOf(name: string, functionName: string): Operation {
  const found = fixture(name).model.operations.find((operation) => operation.functionName === functionName);
  if (!found) throw new Error(`${name}: no operation ${functionName}`);
  return found;
}

async function importMsw(name: string): Promise<MswSetup> {
  return import(path.join(fixture(name).dir, 'msw/src/fixture-runtime-setup.ts'));
}

/** Serves a fixture's generated handlers, each override answering its operation instead. */
async function serve(name: string, overrides?: (msw: MswSetup) => Record<string, unknown>): Promise<void> {
  const mswSetup = await importMsw(name);
  const msw = (await import(path.join(fixture(name).dir, 'msw/src/index.ts'))) as Msw;
  setup = mswSetup.setupServer(...msw.createHandlers(overrides ? { overrides: overrides(mswSetup) } : {}));
  setup.listen({ onUnhandledRequest: 'error' });
}

async function importClient(name: string): Promise<ClientModule> {
  return import(path.join(fixture(name).dir, 'client/src/index.ts'));
}

/** The client method of an operation, where people reach it: `client.<group>.<method>` (tags make groups). */
async function clientMethod(name: string, functionName: string): Promise<Method> {
  const client = (await importClient(name)).createFixtureClient({ apiKey: API_KEY, maxRetries: 0 });
  const { group, method } = operationOf(name, functionName).resource;
  const resource = client[group];
  const bound = resource?.[method]?.bind(resource);
  if (!bound) throw new Error(`${name}: the client has no method ${group}.${method}`);
  return bound;
}

/**
 * A validator of one schema from a fixture's model, `#/components/schemas/...` refs resolved
 * against the model's schemas: OpenAPI 3.1 fixtures in JSON Schema 2020-12, the rest (OpenAPI 3.0,
 * and Swagger 2.0 as the model holds it, converted) in draft 4 with OpenAPI's `nullable`.
 */
function validate(name: string, schema: unknown, data: unknown): { valid: boolean; errors: unknown } {
  const output = fixture(name);
  const is31 = /^openapi:\s*["']?3\.1/m.test(readFileSync(SPECS[name] ?? '', 'utf8'));
  const ajv = new (is31 ? Ajv2020 : AjvDraft04)({ strict: false, validateFormats: false, allErrors: true });
  const components = { schemas: Object.fromEntries(output.model.schemas.map((named) => [named.name, named.schema])) };
  const validateData = ajv.compile({ ...(schema as object), components } as AnySchema);
  // A schema without `$async` validates synchronously.
  const valid = validateData(data) as boolean;
  return { valid, errors: validateData.errors ?? null };
}

/**
 * The success response the handlers answer with: the first 2xx the operation declares, or its
 * `default` when it declares no 2xx (the mocks answer that with a 200).
 */
function successOf(operation: Operation) {
  const status = operation.patterns.successStatuses[0];
  const response = operation.responses.find((candidate) => candidate.status === status);
  if (!status || !response) throw new Error(`${operation.id}: no success response`);
  return { status: status === 'default' ? 200 : Number(status), media: response.contents[0] };
}

const OPERATIONS = NAMES.flatMap((name) => Object.keys(CALLS[name] ?? {}).map((operation) => [name, operation] as const));

describe('the call table', () => {
  it('has valid arguments for every operation of every fixture, and nothing else', () => {
    const declared = Object.fromEntries(
      NAMES.map((name) => [
        name,
        fixture(name)
          .model.operations.map((operation) => operation.functionName)
          .sort(),
      ]),
    );
    const tabled = Object.fromEntries(NAMES.map((name) => [name, Object.keys(CALLS[name] ?? {}).sort()]));
    expect(tabled).toStrictEqual(declared);
  });
});

describe('the schema validator', () => {
  /** Data each fixture's success schema must refuse: a wrong type, a value outside an enum, a broken variant, a missing required field. */
  const INVALID: [name: string, operation: string, data: unknown][] = [
    ['enums', 'listThings', { kind: 'other' }],
    ['schemas', 'getTree', { value: 'root', children: [{ value: 1, children: [] }] }],
    ['openapi3-composition', 'listShapes', [{ kind: 'circle', side: 1 }]],
    ['openapi31-type-arrays', 'listRecords', [{ id: 'r-1', score: 'high' }]],
    ['refs', 'getPet', { name: 'Rex' }],
  ];

  it.each(INVALID)('%s: refuses data that breaks the %s success schema', (name, functionName, data) => {
    const schema = successOf(operationOf(name, functionName)).media?.schema;
    expect(validate(name, schema, data).valid).toStrictEqual(false);
  });
});

describe("every operation through the fixture's generated client, answered by its generated handlers", () => {
  it.each(OPERATIONS)('%s: %s succeeds with its declared status and data valid against its success schema', async (name, functionName) => {
    await serve(name);
    const operation = operationOf(name, functionName);
    const success = successOf(operation);
    const result = await (await clientMethod(name, functionName))(...(CALLS[name]?.[functionName]?.() ?? []));
    expect(result.status).toStrictEqual(success.status);
    if (operation.patterns.responseBody === 'binary') {
      expect(result.data).toBeInstanceOf(Blob);
      expect((result.data as Blob).type).toStrictEqual(success.media?.mediaType);
    } else if (success.media?.schema) {
      expect(validate(name, success.media.schema, result.data)).toStrictEqual({ valid: true, errors: null });
    } else {
      expect(result.data).toBeUndefined();
    }
  });
});

describe('several 2xx responses', () => {
  it.each([201, 202])('responses: createJob answered %i by an override succeeds with that status', async (status) => {
    await serve('responses', (msw) => ({
      createJob: () => (status === 202 ? new msw.HttpResponse(null, { status }) : msw.HttpResponse.json({ id: 'job-1' }, { status })),
    }));
    const result = await (await clientMethod('responses', 'createJob'))();
    expect({ status: result.status, data: result.data }).toStrictEqual({ status, data: status === 202 ? undefined : { id: 'job-1' } });
  });
});

describe('a 202 that names a background operation and declares a body', () => {
  it('drift-base: uploadContacts answers with a body valid against that schema, and both declared headers', async () => {
    await serve('drift-base');
    const upload = await clientMethod('drift-base', 'uploadContacts');
    const result = (await upload(...(CALLS['drift-base']?.uploadContacts?.() ?? []))) as Result & { headers: Record<string, string> };
    const schema = successOf(operationOf('drift-base', 'uploadContacts')).media?.schema;
    expect({
      status: result.status,
      body: validate('drift-base', schema, result.data),
      headers: Object.keys(result.headers).sort(),
    }).toStrictEqual({ status: 202, body: { valid: true, errors: null }, headers: ['Operation-Id', 'Request-Id'] });
  });
});

describe('declared error responses', () => {
  it.each(ERRORS.map((error) => [`${error.fixture}: ${error.operation}`, error.declared, error.status, error.errorClass, error] as const))(
    '%s answering its %s response with %i throws %s with the status and parsed body',
    async (_operation, _declared, _status, _errorClass, error) => {
      const operation = operationOf(error.fixture, error.operation);
      const declared = operation.responses.find((response) => response.status === error.declared);
      expect(validate(error.fixture, declared?.contents[0]?.schema, error.body)).toStrictEqual({ valid: true, errors: null });
      await serve(error.fixture, (msw) => ({ [error.operation]: () => msw.HttpResponse.json(error.body, { status: error.status }) }));
      const client = await importClient(error.fixture);
      const thrown = await (await clientMethod(error.fixture, error.operation))(
        ...(CALLS[error.fixture]?.[error.operation]?.() ?? []),
      ).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(thrown).toBeInstanceOf(client.FixtureError);
      const typed = thrown as InstanceType<ClientModule['FixtureError']>;
      expect({ name: typed.name, status: typed.status, body: typed.body }).toStrictEqual({
        name: error.errorClass,
        status: error.status,
        body: error.body,
      });
    },
  );

  it('cover every declared non-2xx or default response of every fixture', () => {
    const declared = NAMES.flatMap((name) =>
      fixture(name).model.operations.flatMap((operation) =>
        operation.responses
          .filter((response) => !operation.patterns.successStatuses.includes(response.status))
          .map((response) => `${name} ${operation.functionName} ${response.status}`),
      ),
    );
    expect(ERRORS.map((error) => `${error.fixture} ${error.operation} ${error.declared}`).sort()).toStrictEqual(declared.sort());
  });
});

describe('one react-query hook per fixture, rendered against the generated handlers', () => {
  type Rendered = { result: { current: { isSuccess: boolean; isError: boolean; data: unknown; error: unknown } }; unmount: () => void };
  type ReactSetup = {
    renderHook: (hook: () => unknown, options: { wrapper: (props: { children: unknown }) => unknown }) => Rendered;
    waitFor: (check: () => void) => Promise<void>;
    createElement: (type: unknown, props: unknown, ...children: unknown[]) => unknown;
    QueryClient: new (options: unknown) => unknown;
    QueryClientProvider: unknown;
  };
  type DomWindow = { document: unknown; navigator: unknown; happyDOM: { abort: () => Promise<void> }; close: () => void };
  const installed: string[] = [];
  let domWindow: DomWindow | undefined;

  beforeAll(async () => {
    for (const name of new Set([...Object.keys(HOOKS), ...MUTATIONS.map((mutation) => mutation.fixture)])) {
      const output = fixture(name);
      const link = path.join(output.dir, 'react-query', 'node_modules');
      if (!existsSync(link)) symlinkSync(path.join(REPO_ROOT, 'packages', 'react-query', 'node_modules'), link, 'dir');
      const client = path.join(root, 'node_modules', `@${name}`, 'client');
      mkdirSync(client, { recursive: true });
      writeFileSync(path.join(client, 'package.json'), JSON.stringify({ name: `@${name}/client`, type: 'module', exports: './index.ts' }));
      writeFileSync(path.join(client, 'index.ts'), `export * from ${JSON.stringify(path.join(output.dir, 'client/src/index.ts'))};\n`);
      writeFileSync(path.join(output.dir, 'react-query/src/fixture-runtime-dom.ts'), "export { Window } from 'happy-dom';\n");
      writeFileSync(
        path.join(output.dir, 'react-query/src/fixture-runtime-react.ts'),
        [
          "export { renderHook, waitFor } from '@testing-library/react';",
          "export { QueryClient, QueryClientProvider } from '@tanstack/react-query';",
          "export { createElement } from 'react';",
          '',
        ].join('\n'),
      );
    }
    // React DOM decides whether it can use a DOM when first imported: the window comes first.
    const first = Object.keys(HOOKS)[0] ?? '';
    const { Window } = (await import(path.join(fixture(first).dir, 'react-query/src/fixture-runtime-dom.ts'))) as {
      Window: new (options: { url: string }) => DomWindow;
    };
    domWindow = new Window({ url: 'http://localhost:3000' });
    for (const [key, value] of [
      ['window', domWindow],
      ['document', domWindow.document],
      ['navigator', domWindow.navigator],
    ] as const) {
      if (!(key in globalThis)) installed.push(key);
      Object.assign(globalThis, { [key]: value });
    }
  });

  afterAll(async () => {
    for (const key of installed) Reflect.deleteProperty(globalThis, key);
    await domWindow?.happyDOM.abort();
    domWindow?.close();
  });

  it.each(Object.entries(HOOKS).map(([name, call]) => [name, call.hook, call] as const))(
    '%s: %s returns the data the client returns for the same call, valid against its schema',
    async (name, _hook, call) => {
      await serve(name);
      const react = (await import(path.join(fixture(name).dir, 'react-query/src/fixture-runtime-react.ts'))) as ReactSetup;
      const hooks = (await import(path.join(fixture(name).dir, 'react-query/src/index.ts'))) as Record<string, unknown>;
      const hook = hooks[call.hook] as (...args: unknown[]) => unknown;
      const FixtureProvider = hooks.FixtureProvider;
      const client = (await importClient(name)).createFixtureClient({ apiKey: API_KEY, maxRetries: 0 });
      const queryClient = new react.QueryClient({ defaultOptions: { queries: { retry: false } } });
      const wrapper = (props: { children: unknown }) =>
        react.createElement(
          react.QueryClientProvider,
          { client: queryClient },
          react.createElement(FixtureProvider, { client }, props.children),
        );
      const rendered = react.renderHook(() => hook(...call.args), { wrapper });
      try {
        await react.waitFor(() => expect(rendered.result.current.isSuccess || rendered.result.current.isError).toBe(true));
        expect(rendered.result.current.error ?? null).toBeNull();
        const direct = await (await clientMethod(name, call.operation))(...call.args);
        const operation = operationOf(name, call.operation);
        const schema = successOf(operation).media?.schema;
        const { data } = rendered.result.current;
        if (schema) {
          expect({ data, valid: validate(name, schema, data) }).toStrictEqual({ data: direct.data, valid: { valid: true, errors: null } });
        } else {
          // A hook over a response without a body caches the whole result: its status, and no data.
          expect({ status: (data as Result).status, data: (data as Result).data }).toStrictEqual({
            status: direct.status,
            data: undefined,
          });
        }
      } finally {
        rendered.unmount();
      }
    },
  );

  it.each(MUTATIONS.map((mutation) => [mutation.fixture, mutation.hook, mutation] as const))(
    '%s: %s sends what the handlers accept and resolves with the declared status',
    async (name, _hook, mutation) => {
      await serve(name);
      const react = (await import(path.join(fixture(name).dir, 'react-query/src/fixture-runtime-react.ts'))) as ReactSetup;
      const hooks = (await import(path.join(fixture(name).dir, 'react-query/src/index.ts'))) as Record<string, unknown>;
      const hook = hooks[mutation.hook] as () => unknown;
      const client = (await importClient(name)).createFixtureClient({ apiKey: API_KEY, maxRetries: 0 });
      const queryClient = new react.QueryClient({ defaultOptions: { mutations: { retry: false } } });
      const wrapper = (props: { children: unknown }) =>
        react.createElement(
          react.QueryClientProvider,
          { client: queryClient },
          react.createElement(hooks.FixtureProvider, { client }, props.children),
        );
      const rendered = react.renderHook(() => hook(), { wrapper }) as unknown as {
        result: { current: { mutateAsync: (variables: unknown) => Promise<Result>; isSuccess: boolean } };
        unmount: () => void;
      };
      try {
        const result = await rendered.result.current.mutateAsync(mutation.variables);
        expect(result.status).toStrictEqual(mutation.status);
        await react.waitFor(() => expect(rendered.result.current.isSuccess).toBe(true));
      } finally {
        rendered.unmount();
      }
    },
  );

  it('repeated-resources: useDeleteWidget removes the deleted widget from every group and copy through the shared key lists, invalidates what shows it, and leaves the rest', async () => {
    const name = 'repeated-resources';
    await serve(name);
    const react = (await import(path.join(fixture(name).dir, 'react-query/src/fixture-runtime-react.ts'))) as ReactSetup;
    const hooks = (await import(path.join(fixture(name).dir, 'react-query/src/index.ts'))) as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const client = (await importClient(name)).createFixtureClient({ apiKey: API_KEY, maxRetries: 0 });
    const queryClient = new react.QueryClient({ defaultOptions: { mutations: { retry: false } } }) as {
      fetchQuery: (options: unknown) => Promise<unknown>;
      getQueryCache: () => { getAll: () => { queryKey: unknown[]; state: { isInvalidated: boolean } }[] };
    };
    // What a screen showing widgets w-1 and w-2 has cached, fetched through the generated query options.
    for (const [options, args] of [
      ['widgetQueryOptions', ['w-1']],
      ['widgetQueryOptions', ['w-2']],
      ['widgetV2QueryOptions', ['w-1']],
      ['labelQueryOptions', ['w-1']],
      ['labelQueryOptions', ['w-2']],
      ['labelV2QueryOptions', ['w-1']],
      ['shelfWidgetQueryOptions', ['s-1', 'w-1']],
    ] as const) {
      await queryClient.fetchQuery(hooks[options]?.(client, ...args));
    }
    const wrapper = (props: { children: unknown }) =>
      react.createElement(
        react.QueryClientProvider,
        { client: queryClient },
        react.createElement(hooks.FixtureProvider, { client }, props.children),
      );
    const rendered = react.renderHook(() => hooks.useDeleteWidget?.(), { wrapper }) as unknown as {
      result: { current: { mutateAsync: (variables: unknown) => Promise<Result>; isSuccess: boolean } };
      unmount: () => void;
    };
    try {
      await rendered.result.current.mutateAsync('w-1');
      await react.waitFor(() => expect(rendered.result.current.isSuccess).toBe(true));
      const cached = queryClient
        .getQueryCache()
        .getAll()
        .map((query) => [query.queryKey.join('/'), query.state.isInvalidated ? 'invalidated' : 'fresh']);
      expect(cached).toStrictEqual([
        ['fixture/widgets/widget/w-2', 'fresh'],
        // The same widget under /v2: its response is a Widget, so it is refetched, not trusted.
        ['fixture/widgets/widgetV2/w-1', 'invalidated'],
        ['fixture/labels/label/w-2', 'fresh'],
        ['fixture/shelves/shelfWidget/s-1/w-1', 'invalidated'],
      ]);
    } finally {
      rendered.unmount();
    }
  });
});
