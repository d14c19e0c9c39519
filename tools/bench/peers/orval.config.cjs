// Orval 7: types + fetch functions + TanStack Query hooks + MSW handlers (faker data), one run.
// The bench sets BENCH_SPEC (input) and BENCH_OUT (output folder).
// CommonJS: Orval's config loader reads `module.exports` (an ESM default export arrives as a
// project named "default").
module.exports = {
  bench: {
    input: { target: process.env.BENCH_SPEC },
    output: {
      mode: 'split',
      target: `${process.env.BENCH_OUT}/api.ts`,
      schemas: `${process.env.BENCH_OUT}/model`,
      client: 'react-query',
      httpClient: 'fetch',
      mock: true,
      clean: true,
    },
  },
};
