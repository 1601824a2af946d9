import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, formatTime, wallClockParts } from '../../../platform/dates';
import { at } from '../support/time';

describe('formatDate: one format, "4 Jun 2027", the date the instant has in the zone', () => {
  it('shows the same instant as the local date of each zone', () => {
    const instant = at('2027-06-04T22:30:00Z');
    expect(formatDate(instant, 'UTC')).toBe('4 Jun 2027');
    expect(formatDate(instant, 'Asia/Tokyo')).toBe('5 Jun 2027');
    expect(formatDate(instant, 'Pacific/Auckland')).toBe('5 Jun 2027');
    expect(formatDate(instant, 'America/Los_Angeles')).toBe('4 Jun 2027');
    expect(formatDate(instant, 'America/Los_Angeles', 'en-US')).toBe('Jun 4, 2027');
  });

  it.each([
    // Day boundaries: the last minute of a day and the first of the next.
    ['Asia/Tokyo', 'last minute of the day', '2027-06-04T23:59:00+09:00', '4 Jun 2027'],
    ['Asia/Tokyo', 'local midnight, still the previous UTC date', '2027-06-05T00:00:00+09:00', '5 Jun 2027'],
    ['Asia/Tokyo', 'new year, a UTC afternoon', '2027-01-01T00:00:00+09:00', '1 Jan 2027'],
    ['America/Los_Angeles', 'late evening, already the next UTC date', '2027-12-31T23:30:00-08:00', '31 Dec 2027'],
    // DST switch days: the repeated and the skipped hour belong to their day.
    ['Europe/Berlin', 'last minute before spring forward', '2027-03-28T01:59:00+01:00', '28 Mar 2027'],
    ['Europe/Berlin', 'first minute after spring forward', '2027-03-28T03:00:00+02:00', '28 Mar 2027'],
    ['Europe/Berlin', 'the repeated hour of fall back', '2027-10-31T02:30:00+01:00', '31 Oct 2027'],
    ['Europe/Berlin', 'local midnight after fall back', '2027-11-01T00:00:00+01:00', '1 Nov 2027'],
    ['America/Los_Angeles', 'the night of spring forward', '2027-03-14T03:30:00-07:00', '14 Mar 2027'],
    ['America/Los_Angeles', 'last minute of the 25-hour fall-back day', '2027-11-07T23:59:00-08:00', '7 Nov 2027'],
    ['Asia/Kolkata', 'a half-hour zone just after midnight', '2027-06-04T00:15:00+05:30', '4 Jun 2027'],
  ])('%s, %s: %s', (timeZone, _name, instant, expected) => {
    expect(formatDate(at(instant), timeZone)).toBe(expected);
  });
});

describe('formatTime and formatDateTime: 24-hour clock, only where the time matters', () => {
  it.each([
    ['Europe/Berlin', 'a minute before spring forward', '2027-03-28T00:59:00Z', '01:59'],
    ['Europe/Berlin', 'a minute later the clock jumps to 03:00', '2027-03-28T01:00:00Z', '03:00'],
    ['Europe/Berlin', 'the first 02:30 of fall back (CEST)', '2027-10-31T00:30:00Z', '02:30'],
    ['Europe/Berlin', 'the second 02:30 of fall back (CET)', '2027-10-31T01:30:00Z', '02:30'],
    ['America/Los_Angeles', 'a minute before spring forward', '2027-03-14T09:59:00Z', '01:59'],
    ['America/Los_Angeles', 'a minute later the clock jumps to 03:00', '2027-03-14T10:00:00Z', '03:00'],
    ['America/Los_Angeles', 'the first 01:30 of fall back (PDT)', '2027-11-07T08:30:00Z', '01:30'],
    ['America/Los_Angeles', 'the second 01:30 of fall back (PST)', '2027-11-07T09:30:00Z', '01:30'],
    ['Asia/Tokyo', 'midnight is 00:00, not 24:00', '2027-06-04T15:00:00Z', '00:00'],
  ])('%s, %s: %s', (timeZone, _name, instant, expected) => {
    expect(formatTime(at(instant), timeZone)).toBe(expected);
  });

  it('puts the date first and the time after it, both in the zone', () => {
    expect(formatDateTime(at('2027-06-04T14:59:00Z'), 'Asia/Tokyo')).toBe('4 Jun 2027, 23:59');
    expect(formatDateTime(at('2027-06-04T15:00:00Z'), 'Asia/Tokyo')).toBe('5 Jun 2027, 00:00');
    expect(formatDateTime(at('2027-10-31T01:30:00Z'), 'Europe/Berlin')).toBe('31 Oct 2027, 02:30');
    expect(formatDateTime(at('2027-03-14T10:00:00Z'), 'America/Los_Angeles')).toBe('14 Mar 2027, 03:00');
  });
});

describe('formatMonth', () => {
  it('names the month of the zone', () => {
    const newYear = at('2028-01-01T00:00:00+09:00');
    expect(formatMonth(newYear, 'Asia/Tokyo')).toBe('Jan');
    expect(formatMonth(newYear, 'UTC')).toBe('Dec');
  });
});

describe('wallClockParts', () => {
  it('reads the local wall clock, across a DST switch', () => {
    expect(wallClockParts(at('2027-03-28T01:00:00Z'), 'Europe/Berlin')).toEqual({ year: 2027, month: 3, day: 28, hour: 3, minute: 0, second: 0 });
    expect(wallClockParts(at('2027-11-07T09:30:15Z'), 'America/Los_Angeles')).toEqual({ year: 2027, month: 11, day: 7, hour: 1, minute: 30, second: 15 });
    expect(wallClockParts(at('2027-06-04T15:00:00Z'), 'Asia/Tokyo')).toEqual({ year: 2027, month: 6, day: 5, hour: 0, minute: 0, second: 0 });
  });

  it('rejects an unknown time zone', () => {
    expect(() => wallClockParts(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('answers an instant asked again from what it worked out, per zone, and nobody can change that answer', () => {
    const instant = at('2027-03-28T01:00:00Z');
    const berlin = wallClockParts(instant, 'Europe/Berlin');
    expect(wallClockParts(instant, 'Europe/Berlin')).toBe(berlin);
    expect(wallClockParts(instant, 'UTC')).toEqual({ year: 2027, month: 3, day: 28, hour: 1, minute: 0, second: 0 });
    expect(() => ((berlin as { hour: number }).hour = 0)).toThrow(TypeError);
    expect(wallClockParts(instant, 'Europe/Berlin').hour).toBe(3);
  });
});
