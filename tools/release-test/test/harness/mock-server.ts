import { spawn } from 'node:child_process';
import path from 'node:path';

/** A running `complero-mock` (from an installed @complero/msw) and how to stop it. */
export interface RunningMock {
  readonly url: string;
  readonly pid: number;
  readonly stop: () => Promise<void>;
}

/**
 * Starts the `complero-mock` bin of the @complero/msw installed in `consumerDir` on 127.0.0.1
 * and a free port, and waits for the URL it prints.
 */
export async function startCompleroMock(options: { consumerDir: string }): Promise<RunningMock> {
  const bin = path.join(options.consumerDir, 'node_modules/.bin/complero-mock');
  const child = spawn(bin, ['--port', '0', '--host', '127.0.0.1', '--seed', '1'], {
    cwd: options.consumerDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('complero-mock did not start');
  const pid = child.pid;
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`complero-mock printed no URL within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`complero-mock exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(pid, 'SIGTERM');
      await exited;
    },
  };
}
