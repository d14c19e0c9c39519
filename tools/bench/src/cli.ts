import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderReport } from './report.js';
import { writeResults } from './results.js';
import { type BenchReport, runBench } from './run-bench.js';

const USAGE = `Usage: pnpm bench [options]

Measures the Complero generator (whole process, median of N runs after a warm-up) on the Complero
spec and every spec in $COMPLERO_SPECS_DIR (default ../shared/specs), against baselines measured in
the same run (node -e 0, openapi-typescript alone), and optionally against Orval, Hey API and Kubb.

Options:
  --peers             also install (into tools/bench/.peers, with npm) and run Orval, Hey API and Kubb
  --runs N            measured runs per figure on specs under 1 MB (default 3, after 1 warm-up)
  --large-runs N      measured runs on specs of 1 MB or more, and peers on them (default 1, no warm-up)
  --specs a,b         only these spec ids (complero, kubernetes, github, docker, argo)
  --sizes 1,10,…      synthetic scaling sizes in Complero copies (default 1,10,100,1000; "none" to skip)
  --peer-tsc a,b      specs on which to type-check the peers' output (default complero,kubernetes;
                      "all" for every spec; it takes minutes and GiB per spec)
  --no-runtime        skip the bundle-size, request-overhead and consumer-tsc figures
  -h, --help          show this help
`;

/** The bench's command line: parse, run, print the tables, write the JSON. */
async function main(argv: readonly string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv.filter((arg) => arg !== '--')).values;
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const runs = positiveInteger({ value: values.runs, name: '--runs', fallback: 3 });
  const largeRuns = positiveInteger({ value: values['large-runs'], name: '--large-runs', fallback: 1 });
  const sizes =
    values.sizes === 'none'
      ? []
      : (values.sizes ?? '1,10,100,1000').split(',').map((size) => positiveInteger({ value: size, name: '--sizes', fallback: 1 }));
  const log = (text: string) => process.stderr.write(text);
  const report: BenchReport = await runBench({
    peers: values.peers === true,
    peerTypecheck: (id: string) => {
      const wanted = (values['peer-tsc'] ?? 'complero,kubernetes').split(',');
      return wanted.includes('all') || wanted.includes(id);
    },
    runsFor: (file: string) => (statSync(file).size >= 1024 * 1024 ? { runs: largeRuns, warmup: 0 } : { runs, warmup: 1 }),
    ...(values.specs ? { onlySpecs: values.specs.split(',') } : {}),
    sizes,
    scalingRuns: (copies: number) => (copies >= 100 ? largeRuns : runs),
    runtime: values['no-runtime'] !== true,
    log,
  });
  process.stdout.write(renderReport(report));
  const files = await writeResults(report);
  process.stdout.write(`\nJSON: ${files.join(', ')}\n`);
  return report.failures.length > 0 ? 1 : 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      peers: { type: 'boolean' },
      runs: { type: 'string' },
      'large-runs': { type: 'string' },
      specs: { type: 'string' },
      sizes: { type: 'string' },
      'peer-tsc': { type: 'string' },
      'no-runtime': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function positiveInteger(options: { value: string | undefined; name: string; fallback: number }): number {
  if (options.value === undefined) return options.fallback;
  const parsed = Number(options.value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${options.name} takes a positive integer, got "${options.value}"`);
  return parsed;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
});
