import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkConfig, loadConfigFile, type ResolvedConfig } from './config.js';
import { runDrift } from './drift/run-drift.js';
import { CodegenError } from './errors.js';
import { generate } from './generate.js';
import { findDefaultConfigFile, recordGenerationState } from './state.js';
import type { WriteReason } from './write/plan.js';

/** How the summary names each kind of write. */
const WRITTEN: Record<WriteReason, string> = { missing: 'created', stale: 'updated', forced: 'rewritten' };

const USAGE = `Usage: complero-codegen <command> [options]

Commands:
  generate            write every generated file (only those whose content changed)
  drift               compare the upstream spec with spec/ and classify every change (major/minor/patch)

Options (generate):
  --config FILE       codegen config (default: spec/codegen.config.ts of this repository)
  --spec FILE         spec to generate from (overrides the config)
  --out DIR           output root holding the packages (overrides the config)
  --scope @NAME       npm scope of the packages (overrides the config)
  --name NAME         the API's product name, PascalCase (overrides the config)
  --base-url URL      the client's default base URL (overrides the config)
  --scaffold, --no-scaffold
                      write (or not) each package's package.json, tsconfig.json, README,
                      src/index.ts and src/runtime; default: only for an API other than this
                      repository's own, and never over files someone has edited
  A --spec other than the config's drops the settings that belong to the config's spec
  (baseUrl, resources, hookNames, upstream, requireOperationIds): the base URL then comes from
  the new spec's first server, and operations without an operationId get derived names. The
  conventions (patterns, maxSpecBytes) still apply; pass a --config of your own to set them all.
  --check             write nothing; exit 1 listing every stale, missing or extra file
  --force             regenerate and rewrite every file, even when nothing changed
  --timings           print milliseconds per stage (JSON) on stderr
  -h, --help          show this help

Options (drift; exit 0 in sync, 1 drift, 2 error):
  --upstream URL      where the upstream spec is (default: $COMPLERO_UPSTREAM_URL, then upstream.url of the config)
  --timeout-ms MS     give up on the upstream after MS milliseconds (default: upstream.timeoutMs, 15000)
  --format FORMAT     text (default), json or markdown
  --fail-on BUMP      exit 1 only for drift at or above none|patch|minor|major (default: patch; none never fails)
  --write             take the upstream spec into spec/, regenerate, and add one changeset
  --report-file FILE  also write the report to FILE (markdown; json with --format json)
  --config FILE, --spec FILE, --out DIR as for generate
`;

/**
 * Runs the CLI and returns the process exit code. Never throws for bad input: it prints.
 * `recordState` keeps what a writing run produced in node_modules/.cache so the launcher can
 * answer the next unchanged run without loading the generator (see state.ts).
 */
