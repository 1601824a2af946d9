import type { EntryMeta } from '../vault/schema';
import { localDayNumber } from './calendar';
import { DISPLAY_LOCALE, formatDate, runtimeTimeZone } from '../../platform/dates';
import {
  addDays,
  AUTHORIZATION_LIFETIME_DAYS,
  CODE_LIFETIME_MS,
  LEVEL_THRESHOLD_DAYS,
  SECRET_LIFETIME_DAYS,
  type Level,
} from './rules';

export type DeadlineKind = 'secret' | 'previous-secret' | 'authorization' | 'result-code';

export interface Deadline {
  kind: DeadlineKind;
  /** Epoch ms. */
  at: number;
  /** True when Amazon stated the date; false when computed from an issue or authorization time. */
  stated: boolean;
}

/** The deadlines after which API access is lost; the 5-minute code is a live timer, not one of them. */
export const CREDENTIAL_DEADLINE_KINDS: readonly DeadlineKind[] = ['secret', 'previous-secret', 'authorization'];

/** The metadata fields deadlines are computed from. */
export type DeadlineMeta = Pick<
  EntryMeta,
  | 'secretIssuedAt'
  | 'secretExpiresAt'
  | 'previousSecretExpiresAt'
  | 'authorizedAt'
  | 'authorizationRenewAt'
  | 'resultCapturedAt'
> &
  Partial<Pick<EntryMeta, 'hasSecret'>>;

export interface CountdownOptions {
  /** IANA zone the user counts days in; defaults to the runtime's zone. */
  timeZone?: string;
  /** Locale of the date; defaults to en-GB ("4 Jun 2027"). */
  locale?: string;
}

export interface Countdown {
  /** Local calendar days from today to the deadline's date: 0 = today, 1 = tomorrow, -3 = three days ago. */
  daysLeft: number;
  msLeft: number;
  level: Level;
  /** "in 12 days", "tomorrow", "today", "overdue today", "3 days overdue". */
  relative: string;
  /** The deadline's local date, e.g. "4 Jun 2027". */
  date: string;
  /** `${relative} · ${date}`. */
  text: string;
}

/**
 * Every deadline the entry has at `now`. Stated dates win over computed ones. The previous secret is listed only
 * while it still works, and the Result URL's code only while it is fresh.
 */
export function deadlinesOf(meta: DeadlineMeta, now: number): Deadline[] {
  const deadlines: Deadline[] = [];
  if (meta.secretExpiresAt !== undefined) {
    deadlines.push({ kind: 'secret', at: meta.secretExpiresAt, stated: true });
  } else if (meta.secretIssuedAt !== undefined) {
    deadlines.push({ kind: 'secret', at: addDays(meta.secretIssuedAt, SECRET_LIFETIME_DAYS), stated: false });
  }
  if (meta.previousSecretExpiresAt !== undefined && meta.previousSecretExpiresAt > now) {
    deadlines.push({ kind: 'previous-secret', at: meta.previousSecretExpiresAt, stated: true });
  }
  if (meta.authorizationRenewAt !== undefined) {
    deadlines.push({ kind: 'authorization', at: meta.authorizationRenewAt, stated: true });
  } else if (meta.authorizedAt !== undefined) {
    deadlines.push({
      kind: 'authorization',
      at: addDays(meta.authorizedAt, AUTHORIZATION_LIFETIME_DAYS),
      stated: false,
    });
  }
  if (meta.resultCapturedAt !== undefined && meta.resultCapturedAt + CODE_LIFETIME_MS > now) {
    deadlines.push({ kind: 'result-code', at: meta.resultCapturedAt + CODE_LIFETIME_MS, stated: false });
  }
  return deadlines;
}

/**
 * The entry may hold a secret but the user gave neither its expiry nor its issue day: nothing to count from. Only
 * `hasSecret: false` (the vault saw no secret) clears it: a record stored before the flag, until the next unlock
 * sets it, is Date unknown rather than a silent "nothing to count down".
 */
export function secretDateUnknown(meta: DeadlineMeta): boolean {
  return meta.hasSecret !== false && meta.secretExpiresAt === undefined && meta.secretIssuedAt === undefined;
}

