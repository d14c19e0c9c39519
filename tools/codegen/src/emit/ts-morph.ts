import { loadTsMorph } from '../typescript.js';

// ts-morph is one CommonJS bundle of about 1 MB. Imported from ESM, Node first scans all of it for
// its named exports and its module syntax; `require` only compiles it (and loadTsMorph makes it
// share the generator's TypeScript). The emitters take its runtime values from here (types still
// come from 'ts-morph' with `import type`).
const tsMorph = loadTsMorph();

/** ts-morph's structure printer: source text from structures, with no AST in between. */
export const printStructure = tsMorph.printStructure;
/** The `kind` of every ts-morph structure. */
export const StructureKind = tsMorph.StructureKind;
/** `const`, `let` or `var` for a variable statement structure. */
export const VariableDeclarationKind = tsMorph.VariableDeclarationKind;
/** ts-morph's writer functions (object types, unions, …). */
export const Writers = tsMorph.Writers;
