import { readFileSync } from 'node:fs';
import { appendFile, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { stateFilePath, tryFastPath } from '../src/state.js';
import { CONFIG_FILE, copyPackages, makeTempDir, REPO_ROOT, runCodegen, snapshotTree } from './helpers/repo.js';

let temp: { dir: string; cleanup: () => Promise<void> };
/** Every generated file, the manifest included (the manifest lists the others). */
const GENERATED_FILES =
  Object.keys((JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages/codegen-manifest.json'), 'utf8')) as { files: object }).files)
    .length + 1;
let out: string;

beforeEach(async () => {
  temp = await makeTempDir('fast-path');
  out = await copyPackages(temp.dir);
});

afterEach(async () => {
  const stateFile = stateFilePath({ configFile: CONFIG_FILE, out });
  if (stateFile) await rm(stateFile, { force: true });
  await temp.cleanup();
});

/** Runs `generate` the way the launcher does: recording state for the next run's fast path. */
async function generateRecordingState(argv: readonly string[]): Promise<number> {
  return runCli({ argv, cwd: REPO_ROOT, stdout: () => {}, stderr: () => {}, recordState: true });
}

function askFastPath(argv: readonly string[]): { code: number | undefined; stdout: string } {
  let stdout = '';
  const code = tryFastPath({
    argv,
    cwd: REPO_ROOT,
    stdout: (text) => {
      stdout += text;
    },
  });
  return { code, stdout };
}

describe('complero-codegen generate --force', () => {
  it('rewrites every generated file with the same bytes when nothing changed', async () => {
    const before = await snapshotTree(out);
    const result = await runCodegen(['generate', '--out', out, '--force']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^complero-codegen: wrote ${GENERATED_FILES}, removed 0, unchanged 0\n`));
    expect(result.stdout).toContain('  rewritten: types/src/generated/openapi.ts\n');
    const after = await snapshotTree(out);
    expect(new Map([...after].map(([file, { content }]) => [file, content]))).toStrictEqual(
      new Map([...before].map(([file, { content }]) => [file, content])),
    );
  });
});

describe('the no-op fast path', () => {
  it('has nothing to say before any run has recorded state', () => {
    expect(askFastPath(['generate', '--out', out]).code).toBeUndefined();
  });

  it('answers an unchanged run from the recorded state, with the full run’s message', async () => {
    expect(await generateRecordingState(['generate', '--out', out])).toBe(0);
    expect(askFastPath(['generate', '--out', out])).toStrictEqual({
      code: 0,
      stdout: `complero-codegen: ${GENERATED_FILES} generated files already up to date\n`,
    });
    expect(askFastPath(['generate', '--out', out, '--check'])).toStrictEqual({
      code: 0,
      stdout: `complero-codegen: all ${GENERATED_FILES} generated files are up to date\n`,
    });
  });

  it('steps aside for --force and for other commands', async () => {
    await generateRecordingState(['generate', '--out', out]);
    expect(askFastPath(['generate', '--out', out, '--force']).code).toBeUndefined();
    expect(askFastPath(['drift']).code).toBeUndefined();
    expect(askFastPath(['generate', '--out', out, '--unknown']).code).toBeUndefined();
  });

  it('steps aside when a generated file was edited', async () => {
    await generateRecordingState(['generate', '--out', out]);
    await appendFile(path.join(out, 'types/src/generated/enums.ts'), '// edited\n');
    expect(askFastPath(['generate', '--out', out]).code).toBeUndefined();
  });

  it('steps aside when an extra file appears in a generated folder', async () => {
    await generateRecordingState(['generate', '--out', out]);
    await writeFile(path.join(out, 'types/src/generated/extra.ts'), 'export {};\n');
    expect(askFastPath(['generate', '--out', out]).code).toBeUndefined();
  });

  it('still answers when a file was only touched (same bytes, new mtime)', async () => {
    await generateRecordingState(['generate', '--out', out]);
    const file = path.join(out, 'types/src/generated/enums.ts');
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(askFastPath(['generate', '--out', out]).code).toBe(0);
  });

  it('steps aside when the spec changes', async () => {
    const spec = path.join(temp.dir, 'spec.yaml');
    await writeFile(spec, await readFile(path.join(REPO_ROOT, 'spec/complero.swagger.yaml')));
    await generateRecordingState(['generate', '--out', out, '--spec', spec]);
    expect(askFastPath(['generate', '--out', out, '--spec', spec]).code).toBe(0);
    await appendFile(spec, '\n# a comment changes the bytes\n');
    expect(askFastPath(['generate', '--out', out, '--spec', spec]).code).toBeUndefined();
    await rm(stateFilePath({ configFile: CONFIG_FILE, spec, out }) ?? '', { force: true });
  });
});
