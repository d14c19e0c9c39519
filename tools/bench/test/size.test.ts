import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPublishedPackages, measureBundleSize, readSizeBudgets } from '../src/runtime/bundle-size.js';
import { BENCH_ROOT } from '../src/workspace.js';

const packages = listPublishedPackages();
const budgets = readSizeBudgets();
const benchDevDependencies = Object.keys(
  (JSON.parse(readFileSync(path.join(BENCH_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies,
);

describe('bundle size budgets (min + gzip of each package entry, as esbuild bundles it)', () => {
  it('has a budget for every published package, and builds each one first (a devDependency here)', () => {
    expect(packages.length).toBeGreaterThan(0);
    expect(packages.map((pkg) => pkg.name).filter((name) => budgets[name] === undefined)).toStrictEqual([]);
    expect(packages.map((pkg) => pkg.name).filter((name) => !benchDevDependencies.includes(name))).toStrictEqual([]);
  });

  for (const pkg of packages) {
    it(`keeps ${pkg.name} within ${budgets[pkg.name]} bytes gzipped`, async () => {
      const size = await measureBundleSize(pkg);
      expect(size.gzipBytes).toBeGreaterThan(0);
      expect(size.gzipBytes).toBeLessThanOrEqual(budgets[pkg.name] ?? 0);
    });
  }
});
