/**
 * A small seeded pseudo-random generator. Hand-written instead of a faker dependency because the
 * mocks promise "same seed → same data" across releases (faker documents that seeded output may
 * change between its versions), and because it keeps the browser bundle tiny.
 */

/** A deterministic stream of random choices. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  integer(range: { min: number; max: number }): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with the given probability (0…1). */
  chance(probability: number): boolean;
  /** A random RFC 4122 version-4 UUID. */
  uuid(): string;
  /** A string of decimal digits of the given length. */
  digits(length: number): string;
}

/** The default seed of every mock when none is given. */
export const DEFAULT_SEED = 1;

/** A `Random` for a seed (any integer) or a seed and labels, e.g. `createRandom({ seed: 7, labels: ['GetContact', 'K-1'] })`. */
export function createRandom(options: { seed?: number; labels?: readonly string[] } = {}): Random {
  const seed = hashSeed({ seed: options.seed ?? DEFAULT_SEED, labels: options.labels ?? [] });
  return createStream(seed);
}

/** Mixes a seed with string labels into one 32-bit seed (FNV-1a over the seed and the labels). */
export function hashSeed(options: { seed: number; labels: readonly string[] }): number {
  let hash = 0x811c9dc5;
  const text = [String(options.seed), ...options.labels].join('\u0000');
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function createStream(seed: number): Random {
  // mulberry32: 32 bits of state, good enough spread for test data, trivially reproducible.
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const integer = ({ min, max }: { min: number; max: number }): number => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number): string => Array.from({ length }, () => integer({ min: 0, max: 15 }).toString(16)).join('');
  const random: Random = {
    next,
    integer,
    pick: (items) => {
      if (items.length === 0) throw new Error('Random.pick needs at least one item to choose from.');
      return items[integer({ min: 0, max: items.length - 1 })]!;
    },
    chance: (probability) => next() < probability,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[integer({ min: 0, max: 3 })]}${hex(3)}-${hex(12)}`,
    digits: (length) => Array.from({ length }, () => String(integer({ min: 0, max: 9 }))).join(''),
  };
  return random;
}
