import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { REPO_ROOT } from '../workspace.js';

/** A package that consumers install from npm. */
export interface PublishedPackage {
  readonly name: string;
  readonly dir: string;
  /** The ESM entry a bundler resolves for `import … from '<name>'`. */
  readonly entry: string;
  readonly peerDependencies: readonly string[];
}

/** What a consumer's bundle pays for importing everything a package exports. */
export interface BundleSize {
  readonly name: string;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

interface PackageJson {
  name: string;
  private?: boolean;
  module?: string;
  exports?: Record<string, { import?: { default?: string } | string } | string>;
  peerDependencies?: Record<string, string>;
}

/** Every non-private package under packages/, sorted by name. */
export function listPublishedPackages(): PublishedPackage[] {
  const root = path.join(REPO_ROOT, 'packages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'package.json')))
    .map((entry) => {
      const dir = path.join(root, entry.name);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
      return { dir, manifest };
    })
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({
      name: manifest.name,
      dir,
      entry: path.join(dir, esmEntry(manifest)),
      peerDependencies: Object.keys(manifest.peerDependencies ?? {}),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function esmEntry(manifest: PackageJson): string {
  const root = manifest.exports?.['.'];
  const fromExports = typeof root === 'string' ? root : typeof root?.import === 'string' ? root.import : root?.import?.default;
  const entry = fromExports ?? manifest.module;
  if (!entry) throw new Error(`${manifest.name} has no ESM entry (exports["."].import or module)`);
  return entry;
}

/**
 * Bundles `export * from '<entry>'` with esbuild (minified, ESM, browser, peers external) and
 * gzips it: the bytes a consumer ships for everything the package offers (tree-shaking can
 * only make a real app's share smaller).
 */
export async function measureBundleSize(pkg: PublishedPackage): Promise<BundleSize> {
  if (!existsSync(pkg.entry))
    throw new Error(`${pkg.name} is not built (${path.relative(REPO_ROOT, pkg.entry)} is missing): run pnpm build`);
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(pkg.entry)};`, resolveDir: pkg.dir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external: pkg.peerDependencies.flatMap((name) => [name, `${name}/*`]),
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { name: pkg.name, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/** The budgets in size-budgets.json, by package name. */
export function readSizeBudgets(): Record<string, number> {
  const file = path.join(REPO_ROOT, 'tools/bench/size-budgets.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { budgets: Record<string, number> }).budgets;
}
