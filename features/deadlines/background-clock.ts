import { browser } from 'wxt/browser';
import { lastClockRunItem, reminderMarkersItem } from './storage';
import type { EntryMeta } from '../vault/schema';
import { paintBadge } from './badge-painter';
import { captureHint } from './authorize-hint';
import { createRotationClock, type ClockRun, type RotationClock } from './clock';
import { createReminderNotifier } from './reminder-notifications';

export const ROTATION_CLOCK_ALARM = 'rotation-clock';
/** The badge counts local days, so it must repaint soon after midnight: hourly is close enough. */
export const CLOCK_PERIOD_MINUTES = 60;

export interface BackgroundClockDeps {
  listEntries: () => Promise<{ entries: EntryMeta[] }>;
  thresholds: () => Promise<readonly number[]>;
}

export function createBackgroundClock({ listEntries, thresholds }: BackgroundClockDeps) {
  const notifier = createReminderNotifier();
  const clock = createRotationClock({
    listEntries,
    thresholds,
    markers: { get: () => reminderMarkersItem.getValue(), set: (m) => reminderMarkersItem.setValue(m) },
    paint: async (badge) => {
      if (await captureHint()) return;
      await paintBadge(badge);
      // A capture that landed while this painted must not lose its hint.
      const late = await captureHint();
      if (late) await paintBadge(late);
    },
    notify: (reminders) => notifier.show(reminders),
    now: Date.now,
    ran: (run: ClockRun) => lastClockRunItem.setValue({ at: run.at, badgeText: run.badge.text, shown: run.shown }),
  });
  return { clock, notifier };
}

/** Creates the hourly alarm unless it is already there (re-creating it would push its next run back). */
export async function ensureClockAlarm(): Promise<void> {
  const existing = await browser.alarms.get(ROTATION_CLOCK_ALARM);
  if (existing?.periodInMinutes === CLOCK_PERIOD_MINUTES) return;
  await browser.alarms.create(ROTATION_CLOCK_ALARM, { delayInMinutes: CLOCK_PERIOD_MINUTES, periodInMinutes: CLOCK_PERIOD_MINUTES });
}

/** A refresh whose failure is reported, not thrown: callers are event listeners. */
export function refreshQuietly(clock: RotationClock): Promise<void> {
  return clock.refresh().then(
    () => undefined,
    (error: unknown) => console.error('LWA Vault: rotation clock failed', error instanceof Error ? error.name : 'unknown error'),
  );
}

