import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
/** Every package folder the generator writes (one per emitter). */
const PACKAGES = ['client', 'msw', 'react-query', 'types'] as const;

interface CorpusRow {
  spec: string;
  operations: number;
  'generate (s)': string;
  'output (MB)': string;
  'tsc (s)': string;
  client: string;
  msw: string;
  'react-query': string;
  types: string;
}
const rows: CorpusRow[] = [];

afterAll(() => {
  if (rows.length > 0) {
    console.log('Real-world corpus: generation time, output size and strict type-check (errors per package) per spec');
    console.table(rows);
  }
});

/** `kubernetes-v1.36.swagger.json` → `Kubernetes`: each spec gets its own scope and product name. */
function productNameOf(file: string): string {
  const word = file.split(/[-.]/)[0] ?? 'Api';
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** The bucket for diagnostics that name no package folder (a bad compiler option, a missing lib). */
const OTHER = '(other)';

describe.skipIf(specsDir === undefined).each(specFiles)('the real-world spec %s', (file) => {
  const errorsByPackage = new Map<string, string[]>();
  let folders: string[] = [];
  let tsc: { exitCode: number; head: string } | undefined;

  beforeAll(async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'codegen-corpus-'));
    try {
      const name = productNameOf(file);
      const scope = `@${name.toLowerCase()}`;
      const config = resolveConfig({ config: { spec: path.join(specsDir as string, file), out, scope, name }, baseDir: out });
      const started = performance.now();
      const result = await generate({ config });
      const generateSeconds = (performance.now() - started) / 1000;
      folders = [...new Set(result.plan.writes.map((write) => /^([^/]+)\/src\/generated\//.exec(write.path)?.[1]))]
        .filter((folder): folder is string => folder !== undefined)
        .sort();
      const checkStarted = performance.now();
      const check = await typeCheckPackages({ root: out, scope, folders, maxLines: 10_000 });
      tsc = { exitCode: check.exitCode, head: check.output.split('\n').slice(0, 20).join('\n') };
      for (const line of check.output.split('\n').filter((text) => /error TS\d+/.test(text))) {
        const prefix = line.split('/')[0] ?? '';
        const folder = folders.includes(prefix) ? prefix : OTHER;
        errorsByPackage.set(folder, [...(errorsByPackage.get(folder) ?? []), line]);
      }
      const errors = (folder: string) => (folders.includes(folder) ? String(errorsByPackage.get(folder)?.length ?? 0) : '-');
      rows.push({
        spec: file,
        operations: result.model.operations.length,
        'generate (s)': generateSeconds.toFixed(1),
        'output (MB)': (sizeOfTree(out) / 1024 / 1024).toFixed(2),
        'tsc (s)': ((performance.now() - checkStarted) / 1000).toFixed(1),
        client: errors('client'),
        msw: errors('msw'),
        'react-query': errors('react-query'),
        types: errors('types'),
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);

  it('generates every package', () => {
    expect(folders).toStrictEqual([...PACKAGES]);
  });

  it('type-checks in one tsc run that exits 0 with no diagnostics outside the package folders', () => {
    // Per-package counts alone would pass a tsc that ran out of memory or never started.
    expect({ exitCode: tsc?.exitCode, other: errorsByPackage.get(OTHER) ?? [], output: tsc?.head }).toStrictEqual({
      exitCode: 0,
      other: [],
      output: '',
    });
  });

  for (const folder of PACKAGES) {
    it(`generates @scope/${folder} that type-checks under the strict settings`, () => {
      expect((errorsByPackage.get(folder) ?? []).slice(0, 20)).toStrictEqual([]);
    });
  }
});

if (specsDir === undefined) {
  it.skip('the real-world corpus is skipped: no specs folder (set COMPLERO_SPECS_DIR or provide ../shared/specs next to the repository)', () => {});
}
