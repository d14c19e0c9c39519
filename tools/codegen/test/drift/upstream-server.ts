import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one path of the fake upstream answers. */
export type UpstreamRoute =
  | { readonly kind: 'body'; readonly status?: number; readonly contentType: string; readonly body: string }
  /** Promises the whole body in Content-Length, sends half of it, then drops the connection. */
  | { readonly kind: 'truncated'; readonly body: string }
  /** Accepts the request and never answers (until the server is closed). */
  | { readonly kind: 'hang' };

/** A local HTTP server on 127.0.0.1 and a free port, standing in for the vendor's spec URL. */
export async function startUpstreamServer(
  routes: Readonly<Record<string, UpstreamRoute>>,
): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.kind === 'hang') return;
    if (route.kind === 'truncated') {
      const bytes = Buffer.from(route.body);
      response.writeHead(200, { 'content-type': 'application/yaml', 'content-length': bytes.byteLength });
      response.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), () => response.socket?.destroy());
      return;
    }
    response.writeHead(route.status ?? 200, { 'content-type': route.contentType }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
