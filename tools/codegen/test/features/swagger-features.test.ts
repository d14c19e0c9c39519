import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureOutput, generateFixture } from '../support/fixture-output.js';
import { type TypeCheckResult, typeCheckPackages } from '../support/type-check.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Compile-time assertions about each fixture's generated types, written next to its generated
 * code and type-checked in one strict tsc run: `assertSame<A, B>(true)` only compiles when A and B
 * are mutually assignable, and every `@ts-expect-error` must see an error.
 */
const TYPE_ASSERTIONS: Record<string, string> = {
  'repeated-resources': `
import type { DeleteWidgetPathParams, GetLabelV2Response, GetShelfWidgetResponse, GetWidgetV2Response, Label, Widget } from './generated/index.js';
assertSame<GetWidgetV2Response, Widget>(true);
assertSame<GetShelfWidgetResponse, Widget>(true);
assertSame<GetLabelV2Response, Label>(true);
assertSame<DeleteWidgetPathParams, { id: string }>(true);`,
  'collection-format': `
import type { ListItemsPathParams, ListItemsQuery, ListItemsRequestHeaders } from './generated/index.js';
assertSame<ListItemsQuery, { csv?: string[]; ssv?: string[]; tsv?: string[]; pipes?: string[]; multi?: ('a' | 'b')[]; plain?: string[] }>(true);
assertSame<ListItemsPathParams, { ids: number[] }>(true);
assertSame<ListItemsRequestHeaders, { 'X-Tags'?: string[] }>(true);`,
  discriminators: `
import type { Bike, Car, Cat, Dog, GetUserResponse, PrivateUser, PublicUser, TextNote } from './generated/index.js';
assertSame<GetUserResponse, PrivateUser | PublicUser>(true);
assertSame<[PrivateUser['user_view_type'], PublicUser['user_view_type']], ['private', 'public']>(true);
assertSame<[Cat['petType'], Dog['petType']], ['Cat', 'Dog']>(true);
assertSame<[Bike['kind'], Car['kind']], ['two-wheeler', 'car']>(true);
// openapi-typescript narrows the variants of a oneOf only, not of an anyOf
assertSame<TextNote['format'], string>(true);
// @ts-expect-error a public user's view is its mapping key, not any string
const user: PublicUser = { login: 'octocat', user_view_type: 'user_view_type-9068', public_repos: 1 };`,
  'form-data': `
import type { LogInBody, UploadFileBody } from './generated/index.js';
assertSame<UploadFileBody, { file: Blob; note?: string; tags?: string[] }>(true);
assertSame<LogInBody, { user: string; remember?: boolean; scopes?: string[] }>(true);
// @ts-expect-error a file field takes bytes, not a file name
const upload: UploadFileBody = { file: 'photo.png' };`,
  'header-cookie-path-level-params': `
import type { DeleteNotesPathParams, DeleteNotesRequestHeaders, ListNotesPathParams, ListNotesRequestHeaders } from './generated/index.js';
assertSame<ListNotesRequestHeaders, { 'X-Trace': string; 'If-None-Match'?: string }>(true);
assertSame<DeleteNotesRequestHeaders, { 'X-Trace'?: string }>(true);
assertSame<ListNotesPathParams, { accountId: string }>(true);
assertSame<DeleteNotesPathParams, { accountId: string }>(true);`,
  refs: `
import type { GetPetErrorResponse, GetPetHeaders, GetPetResponse, ListPetsQuery, ListPetsResponse, Pet, Problem } from './generated/index.js';
assertSame<ListPetsQuery, { limit?: number }>(true);
assertSame<ListPetsResponse, Pet[]>(true);
assertSame<GetPetResponse, { id: string; name?: string }>(true);
assertSame<GetPetErrorResponse, Problem>(true);
assertSame<GetPetHeaders, { ETag?: string }>(true);`,
  schemas: `
import type { Anything, Closed, Dog, Labels, MaybeName, Ping, TreeNode } from './generated/index.js';
assertSame<Dog, { id: string; bark: boolean }>(true);
assertSame<Labels, { [key: string]: string }>(true);
assertSame<Anything, { [key: string]: unknown }>(true);
assertSame<MaybeName, { name: string | null }>(true);
const tree: TreeNode = { value: 'root', children: [{ children: [], parent: { children: [] } }] };
const ping: Ping = { pong: { ping: { pong: {} } } };
// @ts-expect-error additionalProperties: false
const closed: Closed = { only: 'x', other: 1 };`,
  enums: `
import { type ListThingsPriority, RATIOS, type Ratio, THING_KINDS, type ThingKind } from './generated/index.js';
assertSame<Ratio, 0.5 | 1 | 1.5>(true);
assertSame<(typeof RATIOS)[number], Ratio>(true);
assertSame<ThingKind, '' | 'two words' | 'dotted.name' | 'dash-ed' | 'café' | "it's" | '3d' | 'UPPER'>(true);
assertSame<(typeof THING_KINDS)[number], ThingKind>(true);
assertSame<ListThingsPriority, 1 | 2 | 3>(true);`,
  responses: `
import type { CreateJobErrorResponse, CreateJobResponse, Error as ApiError, GetJobArchiveResponse, GetJobLogResponse, Job } from './generated/index.js';
assertSame<CreateJobResponse, Job | undefined>(true);
assertSame<CreateJobErrorResponse, ApiError>(true);
assertSame<GetJobLogResponse, string>(true);
assertSame<GetJobArchiveResponse, Blob>(true);`,
  'operation-names': `
import type { Class, DeleteResponse, GetUsers2Response, GetUsersByUserIdAvatarPngPathParams, StraE, WebResponse, WebResponse2, WebResponse3, _1stPlace, _2faVerifyQuery } from './generated/index.js';
assertSame<_2faVerifyQuery, { class?: string; 'user.name'?: string }>(true);
assertSame<GetUsersByUserIdAvatarPngPathParams, { 'user-id': string }>(true);
assertSame<WebResponse2, { fine?: boolean }>(true);
assertSame<WebResponse3, { ok?: boolean }>(true);
assertSame<Class, string>(true);
type Named = [WebResponse, _1stPlace, StraE, GetUsers2Response, DeleteResponse];`,
  'openapi3-composition': `
import type { Circle, Label, ListShapesCookies, Note, Shape, Square } from './generated/index.js';
assertSame<Shape, Circle | Square>(true);
assertSame<Label, string | number>(true);
assertSame<Note, { text: string | null }>(true);
assertSame<ListShapesCookies, { session: string }>(true);
const shape: Shape = { kind: 'circle', radius: 1 };
// @ts-expect-error the discriminator picks the variant: a circle has no side
const wrong: Shape = { kind: 'circle', side: 1 };`,
  'openapi31-type-arrays': `
import type { Record as RecordSchema } from './generated/index.js';
assertSame<RecordSchema, { id: string; score: number | null; version?: 1 }>(true);`,
};

