/** The generator's programmatic surface: the config types for `codegen.config.ts`, and the pipeline. */
export {
  type CodegenConfig,
  DEFAULT_PATTERNS,
  defineConfig,
  loadConfigFile,
  type PatternConfig,
  type ResolvedConfig,
  resolveConfig,
} from './config.js';
export { CodegenError, type SpecLocation } from './errors.js';
export { type GenerateResult, generate } from './generate.js';
export { type LoadedSpec, loadSpecFile, parseSpecBytes } from './load.js';
export { buildModel } from './model/build-model.js';
export type * from './model/types.js';
export { upgradeToOpenApi3 } from './upgrade.js';
export { countOperations, HTTP_METHODS, validateSpec } from './validate.js';
