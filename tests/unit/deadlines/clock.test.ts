import { describe, expect, it } from 'vitest';
import { createRotationClock, type RotationClockDeps } from '../../../features/deadlines/clock';
import type { Badge } from '../../../features/deadlines/badge';
import type { Reminder, ReminderMarkers } from '../../../features/deadlines/reminders';
import type { EntryMeta } from '../../../features/vault/schema';
import { entryMeta } from './fixtures';
import { at, DAY } from '../support/time';

const deadline = at('2027-06-04T10:00:00Z');
const shop = entryMeta({ id: 'shop', alias: 'ShopCtrl 1P', secretExpiresAt: deadline });

/** A clock over in-memory storage; `restart()` gives a new clock (a new worker) on the same storage. */
function world(entries: EntryMeta[], start: number, thresholds: number[] = [90, 30, 7, 1, 0]) {
  const state = { now: start, markers: {} as ReminderMarkers, badges: [] as Badge[], shown: [] as Reminder[][], log: [] as string[] };
  const deps = (): RotationClockDeps => ({
    listEntries: async () => ({ entries }),
    thresholds: async () => thresholds,
    markers: {
      get: async () => structuredClone(state.markers),
      set: async (m) => {
        state.log.push('markers');
        state.markers = structuredClone(m);
      },
    },
    paint: async (badge) => void state.badges.push(badge),
    notify: async (reminders) => {
      state.log.push('notify');
      state.shown.push([...reminders]);
      return reminders.map((r) => `${r.entryId}:${r.threshold}`);
    },
    now: () => state.now,
    timeZone: () => 'UTC',
  });
  let clock = createRotationClock(deps());
  return {
    state,
    refresh: () => clock.refresh(),
    restart: () => void (clock = createRotationClock(deps())),
    thresholdsShown: () => state.shown.flat().map((r) => r.threshold),
  };
}

describe('rotation clock', () => {
  it('paints the badge from metadata and shows the reminder that came due', async () => {
    const w = world([shop], deadline - 5 * DAY);
    const run = await w.refresh();
    expect(run.badge).toMatchObject({ text: '5d', level: 'urgent' });
    expect(w.state.badges.at(-1)?.title).toContain('ShopCtrl 1P secret in 5 days');
    expect(w.thresholdsShown()).toEqual([7]);
  });

  it('persists the markers before showing, so a killed worker never shows a reminder twice', async () => {
    const w = world([shop], deadline - 5 * DAY);
    await w.refresh();
    expect(w.state.log).toEqual(['markers', 'notify']);
  });

  it('never repeats a reminder after a worker or browser restart', async () => {
    const w = world([shop], deadline - 29 * DAY);
    await w.refresh();
    w.restart();
    await w.refresh();
    w.state.now += 3_600_000;
    w.restart();
    await w.refresh();
    expect(w.thresholdsShown()).toEqual([30]);
  });

  it('after days with the browser closed shows only the most severe pending reminder', async () => {
    const w = world([shop], deadline - 100 * DAY);
    await w.refresh(); // nothing yet
    w.state.now = deadline + DAY; // 90, 30, 7 and 1 were all missed
    await w.refresh();
    expect(w.state.shown).toHaveLength(1);
    expect(w.thresholdsShown()).toEqual([0]);
    expect(w.state.markers['shop\u0000secret']?.sent).toEqual([90, 30, 7, 1, 0]);
  });

  it('uses the thresholds from the settings', async () => {
    const w = world([shop], deadline - 20 * DAY, [14]);
    await w.refresh();
    expect(w.thresholdsShown()).toEqual([]);
    w.state.now = deadline - 14 * DAY;
    await w.refresh();
    expect(w.thresholdsShown()).toEqual([14]);
  });

  it('runs one refresh after the current one however many were asked for meanwhile', async () => {
    const w = world([shop], deadline - 50 * DAY);
    const runs = await Promise.all([w.refresh(), w.refresh(), w.refresh(), w.refresh()]);
    expect(w.state.badges).toHaveLength(2);
    expect(runs[1]).toBe(runs[3]);
  });

  it('is empty when nothing is due within 30 days, and "!" when overdue', async () => {
    expect((await world([shop], deadline - 40 * DAY).refresh()).badge.text).toBe('');
    expect((await world([shop], deadline + 60_000).refresh()).badge.text).toBe('!');
  });
});
