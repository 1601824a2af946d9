import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../../../platform/dates';
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
