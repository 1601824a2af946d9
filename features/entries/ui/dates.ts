/**
 * `<input type="date">` values ("2027-06-04") to instants and back, in an explicit time zone so results do
 * not depend on the machine running the tests.
 */

import { wallClockParts } from '../../../platform/dates';

/** Offset of `timeZone` from UTC at `at`, in ms (CEST: +7 200 000). */
function offsetAt(at: number, timeZone: string): number {
  const p = wallClockParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local date of `at` as an `<input type="date">` value. */
export function toDateInput(at: number, timeZone: string): string {
  const p = wallClockParts(at, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of an `<input type="date">` value in `timeZone`; undefined when it is not a real date. */
export function startOfDateInput(value: string, timeZone: string): number | undefined {
  const match = DATE_INPUT.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utcMidnight = Date.UTC(year, month - 1, day);
  const check = new Date(utcMidnight);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  // Two passes: the offset at the guess can differ from the offset at the answer around a DST change.
  const guess = utcMidnight - offsetAt(utcMidnight, timeZone);
  return utcMidnight - offsetAt(guess, timeZone);
}