/**
 * Compile-time assertions about the hooks of a few fixtures, type-checked in the same run as
 * TYPE_ASSERTIONS: what each hook takes (its arguments or the mutation's variables) and what its
 * data is, spelled out from the spec rather than from the generated names.
 */
const HOOK_ASSERTIONS: Record<string, string> = {
  'repeated-resources': `
import { invalidateAfterDeleteWidget, invalidateAfterDeleteWidgetV2, useDeleteWidget } from './generated/index.js';
// Both deletes take the widget's id, and their invalidations (sharing the key lists) take it too.
assertSame<Parameters<typeof invalidateAfterDeleteWidget>[0]['variables'], string>(true);
assertSame<Parameters<typeof invalidateAfterDeleteWidgetV2>[0]['variables'], string>(true);
const deleteWidget = () => useDeleteWidget();
// @ts-expect-error a widget's id is a string
const wrong = () => deleteWidget().mutate(1);`,
  refs: `
import { usePet, useListPets, useSuspensePet } from './generated/index.js';
assertSame<Parameters<typeof useListPets>[0], { limit?: number } | undefined>(true);
assertSame<Parameters<typeof usePet>[0], string>(true);
// Called, not just named: \`ReturnType<typeof useListPets>\` would see \`TData\` as unknown, not its default.
const listPets = () => useListPets();
const pet = () => usePet('P-1');
const suspensePet = () => useSuspensePet('P-1');
assertSame<ReturnType<typeof listPets>['data'], { id: string; name?: string }[] | undefined>(true);
assertSame<ReturnType<typeof pet>['data'], { id: string; name?: string } | undefined>(true);
assertSame<ReturnType<typeof suspensePet>['data'], { id: string; name?: string }>(true);
// @ts-expect-error a pet's id is a string
const byNumber = () => usePet(1);`,
  'form-data': `
import { useLogIn, useUploadFile } from './generated/index.js';
assertSame<Parameters<ReturnType<typeof useUploadFile>['mutate']>[0], { file: Blob; note?: string; tags?: string[] }>(true);
assertSame<Parameters<ReturnType<typeof useLogIn>['mutate']>[0], { user: string; remember?: boolean; scopes?: string[] }>(true);`,
  'collection-format': `
import { useListItems } from './generated/index.js';
assertSame<Parameters<typeof useListItems>[0], number[]>(true);
assertSame<
  Parameters<typeof useListItems>[1],
  { query?: { csv?: string[]; ssv?: string[]; tsv?: string[]; pipes?: string[]; multi?: ('a' | 'b')[]; plain?: string[] }; header?: { 'X-Tags'?: string[] } } | undefined
>(true);
const listItems = () => useListItems([1, 2]);
assertSame<ReturnType<typeof listItems>['data'], string[] | undefined>(true);`,
  'header-cookie-path-level-params': `
import { useDeleteNotes, useListNotes } from './generated/index.js';
assertSame<Parameters<typeof useListNotes>[1], { 'X-Trace': string; 'If-None-Match'?: string }>(true);
assertSame<Parameters<ReturnType<typeof useDeleteNotes>['mutate']>[0], { accountId: string; header?: { 'X-Trace'?: string } }>(true);
const listNotes = () => useListNotes('A-1', { 'X-Trace': 't' });
assertSame<ReturnType<typeof listNotes>['data'], string[] | undefined>(true);`,
  responses: `
import { useCreateJob, useJobArchive, useJobLog } from './generated/index.js';
const jobLog = () => useJobLog();
const jobArchive = () => useJobArchive();
assertSame<ReturnType<typeof jobLog>['data'], string | undefined>(true);
assertSame<ReturnType<typeof jobArchive>['data'], Blob | undefined>(true);
assertSame<Parameters<ReturnType<typeof useCreateJob>['mutate']>[0], void>(true);`,
};

