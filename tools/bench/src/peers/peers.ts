import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type RunSummary, repeat } from '../ours.js';
import { measureProcess, type ProcessMeasurement } from '../process.js';
import { type TypecheckResult, typecheckProject } from '../typecheck.js';
import { BENCH_ROOT, PEERS_DIR } from '../workspace.js';
import { type ExpectedOutput, firstErrorLine, missingOutputs, outputTail } from './failure.js';
import { PEER_PACKAGES } from './versions.js';

/** One peer generator and how to run it on a spec. */
export interface Peer {
  readonly id: 'orval' | 'hey-api' | 'kubb';
  readonly label: string;
  /** What it generates in the configuration used here. */
  readonly outputs: string;
  /** The files that show each kind of output it is asked for (checked after every successful run). */
  readonly expects: readonly ExpectedOutput[];
  readonly config: string;
  readonly args: (config: string) => string[];
}

/** The three peers, each configured for types + fetch client + react-query (+ MSW where it has it). */
export const PEERS: readonly Peer[] = [
  {
    id: 'orval',
    label: `Orval ${PEER_PACKAGES.orval}`,
    outputs: 'types + fetch + react-query + MSW',
    expects: [
      { kind: 'types', file: /^model\/[^/]+\.ts$/ },
      { kind: 'fetch client', file: /^api\.ts$/, contains: 'await fetch(' },
      { kind: 'react-query hooks', file: /^api\.ts$/, contains: 'useQuery' },
      { kind: 'MSW handlers', file: /^api\.msw\.ts$/, contains: "from 'msw'" },
    ],
    config: 'orval.config.cjs',
    args: (config) => [path.join(PEERS_DIR, 'node_modules/orval/dist/bin/orval.js'), '--config', config],
  },
  {
    id: 'hey-api',
    label: `Hey API ${PEER_PACKAGES['@hey-api/openapi-ts']}`,
    outputs: 'types + fetch + react-query (no MSW plugin)',
    expects: [
      { kind: 'types', file: /^types\.gen\.ts$/ },
      { kind: 'fetch client', file: /^sdk\.gen\.ts$/ },
      { kind: 'react-query options', file: /^@tanstack\/react-query\.gen\.ts$/ },
    ],
    config: 'openapi-ts.config.mjs',
    args: (config) => [path.join(PEERS_DIR, 'node_modules/@hey-api/openapi-ts/bin/run.js'), '-f', config],
  },
  {
    id: 'kubb',
    label: `Kubb ${PEER_PACKAGES['@kubb/cli']}`,
    outputs: 'types + fetch + react-query + MSW',
    expects: [
      { kind: 'types', file: /^types\/.+\.ts$/ },
      { kind: 'fetch client', file: /^clients\/.+\.ts$/ },
      { kind: 'react-query hooks', file: /^hooks\/.+\.ts$/ },
      { kind: 'MSW handlers', file: /^handlers\/.+\.ts$/ },
    ],
    config: 'kubb.config.mjs',
    args: (config) => [path.join(PEERS_DIR, 'node_modules/@kubb/cli/bin/kubb.cjs'), 'generate', '--config', config],
  },
];

/**
 * Installs the peers into tools/bench/.peers with plain npm (never part of the normal install),
 * unless the installed versions already match, and copies the configs (and the files they name)
 * beside them so that their imports resolve there.
 */
export async function installPeers(log: (text: string) => void): Promise<void> {
  await mkdir(PEERS_DIR, { recursive: true });
  const manifest = { name: 'complero-bench-peers', private: true, dependencies: PEER_PACKAGES };
  const manifestFile = path.join(PEERS_DIR, 'package.json');
  const wanted = `${JSON.stringify(manifest, null, 2)}\n`;
  const current = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : '';
  if (current !== wanted || !Object.keys(PEER_PACKAGES).every((name) => isInstalled(name))) {
    log(`installing peers into ${path.relative(process.cwd(), PEERS_DIR)} with npm …\n`);
    await writeFile(manifestFile, wanted);
    await runNpmInstall();
  }
  // The configs and the files they name (Orval's input transformer).
  for (const file of await readdir(path.join(BENCH_ROOT, 'peers')))
    await copyFile(path.join(BENCH_ROOT, 'peers', file), path.join(PEERS_DIR, file));
}

function isInstalled(name: string): boolean {
  const file = path.join(PEERS_DIR, 'node_modules', name, 'package.json');
  return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version === PEER_PACKAGES[name];
}

