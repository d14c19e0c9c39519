import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** A request as the server received it: the exact URL on the wire, headers and body text. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What a handler answers with; `destroy` drops the connection without any response. */
export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly text?: string;
  readonly bytes?: Uint8Array;
  readonly delayMs?: number;
  readonly destroy?: boolean;
}

export type Handler = (request: ReceivedRequest, index: number) => Reply | Promise<Reply>;

/** A real HTTP server on 127.0.0.1 and a free port, recording every request it receives. */
export interface TestServer {
  /** `http://127.0.0.1:<port>/v1`, to pass as the client's `baseUrl`. */
  readonly baseUrl: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a server answering with `handler`; stop it with `close()`. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const request = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const reply = await handler(request, requests.length - 1);
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (reply.destroy) return void incoming.socket.destroy();
      send(response, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(response: ServerResponse, reply: Reply): void {
  const headers = { ...reply.headers };
  let body: string | Uint8Array | undefined = reply.bytes ?? reply.text;
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers['Content-Type'] ??= 'application/json';
  }
  response.writeHead(reply.status ?? 200, headers);
  if (response.destroyed) return;
  response.end(body);
}

/** The JSON body of a received request. */
export function bodyOf(request: ReceivedRequest | undefined): unknown {
  return request?.body ? JSON.parse(request.body) : undefined;
}

/** Registers an `afterEach` that stops every server the test started; returns the starter. */
export function useTestServers(): (handler: Handler) => Promise<TestServer> {
  const running: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startServer(handler);
    running.push(server);
    return server;
  };
}
