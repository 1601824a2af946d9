import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, runtimeTimeZone, wallClockParts } from '../../../platform/dates';
import { at } from '../support/time';

// Without a zone, the formatters use the runtime's, as in the browser: here the process runs in Tokyo.
const original = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Tokyo';
});
afterAll(() => {
  process.env.TZ = original;
});

describe('formatting in the runtime zone', () => {
  it('shows the local date and time of the machine, not UTC', () => {
    const instant = at('2027-12-31T15:30:00Z');
    expect(formatDate(instant)).toBe('1 Jan 2028');
    expect(formatTime(instant)).toBe('00:30');
    expect(formatDateTime(instant)).toBe('1 Jan 2028, 00:30');
  });
});

describe('wall-clock parts in the runtime zone (read from Date)', () => {
  afterEach(() => {
    process.env.TZ = 'Asia/Tokyo';
  });

  it.each([
    // DST switches of an hour, of half an hour (Lord Howe), a 45-minute offset, and the southern hemisphere.
    ['America/Los_Angeles', ['2027-03-14T10:00:00Z', '2027-11-07T09:00:00Z']],
    ['Europe/Berlin', ['2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z']],
    ['Australia/Lord_Howe', ['2027-04-03T15:00:00Z', '2027-10-02T15:30:00Z']],
    ['Asia/Kathmandu', ['2027-06-04T18:15:00Z']],
    ['America/Santiago', ['2027-04-04T03:00:00Z', '2027-09-05T04:00:00Z']],
  ])('match what Intl formats in %s, every 7.5 minutes around each switch', (name, switches) => {
    process.env.TZ = 'UTC';
    expect(runtimeTimeZone()).toBe('UTC'); // so the first parts below come from Intl's formatToParts (dates.test.ts)
    process.env.TZ = name;
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone; // Asia/Kathmandu is "Asia/Katmandu"
    const instants = switches.map(at).flatMap((instant) => Array.from({ length: 81 }, (_, i) => instant + (i - 40) * 450_000 + (i % 3) * 1_234));
    const formatted = instants.map((t) => wallClockParts(t, zone));
    expect(runtimeTimeZone()).toBe(zone);
    instants.forEach((t, i) => expect(wallClockParts(t, zone), new Date(t).toISOString()).toEqual(formatted[i]));
  });

  it('follow the machine to a new zone at the next ask, and leave every other zone to Intl', () => {
    const instant = at('2027-06-04T15:00:00Z');
    expect(wallClockParts(instant, runtimeTimeZone())).toMatchObject({ day: 5, hour: 0 }); // Tokyo
    expect(wallClockParts(instant, 'Europe/Berlin')).toMatchObject({ day: 4, hour: 17 });
    process.env.TZ = 'America/New_York';
    expect(wallClockParts(instant, runtimeTimeZone())).toMatchObject({ day: 4, hour: 11 });
    expect(wallClockParts(instant, 'Asia/Tokyo')).toMatchObject({ day: 5, hour: 0 });
    expect(() => ((wallClockParts(instant, 'America/New_York') as { hour: number }).hour = 1)).toThrow(TypeError);
  });
});