function runNpmInstall(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: PEERS_DIR,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm install of the peers exited with ${code}`))));
  });
}

/** A peer's figures on one spec. */
export interface PeerResult extends RunSummary {
  readonly peer: Peer['id'];
  readonly files: number;
  readonly typecheck: TypecheckResult | null;
  /** Set when the peer failed on this spec (its own first error line, or what it did not write); no figures then. */
  readonly error?: string;
  /** The last lines it printed when it failed, to read the failure in full. */
  readonly log?: string;
  /** Set when tsc could not finish checking the peer's output (e.g. out of memory). */
  readonly typecheckError?: string;
}

/**
 * The environment of every peer run: no colours, and no telemetry (Kubb's CLI otherwise resolves
 * a few host names and posts a trace after each run; the bench sends nothing out).
 */
function peerEnv(specFile: string, out: string): NodeJS.ProcessEnv {
  return { ...process.env, BENCH_SPEC: specFile, BENCH_OUT: out, NO_COLOR: '1', DO_NOT_TRACK: '1', KUBB_DISABLE_TELEMETRY: '1' };
}

/** Runs one peer on one spec (cold: its output folder emptied before each run), then tsc on its output. */
export async function measurePeer(options: {
  peer: Peer;
  specId: string;
  specFile: string;
  runs: number;
  warmup: number;
  typecheck: boolean;
  timeoutMs: number;
  typecheckTimeoutMs: number;
}): Promise<PeerResult> {
  const { peer } = options;
  const dir = path.join(PEERS_DIR, 'work', `${peer.id}-${options.specId}`);
  const out = path.join(dir, 'out');
  const env = peerEnv(options.specFile, out);
  let failed: ProcessMeasurement | undefined;
  const { summary } = await repeat({
    runs: options.runs,
    warmup: options.warmup,
    before: async () => {
      if (failed) return;
      await rm(dir, { recursive: true, force: true });
      await mkdir(out, { recursive: true });
    },
    run: async () => {
      // Once it failed on this spec it will again: keep its output for reading, do not run it again.
      if (failed) return failed;
      const measurement = await measureProcess({
        command: process.execPath,
        args: peer.args(path.join(PEERS_DIR, peer.config)),
        cwd: PEERS_DIR,
        env,
        timeoutMs: options.timeoutMs,
      });
      if (measurement.code !== 0) failed = measurement;
      return measurement;
    },
  });
  const files = await listFiles(out);
  const result = { ...summary, peer: peer.id, files: files.length };
  if (failed) {
    const said = firstErrorLine(failed).replaceAll(options.specFile, path.basename(options.specFile));
    const error =
      failed.code !== null
        ? `exited with ${failed.code}: ${said}`
        : failed.wallMs >= options.timeoutMs
          ? `stopped after ${Math.round(options.timeoutMs / 60_000)} min (timeout)`
          : `killed by a signal after ${Math.round(failed.wallMs / 1000)} s (out of memory?): ${said}`;
    return { ...result, typecheck: null, error, log: outputTail(failed) };
  }
  const missing = await missingOutputs({ expected: peer.expects, files, read: (file) => readFile(path.join(out, file), 'utf8') });
  if (missing.length > 0) return { ...result, typecheck: null, error: `exited 0 but wrote no ${missing.join(', no ')}` };
  if (!options.typecheck) return { ...result, typecheck: null };
  try {
    const typecheck = await typecheckProject({
      dir: out,
      include: ['.'],
      // Kubb's output imports its own files as `./x.ts` (its default `output.extension`), which
      // a consumer compiles with this option; without it every such import is an error (TS5097).
      compilerOptions: { allowImportingTsExtensions: true },
      timeoutMs: options.typecheckTimeoutMs,
    });
    return { ...result, typecheck };
  } catch (error) {
    // tsc itself gave up on the peer's output (Orval's 31 MB for Kubernetes exhausts its heap):
    // the generation figures stand, the type-check is reported as failed.
    const message = (error as Error).message;
    const reason = /FATAL ERROR: (.*)/.exec(message)?.[1] ?? message.split('\n').find((line) => line.trim() !== '') ?? 'tsc failed';
    return { ...result, typecheck: null, typecheckError: reason.trim() };
  }
}

/** The TypeScript files under `dir`, relative to it with `/` separators. */
async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
