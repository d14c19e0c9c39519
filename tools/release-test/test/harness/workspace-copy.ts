import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
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
  readonly devDependencies: Readonly<Record<string, string>>;
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
      devDependencies?: Record<string, string>;
    };
    if (manifest.private) continue;
    packages.push({
      name: manifest.name,
      folder,
      dependencies: manifest.dependencies ?? {},
      peerDependencies: manifest.peerDependencies ?? {},
      devDependencies: manifest.devDependencies ?? {},
    });
  }
  return packages.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Copies what a release needs (root manifest, workspace file, the changesets config, and every package
 * with its built dist/, without node_modules) into `dir` and makes it a git repository, as
 * CI's checkout is: `changeset publish` tags the release there.
 */
export async function copyWorkspace(options: { dir: string; packages: readonly WorkspacePackage[] }): Promise<string> {
  const { dir, packages } = options;
  await mkdir(dir, { recursive: true });
  // The changesets' configuration, not the changesets waiting in the repository: the rehearsal
  // releases its own one-line changeset, whatever the next real release will say.
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(path.join(REPO_ROOT, file), path.join(dir, file), { recursive: true });
  }
  for (const { folder, name } of packages) {
    const source = path.join(REPO_ROOT, 'packages', folder);
    if (!existsSync(path.join(source, 'dist'))) {
      throw new Error(`${name} has no dist/: build it first (pnpm build, or let turbo's ^build do it)`);
    }
    await cp(source, path.join(dir, 'packages', folder), {
      recursive: true,
      filter: (file) => !path.relative(source, file).split(path.sep).includes('node_modules'),
    });
  }
  await limitFixedGroup({ dir, packages });
  await linkWorkspaceDependencies({ dir, packages });
  const git = (...args: string[]) =>
    runCommand({ command: 'git', args: ['-c', 'user.name=release-test', '-c', 'user.email=release-test@localhost', ...args], cwd: dir });
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '-A');
  await git('commit', '--quiet', '-m', 'workspace copy');
  return dir;
}

/**
 * `pnpm publish` reads the version that replaces `workspace:*` (in every dependency field)
 * from the dependency as installed in node_modules; the copy has no node_modules, so link each
 * workspace dependency the way `pnpm install` would, without installing anything: to the copy
 * for released packages, to the repository for private tools (e.g. @complero/codegen).
 */
async function linkWorkspaceDependencies(options: { dir: string; packages: readonly WorkspacePackage[] }): Promise<void> {
  const copied = new Map(options.packages.map((pkg) => [pkg.name, path.join(options.dir, 'packages', pkg.folder)]));
  const tools = await listWorkspaceFolders(path.join(REPO_ROOT, 'tools'));
  for (const pkg of options.packages) {
    for (const [name, range] of Object.entries({ ...pkg.devDependencies, ...pkg.peerDependencies, ...pkg.dependencies })) {
      if (!range.startsWith('workspace:')) continue;
      const target = copied.get(name) ?? tools.get(name);
      if (!target) throw new Error(`${pkg.name} depends on ${name}@${range}, which is not a package of this workspace`);
      const link = path.join(options.dir, 'packages', pkg.folder, 'node_modules', name);
      await mkdir(path.dirname(link), { recursive: true });
      await symlink(target, link, 'dir');
    }
  }
}

/** Package name → folder for every package directly under `root`. */
async function listWorkspaceFolders(root: string): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const manifest = path.join(root, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    folders.set((JSON.parse(await readFile(manifest, 'utf8')) as { name: string }).name, path.join(root, entry.name));
  }
  return folders;
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