export async function runCli(options: {
  argv: readonly string[];
  cwd: string;
  /** Environment variables (COMPLERO_UPSTREAM_URL, GITHUB_OUTPUT, …); defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  recordState?: boolean;
}): Promise<number> {
  const { stdout, stderr } = options;
  let args: ReturnType<typeof parse>;
  try {
    args = parse(options.argv);
  } catch (error) {
    stderr(`complero-codegen: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command] = args.positionals;
  if (args.values.help || command === undefined) {
    (command === undefined && !args.values.help ? stderr : stdout)(USAGE);
    return command === undefined && !args.values.help ? 2 : 0;
  }
  if (command === 'drift') {
    return runDrift({
      config: () => resolveCliConfig({ cwd: options.cwd, values: args.values }),
      values: args.values,
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdout,
      stderr,
    });
  }
  if (command !== 'generate') {
    stderr(`complero-codegen: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const config = await resolveCliConfig({ cwd: options.cwd, values: args.values });
    const result = await generate({ config, check: args.values.check === true, force: args.values.force === true });
    const { plan } = result;
    if (args.values.timings) stderr(`complero-codegen: timings ${JSON.stringify(roundTimings(result.timings))}\n`);
    if (options.recordState && !args.values.check && config.configFile) {
      recordGenerationState({
        configFile: config.configFile,
        spec: args.values.spec ? path.resolve(options.cwd, args.values.spec) : undefined,
        out: args.values.out ? path.resolve(options.cwd, args.values.out) : undefined,
        specFile: config.spec,
        specSha256: result.specSha256,
        root: plan.root,
        files: [...plan.writes.map((file) => file.path), ...plan.unchanged],
        ownedDirs: result.ownedDirs,
      });
    }
    if (args.values.check) {
      const problems = [
        ...plan.writes.map((file) => `  ${file.reason === 'missing' ? 'missing' : 'stale'}: ${file.path}`),
        ...plan.removals.map((file) => `  extra:   ${file}`),
      ];
      if (problems.length === 0) {
        stdout(`complero-codegen: all ${plan.unchanged.length} generated files are up to date\n`);
        return 0;
      }
      stderr(`complero-codegen: generated files are out of date:\n${problems.join('\n')}\nrun pnpm generate\n`);
      return 1;
    }
    const changed = plan.writes.length + plan.removals.length;
    stdout(
      changed === 0
        ? `complero-codegen: ${plan.unchanged.length} generated files already up to date\n`
        : `complero-codegen: wrote ${plan.writes.length}, removed ${plan.removals.length}, unchanged ${plan.unchanged.length}\n${[
            ...plan.writes.map((file) => `  ${WRITTEN[file.reason]}: ${file.path}`),
            ...plan.removals.map((file) => `  removed: ${file}`),
          ].join('\n')}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CodegenError) {
      stderr(`complero-codegen: error: ${error.message}\n`);
      return 1;
    }
    stderr(`complero-codegen: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

function roundTimings(timings: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(timings).map(([stage, ms]) => [stage, Math.round(ms * 10) / 10]));
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      spec: { type: 'string' },
      out: { type: 'string' },
      scope: { type: 'string' },
      name: { type: 'string' },
      'base-url': { type: 'string' },
      scaffold: { type: 'boolean' },
      'no-scaffold': { type: 'boolean' },
      check: { type: 'boolean' },
      upstream: { type: 'string' },
      'timeout-ms': { type: 'string' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      write: { type: 'boolean' },
      'report-file': { type: 'string' },
      force: { type: 'boolean' },
      timings: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function resolveCliConfig(options: {
  cwd: string;
  values: {
    config?: string;
    spec?: string;
    out?: string;
    scope?: string;
    name?: string;
    'base-url'?: string;
    scaffold?: boolean;
    'no-scaffold'?: boolean;
  };
}): Promise<ResolvedConfig> {
  const { values, cwd } = options;
  const configFile = values.config ? path.resolve(cwd, values.config) : findDefaultConfig(cwd);
  const loaded = await loadConfigFile(configFile);
  const spec = values.spec ? path.resolve(cwd, values.spec) : loaded.spec;
  // baseUrl, resources, hookNames, upstream and the operationId policy were written for the
  // configured spec: another spec (one nobody promised has operationIds) does not inherit them.
  // The naming conventions (patterns) and maxSpecBytes do carry over.
  const { baseUrl, upstream, ...rest } = loaded;
  const config: ResolvedConfig =
    spec === loaded.spec ? loaded : { ...rest, resources: {}, hookNames: {}, requireOperationIds: false, spec };
  const overrides = {
    ...(values.out ? { out: path.resolve(cwd, values.out) } : {}),
    ...(values.scope ? { scope: values.scope } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
    ...(values.scaffold ? { scaffold: true } : values['no-scaffold'] ? { scaffold: false } : {}),
  };
  const merged = { ...config, ...overrides };
  checkConfig({ config: merged, file: '(command line)' });
  return merged;
}

/**
 * `spec/codegen.config.ts` of the enclosing repository (found by walking up to pnpm-workspace.yaml)
 * — from the working folder first, then from the generator's own location, so that
 * `generate --spec … --out …` works from anywhere.
 */
function findDefaultConfig(cwd: string): string {
  const found = findDefaultConfigFile(cwd) ?? findDefaultConfigFile(path.dirname(fileURLToPath(import.meta.url)));
  if (found) return found;
  throw new CodegenError({
    message: 'no codegen config found (looked for spec/codegen.config.ts in this folder and its parents)',
    hint: 'pass --config FILE',
  });
}
