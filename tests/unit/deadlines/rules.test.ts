import { describe, expect, it } from 'vitest';
import {
  addDays,
  AUTHORIZATION_LIFETIME_DAYS,
  CODE_LIFETIME_MS,
  PREVIOUS_SECRET_GRACE_DAYS,
  SECRET_LIFETIME_DAYS,
} from '../../../features/deadlines/rules';
import { at } from '../support/time';

describe('rotation rules', () => {
  it('states Amazon’s numbers', () => {
    expect([SECRET_LIFETIME_DAYS, PREVIOUS_SECRET_GRACE_DAYS, AUTHORIZATION_LIFETIME_DAYS]).toEqual([180, 7, 365]);
    expect(CODE_LIFETIME_MS).toBe(300_000);
  });

  it.each([
    // Amazon's APPLICATION_OAUTH_CLIENT_NEW_SECRET example: new secret 180 days, old secret 7 days after issue.
    ['Amazon example, new secret', '2024-01-10T22:09:17.198Z', 180, '2024-07-08T22:09:17.198Z'],
    ['Amazon example, old secret', '2024-01-10T22:09:17.180Z', 7, '2024-01-17T22:09:17.180Z'],
    ['issued 1 Sep 2023, 180 days run through February of a leap year', '2023-09-01T10:00:00Z', 180, '2024-02-28T10:00:00Z'],
    ['issued 1 Sep 2022, same span in a common year', '2022-09-01T10:00:00Z', 180, '2023-02-28T10:00:00Z'],
    ['issued 1 Jan 2024, crossing 29 Feb 2024', '2024-01-01T10:00:00Z', 180, '2024-06-29T10:00:00Z'],
    ['issued 1 Jan 2023, no leap day on the way', '2023-01-01T10:00:00Z', 180, '2023-06-30T10:00:00Z'],
    ['authorized 1 Mar 2023, renewal lands on the leap day', '2023-03-01T10:00:00Z', 365, '2024-02-29T10:00:00Z'],
    ['authorized on the leap day', '2024-02-29T10:00:00Z', 365, '2025-02-28T10:00:00Z'],
  ])('adds whole UTC days: %s', (_name, from, days, expected) => {
    expect(addDays(at(from), days)).toBe(at(expected));
  });

  it.each([
    ['Europe/Berlin spring forward', '2024-03-01T09:00:00+01:00', 30, '2024-03-31T10:00:00+02:00'],
    ['Europe/Berlin fall back', '2024-10-01T09:00:00+02:00', 30, '2024-10-31T08:00:00+01:00'],
    ['America/New_York spring forward', '2024-03-01T09:00:00-05:00', 30, '2024-03-31T10:00:00-04:00'],
    ['America/New_York fall back', '2024-10-20T09:00:00-04:00', 30, '2024-11-19T08:00:00-05:00'],
  ])('keeps the instant across DST (%s): only the local wall-clock time moves', (_name, from, days, expected) => {
    expect(addDays(at(from), days)).toBe(at(expected));
    expect(addDays(at(from), days) - at(from)).toBe(days * 86_400_000);
  });
});
