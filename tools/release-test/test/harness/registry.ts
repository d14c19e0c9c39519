import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERDACCIO_BIN = fileURLToPath(new URL('../../node_modules/verdaccio/bin/verdaccio', import.meta.url));

/** A running local registry and how to reach and stop it. */
export interface LocalRegistry {
  readonly url: string;
  readonly pid: number;
  /** An .npmrc with a token for this registry: npm refuses to publish without one, even where anonymous publishing is allowed. */
  readonly npmrc: string;
  /** The token in that .npmrc; the registry lets anyone publish, the token only satisfies npm. */
  readonly token: string;
  readonly stop: () => Promise<void>;
}

/**
 * Starts verdaccio on 127.0.0.1 and a free port with its storage in `dir`. It has no uplinks:
 * it serves only what is published to it and never proxies to another registry.
 */
export async function startRegistry(options: { dir: string }): Promise<LocalRegistry> {
  const { dir } = options;
  await mkdir(path.join(dir, 'storage'), { recursive: true });
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const config = [
    `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
    '    max_users: -1',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $all',
    '    unpublish: $all',
    'log: { type: stdout, format: pretty, level: warn }',
    'publish:',
    '  allow_offline: true',
    '',
  ].join('\n');
  const configFile = path.join(dir, 'config.yaml');
  await writeFile(configFile, config);
  const npmrc = path.join(dir, '.npmrc');
  const token = 'anonymous-local-token';
  await writeFile(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  const child = spawn(process.execPath, [VERDACCIO_BIN, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  if (child.pid === undefined) throw new Error('verdaccio did not start');
  const pid = child.pid;
  await waitUntilReady({ url, child, output: () => output });
  return { url, pid, npmrc, token, stop: () => stopProcess({ child, pid }) };
}

async function waitUntilReady(options: { url: string; child: ChildProcess; output: () => string }): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (options.child.exitCode !== null) throw new Error(`verdaccio exited with ${options.child.exitCode}:\n${options.output()}`);
    const ready = await fetch(`${options.url}/-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer on ${options.url} within 30 s:\n${options.output()}`);
}

/** Stops the registry by its PID and waits until it is gone. */
async function stopProcess(options: { child: ChildProcess; pid: number }): Promise<void> {
  if (options.child.exitCode !== null || options.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => options.child.once('exit', () => resolve()));
  process.kill(options.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (options.child.exitCode === null) process.kill(options.pid, 'SIGKILL');
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** A port the OS says is free right now (port 0), released again for verdaccio to take. */
async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}
