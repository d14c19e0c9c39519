import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { loadConfigFile, type ResolvedConfig } from '../src/config.js';
import {
  renderOpenApiTypeScript,
  renderOpenApiTypeScriptInWorker,
  startOpenApiTypesWorker,
  WORKER_MIN_OPERATIONS,
} from '../src/emit/openapi-types.js';
import { CodegenError } from '../src/errors.js';
import { generate } from '../src/generate.js';
import { loadSpecFile } from '../src/load.js';
import { upgradeToOpenApi3 } from '../src/upgrade.js';
import { validateSpec } from '../src/validate.js';
import { CONFIG_FILE, makeTempDir, SPEC_FILE } from './helpers/repo.js';

// Calls through to the real worker; counted to tell which path a run took and that it was stopped.
const started = vi.hoisted(() => ({ workers: [] as { terminate: ReturnType<typeof vi.fn> }[] }));
vi.mock('../src/emit/openapi-types.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/emit/openapi-types.js')>();
  return {
    ...actual,
    startOpenApiTypesWorker: vi.fn(() => {
      const worker = actual.startOpenApiTypesWorker();
      const counted = { ...worker, terminate: vi.fn(worker.terminate) };
      started.workers.push(counted);
      return counted;
    }),
  };
});

async function upgraded(file: string) {
  const spec = await loadSpecFile({ path: file });
  return upgradeToOpenApi3({ document: spec.document, version: validateSpec({ spec }), file });
}

type Swagger = { paths: Record<string, Record<string, { operationId?: string }>> };

/** The Complero spec with its paths repeated under `/copyN` (new operationIds) up to `operations`. */
async function largeComplero(operations: number): Promise<Swagger> {
  const original = parse(await readFile(SPEC_FILE, 'utf8')) as Swagger;
  const spec = structuredClone(original);
  const perCopy = Object.values(original.paths).flatMap((item) => Object.values(item).filter((op) => op?.operationId)).length;
  for (let copy = 1; copy * perCopy < operations; copy++) {
    for (const [route, item] of Object.entries(original.paths)) {
      const cloned = structuredClone(item);
      for (const operation of Object.values(cloned)) if (operation?.operationId) operation.operationId += `Copy${copy}`;
      spec.paths[`/copy${copy}${route}`] = cloned;
    }
  }
  return spec;
}

describe('renderOpenApiTypeScriptInWorker', () => {
  it('prints what the in-process transform prints, and leaves the document untouched', async () => {
    const document = await upgraded(SPEC_FILE);
    const before = structuredClone(document);
    expect(await renderOpenApiTypeScriptInWorker(document)).toStrictEqual(await renderOpenApiTypeScript(document));
    expect(document).toStrictEqual(before);
  });

  it("rejects with the worker's own error, type and message intact", async () => {
    // Past validation this cannot happen; here it makes openapi-typescript throw inside the worker.
    const broken = { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a': { get: { parameters: 5 } } } };
    const rendering = renderOpenApiTypeScriptInWorker(broken as never);
    await expect(rendering).rejects.toThrow(TypeError);
    await expect(rendering).rejects.toThrow(/parameters.*not iterable/);
  });

  it('can be stopped before it is given anything, without an unhandled rejection', async () => {
    const worker = startOpenApiTypesWorker();
    await worker.terminate();
    await expect(worker.render({ openapi: '3.0.3' } as never)).rejects.toThrow(/exited .* before it rendered the types/);
  });
});

describe('generate: which thread renders the types', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let base: ResolvedConfig;

  beforeEach(async () => {
    temp = await makeTempDir('types-worker');
    base = await loadConfigFile(CONFIG_FILE);
    started.workers.length = 0;
  });
  afterEach(() => temp.cleanup());

  const configFor = (spec: string): ResolvedConfig => ({ ...base, spec, out: path.join(temp.dir, 'out'), scaffold: false });

  it(`runs openapi-typescript on this thread below ${WORKER_MIN_OPERATIONS} operations`, async () => {
    await generate({ config: configFor(SPEC_FILE), check: true });
    expect(started.workers).toHaveLength(0);
  });

  it(`hands it to a worker from ${WORKER_MIN_OPERATIONS} operations on, with the same output, and stops the worker`, async () => {
    const file = path.join(temp.dir, 'large.json');
    await writeFile(file, JSON.stringify(await largeComplero(WORKER_MIN_OPERATIONS)));
    const result = await generate({ config: configFor(file), check: true });
    expect(result.model.operations.length).toBeGreaterThanOrEqual(WORKER_MIN_OPERATIONS);
    expect(started.workers).toHaveLength(1);
    expect(started.workers[0]?.terminate).toHaveBeenCalled();
    const openapi = result.plan.writes.find((write) => write.path === 'types/src/generated/openapi.ts');
    expect(openapi?.content).toContain(await renderOpenApiTypeScript(await upgraded(file)));
    expect(openapi?.content).toContain('"/copy1/ping"');
  });

  it('stops the worker when the spec turns out to be invalid, and reports the spec error', async () => {
    const spec = (await largeComplero(WORKER_MIN_OPERATIONS)) as Swagger & { swagger: unknown };
    spec.swagger = '1.2';
    const file = path.join(temp.dir, 'invalid.json');
    await writeFile(file, JSON.stringify(spec));
    await expect(generate({ config: configFor(file), check: true })).rejects.toThrow(CodegenError);
    expect(started.workers).toHaveLength(1);
    expect(started.workers[0]?.terminate).toHaveBeenCalled();
  });
});
