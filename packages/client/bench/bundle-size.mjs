// Measures what `import { createCompleroClient } from '@complero/client'` costs a browser app:
// esbuild bundle (minified ESM, platform browser) of the source, then gzip level 9. Budget: 6 kB.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_BYTES = 6 * 1024;

const result = await build({
  stdin: {
    contents: "import { createCompleroClient } from './src/index.ts'; console.log(createCompleroClient);",
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
});
const code = result.outputFiles[0].contents;
const gzipped = gzipSync(code, { level: 9 }).length;
const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
  .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^.*node_modules\//, ''), bytesInOutput }))
  .sort((a, b) => b.bytesInOutput - a.bytesInOutput);
for (const { path, bytesInOutput } of inputs) console.log(`${String(bytesInOutput).padStart(6)}  ${path}`);
console.log(
  `\nminified ${code.length} B, min+gzip -9 ${gzipped} B (budget ${BUDGET_BYTES} B: ${gzipped <= BUDGET_BYTES ? 'within' : `over by ${gzipped - BUDGET_BYTES}`})`,
);
