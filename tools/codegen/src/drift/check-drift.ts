import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { type LoadedSpec, loadSpecFile, parseSpecBytes } from '../load.js';
import { buildModel } from '../model/build-model.js';
import type { ApiModel } from '../model/types.js';
import { type OpenApiDocument, upgradeToOpenApi3 } from '../upgrade.js';
import { validateSpec } from '../validate.js';
import { classifyChanges } from './classify.js';
import { fetchUpstream } from './fetch-upstream.js';
import { type Bump, type DriftChange, recommendBump } from './rules.js';

/** The drift report's data; `--format json` prints exactly this (see the root README). */
export interface DriftResult {
  readonly status: 'in-sync' | 'drift';
  readonly bump: Bump;
  readonly upstream: { readonly url: string; readonly sha256: string };
  readonly committed: { readonly path: string; readonly sha256: string };
  readonly changes: readonly DriftChange[];
}

/** The upstream document, parsed and validated, for `--write`. */
export interface UpstreamSpec {
  readonly bytes: Uint8Array;
  readonly spec: LoadedSpec;
}

/**
 * Fetches the upstream spec and compares it with the committed one, model against model.
 * Every stage that can fail (fetch, parse, validate, upgrade) runs on both sides before any
 * comparison, and nothing is written: a failure is a CodegenError for the caller to report.
 */
export async function checkDrift(options: {
  config: ResolvedConfig;
  upstreamUrl: string;
  timeoutMs: number;
  /** Paths in the result are relative to this folder. */
  cwd: string;
}): Promise<{ result: DriftResult; upstream: UpstreamSpec }> {
  const { config } = options;
  const maxBytes = config.maxSpecBytes;
  const committedSpec = await loadSpecFile({ path: config.spec, ...(maxBytes ? { maxBytes } : {}) });
  const before = await prepareSpec({ spec: committedSpec, config });
  const fetched = await fetchUpstream({ url: options.upstreamUrl, timeoutMs: options.timeoutMs });
  const upstreamSpec = parseSpecBytes({ bytes: fetched.bytes, file: options.upstreamUrl, maxBytes });
  const after = await prepareSpec({ spec: upstreamSpec, config });
  const changes = classifyChanges({
    models: { before: before.model, after: after.model },
    documents: { before: before.document, after: after.document },
  });
  return {
    result: {
      status: changes.length === 0 ? 'in-sync' : 'drift',
      bump: recommendBump(changes),
      upstream: { url: options.upstreamUrl, sha256: upstreamSpec.sha256 },
      committed: { path: path.relative(options.cwd, config.spec).split(path.sep).join('/'), sha256: committedSpec.sha256 },
      changes,
    },
    upstream: { bytes: fetched.bytes, spec: upstreamSpec },
  };
}

/** The spec's OpenAPI 3 form and the generator's model of it. */
async function prepareSpec(options: { spec: LoadedSpec; config: ResolvedConfig }): Promise<{ document: OpenApiDocument; model: ApiModel }> {
  const { spec, config } = options;
  const version = validateSpec({ spec, requireOperationIds: config.requireOperationIds });
  const document = await upgradeToOpenApi3({ document: spec.document, version, file: spec.file });
  return { document, model: buildModel({ document, patterns: config.patterns, resources: config.resources }) };
}
