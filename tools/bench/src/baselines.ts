import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadSpecFile, upgradeToOpenApi3, validateSpec } from '@complero/codegen';
import { type RunSummary, repeat } from './ours.js';
import { assertSucceeded, measureProcess } from './process.js';
import type { BenchTarget } from './targets.js';

const require = createRequire(import.meta.url);

/** `node -e 0`: what starting Node costs on this machine right now. */
export async function measureNodeStartup(options: { runs: number; warmup: number }): Promise<RunSummary> {
  const { summary } = await repeat({
    ...options,
    run: async () =>
      assertSucceeded({
        measurement: await measureProcess({ command: process.execPath, args: ['-e', '0'], cwd: process.cwd() }),
        what: 'node -e 0',
      }),
  });
  return summary;
}

/**
 * Writes the spec as our generator hands it to openapi-typescript (Swagger 2.0 upgraded to
 * OpenAPI 3 by swagger2openapi), so the baseline does exactly the types part of our work.
 */
export async function writeUpgradedSpec(target: BenchTarget): Promise<string> {
  const spec = await loadSpecFile({ path: target.spec.file, maxBytes: 64 * 1024 * 1024 });
  const version = validateSpec({ spec });
  const document = await upgradeToOpenApi3({ document: spec.document, version, file: spec.file });
  const file = path.join(target.dir, 'baseline', 'openapi.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(document));
  return file;
}

/** openapi-typescript's own CLI on the upgraded spec: the types-only baseline. */
export async function measureOpenApiTypeScript(options: {
  target: BenchTarget;
  upgradedSpec: string;
  runs: number;
  warmup: number;
}): Promise<RunSummary & { output: string }> {
  // Through package.json: the package's `./*.js` export maps bin/cli.js to a file that does not exist.
  const bin = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js');
  const output = path.join(options.target.dir, 'baseline', 'schema.ts');
  const { summary } = await repeat({
    ...options,
    run: async () =>
      assertSucceeded({
        measurement: await measureProcess({
          command: process.execPath,
          args: [bin, options.upgradedSpec, '-o', output],
          cwd: options.target.dir,
        }),
        what: `openapi-typescript on ${options.target.spec.id}`,
      }),
  });
  return { ...summary, output };
}
