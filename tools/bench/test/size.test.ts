import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPublishedEntries, measureBundleSize, readSizeBudgets } from '../src/runtime/bundle-size.js';
import { BENCH_ROOT } from '../src/workspace.js';

const entries = listPublishedEntries();
const budgets = readSizeBudgets();
const benchDevDependencies = Object.keys(
  (JSON.parse(readFileSync(path.join(BENCH_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies,
);

describe('bundle size budgets (min + gzip of each package entry, as esbuild bundles it)', () => {
  it('has a budget for every entry of every published package, and builds each package first (a devDependency here)', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((entry) => entry.name).filter((name) => budgets[name] === undefined)).toStrictEqual([]);
    expect(entries.map((entry) => entry.packageName).filter((name) => !benchDevDependencies.includes(name))).toStrictEqual([]);
  });

  it('has no budget for an entry that does not exist', () => {
    expect(Object.keys(budgets).filter((name) => !entries.some((entry) => entry.name === name))).toStrictEqual([]);
  });

  it('measures the subpath entries of @complero/msw too', () => {
    expect(entries.filter((entry) => entry.packageName === '@complero/msw').map((entry) => entry.name)).toStrictEqual([
      '@complero/msw',
      '@complero/msw/browser',
      '@complero/msw/server',
    ]);
  });

  for (const pkg of entries) {
    it(`keeps ${pkg.name} within ${budgets[pkg.name]} bytes gzipped`, async () => {
      const size = await measureBundleSize(pkg);
      expect(size.gzipBytes).toBeGreaterThan(0);
      expect(size.gzipBytes).toBeLessThanOrEqual(budgets[pkg.name] ?? 0);
    });
  }
});
