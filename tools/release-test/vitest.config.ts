import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The release test installs packages from a local registry; everything else is quick.
    // Generous: on a loaded 2-core machine publishing and installing four packages can take minutes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
