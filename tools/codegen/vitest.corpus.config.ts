import { defineConfig } from 'vitest/config';

// One spec at a time: each one takes hundreds of MB while it is generated and type-checked.
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
