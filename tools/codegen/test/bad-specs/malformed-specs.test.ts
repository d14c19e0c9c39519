import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT } from '../support/repo.js';
import { snapshotTree } from '../support/tree.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A malformed spec, what the error must say, and where (the text right after the file name). */
interface BadSpec {
  readonly file: string;
  readonly where: string;
  readonly says: string;
}

const FIXTURE_CASES: readonly BadSpec[] = [
  { file: 'yaml-syntax-error.yaml', where: ':5:3', says: 'YAML syntax error: Flow map in block collection' },
  { file: 'json-syntax-error.json', where: ':5:76', says: 'JSON syntax error: Expected double-quoted property name' },
  { file: 'json-trailing-garbage.json', where: ':2:1', says: 'JSON syntax error: Unexpected non-whitespace character after JSON' },
  { file: 'duplicate-yaml-keys.yaml', where: ':9:3', says: 'YAML syntax error: Map keys must be unique' },
  { file: 'yaml-bomb.yaml', where: ':3:8', says: 'YAML could not be expanded: Excessive alias count' },
  { file: 'empty.yaml', where: ':1:1', says: 'the document is empty' },
  { file: 'scalar-document.yaml', where: ':1:1', says: 'the document is a string, not a mapping' },
  { file: 'list-document.json', where: ':1:1', says: 'the document is a list, not a mapping' },
  { file: 'wrong-version.yaml', where: ':2:10 at #/swagger', says: 'not a Swagger 2.0 or OpenAPI 3.x document: found swagger: "1.2"' },
  { file: 'unquoted-version.yaml', where: ':2:10 at #/swagger', says: 'quote the version' },
  { file: 'openapi-4.yaml', where: ':2:10 at #/openapi', says: 'found openapi: "4.0.0"' },
  { file: 'no-version.yaml', where: ':2:1 at #', says: 'found neither a `swagger` nor an `openapi` field' },
  {
    file: 'dangling-ref.yaml',
    where: ':12:19 at #/paths/~1pets/get/responses/200/schema/$ref',
    says: '$ref "#/definitions/Pett" points at nothing',
  },
  {
    file: 'external-file-ref.yaml',
    where: ':12:19 at #/paths/~1pets/get/responses/200/schema/$ref',
    says: 'external $ref "./common.yaml#/definitions/Pet" is not supported',
  },
  {
    file: 'external-url-ref.yaml',
    where: ':14:23 at #/paths/~1pets/get/responses/200/content/application~1json/schema/$ref',
    says: 'external $ref "https://schemas.invalid/pet.json" is not supported',
  },
  {
    file: 'ref-cycle.yaml',
    where: ':12:19 at #/paths/~1pets/get/responses/200/schema/$ref',
    says: 'it is a cycle of references (#/definitions/A → #/definitions/B → #/definitions/A)',
  },
  {
    file: 'malformed-ref-pointer.yaml',
    where: ':12:19 at #/paths/~1pets/get/responses/200/schema/$ref',
    says: 'is not a valid JSON pointer',
  },
  {
    file: 'duplicate-operation-id.yaml',
    where: ':11:20 at #/paths/~1animals/get/operationId',
    says: 'duplicate operationId "listPets" (first used at #/paths/~1pets/get/operationId)',
  },
  {
    file: 'invalid-parameter-location.yaml',
    where: ':9:32 at #/paths/~1pets/get/parameters/0/in',
    says: 'parameter "session" has `in: cookie`, expected one of query, header, path, formData, body',
  },
  {
    file: 'body-parameter-in-openapi3.yaml',
    where: ':9:28 at #/paths/~1pets/post/parameters/0/in',
    says: 'parameter "pet" has `in: body`, expected one of query, header, path, cookie',
  },
  {
    file: 'path-parameter-not-in-path.yaml',
    where: ':9:19 at #/paths/~1pets/get/parameters/0/name',
    says: 'path parameter "petId" does not appear in the path "/pets"',
  },
  {
    file: 'path-template-undeclared.yaml',
    where: ':6:5 at #/paths/~1pets~1{petId}',
    says: 'has {petId} but no path parameter named "petId" is declared',
  },
  {
    file: 'two-body-parameters.yaml',
    where: ':10:11 at #/paths/~1pets/post/parameters/1',
    says: 'a second body parameter "owner"',
  },
  { file: 'missing-info.yaml', where: ':2:1 at #', says: 'missing required property "info"' },
  { file: 'missing-responses.yaml', where: ':7:7 at #/paths/~1pets/get', says: 'missing required property "responses"' },
  {
    file: 'invalid-schema-type.yaml',
    where: ':9:21 at #/definitions/Pet/properties/name/type',
    says: 'must be equal to one of the allowed values',
  },
  { file: 'paths-is-a-list.yaml', where: ':5:3 at #/paths', says: '`paths` must be a mapping' },
];

