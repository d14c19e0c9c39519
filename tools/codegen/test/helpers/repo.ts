import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.js';

/** The repository root (tools/codegen/test/helpers → ../../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SPEC_FILE = path.join(REPO_ROOT, 'spec/complero.swagger.yaml');
export const CONFIG_FILE = path.join(REPO_ROOT, 'spec/codegen.config.ts');
export const FIXTURES = path.join(REPO_ROOT, 'tools/codegen/test/fixtures');

/** Runs the CLI in-process and captures what it prints. */
export async function runCodegen(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    cwd: REPO_ROOT,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** A fresh temp folder, removed by the returned `cleanup`. */
export async function makeTempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `complero-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies the repo's generated tree (packages/) into `dir`, so tests can run the generator against it. */
export async function copyPackages(dir: string): Promise<string> {
  const out = path.join(dir, 'packages');
  await cp(path.join(REPO_ROOT, 'packages'), out, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.includes(`${path.sep}dist`),
  });
  return out;
}

/** Every file under `dir` with its bytes and mtime: compare two snapshots to prove nothing changed. */
export async function snapshotTree(dir: string): Promise<Map<string, { content: string; mtimeMs: number }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, { content: string; mtimeMs: number }>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const [content, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    files.set(path.relative(dir, file), { content, mtimeMs: info.mtimeMs });
  }
  return files;
}
