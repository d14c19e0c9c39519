import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type RunSummary, repeat } from '../ours.js';
import { measureProcess, type ProcessMeasurement } from '../process.js';
import { type TypecheckResult, typecheckProject } from '../typecheck.js';
import { BENCH_ROOT, PEERS_DIR } from '../workspace.js';
import { PEER_PACKAGES } from './versions.js';

/** One peer generator and how to run it on a spec. */
export interface Peer {
  readonly id: 'orval' | 'hey-api' | 'kubb';
  readonly label: string;
  /** What it generates in the configuration used here. */
  readonly outputs: string;
  readonly config: string;
  readonly args: (config: string) => string[];
}

/** The three peers, each configured for types + fetch client + react-query (+ MSW where it has it). */
export const PEERS: readonly Peer[] = [
  {
    id: 'orval',
    label: `Orval ${PEER_PACKAGES.orval}`,
    outputs: 'types + fetch + react-query + MSW',
    config: 'orval.config.cjs',
    args: (config) => [path.join(PEERS_DIR, 'node_modules/orval/dist/bin/orval.js'), '--config', config],
  },
  {
    id: 'hey-api',
    label: `Hey API ${PEER_PACKAGES['@hey-api/openapi-ts']}`,
    outputs: 'types + fetch + react-query (no MSW plugin)',
    config: 'openapi-ts.config.mjs',
    args: (config) => [path.join(PEERS_DIR, 'node_modules/@hey-api/openapi-ts/bin/run.js'), '-f', config],
  },
  {
    id: 'kubb',
    label: `Kubb ${PEER_PACKAGES['@kubb/cli']}`,
    outputs: 'types + fetch + react-query + MSW',
    config: 'kubb.config.mjs',
    args: (config) => [path.join(PEERS_DIR, 'node_modules/@kubb/cli/bin/kubb.cjs'), 'generate', '--config', config],
  },
];

/**
 * Installs the peers into tools/bench/.peers with plain npm (never part of the normal install),
 * unless the installed versions already match, and copies the configs beside them so that their
 * imports resolve there.
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
  for (const peer of PEERS) await copyFile(path.join(BENCH_ROOT, 'peers', peer.config), path.join(PEERS_DIR, peer.config));
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
  /** Set when the peer failed on this spec; no figures then. */
  readonly error?: string;
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
  const env = { ...process.env, BENCH_SPEC: options.specFile, BENCH_OUT: out, NO_COLOR: '1' };
  let failed: ProcessMeasurement | undefined;
  const { summary } = await repeat({
    runs: options.runs,
    warmup: options.warmup,
    before: async () => {
      await rm(dir, { recursive: true, force: true });
      await mkdir(out, { recursive: true });
    },
    run: async () => {
      const measurement = await measureProcess({
        command: process.execPath,
        args: peer.args(path.join(PEERS_DIR, peer.config)),
        cwd: PEERS_DIR,
        env,
        timeoutMs: options.timeoutMs,
      });
      if (measurement.code !== 0) failed ??= measurement;
      return measurement;
    },
  });
  const files = await countFiles(out);
  if (failed || files === 0) {
    const why = failed ? `exited with ${failed.code}: ${lastLines(failed.stderr || failed.stdout)}` : 'wrote no files';
    return { ...summary, peer: peer.id, files, typecheck: null, error: why };
  }
  const typecheck = options.typecheck ? await typecheckProject({ dir: out, include: ['.'], timeoutMs: options.typecheckTimeoutMs }) : null;
  return { ...summary, peer: peer.id, files, typecheck };
}

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .length;
}

/** The first line that names an error (stack frames and banners say nothing), else the last line. */
function lastLines(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const error = lines.find((line) => /error|invalid|cannot|failed/i.test(line));
  return (error ?? lines.at(-1) ?? '').slice(0, 300);
}
