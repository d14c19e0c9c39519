// Kubb 4: types + fetch client + TanStack Query hooks + MSW handlers with faker data, with the
// plugins' defaults. The bench sets BENCH_SPEC and BENCH_OUT (absolute paths).
// - No `root`: Kubb 4.39 writes every file twice, once through its file plugin at the absolute
//   output path and once through its storage at `relative(root, file)` resolved against the
//   process's cwd. With root left at its default (the cwd) both land on the same file; with
//   root = BENCH_OUT and cwd = .peers the second copy of every file went into .peers itself.
// - format/lint false: the CLI defaults to running prettier on the output, which is not installed
//   here (it only logged "Prettier not found"); none of the generators is measured formatting.
import { defineConfig } from '@kubb/core';
import { pluginClient } from '@kubb/plugin-client';
import { pluginFaker } from '@kubb/plugin-faker';
import { pluginMsw } from '@kubb/plugin-msw';
import { pluginOas } from '@kubb/plugin-oas';
import { pluginReactQuery } from '@kubb/plugin-react-query';
import { pluginTs } from '@kubb/plugin-ts';

export default defineConfig({
  input: { path: process.env.BENCH_SPEC },
  output: { path: process.env.BENCH_OUT, clean: true, format: false, lint: false },
  plugins: [
    pluginOas(),
    pluginTs(),
    pluginClient({ client: 'fetch' }),
    pluginReactQuery({ client: { client: 'fetch' } }),
    pluginFaker(),
    pluginMsw({ parser: 'faker' }),
  ],
});
