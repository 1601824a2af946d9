import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../features/deadlines/badge';
import type { CheckOutcome } from '../../../features/authorize/check-outcomes';
import { entryMeta } from './fixtures';
import { at, DAY, MINUTE } from '../support/time';

const now = at('2027-05-28T12:00:00Z');
const timeZone = 'UTC';

describe('badgeFor', () => {
  it('is empty with no entries, or nothing due within 30 days', () => {
    expect(badgeFor([], now, timeZone)).toMatchObject({ text: '', level: 'ok' });
    const later = [
      entryMeta({ id: 'a', alias: 'Far', secretExpiresAt: now + 31 * DAY }),
      entryMeta({ id: 'b', alias: 'Unknown' }),
    ];
    const badge = badgeFor(later, now, timeZone);
    expect(badge.text).toBe('');
    expect(badge.title).toBe('LWA Vault — nothing due in the next 30 days');
  });

  it('shows days left of the most urgent entry', () => {
    const metas = [
      entryMeta({ id: 'a', alias: 'Cleo DE', authorizationRenewAt: now + 20 * DAY }),
      entryMeta({ id: 'b', alias: 'ShopCtrl 1P', secretExpiresAt: now + 7 * DAY }),
    ];
    expect(badgeFor(metas, now, timeZone)).toEqual({
      text: '7d',
      color: BADGE_COLORS.urgent,
      level: 'urgent',
      title: 'LWA Vault — due: ShopCtrl 1P secret in 7 days; Cleo DE authorization in 20 days',
      due: [
        { alias: 'ShopCtrl 1P', what: 'secret in 7 days', level: 'urgent' },
        { alias: 'Cleo DE', what: 'authorization in 20 days', level: 'soon' },
      ],
      more: 0,
    });
  });

  it.each([
    [30, '30d', 'soon'],
    [8, '8d', 'soon'],
    [1, '1d', 'urgent'],
  ] as const)('%i days left shows %s in the %s colour', (days, text, level) => {
    const badge = badgeFor([entryMeta({ id: 'a', alias: 'A', secretExpiresAt: now + days * DAY })], now, timeZone);
    expect(badge).toMatchObject({ text, level, color: BADGE_COLORS[level] });
  });

  it('shows 0d for a deadline later today', () => {
    const metas = [entryMeta({ id: 'a', alias: 'A', secretExpiresAt: at('2027-05-28T23:00:00Z') })];
    expect(badgeFor(metas, now, timeZone)).toMatchObject({ text: '0d', title: 'LWA Vault — due: A secret today' });
  });

  it('shows ! when anything is overdue, and names every due entry', () => {
    const metas = [
      entryMeta({ id: 'a', alias: 'ShopCtrl 1P', secretExpiresAt: now + 7 * DAY }),
      entryMeta({ id: 'b', alias: 'Cleo DE', authorizedAt: now - 366 * DAY }),
      entryMeta({ id: 'c', alias: 'Quiet', secretExpiresAt: now + 120 * DAY }),
    ];
    expect(badgeFor(metas, now, timeZone)).toEqual({
      text: '!',
      color: BADGE_COLORS.overdue,
      level: 'overdue',
      title: 'LWA Vault — due: Cleo DE authorization overdue; ShopCtrl 1P secret in 7 days',
      due: [
        { alias: 'Cleo DE', what: 'authorization overdue', level: 'overdue' },
        { alias: 'ShopCtrl 1P', what: 'secret in 7 days', level: 'urgent' },
      ],
      more: 0,
    });
  });

  it('shows ? for a secret whose date is unknown, below urgent and overdue, and nothing for an entry without a secret', () => {
    const unknown = entryMeta({ id: 'u', alias: 'Cleo US', hasSecret: true });
    const noSecret = entryMeta({ id: 'n', alias: 'Empty', hasSecret: false });
    expect(badgeFor([unknown, noSecret, entryMeta({ id: 's', alias: 'Soon', secretExpiresAt: now + 20 * DAY })], now, timeZone)).toMatchObject({
      text: '?',
      level: 'unknown',
      color: BADGE_COLORS.unknown,
      title: 'LWA Vault — due: Cleo US secret date unknown; Soon secret in 20 days',
    });
    expect(badgeFor([noSecret], now, timeZone).text).toBe('');
    // Stored before the vault wrote `hasSecret` (set at the next unlock): it may hold a secret, so it is Date unknown.
    const { hasSecret: _, ...unflagged } = entryMeta({ id: 'o', alias: 'Old' });
    expect(badgeFor([unflagged], now, timeZone)).toMatchObject({ text: '?', due: [{ alias: 'Old', what: 'secret date unknown', level: 'unknown' }] });
    expect(badgeFor([unknown, entryMeta({ id: 'x', alias: 'X', secretExpiresAt: now + 3 * DAY })], now, timeZone)).toMatchObject({ text: '3d', level: 'urgent' });
  });

  it('a failing credential check outranks every date: !, first in the due list, in plain words; other outcomes add nothing', () => {
    const check = (outcome: CheckOutcome, secret: 'current' | 'previous' = 'current') => ({ at: now - DAY, outcome, secret });
    const metas = [
      entryMeta({ id: 'o', alias: 'Late', secretExpiresAt: now - DAY }),
      entryMeta({ id: 'f', alias: 'Cleo US', secretExpiresAt: now + 120 * DAY, credentialCheck: check('secret-rejected') }),
      entryMeta({ id: 'p', alias: 'Rotated', secretExpiresAt: now + 170 * DAY, credentialCheck: check('authorization-lapsed', 'previous') }),
      entryMeta({ id: 'w', alias: 'Fine', secretExpiresAt: now + 120 * DAY, credentialCheck: check('working') }),
      entryMeta({ id: 'u', alias: 'Offline', secretExpiresAt: now + 120 * DAY, credentialCheck: check('unreachable') }),
    ];
    expect(badgeFor(metas, now, timeZone)).toEqual({
      text: '!',
      color: BADGE_COLORS.failing,
      level: 'failing',
      title: 'LWA Vault — due: Cleo US check failing: secret rejected; Rotated check failing: authorization lapsed (previous secret); Late secret overdue',
      due: [
        { alias: 'Cleo US', what: 'check failing: secret rejected', level: 'failing' },
        { alias: 'Rotated', what: 'check failing: authorization lapsed (previous secret)', level: 'failing' },
        { alias: 'Late', what: 'secret overdue', level: 'overdue' },
      ],
      more: 0,
    });
    expect(badgeFor(metas.slice(3), now, timeZone)).toMatchObject({ text: '', level: 'ok', due: [] });
  });

  it('counts the previous secret while it still works', () => {
    const metas = [entryMeta({ id: 'a', alias: 'A', secretIssuedAt: now, previousSecretExpiresAt: now + 7 * DAY })];
    expect(badgeFor(metas, now, timeZone)).toMatchObject({ text: '7d', title: 'LWA Vault — due: A previous secret in 7 days' });
  });

  it('ignores the 5-minute Result URL code', () => {
    const metas = [entryMeta({ id: 'a', alias: 'A', resultCapturedAt: now - MINUTE })];
    expect(badgeFor(metas, now, timeZone).text).toBe('');
  });

  it('counts days in the user’s zone', () => {
    const metas = [entryMeta({ id: 'a', alias: 'A', secretExpiresAt: at('2027-06-04T00:30:00-07:00') })];
    const lateEvening = at('2027-06-03T23:30:00-07:00');
    expect(badgeFor(metas, lateEvening, 'America/Los_Angeles').text).toBe('1d');
    expect(badgeFor(metas, lateEvening, 'UTC').text).toBe('0d');
  });

  it('keeps the tooltip short', () => {
    const metas = Array.from({ length: 12 }, (_, i) =>
      entryMeta({ id: `e${i}`, alias: `Shop ${i + 1}`, secretExpiresAt: now + (i + 1) * DAY }),
    );
    const title = badgeFor(metas, now, timeZone).title;
    expect(title).toMatch(/^LWA Vault — due: Shop 1 secret tomorrow; Shop 2 secret in 2 days; /);
    expect(title).toMatch(/; Shop 8 secret in 8 days; and 4 more$/);
  });

  it('handles 1,000 entries quickly', () => {
    const metas = Array.from({ length: 1000 }, (_, i) =>
      entryMeta({
        id: `e${i}`,
        alias: `Entry ${i}`,
        secretIssuedAt: now - (i % 200) * DAY,
        previousSecretExpiresAt: now + (i % 9) * DAY,
        authorizedAt: now - (i % 400) * DAY,
      }),
    );
    badgeFor(metas, now, timeZone);
    const started = performance.now();
    const badge = badgeFor(metas, now, timeZone);
    expect(performance.now() - started).toBeLessThan(250);
    expect(badge.text).toBe('!');
  });

  it.each(Object.entries(BADGE_COLORS))('the %s colour keeps white badge text readable', (_level, color) => {
    expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });
});

function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

