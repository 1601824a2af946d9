import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_THRESHOLDS,
  dueReminders,
  normalizeThresholds,
  reminderKey,
  type ReminderMarkers,
} from '../../../features/deadlines/reminders';
import { rotateSecret } from '../../../features/entries/rotate';
import type { EntryMeta } from '../../../features/vault/schema';
import { entryMeta } from './fixtures';
import { at, DAY } from '../support/time';

const timeZone = 'UTC';
const options = { timeZone };
const deadline = at('2027-06-04T10:00:00Z');
const shopCtrl = entryMeta({ id: 'shop', alias: 'ShopCtrl 1P', kind: 'vendor', secretExpiresAt: deadline });
const secretKey = reminderKey('shop', 'secret');
/** The earlier default (notice, banner, a week, the day before, overdue): the rules below do not depend on the cadence. */
const FIVE_THRESHOLDS = [90, 30, 7, 1, 0];

/** Runs the reminder clock once a day at 09:00 UTC and collects what was shown. */
function runDaily(metas: EntryMeta[], from: number, days: number, thresholds?: number[]) {
  let markers: ReminderMarkers = {};
  const shown: { day: number; thresholds: number[] }[] = [];
  for (let day = 0; day < days; day += 1) {
    const result = dueReminders(metas, markers, from + day * DAY, thresholds, options);
    markers = result.markers;
    if (result.reminders.length > 0) shown.push({ day, thresholds: result.reminders.map((r) => r.threshold) });
  }
  return shown;
}

