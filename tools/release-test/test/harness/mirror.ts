import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from './run.js';

/**
 * The registry has no uplinks, so third-party packages a consumer needs (openapi-fetch, msw,
 * react, …) are copied into it from this workspace's own node_modules: resolved the way Node
 * resolves them from the package that depends on them, then packed and published as they
 * are installed. `publishConfig`, `scripts` and `private` are stripped so nothing runs and
 * nothing can be sent anywhere but the local registry. Returns the name@version published.
 */
export async function mirrorDependencies(options: {
  /** Package folders to start from, with the names to resolve from each. */
  roots: readonly { readonly from: string; readonly names: readonly string[] }[];
  /** Names already on the registry (our own packages): never mirrored. */
  skip: ReadonlySet<string>;
  registryUrl: string;
  npmrc: string;
  workDir: string;
}): Promise<string[]> {
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
    for (const dependency of [...Object.keys(manifest.dependencies ?? {}), ...requiredPeers]) {
      queue.push({ name: dependency, from: location });
    }
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) {
      if (tryResolvePackageDir({ name: dependency, from: location })) queue.push({ name: dependency, from: location });
    }
  }
  const entries = [...found.entries()];
  // A few at a time: each publish is a short npm process, and the machine is shared.
  for (let index = 0; index < entries.length; index += 4) {
    await Promise.all(entries.slice(index, index + 4).map(([key, location]) => publishCopy({ key, location, ...options })));
  }
  return entries.map(([key]) => key).sort();
}

async function publishCopy(options: { key: string; location: string; registryUrl: string; npmrc: string; workDir: string }): Promise<void> {
  const staging = path.join(options.workDir, options.key.replaceAll('/', '__'));
  await mkdir(staging, { recursive: true });
  await cp(options.location, staging, { recursive: true, dereference: true, filter: (file) => path.basename(file) !== 'node_modules' });
  const manifestFile = path.join(staging, 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
  delete manifest.publishConfig;
  delete manifest.scripts;
  delete manifest.private;
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
  await runCommand({
    command: 'npm',
    args: ['publish', '--ignore-scripts', '--registry', `${options.registryUrl}/`, '--userconfig', options.npmrc, '--access', 'public'],
    cwd: staging,
    env: { npm_config_cache: path.join(options.workDir, '.npm-cache') },
  });
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
