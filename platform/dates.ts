/**
 * Every date and time the user sees, in one format ("4 Jun 2027", "14:05", "4 Jun 2027, 14:05"), and the
 * wall-clock parts that local calendar arithmetic is built on. Formatters are cached because creating one costs
 * far more than using it (the badge counts 1,000s). No argument defaults to the machine's zone in tests: callers
 * pass a zone, or `undefined` for the runtime's (the user's zone in the browser).
 */

/** The UI is English; day-month-year with a named month reads the same to a US and a European user. */
export const DISPLAY_LOCALE = 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

/**
 * Parts already worked out, by zone and instant. `formatToParts` is slow (a popup of 50 rows spent 11 ms in it),
 * and a list asks for the same instants again and again: `now`, and each deadline for its rank, its row and its
 * countdown. Emptied when full; the parts are frozen, so a caller cannot change what the next one reads.
 */
const partsSeen = new Map<string, Readonly<WallClock>>();
const PARTS_KEPT = 4096;

/**
 * The zone of the runtime: the user's, in the browser. Each ask creates an Intl formatter (tens of µs), so a
 * computation asks once and passes the answer down. The last answer is remembered: wall-clock parts in that zone
 * come from `Date`'s local-time getters, which read the same zone data as Intl about 30 times faster than
 * `formatToParts` (a list ranks its entries by local calendar day before its first frame).
 */
export function runtimeTimeZone(): string {
  lastRuntimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return lastRuntimeZone;
}

let lastRuntimeZone: string | undefined;

/** Year, month (1–12), day, hour (0–23), minute and second of `at` in `timeZone`. Throws RangeError for an unknown zone. */
export function wallClockParts(at: number, timeZone: string): Readonly<WallClock> {
  // Not kept in `partsSeen`: should the machine's zone change before the next ask, these are the new zone's parts.
  if (timeZone === lastRuntimeZone) return runtimeWallClock(at);
  const key = `${timeZone}\u0000${at}`;
  const seen = partsSeen.get(key);
  if (seen) return seen;
  // A fixed locale, calendar and digits: only the numbers matter here.
  const formatter = cached(`parts\u0000${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
  );
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  if (partsSeen.size >= PARTS_KEPT) partsSeen.clear();
  const frozen = Object.freeze(parts as WallClock);
  partsSeen.set(key, frozen);
  return frozen;
}

function runtimeWallClock(at: number): Readonly<WallClock> {
  const date = new Date(at);
  return Object.freeze({
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
  });
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function display(kind: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined, locale: string) {
  return cached(`${kind}\u0000${locale}\u0000${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
}

/** "4 Jun 2027": the date of `at` as seen in `timeZone`. */
export function formatDate(at: number, timeZone?: string, locale = DISPLAY_LOCALE): string {
  return display('date', DATE, timeZone, locale).format(at);
}

/** "14:05": only where the time matters (a code valid for 5 minutes, a capture, a wait that ends). */
export function formatTime(at: number, timeZone?: string, locale = DISPLAY_LOCALE): string {
  return display('time', TIME, timeZone, locale).format(at);
}

/** "4 Jun 2027, 14:05": for a history line, where several events can share a day. */
export function formatDateTime(at: number, timeZone?: string, locale = DISPLAY_LOCALE): string {
  return display('date-time', { ...DATE, ...TIME }, timeZone, locale).format(at);
}

/** "Jun": a month on the timeline's axis. */
export function formatMonth(at: number, timeZone?: string, locale = DISPLAY_LOCALE): string {
  return display('month', { month: 'short' }, timeZone, locale).format(at);
}