describe('dueReminders', () => {
  it('follows Amazon’s own expiry notification cadence by default: 90, 60, 30, 15, 7 and 1 days before, and overdue', () => {
    expect(DEFAULT_REMINDER_THRESHOLDS).toEqual([90, 60, 30, 15, 7, 1, 0]);
  });

  it('fires each threshold once, on the day it is crossed, and never repeats it', () => {
    const from = at('2027-02-01T09:00:00Z'); // 123 days before the deadline
    const shown = runDaily([shopCtrl], from, 140);
    expect(shown.map((s) => s.thresholds[0])).toEqual([90, 60, 30, 15, 7, 1, 0]);
    // 90 days before 4 Jun is 6 Mar; 60 → 5 Apr; 30 → 5 May; 15 → 20 May; 7 → 28 May; 1 → 3 Jun; overdue → the first run after 4 Jun 10:00.
    const firstDay = (iso: string) => Math.round((at(iso) - from) / DAY);
    expect(shown.map((s) => s.day)).toEqual([
      firstDay('2027-03-06T09:00:00Z'),
      firstDay('2027-04-05T09:00:00Z'),
      firstDay('2027-05-05T09:00:00Z'),
      firstDay('2027-05-20T09:00:00Z'),
      firstDay('2027-05-28T09:00:00Z'),
      firstDay('2027-06-03T09:00:00Z'),
      firstDay('2027-06-05T09:00:00Z'),
    ]);
  });

  it('writes a plain-text reminder naming the entry, the deadline and what to do', () => {
    const markers = { [secretKey]: { at: deadline, sent: [90, 30] } };
    const { reminders, markers: next } = dueReminders([shopCtrl], markers, at('2027-05-28T09:00:00Z'), FIVE_THRESHOLDS, options);
    expect(reminders).toEqual([
      {
        entryId: 'shop',
        deadlineKind: 'secret',
        threshold: 7,
        at: deadline,
        title: 'Client secret expires in 7 days',
        message: 'ShopCtrl 1P: client secret expires in 7 days (4 Jun 2027). Rotate it in Developer Central.',
      },
    ]);
    expect(next[secretKey]).toEqual({ at: deadline, sent: [90, 30, 7] });
    expect(dueReminders([shopCtrl], next, at('2027-05-28T21:00:00Z'), FIVE_THRESHOLDS, options).reminders).toEqual([]);
  });

  it.each([
    ['2027-06-03T09:00:00Z', 1, 'ShopCtrl 1P: client secret expires tomorrow (4 Jun 2027). Rotate it in Developer Central.'],
    ['2027-06-04T08:00:00Z', 1, 'ShopCtrl 1P: client secret expires today (4 Jun 2027). Rotate it in Developer Central.'],
    [
      '2027-06-04T11:00:00Z',
      0,
      'ShopCtrl 1P: client secret expired today (4 Jun 2027). Rotate it in Developer Central; API calls fail until you do.',
    ],
    [
      '2027-06-07T11:00:00Z',
      0,
      'ShopCtrl 1P: client secret expired 3 days ago (4 Jun 2027). Rotate it in Developer Central; API calls fail until you do.',
    ],
  ])('at %s shows threshold %i: %s', (now, threshold, message) => {
    const markers = { [secretKey]: { at: deadline, sent: [90, 30, 7] } };
    const [reminder] = dueReminders([shopCtrl], markers, at(now), FIVE_THRESHOLDS, options).reminders;
    expect(reminder).toMatchObject({ threshold, message });
  });

  it('after days with the browser closed shows only the most severe pending threshold and marks the rest', () => {
    const { reminders, markers } = dueReminders([shopCtrl], {}, at('2027-05-30T09:00:00Z'), FIVE_THRESHOLDS, options);
    expect(reminders.map((r) => [r.deadlineKind, r.threshold])).toEqual([['secret', 7]]);
    expect(markers[secretKey]).toEqual({ at: deadline, sent: [90, 30, 7] });
    const missedEverything = dueReminders([shopCtrl], {}, at('2027-07-01T09:00:00Z'), FIVE_THRESHOLDS, options);
    expect(missedEverything.reminders.map((r) => r.threshold)).toEqual([0]);
    expect(missedEverything.markers[secretKey]!.sent).toEqual([90, 30, 7, 1, 0]);
  });

  it('shows one notification per entry, naming its other pending deadlines', () => {
    const cleo = entryMeta({
      id: 'cleo',
      alias: 'Cleo DE',
      secretExpiresAt: at('2027-06-02T10:00:00Z'),
      authorizationRenewAt: at('2027-06-20T10:00:00Z'),
    });
    const { reminders, markers } = dueReminders([cleo], {}, at('2027-05-30T09:00:00Z'), FIVE_THRESHOLDS, options);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.message).toBe(
      'Cleo DE: client secret expires in 3 days (2 Jun 2027). Rotate it in Developer Central. ' +
        'Also due: authorization in 21 days (20 Jun 2027).',
    );
    expect(markers[reminderKey('cleo', 'authorization')]!.sent).toEqual([90, 30]);
  });

  it('orders notifications of several entries by severity', () => {
    const metas = [
      entryMeta({ id: 'b', alias: 'B', authorizationRenewAt: at('2027-08-01T00:00:00Z') }),
      entryMeta({ id: 'a', alias: 'A', authorizationRenewAt: at('2027-05-01T00:00:00Z') }),
    ];
    const { reminders } = dueReminders(metas, {}, at('2027-05-30T09:00:00Z'), FIVE_THRESHOLDS, options);
    expect(reminders.map((r) => [r.entryId, r.threshold, r.title])).toEqual([
      ['a', 0, 'Authorization renewal overdue'],
      ['b', 90, 'Authorization renewal due in 63 days'],
    ]);
    expect(reminders[0]!.message).toBe(
      'A: authorization renewal was due 29 days ago (1 May 2027). Re-authorize the app in Seller Central.',
    );
  });

  it('starts over for a renewed deadline after a rotation, and reminds of the old secret only the day before', () => {
    const before = at('2027-06-03T09:00:00Z');
    const sent: ReminderMarkers = { [secretKey]: { at: deadline, sent: [90, 30, 7, 1] } };
    const rotated = rotateSecret(shopCtrl, { clientSecret: 'old' }, { newSecret: 'new', now: before });
    expect(rotated.rotated).toBe(true);

    const afterRotation = dueReminders([rotated.meta], sent, before + 60_000, FIVE_THRESHOLDS, options);
    expect(afterRotation.reminders).toEqual([]);
    expect(afterRotation.markers[secretKey]).toEqual({ at: before + 180 * DAY, sent: [] });

    const dayBeforeOldDies = dueReminders([rotated.meta], afterRotation.markers, before + 6 * DAY, FIVE_THRESHOLDS, options);
    expect(dayBeforeOldDies.reminders.map((r) => r.message)).toEqual([
      'ShopCtrl 1P: the previous client secret stops working tomorrow (10 Jun 2027). ' +
        'Make sure every system uses the new secret.',
    ]);

    const shown = runDaily([rotated.meta], before + DAY, 200).map((s) => s.thresholds[0]);
    expect(shown).toEqual([1, 90, 60, 30, 15, 7, 1, 0]);
  });

  it('keeps sent markers when Amazon’s stated date replaces the computed one', () => {
    const computed = entryMeta({ id: 'shop', alias: 'ShopCtrl 1P', secretIssuedAt: at('2027-01-10T22:09:17.456Z') });
    const now = at('2027-06-01T09:00:00Z');
    const first = dueReminders([computed], {}, now, FIVE_THRESHOLDS, options);
    expect(first.reminders.map((r) => r.threshold)).toEqual([90]); // 38 days left
    const stated = { ...computed, secretExpiresAt: at('2027-07-09T22:09:17.198Z') };
    expect(dueReminders([stated], first.markers, now + 3_600_000, FIVE_THRESHOLDS, options).reminders).toEqual([]);
  });

  it('uses configurable thresholds and ignores invalid ones', () => {
    expect(normalizeThresholds([14, 60, -1, 2.5, 14, 0])).toEqual([60, 14, 0]);
    const from = at('2027-02-01T09:00:00Z');
    expect(runDaily([shopCtrl], from, 140, [60, 14, 14, -3]).map((s) => s.thresholds[0])).toEqual([60, 14]);
    expect(runDaily([shopCtrl], from, 140, []).length).toBe(0);
  });

  it('counts threshold days in the user’s zone', () => {
    const meta = entryMeta({ id: 'nz', alias: 'NZ', secretExpiresAt: at('2027-01-18T00:01:00+13:00') });
    const now = at('2027-01-10T23:59:00+13:00'); // 7 days and 2 minutes away, but 8 local days
    expect(dueReminders([meta], {}, now, FIVE_THRESHOLDS, { timeZone: 'Pacific/Auckland' }).reminders[0]!.threshold).toBe(30);
    expect(dueReminders([meta], {}, now + 2 * 60_000, FIVE_THRESHOLDS, { timeZone: 'Pacific/Auckland' }).reminders[0]!.threshold).toBe(7);
  });

  it('drops markers of deleted entries and tolerates damaged ones', () => {
    const damaged = { [secretKey]: { at: 'soon', sent: null }, [reminderKey('gone', 'secret')]: { at: 1, sent: [90] } };
    const { reminders, markers } = dueReminders([shopCtrl], damaged, at('2027-05-30T09:00:00Z'), FIVE_THRESHOLDS, options);
    expect(reminders.map((r) => r.threshold)).toEqual([7]);
    expect(Object.keys(markers)).toEqual([secretKey]);
  });

  it('ignores the 5-minute Result URL code', () => {
    const meta = entryMeta({ id: 'r', alias: 'R', resultCapturedAt: at('2027-05-30T08:58:00Z') });
    expect(dueReminders([meta], {}, at('2027-05-30T09:00:00Z'), FIVE_THRESHOLDS, options)).toEqual({ reminders: [], markers: {} });
  });

  it('sends vendors to Vendor Central to re-authorize', () => {
    const vendor = entryMeta({ id: 'v', alias: 'Vendor', kind: 'vendor', authorizationRenewAt: at('2027-06-04T10:00:00Z') });
    const [reminder] = dueReminders([vendor], {}, at('2027-05-30T09:00:00Z'), FIVE_THRESHOLDS, options).reminders;
    expect(reminder!.message).toBe(
      'Vendor: authorization must be renewed in 5 days (4 Jun 2027). Re-authorize the app in Vendor Central.',
    );
  });

  it('reminds once of a secret whose date is unknown, even across restarts, and counts down once a date is given', () => {
    const unknown = entryMeta({ id: 'cleo', alias: 'Cleo US', hasSecret: true });
    const now = at('2027-05-30T09:00:00Z');
    const first = dueReminders([unknown], {}, now, undefined, options);
    expect(first.reminders).toMatchObject([{ entryId: 'cleo', deadlineKind: 'secret', title: 'Client secret: date unknown' }]);
    expect(first.reminders[0]!.message).toContain('Cleo US');
    // The markers are what survives a restart: the next run (a new worker) reads them back.
    expect(dueReminders([unknown], JSON.parse(JSON.stringify(first.markers)), now + DAY, undefined, options).reminders).toEqual([]);
    const dated = { ...unknown, secretExpiresAt: now + 20 * DAY };
    expect(dueReminders([dated], first.markers, now + DAY, undefined, options).reminders.map((r) => r.threshold)).toEqual([30]);
  });

  it('does not remind of an entry without a secret and without dates', () => {
    expect(dueReminders([entryMeta({ id: 'x', alias: 'No secret', hasSecret: false })], {}, at('2027-05-30T09:00:00Z'), undefined, options).reminders).toEqual([]);
  });
});
