import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CodegenConfig, checkConfig, loadConfigFile } from '../src/config.js';
import { CodegenError } from '../src/errors.js';
import { FIXTURES, makeTempDir, runCodegen } from './helpers/repo.js';

/** A spec whose conventions have names of its own: `after`/`X-Next-Page-Token`, `X-Job-Id`, no request id header. */
const SPEC = path.join(FIXTURES, 'custom-conventions.yaml');

/** A typed config as a person would write it for that spec (type imports are erased when it is loaded). */
const CONFIG = `import type { CodegenConfig } from '@complero/codegen';

export default {
  spec: './widgets.yaml',
  out: './sdk',
  scope: '@widgets',
  name: 'Widgets',
  baseUrl: 'https://staging.widgets.example.com/v3',
  patterns: {
    cursorParameter: 'after',
    nextCursorHeader: 'X-Next-Page-Token',
    limitParameter: 'pageSize',
    operationIdHeader: 'X-Job-Id',
    operationPollPath: '/jobs/{jobId}',
    requestIdHeader: 'X-Correlation-Id',
  },
} satisfies CodegenConfig;
`;

let temp: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  temp = await makeTempDir('config-file');
  await copyFile(SPEC, path.join(temp.dir, 'widgets.yaml'));
  await writeFile(path.join(temp.dir, 'codegen.config.ts'), CONFIG);
});

afterAll(async () => {
  await temp.cleanup();
});

/** The exports of a generated module (plain data with type-only imports, so it loads as it is). */
async function importGenerated(file: string): Promise<Record<string, unknown>> {
  return (await import(path.join(temp.dir, 'sdk', file))) as Record<string, unknown>;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(temp.dir, 'sdk', file), 'utf8')) as Record<string, unknown>;
}

