import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CodegenError } from './errors.js';
import { loadTypeScript } from './typescript.js';

/** Names of the headers and parameters that carry the API's conventions. */
export interface PatternConfig {
  /** Query parameter that takes the next page's cursor. */
  readonly cursorParameter: string;
  /** Response header with the next page's cursor; absent on the last page. */
  readonly nextCursorHeader: string;
  /** Response header with a full link to the next page. */
  readonly nextLinkHeader: string;
  /** Query parameter for the page size. */
  readonly limitParameter: string;
  /** Response header (on a 202) naming the background operation that was started. */
  readonly operationIdHeader: string;
  /** Response header (on a 202) linking to that operation. */
  readonly operationLinkHeader: string;
  /** Path template of the operation to poll for a background operation's status. */
  readonly operationPollPath: string;
  /** Response header with the request's id. */
  readonly requestIdHeader: string;
  /** Regular expression (source) for validation error codes documented in `info.description`. */
  readonly validationErrorCode: string;
}

/** What `codegen.config.ts` exports. Paths are relative to the config file. */
export interface CodegenConfig {
  /** The spec to generate from (YAML or JSON, Swagger 2.0 or OpenAPI 3.x). */
  readonly spec: string;
  /** The folder that holds the generated packages (`<out>/<package folder>/src/generated`). */
  readonly out: string;
  /** npm scope of the packages, e.g. `@complero`. */
  readonly scope: string;
  /** The API's product name; names the SDK's entry points (`createCompleroClient`, `CompleroError`). */
  readonly name: string;
  /** Default base URL of the client; defaults to the spec's first server. */
  readonly baseUrl?: string;
  /** Refuse operations without an operationId instead of deriving a name. */
  readonly requireOperationIds?: boolean;
  readonly patterns?: Partial<PatternConfig>;
  /** Resource method names for people, by operationId: `{ BulkUploadContacts: 'contacts.upload' }`. */
  readonly resources?: Readonly<Record<string, string>>;
  /**
   * Stems of React hook names, by operationId, where the derived ones read badly:
   * `{ TriggerSandboxEvent: 'TriggerSandboxEvent' }` gives `useTriggerSandboxEvent`.
   */
  readonly hookNames?: Readonly<Record<string, string>>;
  /** Where the spec comes from, for `complero-codegen drift`. */
  readonly upstream?: { readonly url: string; readonly timeoutMs?: number };
  /** Refuse specs larger than this many bytes. */
  readonly maxSpecBytes?: number;
  /**
   * Also write each package's package.json, tsconfig.json, README, src/index.ts and src/runtime so
   * it installs and builds on its own. Default: yes for another API (a spec, scope or name other
   * than this repository's default config); no for this repository's own API, whose packages are
   * hand-maintained in packages/ (another `out` then mirrors only the generated files).
   */
  readonly scaffold?: boolean;
}

/** A config with every default filled in and every path absolute. */
export interface ResolvedConfig extends Omit<CodegenConfig, 'patterns'> {
  readonly configFile?: string;
  readonly patterns: PatternConfig;
  readonly requireOperationIds: boolean;
  readonly resources: Readonly<Record<string, string>>;
  readonly hookNames: Readonly<Record<string, string>>;
}

export const DEFAULT_PATTERNS: PatternConfig = {
  cursorParameter: 'cursor',
  nextCursorHeader: 'Next-Cursor',
  nextLinkHeader: 'Next-Link',
  limitParameter: 'limit',
  operationIdHeader: 'Operation-Id',
  operationLinkHeader: 'Operation-Link',
  operationPollPath: '/operations/{id}',
  requestIdHeader: 'Request-Id',
  validationErrorCode: '\\bv\\d+c\\d{3}\\b',
};

/** Identity function that gives `codegen.config.ts` its types. */
export function defineConfig(config: CodegenConfig): CodegenConfig {
  return config;
}

