import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/**
 * `require` with V8's code cache, for the large CommonJS file every run loads: TypeScript, 9 MB,
 * takes ≈0.2 s to compile and ≈0.06 s to load from the cache. Node 22 does this for every
 * module (`module.enableCompileCache()`); Node 20 has no such switch, so this does it for ours.
 *
 * The cache lives in `node_modules/.cache/complero-codegen` beside the generator, or in
 * `$COMPLERO_CODEGEN_CACHE_DIR` (never in a shared temp folder: the cache is code). A file's entry is keyed by its path, size and mtime and by the
 * Node version; V8 itself refuses data from another V8 or other flags, and a refused or missing
 * entry is written again when the process exits, with every function the run compiled. The cache
 * only ever saves time: if it cannot be read or written the module loads the ordinary way.
 * `NODE_DISABLE_COMPILE_CACHE=1` (Node 22's own switch) turns it off.
 */
const require = createRequire(import.meta.url);
const pending = new Map<string, vm.Script>();

export function requireWithCodeCache(file: string): unknown {
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  const cacheFile = cacheFileFor(file);
  if (cacheFile === undefined) return require(file);
  const source = readFileSync(file, 'utf8');
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) rememberToSave(cacheFile, script);
  const module = new Module(file);
  module.filename = file;
  module.paths = createRequire(file).resolve.paths('x') ?? [];
  // In the cache before it runs, as require() does: a circular require then gets the partial exports.
  require.cache[file] = module;
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  return module.exports;
}

function cacheFileFor(file: string): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  const { size, mtimeMs } = statSync(file);
  const key = createHash('sha256').update(`${file}\0${size}\0${mtimeMs}\0${process.version}\0${process.arch}`).digest('hex');
  return path.join(dir, `${key.slice(0, 32)}.v8`);
}

let dir: string | null | undefined;

/** `$COMPLERO_CODEGEN_CACHE_DIR`, else `.cache/complero-codegen` in the nearest node_modules above this file. */
function cacheDir(): string | undefined {
  if (process.env.COMPLERO_CODEGEN_CACHE_DIR) return process.env.COMPLERO_CODEGEN_CACHE_DIR;
  if (dir === undefined) {
    dir = null;
    for (let at = path.dirname(fileURLToPath(import.meta.url)); at !== path.dirname(at); at = path.dirname(at)) {
      if (existsSync(path.join(at, 'node_modules'))) {
        dir = path.join(at, 'node_modules', '.cache', 'complero-codegen');
        break;
      }
    }
  }
  return dir ?? undefined;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function rememberToSave(cacheFile: string, script: vm.Script): void {
  if (pending.size === 0) process.once('exit', saveCodeCaches);
  pending.set(cacheFile, script);
}

/**
 * Writes the entries that were missing or refused. Runs at exit, so they hold every function the
 * run compiled; exported for tests. Failure costs only time.
 */
export function saveCodeCaches(): void {
  for (const [cacheFile, script] of pending) {
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      // Renamed into place: a concurrent run reads either no entry or a whole one.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only or full disk: the next run compiles again, as it would without a cache.
    }
  }
  pending.clear();
}
