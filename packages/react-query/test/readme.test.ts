import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every ```ts / ```tsx block of the README, as a module named after its position. */
async function readBlocks(): Promise<{ file: string; code: string }[]> {
  const readme = await readFile(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
  return [...readme.matchAll(/```(tsx?)\n([\s\S]*?)```/g)].map((match, index) => ({
    file: path.join(PACKAGE_DIR, 'test', `readme-block-${index + 1}.${match[1]}`),
    code: match[2] ?? '',
  }));
}

describe('the README', () => {
  it('has code blocks that all type-check against the package', async () => {
    const blocks = await readBlocks();
    expect(blocks.length).toBeGreaterThan(6);
    const config = ts.getParsedCommandLineOfConfigFile(path.join(PACKAGE_DIR, 'tsconfig.json'), {}, ts.sys as never);
    const options: ts.CompilerOptions = {
      ...config?.options,
      noEmit: true,
      baseUrl: PACKAGE_DIR,
      paths: { '@complero/react-query': ['./src/index.ts'] },
    };
    const host = ts.createCompilerHost(options);
    const virtual = new Map(blocks.map((block) => [block.file, block.code]));
    const readFileBase = host.readFile.bind(host);
    host.readFile = (file) => virtual.get(file) ?? readFileBase(file);
    const fileExistsBase = host.fileExists.bind(host);
    host.fileExists = (file) => virtual.has(file) || fileExistsBase(file);
    const getSourceFileBase = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language) => {
      const code = virtual.get(file);
      return code === undefined ? getSourceFileBase(file, language) : ts.createSourceFile(file, code, language, true);
    };
    const program = ts.createProgram([...virtual.keys()], options, host);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file && virtual.has(diagnostic.file.fileName))
      .map(
        (diagnostic) =>
          `${path.basename(diagnostic.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      );
    expect(problems).toStrictEqual([]);
  }, 60_000);
});
