import { describe, expect, it } from 'vitest';
import {
  byUrgency,
  deadlinesOf,
  describeCountdown,
  formatMmSs,
  levelOf,
  mostUrgent,
} from '../../../features/deadlines/countdown';
import { entryMeta } from './fixtures';
import { at, DAY, MINUTE } from '../support/time';

describe('deadlinesOf', () => {
  const now = at('2024-01-12T09:00:00Z');

  it('computes Amazon’s example from the rotation time: secret 8 Jul 2024, old secret 17 Jan 2024', () => {
    const issued = at('2024-01-10T22:09:17.456Z');
    expect(deadlinesOf({ secretIssuedAt: issued, previousSecretExpiresAt: issued + 7 * DAY }, now)).toEqual([
      { kind: 'secret', at: at('2024-07-08T22:09:17.456Z'), stated: false },
      { kind: 'previous-secret', at: at('2024-01-17T22:09:17.456Z'), stated: true },
    ]);
  });

  it('lets the dates Amazon stated win over computed ones', () => {
    const meta = {
      secretIssuedAt: at('2024-01-10T22:09:17.456Z'),
      secretExpiresAt: at('2024-07-08T22:09:17.198Z'),
      authorizedAt: at('2023-06-01T10:00:00Z'),
      authorizationRenewAt: at('2024-05-20T00:00:00Z'),
    };
    expect(deadlinesOf(meta, now)).toEqual([
      { kind: 'secret', at: at('2024-07-08T22:09:17.198Z'), stated: true },
      { kind: 'authorization', at: at('2024-05-20T00:00:00Z'), stated: true },
    ]);
  });

  it('computes the authorization renewal as authorized + 365 days', () => {
    expect(deadlinesOf({ authorizedAt: at('2023-03-01T10:00:00Z') }, now)).toEqual([
      { kind: 'authorization', at: at('2024-02-29T10:00:00Z'), stated: false },
    ]);
  });

  it.each([
    ['still running', now + 1, true],
    ['ending this very instant', now, false],
    ['already dead', now - DAY, false],
  ])('lists the previous secret only while it works (%s)', (_name, previousSecretExpiresAt, listed) => {
    const kinds = deadlinesOf({ previousSecretExpiresAt }, now).map((d) => d.kind);
    expect(kinds.includes('previous-secret')).toBe(listed);
  });

  it.each([
    ['captured 4 minutes ago', now - 4 * MINUTE, true],
    ['captured exactly 5 minutes ago', now - 5 * MINUTE, false],
    ['captured yesterday', now - DAY, false],
  ])('lists the Result URL code only while fresh (%s)', (_name, resultCapturedAt, listed) => {
    const deadlines = deadlinesOf({ resultCapturedAt }, now);
    expect(deadlines).toEqual(listed ? [{ kind: 'result-code', at: resultCapturedAt + 5 * MINUTE, stated: false }] : []);
  });

  it('has no deadline when nothing is known', () => {
    expect(deadlinesOf({}, now)).toEqual([]);
  });
});

describe('levelOf', () => {
  it.each([
    [91, undefined, 'ok'],
    [90, undefined, 'notice'],
    [31, undefined, 'notice'],
    [30, undefined, 'soon'],
    [8, undefined, 'soon'],
    [7, undefined, 'urgent'],
    [1, undefined, 'urgent'],
    [0, undefined, 'urgent'],
    [0, 1, 'urgent'],
    [0, 0, 'overdue'],
    [0, -1, 'overdue'],
    [-1, undefined, 'overdue'],
  ] as const)('%i days left (%s ms) is %s', (days, msLeft, level) => {
    expect(levelOf(days, msLeft)).toBe(level);
  });
});

