import { describe, expect, it } from 'vitest';
import { fitGrowthExponent, median, ratio } from '../src/stats.js';

describe('median', () => {
  it('returns the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toStrictEqual(3);
  });

  it('returns the mean of the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toStrictEqual(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('fitGrowthExponent', () => {
  it('returns 1 for linear growth', () => {
    expect(fitGrowthExponent([1, 10, 100, 1000].map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 10);
  });

  it('returns 2 for quadratic growth', () => {
    expect(fitGrowthExponent([1, 10, 100].map((x) => ({ x, y: 0.5 * x * x })))).toBeCloseTo(2, 10);
  });

  it('returns less than 1 when a fixed start-up cost dominates the small sizes', () => {
    expect(fitGrowthExponent([1, 10, 100, 1000].map((x) => ({ x, y: 1000 + x })))).toBeLessThan(0.5);
  });

  it('refuses points that cannot lie on a power law', () => {
    expect(() =>
      fitGrowthExponent([
        { x: 1, y: 0 },
        { x: 2, y: 1 },
      ]),
    ).toThrow('both must be positive');
    expect(() =>
      fitGrowthExponent([
        { x: 3, y: 1 },
        { x: 3, y: 2 },
      ]),
    ).toThrow('two different sizes');
  });
});

describe('ratio', () => {
  it('divides ours by theirs, and is null when a side is missing', () => {
    expect(ratio(3, 4)).toStrictEqual(0.75);
    expect(ratio(null, 4)).toStrictEqual(null);
    expect(ratio(3, 0)).toStrictEqual(null);
  });
});
