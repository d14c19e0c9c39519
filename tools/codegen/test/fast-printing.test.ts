import { existsSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures, StructureKind } from 'ts-morph';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PATTERNS } from '../src/config.js';
import {
  renderOpenApiTypeScript,
  renderOpenApiTypeScriptInWorker,
  transformBinaryToBlob,
  WORKER_MIN_OPERATIONS,
} from '../src/emit/openapi-types.js';
import { type EmitContext, printModule } from '../src/emit/shared.js';
import { emitTypes } from '../src/emit/types.js';
import { loadSpecFile } from '../src/load.js';
import { buildModel } from '../src/model/build-model.js';
import { upgradeToOpenApi3 } from '../src/upgrade.js';
import { validateSpec } from '../src/validate.js';
import { COMPLERO_CONTEXT } from './helpers/emit-context.js';
import { REPO_ROOT, SPEC_FILE } from './helpers/repo.js';

// Calls through to the real function; counted to tell which path the types emitter took.
vi.mock('../src/emit/openapi-types.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/emit/openapi-types.js')>();
  return { ...actual, renderOpenApiTypeScriptInWorker: vi.fn(actual.renderOpenApiTypeScriptInWorker) };
});

const SPECS_DIR = process.env.COMPLERO_SPECS_DIR ?? path.resolve(REPO_ROOT, '../shared/specs');
const REAL_SPECS = ['docker-engine-v1.56.swagger.yaml', 'argo-workflows-main-f016ad89.swagger.json'];

async function upgradedDocument(file: string) {
  const spec = await loadSpecFile({ path: file });
  const version = validateSpec({ spec });
  return upgradeToOpenApi3({ document: spec.document, version, file });
}

describe('renderOpenApiTypeScript (openapi-typescript without the Redocly lint/bundle pass)', () => {
  it('prints exactly what openapiTS() prints for the Complero spec', async () => {
    const document = await upgradedDocument(SPEC_FILE);
    const expected = astToString(
      await openapiTS(structuredClone(document) as never, { silent: true, transform: transformBinaryToBlob as never }),
    );
    expect(await renderOpenApiTypeScript(document)).toStrictEqual(expected);
  });

  it('leaves the document it is given untouched', async () => {
    const document = await upgradedDocument(SPEC_FILE);
    const before = structuredClone(document);
    await renderOpenApiTypeScript(document);
    expect(document).toStrictEqual(before);
  });

  for (const name of REAL_SPECS) {
    const file = path.join(SPECS_DIR, name);
    it.skipIf(!existsSync(file))(`prints exactly what openapiTS() prints for ${name} (skipped when ${SPECS_DIR} is absent)`, async () => {
      const document = await upgradedDocument(file);
      const expected = astToString(
        await openapiTS(structuredClone(document) as never, { silent: true, transform: transformBinaryToBlob as never }),
      );
      expect(await renderOpenApiTypeScript(document)).toStrictEqual(expected);
      expect(await renderOpenApiTypeScriptInWorker(document)).toStrictEqual(expected);
    });
  }
});

describe('renderOpenApiTypeScriptInWorker (large specs: openapi-typescript beside the other emitters)', () => {
  it('prints what the in-process transform prints, and leaves the document untouched', async () => {
    const document = await upgradedDocument(SPEC_FILE);
    const before = structuredClone(document);
    expect(await renderOpenApiTypeScriptInWorker(document)).toStrictEqual(await renderOpenApiTypeScript(document));
    expect(document).toStrictEqual(before);
  });

  it("rejects with the worker's own error, type and message intact", async () => {
    // Past validation this cannot happen; here it makes openapi-typescript throw inside the worker.
    const broken = { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a': { get: { parameters: 5 } } } };
    await expect(renderOpenApiTypeScriptInWorker(broken as never)).rejects.toThrow(TypeError);
    await expect(renderOpenApiTypeScriptInWorker(broken as never)).rejects.toThrow(/parameters.*not iterable/);
  });

  it(`is what the types emitter uses from ${WORKER_MIN_OPERATIONS} operations on, with the same output`, async () => {
    const document = await upgradedDocument(SPEC_FILE);
    const small = buildModel({ document, patterns: DEFAULT_PATTERNS });
    // The same API with its operations repeated under new paths and ids, past the threshold.
    const copies = Math.ceil(WORKER_MIN_OPERATIONS / small.operations.length);
    const large = structuredClone(document) as typeof document & { paths: Record<string, Record<string, { operationId?: string }>> };
    for (let copy = 1; copy < copies; copy++) {
      for (const [route, item] of Object.entries(document.paths ?? {})) {
        const cloned = structuredClone(item) as Record<string, { operationId?: string }>;
        for (const operation of Object.values(cloned)) {
          if (operation && typeof operation === 'object' && operation.operationId) operation.operationId += `Copy${copy}`;
        }
        large.paths[`/copy${copy}${route}`] = cloned;
      }
    }
    const model = buildModel({ document: large, patterns: DEFAULT_PATTERNS });
    expect(model.operations.length).toBeGreaterThanOrEqual(WORKER_MIN_OPERATIONS);
    const inWorker = vi.mocked(renderOpenApiTypeScriptInWorker);
    inWorker.mockClear();
    await emitTypes({ model: small, document, context: COMPLERO_CONTEXT });
    expect(inWorker).not.toHaveBeenCalled();
    const files = await emitTypes({ model, document: large, context: COMPLERO_CONTEXT });
    expect(inWorker).toHaveBeenCalledOnce();
    const openapi = files.find((file) => file.path.endsWith('/openapi.ts'));
    expect(openapi?.content).toContain(await renderOpenApiTypeScript(large));
    expect(openapi?.content).toContain('"/copy1/ping"');
  });
});

describe('printModule', () => {
  const context: EmitContext = {
    scope: '@acme',
    name: 'Acme',
    baseUrl: 'http://localhost',
    specName: 'acme.yaml',
    specSha256: 'x',
    requestIdHeader: 'Request-Id',
  };

  it('prints the same text as a ts-morph source file built from the same structures', () => {
    const statements: StatementStructures[] = [
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './openapi.js', namedImports: ['paths'] },
      { kind: StructureKind.TypeAlias, isExported: true, name: 'Pet', type: "paths['/pets']", docs: [{ description: 'A pet.' }] },
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: 'PetHeaders',
        properties: [{ name: "'Request-Id'", type: 'string', hasQuestionToken: true, docs: [{ description: 'The id.' }] }],
      },
    ];
    // The reference: ts-morph's own source-file printing with the generator's fixed settings.
    const project = new Project({
      useInMemoryFileSystem: true,
      skipLoadingLibFiles: true,
      manipulationSettings: {
        indentationText: IndentationText.TwoSpaces,
        newLineKind: NewLineKind.LineFeed,
        quoteKind: QuoteKind.Single,
        useTrailingCommas: true,
        insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
      },
    });
    const viaSourceFile = project.createSourceFile('/expected.ts', { statements }).getFullText();
    const printed = printModule({ path: 'pets.ts', statements, context }).content;
    expect(printed.slice(printed.indexOf('import type'))).toStrictEqual(
      viaSourceFile
        .replace(/;\n(?=(\/\*\*|export |import |type |const |interface ))/g, ';\n\n')
        .replace(/}\n(?=(\/\*\*|export |type |const |interface ))/g, '}\n\n'),
    );
  });
});
