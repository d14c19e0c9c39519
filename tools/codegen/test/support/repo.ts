import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root (the folder with pnpm-workspace.yaml above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The generator's built CLI launcher, as users run it. */
export const CLI = path.join(REPO_ROOT, 'tools/codegen/bin/complero-codegen.js');

/**
 * The real-world specs: `$COMPLERO_SPECS_DIR`, else `../shared/specs` next to the repository — or
 * next to its main checkout when this is a git worktree (whose `.git` file names the main one).
 */
export function findSpecsDir(): string | undefined {
  if (process.env.COMPLERO_SPECS_DIR) return existsSync(process.env.COMPLERO_SPECS_DIR) ? process.env.COMPLERO_SPECS_DIR : undefined;
  const roots = [REPO_ROOT, findMainCheckout()].filter((root): root is string => root !== undefined);
  return roots.map((root) => path.resolve(root, '../shared/specs')).find((dir) => existsSync(dir));
}

function findMainCheckout(): string | undefined {
  const dotGit = path.join(REPO_ROOT, '.git');
  if (!existsSync(dotGit) || statSync(dotGit).isDirectory()) return undefined;
  // A worktree's .git file reads `gitdir: <main>/.git/worktrees/<name>`.
  const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
  return gitdir ? path.resolve(gitdir, '../../..') : undefined;
}
