import { createRequire } from 'node:module';
import path from 'node:path';
import { requireWithCodeCache } from './code-cache.js';

/**
 * One TypeScript compiler for the whole run.
 *
 * openapi-typescript (and our own few uses) load the `typescript` package; ts-morph loads the copy
 * of TypeScript that @ts-morph/common bundles. Each is a 9 MB script: loading both costs about
 * 0.2 s and 48 MiB more than loading one. Before ts-morph is first required, its bundled copy's
 * slot in Node's module cache is pointed at the `typescript` package, so `require('./typescript')`
 * inside @ts-morph/common returns the compiler that is already loaded. The generator uses
 * ts-morph only to print structures, which reads nothing version-specific from the compiler.
 *
 * It loads through V8's code cache (code-cache.ts).
 */
const require = createRequire(import.meta.url);

let shared: typeof import('typescript') | undefined;

/** The `typescript` package, loaded once (CommonJS `require`: see openapi-types.ts). */
export function loadTypeScript(): typeof import('typescript') {
  shared ??= requireWithCodeCache(require.resolve('typescript')) as typeof import('typescript');
  return shared;
}

let tsMorph: typeof import('ts-morph') | undefined;

/** ts-morph, made to use the compiler {@link loadTypeScript} returns instead of its own copy. */
export function loadTsMorph(): typeof import('ts-morph') {
  if (tsMorph) return tsMorph;
  loadTypeScript();
  const compiler = require.cache[require.resolve('typescript')];
  const common = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common');
  const bundled = path.join(path.dirname(common), 'typescript.js');
  if (compiler && !require.cache[bundled]) require.cache[bundled] = compiler;
  tsMorph = require('ts-morph') as typeof import('ts-morph');
  return tsMorph;
}
