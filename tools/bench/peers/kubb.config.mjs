// Kubb 4: types + fetch client + TanStack Query hooks + MSW handlers with faker data, with the
// plugins' defaults (no formatter, no linter). The bench sets BENCH_SPEC and BENCH_OUT.
import { defineConfig } from '@kubb/core';
import { pluginClient } from '@kubb/plugin-client';
import { pluginFaker } from '@kubb/plugin-faker';
import { pluginMsw } from '@kubb/plugin-msw';
import { pluginOas } from '@kubb/plugin-oas';
import { pluginReactQuery } from '@kubb/plugin-react-query';
import { pluginTs } from '@kubb/plugin-ts';

export default defineConfig({
  root: process.env.BENCH_OUT,
  input: { path: process.env.BENCH_SPEC },
  output: { path: process.env.BENCH_OUT, clean: true },
  plugins: [
    pluginOas(),
    pluginTs(),
    pluginClient({ client: 'fetch' }),
    pluginReactQuery({ client: { client: 'fetch' } }),
    pluginFaker(),
    pluginMsw({ parser: 'faker' }),
  ],
});
