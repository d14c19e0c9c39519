import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** tools/bench, whether running from src/ (tests) or dist/ (the bench). */
export const BENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root. */
export const REPO_ROOT = path.resolve(BENCH_ROOT, '../..');
/** Scratch space for generated trees and configs (ignored by git). */
export const WORK_DIR = path.join(BENCH_ROOT, '.work');
/** Where results are written (ignored by git). */
export const RESULTS_DIR = path.join(BENCH_ROOT, 'results');
/** Where peers are installed on demand (ignored by git). */
export const PEERS_DIR = path.join(BENCH_ROOT, '.peers');
/** The generator's launcher, exactly what `pnpm generate` runs. */
export const CODEGEN_BIN = path.join(REPO_ROOT, 'tools/codegen/bin/complero-codegen.js');
export const COMPLERO_SPEC = path.join(REPO_ROOT, 'spec/complero.swagger.yaml');
export const COMPLERO_CONFIG = path.join(REPO_ROOT, 'spec/codegen.config.ts');

/** The real-world specs folder: $COMPLERO_SPECS_DIR, else ../shared/specs beside the repo. */
export function specsDir(): string {
  return process.env.COMPLERO_SPECS_DIR ? path.resolve(process.env.COMPLERO_SPECS_DIR) : path.resolve(REPO_ROOT, '../shared/specs');
}

/** A spec to benchmark on. */
export interface BenchSpec {
  /** Short id used in tables and file names, e.g. `kubernetes`. */
  readonly id: string;
  readonly file: string;
  /** Product name for the generated entry points. */
  readonly name: string;
}

/** The Complero spec, then every spec in the specs folder (sorted by name); `missing` says why some are absent. */
export function discoverSpecs(): { specs: BenchSpec[]; missing?: string } {
  const specs: BenchSpec[] = [{ id: 'complero', file: COMPLERO_SPEC, name: 'Complero' }];
  const dir = specsDir();
  if (!existsSync(dir)) return { specs, missing: `no real-world specs: ${dir} does not exist (set COMPLERO_SPECS_DIR)` };
  for (const entry of readdirSync(dir).sort()) {
    if (!/\.(json|ya?ml)$/.test(entry)) continue;
    const id = (entry.split(/[-.]/)[0] ?? entry).toLowerCase();
    specs.push({ id, file: path.join(dir, entry), name: `${id.charAt(0).toUpperCase()}${id.slice(1)}` });
  }
  return { specs };
}
