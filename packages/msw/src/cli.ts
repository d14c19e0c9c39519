import { startMockServer } from './runtime/mock-server.js';

const USAGE = `Usage: complero-mock [--port 4010] [--host 127.0.0.1] [--seed 1] [--delay <ms>] [--fixtures examples|none]

Serves a stateful mock of the Complero API over HTTP until Ctrl-C.`;

/** What the command was asked to do. */
export interface MockServerArguments {
  readonly port: number;
  readonly host: string;
  readonly seed: number;
  readonly delay?: number;
  readonly fixtures: 'examples' | 'none';
  readonly help: boolean;
}

/** Parses `complero-mock` arguments; throws an error naming the bad flag or value. */
export function parseMockServerArguments(argv: readonly string[]): MockServerArguments {
  const values: Record<string, string> = {};
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--help' || argument === '-h') {
      help = true;
      continue;
    }
    const match = /^--(port|host|seed|delay|fixtures)(?:=(.*))?$/.exec(argument);
    if (!match) throw new Error(`unknown argument '${argument}'`);
    let value = match[2];
    if (value === undefined) {
      index += 1;
      value = argv[index];
    }
    if (value === undefined || value === '') throw new Error(`--${match[1]} needs a value`);
    values[match[1]!] = value;
  }
  const integer = (name: string, fallback: number, range: { min: number; max: number }) => {
    if (values[name] === undefined) return fallback;
    const parsed = Number(values[name]);
    if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) {
      throw new Error(`--${name} must be a whole number from ${range.min} to ${range.max}, got '${values[name]}'`);
    }
    return parsed;
  };
  const fixtures = values.fixtures ?? 'examples';
  if (fixtures !== 'examples' && fixtures !== 'none') throw new Error(`--fixtures must be 'examples' or 'none', got '${fixtures}'`);
  return {
    port: integer('port', 4010, { min: 0, max: 65535 }),
    host: values.host ?? '127.0.0.1',
    seed: integer('seed', 1, { min: -2147483648, max: 4294967295 }),
    ...(values.delay === undefined ? {} : { delay: integer('delay', 0, { min: 0, max: 60_000 }) }),
    fixtures,
    help,
  };
}

/** Runs `complero-mock`: starts the server, prints its URL, stops cleanly on SIGINT/SIGTERM. */
export async function runMockServerCommand(argv: readonly string[]): Promise<void> {
  let parsed: MockServerArguments;
  try {
    parsed = parseMockServerArguments(argv);
  } catch (error) {
    console.error(`complero-mock: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const { help: _, ...options } = parsed;
  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer(options);
  } catch (error) {
    console.error(`complero-mock: could not listen on ${parsed.host}:${parsed.port}: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const stop = (signal: string) => {
    server.close().then(
      () => {
        console.log(`complero-mock: stopped (${signal})`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`complero-mock: error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Printed only once the signal handlers are in place: whoever waits for this line may stop us right away.
  console.log(`Complero mock API listening on ${server.url} (seed ${parsed.seed})`);
}
