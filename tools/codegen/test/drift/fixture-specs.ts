import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_PATTERNS } from '../../src/config.js';
import { classifyChanges } from '../../src/drift/classify.js';
import type { DriftChange } from '../../src/drift/rules.js';
import { parseSpecBytes } from '../../src/load.js';
import { buildModel } from '../../src/model/build-model.js';
import type { ApiModel } from '../../src/model/types.js';
import { type OpenApiDocument, upgradeToOpenApi3 } from '../../src/upgrade.js';
import { validateSpec } from '../../src/validate.js';

/** A Swagger 2.0 document as plain data, for tests to change. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into fixture specs freely; validateSpec checks their shape
export type SpecDocument = Record<string, any>;

/** A fresh copy of the classifier's "before" fixture. */
export function readBaseSpec(): SpecDocument {
  return parse(readFileSync(new URL('../fixtures/drift/base.swagger.yaml', import.meta.url), 'utf8')) as SpecDocument;
}

/**
 * The generator's model of a document and the OpenAPI 3 form it was built from, made the way
 * `drift` makes them (validate → upgrade → model).
 */
export async function prepareSpec(document: SpecDocument): Promise<{ document: OpenApiDocument; model: ApiModel }> {
  const spec = parseSpecBytes({ bytes: new TextEncoder().encode(JSON.stringify(document)), file: 'test.json' });
  const version = validateSpec({ spec });
  const upgraded = await upgradeToOpenApi3({ document: spec.document, version, file: spec.file });
  return { document: upgraded, model: buildModel({ document: upgraded, patterns: DEFAULT_PATTERNS }) };
}

/** Classifies the difference between two fixture documents the way `drift` does. */
export async function classifyDocuments(options: { before: SpecDocument; after: SpecDocument }): Promise<DriftChange[]> {
  const [before, after] = await Promise.all([prepareSpec(options.before), prepareSpec(options.after)]);
  return classifyChanges({
    models: { before: before.model, after: after.model },
    documents: { before: before.document, after: after.document },
  });
}
