import { readFileSync } from 'node:fs';
import os from 'node:os';
import { countOperations } from '@complero/codegen';
import { measureNodeStartup, measureOpenApiTypeScript, writeUpgradedSpec } from './baselines.js';
import { measureColdGeneration, measureFirstRun, measureNoopGeneration, type RunSummary } from './ours.js';
import { installPeers, measurePeer, PEERS, type PeerResult } from './peers/peers.js';
import { type BundleSize, listPublishedEntries, measureBundleSize, readSizeBudgets } from './runtime/bundle-size.js';
import {
  COMPLERO_CLIENT_CONSUMER,
  type ConsumerVariant,
  measureConsumerTypecheck,
  OPENAPI_FETCH_CONSUMER,
} from './runtime/consumer-typecheck.js';
import { measureRequestOverhead, type RequestCost, type RequestVariant } from './runtime/request-overhead.js';
import { measureScaling, type ScalingResult } from './scaling.js';
import { prepareTarget } from './targets.js';
import { type TypecheckResult, typecheckGeneratedPackages, typecheckProject } from './typecheck.js';
import { discoverSpecs } from './workspace.js';

/** Everything measured on one spec. */
export interface SpecReport {
  readonly id: string;
  readonly file: string;
  readonly bytes: number;
  readonly operations: number;
  readonly cold: RunSummary & { stagesMs: Record<string, number> };
  /** Cold without the code cache, as the first run after an install. */
  readonly firstRun: RunSummary;
  readonly noop: RunSummary;
  readonly typecheck: TypecheckResult;
  readonly openapiTypeScript: RunSummary;
  readonly openapiTypeScriptTypecheck: TypecheckResult;
  readonly peers: readonly PeerResult[];
}

/** The runtime figures of the generated packages. */
export interface RuntimeReport {
  readonly sizes: readonly (BundleSize & { budgetBytes: number | null })[];
  readonly requests: readonly RequestCost[];
  readonly consumers: readonly (TypecheckResult & { label: string })[];
}

/** One bench run, as printed and as written to JSON. */
export interface BenchReport {
  readonly startedAt: string;
  readonly machine: { readonly node: string; readonly cpus: number; readonly loadAverage: readonly number[] };
  readonly nodeStartup: RunSummary;
  readonly specs: readonly SpecReport[];
  readonly skipped: readonly string[];
  readonly scaling: ScalingResult | null;
  readonly runtime: RuntimeReport | null;
  /** What of ours failed or could not be measured, with why. The bench exits 1 when this is not empty. */
  readonly failures: readonly string[];
  /** What a peer could not do (read a spec, have its output type-checked): reported, not our failure. */
  readonly peerFailures: readonly string[];
}

/** Runs every measurement in one process, so that all ratios compare figures taken under the same load. */
export async function runBench(options: {
  peers: boolean;
  /** Whether to run tsc on the peers' output for this spec id. */
  peerTypecheck: (id: string) => boolean;
  runsFor: (file: string) => { runs: number; warmup: number };
  onlySpecs?: readonly string[];
  sizes: readonly number[];
  scalingRuns: (copies: number) => number;
  runtime: boolean;
  log: (text: string) => void;
}): Promise<BenchReport> {
  const { log } = options;
  const startedAt = new Date().toISOString();
  const failures: string[] = [];
  const peerFailures: string[] = [];
  const skipped: string[] = [];
  const discovered = discoverSpecs();
  if (discovered.missing) skipped.push(discovered.missing);
  const specs = discovered.specs.filter((spec) => !options.onlySpecs || options.onlySpecs.includes(spec.id));
  if (options.peers) await installPeers(log);

  log('baseline: node -e 0\n');
  const nodeStartup = await measureNodeStartup({ runs: 5, warmup: 1 });
  const specReports: SpecReport[] = [];
  for (const spec of specs) {
    const { runs, warmup } = options.runsFor(spec.file);
    log(`${spec.id}: complero-codegen cold ×${runs}\n`);
    const target = await prepareTarget(spec);
    const cold = await measureColdGeneration({ target, runs, warmup });
    log(`${spec.id}: complero-codegen cold without its code cache ×${runs}\n`);
    const firstRun = await measureFirstRun({ target, runs });
    log(`${spec.id}: no-op ×5, tsc of the generated packages\n`);
    const noop = await measureNoopGeneration({ target, runs: 5, warmup: 1 });
    const scope = (JSON.parse(readFileSync(target.configFile, 'utf8')) as { scope: string }).scope;
    const typecheck = await typecheckGeneratedPackages({ outDir: target.outDir, scope, generatedOnly: spec.id !== 'complero' });
    // The SDK is Complero's: on other specs the errors (shown in the table) point at emitters that assume Complero.
    if (typecheck.errors > 0 && spec.id === 'complero')
      failures.push(`${spec.id}: tsc found ${typecheck.errors} errors in the generated packages`);
    log(`${spec.id}: openapi-typescript alone ×${runs}\n`);
    const upgradedSpec = await writeUpgradedSpec(target);
    const openapiTypeScript = await measureOpenApiTypeScript({ target, upgradedSpec, runs, warmup });
    const openapiTypeScriptTypecheck = await typecheckProject({ dir: `${target.dir}/baseline`, include: ['schema.ts'] });
    const peers: PeerResult[] = [];
    if (options.peers) {
      for (const peer of PEERS) {
        log(`${spec.id}: ${peer.label} ×${runs}\n`);
        const result = await measurePeer({
          peer,
          specId: spec.id,
          specFile: spec.file,
          runs,
          warmup,
          typecheck: options.peerTypecheck(spec.id),
          timeoutMs: 15 * 60_000,
          typecheckTimeoutMs: 5 * 60_000,
        });
        if (result.error) peerFailures.push(`${spec.id}: ${peer.label} ${result.error}`);
        if (result.typecheckError) peerFailures.push(`${spec.id}: tsc of ${peer.label}'s output failed: ${result.typecheckError}`);
        peers.push(result);
      }
    }
    const document = JSON.parse(readFileSync(upgradedSpec, 'utf8')) as Record<string, unknown>;
    specReports.push({
      id: spec.id,
      file: spec.file,
      bytes: readFileSync(spec.file).byteLength,
      operations: countOperations(document),
      cold,
      firstRun,
      noop,
      typecheck,
      openapiTypeScript,
      openapiTypeScriptTypecheck,
      peers,
    });
  }

  let scaling: ScalingResult | null = null;
  if (options.sizes.length >= 2) {
    log(`scaling: ${options.sizes.join('×, ')}× the Complero operations\n`);
    scaling = await measureScaling({ sizes: options.sizes, runsFor: options.scalingRuns });
  }

  let runtime: RuntimeReport | null = null;
  if (options.runtime) {
    log('runtime: bundle sizes, request overhead, consumer tsc\n');
    runtime = await measureRuntime({ failures });
  }
  return {
    startedAt,
    machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg() },
    nodeStartup,
    specs: specReports,
    skipped,
    scaling,
    runtime,
    failures,
    peerFailures,
  };
}

