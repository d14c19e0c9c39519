// Orval 7: types + fetch functions + TanStack Query hooks + MSW handlers (faker data), one run.
// The bench sets BENCH_SPEC (input) and BENCH_OUT (output folder).
export default {
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
