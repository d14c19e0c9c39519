import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyPackages, makeTempDir, runCodegen, snapshotTree } from './helpers/repo.js';

let temp: { dir: string; cleanup: () => Promise<void> };
let out: string;

beforeEach(async () => {
  temp = await makeTempDir('bad-input');
  out = await copyPackages(temp.dir);
});

afterEach(async () => {
  await temp.cleanup();
});

/**
 * Writes `text` as a spec, runs the generator on it, and checks that nothing under out/ changed.
 * `config` is the body of a codegen config written for that spec (the default config otherwise).
 */
async function generateFrom(options: { name: string; text: string; config?: string }) {
  const spec = path.join(temp.dir, options.name);
  await writeFile(spec, options.text);
  const configArgs: string[] = [];
  if (options.config) {
    const configFile = path.join(temp.dir, 'codegen.config.ts');
    await writeFile(configFile, `export default { spec: './${options.name}', ${options.config} };\n`);
    configArgs.push('--config', configFile);
  }
  const before = await snapshotTree(out);
  const result = await runCodegen(['generate', ...configArgs, '--spec', spec, '--out', out]);
  expect(await snapshotTree(out)).toStrictEqual(before);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  return { ...result, spec };
}

const VALID_HEAD = `swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\n`;

describe('bad input', () => {
  it('reports an unreadable spec file', async () => {
    const missing = path.join(temp.dir, 'nope.yaml');
    const before = await snapshotTree(out);
    const result = await runCodegen(['generate', '--spec', missing, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `complero-codegen: error: ${missing}: cannot read the spec file (ENOENT)\n  hint: check the path given by --spec or the \`spec\` field of the codegen config\n`,
    );
    expect(await snapshotTree(out)).toStrictEqual(before);
  });

  it('reports a YAML syntax error with file and line:col', async () => {
    const { stderr, spec } = await generateFrom({ name: 'broken.yaml', text: `${VALID_HEAD}paths:\n  /a:\n    get: [unclosed\n` });
    expect(stderr).toBe(
      `complero-codegen: error: ${spec}:8:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n`,
    );
  });

  it('reports a JSON syntax error with file and line:col', async () => {
    const { stderr, spec } = await generateFrom({ name: 'broken.json', text: '{\n  "swagger": "2.0",\n  "info": { "title": "T" \n}' });
    expect(stderr).toBe(`complero-codegen: error: ${spec}:4:2: JSON syntax error: Expected ',' or '}' after property value\n`);
  });

  it('refuses a document that is neither Swagger 2.0 nor OpenAPI 3.x', async () => {
    const { stderr, spec } = await generateFrom({ name: 'old.yaml', text: `swagger: '1.2'\ninfo:\n  title: T\n` });
    expect(stderr).toBe(
      `complero-codegen: error: ${spec}:1:10 at #/swagger: not a Swagger 2.0 or OpenAPI 3.x document: found swagger: "1.2"\n` +
        '  hint: expected `swagger: "2.0"`, or `openapi: 3.0.x` / `3.1.x`\n',
    );
  });

  it('names a dangling $ref by its JSON pointer and line', async () => {
    const text = `${VALID_HEAD}paths:\n  /a:\n    get:\n      operationId: A\n      responses:\n        '200':\n          description: ok\n          schema:\n            $ref: '#/definitions/Missing'\n`;
    const { stderr, spec } = await generateFrom({ name: 'dangling.yaml', text });
    expect(stderr).toBe(
      `complero-codegen: error: ${spec}:13:19 at #/paths/~1a/get/responses/200/schema/$ref: invalid spec: $ref "#/definitions/Missing" points at nothing: no such path in the document\n`,
    );
  });

  it('refuses duplicate operationIds, naming both places', async () => {
    const operation = (id: string) => `    get:\n      operationId: ${id}\n      responses:\n        '200':\n          description: ok\n`;
    const text = `${VALID_HEAD}paths:\n  /a:\n${operation('Same')}  /b:\n${operation('Same')}`;
    const { stderr, spec } = await generateFrom({ name: 'duplicate.yaml', text });
    expect(stderr).toBe(
      `complero-codegen: error: ${spec}:14:20 at #/paths/~1b/get/operationId: invalid spec: duplicate operationId "Same" (first used at #/paths/~1a/get/operationId)\n` +
        '  hint: every operationId must be unique; rename one of them\n',
    );
  });

  it('refuses operations without operationId when the config of that spec requires them, giving the hint once', async () => {
    const get = `    get:\n      responses:\n        '200':\n          description: ok\n`;
    const text = `${VALID_HEAD}paths:\n  /a:\n${get}  /b:\n${get}`;
    const config = "out: './sdk', scope: '@anon', name: 'Anon', requireOperationIds: true";
    const { stderr, spec } = await generateFrom({ name: 'anonymous.yaml', text, config });
    expect(stderr).toBe(
      `complero-codegen: error: ${spec}:8:7 at #/paths/~1a/get: invalid spec: GET /a has no operationId\n` +
        '1 more problem:\n' +
        `  - ${spec}:13:7 at #/paths/~1b/get: GET /b has no operationId\n` +
        '  hint: add an operationId, or set `requireOperationIds: false` in the codegen config to derive names from the method and path\n',
    );
  });

  it('refuses an empty document', async () => {
    const { stderr, spec } = await generateFrom({ name: 'empty.yaml', text: '  \n\n' });
    expect(stderr).toBe(
      `complero-codegen: error: ${spec}: the document is empty\n  hint: expected a Swagger 2.0 or OpenAPI 3.x document in YAML or JSON\n`,
    );
  });
});
