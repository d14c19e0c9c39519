import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { CodegenError } from '../errors.js';
import { checkDrift } from './check-drift.js';
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from './fetch-upstream.js';
import { DRIFT_FORMATS, type DriftFormat, renderErrorJson, renderReport, writeGithubOutputs } from './report.js';
import { type Bump, isAtLeast } from './rules.js';
import { writeDrift } from './write.js';

/** The environment variable that overrides `upstream.url` of the codegen config. */
export const UPSTREAM_URL_ENV = 'COMPLERO_UPSTREAM_URL';

const FAIL_ON: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

/** `complero-codegen drift` options as the CLI parsed them (strings, unvalidated). */
export interface DriftOptions {
  readonly upstream?: string;
  readonly 'timeout-ms'?: string;
  readonly format?: string;
  readonly 'fail-on'?: string;
  readonly write?: boolean;
  readonly 'report-file'?: string;
}

/**
 * The drift command: 0 in sync (or drift below `--fail-on`), 1 drift, 2 any error. An error
 * is reported before anything is written, so it never changes a file.
 */
export async function runDrift(options: {
  config: () => Promise<ResolvedConfig>;
  values: DriftOptions;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}): Promise<number> {
  const { values, env, stdout, stderr } = options;
  const format = (values.format ?? 'text') as DriftFormat;
  const report = async (text: string) => {
    if (!values['report-file']) return;
    const file = path.resolve(options.cwd, values['report-file']);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  };
  try {
    if (!DRIFT_FORMATS.includes(format)) throw usageError(`--format must be one of ${DRIFT_FORMATS.join(', ')}, got "${values.format}"`);
    const failOn = (values['fail-on'] ?? 'patch') as Bump;
    if (!FAIL_ON.includes(failOn)) throw usageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${values['fail-on']}"`);
    const config = await options.config();
    const given = values.upstream ?? (env[UPSTREAM_URL_ENV] || undefined) ?? config.upstream?.url;
    // A plain path (trying a candidate spec by hand) is relative to where the command runs.
    const upstreamUrl = given && !/^(https?|file):/i.test(given) ? path.resolve(options.cwd, given) : given;
    if (!upstreamUrl) {
      throw new CodegenError({
        message: 'no upstream URL: the codegen config has no `upstream.url`',
        hint: `pass --upstream URL, set ${UPSTREAM_URL_ENV}, or add \`upstream: { url }\` next to the spec in the codegen config`,
      });
    }
    const timeoutMs = parseTimeout(values['timeout-ms']) ?? config.upstream?.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
    const { result, upstream } = await checkDrift({ config, upstreamUrl, timeoutMs, cwd: options.cwd });
    if (values.write && result.status === 'drift') {
      const written = await writeDrift({ config, result, upstream });
      stderr(
        `complero-codegen: wrote ${written.spec}, ${written.changeset} (${result.bump} for ${written.packages.join(', ')}) and ${written.generated.length} generated file${written.generated.length === 1 ? '' : 's'}\n`,
      );
    }
    const text = renderReport({ result, format });
    stdout(text);
    await report(format === 'text' ? renderReport({ result, format: 'markdown' }) : text);
    await writeGithubOutputs({ result, env });
    return result.status === 'drift' && isAtLeast({ bump: result.bump, threshold: failOn }) ? 1 : 0;
  } catch (error) {
    const message = error instanceof CodegenError ? error.message : `internal error: ${(error as Error).stack ?? String(error)}`;
    stderr(`complero-codegen drift: error: ${message}\n`);
    if (format === 'json') stdout(renderErrorJson(message));
    return 2;
  }
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw usageError(`--timeout-ms must be a positive whole number of milliseconds, got "${value}"`);
  return number;
}

function usageError(message: string): CodegenError {
  return new CodegenError({ message, hint: 'see complero-codegen --help' });
}
