import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineConfig } from 'tsdown';
import { PRECOMPILED_META_SCHEMAS_DIR, precompileMetaSchemas } from './src/meta-schemas.js';

export default defineConfig({
  entry: {
    cli: 'src/cli.ts',
    index: 'src/index.ts',
    state: 'src/state.ts',
    'openapi-types-worker': 'src/emit/openapi-types-worker.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: false,
  sourcemap: false,
  clean: true,
  // Dependencies stay external: they are loaded lazily, only when something must be generated.
  deps: { neverBundle: [/^[^./]/] },
  hooks: {
    // The Swagger/OpenAPI meta-schema validators as code, so a run loads them instead of
    // compiling them with ajv (src/meta-schemas.ts).
    'build:done': async ({ options }) => {
      const dir = path.join(options.outDir, PRECOMPILED_META_SCHEMAS_DIR);
      await mkdir(dir, { recursive: true });
      for (const [file, code] of Object.entries(precompileMetaSchemas())) await writeFile(path.join(dir, file), code);
    },
  },
});
