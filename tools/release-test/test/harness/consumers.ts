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
  /** The program talks to a running `complero-mock` (from an installed @complero/msw), at `$COMPLERO_MOCK_URL`. */
  readonly needsMockServer?: boolean;
}

/** `import { a, b } from 'x'` or `const { a, b } = require('x')`, for programs that run in both module systems. */
function importLine(options: { kind: ModuleKind; names: string; from: string }): string {
  return options.kind === 'esm'
    ? `import { ${options.names} } from '${options.from}';`
    : `const { ${options.names} } = require('${options.from}');`;
}

/** `await import('x')` in ESM, `require('x')` in CommonJS: each module system loads its own entry point. */
function load(options: { kind: ModuleKind; from: string }): string {
  return options.kind === 'esm' ? `await import('${options.from}')` : `require('${options.from}')`;
}

/** Top-level await exists only in ESM; CommonJS programs run inside an async function. */
function mainBody(options: { kind: ModuleKind; body: string }): string {
  return options.kind === 'esm'
    ? options.body
    : `(async () => {\n${options.body}\n})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});`;
}

/**
 * One entry per published package; the test fails for a published package without one.
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
  {
    name: '@complero/msw',
    alongside: ['msw'],
    typeTest: () => `import { createHandlers, createMockComplero } from '@complero/msw';
import { setupServer } from 'msw/node';

export const server = setupServer(...createHandlers({ baseUrl: 'http://127.0.0.1:9/v1', requireAuth: false }));
export const complero = createMockComplero({ seed: 1 });
// @ts-expect-error the seed is a number
createHandlers({ seed: 'one' });
`,
    program: (kind) => ({
      // The handlers' base URL is a closed local port: if MSW did not answer, fetch fails locally.
      source: [
        importLine({ kind, names: 'createHandlers', from: '@complero/msw' }),
        importLine({ kind, names: 'setupServer', from: 'msw/node' }),
        mainBody({
          kind,
          body: [
            "const server = setupServer(...createHandlers({ baseUrl: 'http://127.0.0.1:9/v1' }));",
            "server.listen({ onUnhandledRequest: 'error' });",
            "const ping = await fetch('http://127.0.0.1:9/v1/ping');",
            "const contact = await fetch('http://127.0.0.1:9/v1/contacts/K-1', { headers: { Authorization: 'test' } });",
            "const anonymous = await fetch('http://127.0.0.1:9/v1/contacts/K-1');",
            "console.log(ping.status, contact.status, (await contact.json()).id, anonymous.status, Boolean(contact.headers.get('Request-Id')));",
            'server.close();',
          ].join('\n'),
        }),
        '',
      ].join('\n'),
      stdout: '200 200 K-1 401 true\n',
    }),
  },
  {
    name: '@complero/client',
    needsMockServer: true,
    typeTest: () => `import { createCompleroClient } from '@complero/client';

const complero = createCompleroClient({ apiKey: 'test', baseUrl: 'http://127.0.0.1:9/v1' });
export async function firstName(id: string): Promise<string | undefined> {
  const { data } = await complero.contacts.get(id);
  // @ts-expect-error a contact has no such field: the response type resolved, not any
  data.definitelyNotAField;
  return data.first_name;
}
`,
    program: (kind) => ({
      source: [
        importLine({ kind, names: 'createCompleroClient, NotFoundError', from: '@complero/client' }),
        mainBody({
          kind,
          body: [
            "const complero = createCompleroClient({ apiKey: 'test', baseUrl: process.env.COMPLERO_MOCK_URL, maxRetries: 0 });",
            'const ping = await complero.ping();',
            'const events = await complero.events.list();',
            "const missing = await complero.contacts.get('K-404').then(() => undefined, (error) => error);",
            'console.log(typeof ping.requestId, Array.isArray(events.data), missing instanceof NotFoundError, missing.status, typeof missing.requestId);',
          ].join('\n'),
        }),
        '',
      ].join('\n'),
      stdout: 'string true true 404 string\n',
    }),
  },
  {
    name: '@complero/react-query',
    needsMockServer: true,
    alongside: ['@tanstack/react-query', 'react', 'react-dom', '@types/react', 'happy-dom'],
    typeTest: () => `import { compleroKeys, useContact } from '@complero/react-query';

export function useFirstName(id: string): string | undefined {
  const contact = useContact(id);
  // @ts-expect-error a contact has no such field: the hook's data type resolved, not any
  contact.data?.definitelyNotAField;
  return contact.data?.first_name;
}
export const eventsKey: readonly unknown[] = compleroKeys.events.list();
`,
    program: (kind) => ({
      // A DOM in Node (happy-dom) and react-dom's own renderer: the hook fetches from complero-mock
      // through @complero/client and re-renders with the data.
      source: mainBody({
        kind,
        body: [
          `const { Window } = ${load({ kind, from: 'happy-dom' })};`,
          "const window = new Window({ url: 'http://localhost/' });",
          'globalThis.window = window;',
          'globalThis.document = window.document;',
          "if (typeof globalThis.navigator === 'undefined') globalThis.navigator = window.navigator;",
          `const React = ${load({ kind, from: 'react' })};`,
          `const { createRoot } = ${load({ kind, from: 'react-dom/client' })};`,
          `const { QueryClient, QueryClientProvider } = ${load({ kind, from: '@tanstack/react-query' })};`,
          `const { createCompleroClient } = ${load({ kind, from: '@complero/client' })};`,
          `const { CompleroProvider, useEvents } = ${load({ kind, from: '@complero/react-query' })};`,
          "const complero = createCompleroClient({ apiKey: 'test', baseUrl: process.env.COMPLERO_MOCK_URL, maxRetries: 0 });",
          'const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });',
          'function Events() {',
          '  const events = useEvents();',
          "  const text = events.isSuccess ? 'loaded ' + Array.isArray(events.data) : events.isError ? 'failed ' + events.error.name : 'loading';",
          "  return React.createElement('p', null, text);",
          '}',
          "const container = document.createElement('div');",
          'document.body.appendChild(container);',
          'const root = createRoot(container);',
          'root.render(React.createElement(QueryClientProvider, { client: queryClient }, React.createElement(CompleroProvider, { client: complero }, React.createElement(Events))));',
          'const deadline = Date.now() + 10_000;',
          "while (container.textContent === '' || (container.textContent === 'loading' && Date.now() < deadline)) await new Promise((resolve) => setTimeout(resolve, 20));",
          'console.log(container.textContent);',
          'root.unmount();',
          'queryClient.clear();',
          'await window.happyDOM.close();',
        ].join('\n'),
      }),
      stdout: 'loaded true\n',
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
          // Third-party declarations (msw's, react's) are not ours to check, and cost most of the time;
          // publint and attw check our packages' declarations, the @ts-expect-errors their content.
          skipLibCheck: true,
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
export async function runConsumerProgram(options: { dir: string; check: ConsumerCheck; kind: ModuleKind; mockUrl?: string }) {
  const { source, stdout } = options.check.program(options.kind);
  const file = options.kind === 'esm' ? 'main.mjs' : 'main.cjs';
  await writeFile(path.join(options.dir, file), source);
  const env = options.mockUrl ? { COMPLERO_MOCK_URL: options.mockUrl } : {};
  const result = await runCommand({ command: process.execPath, args: [file], cwd: options.dir, env, allowFailure: true });
  return { ...result, expected: stdout };
}
