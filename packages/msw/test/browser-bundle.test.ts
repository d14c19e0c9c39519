import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../src/browser.ts', import.meta.url));

/** What a browser app's bundler does with `import { createMockWorker } from '@complero/msw/browser'`. */
async function bundleForBrowser() {
  return build({
    stdin: {
      contents: `import { createMockWorker, getContactHandler } from ${JSON.stringify(ENTRY)};\nexport const mock = createMockWorker({ seed: 1 });\nexport const override = getContactHandler({ id: 'K-1' });`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    logLevel: 'silent',
  });
}

describe('the browser entry', () => {
  it('bundles for the browser with setupWorker and no Node-only module', async () => {
    const result = await bundleForBrowser();
    const inputs = Object.keys(result.metafile.inputs);
    expect(result.errors).toStrictEqual([]);
    expect(
      inputs.filter((input) => /(^|\/)node:|node_modules\/msw\/lib\/node\/|\/runtime\/mock-server\.ts$|\/cli\.ts$/.test(input)),
    ).toStrictEqual([]);
    expect(inputs.some((input) => input.includes('node_modules/msw/lib/browser/'))).toStrictEqual(true);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["'](node:)?(http|fs|net|child_process|stream)["']/);
  });
});
