import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChangePlan } from './plan.js';

/**
 * Applies a change plan all-or-nothing as far as a file system allows: every new file is first
 * written next to its target under a temporary name; only when all of them are on disk are they
 * renamed into place (one atomic rename each) and stale files removed. A failure while staging
 * removes the staged files and leaves the tree as it was.
 */
export async function applyChanges(plan: ChangePlan): Promise<void> {
  const staged: { temp: string; target: string }[] = [];
  const suffix = `.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    for (const file of plan.writes) {
      const target = path.join(plan.root, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}${suffix}`;
      staged.push({ temp, target });
      await writeFile(temp, file.content);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);
  await Promise.all(plan.removals.map((file) => rm(path.join(plan.root, file), { force: true })));
}
