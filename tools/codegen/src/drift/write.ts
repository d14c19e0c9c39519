import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { CodegenError } from '../errors.js';
import { generate } from '../generate.js';
import { applyChanges } from '../write/apply.js';
import type { DriftResult, UpstreamSpec } from './check-drift.js';

/** The four packages a spec change releases, in the order a changeset names them. */
const PACKAGE_NAMES = ['types', 'client', 'msw', 'react-query'] as const;

/** What `--write` changed, relative to the repository root. */
export interface DriftWriteResult {
  readonly spec: string;
  readonly changeset: string;
  readonly generated: readonly string[];
  readonly packages: readonly string[];
}

/**
 * Saves the upstream spec over the committed one, regenerates, and writes one changeset.
 * The new spec is validated and every generated file is planned before anything is written.
 * Then the generated files go first (staged, then renamed: an I/O error while staging leaves
 * `packages/` as it was), the changeset next, and the spec last: drift compares the upstream
 * with `spec/`, so until the new spec is in place a failed run still reports drift, and the
 * next `--write` redoes it all. Call it only for `status: 'drift'`; in sync there is nothing
 * to write (a second run is a no-op).
 */
export async function writeDrift(options: {
  config: ResolvedConfig;
  result: DriftResult;
  upstream: UpstreamSpec;
}): Promise<DriftWriteResult> {
  const { config, result, upstream } = options;
  const root = findRepositoryRoot(path.dirname(config.spec));
  const packages = await findReleasedPackages({ root, config });
  const specText = renderSpecFile({ target: config.spec, upstream });
  const changesetFile = path.join(root, '.changeset', `spec-drift-${result.upstream.sha256.slice(0, 12)}.md`);
  const staging = path.join(path.dirname(config.spec), `.drift-${process.pid}-${Date.now().toString(36)}`);
  try {
    await mkdir(staging, { recursive: true });
    // Same basename as the real spec: the manifest records the spec's file name.
    const stagedSpec = path.join(staging, path.basename(config.spec));
    await writeFile(stagedSpec, specText);
    const { plan } = await generate({ config: { ...config, spec: stagedSpec }, check: true });
    const stagedChangeset = path.join(staging, 'changeset.md');
    await writeFile(stagedChangeset, renderChangeset({ result, packages }));
    await applyChanges(plan).catch((error: unknown) => {
      throw new CodegenError({
        message: `could not write the generated files: ${(error as Error).message}; spec/ and .changeset/ were left as they were`,
        hint: 'fix the cause (permissions, a full disk, a file where a folder belongs) and run `pnpm drift --write` again',
        cause: error,
      });
    });
    await rename(stagedChangeset, changesetFile);
    await rename(stagedSpec, config.spec);
    const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
    return {
      spec: relative(config.spec),
      changeset: relative(changesetFile),
      generated: [...plan.writes.map((file) => file.path), ...plan.removals].map((file) => relative(path.join(config.out, file))),
      packages,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * The spec file keeps its format: a YAML upstream is saved byte for byte (its sha256 then
 * matches the report), a JSON upstream is converted to YAML when the committed file is YAML
 * (and vice versa), so the file's name and diffs stay readable.
 */
export function renderSpecFile(options: { target: string; upstream: UpstreamSpec }): string | Uint8Array {
  const { target, upstream } = options;
  const wantsJson = target.endsWith('.json');
  const text = new TextDecoder().decode(upstream.bytes);
  const isJson = /^\s*[{[]/.test(text);
  if (wantsJson === isJson) return upstream.bytes;
  return wantsJson
    ? `${JSON.stringify(upstream.spec.document, null, 2)}\n`
    : // Required here, not imported: every generate run loads this module, and `yaml` takes ≈50 ms.
      (createRequire(import.meta.url)('yaml') as typeof import('yaml')).stringify(upstream.spec.document, {
        lineWidth: 0,
        aliasDuplicateObjects: false,
      });
}

/** One changeset naming every released package with the recommended bump, listing the changes. */
export function renderChangeset(options: { result: DriftResult; packages: readonly string[] }): string {
  const { result, packages } = options;
  const lines = result.changes.map((change) => `- ${change.impact}: ${change.message} (\`${change.rule}\`)`);
  const counts = (['major', 'minor', 'patch'] as const)
    .map((impact) => [impact, result.changes.filter((change) => change.impact === impact).length] as const)
    .filter(([, count]) => count > 0)
    .map(([impact, count]) => `${count} ${impact}`)
    .join(', ');
  return [
    '---',
    ...packages.map((name) => `"${name}": ${result.bump}`),
    '---',
    '',
    `Sync with the upstream API spec (sha256 \`${result.upstream.sha256.slice(0, 12)}\`): ${counts}.`,
    '',
    ...lines,
    '',
  ].join('\n');
}

/** The folder holding `.changeset/`, found by walking up from the spec's folder. */
function findRepositoryRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.changeset', 'config.json'))) return dir;
    if (path.dirname(dir) === dir) {
      throw new CodegenError({
        message: `no .changeset/config.json found above ${start}`,
        hint: '--write records the release in a changeset; run `pnpm changeset init` in the repository root first',
      });
    }
  }
}

/**
 * The changesets `fixed` group holding `<scope>/types` (the four packages release in
 * lockstep), limited to packages present in the workspace: changesets refuses a changeset that
 * names a package it cannot find.
 */
async function findReleasedPackages(options: { root: string; config: ResolvedConfig }): Promise<string[]> {
  const { root, config } = options;
  const wanted = PACKAGE_NAMES.map((name) => `${config.scope}/${name}`);
  const changesetConfig = JSON.parse(await readFile(path.join(root, '.changeset', 'config.json'), 'utf8')) as { fixed?: string[][] };
  const group = changesetConfig.fixed?.find((names) => names.includes(wanted[0] as string)) ?? wanted;
  const present = new Set(await listWorkspacePackages(config.out));
  const packages = group.filter((name) => present.has(name));
  if (packages.length === 0) {
    throw new CodegenError({
      message: `none of ${group.join(', ')} is a package under ${config.out}`,
      hint: 'the changeset must name the packages that release the regenerated code',
    });
  }
  return packages;
}

async function listWorkspacePackages(out: string): Promise<string[]> {
  const entries = await readdir(out, { withFileTypes: true }).catch(() => []);
  const names = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => {
        const text = await readFile(path.join(out, entry.name, 'package.json'), 'utf8').catch(() => undefined);
        return text === undefined ? undefined : (JSON.parse(text) as { name?: string }).name;
      }),
  );
  return names.filter((name): name is string => typeof name === 'string');
}
