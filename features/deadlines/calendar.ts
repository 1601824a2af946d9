import { MS_PER_DAY } from './rules';
import { wallClockParts } from '../../platform/dates';

/** Local calendar arithmetic with an explicit time zone, so results never depend on the machine running the tests. */

/** The local date of `at` in `timeZone` as a day count since 1970-01-01 (so differences are calendar days). */
export function localDayNumber(at: number, timeZone: string): number {
  const { year, month, day } = wallClockParts(at, timeZone);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/**
 * How many local midnights lie between `from` and `to` in `timeZone`: 0 = same local date, 1 = `to` is on the
 * next local date (even if only a minute later), negative when `to` is on an earlier date. DST days of 23 or 25
 * hours and leap days count as one day each.
 */
export function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  return localDayNumber(to, timeZone) - localDayNumber(from, timeZone);
}

