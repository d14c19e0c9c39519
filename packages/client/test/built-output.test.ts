import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
  beforeAll(() => {
    // turbo runs this package's `build` before its `test` (turbo.json), so dist/ is what would be
    // published. Rebuilding here would delete dist/ under packages that test against it in parallel.
    if (!existsSync(path.join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `pnpm build` first');
  });

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
