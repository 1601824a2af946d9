import { describe, expect, it } from 'vitest';
import { layoutTimeline, monthTicks } from '../../../../features/deadlines/ui/timeline-layout';
import { entryMeta } from '../fixtures';
import { at, DAY } from '../../support/time';

const NOW = at('2027-01-15T12:00:00Z');
const OPTIONS = { timeZone: 'UTC', width: 1000, labelWidth: 200, rowHeight: 30, axisHeight: 40 };
// Plot runs from x = 200 (today) to x = 992 (today + 365 days).
const xAfterDays = (days: number) => 200 + (days / 365) * 792;

describe('layoutTimeline', () => {
  it('places a deadline by its date and colours the run-up to it by level', () => {
    const meta = entryMeta({ id: 'a', alias: 'Shop A', secretExpiresAt: NOW + 120 * DAY });
    const { rows } = layoutTimeline([meta], NOW, OPTIONS);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.y).toBe(40);
    expect(row!.marks).toEqual([
      { kind: 'secret', at: NOW + 120 * DAY, x: xAfterDays(120), level: 'ok', text: 'in 120 days · 15 May 2027', overdue: false },
    ]);
    expect(row!.spans.map((s) => [s.level, s.x1, s.x2])).toEqual([
      ['notice', xAfterDays(30), xAfterDays(90)],
      ['soon', xAfterDays(90), xAfterDays(113)],
      ['urgent', xAfterDays(113), xAfterDays(120)],
    ]);
  });

  it('draws the previous secret’s 7 days as an overlap, cut at today', () => {
    const meta = entryMeta({ id: 'a', alias: 'Shop A', secretIssuedAt: NOW - 2 * DAY, previousSecretExpiresAt: NOW + 5 * DAY });
    const [row] = layoutTimeline([meta], NOW, OPTIONS).rows;
    const overlap = row!.spans.find((s) => s.type === 'overlap');
    expect(overlap).toMatchObject({ deadline: 'previous-secret', level: 'urgent', x1: 200, x2: xAfterDays(5) });
    expect(row!.marks.map((m) => m.kind)).toEqual(['secret', 'previous-secret']);
  });

  it('pins an overdue deadline to today and lists the most urgent entry first', () => {
    const calm = entryMeta({ id: 'b', alias: 'Calm', authorizedAt: NOW - 100 * DAY });
    const late = entryMeta({ id: 'c', alias: 'Late', secretExpiresAt: NOW - 3 * DAY });
    const { rows } = layoutTimeline([calm, late], NOW, OPTIONS);
    expect(rows.map((r) => r.alias)).toEqual(['Late', 'Calm']);
    expect(rows[0]!.marks[0]).toMatchObject({ x: 200, overdue: true, level: 'overdue', text: '3 days overdue · 12 Jan 2027' });
    expect(rows[1]!.y).toBe(70);
    expect(rows[1]!.marks[0]).toMatchObject({ kind: 'authorization', x: xAfterDays(265) });
  });

  it('keeps a deadline just past the window for its run-up, and counts entries it cannot draw', () => {
    const soonAfter = entryMeta({ id: 'd', alias: 'Next year', secretExpiresAt: NOW + 400 * DAY });
    const farAway = entryMeta({ id: 'e', alias: 'Far', secretExpiresAt: NOW + 500 * DAY });
    const undated = entryMeta({ id: 'f', alias: 'No dates' });
    const layout = layoutTimeline([soonAfter, farAway, undated], NOW, OPTIONS);
    expect(layout.rows.map((r) => r.alias)).toEqual(['Next year']);
    expect(layout.rows[0]!.marks).toEqual([]);
    expect(layout.rows[0]!.spans[0]).toMatchObject({ level: 'notice', x1: xAfterDays(310), x2: 992 });
    expect(layout.later).toBe(1);
    expect(layout.undated).toBe(1);
    expect(layout.height).toBe(70);
  });
});

describe('monthTicks', () => {
  it('marks the first of each month in the next year, with the year where it turns', () => {
    const ticks = monthTicks(NOW, NOW + 365 * DAY, 'UTC');
    expect(ticks.map((t) => t.label)).toEqual([
      'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec', 'Jan 2028',
    ]);
    expect(ticks[0]!.at).toBe(at('2027-02-01T00:00:00Z'));
  });

  it('uses local midnights', () => {
    expect(monthTicks(NOW, NOW + 60 * DAY, 'America/New_York')[0]!.at).toBe(at('2027-02-01T00:00:00-05:00'));
  });
});
