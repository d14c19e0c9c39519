import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { generate } from '../../src/generate.js';
import { findSpecsDir } from '../support/repo.js';
import { sizeOfTree } from '../support/tree.js';
import { typeCheckPackages } from '../support/type-check.js';

const specsDir = findSpecsDir();
const specFiles = specsDir
  ? readdirSync(specsDir)
      .filter((file) => /\.(json|ya?ml)$/.test(file))
      .sort()
  : [];

interface CorpusRow {
  spec: string;
  operations: number;
  schemas: number;
  'generate (s)': string;
  'output (MB)': string;
  files: number;
  'tsc (s)': string;
  tsc: string;
}
const rows: CorpusRow[] = [];

afterAll(() => {
  if (rows.length > 0) {
    console.log('Real-world corpus: generation time, output size and strict type-check per spec');
    console.table(rows);
  }
});

/** `kubernetes-v1.36.swagger.json` → `Kubernetes`: each spec gets its own scope and product name. */
function productNameOf(file: string): string {
  const word = file.split(/[-.]/)[0] ?? 'Api';
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

describe.skipIf(specsDir === undefined)(`the real-world corpus in ${specsDir ?? '(absent)'}`, () => {
  it.each(specFiles)('generates every package for %s and they type-check under the strict settings', async (file) => {
    const out = mkdtempSync(path.join(tmpdir(), 'codegen-corpus-'));
    try {
      const name = productNameOf(file);
      const scope = `@${name.toLowerCase()}`;
      const config = resolveConfig({ config: { spec: path.join(specsDir as string, file), out, scope, name }, baseDir: out });
      const started = performance.now();
      const result = await generate({ config });
      const generateSeconds = (performance.now() - started) / 1000;
      const folders = [...new Set(result.plan.writes.map((write) => /^([^/]+)\/src\/generated\//.exec(write.path)?.[1]))]
        .filter((folder): folder is string => folder !== undefined)
        .sort();
      const bytes = sizeOfTree(out);
      const checkStarted = performance.now();
      const check = await typeCheckPackages({ root: out, scope, folders });
      rows.push({
        spec: file,
        operations: result.model.operations.length,
        schemas: result.model.schemas.length,
        'generate (s)': generateSeconds.toFixed(1),
        'output (MB)': (bytes / 1024 / 1024).toFixed(2),
        files: result.plan.writes.length,
        'tsc (s)': ((performance.now() - checkStarted) / 1000).toFixed(1),
        tsc: check.exitCode === 0 ? 'ok' : 'errors',
      });
      expect(folders).toContain('types');
      expect(check.output).toBe('');
      expect(check.exitCode).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

if (specsDir === undefined) {
  it.skip('the real-world corpus is skipped: no specs folder (set COMPLERO_SPECS_DIR or provide ../shared/specs next to the repository)', () => {});
}
