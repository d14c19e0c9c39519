import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { median } from '../stats.js';

/** Per-request cost of one way of calling the local server. */
export interface RequestCost {
  readonly label: string;
  /** Median microseconds per request over the rounds. */
  readonly microsPerRequest: number;
  /** Against bare fetch, measured interleaved in the same rounds. */
  readonly ratioToFetch: number;
}

/** A way of making one request to `baseUrl` (e.g. bare fetch, openapi-fetch, @complero/client). */
export interface RequestVariant {
  readonly label: string;
  readonly create: (baseUrl: string) => () => Promise<unknown>;
}

/**
 * Starts a server on 127.0.0.1 (port 0) that answers every request with a small JSON body and a
 * `Request-Id` header, as the Complero API does, and stops it when `run` settles.
 */
export async function withLocalServer<T>(run: (baseUrl: string) => Promise<T>): Promise<T> {
  let counter = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    counter++;
    response.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${counter}` });
    response.end('{"status":"ok"}');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Measures each variant against bare `fetch` in interleaved rounds (fetch, A, B, fetch, A, B, …)
 * so that machine noise hits all of them alike; each round times `requests` sequential requests.
 */
export async function measureRequestOverhead(options: {
  variants: readonly RequestVariant[];
  rounds: number;
  requests: number;
}): Promise<RequestCost[]> {
  return withLocalServer(async (baseUrl) => {
    const bare: RequestVariant = {
      label: 'fetch',
      create: (url) => async () => {
        const response = await fetch(`${url}/ping`);
        return response.json();
      },
    };
    const all = [bare, ...options.variants];
    const calls = all.map((variant) => variant.create(baseUrl));
    const samples: number[][] = all.map(() => []);
    for (const call of calls) for (let i = 0; i < 50; i++) await call(); // warm connections and JIT
    for (let round = 0; round < options.rounds; round++) {
      for (const [index, call] of calls.entries()) {
        const start = performance.now();
        for (let i = 0; i < options.requests; i++) await call();
        samples[index]?.push(((performance.now() - start) * 1000) / options.requests);
      }
    }
    const fetchMicros = median(samples[0] ?? []);
    return all.map((variant, index) => {
      const micros = median(samples[index] ?? []);
      return { label: variant.label, microsPerRequest: micros, ratioToFetch: micros / fetchMicros };
    });
  });
}
