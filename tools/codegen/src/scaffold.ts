import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigFile, type ResolvedConfig } from './config.js';
import type { PlannedFile } from './emit/shared.js';
import { alignPackageEntries } from './scaffold-entries.js';
import { pruneUnportableFiles } from './scaffold-prune.js';
import { findDefaultConfigFile } from './state.js';

/**
 * The hand-maintained files of this repository's packages (package.json, README, tsdown config,
 * src/index.ts, src/runtime/**) are the templates for every other API: they are the output of the
 * default config, so retargeting them is a matter of swapping its scope and product name.
 */
export interface PackageTemplates {
  /** The repository's own packages folder (the default config's `out`). */
  readonly root: string;
  /** The spec, scope and product name the templates are written for, e.g. `@complero` and `Complero`. */
  readonly spec: string;
  readonly scope: string;
  readonly name: string;
  /** Compiler options of the repository's tsconfig.base.json, inlined into scaffolded tsconfigs. */
  readonly compilerOptions: Readonly<Record<string, unknown>>;
}

/** Compiler options used when the repository's tsconfig.base.json is not at hand (an installed generator). */
const STRICT_COMPILER_OPTIONS: Readonly<Record<string, unknown>> = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  esModuleInterop: true,
  skipLibCheck: true,
  forceConsistentCasingInFileNames: true,
  resolveJsonModule: true,
  declaration: true,
  noEmit: true,
};

/**
 * Finds the repository this generator lives in (walking up from this module to the folder with
 * pnpm-workspace.yaml and spec/codegen.config.ts) and reads its default config's scope and name.
 * Returns undefined for a generator installed on its own: scaffolds then use built-in defaults.
 */
