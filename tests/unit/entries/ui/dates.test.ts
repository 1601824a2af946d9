import { describe, expect, it } from 'vitest';
import { startOfDateInput, toDateInput } from '../../../../features/entries/ui/dates';
import { at } from '../../support/time';

describe('date inputs', () => {
  it('reads a date as local midnight in the given zone', () => {
    expect(startOfDateInput('2027-06-04', 'UTC')).toBe(at('2027-06-04T00:00:00Z'));
    expect(startOfDateInput('2027-06-04', 'Europe/Berlin')).toBe(at('2027-06-04T00:00:00+02:00'));
    expect(startOfDateInput('2027-01-04', 'Europe/Berlin')).toBe(at('2027-01-04T00:00:00+01:00'));
    expect(startOfDateInput('2027-06-04', 'America/Los_Angeles')).toBe(at('2027-06-04T00:00:00-07:00'));
  });

  it('finds midnight on the days clocks change', () => {
    expect(startOfDateInput('2027-03-28', 'Europe/Berlin')).toBe(at('2027-03-28T00:00:00+01:00'));
    expect(startOfDateInput('2027-10-31', 'Europe/Berlin')).toBe(at('2027-10-31T00:00:00+02:00'));
  });

  it('refuses what is not a real date', () => {
    for (const value of ['', '2027-02-30', '2027-13-01', '4 Jun 2027', '2027-6-4']) {
      expect(startOfDateInput(value, 'UTC')).toBeUndefined();
    }
  });

  it('shows an instant as the date it has in the zone', () => {
    const instant = at('2027-06-03T23:30:00Z');
    expect(toDateInput(instant, 'UTC')).toBe('2027-06-03');
    expect(toDateInput(instant, 'Europe/Berlin')).toBe('2027-06-04');
    expect(toDateInput(startOfDateInput('2027-06-04', 'Asia/Tokyo')!, 'Asia/Tokyo')).toBe('2027-06-04');
  });
});
