import type { EntryMeta } from '../vault/schema';
import { localDayNumber } from './calendar';
import { DISPLAY_LOCALE, formatDate, runtimeTimeZone } from '../../platform/dates';
import {
  compareText,
  CREDENTIAL_DEADLINE_KINDS,
  daysAndLevel,
  deadlinesOf,
  secretDateUnknown,
  type Deadline,
  type DeadlineKind,
  type DeadlineMeta,
} from './countdown';
import { DEADLINE_LABELS } from './labels';
import { MS_PER_DAY, PREVIOUS_SECRET_GRACE_DAYS } from './rules';

/** A threshold of 0 means "overdue": the deadline instant has passed. */
export const OVERDUE_THRESHOLD = 0;
/** Days before a deadline at which to remind: Amazon's own expiry notification cadence, then overdue (docs/amazon.md §4). */
export const DEFAULT_REMINDER_THRESHOLDS: readonly number[] = [90, 60, 30, 15, 7, 1, OVERDUE_THRESHOLD];
/** The threshold of the one reminder about a secret whose date is unknown (it has no day count). */
export const DATE_UNKNOWN_THRESHOLD = -1;
/** The marker instant of a secret whose date is unknown: no real deadline sits within the tolerance of it. */
const DATE_UNKNOWN_AT = 0;

/**
 * A deadline that moves by less than this is the same deadline restated (a computed date replaced by the one
 * Amazon stated, seconds or hours apart), so its sent reminders stay sent. A renewal moves it by months.
 */
export const SAME_DEADLINE_TOLERANCE_MS = 2 * MS_PER_DAY;

/** What was already shown for one deadline of one entry. */
export interface ReminderMarker {
  /** The deadline instant the thresholds were counted against. */
  at: number;
  /** Thresholds already shown or deliberately skipped. */
  sent: number[];
}

/** Persisted by the caller between runs; keyed by `reminderKey(entryId, kind)`. */
export type ReminderMarkers = Record<string, ReminderMarker>;

export type ReminderMeta = DeadlineMeta & Pick<EntryMeta, 'id' | 'alias'> & Partial<Pick<EntryMeta, 'kind'>>;

export interface Reminder {
  entryId: string;
  deadlineKind: DeadlineKind;
  /** The threshold this reminder is for (0 = overdue). */
  threshold: number;
  /** The deadline instant. */
  at: number;
  title: string;
  message: string;
}

export interface ReminderOptions {
  timeZone?: string;
  locale?: string;
}

export interface DueReminders {
  reminders: Reminder[];
  /** The markers to persist: markers of deadlines that no longer exist are dropped. */
  markers: ReminderMarkers;
}

export function reminderKey(entryId: string, kind: DeadlineKind): string {
  return `${entryId}\u0000${kind}`;
}

/** Whole, non-negative, distinct days, most distant first. */
export function normalizeThresholds(thresholds: readonly number[]): number[] {
  const valid = thresholds.filter((t) => Number.isInteger(t) && t >= 0);
  return [...new Set(valid)].sort((a, b) => b - a);
}

interface Pending {
  deadline: Deadline;
  threshold: number;
  daysLeft: number;
  msLeft: number;
}

/**
 * The notifications to show at `now` and the markers to persist afterwards.
 *
 * A threshold t > 0 is crossed once the deadline is t local calendar days away or closer; 0 once its instant has
 * passed. Each threshold fires at most once per deadline. When an entry has several pending thresholds at once
 * (the browser was closed for days, or the entry is new), only the most severe is shown and the rest are marked
 * as sent; other deadlines of the same entry that were pending are named in that one message ("Also due: …")
 * and marked as sent too. The previous secret is reminded of only inside its 7-day grace (see thresholdsFor).
 * Pass every entry: markers of deadlines not seen in `metas` are dropped from the result.
 */
export function dueReminders(
  metas: readonly ReminderMeta[],
  sent: Readonly<Record<string, unknown>>,
  now: number,
  thresholds: readonly number[] = DEFAULT_REMINDER_THRESHOLDS,
  options: ReminderOptions = {},
): DueReminders {
  const timeZone = options.timeZone ?? runtimeTimeZone();
  const locale = options.locale ?? DISPLAY_LOCALE;
  const ordered = normalizeThresholds(thresholds);
  const today = localDayNumber(now, timeZone);
  const markers: ReminderMarkers = {};
  const reminders: Reminder[] = [];

  for (const meta of metas) {
    if (secretDateUnknown(meta)) {
      const key = reminderKey(meta.id, 'secret');
      if (readMarker(sent[key])?.at !== DATE_UNKNOWN_AT) reminders.push(dateUnknownReminder(meta));
      markers[key] = { at: DATE_UNKNOWN_AT, sent: [] };
    }
    const pending: Pending[] = [];
    for (const deadline of deadlinesOf(meta, now)) {
      if (!CREDENTIAL_DEADLINE_KINDS.includes(deadline.kind)) continue;
      const key = reminderKey(meta.id, deadline.kind);
      const previous = readMarker(sent[key]);
      const alreadySent =
        previous && Math.abs(previous.at - deadline.at) < SAME_DEADLINE_TOLERANCE_MS ? previous.sent : [];
      const { daysLeft, msLeft } = daysAndLevel(deadline.at, now, today, timeZone);
      const crossed = thresholdsFor(deadline.kind, ordered).filter((t) =>
        t === OVERDUE_THRESHOLD ? msLeft <= 0 : daysLeft <= t,
      );
      const fresh = crossed.filter((t) => !alreadySent.includes(t));
      const mostSevere = fresh[fresh.length - 1];
      if (mostSevere !== undefined) pending.push({ deadline, threshold: mostSevere, daysLeft, msLeft });
      markers[key] = { at: deadline.at, sent: normalizeThresholds([...alreadySent, ...crossed]) };
    }
    pending.sort((a, b) => a.threshold - b.threshold || a.deadline.at - b.deadline.at);
    const [shown, ...others] = pending;
    if (shown) reminders.push(reminderFor(meta, shown, others, timeZone, locale));
  }

  reminders.sort((a, b) => a.threshold - b.threshold || a.at - b.at || compareText(a.entryId, b.entryId));
  return { reminders, markers };
}

