// Orval 7: types + fetch functions + TanStack Query hooks + MSW handlers (faker data), one run.
// The bench sets BENCH_SPEC (input) and BENCH_OUT (output folder).
// CommonJS: Orval's config loader reads `module.exports` (an ESM default export arrives as a
// project named "default").
//
// input.override.transformer (orval-transformer.cjs, copied beside this file), on every spec
// alike: it renames each components.schemas entry to the PascalCase name Orval gives it anyway
// (with Orval's own `pascal`) and rewrites the $refs to match. Why: Orval 7.13.2's mock generator
// (@orval/mock, getMockObject) guards against a schema that refers back to itself through
// `additionalProperties` by looking the raw $ref name up in a list of PascalCased names. Where the
// two differ (Kubernetes' `io.k8s.….v1.JSONSchemaProps`, whose `properties`, `definitions` and
// `patternProperties` are maps of JSONSchemaProps) the guard never matches, the mock recursion
// runs until "RangeError: Maximum call stack size exceeded" and Orval exits 1 ("One or more
// project failed"). With the names already PascalCased the guard works. Orval is asked for the
// same output as before (types, fetch functions, hooks, MSW mocks), and what it writes is byte for
// byte what Orval with that guard fixed writes (diffed on every bench spec; on the others it is
// also what Orval wrote without the transformer). The transform (one walk over the spec) runs in
// Orval's process and counts in its time.
module.exports = {
  bench: {
    input: {
      target: process.env.BENCH_SPEC,
      override: { transformer: './orval-transformer.cjs' },
    },
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
