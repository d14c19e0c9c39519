import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One finished process: how long it took from spawn to exit, and its peak resident memory. */
export interface ProcessMeasurement {
  readonly wallMs: number;
  /** Peak RSS in MiB of the largest process in the tree (GNU time's %M), or null without /usr/bin/time. */
  readonly peakRssMiB: number | null;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command as a whole process and measures it. Peak memory comes from GNU time (the
 * kernel's ru_maxrss of the child tree), which sees what the process really held, including
 * worker threads and children that a peer tool may start.
 */
export async function measureProcess(options: {
  command: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<ProcessMeasurement> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'complero-bench-time-'));
  const rssFile = path.join(scratch, 'rss');
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, options.command, ...options.args]]
    : [options.command, [...options.args]];
  try {
    const start = performance.now();
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
      child.on('error', reject);
      child.on('close', (code) => {
        if (timer) clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
    const wallMs = performance.now() - start;
    const rssKiB = useTime ? Number.parseInt((await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop() ?? '', 10) : NaN;
    return { wallMs, peakRssMiB: Number.isFinite(rssKiB) ? rssKiB / 1024 : null, ...result };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Throws with the process's output when it did not exit 0: a failed run must not become a figure. */
export function assertSucceeded(options: { measurement: ProcessMeasurement; what: string }): ProcessMeasurement {
  const { measurement, what } = options;
  if (measurement.code === 0) return measurement;
  const tail = (text: string) => text.trim().split('\n').slice(-15).join('\n');
  throw new Error(`${what} exited with ${measurement.code}:\n${tail(measurement.stderr)}\n${tail(measurement.stdout)}`);
}
