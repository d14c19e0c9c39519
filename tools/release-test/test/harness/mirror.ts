import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from './run.js';

/**
 * The registry has no uplinks, so third-party packages a consumer needs (openapi-fetch, msw,
 * react, …) are copied into it from this workspace's own node_modules: resolved the way Node
 * resolves them from the package that depends on them, then packed and published as they are
 * installed. `publishConfig`, `scripts` and `private` are stripped, so nothing runs and the
 * only place anything is sent is the local registry. Returns the name@version published.
 */
export async function mirrorDependencies(options: {
  /** Package folders to start from, with the names to resolve from each. */
  roots: readonly { readonly from: string; readonly names: readonly string[] }[];
  /** Names already on the registry (our own packages): never mirrored. */
  skip: ReadonlySet<string>;
  registryUrl: string;
  /** The token of the registry's .npmrc. */
  token: string;
  workDir: string;
}): Promise<string[]> {
  const found = await collectClosure(options);
  const staged = await Promise.all([...found.entries()].map(([key, location]) => stageCopy({ key, location, workDir: options.workDir })));
  // One npm process packs every copy; the registry then gets one PUT per version (the request
  // `npm publish` sends), which keeps a few hundred packages within seconds.
  const packed = await packAll({ dirs: staged, workDir: options.workDir });
  const byName = new Map<string, PackedCopy[]>();
  for (const copy of packed) byName.set(copy.name, [...(byName.get(copy.name) ?? []), copy]);
  const lanes = [...byName.values()].map((versions) => versions.sort((a, b) => compareVersions(a.version, b.version)));
  for (let index = 0; index < lanes.length; index += 8) {
    await Promise.all(
      lanes.slice(index, index + 8).map(async (versions) => {
        for (const [position, copy] of versions.entries()) {
          // `latest` goes to the highest version, as on the public registry.
          const tag = position === versions.length - 1 ? 'latest' : 'mirrored';
          await putPackage({ copy, tag, registryUrl: options.registryUrl, token: options.token });
        }
      }),
    );
  }
  return [...found.keys()].sort();
}

/** name@version → installed folder, for the roots and everything they depend on. */
async function collectClosure(options: {
  roots: readonly { readonly from: string; readonly names: readonly string[] }[];
  skip: ReadonlySet<string>;
}): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = options.roots.flatMap((root) => root.names.map((name) => ({ name, from: root.from })));
  while (queue.length > 0) {
    const { name, from } = queue.shift() as { name: string; from: string };
    if (options.skip.has(name)) continue;
    const location = resolvePackageDir({ name, from });
    const manifest = JSON.parse(await readFile(path.join(location, 'package.json'), 'utf8')) as {
      version: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    const key = `${name}@${manifest.version}`;
    if (found.has(key)) continue;
    found.set(key, location);
    const requiredPeers = Object.keys(manifest.peerDependencies ?? {}).filter((peer) => !manifest.peerDependenciesMeta?.[peer]?.optional);
    for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...requiredPeers])
      queue.push({ name: dependency, from: location });
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) {
      if (tryResolvePackageDir({ name: dependency, from: location })) queue.push({ name: dependency, from: location });
    }
  }
  return found;
}

interface PackedCopy {
  readonly name: string;
  readonly version: string;
  readonly manifest: Record<string, unknown>;
  readonly tarball: string;
  readonly shasum: string;
  readonly integrity: string;
}

async function stageCopy(options: { key: string; location: string; workDir: string }): Promise<string> {
  const staging = path.join(options.workDir, 'staged', options.key.replaceAll('/', '__'));
  await mkdir(staging, { recursive: true });
  await cp(options.location, staging, { recursive: true, dereference: true, filter: (file) => path.basename(file) !== 'node_modules' });
  const manifestFile = path.join(staging, 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  delete manifest.publishConfig;
  delete manifest.scripts;
  delete manifest.private;
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
  return staging;
}

async function packAll(options: { dirs: readonly string[]; workDir: string }): Promise<PackedCopy[]> {
  if (options.dirs.length === 0) return [];
  const destination = path.join(options.workDir, 'tarballs');
  await mkdir(destination, { recursive: true });
  const { stdout } = await runCommand({
    command: 'npm',
    args: ['pack', ...options.dirs, '--pack-destination', destination, '--ignore-scripts', '--json'],
    cwd: options.workDir,
    env: { npm_config_cache: path.join(options.workDir, '.npm-cache') },
  });
  const results = JSON.parse(stdout) as { name: string; version: string; filename: string; shasum: string; integrity: string }[];
  return Promise.all(
    results.map(async (result, index) => ({
      name: result.name,
      version: result.version,
      manifest: JSON.parse(await readFile(path.join(options.dirs[index] as string, 'package.json'), 'utf8')) as Record<string, unknown>,
      tarball: path.join(destination, result.filename),
      shasum: result.shasum,
      integrity: result.integrity,
    })),
  );
}

/** The publish request of the npm registry protocol: the version's manifest plus the tarball as an attachment. */
async function putPackage(options: { copy: PackedCopy; tag: string; registryUrl: string; token: string }): Promise<void> {
  const { copy } = options;
  const data = await readFile(copy.tarball);
  const attachment = `${copy.name}-${copy.version}.tgz`;
  const body = {
    _id: copy.name,
    name: copy.name,
    'dist-tags': { [options.tag]: copy.version },
    versions: {
      [copy.version]: {
        ...copy.manifest,
        _id: `${copy.name}@${copy.version}`,
        dist: { shasum: copy.shasum, integrity: copy.integrity, tarball: `${options.registryUrl}/${copy.name}/-/${attachment}` },
      },
    },
    _attachments: { [attachment]: { content_type: 'application/octet-stream', data: data.toString('base64'), length: data.byteLength } },
  };
  const response = await fetch(`${options.registryUrl}/${copy.name.replace('/', '%2f')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`mirroring ${copy.name}@${copy.version} failed: HTTP ${response.status} ${await response.text()}`);
}

/** Semver order, enough for versions installed side by side: numbers, then prerelease before release. */
function compareVersions(a: string, b: string): number {
  const [mainA = '', preA] = a.split('-', 2);
  const [mainB = '', preB] = b.split('-', 2);
  const partsA = mainA.split('.').map(Number);
  const partsB = mainB.split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    const difference = (partsA[index] ?? 0) - (partsB[index] ?? 0);
    if (difference !== 0) return difference;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

function resolvePackageDir(options: { name: string; from: string }): string {
  const found = tryResolvePackageDir(options);
  if (!found) throw new Error(`cannot find ${options.name} from ${options.from}: install the workspace first (pnpm install)`);
  return found;
}

/** Node's lookup: `node_modules/<name>` in the folder and each parent (realpath first: pnpm links). */
function tryResolvePackageDir(options: { name: string; from: string }): string | undefined {
  for (let dir = realpathSync(options.from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', options.name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}