async function measureRuntime(options: { failures: string[] }): Promise<RuntimeReport> {
  const budgets = readSizeBudgets();
  const sizes: RuntimeReport['sizes'][number][] = [];
  for (const pkg of listPublishedEntries()) {
    try {
      const size = await measureBundleSize(pkg);
      const budgetBytes = budgets[pkg.name] ?? null;
      if (budgetBytes !== null && size.gzipBytes > budgetBytes)
        options.failures.push(`${pkg.name}: ${size.gzipBytes} B gzip is over its budget of ${budgetBytes} B`);
      sizes.push({ ...size, budgetBytes });
    } catch (error) {
      options.failures.push(`${pkg.name}: ${(error as Error).message}`);
    }
  }
  const requests = await measureRequestOverhead({ variants: await requestVariants(), rounds: 200, requests: 20 });
  const consumers = await measureConsumerTypecheck(consumerVariants());
  for (const consumer of consumers) {
    if (consumer.errors > 0) options.failures.push(`consumer file (${consumer.label}): tsc found ${consumer.errors} errors`);
  }
  return { sizes, requests, consumers };
}

async function requestVariants(): Promise<RequestVariant[]> {
  const { default: createClient } = await import('openapi-fetch');
  const { createCompleroClient } = await import('@complero/client');
  return [
    {
      label: 'openapi-fetch',
      create: (baseUrl) => {
        const client = createClient<{ '/ping': { get: { responses: { 200: { content: { 'application/json': unknown } } } } } }>({
          baseUrl,
        });
        return () => client.GET('/ping', {});
      },
    },
    {
      // openapi-fetch as @complero/client uses it, without the client's own code: its User-Agent, and
      // a Request class that keeps the URL and init, so that fetch gets them as they are instead of a
      // Request to copy. What openapi-fetch's own work per request costs the client.
      label: 'openapi-fetch, as the client uses it',
      create: (baseUrl) => {
        class PlainRequest {
          constructor(
            readonly url: string,
            init: RequestInit,
          ) {
            Object.assign(this, init);
          }
        }
        const client = createClient<{ '/ping': { get: { responses: { 200: { content: { 'application/json': unknown } } } } } }>({
          baseUrl,
          headers: { 'User-Agent': `complero-client-js/0.0.0 node/${process.version}` },
          Request: PlainRequest as unknown as typeof Request,
          fetch: (request) => fetch(request.url, request),
        });
        return () => client.GET('/ping', {});
      },
    },
    {
      // What any client that identifies itself and times out pays before any code of its own: the
      // User-Agent the client sends, and an AbortController with a timer (Node's fetch links every
      // request to the signal it is given). A reference, not a competitor.
      label: 'fetch + User-Agent + timeout',
      create: (baseUrl) => {
        const headers = { 'User-Agent': `complero-client-js/0.0.0 node/${process.version}` };
        return async () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 60_000);
          try {
            const response = await fetch(`${baseUrl}/ping`, { headers, signal: controller.signal });
            return await response.json();
          } finally {
            clearTimeout(timer);
          }
        };
      },
    },
    {
      // Its defaults, as a user gets them (timeouts and retries armed; a 200 never retries).
      label: '@complero/client',
      create: (baseUrl) => {
        const client = createCompleroClient({ baseUrl });
        return () => client.ping();
      },
    },
    {
      // Without a timeout: no AbortSignal for fetch to link to the request (retries and redaction stay armed).
      label: '@complero/client, timeoutMs 0',
      create: (baseUrl) => {
        const client = createCompleroClient({ baseUrl, timeoutMs: 0 });
        return () => client.ping();
      },
    },
  ];
}

function consumerVariants(): ConsumerVariant[] {
  return [OPENAPI_FETCH_CONSUMER, COMPLERO_CLIENT_CONSUMER];
}
