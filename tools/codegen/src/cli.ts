import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile, type ResolvedConfig } from './config.js';
import { runDrift } from './drift/run-drift.js';
import { CodegenError } from './errors.js';
import { generate } from './generate.js';

const USAGE = `Usage: complero-codegen <command> [options]

Commands:
  generate            write every generated file (only those whose content changed)
  drift               compare the upstream spec with spec/ and classify every change (major/minor/patch)

Options (generate):
  --config FILE       codegen config (default: spec/codegen.config.ts of this repository)
  --spec FILE         spec to generate from (overrides the config)
  --out DIR           output root holding the packages (overrides the config)
  --check             write nothing; exit 1 listing every stale, missing or extra file
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

/** Runs the CLI and returns the process exit code. Never throws for bad input: it prints. */
export async function runCli(options: {
  argv: readonly string[];
  cwd: string;
  /** Environment variables (COMPLERO_UPSTREAM_URL, GITHUB_OUTPUT, …); defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
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
    const result = await generate({ config, check: args.values.check === true });
    const { plan } = result;
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
            ...plan.writes.map((file) => `  ${file.reason === 'missing' ? 'created' : 'updated'}: ${file.path}`),
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

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      spec: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean' },
      upstream: { type: 'string' },
      'timeout-ms': { type: 'string' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      write: { type: 'boolean' },
      'report-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function resolveCliConfig(options: {
  cwd: string;
  values: { config?: string; spec?: string; out?: string };
}): Promise<ResolvedConfig> {
  const { values, cwd } = options;
  const configFile = values.config ? path.resolve(cwd, values.config) : findDefaultConfig(cwd);
  const config = await loadConfigFile(configFile);
  return {
    ...config,
    ...(values.spec ? { spec: path.resolve(cwd, values.spec) } : {}),
    ...(values.out ? { out: path.resolve(cwd, values.out) } : {}),
  };
}

/** `spec/codegen.config.ts` of the enclosing repository (found by walking up to pnpm-workspace.yaml). */
function findDefaultConfig(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'spec', 'codegen.config.ts');
    if (existsSync(candidate) && existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return candidate;
    if (path.dirname(dir) === dir) {
      throw new CodegenError({
        message: 'no codegen config found (looked for spec/codegen.config.ts in this folder and its parents)',
        hint: 'pass --config FILE',
      });
    }
  }
}
