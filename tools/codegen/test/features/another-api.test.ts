import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT } from '../support/repo.js';
import { snapshotTree } from '../support/tree.js';
import { typeCheckPackages } from '../support/type-check.js';

const SPEC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/refs.yaml');

let scratch: string;
let out: string;

function runGenerate(extra: readonly string[] = []) {
  return spawnSync(
    process.execPath,
    [CLI, 'generate', '--spec', SPEC, '--out', out, '--scope', '@petstore', '--name', 'Petstore', ...extra],
    {
      encoding: 'utf8',
      // From outside the repository: the generator finds its own default config.
      cwd: scratch,
      timeout: 60_000,
    },
  );
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(out, file), 'utf8')) as Record<string, unknown>;
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'codegen-another-api-'));
  out = path.join(scratch, 'sdk');
  const first = runGenerate();
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('complero-codegen generate --spec other.yaml --out DIR --scope @petstore --name Petstore', () => {
  it('writes a workspace with every package, each with its package.json, tsconfig, README and index', () => {
    const files = Object.keys(snapshotTree(out));
    for (const folder of ['client', 'msw', 'react-query', 'types']) {
      for (const file of ['package.json', 'tsconfig.json', 'README.md', 'src/index.ts']) expect(files).toContain(`${folder}/${file}`);
    }
    expect(files).toContain('pnpm-workspace.yaml');
    expect(readFileSync(path.join(out, 'pnpm-workspace.yaml'), 'utf8')).toBe("packages:\n  - '*'\n");
  });

  it('names the packages from the scope, links them to each other, and drops links to the generator', () => {
    expect(readJson('types/package.json').name).toBe('@petstore/types');
    const client = readJson('client/package.json');
    expect(client.name).toBe('@petstore/client');
    expect((client.dependencies as Record<string, string>)['@petstore/types']).toBe('workspace:*');
    const reactQuery = readJson('react-query/package.json');
    expect(reactQuery.name).toBe('@petstore/react-query');
    expect(reactQuery.dependencies).toStrictEqual({ '@petstore/client': 'workspace:*', '@petstore/types': 'workspace:*' });
    const msw = readJson('msw/package.json');
    expect(Object.keys({ ...(msw.dependencies as object), ...(msw.devDependencies as object) })).not.toContain('@complero/codegen');
    expect(Object.keys({ ...(msw.dependencies as object), ...(msw.devDependencies as object) })).not.toContain('@petstore/codegen');
  });

  it('gives every package only scripts whose files it wrote (no template benchmarks)', () => {
    const files = Object.keys(snapshotTree(out));
    for (const folder of ['client', 'msw', 'react-query', 'types']) {
      const scripts = (readJson(`${folder}/package.json`).scripts ?? {}) as Record<string, string>;
      expect(scripts.bench).toBeUndefined();
      const runs = Object.values(scripts).flatMap((script) =>
        [...script.matchAll(/\bnode\s+(\S+)/g)].map((match) => `${folder}/${match[1]}`),
      );
      expect(runs.filter((file) => !files.includes(file))).toStrictEqual([]);
    }
  });

  it('gives each package a self-contained tsconfig with the strict settings of tsconfig.base.json', () => {
    const base = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: unknown };
    expect(readJson('types/tsconfig.json')).toStrictEqual({ compilerOptions: base.compilerOptions, include: ['src'] });
  });

  it('names the entry points after the product: createPetstoreClient, PetstoreError', () => {
    const client = readFileSync(path.join(out, 'client/src/client.ts'), 'utf8');
    expect(client).toContain('export function createPetstoreClient(');
    expect(readFileSync(path.join(out, 'client/src/index.ts'), 'utf8')).toContain('PetstoreError');
    expect(client).not.toMatch(/complero/i);
  });

  it('produces a react-query package of hooks over the client that type-checks under the strict settings', async () => {
    const hooks = readFileSync(path.join(out, 'react-query/src/generated/hooks.ts'), 'utf8');
    expect(hooks).toContain('export function usePet<');
    const result = await typeCheckPackages({ root: out, scope: '@petstore', folders: ['types', 'client', 'react-query'] });
    expect(result.output).toBe('');
    expect(result.exitCode).toBe(0);
  }, 120_000);

  it('produces types and client packages that type-check under the strict settings', async () => {
    const result = await typeCheckPackages({ root: out, scope: '@petstore', folders: ['types', 'client'] });
    expect(result.output).toBe('');
    expect(result.exitCode).toBe(0);
  }, 120_000);

  it('produces an msw package of the generated handlers and the generic runtime that type-checks under the strict settings', async () => {
    const files = Object.keys(snapshotTree(path.join(out, 'msw/src')));
    for (const file of ['create-operation-handler', 'default-response', 'mock-operation', 'responses', 'schema-sample']) {
      expect(files).toContain(`runtime/${file}.ts`);
    }
    expect(files).not.toContain('runtime/mock-complero.ts');
    // Only the banner names the generator (`complero-codegen`); nothing names the template API.
    expect(readFileSync(path.join(out, 'msw/src/generated/handlers.ts'), 'utf8')).not.toContain('Complero');
    const result = await typeCheckPackages({ root: out, scope: '@petstore', folders: ['types', 'msw'] });
    expect(result.output).toBe('');
    expect(result.exitCode).toBe(0);
  }, 120_000);

  it('points the msw build entries, bin and exports only at what it scaffolded', () => {
    const files = Object.keys(snapshotTree(path.join(out, 'msw')));
    const tsdown = readFileSync(path.join(out, 'msw/tsdown.config.ts'), 'utf8');
    const entries = [...tsdown.matchAll(/'(src\/[^']+\.ts)'/g)].map((match) => match[1]);
    expect(entries.filter((entry) => !files.includes(entry as string))).toStrictEqual([]);
    expect(entries).toContain('src/index.ts');
    expect(tsdown).toContain('/^@petstore\\//');
    const msw = readJson('msw/package.json');
    const bins = Object.values((msw.bin as Record<string, string> | undefined) ?? {});
    expect(bins.filter((bin) => !files.includes(bin.replace(/^\.\//, '')))).toStrictEqual([]);
    const exported = Object.keys(msw.exports as object).filter((key) => key !== './package.json');
    const stems = exported.map((key) => (key === '.' ? 'index' : key.slice(2)));
    expect(stems.filter((stem) => !entries.includes(`src/${stem}.ts`))).toStrictEqual([]);
    expect((msw.files as string[]).includes('bin')).toStrictEqual(bins.length > 0);
  });

  it('answers with the spec examples or with data generated from the schemas', async () => {
    // The scaffolded package has no install of its own: it borrows this repository's msw.
    const link = path.join(out, 'msw/node_modules');
    if (!existsSync(link)) symlinkSync(path.join(REPO_ROOT, 'packages/msw/node_modules'), link, 'dir');
    type Handler = { run: (options: { request: Request; requestId: string }) => Promise<{ response?: Response } | null> };
    const { createHandlers, DEFAULT_BASE_URL: base } = (await import(path.join(out, 'msw/src/index.ts'))) as {
      createHandlers: (options?: { requireAuth?: boolean }) => Handler[];
      DEFAULT_BASE_URL: string;
    };
    const handlers = createHandlers({ requireAuth: false });
    // What MSW does per request: the first handler that matches answers.
    const getResponse = async (all: Handler[], request: Request) => {
      for (const handler of all) {
        const result = await handler.run({ request, requestId: 'test' });
        if (result?.response) return result.response;
      }
      return undefined;
    };
    const pet = await getResponse(handlers, new Request(`${base}/pets/P-9`));
    const pets = await getResponse(handlers, new Request(`${base}/pets`));
    expect(pet?.status).toBe(200);
    expect(await pet?.json()).toStrictEqual({ id: 'P-9', name: expect.stringMatching(/^name-\d{4}$/) });
    expect(await pets?.json()).toStrictEqual([{ id: expect.stringMatching(/^id-\d{4}$/), name: expect.stringMatching(/^name-\d{4}$/) }]);
  });

  it('changes nothing when run again', () => {
    const before = snapshotTree(out);
    const again = runGenerate();
    expect(again.stdout).toMatch(/already up to date/);
    expect(again.status).toBe(0);
    expect(snapshotTree(out)).toStrictEqual(before);
  }, 60_000);

  it('refreshes scaffolded files it wrote, but never one a person has edited', () => {
    writeFileSync(path.join(out, 'client/README.md'), '# our own notes\n');
    const renamed = spawnSync(process.execPath, [CLI, 'generate', '--spec', SPEC, '--out', out, '--scope', '@pets', '--name', 'Pets'], {
      encoding: 'utf8',
      cwd: scratch,
      timeout: 60_000,
    });
    expect(renamed.status).toBe(0);
    expect(readFileSync(path.join(out, 'client/README.md'), 'utf8')).toBe('# our own notes\n');
    expect(readJson('client/package.json').name).toBe('@pets/client');
  }, 60_000);
});
