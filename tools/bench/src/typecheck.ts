import { existsSync } from 'node:fs';
import { cp, readdir, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { measureProcess, type ProcessMeasurement } from './process.js';
import { REPO_ROOT } from './workspace.js';

const require = createRequire(import.meta.url);

/** `tsc --noEmit` of one project: time, memory, and how many errors it reported. */
export interface TypecheckResult {
  readonly wallMs: number;
  readonly peakRssMiB: number | null;
  readonly errors: number;
  /** Set when tsc was stopped after `timeoutMs`; the time is then a lower bound. */
  readonly timedOut?: boolean;
}

/** The compiler options consumers typically build with (strict, bundler resolution, no lib checks). */
const CONSUMER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'Bundler',
  jsx: 'react-jsx',
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/** Runs `tsc --noEmit -p` on a tsconfig written into `dir` that includes `include`. */
export async function typecheckProject(options: {
  dir: string;
  include: readonly string[];
  paths?: Record<string, string[]>;
  /** `compilerOptions.types` (default none: a browser consumer). */
  types?: readonly string[];
  /** Further compiler options, over the consumer defaults. */
  compilerOptions?: Readonly<Record<string, unknown>>;
  timeoutMs?: number;
}): Promise<TypecheckResult> {
  const tsconfig = path.join(options.dir, 'tsconfig.bench.json');
  await writeFile(
    tsconfig,
    `${JSON.stringify(
      {
        compilerOptions: {
          ...CONSUMER_OPTIONS,
          types: options.types ?? [],
          ...(options.paths ? { paths: options.paths } : {}),
          ...options.compilerOptions,
        },
        include: options.include,
      },
      null,
      2,
    )}\n`,
  );
  const measurement: ProcessMeasurement = await measureProcess({
    command: process.execPath,
    args: [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', tsconfig],
    cwd: options.dir,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (measurement.code === null) return { wallMs: measurement.wallMs, peakRssMiB: measurement.peakRssMiB, errors: 0, timedOut: true };
  const errors = (measurement.stdout.match(/error TS\d+/g) ?? []).length;
  if (measurement.code !== 0 && errors === 0) throw new Error(`tsc failed in ${options.dir}:\n${measurement.stderr}${measurement.stdout}`);
  return { wallMs: measurement.wallMs, peakRssMiB: measurement.peakRssMiB, errors };
}

/**
 * Type-checks every package the generator wrote, together, as a consumer's build would see
 * them: each package's hand-written sources (runtime, index) are copied beside its generated
 * folder and its node_modules linked, so the generated code is checked against the real runtime.
 */
export async function typecheckGeneratedPackages(options: {
  outDir: string;
  scope: string;
  /** Only the generated folders (and what they import): the packages' hand-written entry points and parts of their runtime are Complero's own. */
  generatedOnly: boolean;
}): Promise<TypecheckResult> {
  const folders = (await readdir(options.outDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  for (const folder of folders) {
    const source = path.join(REPO_ROOT, 'packages', folder);
    if (!existsSync(source)) continue;
    // The generator scaffolds an entry point and runtime for another API; only what it did not
    // write comes from the repository (Complero's own hand-written sources, for the Complero spec).
    await cp(path.join(source, 'src'), path.join(options.outDir, folder, 'src'), {
      recursive: true,
      force: false,
      filter: (file) => !file.includes(`${path.sep}generated`),
    });
    const modules = path.join(source, 'node_modules');
    const link = path.join(options.outDir, folder, 'node_modules');
    if (existsSync(modules) && !existsSync(link)) await symlink(modules, link, 'dir');
  }
  return typecheckProject({
    dir: options.outDir,
    include: folders.flatMap((folder) => (options.generatedOnly ? [`${folder}/src/generated`] : [`${folder}/src`])),
    // Packages import each other by name; resolve those to the generated siblings, not the repo's builds.
    paths: { [`${options.scope}/*`]: ['./*/src/index.ts'] },
    // Some packages carry Node-only parts (the MSW package's mock-server command).
    types: ['node'],
  });
}
