import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedFile } from '../emit/shared.js';

/** Why a file is written. */
export type WriteReason = 'missing' | 'stale' | 'forced';

/** What writing a set of planned files would change on disk. Paths are relative to the root. */
export interface ChangePlan {
  readonly root: string;
  /** Files to create or overwrite, with their new content (`forced`: unchanged, rewritten by `--force`). */
  readonly writes: readonly (PlannedFile & { readonly reason: WriteReason })[];
  /** Generated files on disk that the generator no longer produces. */
  readonly removals: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * Compares planned files with the disk. `ownedDirs` are folders that hold generated files only:
 * anything in them that is not planned is stale and will be removed. With `force`, files whose
 * content is already right are written anyway (reason `forced`).
 */
export async function planChanges(options: {
  root: string;
  files: readonly PlannedFile[];
  ownedDirs: readonly string[];
  force?: boolean;
}): Promise<ChangePlan> {
  const { root, files } = options;
  const planned = new Set(files.map((file) => file.path));
  const writes: (PlannedFile & { reason: WriteReason })[] = [];
  const unchanged: string[] = [];
  await Promise.all(
    files.map(async (file) => {
      const current = await readFile(path.join(root, file.path), 'utf8').catch(() => undefined);
      if (current === file.content && !options.force) unchanged.push(file.path);
      else if (current === file.content) writes.push({ ...file, reason: 'forced' });
      else writes.push({ ...file, reason: current === undefined ? 'missing' : 'stale' });
    }),
  );
  const onDisk = (await Promise.all(options.ownedDirs.map((dir) => listFiles({ root, dir })))).flat();
  const removals = onDisk.filter((file) => !planned.has(file));
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    root,
    writes: writes.sort((a, b) => byPath(a.path, b.path)),
    removals: removals.sort(byPath),
    unchanged: unchanged.sort(byPath),
  };
}

async function listFiles(options: { root: string; dir: string }): Promise<string[]> {
  const entries = await readdir(path.join(options.root, options.dir), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(options.root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** sha256 of a string, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
