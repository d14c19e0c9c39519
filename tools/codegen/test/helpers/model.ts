import { loadConfigFile } from '../../src/config.js';
import { loadSpecFile } from '../../src/load.js';
import { buildModel } from '../../src/model/build-model.js';
import type { ApiModel } from '../../src/model/types.js';
import { upgradeToOpenApi3 } from '../../src/upgrade.js';
import { validateSpec } from '../../src/validate.js';
import { CONFIG_FILE } from './repo.js';

/** The IR of the Complero spec, built the way `generate` builds it. */
export async function buildComplero(): Promise<ApiModel> {
  const config = await loadConfigFile(CONFIG_FILE);
  const spec = await loadSpecFile({ path: config.spec });
  const version = validateSpec({ spec, requireOperationIds: config.requireOperationIds });
  const document = await upgradeToOpenApi3({ document: spec.document, version, file: spec.file });
  return buildModel({ document, patterns: config.patterns, resources: config.resources });
}
