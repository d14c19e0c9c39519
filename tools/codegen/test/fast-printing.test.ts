import { existsSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  type StatementStructures,
  StructureKind,
  VariableDeclarationKind,
} from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { renderOpenApiTypeScript, renderOpenApiTypeScriptInWorker, transformBinaryToBlob } from '../src/emit/openapi-types.js';
import { type EmitContext, printModule, verbatim } from '../src/emit/shared.js';
import { loadSpecFile } from '../src/load.js';
import { loadTypeScript } from '../src/typescript.js';
import { upgradeToOpenApi3 } from '../src/upgrade.js';
import { validateSpec } from '../src/validate.js';
import { REPO_ROOT, SPEC_FILE } from './helpers/repo.js';

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

  describe('verbatim initializers', () => {
    const data = JSON.stringify({ id: 'Ping', path: '/ping', "it's": ['a // b', '/* c */', '`d`'], nested: { deep: [1, 2] } }, null, 2);
    const constant = (name: string, initializer: string | ReturnType<typeof verbatim>, description = 'Data.') =>
      ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [{ description }],
        declarations: [{ name, type: 'Record<string, unknown>', initializer }],
      }) satisfies StatementStructures;
    const body = (content: string) => content.slice(content.indexOf('/**'));

    it('are printed exactly as given at the top level, and the module parses to the same data', () => {
      const printed = body(
        printModule({ path: 'data.ts', statements: [constant('first', verbatim(data)), constant('second', verbatim('[]'))], context })
          .content,
      );
      expect(printed).toBe(
        `/** Data. */\nexport const first: Record<string, unknown> = ${data};\n\n/** Data. */\nexport const second: Record<string, unknown> = [];\n`,
      );
      const js = loadTypeScript().transpileModule(printed, { compilerOptions: { module: 99 } }).outputText;
      expect(new Function(`${js.replace(/export /g, '')}; return first;`)()).toStrictEqual(JSON.parse(data));
    });

    it('differ from the ordinary printing only in the indentation of their later lines', () => {
      const fast = body(printModule({ path: 'a.ts', statements: [constant('first', verbatim(data))], context }).content);
      const ordinary = body(printModule({ path: 'b.ts', statements: [constant('first', data)], context }).content);
      expect(ordinary).not.toBe(fast);
      expect(ordinary.replace(/\n +/g, '\n')).toBe(fast.replace(/\n +/g, '\n'));
    });

    it('go through the writer anywhere but a top-level const', () => {
      const nested: StatementStructures = {
        kind: StructureKind.Function,
        name: 'make',
        statements: [constant('inner', verbatim(data)) as never],
      };
      const ordinary: StatementStructures = { ...nested, statements: [constant('inner', data) as never] };
      expect(printModule({ path: 'a.ts', statements: [nested], context }).content).toBe(
        printModule({ path: 'a.ts', statements: [ordinary], context }).content,
      );
    });

    it('fall back to the ordinary printing when a NUL from the spec could be taken for a marker', () => {
      const hostile = 'Says \u00000\u0000 in its description.';
      const printed = printModule({ path: 'a.ts', statements: [constant('first', verbatim(data), hostile)], context }).content;
      expect(printed).toBe(printModule({ path: 'a.ts', statements: [constant('first', data, hostile)], context }).content);
      expect(printed).toContain(hostile);
    });
  });
});
