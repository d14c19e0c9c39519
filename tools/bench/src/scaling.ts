import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countOperations, loadSpecFile } from '@complero/codegen';
import { measureColdGeneration, type RunSummary } from './ours.js';
import { fitGrowthExponent } from './stats.js';
import { scaleSwaggerDocument } from './synthetic.js';
import type { BenchTarget } from './targets.js';
import { COMPLERO_SPEC, WORK_DIR } from './workspace.js';

/** Cold generation at one synthetic size. */
export interface ScalePoint extends RunSummary {
  readonly copies: number;
  readonly operations: number;
  readonly specBytes: number;
}

/** Growth of time and memory with spec size. */
export interface ScalingResult {
  readonly points: readonly ScalePoint[];
  /** Fitted exponent of wall time over every size (startup makes small sizes flatter). */
  readonly timeExponent: number;
  /** Fitted exponent of wall time over the two largest sizes: how the marginal cost grows. */
  readonly timeExponentLargest: number;
  readonly memoryExponent: number | null;
}

/** Generates from Complero × each of `sizes` and fits how time and memory grow. */
export async function measureScaling(options: { sizes: readonly number[]; runsFor: (copies: number) => number }): Promise<ScalingResult> {
  const original = (await loadSpecFile({ path: COMPLERO_SPEC })).document;
  const points: ScalePoint[] = [];
  for (const copies of options.sizes) {
    const dir = path.join(WORK_DIR, `scale-${copies}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const document = scaleSwaggerDocument({ document: original, copies });
    const specFile = path.join(dir, 'spec.json');
    const text = JSON.stringify(document);
    await writeFile(specFile, text);
    const configFile = path.join(dir, 'codegen.config.json');
    const outDir = path.join(dir, 'packages');
    await writeFile(
      configFile,
      JSON.stringify({ spec: specFile, out: outDir, scope: '@bench', name: 'Scaled', maxSpecBytes: 256 * 1024 * 1024 }),
    );
    const target: BenchTarget = { spec: { id: `scale-${copies}`, file: specFile, name: 'Scaled' }, dir, configFile, outDir };
    const runs = options.runsFor(copies);
    const summary = await measureColdGeneration({ target, runs, warmup: runs > 1 ? 1 : 0 });
    points.push({ ...summary, copies, operations: countOperations(document), specBytes: Buffer.byteLength(text) });
    await rm(outDir, { recursive: true, force: true });
  }
  const time = points.map((point) => ({ x: point.operations, y: point.wallMs }));
  const memory = points.every((point) => point.peakRssMiB !== null)
    ? fitGrowthExponent(points.map((point) => ({ x: point.operations, y: point.peakRssMiB as number })))
    : null;
  return {
    points,
    timeExponent: fitGrowthExponent(time),
    timeExponentLargest: fitGrowthExponent(time.slice(-2)),
    memoryExponent: memory,
  };
}
