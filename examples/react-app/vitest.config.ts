import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    // Building the app and driving a real browser takes longer than a unit test.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