/**
 * The level for `daysLeft` local calendar days. Pass `msLeft` too whenever it is known: a deadline earlier today
 * has daysLeft 0 but is already overdue, because a credential dies at its instant, not at midnight.
 */
export function levelOf(daysLeft: number, msLeft?: number): Level {
  if (daysLeft < 0 || (msLeft !== undefined && msLeft <= 0)) return 'overdue';
  if (daysLeft <= LEVEL_THRESHOLD_DAYS.urgent) return 'urgent';
  if (daysLeft <= LEVEL_THRESHOLD_DAYS.soon) return 'soon';
  if (daysLeft <= LEVEL_THRESHOLD_DAYS.notice) return 'notice';
  return 'ok';
}

/** Days left (local calendar days) and level of a deadline, with the user's "today" computed once by the caller. */
export function daysAndLevel(at: number, now: number, todayNumber: number, timeZone: string) {
  const daysLeft = localDayNumber(at, timeZone) - todayNumber;
  const msLeft = at - now;
  return { daysLeft, msLeft, level: levelOf(daysLeft, msLeft) };
}

/** "in 12 days" / "tomorrow" / "today" / "overdue today" / "1 day overdue" / "3 days overdue". */
export function relativeDays(daysLeft: number, msLeft: number): string {
  if (msLeft <= 0 || daysLeft < 0) {
    const daysOver = Math.max(0, -daysLeft);
    if (daysOver === 0) return 'overdue today';
    return daysOver === 1 ? '1 day overdue' : `${daysOver} days overdue`;
  }
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  return `in ${daysLeft} days`;
}

export function describeCountdown(at: number, now: number, options: CountdownOptions = {}): Countdown {
  const timeZone = options.timeZone ?? runtimeTimeZone();
  const locale = options.locale ?? DISPLAY_LOCALE;
  const { daysLeft, msLeft, level } = daysAndLevel(at, now, localDayNumber(now, timeZone), timeZone);
  const relative = relativeDays(daysLeft, msLeft);
  const date = formatDate(at, timeZone, locale);
  return { daysLeft, msLeft, level, relative, date, text: `${relative} · ${date}` };
}

/**
 * "4:59" for the Result URL's code. Rounds down, so "0:00" may show in the last second the code is still
 * valid: never tells the user there is time that isn't there.
 */
export function formatMmSs(msLeft: number): string {
  const totalSeconds = Math.max(0, Math.floor(msLeft / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The deadline that comes first (overdue ones come before any pending one); by default credential deadlines only. */
export function mostUrgent(
  meta: DeadlineMeta,
  now: number,
  kinds: readonly DeadlineKind[] = CREDENTIAL_DEADLINE_KINDS,
): Deadline | undefined {
  let best: Deadline | undefined;
  for (const deadline of deadlinesOf(meta, now)) {
    if (!kinds.includes(deadline.kind)) continue;
    if (best === undefined || deadline.at < best.at) best = deadline;
  }
  return best;
}

export type UrgencyMeta = DeadlineMeta & { alias: string; id?: string };

/**
 * Entries sorted for a list: overdue first (most overdue on top), then secrets of unknown date, then by fewest local
 * calendar days left, then entries with no deadline; ties by alias, then id. Returns a new array.
 */
export function byUrgency<T extends UrgencyMeta>(
  metas: readonly T[],
  now: number,
  timeZone: string = runtimeTimeZone(),
): T[] {
  const today = localDayNumber(now, timeZone);
  const keyed = metas.map((meta) => {
    const deadline = mostUrgent(meta, now);
    const unknown = secretDateUnknown(meta);
    if (!deadline) return { meta, group: unknown ? 1 : 3, days: 0 };
    const { daysLeft, level } = daysAndLevel(deadline.at, now, today, timeZone);
    return { meta, group: level === 'overdue' ? 0 : unknown ? 1 : 2, days: daysLeft };
  });
  keyed.sort(
    (a, b) =>
      a.group - b.group ||
      a.days - b.days ||
      compareText(a.meta.alias, b.meta.alias) ||
      compareText(a.meta.id ?? '', b.meta.id ?? ''),
  );
  return keyed.map((k) => k.meta);
}

const aliasCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Case-insensitive, "Shop 2" before "Shop 10"; falls back to code units so the order is total. */
export function compareText(a: string, b: string): number {
  return aliasCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
