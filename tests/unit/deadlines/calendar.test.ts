import { describe, expect, it } from 'vitest';
import { calendarDaysBetween } from '../../../features/deadlines/calendar';
import { at } from '../support/time';

describe('calendarDaysBetween counts local calendar days, not 24-hour blocks', () => {
  it.each([
    // Midnight: two minutes apart, but on different local dates.
    ['Pacific/Auckland', 'across local midnight', '2027-01-10T23:59:00+13:00', '2027-01-11T00:01:00+13:00', 1],
    ['Pacific/Auckland', 'last second before local midnight', '2027-01-10T23:59:00+13:00', '2027-01-10T23:59:59+13:00', 0],
    ['UTC', 'the same two Auckland instants are one UTC date', '2027-01-10T23:59:00+13:00', '2027-01-11T00:01:00+13:00', 0],
    ['Pacific/Auckland', 'NZ fall back (25-hour day)', '2027-04-04T00:30:00+13:00', '2027-04-04T23:30:00+12:00', 0],
    ['America/Los_Angeles', 'across local midnight', '2027-06-03T23:30:00-07:00', '2027-06-04T00:30:00-07:00', 1],
    ['America/Los_Angeles', 'from midnight to the last second', '2027-06-04T00:00:00-07:00', '2027-06-04T23:59:59-07:00', 0],
    ['UTC', 'the same LA instants, one UTC date', '2027-06-03T23:30:00-07:00', '2027-06-04T00:30:00-07:00', 0],
    // DST: 23-hour and 25-hour days still count as one day.
    ['Europe/Berlin', 'spring forward, 23 h later is tomorrow', '2024-03-30T23:30:00+01:00', '2024-03-31T23:30:00+02:00', 1],
    ['Europe/Berlin', 'fall back, 24 h 40 min later is still today', '2024-10-27T00:10:00+02:00', '2024-10-27T23:50:00+01:00', 0],
    ['Europe/Berlin', 'a month across spring forward', '2024-03-15T12:00:00+01:00', '2024-04-15T12:00:00+02:00', 31],
    ['America/New_York', 'spring forward, 23 h later is tomorrow', '2024-03-09T12:00:00-05:00', '2024-03-10T12:00:00-04:00', 1],
    ['America/New_York', 'fall back, 24 h later is still today', '2024-11-03T00:30:00-04:00', '2024-11-03T23:30:00-05:00', 0],
    // Leap days.
    ['UTC', 'through 29 Feb 2024', '2024-02-28T12:00:00Z', '2024-03-01T12:00:00Z', 2],
    ['UTC', 'no 29 Feb in 2023', '2023-02-28T12:00:00Z', '2023-03-01T12:00:00Z', 1],
    ['America/Los_Angeles', 'through a leap day locally', '2024-02-28T23:00:00-08:00', '2024-03-01T00:30:00-08:00', 2],
    // Backwards.
    ['Europe/Berlin', 'three days ago', '2024-06-04T08:00:00+02:00', '2024-06-01T23:00:00+02:00', -3],
  ])('%s, %s', (timeZone, _name, from, to, expected) => {
    expect(calendarDaysBetween(at(from), at(to), timeZone)).toBe(expected);
  });

  it('rejects an unknown time zone', () => {
    expect(() => calendarDaysBetween(0, 0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
