import { describe, expect, it } from 'vitest';
import { isTerminalStatus } from '../src/runtime/polling.js';

// The spec documents no operation status values; the README states this rule instead.
describe('isTerminalStatus', () => {
  it('treats the common in-progress words as unfinished, in any case and spelling', () => {
    const statuses = [
      'pending',
      'queued',
      'created',
      'accepted',
      'started',
      'running',
      'processing',
      'in_progress',
      'In Progress',
      'in-progress',
      'PENDING',
    ];
    expect(statuses.filter(isTerminalStatus)).toStrictEqual([]);
  });

  it('treats any other non-empty status as finished', () => {
    expect(['completed', 'failed', 'cancelled', 'partially_failed', 'pending_review'].map(isTerminalStatus)).toStrictEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('keeps waiting without a status', () => {
    expect([undefined, '', null, 3].map(isTerminalStatus)).toStrictEqual([false, false, false, false]);
  });
});
