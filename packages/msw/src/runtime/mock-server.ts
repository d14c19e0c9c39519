import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { REQUEST_ID_HEADER } from '../generated/operations.js';
import { createMockComplero, type MockComplero, type MockCompleroOptions } from './mock-complero.js';

/** Options of `startMockServer`. */
export interface StartMockServerOptions extends Omit<MockCompleroOptions, 'baseUrl'> {
  /** TCP port; 0 picks a free one. Default 4010. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  readonly host?: string;
  /** Path prefix the API is served under, like the real API's `/v1`. Default `/v1`. */
  readonly basePath?: string;
}

/** A running mock server. */
export interface MockServer {
  /** The API's base URL on this server, e.g. `http://127.0.0.1:4010/v1`. */
  readonly url: string;
  /** The stateful mock behind it. */
  readonly complero: MockComplero;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves the stateful mock over node:http: each request becomes a Fetch `Request`, MSW's
 * `getResponse` runs it through the handlers, and the `Response` is written back. No Express, no
 * interception of this process's own traffic.
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const basePath = `/${(options.basePath ?? '/v1').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  // Listen first: the port picked is part of the base URL the handlers match. The request listener
  // is added in the same synchronous run, before any connection can be read.
  const server = createServer();
  await listen({ server, port: options.port ?? 4010, host });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const url = `${origin}${basePath}`;
  const complero = createMockComplero({ ...options, baseUrl: url });
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    void serve({ incoming, outgoing, origin, complero });
  });
  return {
    url,
    complero,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(options: { server: Server; port: number; host: string }): Promise<void> {
  const { server } = options;
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Answers one HTTP request through the mock; a failure becomes a 500 naming it. */
async function serve(options: {
  incoming: IncomingMessage;
  outgoing: ServerResponse;
  origin: string;
  complero: MockComplero;
}): Promise<void> {
  const { outgoing, complero } = options;
  try {
    const request = await toFetchRequest({ incoming: options.incoming, origin: options.origin });
    await writeResponse({ response: await answer({ request, complero }), outgoing });
  } catch (error) {
    if (outgoing.headersSent) {
      outgoing.destroy();
      return;
    }
    outgoing.writeHead(500, { 'Content-Type': 'application/json', ...requestIdHeaders(complero) });
    outgoing.end(JSON.stringify({ message: `mock server error: ${(error as Error).message}` }));
  }
}

async function answer(options: { request: Request; complero: MockComplero }): Promise<Response> {
  const { request, complero } = options;
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204, headers: { ...corsHeaders(request), ...requestIdHeaders(complero) } });
  }
  const response = (await getResponse(complero.handlers, request)) ?? notFound({ request, headers: requestIdHeaders(complero) });
  return withCors({ response, request });
}

/** The API promises a Request-Id on every response: answers made here, outside the handlers, take theirs from the mock's sequence too. */
function requestIdHeaders(complero: MockComplero): Record<string, string> {
  return REQUEST_ID_HEADER ? { [REQUEST_ID_HEADER]: complero.nextRequestId() } : {};
}

async function toFetchRequest(options: { incoming: IncomingMessage; origin: string }): Promise<Request> {
  const { incoming } = options;
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const chunks: Buffer[] = [];
  if (method !== 'GET' && method !== 'HEAD') for await (const chunk of incoming) chunks.push(chunk as Buffer);
  // Always resolve against our own origin, so `Host: localhost:4010` still matches the handlers.
  return new Request(new URL(incoming.url ?? '/', options.origin), {
    method,
    headers,
    ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function writeResponse(options: { response: Response; outgoing: ServerResponse }): Promise<void> {
  const { response, outgoing } = options;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // We send the body whole, with our own length.
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, { ...headers, 'Content-Length': String(body.length) });
  outgoing.end(body);
}

function notFound(options: { request: Request; headers: Record<string, string> }): Response {
  const { request } = options;
  const { pathname } = new URL(request.url);
  return Response.json(
    {
      message: `no Complero operation matches ${request.method} ${pathname}: the API lives under the server's base URL (e.g. /v1/contacts)`,
    },
    { status: 404, headers: options.headers },
  );
}

function corsHeaders(request: Request): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': request.headers.get('Access-Control-Request-Headers') ?? 'Authorization, Content-Type',
    'Access-Control-Expose-Headers': '*',
  };
}

function withCors(options: { response: Response; request: Request }): Response {
  const headers = new Headers(options.response.headers);
  for (const [name, value] of Object.entries(corsHeaders(options.request))) headers.set(name, value);
  return new Response(options.response.body, { status: options.response.status, headers });
}
