import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeRetryDelay, parseRetryAfter } from '../src/runtime/retry.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('computeRetryDelay', () => {
  it('doubles the step from baseMs on each attempt, up to maxMs', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const delay = { baseMs: 100, maxMs: 1000 };
    const delays = [0, 1, 2, 3, 4, 5].map((attempt) => computeRetryDelay({ attempt, retryAfterMs: undefined, delay }));
    expect(delays).toStrictEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitters each step between half and all of it', () => {
    const delay = { baseMs: 100, maxMs: 1000 };
    const at = (random: number) => {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      return computeRetryDelay({ attempt: 2, retryAfterMs: undefined, delay });
    };
    expect([at(0), at(0.5), at(0.999)]).toStrictEqual([200, 300, 399.8]);
  });

  it('starts at 500 ms and stops growing at 8 s by default', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const delays = [0, 3, 4, 10].map((attempt) => computeRetryDelay({ attempt, retryAfterMs: undefined, delay: undefined }));
    expect(delays).toStrictEqual([500, 4000, 8000, 8000]);
  });

  it('waits exactly as long as Retry-After asks, beyond maxMs and without jitter', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(computeRetryDelay({ attempt: 0, retryAfterMs: 30_000, delay: { baseMs: 1, maxMs: 5 } })).toBe(30_000);
    expect(computeRetryDelay({ attempt: 3, retryAfterMs: 0, delay: undefined })).toBe(0);
  });

  it('gives up (undefined) when Retry-After asks for longer than maxRetryAfterMs, 60 s by default', () => {
    expect(computeRetryDelay({ attempt: 0, retryAfterMs: 60_000, delay: undefined })).toBe(60_000);
    expect(computeRetryDelay({ attempt: 0, retryAfterMs: 60_001, delay: undefined })).toBeUndefined();
    expect(computeRetryDelay({ attempt: 0, retryAfterMs: 2000, delay: { maxRetryAfterMs: 1000 } })).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');

  it('reads delta-seconds as ms', () => {
    expect([parseRetryAfter('0'), parseRetryAfter('1'), parseRetryAfter('120')]).toStrictEqual([0, 1000, 120_000]);
  });

  it('reads an HTTP date as the ms from now until then, and a past date as 0', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('returns undefined when the header is absent, empty or unreadable', () => {
    expect([parseRetryAfter(null), parseRetryAfter(''), parseRetryAfter('soon'), parseRetryAfter('in a minute')]).toStrictEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
