import { storage } from 'wxt/utils/storage';
import type { ReminderMarkers } from './reminders';

/** Thresholds already shown per entry and deadline; in storage.local so no restart repeats a reminder. */
export const reminderMarkersItem = storage.defineItem<ReminderMarkers>('local:reminderMarkers', { fallback: {} });

/** The last run, for diagnostics and tests: no secrets, only ids and the badge. */
export interface LastClockRun {
  at: number;
  badgeText: string;
  shown: string[];
}
export const lastClockRunItem = storage.defineItem<LastClockRun | null>('session:lastRotationClockRun', { fallback: null });
