import { describe, expect, it } from 'vitest';
import { parseMockServerArguments } from '../src/cli.js';

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
