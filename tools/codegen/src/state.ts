// What the last successful `generate` produced from what, so that a run with nothing changed can
// stop before loading the generator. This module must import node built-ins only: the launcher
// (bin/complero-codegen.js) loads it first, and all its worth is in not loading anything else.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Bumped whenever the shape of the state file changes; other versions are ignored. */
const STATE_VERSION = 1;

/** One generated file as it was right after it was written. */
export interface RecordedFile {
  /** Absolute path. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

/** The state file's content. */
export interface GenerationState {
  readonly version: number;
  readonly configFile: string;
  readonly configSha256: string;
  readonly specFile: string;
  readonly specSha256: string;
  readonly generatorSha256: string;
  /** Every generated file, manifest included. */
  readonly files: readonly RecordedFile[];
  /** Folders that hold generated files only (absolute), with what they held (sorted, absolute). */
  readonly ownedDirs: readonly { readonly dir: string; readonly files: readonly string[] }[];
}

/** What the CLI's argv means for the fast path. */
interface FastPathArgs {
  readonly configFile: string;
  readonly spec?: string;
  readonly out?: string;
  readonly check: boolean;
}

/**
 * Answers `generate` (and `generate --check`) without loading the generator when the spec, the
 * config, the generator and every generated file are exactly as the last run left them. Returns
 * the exit code, or `undefined` when the full pipeline must run (anything changed, no state yet,
 * `--force`, another command, arguments it does not understand).
 */
export function tryFastPath(options: { argv: readonly string[]; cwd: string; stdout: (text: string) => void }): number | undefined {
  const args = readFastPathArgs(options);
  if (!args) return undefined;
  const stateFile = stateFilePath(args);
  if (!stateFile) return undefined;
  const state = readState(stateFile);
  if (!state || !isCurrent({ state, args })) return undefined;
  options.stdout(
    args.check
      ? `complero-codegen: all ${state.files.length} generated files are up to date\n`
      : `complero-codegen: ${state.files.length} generated files already up to date\n`,
  );
  return 0;
}

/** Records what a successful, writing `generate` run produced. Best effort: a failure only costs the next run its fast path. */
export function recordGenerationState(options: {
  configFile: string;
  spec?: string | undefined;
  out?: string | undefined;
  specFile: string;
  specSha256: string;
  root: string;
  /** Generated files, relative to `root`. */
  files: readonly string[];
  /** Owned folders, relative to `root`. */
  ownedDirs: readonly string[];
}): void {
  const stateFile = stateFilePath(options);
  if (!stateFile) return;
  try {
    const state: GenerationState = {
      version: STATE_VERSION,
      configFile: options.configFile,
      configSha256: hashFile(options.configFile),
      specFile: options.specFile,
      specSha256: options.specSha256,
      generatorSha256: generatorFingerprint(),
      files: [...options.files].sort().map((file) => {
        const absolute = path.join(options.root, file);
        const info = statSync(absolute);
        return { path: absolute, size: info.size, mtimeMs: info.mtimeMs, sha256: hashFile(absolute) };
      }),
      ownedDirs: options.ownedDirs.map((dir) => ({ dir: path.join(options.root, dir), files: listFiles(path.join(options.root, dir)) })),
    };
    mkdirSync(path.dirname(stateFile), { recursive: true });
    const temp = `${stateFile}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, stateFile);
  } catch {
    // The state is an optimisation; generation itself already succeeded.
  }
}

/**
 * Where the state of one (config, --spec, --out) combination lives: under the nearest
 * `node_modules/.cache/complero-codegen/` above the config file (never committed), or nowhere
 * when there is no node_modules folder.
 */
export function stateFilePath(options: { configFile: string; spec?: string | undefined; out?: string | undefined }): string | undefined {
  for (let dir = path.dirname(options.configFile); ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    if (existsSync(modules)) {
      const key = sha256(JSON.stringify([options.configFile, options.spec ?? null, options.out ?? null])).slice(0, 16);
      return path.join(modules, '.cache', 'complero-codegen', `state-${key}.json`);
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `spec/codegen.config.ts` of the enclosing repository (found by walking up to pnpm-workspace.yaml). */
export function findDefaultConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'spec', 'codegen.config.ts');
    if (existsSync(candidate) && existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * sha256 over the generator's own code: every file next to this module (the built dist/ folder),
 * the launcher and package.json (whose exact dependency pins decide the rest of the output).
 */
export function generatorFingerprint(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const files = readdirSync(here).sort();
  for (const name of files) {
    const file = path.join(here, name);
    if (!statSync(file).isFile()) continue;
    hash.update(name).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const file of [path.join(here, '..', 'package.json'), path.join(here, '..', 'bin', 'complero-codegen.js')]) {
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function readFastPathArgs(options: { argv: readonly string[]; cwd: string }): FastPathArgs | undefined {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof CLI_OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...options.argv], allowPositionals: true, options: CLI_OPTIONS });
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'generate' || values.force || values.timings || values.help) return undefined;
  const configFile = values.config ? path.resolve(options.cwd, values.config) : findDefaultConfigFile(options.cwd);
  if (!configFile) return undefined;
  return {
    configFile,
    ...(values.spec ? { spec: path.resolve(options.cwd, values.spec) } : {}),
    ...(values.out ? { out: path.resolve(options.cwd, values.out) } : {}),
    check: values.check === true,
  };
}

/** The CLI's options, as far as the fast path needs to understand them. */
const CLI_OPTIONS = {
  config: { type: 'string' },
  spec: { type: 'string' },
  out: { type: 'string' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  timings: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readState(file: string): GenerationState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as GenerationState;
    return state.version === STATE_VERSION ? state : undefined;
  } catch {
    return undefined;
  }
}

function isCurrent(options: { state: GenerationState; args: FastPathArgs }): boolean {
  const { state, args } = options;
  try {
    if (state.configFile !== args.configFile || hashFile(args.configFile) !== state.configSha256) return false;
    if (args.spec !== undefined && args.spec !== state.specFile) return false;
    if (hashFile(state.specFile) !== state.specSha256) return false;
    if (generatorFingerprint() !== state.generatorSha256) return false;
    for (const file of state.files) {
      const info = statSync(file.path, { throwIfNoEntry: false });
      if (!info || info.size !== file.size) return false;
      // A touched file with the same bytes (a checkout, a copy) is still current.
      if (info.mtimeMs !== file.mtimeMs && hashFile(file.path) !== file.sha256) return false;
    }
    for (const owned of state.ownedDirs) {
      const now = listFiles(owned.dir);
      if (now.length !== owned.files.length || now.some((file, index) => file !== owned.files[index])) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function hashFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
