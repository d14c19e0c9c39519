import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchReport } from './run-bench.js';
import { RESULTS_DIR } from './workspace.js';

/** Writes the report as JSON: one file per run (by start time) and `latest.json`. Returns their paths. */
export async function writeResults(report: BenchReport): Promise<string[]> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const stamped = path.join(RESULTS_DIR, `bench-${report.startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`);
  const latest = path.join(RESULTS_DIR, 'latest.json');
  await Promise.all([writeFile(stamped, text), writeFile(latest, text)]);
  return [path.relative(process.cwd(), stamped), path.relative(process.cwd(), latest)];
}
