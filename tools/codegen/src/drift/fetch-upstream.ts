import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CodegenError } from '../errors.js';

/** The raw upstream document as fetched, before any parsing. */
export interface FetchedSpec {
  /** The URL (or path) it came from, as given. */
  readonly url: string;
  readonly bytes: Uint8Array;
  /** The response's media type (`application/yaml`, …), when the server sent one. */
  readonly contentType?: string;
}

/** Used when neither `--timeout-ms` nor `upstream.timeoutMs` says otherwise. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * Fetches the upstream spec over http(s) (or reads it from a `file:` URL or a plain path, for
 * trying a candidate spec by hand). Any failure — network, timeout, an HTTP error status, a
 * body cut short, an HTML page where a spec should be — is a CodegenError naming the URL.
 */
export async function fetchUpstream(options: { url: string; timeoutMs: number }): Promise<FetchedSpec> {
  const { url, timeoutMs } = options;
  if (!/^https?:/i.test(url)) return readLocal(url);
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.1' } });
  } catch (error) {
    throw toFetchError({ url, timeoutMs, error, stage: 'connect' });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new CodegenError({
      message: `the upstream answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}, expected 200 with the spec`,
      location: { file: url },
      hint: 'check the URL (--upstream, COMPLERO_UPSTREAM_URL or upstream.url in the codegen config) and try again later',
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw toFetchError({ url, timeoutMs, error, stage: 'body' });
  }
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (contentType === 'text/html' || head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new CodegenError({
      message: 'the upstream answered with an HTML page, not a spec',
      location: { file: url },
      hint: 'the URL probably points at the documentation site or a login page; it must return the Swagger/OpenAPI document itself (YAML or JSON)',
    });
  }
  return { url, bytes, ...(contentType ? { contentType } : {}) };
}

async function readLocal(url: string): Promise<FetchedSpec> {
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  try {
    return { url, bytes: new Uint8Array(await readFile(file)) };
  } catch (error) {
    throw new CodegenError({
      message: `cannot read the upstream spec (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
      location: { file: url },
      hint: 'an upstream is an http(s) URL, a file: URL or a path',
      cause: error,
    });
  }
}

function toFetchError(options: { url: string; timeoutMs: number; error: unknown; stage: 'connect' | 'body' }): CodegenError {
  const { url, error } = options;
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CodegenError({
      message: `the upstream did not answer within ${options.timeoutMs} ms`,
      location: { file: url },
      hint: 'raise --timeout-ms (or upstream.timeoutMs in the codegen config) if the server is just slow',
      cause: error,
    });
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new CodegenError({
    message:
      options.stage === 'body'
        ? `the upstream's response was cut short (${detail}): the body is incomplete`
        : `cannot reach the upstream (${detail})`,
    location: { file: url },
    hint: 'check the network and the URL, then run the drift check again',
    cause: error,
  });
}
