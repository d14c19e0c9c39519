import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfigFile } from '@complero/codegen';
import { type BenchSpec, COMPLERO_CONFIG, WORK_DIR } from './workspace.js';

/** A spec made ready to generate from: a JSON codegen config and an output folder in the work dir. */
export interface BenchTarget {
  readonly spec: BenchSpec;
  readonly dir: string;
  readonly configFile: string;
  readonly outDir: string;
}

/**
 * Writes the codegen config for one spec. Complero keeps its real config (patterns, resource
 * names); other specs get the defaults, as a user pointing the generator at them would.
 */
export async function prepareTarget(spec: BenchSpec): Promise<BenchTarget> {
  const dir = path.join(WORK_DIR, spec.id);
  const outDir = path.join(dir, 'packages');
  await rm(dir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const base =
    spec.id === 'complero'
      ? await (async () => {
          const { configFile: _configFile, upstream: _upstream, ...resolved } = await loadConfigFile(COMPLERO_CONFIG);
          return resolved;
        })()
      : // Complero's scope and name, so the packages' hand-written runtime (which imports
        // @complero/types and names CompleroResources) type-checks against the generated code.
        { scope: '@complero', name: 'Complero', maxSpecBytes: 64 * 1024 * 1024 };
  const configFile = path.join(dir, 'codegen.config.json');
  await writeFile(configFile, `${JSON.stringify({ ...base, spec: spec.file, out: outDir }, null, 2)}\n`);
  return { spec, dir, configFile, outDir };
}

/** Empties a target's output folder, so the next run is a cold, full generation. */
export async function resetOutput(target: BenchTarget): Promise<void> {
  await rm(target.outDir, { recursive: true, force: true });
  await mkdir(target.outDir, { recursive: true });
}
