import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // The mock-server tests spawn the built bin; give them room on a shared 2-core machine.
    testTimeout: 20_000,
  },
});
