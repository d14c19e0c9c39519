import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findPackageTemplates } from '../../src/scaffold.js';
import { REPO_ROOT } from './repo.js';

/** The outcome of one `tsc --noEmit` run. */
export interface TypeCheckResult {
  readonly exitCode: number;
  /** tsc's diagnostics, trimmed to the first lines (a broken generator can produce thousands). */
  readonly output: string;
}

/**
 * Type-checks generated packages under `root` in one tsc program with the strict settings of
 * tsconfig.base.json. Packages import each other by `@scope/<folder>` (mapped to their sources)
 * and their third-party dependencies from this repository's install of the same package.
 */
export async function typeCheckPackages(options: {
  root: string;
  scope: string;
  folders: readonly string[];
  /** Module paths for tsc; by default every `@scope/<folder>` maps to `<folder>/src/index.ts`. */
  paths?: Readonly<Record<string, readonly string[]>>;
  /** Lines of diagnostics to keep (default 40). */
  maxLines?: number;
}): Promise<TypeCheckResult> {
  const templates = await findPackageTemplates();
  for (const folder of options.folders) {
    // `x/client` (a fixture's package) uses what this repository installed for `client`.
    const installed = path.join(REPO_ROOT, 'packages', path.basename(folder), 'node_modules');
    const link = path.join(options.root, folder, 'node_modules');
    if (existsSync(installed) && !existsSync(link)) symlinkSync(installed, link, 'dir');
  }
  const tsconfig = {
    compilerOptions: { ...templates?.compilerOptions, paths: options.paths ?? { [`${options.scope}/*`]: ['./*/src/index.ts'] }, types: [] },
    include: options.folders.map((folder) => `${folder}/src`),
  };
  const project = path.join(options.root, 'tsconfig.check.json');
  writeFileSync(project, JSON.stringify(tsconfig, null, 2));
  const tsc = createRequire(path.join(REPO_ROOT, 'tools/codegen/package.json')).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', tsc, '--noEmit', '-p', project], {
    encoding: 'utf8',
    cwd: options.root,
  });
  // A tsc that could not start or was killed (out of memory) prints no diagnostics: say why instead.
  const failure = run.error ? `tsc could not run: ${run.error.message}\n` : run.signal ? `tsc was killed by ${run.signal}\n` : '';
  const output = `${failure}${run.stdout ?? ''}${run.stderr ?? ''}`
    .split('\n')
    .slice(0, options.maxLines ?? 40)
    .join('\n')
    .trim();
  return { exitCode: run.status ?? 1, output };
}
