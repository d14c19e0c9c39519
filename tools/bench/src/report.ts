import { PEERS } from './peers/peers.js';
import type { BenchReport, SpecReport } from './run-bench.js';
import { ratio } from './stats.js';
import { formatKiloBytes, formatMiB, formatMs, formatRatio, formatSeconds, formatTable } from './table.js';

/** Targets from the performance issue, shown beside the figures they apply to. */
export const TARGETS = {
  /** Our wall time and peak memory over the fastest peer's, on the large specs. */
  peerLarge: 0.7,
  /** …and on Complero, where module loading dominates. */
  peerComplero: 0.8,
  /** Our full generation over openapi-typescript alone on the same upgraded spec. */
  openapiTypeScript: 1.3,
  /** A no-op regeneration over `node -e 0`. */
  noop: 2,
  /** Fitted growth exponent of generation time. */
  exponent: 1.1,
  /** @complero/client per request over bare fetch. */
  requestOverhead: 1.05,
} as const;

/** The whole report as Markdown tables. */
export function renderReport(report: BenchReport): string {
  const sections = [
    `## complero-codegen bench (${report.startedAt}, Node ${report.machine.node}, ${report.machine.cpus} CPUs, load ${report.machine.loadAverage.map((load) => load.toFixed(1)).join(' ')})`,
    `Baseline \`node -e 0\`: ${formatMs(report.nodeStartup.wallMs)}, ${formatMiB(report.nodeStartup.peakRssMiB)} (median of ${report.nodeStartup.runs}).`,
    ...report.skipped.map((reason) => `Skipped: ${reason}.`),
    renderGeneration(report),
    renderStages(report.specs),
    ...(report.specs.some((spec) => spec.peers.length > 0) ? [renderPeers(report.specs)] : []),
    ...(report.scaling ? [renderScaling(report)] : []),
    ...(report.runtime ? [renderRuntime(report)] : []),
    ...(report.peerFailures.length > 0
      ? [`### What the peers could not do\n\n${report.peerFailures.map((failure) => `- ${failure}`).join('\n')}`]
      : []),
    ...(report.failures.length > 0 ? [`### Failures\n\n${report.failures.map((failure) => `- ${failure}`).join('\n')}`] : []),
  ];
  return `${sections.join('\n\n')}\n`;
}

function renderGeneration(report: BenchReport): string {
  const rows = report.specs.map((spec) => [
    spec.id,
    String(spec.operations),
    `${formatSeconds(spec.cold.wallMs)}, ${formatMiB(spec.cold.peakRssMiB)}`,
    `${formatSeconds(spec.firstRun.wallMs)}, ${formatMiB(spec.firstRun.peakRssMiB)}`,
    `${formatSeconds(spec.openapiTypeScript.wallMs)}, ${formatMiB(spec.openapiTypeScript.peakRssMiB)}`,
    `${formatRatio(ratio(spec.cold.wallMs, spec.openapiTypeScript.wallMs))} / ${formatRatio(ratio(spec.cold.peakRssMiB, spec.openapiTypeScript.peakRssMiB))}`,
    `${formatMs(spec.noop.wallMs)} (${formatRatio(ratio(spec.noop.wallMs, report.nodeStartup.wallMs))})`,
    `${formatSeconds(spec.typecheck.wallMs)}, ${formatMiB(spec.typecheck.peakRssMiB)}${spec.typecheck.errors > 0 ? ` (${spec.typecheck.errors} errors)` : ''}`,
    `${formatSeconds(spec.openapiTypeScriptTypecheck.wallMs)}, ${formatMiB(spec.openapiTypeScriptTypecheck.peakRssMiB)}`,
    String(spec.cold.runs),
  ]);
  return [
    '### Generation (whole process, median; cold = empty output folder)',
    '',
    formatTable({
      headers: [
        'spec',
        'ops',
        'complero-codegen cold',
        'first run (no code cache)',
        'openapi-typescript alone',
        `ours / ots (time / mem; target ≤ ${TARGETS.openapiTypeScript}×)`,
        `no-op (× node -e 0; target < ${TARGETS.noop}×)`,
        'tsc --noEmit, our packages',
        'tsc --noEmit, ots types',
        'runs',
      ],
      rows,
    }),
  ].join('\n');
}

function renderStages(specs: readonly SpecReport[]): string {
  const stages = [...new Set(specs.flatMap((spec) => Object.keys(spec.cold.stagesMs)))];
  return [
    '### Time per stage (ms, median of the cold runs, inside the process)',
    '',
    formatTable({
      headers: ['spec', ...stages],
      rows: specs.map((spec) => [spec.id, ...stages.map((stage) => String(Math.round(spec.cold.stagesMs[stage] ?? 0)))]),
    }),
  ].join('\n');
}

