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
 * A success response that is text (`produces: [text/plain]`, a string schema): the generated
 * client returns the text as it came, from a real server on 127.0.0.1 and from the fixture's own
 * generated MSW handlers, and its types say `string`. An operation that offers text next to JSON
 * (Kubernetes' pod log: `text/plain`, `application/json`, …) goes by the response's Content-Type.
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

/** What the MSW handlers being served put on the wire for `GET <where>`, fetched without the client. */
async function fetchFromHandlers(where: string): Promise<{ contentType: string | null; text: string }> {
  const operations = (await import(path.join(output.dir, 'client/src/generated/operations.ts'))) as { DEFAULT_BASE_URL: string };
  const response = await fetch(`${operations.DEFAULT_BASE_URL}${where}`);
  return { contentType: response.headers.get('Content-Type'), text: await response.text() };
}

/** A real server on 127.0.0.1 that records each request's URL and answers `200` with this body and media type (none when not given). */
async function startServer(options: { body: string; contentType?: string }): Promise<{ baseUrl: string; urls: string[] }> {
  const urls: string[] = [];
  const server: Server = createServer((incoming, response) => {
    urls.push(`${incoming.method} ${incoming.url}`);
    response.writeHead(200, options.contentType ? { 'Content-Type': options.contentType } : {}).end(options.body);
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

describe('the generated descriptor of a response offered as JSON and as text', () => {
  it('lists the text media types, and YAML beside JSON alone (most Kubernetes operations) lists none', () => {
    const lines = output.read('client/src/generated/operations.ts').split('\n');
    const text = (id: string) => lines.find((line) => line.startsWith(`export const ${id}: `))?.match(/\btext: [^}]*\]/g);
    expect([text('getJobOutput'), text('getJobReport'), text('createJob')]).toStrictEqual([
      ["text: ['text/plain']"],
      ["text: ['text/csv']"],
      null,
    ]);
  });
});

describe('a client method whose success response is text/plain or JSON (produces [text/plain, application/json])', () => {
  it('returns a text/plain answer exactly as the server sent it', async () => {
    const server = await startServer({ body: LOG, contentType: 'text/plain; charset=utf-8' });
    const result = await (await loadClient(server.baseUrl)).default.getJobOutput?.();
    expect({ urls: server.urls, status: result?.status, data: result?.data }).toStrictEqual({
      urls: ['GET /v1/jobs/output'],
      status: 200,
      data: LOG,
    });
  });

  it('returns a text/plain answer that looks like JSON as text, not parsed', async () => {
    const server = await startServer({ body: '"quoted"', contentType: 'Text/Plain' });
    const result = await (await loadClient(server.baseUrl)).default.getJobOutput?.();
    expect(result?.data).toStrictEqual('"quoted"');
  });

  it('parses an application/json answer into the string it encodes', async () => {
    const server = await startServer({ body: '"line 1\\nline 2"', contentType: 'application/json; charset=utf-8' });
    const result = await (await loadClient(server.baseUrl)).default.getJobOutput?.();
    expect({ urls: server.urls, data: result?.data }).toStrictEqual({ urls: ['GET /v1/jobs/output'], data: 'line 1\nline 2' });
  });

  it('parses an answer without a Content-Type as JSON', async () => {
    const server = await startServer({ body: '"plain"' });
    const result = await (await loadClient(server.baseUrl)).default.getJobOutput?.();
    expect(result?.data).toStrictEqual('plain');
  });

  it('refuses an answer of a media type it does not offer that is not JSON either', async () => {
    const server = await startServer({ body: LOG, contentType: 'text/html' });
    await expect((await loadClient(server.baseUrl)).default.getJobOutput?.()).rejects.toThrow(
      'GET /jobs/output answered 200 with a body that is not valid JSON',
    );
  });

  it('refuses an application/json answer that is not JSON', async () => {
    const server = await startServer({ body: LOG, contentType: 'application/json' });
    await expect((await loadClient(server.baseUrl)).default.getJobOutput?.()).rejects.toThrow(
      'GET /jobs/output answered 200 with a body that is not valid JSON',
    );
  });
});

describe('a client method whose object response is offered as JSON and as text/csv', () => {
  it('returns a text/csv answer as the CSV text', async () => {
    const server = await startServer({ body: 'rows\n3\n', contentType: 'text/csv' });
    const result = await (await loadClient(server.baseUrl)).default.getJobReport?.();
    expect({ urls: server.urls, data: result?.data }).toStrictEqual({ urls: ['GET /v1/jobs/report'], data: 'rows\n3\n' });
  });

  it('returns an application/json answer as the object it encodes', async () => {
    const server = await startServer({ body: '{"rows":3}', contentType: 'application/json' });
    const result = await (await loadClient(server.baseUrl)).default.getJobReport?.();
    expect({ urls: server.urls, data: result?.data }).toStrictEqual({ urls: ['GET /v1/jobs/report'], data: { rows: 3 } });
  });

  it('refuses a text/plain answer, which it does not offer', async () => {
    const server = await startServer({ body: 'rows\n3\n', contentType: 'text/plain' });
    await expect((await loadClient(server.baseUrl)).default.getJobReport?.()).rejects.toThrow(
      'GET /jobs/report answered 200 with a body that is not valid JSON',
    );
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
    return fetchFromHandlers('/jobs/log');
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

describe("the fixture's generated MSW handlers of a response offered as JSON and as text", () => {
  type Setup = { listen: (options: { onUnhandledRequest: 'error' }) => void; close: () => void };

  /** Serves the generated default handlers through msw/node, resolved from that msw package so both share one msw. */
  async function serveHandlers(): Promise<void> {
    const dir = path.join(output.dir, 'msw/src');
    const setupFile = path.join(dir, 'text-test-setup.ts');
    writeFileSync(setupFile, "export { setupServer } from 'msw/node';\n");
    const { setupServer } = (await import(setupFile)) as { setupServer: (...handlers: unknown[]) => Setup };
    const msw = (await import(path.join(dir, 'index.ts'))) as { createHandlers: () => unknown[] };
    const setup = setupServer(...msw.createHandlers());
    setup.listen({ onUnhandledRequest: 'error' });
    closers.push(() => setup.close());
  }

  it('answer the string schema as a JSON string, which the client parses into that string', async () => {
    await serveHandlers();
    const sent = await fetchFromHandlers('/jobs/output');
    const result = await (await loadClient()).default.getJobOutput?.();
    expect({ contentType: sent.contentType, data: result?.data }).toStrictEqual({
      contentType: 'application/json',
      data: JSON.parse(sent.text),
    });
    expect(typeof result?.data).toStrictEqual('string');
  });

  it('answer the object schema as a JSON object, which the client parses into that object', async () => {
    await serveHandlers();
    const sent = await fetchFromHandlers('/jobs/report');
    const result = await (await loadClient()).default.getJobReport?.();
    expect({ contentType: sent.contentType, data: result?.data }).toStrictEqual({
      contentType: 'application/json',
      data: JSON.parse(sent.text),
    });
    expect(Object.keys(result?.data as object)).toStrictEqual(['rows']);
  });
});

describe('the types of a text response, and of one offered as JSON and as text', () => {
  it('are string (the object or the text, for JSON or CSV) for the client method and the react-query hooks', async () => {
    writeFileSync(
      path.join(output.dir, 'react-query/src/text-assertions.ts'),
      [
        "import { createFixtureClient } from '@responses/client';",
        "import type { GetJobReportResponse, Report } from '@responses/types';",
        "import { jobLogQueryOptions, useJobLog, useJobOutput, useJobReport, useSuspenseJobLog } from './generated/index.js';",
        'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
        'const client = createFixtureClient();',
        'type MethodData = Awaited<ReturnType<typeof client.default.getJobLog>>["data"];',
        'type OutputData = Awaited<ReturnType<typeof client.default.getJobOutput>>["data"];',
        'type ReportData = Awaited<ReturnType<typeof client.default.getJobReport>>["data"];',
        'const jobLog = () => useJobLog();',
        'const suspenseJobLog = () => useSuspenseJobLog();',
        'const jobOutput = () => useJobOutput();',
        'const jobReport = () => useJobReport();',
        'export const method: Same<MethodData, string> = true;',
        "export const hook: Same<ReturnType<typeof jobLog>['data'], string | undefined> = true;",
        "export const suspense: Same<ReturnType<typeof suspenseJobLog>['data'], string> = true;",
        'export const options = jobLogQueryOptions;',
        'export const output: Same<OutputData, string> = true;',
        "export const outputHook: Same<ReturnType<typeof jobOutput>['data'], string | undefined> = true;",
        'export const report: Same<ReportData, Report | string> = true;',
        'export const reportType: Same<GetJobReportResponse, Report | string> = true;',
        "export const reportHook: Same<ReturnType<typeof jobReport>['data'], Report | string | undefined> = true;",
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
