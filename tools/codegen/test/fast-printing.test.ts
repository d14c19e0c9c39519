import { existsSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures, StructureKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { renderOpenApiTypeScript, renderOpenApiTypeScriptInWorker, transformBinaryToBlob } from '../src/emit/openapi-types.js';
import { type EmitContext, printModule } from '../src/emit/shared.js';
import { loadSpecFile } from '../src/load.js';
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
});
