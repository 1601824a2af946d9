import { MS_PER_DAY } from './rules';

/**
 * Local calendar arithmetic with Intl and an explicit time zone, so results never depend on the machine running
 * the tests. Formatters are cached because creating one costs far more than using it (the badge counts 1,000s).
 */

const dayPartsFormatters = new Map<string, Intl.DateTimeFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone of the runtime (the user's zone in the browser). */
export function runtimeTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function dayPartsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayPartsFormatters.get(timeZone);
  if (!formatter) {
    // A fixed locale, calendar and digits: only the numbers matter here. Throws RangeError for an unknown zone.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    dayPartsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local date of `at` in `timeZone` as a day count since 1970-01-01 (so differences are calendar days). */
export function localDayNumber(at: number, timeZone: string): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of dayPartsFormatter(timeZone).formatToParts(at)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
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

/** "4 Jun 2027" in en-GB: the date of `at` as seen in `timeZone`. */
export function formatDay(at: number, timeZone: string, locale: string): string {
  const key = `${locale}\u0000${timeZone}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(at);
}
