import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { median } from '../stats.js';

/** Per-request cost of one way of calling the local server. */
export interface RequestCost {
  readonly label: string;
  /** Median microseconds per request over the rounds. */
  readonly microsPerRequest: number;
  /** Against bare fetch: the median over the rounds of this variant's time over fetch's in the same round. */
  readonly ratioToFetch: number;
}

/** A way of making one request to `baseUrl` (e.g. bare fetch, openapi-fetch, @complero/client). */
export interface RequestVariant {
  readonly label: string;
  readonly create: (baseUrl: string) => () => Promise<unknown>;
}

// The server runs in its own process, as a user's server does: in the measuring process it would
// share the event loop with the client, so every microsecond the server spends would be counted
// against the client too, and the client's own work would delay the server's answers.
const SERVER = `
const { createServer } = require('node:http');
let counter = 0;
const server = createServer((request, response) => {
  request.resume();
  counter++;
  response.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_' + counter });
  response.end('{"status":"ok"}');
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify(server.address()) + '\\n'));
process.stdin.on('end', () => process.exit(0)).resume();
`;

/**
 * Starts a server in a child process on 127.0.0.1 (a free port) that answers every request with
 * a small JSON body and a `Request-Id` header, as the Complero API does, and stops it when `run`
 * settles (it also exits when this process does: its stdin closes).
 */
export async function withLocalServer<T>(run: (baseUrl: string) => Promise<T>): Promise<T> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const address = await new Promise<{ port: number }>((resolve, reject) => {
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n')) resolve(JSON.parse(text) as { port: number });
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the local server exited (code ${code}) before listening`)));
    });
    return await run(`http://127.0.0.1:${address.port}`);
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    }
  }
}

/**
 * Measures each variant against bare `fetch` in interleaved rounds (fetch, A, B, then A, B,
 * fetch, …: the order rotates so no variant always follows the same one), so that machine noise
 * hits all of them alike; each round times `requests` sequential requests. Times are medians over
 * the rounds; ratios are medians of the per-round ratios, so a slow spell (the machine is shared)
 * that falls on some rounds moves numerator and denominator together.
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
    for (const call of calls) for (let i = 0; i < 200; i++) await call(); // warm connections and JIT
    for (let round = 0; round < options.rounds; round++) {
      for (let step = 0; step < calls.length; step++) {
        const index = (round + step) % calls.length;
        const call = calls[index] as () => Promise<unknown>;
        const start = performance.now();
        for (let i = 0; i < options.requests; i++) await call();
        samples[index]?.push(((performance.now() - start) * 1000) / options.requests);
      }
    }
    const fetchSamples = samples[0] ?? [];
    return all.map((variant, index) => {
      const own = samples[index] ?? [];
      return {
        label: variant.label,
        microsPerRequest: median(own),
        ratioToFetch: median(own.map((micros, round) => micros / (fetchSamples[round] as number))),
      };
    });
  });
}
