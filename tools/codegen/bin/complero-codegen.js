#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/ by `pnpm --filter @complero/codegen build`.
// It first asks the fast path (node built-ins only) whether the last run's output is still
// current; only when something must be generated does it load the generator and its
// dependencies (ts-morph, openapi-typescript, …), which costs far more than starting Node.
import { tryFastPath } from '../dist/state.mjs';

const io = {
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
const fast = tryFastPath(io);
if (fast !== undefined) {
  process.exitCode = fast;
} else {
  const { runCli } = await import('../dist/cli.mjs');
  process.exitCode = await runCli({ ...io, recordState: true });
}
