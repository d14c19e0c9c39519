// Hey API 0.95: types + SDK on its fetch client + TanStack Query options/hooks (it has no MSW plugin).
// The bench sets BENCH_SPEC (input) and BENCH_OUT (output folder). Its progress is not printed
// (silent); a crash still prints "Unexpected error: …" on stderr, which the bench reports, and
// no crash-report file is left in the working folder (file: false).
export default {
  input: process.env.BENCH_SPEC,
  output: { path: process.env.BENCH_OUT },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk', '@tanstack/react-query'],
  logs: { level: 'silent', file: false },
};
