import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMER_CHECKS, installConsumer, type ModuleKind, runConsumerProgram, typeCheckConsumer } from './harness/consumers.js';
import { mirrorDependencies } from './harness/mirror.js';
import { type RunningMock, startCompleroMock } from './harness/mock-server.js';
import { type LocalRegistry, startRegistry } from './harness/registry.js';
import { runCommand } from './harness/run.js';
import {
  copyWorkspace,
  listPublicPackages,
  publishPackages,
  REPO_ROOT,
  readCopiedManifest,
  versionPackages,
  type WorkspacePackage,
} from './harness/workspace-copy.js';

/** The changesets `fixed` group: the packages that release together, in lockstep. */
const FOUR_PACKAGES = ['@complero/types', '@complero/client', '@complero/msw', '@complero/react-query'];

const packages = await listPublicPackages();
const RELEASE_NOTE = 'Release rehearsal: every package, one minor bump.';

let temp: string;
let registry: LocalRegistry;
let workspace: string;
let versions: Map<string, string>;
let published: string;
/** Consumer folders by package and module kind, so a later check can use an earlier install (the client calls msw's complero-mock). */
const installed = new Map<string, string>();

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'complero-release-'));
  registry = await startRegistry({ dir: path.join(temp, 'registry') });
  workspace = await copyWorkspace({ dir: path.join(temp, 'workspace'), packages });
  const before = await Promise.all(packages.map((pkg) => readCopiedManifest({ dir: workspace, folder: pkg.folder })));
  versions = new Map(packages.map((pkg, index) => [pkg.name, String(before[index]?.version)]));
  await versionPackages({ dir: workspace, packages, bump: 'minor', summary: RELEASE_NOTE });
  const publish = await publishPackages({ dir: workspace, registryUrl: registry.url, npmrc: registry.npmrc });
  published = publish.stdout + publish.stderr;
  await mirrorDependencies({
    roots: packages.map((pkg) => ({
      from: path.join(REPO_ROOT, 'packages', pkg.folder),
      names: [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), ...(checkFor(pkg)?.alongside ?? [])],
    })),
    skip: new Set(packages.map((pkg) => pkg.name)),
    registryUrl: registry.url,
    token: registry.token,
    workDir: path.join(temp, 'mirror'),
  });
});

