import { spawn } from 'node:child_process';

/** What a finished command printed. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command without a shell and collects its output. Throws (with everything it printed)
 * when it exits non-zero, unless `allowFailure` is set.
 */
export async function runCommand(options: {
  command: string;
  args: readonly string[];
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
  allowFailure?: boolean;
}): Promise<CommandResult> {
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: { ...withoutPackageManagerConfig(process.env), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? 1));
  });
  if (code !== 0 && !options.allowFailure) {
    throw new Error(
      `${options.command} ${options.args.join(' ')} exited ${code} in ${options.cwd}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
    );
  }
  return { code, stdout, stderr };
}

/**
 * `pnpm run` exports its own npm settings (`npm_config_registry`, …) to scripts; they outrank a
 * `--userconfig` file, so a child npm would talk to the default registry. Children start without
 * them and get only the settings the test passes explicitly.
 */
function withoutPackageManagerConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_(config|package|lifecycle)_/i.test(key)));
}
