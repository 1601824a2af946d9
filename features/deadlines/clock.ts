import { runtimeTimeZone } from '../../platform/dates';
import { badgeFor, type Badge } from './badge';
import { dueReminders, type Reminder, type ReminderMarkers } from './reminders';
import type { EntryMeta } from '../vault/schema';

/**
 * The rotation clock: from metadata alone (so it runs while the vault is locked) it repaints the toolbar badge
 * and shows the reminders that came due. Runs never overlap: a refresh asked for during a run is done once after it.
 */

export interface RotationClockDeps {
  /** Works without the vault key. */
  listEntries: () => Promise<{ entries: EntryMeta[] }>;
  thresholds: () => Promise<readonly number[]>;
  markers: { get(): Promise<ReminderMarkers>; set(markers: ReminderMarkers): Promise<void> };
  paint: (badge: Badge) => Promise<void>;
  /** Shows the reminders; returns the notification ids shown. */
  notify: (reminders: readonly Reminder[]) => Promise<string[]>;
  now: () => number;
  timeZone?: () => string;
  /** Called after every run, e.g. to record it for diagnostics. */
  ran?: (run: ClockRun) => Promise<void>;
  elapsed?: () => number;
}

export interface ClockRun {
  at: number;
  badge: Badge;
  reminders: Reminder[];
  shown: string[];
  /** Listing, computing and painting the badge (ms). */
  badgeMs: number;
}

export function createRotationClock(deps: RotationClockDeps) {
  const elapsed = deps.elapsed ?? (() => performance.now());
  const timeZone = deps.timeZone ?? runtimeTimeZone;

  async function runOnce(): Promise<ClockRun> {
    const started = elapsed();
    const at = deps.now();
    const zone = timeZone();
    const { entries } = await deps.listEntries();
    const badge = badgeFor(entries, at, zone);
    await deps.paint(badge);
    const badgeMs = elapsed() - started;

    const [thresholds, sent] = await Promise.all([deps.thresholds(), deps.markers.get()]);
    const { reminders, markers } = dueReminders(entries, sent, at, thresholds, { timeZone: zone });
    // Markers first: a worker killed between the two loses a reminder rather than showing it twice.
    if (JSON.stringify(markers) !== JSON.stringify(sent)) await deps.markers.set(markers);
    const shown = reminders.length > 0 ? await deps.notify(reminders) : [];
    const run = { at, badge, reminders, shown, badgeMs };
    await deps.ran?.(run);
    return run;
  }

  let running: Promise<ClockRun> | undefined;
  let queued: Promise<ClockRun> | undefined;

  function refresh(): Promise<ClockRun> {
    if (!running) {
      running = runOnce().finally(() => {
        running = undefined;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return refresh();
      });
    return queued;
  }

  return { refresh };
}

export type RotationClock = ReturnType<typeof createRotationClock>;
