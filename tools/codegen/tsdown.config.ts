import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/cli.ts', 'src/index.ts', 'src/state.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: false,
  sourcemap: false,
  clean: true,
  // Dependencies stay external: they are loaded lazily, only when something must be generated.
  deps: { neverBundle: [/^[^./]/] },
});