/** Fills defaults and makes `spec`/`out` absolute against `baseDir` (the config file's folder). */
export function resolveConfig(options: { config: CodegenConfig; baseDir: string; configFile?: string }): ResolvedConfig {
  const { config, baseDir } = options;
  return {
    ...config,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    spec: path.resolve(baseDir, config.spec),
    out: path.resolve(baseDir, config.out),
    requireOperationIds: config.requireOperationIds ?? false,
    patterns: { ...DEFAULT_PATTERNS, ...config.patterns },
    resources: config.resources ?? {},
    hookNames: config.hookNames ?? {},
  };
}

/**
 * Loads a `codegen.config.ts` (or `.js`/`.mjs`/`.json`). TypeScript is transpiled in memory;
 * the config may import types only (they are erased), which keeps it loadable without a build.
 */
export async function loadConfigFile(file: string): Promise<ResolvedConfig> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new CodegenError({
      message: `cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
      location: { file },
      cause: error,
    });
  }
  const config = absolute.endsWith('.json') ? parseJsonConfig({ text, file }) : await evaluateModule({ text, file: absolute });
  checkConfig({ config, file });
  return resolveConfig({ config, baseDir: path.dirname(absolute), configFile: absolute });
}

function parseJsonConfig(options: { text: string; file: string }): CodegenConfig {
  try {
    return JSON.parse(options.text) as CodegenConfig;
  } catch (error) {
    throw new CodegenError({ message: `the config is not valid JSON: ${(error as Error).message}`, location: { file: options.file } });
  }
}

async function evaluateModule(options: { text: string; file: string }): Promise<CodegenConfig> {
  let source = options.text;
  if (options.file.endsWith('.ts') || options.file.endsWith('.mts')) {
    // require, not import(): ESM-importing typescript's 9 MB CommonJS file first scans it for
    // export names, which costs more than the transpile itself.
    const ts = loadTypeScript();
    source = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      fileName: options.file,
    }).outputText;
  }
  try {
    const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as {
      default?: CodegenConfig;
    };
    if (!module.default) throw new Error('it has no default export');
    return module.default;
  } catch (error) {
    throw new CodegenError({
      message: `the config could not be loaded: ${(error as Error).message}`,
      location: { file: options.file },
      hint: 'a codegen config exports its settings as `export default { ... } satisfies CodegenConfig` and imports types only',
      cause: error,
    });
  }
}

/** Throws a CodegenError naming the first setting that is missing or malformed. */
export function checkConfig(options: { config: CodegenConfig; file: string }): void {
  const { config } = options;
  for (const key of ['spec', 'out', 'scope', 'name'] as const) {
    if (typeof config[key] !== 'string' || config[key] === '') {
      throw new CodegenError({ message: `the config has no \`${key}\` (a non-empty string)`, location: { file: options.file } });
    }
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(config.name)) {
    throw new CodegenError({
      message: `\`name\` must be a PascalCase word such as "Complero" (it names entry points like createCompleroClient), found "${config.name}"`,
      location: { file: options.file },
    });
  }
  if (!/^@[a-z0-9][a-z0-9._-]*$/.test(config.scope)) {
    throw new CodegenError({ message: `\`scope\` must look like "@name", found "${config.scope}"`, location: { file: options.file } });
  }
  for (const [operationId, target] of Object.entries(config.resources ?? {})) {
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?$/.test(target)) {
      throw new CodegenError({
        message: `resources.${operationId} must be "group.method" or "method", found "${target}"`,
        location: { file: options.file },
      });
    }
  }
  for (const [operationId, stem] of Object.entries(config.hookNames ?? {})) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(stem)) {
      throw new CodegenError({
        message: `hookNames.${operationId} must be a PascalCase stem like "TriggerSandboxEvent" (it becomes useTriggerSandboxEvent), found "${stem}"`,
        location: { file: options.file },
      });
    }
  }
}