export async function findPackageTemplates(): Promise<PackageTemplates | undefined> {
  const configFile = findDefaultConfigFile(path.dirname(fileURLToPath(import.meta.url)));
  if (!configFile) return undefined;
  const dir = path.dirname(path.dirname(configFile));
  const config = await loadConfigFile(configFile);
  const base = await readFile(path.join(dir, 'tsconfig.base.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { compilerOptions?: Record<string, unknown> }).compilerOptions)
    .catch(() => undefined);
  return { root: config.out, spec: config.spec, scope: config.scope, name: config.name, compilerOptions: base ?? STRICT_COMPILER_OPTIONS };
}

/**
 * The files that make each generated package installable on its own: package.json, tsconfig.json,
 * README, tsdown config, src/index.ts and the other hand-written sources (plus a workspace root for a fresh output
 * folder), retargeted to the config's scope and name.
 *
 * They are never allowed to clobber a person's work. A file is planned only when it is missing, or
 * when it is exactly what the generator wrote last time (its sha256 is in the previous manifest's
 * `scaffold` record): then it is refreshed. Anything else — this repository's hand-maintained
 * packages, or a scaffolded file someone has since edited — is left alone. In the repository's own
 * packages folder only a package's essentials (package.json, tsconfig.json, src/index.ts) are ever
 * created. This repository's own API generated elsewhere gets no scaffold unless the config asks
 * (`scaffold: true`): such a folder mirrors packages/ file for file.
 */
export async function planPackageScaffold(options: {
  config: ResolvedConfig;
  folders: readonly string[];
  templates: PackageTemplates | undefined;
  /** The manifest's `scaffold` record from the previous run; undefined when there was no manifest. */
  previous: Readonly<Record<string, string>> | undefined;
  /** This run's generated files: hand-written files are kept only where their imports resolve. */
  generated: readonly PlannedFile[];
}): Promise<PlannedFile[]> {
  const { config, templates } = options;
  const inRepository = templates !== undefined && path.resolve(config.out) === path.resolve(templates.root);
  const sameApi =
    templates !== undefined &&
    path.resolve(config.spec) === path.resolve(templates.spec) &&
    config.scope === templates.scope &&
    config.name === templates.name;
  if (!inRepository && !(config.scaffold ?? !sameApi)) return [];
  const retarget = createRetargeter({ from: templates, to: config, folders: options.folders });
  const files: PlannedFile[] = [];
  // src/index.ts and every other hand-written source: kept only where they fit the new API.
  const handWritten: PlannedFile[] = [];
  for (const folder of options.folders) {
    const source = templates ? path.join(templates.root, folder) : undefined;
    const read = async (file: string) => (source ? readFile(path.join(source, file), 'utf8').catch(() => undefined) : undefined);
    const template = await read('package.json');
    files.push({
      path: `${folder}/package.json`,
      content: renderPackageJson({ template, folder, folders: options.folders, config, retarget }),
    });
    files.push({
      path: `${folder}/tsconfig.json`,
      content: renderTsconfig(templates?.compilerOptions ?? STRICT_COMPILER_OPTIONS),
    });
    const index = await read('src/index.ts');
    const indexFile = { path: `${folder}/src/index.ts`, content: index ? retarget(index) : "export * from './generated/index.js';\n" };
    if (inRepository) {
      files.push(indexFile);
      continue;
    }
    handWritten.push(indexFile);
    const readme = await read('README.md');
    files.push({ path: `${folder}/README.md`, content: readme ? retarget(readme) : renderReadme({ folder, config }) });
    const tsdown = await read('tsdown.config.ts');
    if (tsdown) files.push({ path: `${folder}/tsdown.config.ts`, content: retarget(tsdown) });
    if (source) {
      for (const file of await listHandWrittenSources(source)) {
        const text = await readFile(path.join(source, file), 'utf8');
        handWritten.push({ path: `${folder}/${file}`, content: retarget(text) });
      }
      // Launchers named after the product (`bin/complero-mock.js` → `bin/acme-mock.js`), as package.json's `bin` now says.
      for (const file of await listLaunchers(source)) {
        files.push({ path: `${folder}/${retarget(file)}`, content: retarget(await readFile(path.join(source, file), 'utf8')) });
      }
    }
  }
  const kept = pruneUnportableFiles({ files: [...options.generated, ...files, ...handWritten], handWritten, scope: config.scope });
  if (inRepository) files.push(...kept);
  else files.splice(0, files.length, ...alignPackageEntries({ files: [...files, ...kept], folders: options.folders }));
  // A workspace root only for a folder the generator starts from scratch (or set up itself before).
  if (!inRepository && (options.previous === undefined || 'package.json' in options.previous)) {
    files.push({ path: 'pnpm-workspace.yaml', content: "packages:\n  - '*'\n" });
    files.push({
      path: 'package.json',
      content: `${JSON.stringify({ name: `${config.scope.slice(1)}-sdk`, private: true, type: 'module' }, null, 2)}\n`,
    });
  }
  const owned = await Promise.all(
    files.map(async (file) => {
      const current = await readFile(path.join(config.out, file.path)).catch(() => undefined);
      if (current === undefined) return true;
      return options.previous?.[file.path] === createHash('sha256').update(current).digest('hex');
    }),
  );
  return files.filter((_, index) => owned[index]);
}

/** Every hand-written file under `src` but index.ts (src/runtime, client.ts, …), relative to the package, sorted. */
async function listHandWrittenSources(packageDir: string): Promise<string[]> {
  const entries = await readdir(path.join(packageDir, 'src'), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(packageDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('src/generated/') && file !== 'src/index.ts' && !/\.test(-d)?\.tsx?$/.test(file))
    .sort();
}

/** The files of a package's `bin/` folder, relative to the package, sorted. */
async function listLaunchers(packageDir: string): Promise<string[]> {
  const entries = await readdir(path.join(packageDir, 'bin'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `bin/${entry.name}`)
    .sort();
}

/**
 * Rewrites template text for another API: `@complero/<package>` → `@scope/<package>` for the
 * generated packages, `Complero` → `Name`, `complero` → `name`, `COMPLERO` → `NAME`. The generator
 * itself (`complero-codegen`, `@complero/codegen`) keeps its name.
 */
function createRetargeter(options: {
  from: PackageTemplates | undefined;
  to: ResolvedConfig;
  folders: readonly string[];
}): (text: string) => string {
  const { from, to } = options;
  if (!from || (from.scope === to.scope && from.name === to.name)) return (text) => text;
  const word = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const packages = new RegExp(`${word(from.scope)}/(${options.folders.map(word).join('|')})\\b`, 'g');
  const lower = new RegExp(`${word(from.name.toLowerCase())}(?![-/]codegen)`, 'g');
  return (text) =>
    text
      .replace(packages, `${to.scope}/$1`)
      .replaceAll(from.name, to.name)
      .replace(lower, to.name.toLowerCase())
      .replaceAll(from.name.toUpperCase(), to.name.toUpperCase());
}

function renderPackageJson(options: {
  template: string | undefined;
  folder: string;
  folders: readonly string[];
  config: ResolvedConfig;
  retarget: (text: string) => string;
}): string {
  const { folder, config } = options;
  const base = options.template
    ? (JSON.parse(options.retarget(options.template)) as Record<string, unknown>)
    : {
        version: '0.1.0',
        description: `The ${config.name} API: ${folder}, generated from its OpenAPI description.`,
        type: 'module',
        sideEffects: false,
        exports: { '.': './src/index.ts', './package.json': './package.json' },
        scripts: { typecheck: 'tsc --noEmit -p tsconfig.json' },
        devDependencies: { typescript: '5.9.3' },
      };
  const scripts = { ...((base.scripts as Record<string, string> | undefined) ?? {}) };
  // A scaffolded package ships no tests of its own; `vitest run` would fail on an empty suite. Nor
  // does it get the template's benchmarks (a bench/ folder of this repository's own).
  delete scripts.test;
  delete scripts.bench;
  // Workspace links to anything but the generated packages (the generator itself) cannot resolve
  // outside this repository.
  const generated = new Set(options.folders.map((name) => `${config.scope}/${name}`));
  const dependencies = Object.fromEntries(
    (['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const)
      .filter((key) => base[key] !== undefined)
      .map((key) => [
        key,
        Object.fromEntries(
          Object.entries(base[key] as Record<string, string>).filter(
            ([name, range]) => !range.startsWith('workspace:') || generated.has(name),
          ),
        ),
      ]),
  );
  const json = { ...base, ...dependencies, name: `${config.scope}/${folder}`, scripts };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function renderTsconfig(compilerOptions: Readonly<Record<string, unknown>>): string {
  // Self-contained: the package must type-check outside this repository, with its strict settings.
  return `${JSON.stringify({ compilerOptions, include: ['src'] }, null, 2)}\n`;
}

function renderReadme(options: { folder: string; config: ResolvedConfig }): string {
  const name = `${options.config.scope}/${options.folder}`;
  return `# ${name}\n\nThe ${options.config.name} API's ${options.folder}, generated from its OpenAPI description.\n\n\`\`\`sh\nnpm install ${name}\n\`\`\`\n`;
}
