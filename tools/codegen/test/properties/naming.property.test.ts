import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createNameScope, isValidPropertyName, toCamelCase, toPascalCase, toSafeIdentifier } from '../../src/model/naming.js';

/** Names as specs spell them: ASCII soup, dotted/dashed paths, and arbitrary Unicode. */
const rawName = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'aZ09._- $/{}~é²½ßİ'.split('')) }),
  fc.constantFrom('class', 'delete', 'default', 'Error', '__proto__', 'constructor', '', '123', 'web.Response', 'web-response'),
);

/** The names the model hands out: a type name per entry, and a function name per entry. */
function allocate(names: readonly string[]) {
  const types = createNameScope();
  const functions = createNameScope();
  return names.map((name) => ({ type: types(toPascalCase(name)), fn: toSafeIdentifier(functions(toCamelCase(name))) }));
}

/** Syntax errors TypeScript reports for these lines of code. */
function declarationErrors(lines: readonly string[]): string[] {
  const source = lines.join('\n');
  const { diagnostics = [] } = ts.transpileModule(source, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('the naming module, on any list of names', () => {
  it('hands out identifiers TypeScript accepts as function and type names', () => {
    fc.assert(
      fc.property(fc.array(rawName, { maxLength: 30 }), (names) => {
        const allocated = allocate(names);
        expect(declarationErrors(allocated.map(({ type, fn }) => `export function ${fn}() {}\nexport type ${type} = 1;`))).toStrictEqual(
          [],
        );
        // Each is one token: nothing TypeScript would read as `a.b`, `a-b` or two words.
        for (const { type, fn } of allocated) expect([type, fn].every((name) => /^[^\s.\-+*/]+$/u.test(name))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never gives two names the same identifier, even ignoring case', () => {
    fc.assert(
      fc.property(fc.array(rawName, { maxLength: 30 }), (names) => {
        const allocated = allocate(names);
        expect(new Set(allocated.map(({ type }) => type.toLowerCase())).size).toBe(names.length);
        expect(new Set(allocated.map(({ fn }) => fn.toLowerCase())).size).toBe(names.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: the same names in the same order always get the same identifiers', () => {
    fc.assert(
      fc.property(fc.array(rawName, { maxLength: 30 }), (names) => {
        expect(allocate(names)).toStrictEqual(allocate([...names]));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the identifiers of earlier names when more names are added after them', () => {
    fc.assert(
      fc.property(fc.array(rawName, { maxLength: 20 }), fc.array(rawName, { maxLength: 10 }), (names, more) => {
        expect(allocate([...names, ...more]).slice(0, names.length)).toStrictEqual(allocate(names));
      }),
      { numRuns: 200 },
    );
  });

  it('only calls a property name unquotable when TypeScript agrees', () => {
    fc.assert(
      fc.property(rawName, (name) => {
        if (isValidPropertyName(name)) expect(declarationErrors([`export const value = { ${name}: 1 };`]), name).toStrictEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
