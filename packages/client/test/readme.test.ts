import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** Every ```ts block, with the README line it starts on. */
function extractBlocks(markdown: string): { line: number; code: string }[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => ({
    line: markdown.slice(0, match.index).split('\n').length,
    code: match[1] ?? '',
  }));
}

// Blocks after "Usage" use the `complero` client it creates; those that make their own get nothing added.
const PRELUDE =
  "import { createCompleroClient as createReadmeClient } from '@complero/client';\nconst complero = createReadmeClient({ apiKey: 'key' });\n";

describe('README', () => {
  const blocks = extractBlocks(readme);

  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(8);
  });

  it('has examples that all compile against the package', () => {
    const dir = path.join(root, '.readme-check');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    try {
      const files = blocks.map((block, index) => {
        const file = path.join(dir, `block-${index}.mts`);
        const prelude = /\bconst complero\b/.test(block.code) ? '' : PRELUDE;
        writeFileSync(file, `${prelude}${block.code}\nexport {};\n`);
        return { file, line: block.line };
      });
      const program = ts.createProgram(
        files.map((entry) => entry.file),
        {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
          lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
          types: ['node'],
          noUnusedLocals: false,
          paths: { '@complero/client': [path.join(root, 'src/index.ts')] },
        },
      );
      const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const entry = files.find((candidate) => candidate.file === diagnostic.file?.fileName);
        return `README block at line ${entry?.line ?? '?'}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
      expect(problems).toStrictEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A whole type-check of the package: seconds, not milliseconds, on a busy machine.
  }, 120_000);
});
