#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/ by `pnpm --filter @complero/codegen build`.
import { runCli } from '../dist/cli.mjs';

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
