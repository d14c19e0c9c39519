import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from './config.js';
import { CLIENT_PACKAGE_FOLDER, emitClient } from './emit/client.js';
import { emitMsw, MSW_PACKAGE_FOLDER } from './emit/msw.js';
import { startOpenApiTypesWorker, WORKER_MIN_OPERATIONS } from './emit/openapi-types.js';
import { emitReactQuery, REACT_QUERY_PACKAGE_FOLDER } from './emit/react-query.js';
import { type EmitContext, generatedDir, type PlannedFile } from './emit/shared.js';
import { emitTypes, TYPES_PACKAGE_FOLDER } from './emit/types.js';
import { type LoadedSpec, loadSpecFile } from './load.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel } from './model/types.js';
import { findPackageTemplates, planPackageScaffold } from './scaffold.js';
import { upgradeToOpenApi3 } from './upgrade.js';
import { countOperations, validateSpec } from './validate.js';
import { applyChanges } from './write/apply.js';
import { type ChangePlan, planChanges, sha256 } from './write/plan.js';

/** The manifest's file name, at the output root. */
export const MANIFEST_FILE = 'codegen-manifest.json';

/** Milliseconds spent in each stage of one run. */
export type StageTimings = Record<string, number>;

export interface GenerateResult {
  readonly plan: ChangePlan;
  readonly model: ApiModel;
  readonly timings: StageTimings;
  /** True when `check` was set: nothing was written. */
  readonly checked: boolean;
  /** sha256 of the spec bytes this run generated from. */
  readonly specSha256: string;
  /** Folders (relative to the output root) that hold generated files only. */
  readonly ownedDirs: readonly string[];
}

/**
 * The whole pipeline: load → validate → upgrade → model → emit → plan → write. Every stage runs
 * before anything is written, so bad input leaves the output tree exactly as it was. `force`
 * rewrites files whose content is already right.
 */
export async function generate(options: { config: ResolvedConfig; check?: boolean; force?: boolean }): Promise<GenerateResult> {
  const { config } = options;
  const timings: StageTimings = {};
  // Synchronous stages are timed when they return, asynchronous ones when they settle.
  const time = <T>(stage: string, run: () => T): T => {
    const start = performance.now();
    const record = () => {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    };
    let result: T;
    try {
      result = run();
    } catch (error) {
      record();
      throw error;
    }
    if (result instanceof Promise) return result.finally(record) as T;
    record();
    return result;
  };
  // `let`, released after the upgrade: the source text and (for Swagger 2.0) the original document
  // are not needed by later stages, and holding them raises peak memory during emit.
  let spec: LoadedSpec | undefined = await time('load', () =>
    loadSpecFile({ path: config.spec, ...(config.maxSpecBytes ? { maxBytes: config.maxSpecBytes } : {}) }),
  );
  const specSha256 = spec.sha256;
  // A large spec's types are rendered in a worker thread, started now so that it loads TypeScript
  // and openapi-typescript while this thread validates, upgrades and models (emit/openapi-types.ts).
  const typesWorker = countOperations(spec.document) >= WORKER_MIN_OPERATIONS ? startOpenApiTypesWorker() : undefined;
  try {
    const version = await time('validate', () => validateSpec({ spec: spec!, requireOperationIds: config.requireOperationIds }));
    const document = await time('upgrade', () =>
      upgradeToOpenApi3({ document: spec!.document, version, file: spec!.file, handOver: true }),
    );
    spec = undefined;
    // Handed over before the model is built, which the worker does not need.
    const openapiTypes = typesWorker?.render(document);
    const model = await time('model', () => buildModel({ document, patterns: config.patterns, resources: config.resources }));
    const context: EmitContext = {
      scope: config.scope,
      name: config.name,
      baseUrl: config.baseUrl ?? model.baseUrl ?? 'http://localhost',
      requestIdHeader: config.patterns.requestIdHeader,
      specName: path.basename(config.spec),
      specSha256,
    };
    // One entry per package: the folder it owns and the emitter that fills its src/generated/.
    const emitters: { folder: string; emit: () => PlannedFile[] | Promise<PlannedFile[]> }[] = [
      { folder: TYPES_PACKAGE_FOLDER, emit: () => emitTypes({ model, document, context, openapiTypes }) },
      { folder: CLIENT_PACKAGE_FOLDER, emit: () => emitClient({ model, context }) },
      { folder: MSW_PACKAGE_FOLDER, emit: () => emitMsw({ model, context }) },
      { folder: REACT_QUERY_PACKAGE_FOLDER, emit: () => emitReactQuery({ model, context, hookNames: config.hookNames }) },
    ];
    // All started before any is awaited: with a worker, openapi-typescript runs there while this
    // thread prints the others, and emit:types is wall time from start to finish, overlapping theirs.
    const emitted = emitters.map((emitter) => time(`emit:${emitter.folder}`, emitter.emit));
    const files: PlannedFile[] = (await Promise.all(emitted)).flat();
    const ownedDirs = emitters.map((emitter) => generatedDir(emitter.folder));
    const previous = await readPreviousScaffold(config.out);
    const scaffold = await time('scaffold', async () =>
      planPackageScaffold({
        config,
        folders: emitters.map((emitter) => emitter.folder),
        templates: await findPackageTemplates(),
        previous,
        generated: files,
      }),
    );
    const all = [...files, renderManifest({ files, scaffold, context }), ...scaffold];
    const plan = await time('plan', () => planChanges({ root: config.out, files: all, ownedDirs, force: options.force === true }));
    if (!options.check) await time('write', () => applyChanges(plan));
    return { plan, model, timings, checked: options.check === true, specSha256, ownedDirs };
  } finally {
    // Stopped however the run ends: a thread left running would keep the process alive.
    await typesWorker?.terminate();
  }
}

/**
 * Records what was generated from what: the spec's sha256 and every file's sha256, and — only when
 * there are any — the scaffolded package files, so a later run knows which ones it may refresh.
 */
function renderManifest(options: { files: readonly PlannedFile[]; scaffold: readonly PlannedFile[]; context: EmitContext }): PlannedFile {
  const hashes = (files: readonly PlannedFile[]) =>
    Object.fromEntries([...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((file) => [file.path, sha256(file.content)]));
  const manifest = {
    generator: 'complero-codegen',
    spec: options.context.specName,
    specSha256: options.context.specSha256,
    files: hashes(options.files),
    ...(options.scaffold.length > 0 ? { scaffold: hashes(options.scaffold) } : {}),
  };
  return { path: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The previous manifest's scaffold record (`{}` if it had none); undefined when there is no manifest. */
async function readPreviousScaffold(out: string): Promise<Record<string, string> | undefined> {
  const text = await readFile(path.join(out, MANIFEST_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return (JSON.parse(text) as { scaffold?: Record<string, string> }).scaffold ?? {};
  } catch {
    // A manifest nobody can read records nothing: every existing file counts as someone's.
    return {};
  }
}
