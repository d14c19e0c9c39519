import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The release test installs packages from a local registry; everything else is quick. The
    // rehearsal takes ~40 s on a quiet machine; the generous timeouts only stop a hung step.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
