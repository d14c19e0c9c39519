import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/index.js';
import { useTestServers } from './support/server.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startServer = useTestServers();

describe('the built package', () => {
  beforeAll(async () => {
    // Build exactly what would be published, so the test never checks a stale dist.
    const tsdown = createRequire(path.join(root, 'package.json'))
      .resolve('tsdown/package.json')
      .replace(/package\.json$/, 'dist/run.mjs');
    await run(process.execPath, [tsdown, '--log-level', 'error'], { cwd: root });
  }, 120_000);

  it.each([
    ['esm', 'built/esm.mjs'],
    ['cjs', 'built/cjs.cjs'],
  ])('runs a call against a local server from plain Node (%s)', async (format, script) => {
    const server = await startServer((request) =>
      request.url.endsWith('/missing')
        ? { status: 404, json: { message: 'Not Found' } }
        : { json: { id: 'c1' }, headers: { 'Request-Id': 'req_built' } },
    );
    const { stdout } = await run(process.execPath, [path.join(root, 'test', script), server.baseUrl], { cwd: root });
    expect(JSON.parse(stdout)).toStrictEqual({ format, data: { id: 'c1' }, requestId: 'req_built', missing: true });
    expect(server.requests.map((request) => [request.url, request.headers.authorization])).toStrictEqual([
      ['/v1/contacts/c1', 'key'],
      ['/v1/contacts/missing', 'key'],
    ]);
  });

  it('reports the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(version);
  });
});
