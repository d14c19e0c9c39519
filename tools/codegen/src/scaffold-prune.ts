import path from 'node:path';
import type * as TypeScript from 'typescript';
import type { PlannedFile } from './emit/shared.js';
import { loadTypeScript } from './typescript.js';

/**
 * Retargeting a template package to another API works for its spec-independent code, but some
 * hand-written files use the template API's own types (`Contact`, `getEventsOperation`, …) which
 * another API does not have. This keeps the hand-written files whose every import is satisfied by
 * the new output, drops the others (and whatever imports them), and trims each package's
 * `src/index.ts` down to the exports that still exist — so the result type-checks on its own.
 *
 * `files` is everything the run will put on disk (generated and scaffolded); `handWritten` names
 * the scaffolded files that may be dropped or trimmed. Returns the scaffold files to keep.
 */
export function pruneUnportableFiles(options: {
  files: readonly PlannedFile[];
  handWritten: readonly PlannedFile[];
  scope: string;
}): PlannedFile[] {
  const ts = loadTypeScript();
  const byPath = new Map(options.files.map((file) => [file.path, file.content]));
  const declared = new Map(options.files.flatMap((file) => (file.exportedNames ? [[file.path, file.exportedNames] as const] : [])));
  const handWritten = new Map(options.handWritten.map((file) => [file.path, file.content]));
  const kept = new Set(handWritten.keys());
  const parsed = new Map<string, TypeScript.SourceFile>();
  const parse = (file: string): TypeScript.SourceFile => {
    let source = parsed.get(file);
    if (!source) {
      // Only imports and exports are read: skipping JSDoc halves the parse of megabytes of generated code.
      const settings = { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
      source = ts.createSourceFile(file, byPath.get(file) ?? '', settings, false, ts.ScriptKind.TS);
      parsed.set(file, source);
    }
    return source;
  };
  const exists = (file: string) => byPath.has(file) && (!handWritten.has(file) || kept.has(file));
  const resolve = (from: string, specifier: string): string | undefined => {
    if (specifier.startsWith(`${options.scope}/`)) return `${specifier.slice(options.scope.length + 1)}/src/index.ts`;
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, '');
    return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(exists) ?? `${base}.ts`;
  };
  const isIndex = (file: string) => /^[^/]+\/src\/index\.ts$/.test(file) && handWritten.has(file);

  /** Names a module exports, following `export * from` (index files counted as trimmed). */
  const exportsOf = (file: string, seen: Set<string>): Set<string> => {
    const names = new Set<string>();
    if (!exists(file) || seen.has(file)) return names;
    seen.add(file);
    const known = declared.get(file);
    if (known) return new Set(known);
    for (const statement of parse(file).statements) {
      if (ts.isExportDeclaration(statement)) {
        const specifier =
          statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        const target = specifier ? resolve(file, specifier) : undefined;
        if (isIndex(file) && specifier && target && !exists(target)) continue;
        if (!statement.exportClause) {
          if (target) for (const name of exportsOf(target, seen)) names.add(name);
        } else if (ts.isNamespaceExport(statement.exportClause)) {
          names.add(statement.exportClause.name.text);
        } else {
          const available = target && isIndex(file) ? exportsOf(target, new Set(seen)) : undefined;
          for (const element of statement.exportClause.elements) {
            const original = (element.propertyName ?? element.name).text;
            if (!available || available.has(original)) names.add(element.name.text);
          }
        }
        continue;
      }
      const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
      if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
        }
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as TypeScript.Node)) {
        names.add((statement.name as TypeScript.Identifier).text);
      }
    }
    return names;
  };

  /** True when every module this file imports exists and exports every name it imports. */
  const isSatisfied = (file: string): boolean => {
    for (const statement of parse(file).statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      const target = resolve(file, specifier.text);
      if (target === undefined) continue;
      if (!exists(target)) return false;
      const wanted = ts.isImportDeclaration(statement)
        ? statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)
          ? statement.importClause.namedBindings.elements.map((element) => (element.propertyName ?? element.name).text)
          : []
        : statement.exportClause && ts.isNamedExports(statement.exportClause)
          ? statement.exportClause.elements.map((element) => (element.propertyName ?? element.name).text)
          : [];
      if (wanted.length === 0) continue;
      const available = exportsOf(target, new Set());
      if (!wanted.every((name) => available.has(name))) return false;
    }
    return true;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const file of [...kept]) {
      if (!/\.tsx?$/.test(file) || isIndex(file)) continue;
      if (!isSatisfied(file)) {
        kept.delete(file);
        changed = true;
      }
    }
  }
  return options.handWritten
    .filter((file) => kept.has(file.path))
    .map((file) => (isIndex(file.path) ? { path: file.path, content: trimIndex({ ts, file, resolve, exists, exportsOf }) } : file));
}

/** Drops the index's re-exports of modules that are gone and of names those modules do not export. */
function trimIndex(options: {
  ts: typeof import('typescript');
  file: PlannedFile;
  resolve: (from: string, specifier: string) => string | undefined;
  exists: (file: string) => boolean;
  exportsOf: (file: string, seen: Set<string>) => Set<string>;
}): string {
  const { ts, file } = options;
  const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  let text = file.content;
  // Edit from the end so earlier offsets stay valid.
  for (const statement of [...source.statements].reverse()) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = options.resolve(file.path, statement.moduleSpecifier.text);
    if (target === undefined) continue;
    let replacement: string | undefined;
    if (!options.exists(target)) {
      replacement = '';
    } else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const available = options.exportsOf(target, new Set());
      const elements = statement.exportClause.elements.filter((element) => available.has((element.propertyName ?? element.name).text));
      if (elements.length === statement.exportClause.elements.length) continue;
      replacement =
        elements.length === 0
          ? ''
          : printer.printNode(
              ts.EmitHint.Unspecified,
              ts.factory.updateExportDeclaration(
                statement,
                statement.modifiers,
                statement.isTypeOnly,
                ts.factory.createNamedExports(elements),
                statement.moduleSpecifier,
                statement.attributes,
              ),
              source,
            );
    } else {
      continue;
    }
    const start = statement.getStart(source);
    const end = text.charAt(statement.end) === '\n' && replacement === '' ? statement.end + 1 : statement.end;
    text = text.slice(0, start) + replacement + text.slice(end);
  }
  return text;
}
