import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/complero-mock.js', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A running `complero-mock` child process. */
export interface MockProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Sends a signal and resolves with the exit code once the process is gone. */
  readonly stop: (signal: NodeJS.Signals) => Promise<number | null>;
}

/** Runs the bin to completion (for argument errors) and returns its exit code and output. */
export async function runMockCommand(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assertBuilt();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

/** Starts the bin on a free port of 127.0.0.1 and waits for the URL it prints. */
export async function startMockProcess(args: readonly string[] = []): Promise<MockProcess> {
  assertBuilt();
  const child = spawn(process.execPath, [BIN, '--port', '0', '--host', '127.0.0.1', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => reject(new Error(`complero-mock exited with ${code} before listening:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

function assertBuilt(): void {
  if (!existsSync(DIST)) throw new Error('complero-mock runs from dist/: build the package first (pnpm --filter @complero/msw build)');
}