describe('complero-codegen generate --config codegen.config.ts', () => {
  beforeAll(async () => {
    const result = await runCodegen(['generate', '--config', path.join(temp.dir, 'codegen.config.ts')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('writes the four packages into the configured out folder, named from the configured scope', async () => {
    const names = await Promise.all(
      ['client', 'msw', 'react-query', 'types'].map(async (folder) => (await readJson(`${folder}/package.json`)).name),
    );
    expect(names).toStrictEqual(['@widgets/client', '@widgets/msw', '@widgets/react-query', '@widgets/types']);
    expect(await readFile(path.join(temp.dir, 'sdk/client/src/client.ts'), 'utf8')).toContain('export function createWidgetsClient(');
  });

  it('gives the client and the mocks the configured base URL rather than the spec host', async () => {
    expect((await importGenerated('client/src/generated/operations.ts')).DEFAULT_BASE_URL).toBe('https://staging.widgets.example.com/v3');
    expect((await importGenerated('msw/src/generated/operations.ts')).DEFAULT_BASE_URL).toBe('https://staging.widgets.example.com/v3');
  });

  it('recognises cursor pagination by the configured parameter and header names', async () => {
    const client = await importGenerated('client/src/generated/operations.ts');
    expect(client.listWidgets).toStrictEqual({
      method: 'GET',
      path: '/widgets',
      auth: false,
      headers: ['X-Next-Page-Token'],
      pagination: { cursor: 'after', nextCursor: 'X-Next-Page-Token' },
    });
    const mocks = await importGenerated('msw/src/generated/operations.ts');
    expect((mocks.listWidgetsOperation as { pagination: unknown }).pagination).toStrictEqual({
      cursorParameter: 'after',
      nextCursorHeader: 'X-Next-Page-Token',
      limitParameter: 'pageSize',
    });
    const hooks = await readFile(path.join(temp.dir, 'sdk/react-query/src/generated/hooks.ts'), 'utf8');
    expect(hooks).toContain('export function useInfiniteListWidgets<');
  });

  it('recognises a background operation by the configured operation-id header and poll path', async () => {
    const mocks = await importGenerated('msw/src/generated/operations.ts');
    expect((mocks.importWidgetsOperation as { backgroundOperation: unknown }).backgroundOperation).toStrictEqual({
      status: 202,
      operationIdHeader: 'X-Job-Id',
      pollPath: '/jobs/{jobId}',
    });
  });

  it('reads and sends the configured request-id header even though no response of the spec declares it', async () => {
    expect((await importGenerated('client/src/generated/operations.ts')).REQUEST_ID_HEADER).toBe('X-Correlation-Id');
    const mocks = await importGenerated('msw/src/generated/operations.ts');
    expect(mocks.REQUEST_ID_HEADER).toBe('X-Correlation-Id');
    expect((mocks.listWidgetsOperation as { requestIdHeader: unknown }).requestIdHeader).toBe('X-Correlation-Id');
  });
});

describe('complero-codegen generate --spec other.yaml --out DIR (no --config)', () => {
  let out: string;

  beforeAll(async () => {
    out = path.join(temp.dir, 'spec-only');
    const result = await runCodegen(['generate', '--spec', SPEC, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it("does not hold another spec to the default config's requireOperationIds: it derives a name instead", async () => {
    const client = (await import(path.join(out, 'client/src/generated/operations.ts'))) as Record<string, unknown>;
    expect(client.getWidgetsById).toStrictEqual({ method: 'GET', path: '/widgets/{id}', auth: false, headers: [] });
  });

  it('takes the base URL from the spec host, with https when the spec names no schemes', async () => {
    const client = (await import(path.join(out, 'client/src/generated/operations.ts'))) as Record<string, unknown>;
    expect(client.DEFAULT_BASE_URL).toBe('https://widgets.example.com/v3');
  });
});

describe('a config with a mistake', () => {
  const valid: CodegenConfig = { spec: './api.yaml', out: './sdk', scope: '@acme', name: 'Acme' };
  const problemWith = (config: Record<string, unknown>): string => {
    try {
      checkConfig({ config: config as unknown as CodegenConfig, file: 'codegen.config.ts' });
    } catch (error) {
      if (error instanceof CodegenError) return error.message;
      throw error;
    }
    return 'no problem';
  };

  it('is accepted when nothing is wrong', () => {
    expect(problemWith({ ...valid })).toBe('no problem');
  });

  it.each([
    [{ ...valid, spec: undefined }, 'codegen.config.ts: the config has no `spec` (a non-empty string)'],
    [{ ...valid, out: '' }, 'codegen.config.ts: the config has no `out` (a non-empty string)'],
    [{ ...valid, scope: 42 }, 'codegen.config.ts: the config has no `scope` (a non-empty string)'],
    [
      { ...valid, name: 'acme-api' },
      'codegen.config.ts: `name` must be a PascalCase word such as "Complero" (it names entry points like createCompleroClient), found "acme-api"',
    ],
    [{ ...valid, scope: 'acme' }, 'codegen.config.ts: `scope` must look like "@name", found "acme"'],
    [
      { ...valid, resources: { ListThings: 'things.list.all' } },
      'codegen.config.ts: resources.ListThings must be "group.method" or "method", found "things.list.all"',
    ],
    [
      { ...valid, hookNames: { ListThings: 'useThings' } },
      'codegen.config.ts: hookNames.ListThings must be a PascalCase stem like "TriggerSandboxEvent" (it becomes useTriggerSandboxEvent), found "useThings"',
    ],
  ])('is refused with a message naming the file and the setting: %j', (config, message) => {
    expect(problemWith(config)).toBe(message);
  });

  it('without a default export is refused with a hint on how a config is written', async () => {
    const file = path.join(temp.dir, 'no-default.config.ts');
    await writeFile(file, "export const config = { spec: './api.yaml' };\n");
    await expect(loadConfigFile(file)).rejects.toThrow(
      `${file}: the config could not be loaded: it has no default export\n` +
        '  hint: a codegen config exports its settings as `export default { ... } satisfies CodegenConfig` and imports types only',
    );
  });

  it('makes the CLI exit 1 naming the config file and the setting', async () => {
    const file = path.join(temp.dir, 'bad-name.config.ts');
    await writeFile(file, "export default { spec: './widgets.yaml', out: './sdk', scope: '@widgets', name: 'widgets' };\n");
    const result = await runCodegen(['generate', '--config', file]);
    expect(result).toStrictEqual({
      code: 1,
      stdout: '',
      stderr: `complero-codegen: error: ${file}: \`name\` must be a PascalCase word such as "Complero" (it names entry points like createCompleroClient), found "widgets"\n`,
    });
  });
});
