import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run.js';

/** The repository this test releases; it is only read, never written. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHANGESET_BIN = path.join(REPO_ROOT, 'node_modules/.bin/changeset');

/** A publishable package of the workspace, as found in its package.json. */
export interface WorkspacePackage {
  readonly name: string;
  /** Folder name under packages/. */
  readonly folder: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly peerDependencies: Readonly<Record<string, string>>;
}

/** Every non-private package under packages/ of the repository, sorted by name. */
export async function listPublicPackages(root: string = REPO_ROOT): Promise<WorkspacePackage[]> {
  const folders = (await readdir(path.join(root, 'packages'), { withFileTypes: true })).filter((entry) => entry.isDirectory());
  const packages: WorkspacePackage[] = [];
  for (const { name: folder } of folders) {
    const file = path.join(root, 'packages', folder, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(await readFile(file, 'utf8')) as {
      name: string;
      private?: boolean;
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    if (manifest.private) continue;
    packages.push({
      name: manifest.name,
      folder,
      dependencies: manifest.dependencies ?? {},
      peerDependencies: manifest.peerDependencies ?? {},
    });
  }
  return packages.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Copies what a release needs (root manifest, workspace file, .changeset/, and every package
 * with its built dist/, without node_modules) into `dir` and makes it a git repository, as
 * CI's checkout is: `changeset publish` tags the release there.
 */
export async function copyWorkspace(options: { dir: string; packages: readonly WorkspacePackage[] }): Promise<string> {
  const { dir, packages } = options;
  await mkdir(dir, { recursive: true });
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset']) {
    await cp(path.join(REPO_ROOT, file), path.join(dir, file), { recursive: true });
  }
  for (const { folder, name } of packages) {
    const source = path.join(REPO_ROOT, 'packages', folder);
    if (!existsSync(path.join(source, 'dist'))) {
      throw new Error(`${name} has no dist/: build it first (pnpm build, or let turbo's ^build do it)`);
    }
    await cp(source, path.join(dir, 'packages', folder), {
      recursive: true,
      filter: (file) => !file.split(path.sep).includes('node_modules'),
    });
  }
  await limitFixedGroup({ dir, packages });
  const git = (...args: string[]) =>
    runCommand({ command: 'git', args: ['-c', 'user.name=release-test', '-c', 'user.email=release-test@localhost', ...args], cwd: dir });
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '-A');
  await git('commit', '--quiet', '-m', 'workspace copy');
  return dir;
}

/**
 * changesets refuses a `fixed` group naming packages that do not exist; while some of the
 * four are still being built, the copy's group names only those present.
 */
async function limitFixedGroup(options: { dir: string; packages: readonly WorkspacePackage[] }): Promise<void> {
  const file = path.join(options.dir, '.changeset/config.json');
  const config = JSON.parse(await readFile(file, 'utf8')) as { fixed?: string[][] };
  const present = new Set(options.packages.map((pkg) => pkg.name));
  config.fixed = (config.fixed ?? []).map((group) => group.filter((name) => present.has(name))).filter((group) => group.length > 0);
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** Writes one changeset bumping every package, then runs `changeset version` as the version PR would. */
export async function versionPackages(options: {
  dir: string;
  packages: readonly WorkspacePackage[];
  bump: 'major' | 'minor' | 'patch';
  summary: string;
}) {
  const frontMatter = options.packages.map((pkg) => `"${pkg.name}": ${options.bump}`).join('\n');
  await writeFile(path.join(options.dir, '.changeset/release-test.md'), `---\n${frontMatter}\n---\n\n${options.summary}\n`);
  return runCommand({ command: CHANGESET_BIN, args: ['version'], cwd: options.dir });
}

/** `changeset publish` (what `pnpm release` runs after building) against the local registry only. */
export async function publishPackages(options: { dir: string; registryUrl: string; npmrc: string }) {
  return runCommand({
    command: CHANGESET_BIN,
    args: ['publish'],
    cwd: options.dir,
    env: { npm_config_registry: `${options.registryUrl}/`, npm_config_userconfig: options.npmrc, NPM_CONFIG_PROVENANCE: 'false' },
  });
}

/** A package.json of the copy, after `changeset version`. */
export async function readCopiedManifest(options: { dir: string; folder: string }): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(options.dir, 'packages', options.folder, 'package.json'), 'utf8')) as Record<string, unknown>;
}
