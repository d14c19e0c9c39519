import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_PATTERNS } from '../../src/config.js';
import { parseSpecBytes } from '../../src/load.js';
import { buildModel } from '../../src/model/build-model.js';
import type { ApiModel } from '../../src/model/types.js';
import { upgradeToOpenApi3 } from '../../src/upgrade.js';
import { validateSpec } from '../../src/validate.js';

/** A Swagger 2.0 document as plain data, for tests to change. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into fixture specs freely; validateSpec checks their shape
export type SpecDocument = Record<string, any>;

/** A fresh copy of the classifier's "before" fixture. */
export function readBaseSpec(): SpecDocument {
  return parse(readFileSync(new URL('../fixtures/drift/base.swagger.yaml', import.meta.url), 'utf8')) as SpecDocument;
}

/** The generator's model of a document, built the way `drift` builds it (validate → upgrade → model). */
export async function modelOf(document: SpecDocument): Promise<ApiModel> {
  const spec = parseSpecBytes({ bytes: new TextEncoder().encode(JSON.stringify(document)), file: 'test.json' });
  const version = validateSpec({ spec });
  const upgraded = await upgradeToOpenApi3({ document: spec.document, version, file: spec.file });
  return buildModel({ document: upgraded, patterns: DEFAULT_PATTERNS });
}
