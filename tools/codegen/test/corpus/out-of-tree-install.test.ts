import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT } from '../support/repo.js';

const SPEC = path.join(REPO_ROOT, 'tools/codegen/test/fixtures/custom-conventions.yaml');
const PACKAGES = ['client', 'msw', 'react-query', 'types'] as const;

/** The outcome of one command, with its output kept for the failure message. */
interface Step {
  readonly status: number | null;
  readonly output: string;
  readonly seconds: number;
}

let scratch: string;
let out: string;
const steps = new Map<string, Step>();

/** Runs a command in `cwd`; never throws, so every step's outcome can be asserted on its own. */
function run(options: { name: string; command: string; args: readonly string[]; cwd: string }): Step {
  const started = performance.now();
  const result = spawnSync(options.command, [...options.args], { cwd: options.cwd, encoding: 'utf8', timeout: 120_000 });
  const step = {
    status: result.status,
    output: [result.error?.message, result.signal && `killed by ${result.signal}`, result.stdout, result.stderr]
      .filter(Boolean)
      .join('\n')
      .slice(-4_000),
    seconds: (performance.now() - started) / 1000,
  };
  steps.set(options.name, step);
  return step;
}

// What a person does with the output for their own API: generate it somewhere else, install it
// from the registry (here: from the local store, offline), build it and type-check it, with no
// help from this repository's install.
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'codegen-out-of-tree-'));
  out = path.join(scratch, 'sdk');
  const generate = run({
    name: 'generate',
    command: process.execPath,
    args: [CLI, 'generate', '--spec', SPEC, '--out', out, '--scope', '@widgets', '--name', 'Widgets'],
    cwd: scratch,
  });
  if (generate.status !== 0) return;
  const install = run({ name: 'install', command: 'pnpm', args: ['install', '--offline'], cwd: out });
  if (install.status !== 0) return;
  // -r runs in dependency order: types, then client, then msw and react-query, each against the others' dist.
  const build = run({ name: 'build', command: 'pnpm', args: ['-r', 'build'], cwd: out });
  if (build.status !== 0) return;
  run({ name: 'typecheck', command: 'pnpm', args: ['-r', 'typecheck'], cwd: out });
  run({
    name: 'import',
    command: process.execPath,
    args: ['--input-type=module', '-e', "const m = await import('@widgets/client'); console.log(typeof m.createWidgetsClient);"],
    cwd: path.join(out, 'react-query'),
  });
}, 300_000);

afterAll(() => {
  console.log(`Out-of-tree install (seconds): ${[...steps].map(([name, step]) => `${name} ${step.seconds.toFixed(1)}`).join(', ')}`);
  rmSync(scratch, { recursive: true, force: true });
});

/** A step's exit code, with its output as the failure message. */
function expectSuccess(name: string): void {
  const step = steps.get(name);
  expect(step, `${name} did not run: an earlier step failed`).toBeDefined();
  expect(step?.status, step?.output).toBe(0);
}

describe('the packages generated for another API into a folder of their own', () => {
  it('are written by complero-codegen generate --spec --out', () => {
    expectSuccess('generate');
  });

  it('install with pnpm install --offline', () => {
    expectSuccess('install');
  });

  it('build, every one of them, to ESM and CJS with type declarations', () => {
    expectSuccess('build');
    const missing = PACKAGES.flatMap((folder) =>
      ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts'].map((file) => `${folder}/dist/${file}`),
    ).filter((file) => !existsSync(path.join(out, file)));
    expect(missing).toStrictEqual([]);
  });

  it('type-check, every one of them, with their own tsconfig', () => {
    expectSuccess('typecheck');
  });

  it('resolve to their built entry points from a dependent package', () => {
    expectSuccess('import');
    expect(steps.get('import')?.output.trim()).toBe('function');
  });
});