function renderPeers(specs: readonly SpecReport[]): string {
  const rows: string[][] = [];
  for (const spec of specs) {
    const working = spec.peers.filter((peer) => !peer.error);
    const fastest = working.length > 0 ? Math.min(...working.map((peer) => peer.wallMs)) : null;
    const leanest = working.some((peer) => peer.peakRssMiB !== null)
      ? Math.min(...working.map((peer) => peer.peakRssMiB ?? Number.POSITIVE_INFINITY))
      : null;
    rows.push([
      spec.id,
      'complero-codegen',
      `${formatSeconds(spec.cold.wallMs)}, ${formatMiB(spec.cold.peakRssMiB)}`,
      `${formatRatio(ratio(spec.cold.wallMs, fastest))} / ${formatRatio(ratio(spec.cold.peakRssMiB, leanest))} of the best peer`,
      `${formatSeconds(spec.typecheck.wallMs)}, ${formatMiB(spec.typecheck.peakRssMiB)}`,
    ]);
    for (const peer of spec.peers) {
      const label = PEERS.find((candidate) => candidate.id === peer.peer)?.label ?? peer.peer;
      rows.push([
        spec.id,
        label,
        peer.error ? `failed: ${peer.error}` : `${formatSeconds(peer.wallMs)}, ${formatMiB(peer.peakRssMiB)}`,
        peer.error
          ? '–'
          : `${formatRatio(ratio(spec.cold.wallMs, peer.wallMs))} / ${formatRatio(ratio(spec.cold.peakRssMiB, peer.peakRssMiB))}`,
        peer.typecheckError
          ? `tsc failed: ${peer.typecheckError}`
          : peer.typecheck?.timedOut
            ? `> ${formatSeconds(peer.typecheck.wallMs)} (stopped), ${formatMiB(peer.typecheck.peakRssMiB)}`
            : peer.typecheck
              ? `${formatSeconds(peer.typecheck.wallMs)}, ${formatMiB(peer.typecheck.peakRssMiB)}${peer.typecheck.errors > 0 ? ` (${peer.typecheck.errors} errors)` : ''}`
              : '–',
      ]);
    }
  }
  const outputs = PEERS.map((peer) => `${peer.label}: ${peer.outputs}`).join('; ');
  return [
    `### Against the peers (same run; ours = all four packages. Targets: ≤ ${TARGETS.peerLarge}× the best peer on large specs, ≤ ${TARGETS.peerComplero}× on Complero)`,
    '',
    `Peers generate: ${outputs}.`,
    '',
    formatTable({ headers: ['spec', 'generator', 'wall, peak RSS', 'ours / this (time / mem)', 'tsc --noEmit of the output'], rows }),
  ].join('\n');
}

function renderScaling(report: BenchReport): string {
  const scaling = report.scaling!;
  return [
    `### Scaling (synthetic: Complero × N; target exponent ≤ ${TARGETS.exponent})`,
    '',
    formatTable({
      headers: ['copies', 'ops', 'spec', 'wall', 'peak RSS', 'ms per op', 'runs'],
      rows: scaling.points.map((point) => [
        `${point.copies}×`,
        String(point.operations),
        formatKiloBytes(point.specBytes),
        formatSeconds(point.wallMs),
        formatMiB(point.peakRssMiB),
        (point.wallMs / point.operations).toFixed(2),
        String(point.runs),
      ]),
    }),
    '',
    `Fitted growth exponent (log-log least squares): time ${scaling.timeExponent.toFixed(2)} over all sizes, ` +
      `${scaling.timeExponentLargest.toFixed(2)} between the two largest; memory ${scaling.memoryExponent?.toFixed(2) ?? '–'}.`,
  ].join('\n');
}

/**
 * Whether @complero/client meets the per-request target, and what stands in its way, from the
 * reference rows measured beside it: a timeout's AbortSignal (fetch with one and no client code)
 * and openapi-fetch, which sends the client's requests.
 */
function renderRequestTarget(runtime: NonNullable<BenchReport['runtime']>): string[] {
  const ratio = (label: string) => runtime.requests.find((cost) => cost.label === label)?.ratioToFetch;
  const client = ratio('@complero/client');
  if (client === undefined) return [];
  return [
    `@complero/client: ${formatRatio(client)} bare fetch, ${client <= TARGETS.requestOverhead ? 'within' : 'over'} the ` +
      `${TARGETS.requestOverhead}× target. In its way: the AbortSignal of its default timeout, which Node's fetch links to ` +
      `each request (fetch with a User-Agent and a timeout, no client code: ${formatRatio(ratio('fetch + User-Agent + timeout'))}; ` +
      `the client with timeoutMs 0: ${formatRatio(ratio('@complero/client, timeoutMs 0'))}), and openapi-fetch's own work per ` +
      `request (openapi-fetch as the client uses it, no client code and no timeout: ` +
      `${formatRatio(ratio('openapi-fetch, as the client uses it'))}).`,
    '',
  ];
}

function renderRuntime(report: BenchReport): string {
  const runtime = report.runtime!;
  return [
    '### Runtime: bundle size of each entry (esbuild, minified, gzip -9; peers external)',
    '',
    formatTable({
      headers: ['entry', 'minified', 'gzip', 'budget'],
      rows: runtime.sizes.map((size) => [
        size.name,
        formatKiloBytes(size.minifiedBytes),
        formatKiloBytes(size.gzipBytes),
        formatKiloBytes(size.budgetBytes),
      ]),
    }),
    '',
    `### Runtime: per-request cost against a 127.0.0.1 server in its own process (target for @complero/client ≤ ${TARGETS.requestOverhead}× fetch)`,
    '',
    formatTable({
      headers: ['caller', 'µs per request', '× bare fetch'],
      rows: runtime.requests.map((cost) => [cost.label, cost.microsPerRequest.toFixed(1), formatRatio(cost.ratioToFetch)]),
    }),
    '',
    ...renderRequestTarget(runtime),
    '### Runtime: tsc --noEmit of a consumer file calling ten operations',
    '',
    formatTable({
      headers: ['consumer', 'tsc wall', 'peak RSS', 'errors'],
      rows: runtime.consumers.map((consumer) => [
        consumer.label,
        formatSeconds(consumer.wallMs),
        formatMiB(consumer.peakRssMiB),
        String(consumer.errors),
      ]),
    }),
  ].join('\n');
}