const PREAMBLE = `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function assertSame<A, B>(same: Same<A, B>): void {
  void same;
}
`;

let root: string;
const outputs = new Map<string, FixtureOutput>();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-features-'));
  for (const file of readdirSync(FIXTURES).sort()) {
    const output = await generateFixture({ spec: path.join(FIXTURES, file), root });
    outputs.set(path.basename(file, '.yaml'), output);
  }
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function fixture(name: string): FixtureOutput {
  const output = outputs.get(name);
  if (!output) throw new Error(`fixture ${name} was not generated`);
  return output;
}

/** `{ name: { style, explode, delimiter } }` for an operation's parameters. */
function serialisationOf(output: FixtureOutput, id: string) {
  return Object.fromEntries(
    output
      .operation(id)
      .parameters.map((parameter) => [
        `${parameter.in}:${parameter.name}`,
        { style: parameter.style, explode: parameter.explode, delimiter: parameter.delimiter },
      ]),
  );
}

/** Every package folder the generator writes for a fixture. */
const PACKAGES = ['types', 'client', 'msw', 'react-query'] as const;
/** The diagnostics bucket for lines that name no package folder. */
const OTHER = '(other)';

describe('the generated packages of every feature fixture', () => {
  const diagnostics = new Map<string, string[]>();
  let result: TypeCheckResult;

  beforeAll(async () => {
    for (const [name, assertions] of Object.entries(TYPE_ASSERTIONS)) {
      writeFileSync(path.join(fixture(name).dir, 'types/src/feature-assertions.ts'), `${PREAMBLE}${assertions}\n`);
    }
    for (const [name, assertions] of Object.entries(HOOK_ASSERTIONS)) {
      writeFileSync(path.join(fixture(name).dir, 'react-query/src/hook-assertions.ts'), `${PREAMBLE}${assertions}\n`);
    }
    const names = [...outputs.keys()];
    const folders = names.flatMap((name) => PACKAGES.map((folder) => `${name}/${folder}`));
    result = await typeCheckPackages({
      root,
      scope: '@fixture',
      folders,
      paths: Object.fromEntries(names.map((name) => [`@${name}/*`, [`./${name}/*/src/index.ts`]])),
      maxLines: 10_000,
    });
    for (const line of result.output.split('\n').filter((text) => /error TS\d+/.test(text))) {
      const folder = line.split('/').slice(0, 2).join('/');
      // A diagnostic outside the packages (a bad compiler option, a missing lib) fails every package alike.
      const key = folders.includes(folder) ? folder : OTHER;
      diagnostics.set(key, [...(diagnostics.get(key) ?? []), line]);
    }
  }, 120_000);

  it('run tsc to completion with no diagnostics outside the package folders', () => {
    expect({ exitCode: result.exitCode, other: diagnostics.get(OTHER) ?? [] }).toStrictEqual({ exitCode: 0, other: [] });
  });

  it('have hook assertions only for fixtures that exist', () => {
    expect(Object.keys(HOOK_ASSERTIONS).filter((name) => !outputs.has(name))).toStrictEqual([]);
  });

  it('have type assertions written for every fixture', () => {
    expect(Object.keys(TYPE_ASSERTIONS).sort()).toStrictEqual([...outputs.keys()].sort());
  });

  it.each(Object.keys(TYPE_ASSERTIONS).sort())('%s: the types package type-checks strictly and its assertions hold', (name) => {
    expect(diagnostics.get(`${name}/types`) ?? []).toStrictEqual([]);
  });

  it.each(Object.keys(TYPE_ASSERTIONS).sort())('%s: the client package type-checks strictly', (name) => {
    expect(diagnostics.get(`${name}/client`) ?? []).toStrictEqual([]);
  });

  it.each(Object.keys(TYPE_ASSERTIONS).sort())('%s: the msw package type-checks strictly', (name) => {
    expect(diagnostics.get(`${name}/msw`) ?? []).toStrictEqual([]);
  });

  it.each(Object.keys(TYPE_ASSERTIONS).sort())('%s: the react-query package type-checks strictly, hook assertions included', (name) => {
    expect(diagnostics.get(`${name}/react-query`) ?? []).toStrictEqual([]);
  });
});