let scratch: string;
let out: string;
let before: Record<string, string>;

/** Specs that are built here rather than committed: binary bytes, sheer size, runaway nesting. */
const GENERATED_CASES: readonly (BadSpec & { readonly content: () => string | Buffer })[] = [
  {
    file: 'latin-1.yaml',
    where: ':3:13',
    says: 'the document is not valid UTF-8 (byte 0xe9 at offset 33)',
    content: () =>
      Buffer.concat([
        Buffer.from('swagger: "2.0"\ninfo:\n  title: Caf'),
        Buffer.from([0xe9]),
        Buffer.from('\n  version: "1"\npaths: {}\n'),
      ]),
  },
  {
    file: 'fifty-megabytes.yaml',
    where: ': ',
    says: 'the document is 52428872 bytes, more than the limit of 33554432 bytes',
    content: () => `swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\nx-padding: "${'x'.repeat(50 * 1024 * 1024)}"\n`,
  },
  {
    file: 'deep-nesting.json',
    where: ' at #/x-deep/0',
    says: 'the document is nested more than 256 levels deep',
    content: () => `{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{},"x-deep":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
  },
];

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'codegen-bad-specs-'));
  // A copy of this repository's packages folder stands in for the output tree.
  out = path.join(scratch, 'packages');
  cpSync(path.join(REPO_ROOT, 'packages'), out, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)$/.test(source),
  });
  for (const spec of GENERATED_CASES) writeFileSync(path.join(scratch, spec.file), spec.content());
  before = snapshotTree(out);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function runGenerate(spec: string) {
  return spawnSync(process.execPath, [CLI, 'generate', '--spec', spec, '--out', out], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    // Nothing may hang: a case that is still running after this is a failure.
    timeout: 20_000,
  });
}

describe('complero-codegen generate on a malformed spec', () => {
  it.each([
    ...FIXTURE_CASES.map((spec) => ({ ...spec, path: () => path.join(FIXTURES, spec.file) })),
    ...GENERATED_CASES.map((spec) => ({ ...spec, path: () => path.join(scratch, spec.file) })),
  ])('exits 1 for $file, naming the file and where ("$where"), and leaves the output tree untouched', (spec) => {
    const file = spec.path();
    const run = runGenerate(file);
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`complero-codegen: error: ${file}${spec.where}`);
    expect(run.stderr).toContain(spec.says);
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(1);
    expect(snapshotTree(out)).toStrictEqual(before);
  });

  it('exits 1 naming the path when the spec file does not exist', () => {
    const file = path.join(scratch, 'no-such-spec.yaml');
    const run = runGenerate(file);
    expect(run.stderr).toContain(`complero-codegen: error: ${file}: cannot read the spec file (ENOENT)`);
    expect(run.status).toBe(1);
    expect(snapshotTree(out)).toStrictEqual(before);
  });

  it('covers at least twenty malformed specs', () => {
    expect(FIXTURE_CASES.length + GENERATED_CASES.length).toBeGreaterThanOrEqual(20);
  });
});