afterAll(async () => {
  await registry?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

function checkFor(pkg: WorkspacePackage) {
  return CONSUMER_CHECKS.find((check) => check.name === pkg.name);
}

/** 0.1.0 + minor → 0.2.0 */
function bumpMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
}

describe('a release into a local verdaccio registry', () => {
  it('releases exactly the four packages of the changesets fixed group', async () => {
    const config = JSON.parse(await readFile(path.join(REPO_ROOT, '.changeset/config.json'), 'utf8')) as { fixed: string[][] };
    expect(config.fixed).toStrictEqual([FOUR_PACKAGES]);
    expect(packages.map((pkg) => pkg.name).sort()).toStrictEqual([...FOUR_PACKAGES].sort());
  });

  it('bumps every package in lockstep with changeset version and writes their changelogs', async () => {
    for (const pkg of packages) {
      const manifest = await readCopiedManifest({ dir: workspace, folder: pkg.folder });
      expect(manifest.version).toBe(bumpMinor(versions.get(pkg.name) as string));
      const changelog = await readFile(path.join(workspace, 'packages', pkg.folder, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`## ${manifest.version}\n\n### Minor Changes\n\n- ${RELEASE_NOTE}`);
    }
    expect(existsSync(path.join(workspace, '.changeset/release-test.md'))).toBe(false);
  });

  it('publishes every public package with changeset publish, tags it, and rewrites workspace:* to the released version', async () => {
    const tags = (await runCommand({ command: 'git', args: ['tag', '--list'], cwd: workspace })).stdout.trim().split('\n').sort();
    expect(tags).toStrictEqual(FOUR_PACKAGES.map((name) => `${name}@${bumpMinor(versions.get(name) as string)}`).sort());
    for (const pkg of packages) {
      const version = bumpMinor(versions.get(pkg.name) as string);
      expect(published).toContain(`${pkg.name}@${version}`);
      const response = await fetch(`${registry.url}/${pkg.name.replace('/', '%2f')}/${version}`);
      expect(response.status).toBe(200);
      const manifest = (await response.json()) as { dependencies?: Record<string, string> };
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        expect(range.startsWith('workspace:'), `${pkg.name} depends on ${name}@${range}`).toBe(false);
        if (pkg.dependencies[name]?.startsWith('workspace:')) expect(range).toBe(bumpMinor(versions.get(name) as string));
      }
    }
  });

  it('depends on every published package, so turbo builds them before this test', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const missing = packages.filter((pkg) => manifest.devDependencies[pkg.name] !== 'workspace:*').map((pkg) => pkg.name);
    expect(missing, 'add them to tools/release-test/package.json devDependencies as "workspace:*"').toStrictEqual([]);
  });

  it('has a consumer check for every published package', () => {
    expect(packages.filter((pkg) => !checkFor(pkg)).map((pkg) => pkg.name)).toStrictEqual([]);
  });

  describe.each(CONSUMER_CHECKS.filter((check) => packages.some((pkg) => pkg.name === check.name)))(
    '$name, installed alone with npm',
    (check) => {
      describe.each(['esm', 'cjs'] as ModuleKind[])('in a %s project', (kind) => {
        let dir: string;
        let mock: RunningMock | undefined;
        beforeAll(async () => {
          dir = await installConsumer({
            dir: path.join(temp, 'consumers', `${check.name.replace('/', '__')}-${kind}`),
            kind,
            check,
            version: bumpMinor(versions.get(check.name) as string),
            registryUrl: registry.url,
            npmrc: registry.npmrc,
            cacheDir: path.join(temp, 'npm-cache'),
          });
          installed.set(`${check.name}:${kind}`, dir);
          if (check.needsMockServer) {
            const mswDir = installed.get('@complero/msw:esm');
            if (!mswDir) throw new Error(`${check.name} calls complero-mock, which comes from @complero/msw: check @complero/msw first`);
            mock = await startCompleroMock({ consumerDir: mswDir });
          }
        });
        afterAll(async () => {
          await mock?.stop();
        });

        it('installs outside the workspace, from the local registry', async () => {
          expect(path.relative(REPO_ROOT, dir).startsWith('..')).toBe(true);
          const installed = JSON.parse(await readFile(path.join(dir, 'node_modules', check.name, 'package.json'), 'utf8'));
          expect(installed.version).toBe(bumpMinor(versions.get(check.name) as string));
          // npm's hidden lockfile records where every installed package came from: each one must be
          // a tarball of the local registry, none a link, a folder or a file from the workspace.
          const lock = JSON.parse(await readFile(path.join(dir, 'node_modules', '.package-lock.json'), 'utf8')) as {
            packages: Record<string, { resolved?: string; link?: boolean }>;
          };
          const entries = Object.entries(lock.packages);
          expect(entries.map(([location]) => location)).toContain(`node_modules/${check.name}`);
          const elsewhere = entries
            .filter(([, entry]) => entry.link === true || !entry.resolved?.startsWith(`${registry.url}/`))
            .map(([location, entry]) => `${location} ← ${entry.resolved ?? (entry.link ? 'a link' : 'nowhere recorded')}`);
          expect(elsewhere).toStrictEqual([]);
        });

        it('type-checks with tsc --noEmit', async () => {
          const result = await typeCheckConsumer({ dir, check, kind });
          expect(result.stdout + result.stderr).toBe('');
          expect(result.code).toBe(0);
        });

        it('runs under Node', async () => {
          const result = await runConsumerProgram({ dir, check, kind, ...(mock ? { mockUrl: mock.url } : {}) });
          expect(result.stderr).toBe('');
          expect(result.stdout).toBe(result.expected);
        });
      });
    },
  );

  it('stops the registry by its PID', async () => {
    const { pid } = registry;
    await registry.stop();
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