describe('collectionFormat', () => {
  it('becomes style, explode and the delimiter to join items with, tsv included', () => {
    expect(serialisationOf(fixture('collection-format'), 'listItems')).toStrictEqual({
      'path:ids': { style: 'simple', explode: false, delimiter: ',' },
      'query:csv': { style: 'form', explode: false, delimiter: ',' },
      'query:ssv': { style: 'spaceDelimited', explode: false, delimiter: ' ' },
      'query:tsv': { style: 'form', explode: false, delimiter: '\t' },
      'query:pipes': { style: 'pipeDelimited', explode: false, delimiter: '|' },
      'query:multi': { style: 'form', explode: true, delimiter: undefined },
      'query:plain': { style: 'form', explode: false, delimiter: ',' },
      'header:X-Tags': { style: 'simple', explode: false, delimiter: ',' },
    });
  });
});

describe('formData parameters', () => {
  it('become a multipart body with a binary file field, keeping collectionFormat as field encoding', () => {
    const body = fixture('form-data').operation('uploadFile').requestBody;
    expect(body?.required).toBe(true);
    expect(body?.contents.map((media) => media.mediaType)).toStrictEqual(['multipart/form-data']);
    expect(body?.contents[0]?.schema?.required).toStrictEqual(['file']);
    const properties = (body?.contents[0]?.schema?.properties ?? {}) as Record<string, unknown>;
    expect(properties.file).toStrictEqual({
      description: 'The file to upload',
      type: 'string',
      format: 'binary',
    });
    expect(body?.contents[0]?.encoding).toStrictEqual({ tags: { style: 'form', explode: true } });
  });

  it('become a urlencoded body when the operation consumes a form', () => {
    const body = fixture('form-data').operation('logIn').requestBody;
    expect(body?.contents.map((media) => media.mediaType)).toStrictEqual(['application/x-www-form-urlencoded']);
    expect(body?.contents[0]?.encoding).toStrictEqual({ scopes: { style: 'form', explode: false, delimiter: ',' } });
  });
});

describe('header and path-level parameters', () => {
  it('merge path-level parameters into every operation, letting an operation override one by name and location', () => {
    const output = fixture('header-cookie-path-level-params');
    const shape = (id: string) =>
      output.operation(id).parameters.map((parameter) => ({ name: parameter.name, in: parameter.in, required: parameter.required }));
    expect(shape('listNotes')).toStrictEqual([
      { name: 'accountId', in: 'path', required: true },
      { name: 'X-Trace', in: 'header', required: true },
      { name: 'If-None-Match', in: 'header', required: false },
    ]);
    expect(shape('deleteNotes')).toStrictEqual([
      { name: 'accountId', in: 'path', required: true },
      { name: 'X-Trace', in: 'header', required: false },
    ]);
  });
});

