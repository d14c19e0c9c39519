import { defineConfig } from 'vitest/config';

// The real-world corpus (test/corpus) generates and type-checks megabytes of code per spec, and
// installs and builds generated packages out of tree: it runs on its own, by `pnpm test:corpus`
// (which .ci/run calls), not on every `pnpm test`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/corpus/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
