import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real repository; tests only ever read from it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * A throwaway copy of what `drift --write` touches (spec/, .changeset/, the generated packages'
 * files), so tests never change the real spec/. The copied config's `upstream.url` is replaced
 * by `upstreamUrl`: no test may reach the vendor's real URL.
 */
export async function createTempRepo(options: { upstreamUrl: string }): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'complero-drift-'));
  const copy = (relative: string) => cp(path.join(REPO_ROOT, relative), path.join(root, relative), { recursive: true });
  await mkdir(path.join(root, 'spec'), { recursive: true });
  await copy('spec/complero.swagger.yaml');
  await copy('.changeset/config.json');
  await copy('packages/codegen-manifest.json');
  await copy('pnpm-workspace.yaml');
  for (const entry of await readdir(path.join(REPO_ROOT, 'packages'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    await copy(`packages/${entry.name}/package.json`).catch(() => undefined);
    await copy(`packages/${entry.name}/src/generated`).catch(() => undefined);
  }
  const config = await readFile(path.join(REPO_ROOT, 'spec/codegen.config.ts'), 'utf8');
  const rewritten = config.replace(/url: '[^']*'/, `url: '${options.upstreamUrl}'`);
  if (rewritten === config) throw new Error('spec/codegen.config.ts has no upstream url to replace');
  await writeFile(path.join(root, 'spec/codegen.config.ts'), rewritten);
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** sha256 of every file under `root`, by relative path: equal snapshots mean nothing changed. */
export async function snapshotFiles(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const hashes = await Promise.all(
    files.map(
      async (file) =>
        [
          path.relative(root, file),
          createHash('sha256')
            .update(await readFile(file))
            .digest('hex'),
        ] as const,
    ),
  );
  return Object.fromEntries(hashes.sort(([a], [b]) => (a < b ? -1 : 1)));
}
