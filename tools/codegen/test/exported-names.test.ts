import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitClient } from '../src/emit/client.js';
import { emitMsw } from '../src/emit/msw.js';
import { emitReactQuery } from '../src/emit/react-query.js';
import { type PlannedFile, printModule } from '../src/emit/shared.js';
import { StructureKind, VariableDeclarationKind } from '../src/emit/ts-morph.js';
import { COMPLERO_CONTEXT } from './helpers/emit-context.js';
import { buildComplero } from './helpers/model.js';

const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

const context = COMPLERO_CONTEXT;

/** The names a module's text exports, as the TypeScript parser sees them. */
function parseExportedNames(text: string): string[] {
  const source = ts.createSourceFile('module.ts', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  return source.statements.flatMap((statement) => {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return [];
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.map((declaration) => declaration.name.getText(source));
    return 'name' in statement && statement.name ? [(statement.name as TypeScript.Identifier).text] : [];
  });
}

let files: PlannedFile[];

beforeAll(async () => {
  const model = await buildComplero();
  files = [...emitClient({ model, context }), ...emitMsw({ model, context }), ...emitReactQuery({ model, context })];
});

describe('exported names of printed modules', () => {
  it('are what parsing the text finds, for every generated module that states them', () => {
    const stated = files.filter((file) => file.exportedNames !== undefined);
    expect(stated.length).toBeGreaterThan(5);
    for (const file of stated)
      expect([...(file.exportedNames ?? [])].sort(), file.path).toStrictEqual(parseExportedNames(file.content).sort());
  });

  it('are left to the parser when a statement is given as text', () => {
    const printed = printModule({ path: 'index.ts', statements: ["export * from './a.js';"], context });
    expect(printed.exportedNames).toBeUndefined();
  });

  it('leave out what is not exported and list every declaration of a variable statement', () => {
    const printed = printModule({
      path: 'names.ts',
      statements: [
        { kind: StructureKind.ImportDeclaration, moduleSpecifier: './a.js', namedImports: ['A'] },
        { kind: StructureKind.TypeAlias, name: 'Hidden', type: 'string' },
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          declarations: [
            { name: 'one', initializer: '1' },
            { name: 'two', initializer: '2' },
          ],
        },
        { kind: StructureKind.Interface, name: 'Shown', isExported: true },
      ],
      context,
    });
    expect(printed.exportedNames).toStrictEqual(['one', 'two', 'Shown']);
    expect(parseExportedNames(printed.content)).toStrictEqual(['one', 'two', 'Shown']);
  });
});
