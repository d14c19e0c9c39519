import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { REPO_ROOT } from '../workspace.js';

/** One entry of a package that consumers install from npm: `@complero/msw`, `@complero/msw/server`, … */
export interface PublishedEntry {
  /** The import specifier: the package name, plus the subpath for a subpath export. */
  readonly name: string;
  readonly packageName: string;
  readonly dir: string;
  /** The ESM file a bundler resolves for `import … from '<name>'`. */
  readonly entry: string;
  readonly peerDependencies: readonly string[];
}

/** What a consumer's bundle pays for importing everything an entry exports. */
export interface BundleSize {
  readonly name: string;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

type ExportTarget = { import?: { default?: string } | string } | string;

interface PackageJson {
  name: string;
  private?: boolean;
  module?: string;
  exports?: Record<string, ExportTarget>;
  peerDependencies?: Record<string, string>;
}

/**
 * Every ESM entry of every non-private package under packages/ (the root and each subpath of its
 * `exports`, JSON files left out), sorted by name: a consumer may import any of them.
 */
export function listPublishedEntries(): PublishedEntry[] {
  const root = path.join(REPO_ROOT, 'packages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'package.json')))
    .map((entry) => {
      const dir = path.join(root, entry.name);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
      return { dir, manifest };
    })
    .filter(({ manifest }) => !manifest.private)
    .flatMap(({ dir, manifest }) =>
      esmEntries(manifest).map(({ subpath, file }) => ({
        name: subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`,
        packageName: manifest.name,
        dir,
        entry: path.join(dir, file),
        peerDependencies: Object.keys(manifest.peerDependencies ?? {}),
      })),
    )
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function esmEntries(manifest: PackageJson): { subpath: string; file: string }[] {
  const targets = manifest.exports ?? {};
  const entries = Object.entries(targets)
    .filter(([subpath]) => !subpath.endsWith('.json'))
    .map(([subpath, target]) => ({
      subpath,
      file: typeof target === 'string' ? target : typeof target.import === 'string' ? target.import : target.import?.default,
    }));
  if (!targets['.'] && manifest.module) entries.push({ subpath: '.', file: manifest.module });
  const missing = entries.find((entry) => !entry.file);
  if (missing || !entries.some((entry) => entry.subpath === '.'))
    throw new Error(`${manifest.name} has no ESM entry for '${missing?.subpath ?? '.'}' (exports[…].import or module)`);
  return entries as { subpath: string; file: string }[];
}

/**
 * Bundles `export * from '<entry>'` with esbuild (minified, ESM, browser, peers external) and
 * gzips it: the bytes a consumer ships for everything the entry offers (tree-shaking can
 * only make a real app's share smaller).
 */
export async function measureBundleSize(pkg: PublishedEntry): Promise<BundleSize> {
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
    // Node's built-in modules (of a Node-only entry such as a mock server) ship with Node, not in a bundle.
    external: ['node:*', ...pkg.peerDependencies.flatMap((name) => [name, `${name}/*`])],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { name: pkg.name, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/** The budgets in size-budgets.json, by entry name. */
export function readSizeBudgets(): Record<string, number> {
  const file = path.join(REPO_ROOT, 'tools/bench/size-budgets.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { budgets: Record<string, number> }).budgets;
}
