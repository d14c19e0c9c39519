import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run.js';

const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

/** ESM (`"type": "module"`) or CommonJS: both must resolve types and load. */
export type ModuleKind = 'esm' | 'cjs';

/** How one published package proves it works for someone who installed only it. */
export interface ConsumerCheck {
  readonly name: string;
  /** Packages a user installs next to it (its peer dependencies), from the same registry. */
  readonly alongside?: readonly string[];
  /** `index.ts`: must type-check under `tsc --noEmit` (its `@ts-expect-error`s prove the types are not `any`). */
  readonly typeTest: (kind: ModuleKind) => string;
  /** A plain JS program (`main.mjs` / `main.cjs`) and exactly what it must print. */
  readonly program: (kind: ModuleKind) => { readonly source: string; readonly stdout: string };
}

/**
 * One entry per published package. @complero/client, @complero/msw and @complero/react-query
 * get theirs when they land on main (the test fails for a published package without one).
 */
export const CONSUMER_CHECKS: readonly ConsumerCheck[] = [
  {
    name: '@complero/types',
    typeTest: () => `import { CONTACT_EVENT_TYPES, type Contact, type ContactEventType, type paths } from '@complero/types';

export const first: ContactEventType = CONTACT_EVENT_TYPES[0];
// @ts-expect-error 'nope' is not a ContactEventType: the union resolved, not any
export const wrong: ContactEventType = 'nope';
export type PingResponses = paths['/ping']['get']['responses'];
export const statuses: (keyof PingResponses)[] = [200, 500];
// @ts-expect-error Contact has no property 'definitelyNotAField'
export const field: Contact['definitelyNotAField'] = undefined;
`,
    program: (kind) => ({
      source:
        kind === 'esm'
          ? "import { CONTACT_EVENT_TYPES } from '@complero/types';\nconsole.log(JSON.stringify(CONTACT_EVENT_TYPES));\n"
          : "const { CONTACT_EVENT_TYPES } = require('@complero/types');\nconsole.log(JSON.stringify(CONTACT_EVENT_TYPES));\n",
      stdout: '["update","confirm","documentation"]\n',
    }),
  },
];

/** A fresh project outside the workspace with only `name@version` (and its `alongside` peers) installed by plain npm. */
export async function installConsumer(options: {
  dir: string;
  kind: ModuleKind;
  check: ConsumerCheck;
  version: string;
  registryUrl: string;
  npmrc: string;
  cacheDir: string;
}): Promise<string> {
  const { dir, kind, check } = options;
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${kind}`, private: true, type: kind === 'esm' ? 'module' : 'commonjs' }, null, 2)}\n`,
  );
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          types: [],
          // The published .d.ts files are checked too: a broken declaration fails here.
          skipLibCheck: false,
        },
        include: ['index.ts'],
      },
      null,
      2,
    )}\n`,
  );
  await runCommand({
    command: 'npm',
    args: [
      'install',
      `${check.name}@${options.version}`,
      ...(check.alongside ?? []),
      '--registry',
      `${options.registryUrl}/`,
      '--userconfig',
      options.npmrc,
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--ignore-scripts',
    ],
    cwd: dir,
    env: { npm_config_cache: options.cacheDir },
  });
  return dir;
}

/** `tsc --noEmit` on the consumer's index.ts; returns the compiler's exit code and output. */
export async function typeCheckConsumer(options: { dir: string; check: ConsumerCheck; kind: ModuleKind }) {
  await writeFile(path.join(options.dir, 'index.ts'), options.check.typeTest(options.kind));
  return runCommand({ command: process.execPath, args: [TSC, '--noEmit', '-p', 'tsconfig.json'], cwd: options.dir, allowFailure: true });
}

/** Runs the consumer's plain JS program with Node and returns what it printed. */
export async function runConsumerProgram(options: { dir: string; check: ConsumerCheck; kind: ModuleKind }) {
  const { source, stdout } = options.check.program(options.kind);
  const file = options.kind === 'esm' ? 'main.mjs' : 'main.cjs';
  await writeFile(path.join(options.dir, file), source);
  const result = await runCommand({ command: process.execPath, args: [file], cwd: options.dir, allowFailure: true });
  return { ...result, expected: stdout };
}
