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
 * A success response that is text (`produces: [text/plain]`, a string schema — Kubernetes' pod
 * log is one): the generated client returns the text as it came, from a real server on
 * 127.0.0.1 and from the fixture's own generated MSW handlers, and its types say `string`.
 */

const SPEC = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/responses.yaml');
/** Not JSON, and would not parse as JSON: lines, quotes and braces as a log has them. */
const LOG = 'line 1: started\nline 2: {"half": json\n"done"\n';

type Result = { status: number; data: unknown; headers: unknown };
type FixtureClient = { readonly default: Record<string, (...args: unknown[]) => Promise<Result>> };

let root: string;
let output: FixtureOutput;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'codegen-text-'));
  output = await generateRunnableFixture({ spec: SPEC, root });
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function loadClient(baseUrl?: string): Promise<FixtureClient> {
  const module = (await import(path.join(output.dir, 'client/src/index.ts'))) as {
    createFixtureClient: (options: { baseUrl?: string; maxRetries?: number }) => FixtureClient;
  };
  return module.createFixtureClient({ ...(baseUrl ? { baseUrl } : {}), maxRetries: 0 });
}

const closers: (() => void)[] = [];

afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A real server on 127.0.0.1 that records each request's URL and answers `200` with this body and media type. */
async function startServer(options: { body: string; contentType: string }): Promise<{ baseUrl: string; urls: string[] }> {
  const urls: string[] = [];
  const server: Server = createServer((incoming, response) => {
    urls.push(`${incoming.method} ${incoming.url}`);
    response.writeHead(200, { 'Content-Type': options.contentType }).end(options.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, urls };
}

describe('the generated descriptor of a text response', () => {
  it('says text, and nothing for the JSON and binary operations beside it', () => {
    const lines = output.read('client/src/generated/operations.ts').split('\n');
    const flags = (id: string) => lines.find((line) => line.startsWith(`export const ${id}: `))?.match(/\b(text|binary): true/g);
    expect([flags('getJobLog'), flags('getJobArchive'), flags('createJob')]).toStrictEqual([['text: true'], ['binary: true'], null]);
  });
});

describe('a client method whose success response is text/plain', () => {
  it('returns the text exactly as the server sent it', async () => {
    const server = await startServer({ body: LOG, contentType: 'text/plain; charset=utf-8' });
    const result = await (await loadClient(server.baseUrl)).default.getJobLog?.();
    expect({ urls: server.urls, status: result?.status, data: result?.data }).toStrictEqual({
      urls: ['GET /v1/jobs/log'],
      status: 200,
      data: LOG,
    });
  });

  it('returns text that happens to look like JSON as text, not parsed', async () => {
    const server = await startServer({ body: '[1, 2]', contentType: 'text/plain' });
    const result = await (await loadClient(server.baseUrl)).default.getJobLog?.();
    expect(result?.data).toStrictEqual('[1, 2]');
  });

  it('returns an empty log as an empty string', async () => {
    const server = await startServer({ body: '', contentType: 'text/plain' });
    const result = await (await loadClient(server.baseUrl)).default.getJobLog?.();
    expect(result?.data).toStrictEqual('');
  });

  it('still refuses a body that is not JSON from an operation that answers JSON', async () => {
    const server = await startServer({ body: LOG, contentType: 'text/plain' });
    await expect((await loadClient(server.baseUrl)).default.createJob?.()).rejects.toThrow(
      'POST /jobs answered 200 with a body that is not valid JSON',
    );
  });
});

describe("the fixture's generated MSW handlers", () => {
  type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };
  type Msw = { createHandlers: (options?: { overrides?: Record<string, () => unknown> }) => unknown[] };

  /** Serves the generated handlers through msw/node, resolved from that msw package so both share one msw. */
  async function serveHandlers(overrides?: Record<string, () => unknown>): Promise<void> {
    const dir = path.join(output.dir, 'msw/src');
    const setupFile = path.join(dir, 'text-test-setup.ts');
    writeFileSync(setupFile, "export { setupServer } from 'msw/node';\n");
    const { setupServer } = (await import(setupFile)) as { setupServer: (...handlers: unknown[]) => Setup };
    const msw = (await import(path.join(dir, 'index.ts'))) as Msw;
    const setup = setupServer(...msw.createHandlers(overrides ? { overrides } : {}));
    setup.listen({ onUnhandledRequest: 'error' });
    closers.push(() => setup.close());
  }

  /** What the handlers put on the wire for `GET /jobs/log`, fetched without the client. */
  async function fetchJobLog(): Promise<{ contentType: string | null; text: string }> {
    const operations = (await import(path.join(output.dir, 'client/src/generated/operations.ts'))) as { DEFAULT_BASE_URL: string };
    const response = await fetch(`${operations.DEFAULT_BASE_URL}/jobs/log`);
    return { contentType: response.headers.get('Content-Type'), text: await response.text() };
  }

  it('answer with text that the client returns exactly as the handler sent it', async () => {
    await serveHandlers();
    const sent = await fetchJobLog();
    const result = await (await loadClient()).default.getJobLog?.();
    expect({ contentType: sent.contentType, status: result?.status, data: result?.data }).toStrictEqual({
      contentType: 'text/plain',
      status: 200,
      data: sent.text,
    });
    expect(sent.text).not.toStrictEqual('');
  });

  it('answer with the text an override returns as text/plain, not as a JSON string, and the client returns it exactly', async () => {
    await serveHandlers({ getJobLog: () => LOG });
    const sent = await fetchJobLog();
    const result = await (await loadClient()).default.getJobLog?.();
    expect({ sent, status: result?.status, data: result?.data }).toStrictEqual({
      sent: { contentType: 'text/plain', text: LOG },
      status: 200,
      data: LOG,
    });
  });
});

describe('the types of a text response', () => {
  it('are string for the client method and the react-query hooks', async () => {
    writeFileSync(
      path.join(output.dir, 'react-query/src/text-assertions.ts'),
      [
        "import { createFixtureClient } from '@responses/client';",
        "import { jobLogQueryOptions, useJobLog, useSuspenseJobLog } from './generated/index.js';",
        'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
        'const client = createFixtureClient();',
        'type MethodData = Awaited<ReturnType<typeof client.default.getJobLog>>["data"];',
        'const jobLog = () => useJobLog();',
        'const suspenseJobLog = () => useSuspenseJobLog();',
        'export const method: Same<MethodData, string> = true;',
        "export const hook: Same<ReturnType<typeof jobLog>['data'], string | undefined> = true;",
        "export const suspense: Same<ReturnType<typeof suspenseJobLog>['data'], string> = true;",
        'export const options = jobLogQueryOptions;',
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
