import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The release test installs packages from a local registry; everything else is quick. The
    // whole rehearsal has a two-minute budget (release.test.ts checks it), so no step may take longer.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
