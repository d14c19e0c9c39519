import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadTsMorph, loadTypeScript } from '../src/typescript.js';

describe('one TypeScript compiler per run', () => {
  it("makes ts-morph use the typescript package openapi-typescript loads, not ts-morph's bundled copy", () => {
    const morph = loadTsMorph();
    const ts = loadTypeScript();
    // ts-morph re-exports the compiler through a namespace object; its functions are the compiler's.
    expect(morph.ts.createSourceFile).toBe(ts.createSourceFile);
    expect(morph.ts.factory).toBe(ts.factory);
    // And that is the module openapi-typescript gets when it requires 'typescript'.
    const fromOpenApiTypeScript = createRequire(createRequire(import.meta.url).resolve('openapi-typescript/dist/lib/ts.cjs'))('typescript');
    expect(fromOpenApiTypeScript).toBe(ts);
  });

  it('still prints structures', () => {
    const { printStructure, StructureKind } = loadTsMorph();
    expect(printStructure({ kind: StructureKind.TypeAlias, name: 'Id', type: 'string', isExported: true })).toBe(
      'export type Id = string;',
    );
  });
});