/**
 * The previous secret's 7 days start at the rotation the user has just made, so a "7 days left" reminder at that
 * moment is noise: it is reminded of only at thresholds inside its grace period (by default the day before).
 */
function thresholdsFor(kind: DeadlineKind, ordered: readonly number[]): readonly number[] {
  return kind === 'previous-secret' ? ordered.filter((t) => t < PREVIOUS_SECRET_GRACE_DAYS) : ordered;
}

function readMarker(value: unknown): ReminderMarker | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, sent } = value as { at?: unknown; sent?: unknown };
  if (typeof at !== 'number' || !Number.isFinite(at) || !Array.isArray(sent)) return undefined;
  return { at, sent: sent.filter((t): t is number => typeof t === 'number') };
}

function reminderFor(
  meta: ReminderMeta,
  shown: Pending,
  others: readonly Pending[],
  timeZone: string,
  locale: string,
): Reminder {
  const { deadline, daysLeft, msLeft } = shown;
  const overdue = msLeft <= 0;
  const date = formatDate(deadline.at, timeZone, locale);
  const central = meta.kind === 'vendor' ? 'Vendor Central' : 'Seller Central';
  const future = futurePhrase(daysLeft);
  const past = pastPhrase(daysLeft);
  let title: string;
  let sentence: string;
  switch (deadline.kind) {
    case 'secret':
      title = overdue ? 'Client secret expired' : `Client secret expires ${future}`;
      sentence = overdue
        ? `client secret expired ${past} (${date}). Rotate it in Developer Central; API calls fail until you do.`
        : `client secret expires ${future} (${date}). Rotate it in Developer Central.`;
      break;
    case 'previous-secret':
      title = overdue ? 'Previous client secret stopped working' : `Previous client secret stops working ${future}`;
      sentence = overdue
        ? `the previous client secret stopped working ${past} (${date}).`
        : `the previous client secret stops working ${future} (${date}). Make sure every system uses the new secret.`;
      break;
    case 'authorization':
      title = overdue ? 'Authorization renewal overdue' : `Authorization renewal due ${future}`;
      sentence = overdue
        ? `authorization renewal was due ${past} (${date}). Re-authorize the app in ${central}.`
        : `authorization must be renewed ${future} (${date}). Re-authorize the app in ${central}.`;
      break;
    case 'result-code': // not reminded of (live timer); kept so the switch stays exhaustive
      title = 'Result URL code expiring';
      sentence = 'the Result URL code is about to expire.';
      break;
  }
  let message = `${meta.alias}: ${sentence}`;
  if (others.length > 0) {
    const also = others.map((o) => {
      const when = o.msLeft <= 0 ? 'overdue' : futurePhrase(o.daysLeft);
      return `${DEADLINE_LABELS[o.deadline.kind]} ${when} (${formatDate(o.deadline.at, timeZone, locale)})`;
    });
    message += ` Also due: ${also.join('; ')}.`;
  }
  return { entryId: meta.id, deadlineKind: deadline.kind, threshold: shown.threshold, at: deadline.at, title, message };
}

/** Once per entry, until a date is given: without one the clock cannot warn before the secret stops working. */
function dateUnknownReminder(meta: ReminderMeta): Reminder {
  return {
    entryId: meta.id,
    deadlineKind: 'secret',
    threshold: DATE_UNKNOWN_THRESHOLD,
    at: DATE_UNKNOWN_AT,
    title: 'Client secret: date unknown',
    message: `${meta.alias}: LWA Vault does not know when this client secret expires. Open the entry and set the expiry date Developer Central shows.`,
  };
}

function futurePhrase(daysLeft: number): string {
  if (daysLeft <= 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  return `in ${daysLeft} days`;
}

function pastPhrase(daysLeft: number): string {
  const ago = Math.max(0, -daysLeft);
  if (ago === 0) return 'today';
  return ago === 1 ? 'yesterday' : `${ago} days ago`;
}