describe('hooks over a read keyed by more than its path', () => {
  it('let a delete of the same path remove every cached variant by the path prefix, whatever the required header was', () => {
    const mutations = fixture('header-cookie-path-level-params').read('react-query/src/generated/mutations.ts');
    expect(mutations.match(/removeCachedQueries\(\{ queryClient, filters: .*\);/g)).toStrictEqual([
      "removeCachedQueries({ queryClient, filters: [{ queryKey: ['fixture', 'default', 'listNotes', variables.accountId] }] });",
    ]);
  });
});

describe('$ref parameters and responses', () => {
  it('are resolved into the operation, headers included', () => {
    const getPet = fixture('refs').operation('getPet');
    expect(getPet.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toStrictEqual(['path:id']);
    expect(
      getPet.responses.map((response) => [response.status, response.description, response.headers.map((header) => header.name)]),
    ).toStrictEqual([
      ['200', 'a pet', ['ETag']],
      ['404', 'not found', []],
    ]);
    expect(fixture('refs').operation('listPets').parameters[0]?.schema).toStrictEqual({ type: 'integer', minimum: 1, maximum: 100 });
  });
});

describe('responses', () => {
  it('list every 2xx as a success and sort default last', () => {
    const createJob = fixture('responses').operation('createJob');
    expect(createJob.patterns.successStatuses).toStrictEqual(['200', '201', '202']);
    expect(createJob.responses.map((response) => response.status)).toStrictEqual(['200', '201', '202', 'default']);
  });

  it('mark binary downloads as binary, text ones as text and JSON ones as JSON', () => {
    const output = fixture('responses');
    expect(['getJobArchive', 'getJobLog', 'createJob'].map((id) => [id, output.operation(id).patterns.responseBody])).toStrictEqual([
      ['getJobArchive', 'binary'],
      ['getJobLog', 'text'],
      ['createJob', 'json'],
    ]);
    expect(output.operation('getJobLog').responses[0]?.contents.map((media) => media.mediaType)).toStrictEqual(['text/plain']);
  });

  it('mark JSON offered next to text/* as JSON that may come as those text types, and JSON next to YAML alone as JSON', () => {
    const output = fixture('responses');
    const read = (id: string) => [id, output.operation(id).patterns.responseBody, output.operation(id).patterns.textMediaTypes];
    expect(['getJobOutput', 'getJobReport', 'createJob'].map(read)).toStrictEqual([
      ['getJobOutput', 'json', ['text/plain']],
      ['getJobReport', 'json', ['text/csv']],
      ['createJob', 'json', undefined],
    ]);
  });
});

describe('enums', () => {
  it('are named and listed whatever their values', () => {
    expect(fixture('enums').model.enums.map((named) => [named.typeName, named.constName, named.values])).toStrictEqual([
      ['Ratio', 'RATIOS', [0.5, 1, 1.5]],
      ['ThingKind', 'THING_KINDS', ['', 'two words', 'dotted.name', 'dash-ed', 'café', "it's", '3d', 'UPPER']],
      ['ListThingsPriority', 'LIST_THINGS_PRIORITIES', [1, 2, 3]],
    ]);
  });
});

describe('operation and schema names', () => {
  it('derive stable names for operations without an operationId, never taking an explicit one', () => {
    const output = fixture('operation-names');
    expect(
      output.model.operations.map((operation) => [
        operation.method,
        operation.path,
        operation.id,
        operation.functionName,
        operation.typeName,
      ]),
    ).toStrictEqual([
      ['get', '/people', 'getUsers', 'getUsers', 'GetUsers'],
      ['get', '/users', 'getUsers2', 'getUsers2', 'GetUsers2'],
      ['post', '/users', 'delete', 'delete_', 'Delete'],
      ['get', '/users/{user-id}/avatar.png', 'getUsersByUserIdAvatarPng', 'getUsersByUserIdAvatarPng', 'GetUsersByUserIdAvatarPng'],
      ['get', '/v2/ünïcode', '2fa.verify', '_2faVerify', '_2faVerify'],
    ]);
  });

  it('keep deprecated and summary on the operation', () => {
    const listUsers = fixture('operation-names').operation('getUsers2');
    expect({ deprecated: listUsers.deprecated, summary: listUsers.summary }).toStrictEqual({
      deprecated: true,
      summary: 'Lists users (use /people)',
    });
  });

  it('give dotted, dashed, reserved, digit-first and non-ASCII schema names distinct identifiers', () => {
    expect(fixture('operation-names').model.schemas.map((schema) => [schema.name, schema.typeName])).toStrictEqual([
      ['1stPlace', '_1stPlace'],
      ['Stra_e', 'StraE'],
      ['WebResponse', 'WebResponse'],
      ['class', 'Class'],
      ['web-response', 'WebResponse2'],
      ['web.Response', 'WebResponse3'],
    ]);
  });
});