describe('describeCountdown', () => {
  const timeZone = 'UTC';
  const now = at('2027-05-23T12:00:00Z');

  it.each([
    ['2027-06-04T12:00:00Z', 'in 12 days · 4 Jun 2027', 12, 'soon'],
    ['2027-08-21T12:00:00Z', 'in 90 days · 21 Aug 2027', 90, 'notice'],
    ['2027-08-22T00:00:00Z', 'in 91 days · 22 Aug 2027', 91, 'ok'],
    ['2027-06-22T23:59:00Z', 'in 30 days · 22 Jun 2027', 30, 'soon'],
    ['2027-05-30T00:00:00Z', 'in 7 days · 30 May 2027', 7, 'urgent'],
    ['2027-05-24T00:00:00Z', 'tomorrow · 24 May 2027', 1, 'urgent'],
    ['2027-05-23T23:59:59Z', 'today · 23 May 2027', 0, 'urgent'],
    ['2027-05-23T11:00:00Z', 'overdue today · 23 May 2027', 0, 'overdue'],
    ['2027-05-22T23:00:00Z', '1 day overdue · 22 May 2027', -1, 'overdue'],
    ['2027-05-20T12:00:00Z', '3 days overdue · 20 May 2027', -3, 'overdue'],
  ])('%s → %s', (deadline, text, daysLeft, level) => {
    const countdown = describeCountdown(at(deadline), now, { timeZone });
    expect(countdown).toMatchObject({ text, daysLeft, level });
  });

  it('counts levels at exactly 90 / 30 / 7 / 0 local days in the user’s zone', () => {
    const timeZone = 'Pacific/Auckland';
    const nowLocal = at('2027-01-10T23:59:00+13:00');
    const tomorrowMidnight = at('2027-01-11T00:01:00+13:00');
    expect(describeCountdown(tomorrowMidnight, nowLocal, { timeZone }).relative).toBe('tomorrow');
    // 90 days after tomorrow's date is still "90 days" though only 89 days and an hour away.
    const ninety = at('2027-04-10T00:01:00+12:00');
    expect(describeCountdown(ninety, nowLocal, { timeZone })).toMatchObject({ daysLeft: 90, level: 'notice' });
    expect(describeCountdown(at('2027-02-09T00:01:00+13:00'), nowLocal, { timeZone }).daysLeft).toBe(30);
  });

  it('counts "tomorrow" by the local date in Los Angeles, not by 24 hours', () => {
    const now = at('2027-06-03T23:30:00-07:00');
    const deadline = at('2027-06-04T00:30:00-07:00');
    expect(describeCountdown(deadline, now, { timeZone: 'America/Los_Angeles' }).text).toBe('tomorrow · 4 Jun 2027');
    expect(describeCountdown(deadline, now, { timeZone: 'UTC' }).text).toBe('today · 4 Jun 2027');
  });

  it.each([
    ['Europe/Berlin', '2024-03-30T23:30:00+01:00', '2024-03-31T23:30:00+02:00', 'tomorrow · 31 Mar 2024'],
    ['Europe/Berlin', '2024-10-27T00:10:00+02:00', '2024-10-27T23:50:00+01:00', 'today · 27 Oct 2024'],
    ['America/New_York', '2024-03-09T12:00:00-05:00', '2024-03-10T12:00:00-04:00', 'tomorrow · 10 Mar 2024'],
    ['America/New_York', '2024-11-03T00:30:00-04:00', '2024-11-03T23:30:00-05:00', 'today · 3 Nov 2024'],
  ])('is right on DST change days (%s %s)', (timeZone, now, deadline, text) => {
    expect(describeCountdown(at(deadline), at(now), { timeZone }).text).toBe(text);
  });

  it('formats the date in the locale asked for', () => {
    expect(describeCountdown(at('2027-06-04T12:00:00Z'), now, { timeZone, locale: 'en-US' }).text).toBe(
      'in 12 days · Jun 4, 2027',
    );
  });
});

describe('formatMmSs', () => {
  it.each([
    [300_000, '5:00'],
    [299_999, '4:59'],
    [299_000, '4:59'],
    [60_000, '1:00'],
    [59_999, '0:59'],
    [9_000, '0:09'],
    [999, '0:00'],
    [0, '0:00'],
    [-5_000, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatMmSs(ms)).toBe(text);
  });
});

describe('mostUrgent', () => {
  const now = at('2024-01-12T09:00:00Z');
  const meta = {
    secretIssuedAt: at('2024-01-10T22:09:17Z'),
    previousSecretExpiresAt: at('2024-01-17T22:09:17Z'),
    authorizedAt: at('2023-02-01T00:00:00Z'),
    resultCapturedAt: now - MINUTE,
  };

  it('picks the earliest credential deadline and leaves the 5-minute code to its own timer', () => {
    expect(mostUrgent(meta, now)).toMatchObject({ kind: 'previous-secret' });
  });

  it('includes the code when asked', () => {
    expect(mostUrgent(meta, now, ['result-code', 'secret'])).toMatchObject({ kind: 'result-code' });
  });

  it('puts an overdue deadline before a pending one', () => {
    expect(mostUrgent({ ...meta, authorizedAt: at('2022-12-01T00:00:00Z') }, now)).toMatchObject({
      kind: 'authorization',
    });
  });

  it('is undefined without deadlines', () => {
    expect(mostUrgent({}, now)).toBeUndefined();
  });
});

describe('byUrgency', () => {
  const now = at('2027-05-23T12:00:00Z');
  const due = (days: number) => ({ secretExpiresAt: now + days * DAY });

  it('puts overdue first, then fewest days, then entries without deadline; ties by alias', () => {
    const metas = [
      entryMeta({ id: '1', alias: 'No deadline B' }),
      entryMeta({ id: '2', alias: 'In 100 days', ...due(100) }),
      entryMeta({ id: '3', alias: 'zeta in 5 days', ...due(5) }),
      entryMeta({ id: '4', alias: 'Alpha in 5 days', ...due(5.2) }),
      entryMeta({ id: '5', alias: 'Overdue 1 day', ...due(-1) }),
      entryMeta({ id: '6', alias: 'no deadline a' }),
      entryMeta({ id: '7', alias: 'Overdue 10 days', ...due(-10) }),
      entryMeta({ id: '8', alias: 'Overdue an hour ago', secretExpiresAt: now - 3_600_000 }),
    ];
    const sorted = byUrgency(metas, now, 'UTC').map((m) => m.alias);
    expect(sorted).toEqual([
      'Overdue 10 days',
      'Overdue 1 day',
      'Overdue an hour ago',
      'Alpha in 5 days',
      'zeta in 5 days',
      'In 100 days',
      'no deadline a',
      'No deadline B',
    ]);
    expect(metas[0]!.alias).toBe('No deadline B');
  });
});
