import { assertSucceeded, measureProcess, type ProcessMeasurement } from './process.js';
import { median } from './stats.js';
import { type BenchTarget, resetOutput } from './targets.js';
import { CODEGEN_BIN, REPO_ROOT } from './workspace.js';

/** The median of several whole-process runs. */
export interface RunSummary {
  readonly runs: number;
  readonly wallMs: number;
  readonly peakRssMiB: number | null;
  /** Every run, for the JSON report. */
  readonly samples: readonly { readonly wallMs: number; readonly peakRssMiB: number | null }[];
}

/** Median wall time and median peak RSS of some measurements. */
export function summarize(measurements: readonly ProcessMeasurement[]): RunSummary {
  const rss = measurements.map((m) => m.peakRssMiB).filter((value): value is number => value !== null);
  return {
    runs: measurements.length,
    wallMs: median(measurements.map((m) => m.wallMs)),
    peakRssMiB: rss.length === measurements.length ? median(rss) : null,
    samples: measurements.map((m) => ({ wallMs: m.wallMs, peakRssMiB: m.peakRssMiB })),
  };
}

/** Runs something `warmup + runs` times and summarises the last `runs`. */
export async function repeat(options: {
  runs: number;
  warmup: number;
  before?: () => Promise<void>;
  run: () => Promise<ProcessMeasurement>;
}): Promise<{ summary: RunSummary; measurements: ProcessMeasurement[] }> {
  const measurements: ProcessMeasurement[] = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    await options.before?.();
    const measurement = await options.run();
    if (i >= options.warmup) measurements.push(measurement);
  }
  return { summary: summarize(measurements), measurements };
}

function runCodegen(options: {
  target: BenchTarget;
  args: readonly string[];
  what: string;
  env?: NodeJS.ProcessEnv;
}): Promise<ProcessMeasurement> {
  return measureProcess({
    command: process.execPath,
    args: [CODEGEN_BIN, 'generate', '--config', options.target.configFile, ...options.args],
    cwd: REPO_ROOT,
    ...(options.env ? { env: options.env } : {}),
  }).then((measurement) => assertSucceeded({ measurement, what: options.what }));
}

/** Cold, full generation of every package: an empty output folder each time, as a whole process. */
export async function measureColdGeneration(options: {
  target: BenchTarget;
  runs: number;
  warmup: number;
}): Promise<RunSummary & { stagesMs: Record<string, number> }> {
  const { target } = options;
  const { summary, measurements } = await repeat({
    ...options,
    before: () => resetOutput(target),
    run: () => runCodegen({ target, args: ['--force', '--timings'], what: `complero-codegen on ${target.spec.id}` }),
  });
  return { ...summary, stagesMs: medianStages(measurements.map((m) => parseTimings(m.stderr))) };
}

/**
 * Cold generation without the generator's V8 code cache (`NODE_DISABLE_COMPILE_CACHE=1`): what
 * the first run after an install costs, when TypeScript must be compiled from source.
 */
export async function measureFirstRun(options: { target: BenchTarget; runs: number }): Promise<RunSummary> {
  const { target } = options;
  const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
  const { summary } = await repeat({
    runs: options.runs,
    warmup: 0,
    before: () => resetOutput(target),
    run: () => runCodegen({ target, args: ['--force'], env, what: `complero-codegen (no code cache) on ${target.spec.id}` }),
  });
  return summary;
}

/** Regeneration with nothing changed (the output of the last cold run is in place). */
export async function measureNoopGeneration(options: { target: BenchTarget; runs: number; warmup: number }): Promise<RunSummary> {
  const { target } = options;
  // One plain run records the state the fast path checks (cold runs use --force, which skips it).
  await runCodegen({ target, args: [], what: `complero-codegen (recording state) on ${target.spec.id}` });
  const { summary, measurements } = await repeat({
    ...options,
    run: () => runCodegen({ target, args: [], what: `complero-codegen (no-op) on ${target.spec.id}` }),
  });
  for (const measurement of measurements) {
    if (!/already up to date/.test(measurement.stdout))
      throw new Error(`a no-op run on ${target.spec.id} changed files:\n${measurement.stdout}`);
  }
  return summary;
}

function parseTimings(stderr: string): Record<string, number> {
  const line = stderr.split('\n').find((text) => text.startsWith('complero-codegen: timings '));
  if (!line) throw new Error(`complero-codegen printed no timings:\n${stderr}`);
  return JSON.parse(line.slice('complero-codegen: timings '.length)) as Record<string, number>;
}

function medianStages(runs: readonly Record<string, number>[]): Record<string, number> {
  const stages = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  return Object.fromEntries(stages.map((stage) => [stage, median(runs.map((run) => run[stage] ?? 0))]));
}
