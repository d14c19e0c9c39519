import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureOutput, generateRunnableFixture } from '../support/fixture-output.js';
import { typeCheckPackages } from '../support/type-check.js';

/**
 * An operation whose only response is `default` (no 2xx: Kubernetes has two, Docker one) succeeds
 * with that response: the client returns its body, so the types must say so rather than
 * `undefined`, and the mocks answer it as a 200. `getJob` of the responses fixture is one.
 */

const SPEC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/responses.yaml');

type Result = { status: number; data: unknown };
type FixtureClient = { readonly default: { getJob: (id: string) => Promise<Result> } };
type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };

let root: string;
let output: FixtureOutput;
const closers: (() => void)[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-default-'));
  output = await generateRunnableFixture({ spec: SPEC, root });
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function loadClient(baseUrl?: string): Promise<FixtureClient> {
  const module = (await import(path.join(output.dir, 'client/src/index.ts'))) as {
    createFixtureClient: (options: { baseUrl?: string; maxRetries?: number }) => FixtureClient;
  };
  return module.createFixtureClient({ ...(baseUrl ? { baseUrl } : {}), maxRetries: 0 });
}

/** A real server on 127.0.0.1 answering `200` with this JSON body. */
async function startServer(body: unknown): Promise<string> {
  const server: Server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('the model of an operation with only a default response', () => {
  it('takes default as its success, and keeps the 2xx of an operation that has them', () => {
    expect([output.operation('getJob').patterns.successStatuses, output.operation('createJob').patterns.successStatuses]).toStrictEqual([
      ['default'],
      ['200', '201', '202'],
    ]);
  });

  it('has a JSON response body', () => {
    expect(output.operation('getJob').patterns.responseBody).toStrictEqual('json');
  });
});

describe('a client method whose only response is default', () => {
  it('returns the body the server sent', async () => {
    const client = await loadClient(await startServer({ id: 'j-1' }));
    const result = await client.default.getJob('j-1');
    expect({ status: result.status, data: result.data }).toStrictEqual({ status: 200, data: { id: 'j-1' } });
  });

  it('gets a 200 with a body of the default response schema from the generated mocks', async () => {
    const msw = (await import(path.join(output.dir, 'msw/src/index.ts'))) as { createHandlers: () => unknown[] };
    const setupFile = path.join(output.dir, 'msw/src/default-test-setup.ts');
    writeFileSync(setupFile, "export { setupServer } from 'msw/node';\n");
    const { setupServer } = (await import(setupFile)) as { setupServer: (...handlers: unknown[]) => Setup };
    const server = setupServer(...msw.createHandlers());
    server.listen({ onUnhandledRequest: 'error' });
    closers.push(() => server.close());
    const result = await (await loadClient()).default.getJob('j-2');
    expect({
      status: result.status,
      fields: Object.keys(result.data as object),
      id: typeof (result.data as { id: unknown }).id,
    }).toStrictEqual({
      status: 200,
      fields: ['id'],
      id: 'string',
    });
  });
});

describe('the types of an operation with only a default response', () => {
  it("are the default response's body for the Response type, the client method and the react-query hooks", async () => {
    writeFileSync(
      path.join(output.dir, 'react-query/src/default-assertions.ts'),
      [
        "import { createFixtureClient } from '@responses/client';",
        "import type { GetJobResponse } from '@responses/types';",
        "import { jobQueryOptions, useJob, useSuspenseJob } from './generated/index.js';",
        'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
        'type Job = { id: string };',
        'const client = createFixtureClient();',
        'type MethodData = Awaited<ReturnType<typeof client.default.getJob>>["data"];',
        "const job = () => useJob('j-1');",
        "const suspenseJob = () => useSuspenseJob('j-1');",
        'export const response: Same<GetJobResponse, Job> = true;',
        'export const method: Same<MethodData, Job> = true;',
        "export const hook: Same<ReturnType<typeof job>['data'], Job | undefined> = true;",
        "export const suspense: Same<ReturnType<typeof suspenseJob>['data'], Job> = true;",
        'export const options = jobQueryOptions;',
        '',
      ].join('\n'),
    );
    const result = await typeCheckPackages({
      root,
      scope: '@responses',
      folders: ['responses/types', 'responses/client', 'responses/react-query'],
      paths: { '@responses/*': ['./responses/*/src/index.ts'] },
    });
    expect(result).toStrictEqual({ exitCode: 0, output: '' });
  }, 120_000);
});
