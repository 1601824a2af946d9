import { describe, expect, it } from 'vitest';
import { PENDING_TTL_MS, type PendingAuthorization, expiredPending, matchCapture } from '../../../features/amazon/redirect';

const NOW = 1_700_000_000_000;
const pending = (id: string, state: string, ageMs: number): PendingAuthorization => ({ id, state, startedAt: NOW - ageMs });

describe('matchCapture', () => {
  it('verifies a capture whose state matches a pending authorization', () => {
    expect(matchCapture([pending('a', 's1', 1000), pending('b', 's2', 2000)], { state: 's2' }, NOW)).toEqual({
      status: 'verified',
      pendingId: 'b',
    });
  });

  it('picks the most recent pending authorization when two share a state', () => {
    expect(matchCapture([pending('old', 's', 60_000), pending('new', 's', 1000)], { state: 's' }, NOW)).toEqual({
      status: 'verified',
      pendingId: 'new',
    });
  });

  it.each([
    ['no pending authorization at all', [], { state: 's' }, 'no-pending'],
    ['only pending authorizations older than 30 minutes', [pending('a', 's', PENDING_TTL_MS)], { state: 's' }, 'no-pending'],
    ['a capture without state', [pending('a', 's', 1000)], {}, 'no-state'],
    ['a capture with an empty state', [pending('a', 's', 1000)], { state: '' }, 'no-state'],
    ['a state nobody is waiting for', [pending('a', 's', 1000)], { state: 'other' }, 'state-mismatch'],
    ['a state that matches only an expired authorization', [pending('a', 's', PENDING_TTL_MS + 1), pending('b', 't', 1000)], { state: 's' }, 'state-mismatch'],
  ] as const)('leaves %s unverified', (_name, list, capture, reason) => {
    expect(matchCapture(list, capture, NOW)).toEqual({ status: 'unverified', reason });
  });

  it('still matches a pending authorization just under 30 minutes old', () => {
    expect(matchCapture([pending('a', 's', PENDING_TTL_MS - 1)], { state: 's' }, NOW)).toEqual({ status: 'verified', pendingId: 'a' });
  });
});

describe('expiredPending', () => {
  it('returns the pending authorizations 30 minutes old or older, keeping their extra fields', () => {
    const list = [
      { ...pending('fresh', 's', 1000), label: 'x' },
      { ...pending('edge', 's', PENDING_TTL_MS), label: 'y' },
      { ...pending('stale', 's', 2 * PENDING_TTL_MS), label: 'z' },
    ];
    expect(expiredPending(list, NOW).map((p) => [p.id, p.label])).toEqual([
      ['edge', 'y'],
      ['stale', 'z'],
    ]);
  });

  it('returns nothing for an empty list', () => {
    expect(expiredPending([], NOW)).toEqual([]);
  });
});
