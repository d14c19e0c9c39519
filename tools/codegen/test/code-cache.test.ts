import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireWithCodeCache, saveCodeCaches } from '../src/code-cache.js';
import { loadTypeScript } from '../src/typescript.js';
import { makeTempDir } from './helpers/repo.js';

const require = createRequire(import.meta.url);
const execFileAsync = promisify(execFile);

describe('requireWithCodeCache', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let cacheDir: string;
  let file: string;

  beforeEach(async () => {
    temp = await makeTempDir('code-cache');
    cacheDir = path.join(temp.dir, 'cache');
    process.env.COMPLERO_CODEGEN_CACHE_DIR = cacheDir;
    await mkdir(path.join(temp.dir, 'lib'));
    await writeFile(path.join(temp.dir, 'lib', 'helper.js'), 'module.exports = (x) => x * 2;\n');
    file = path.join(temp.dir, 'lib', 'module.js');
    await writeFile(
      file,
      "const helper = require('./helper.js');\nexports.answer = helper(21);\nexports.where = [__filename, __dirname];\nexports.self = () => module.exports;\n",
    );
  });

  afterEach(async () => {
    delete process.env.COMPLERO_CODEGEN_CACHE_DIR;
    delete process.env.NODE_DISABLE_COMPILE_CACHE;
    delete require.cache[file];
    await temp.cleanup();
  });

  const load = () => {
    delete require.cache[file];
    return requireWithCodeCache(file) as { answer: number; where: string[]; self: () => unknown };
  };
  const entries = async () => (await readdir(cacheDir).catch(() => [])).filter((name) => name.endsWith('.v8'));

  it('loads a CommonJS module as require() does: exports, relative requires, __filename, require.cache', () => {
    const loaded = load();
    expect(loaded.answer).toBe(42);
    expect(loaded.where).toStrictEqual([file, path.dirname(file)]);
    expect(loaded.self()).toBe(loaded);
    expect(require(file)).toBe(loaded);
  });

  // V8 also caches compiled scripts in memory, per process: whether an entry on disk is used or
  // refused only shows in a fresh process, as every generator run is.
  const loadInFreshProcess = async () => {
    const module = path.join(temp.dir, 'code-cache.mjs');
    const ts = loadTypeScript();
    const source = await readFile(path.join(import.meta.dirname, '../src/code-cache.ts'), 'utf8');
    await writeFile(
      module,
      ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText,
    );
    const script = `const { requireWithCodeCache } = await import(${JSON.stringify(pathToFileURL(module).href)}); console.log(requireWithCodeCache(${JSON.stringify(file)}).answer);`;
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env } });
    return Number(stdout.trim());
  };

  it('writes an entry when a run ends, and the next run loads from it without writing again', async () => {
    expect(await loadInFreshProcess()).toBe(42);
    const [entry] = await entries();
    expect(entry).toBeDefined();
    const written = await stat(path.join(cacheDir, entry as string));
    expect(await loadInFreshProcess()).toBe(42);
    expect((await stat(path.join(cacheDir, entry as string))).mtimeMs).toBe(written.mtimeMs);
    expect(await entries()).toHaveLength(1);
  });

  it('loads correctly from an entry V8 refuses (corrupt), and replaces it', async () => {
    expect(await loadInFreshProcess()).toBe(42);
    const entry = path.join(cacheDir, (await entries())[0] as string);
    await writeFile(entry, 'not V8 code cache data');
    expect(await loadInFreshProcess()).toBe(42);
    expect((await readFile(entry)).toString()).not.toBe('not V8 code cache data');
  });

  it('writes nothing until saved (at exit)', async () => {
    load();
    expect(await entries()).toHaveLength(0);
    saveCodeCaches();
    expect(await entries()).toHaveLength(1);
  });

  it('writes nothing with NODE_DISABLE_COMPILE_CACHE set', async () => {
    process.env.NODE_DISABLE_COMPILE_CACHE = '1';
    expect(load().answer).toBe(42);
    saveCodeCaches();
    expect(await entries()).toHaveLength(0);
  });

  it('still loads when the cache folder cannot be created', async () => {
    await writeFile(path.join(temp.dir, 'blocker'), '');
    process.env.COMPLERO_CODEGEN_CACHE_DIR = path.join(temp.dir, 'blocker', 'cache');
    expect(load().answer).toBe(42);
    expect(() => saveCodeCaches()).not.toThrow();
  });

  it("passes on the module's own error and leaves nothing half-loaded in require.cache", async () => {
    await writeFile(file, "exports.partial = true;\nthrow new RangeError('module failed at load');\n");
    expect(() => load()).toThrow(new RangeError('module failed at load'));
    expect(require.cache[file]).toBeUndefined();
  });
});
