import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMockServerArguments, runMockServerCommand } from '../src/cli.js';
import { runMockCommand } from './support/mock-process.js';

const USAGE = `Usage: complero-mock [--port 4010] [--host 127.0.0.1] [--seed 1] [--delay <ms>] [--fixtures examples|none]

Serves a stateful mock of the Complero API over HTTP until Ctrl-C.`;

describe('parseMockServerArguments', () => {
  it('returns the defaults given no arguments', () => {
    expect(parseMockServerArguments([])).toStrictEqual({ port: 4010, host: '127.0.0.1', seed: 1, fixtures: 'examples', help: false });
  });

  it('reads --seed, --delay and --fixtures, as separate values or after =', () => {
    const expected = { port: 4010, host: '127.0.0.1', seed: 42, delay: 250, fixtures: 'none', help: false };
    expect(parseMockServerArguments(['--seed', '42', '--delay', '250', '--fixtures', 'none'])).toStrictEqual(expected);
    expect(parseMockServerArguments(['--seed=42', '--delay=250', '--fixtures=none'])).toStrictEqual(expected);
  });

  it('accepts a delay of 0 and the explicit example fixtures', () => {
    expect(parseMockServerArguments(['--delay', '0', '--fixtures', 'examples'])).toStrictEqual({
      port: 4010,
      host: '127.0.0.1',
      seed: 1,
      delay: 0,
      fixtures: 'examples',
      help: false,
    });
  });

  it.each([['--help'], ['-h']])('asks for help given %s, whatever else is given', (flag) => {
    expect(parseMockServerArguments(['--seed', '42', flag])).toStrictEqual({
      port: 4010,
      host: '127.0.0.1',
      seed: 42,
      fixtures: 'examples',
      help: true,
    });
  });

  it.each([
    [['--seed', 'abc'], "--seed must be a whole number from -2147483648 to 4294967295, got 'abc'"],
    [['--seed', '1.5'], "--seed must be a whole number from -2147483648 to 4294967295, got '1.5'"],
    [['--delay', '-1'], "--delay must be a whole number from 0 to 60000, got '-1'"],
    [['--delay', '60001'], "--delay must be a whole number from 0 to 60000, got '60001'"],
    [['--delay', 'slow'], "--delay must be a whole number from 0 to 60000, got 'slow'"],
    [['--fixtures', 'all'], "--fixtures must be 'examples' or 'none', got 'all'"],
    [['--seed'], '--seed needs a value'],
    [['--delay='], '--delay needs a value'],
    [['--fixtures'], '--fixtures needs a value'],
    [['--verbose'], "unknown argument '--verbose'"],
  ])('rejects %j with an error naming the flag and the value: %s', (argv, message) => {
    expect(() => parseMockServerArguments(argv)).toThrow(new Error(message));
  });
});

describe('runMockServerCommand', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('prints the usage for --help and returns without starting a server or setting an exit code', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(runMockServerCommand(['--help'])).resolves.toStrictEqual(undefined);
    expect(log.mock.calls).toStrictEqual([[USAGE]]);
    expect(error.mock.calls).toStrictEqual([]);
    expect(process.exitCode).toStrictEqual(undefined);
  });
});

describe('complero-mock --help', () => {
  it('prints the usage on stdout and exits with 0', async () => {
    expect(await runMockCommand(['--help'])).toStrictEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });
});
