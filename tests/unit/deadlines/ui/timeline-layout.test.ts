import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, layoutTimeline, monthTicks, type LabelBox, type TimelineLayout } from '../../../../features/deadlines/ui/timeline-layout';
import { entryMeta } from '../fixtures';
import { at, DAY } from '../../support/time';

const NOW = at('2027-01-15T12:00:00Z');
/** About the width of 12 px sans-serif text, a little generous (the browser measures the real font). */
const textWidth = (text: string) => text.length * 7;
const OPTIONS = { timeZone: 'UTC', width: 1000, labelWidth: 200, rowHeight: 30, laneHeight: 18, textWidth };
// Plot runs from x = 200 (today) to x = 992 (today + 365 days).
const xAfterDays = (days: number) => 200 + (days / 365) * 792;

describe('layoutTimeline', () => {
  it('places a deadline by its date and colours the run-up to it by level', () => {
    const meta = entryMeta({ id: 'a', alias: 'Shop A', secretExpiresAt: NOW + 120 * DAY });
    const { rows } = layoutTimeline([meta], NOW, OPTIONS);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.y).toBe(layoutTimeline([meta], NOW, OPTIONS).axisHeight);
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
    const { rows, axisHeight } = layoutTimeline([calm, late], NOW, OPTIONS);
    expect(rows.map((r) => r.alias)).toEqual(['Late', 'Calm']);
    expect(rows[0]!.marks[0]).toMatchObject({ x: 200, overdue: true, level: 'overdue', text: '3 days overdue · 12 Jan 2027' });
    expect(rows[1]!.y).toBe(axisHeight + 30);
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
    expect(layout.height).toBe(layout.axisHeight + 30);
  });
});

describe('monthTicks', () => {
  it('marks the first of each month in the next year, with the year where it turns', () => {
    const ticks = monthTicks(NOW, NOW + 365 * DAY, 'UTC');
    expect(ticks.map((t) => t.label)).toEqual([
      'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec', 'Jan',
    ]);
    expect(ticks.filter((t) => t.year).map((t) => [t.label, t.year])).toEqual([['Jan', '2028']]);
    expect(ticks[0]!.at).toBe(at('2027-02-01T00:00:00Z'));
  });

  it('uses local midnights', () => {
    expect(monthTicks(NOW, NOW + 60 * DAY, 'America/New_York')[0]!.at).toBe(at('2027-02-01T00:00:00-05:00'));
  });
});

const ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Auckland'];
const overlaps = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every way the axis labels can go wrong: overlapping, cut off at either edge, or colliding with "Today". */
function axisProblems(layout: TimelineLayout): string[] {
  const months = layout.ticks.flatMap((t) => (t.year ? [t.label, t.year] : [t.label]));
  const problems: string[] = [];
  for (const box of [layout.today, ...months]) {
    if (box.x < 0 || box.x + box.width > layout.plotRight) problems.push(`${box.text} is cut off (${box.x}–${box.x + box.width})`);
    if (box.y + box.height > layout.axisHeight) problems.push(`${box.text} runs into the rows`);
    if (box.width !== textWidth(box.text)) problems.push(`${box.text} is not measured whole`);
  }
  months.forEach((a, i) => {
    if (overlaps(a, layout.today)) problems.push(`${a.text} collides with ${layout.today.text}`);
    for (const b of months.slice(i + 1)) if (overlaps(a, b)) problems.push(`${a.text} overlaps ${b.text}`);
  });
  return problems;
}

describe('the axis labels', () => {
  const layoutAt = (iso: string, timeZone: string, width = 736) =>
    layoutTimeline([], at(iso), { ...OPTIONS, timeZone, width, labelWidth: Math.round(Math.min(190, Math.max(110, width * 0.22))) });

  it.each([
    ['the first minute of the year', '2027-01-01T00:00:00+01:00', 'Europe/Berlin'],
    ['the last minute of the year', '2027-12-31T23:59:00-08:00', 'America/Los_Angeles'],
    ['the first of a month', '2027-06-01T00:00:00+09:00', 'Asia/Tokyo'],
    ['the last minute of a month', '2027-05-31T23:59:00+09:00', 'Asia/Tokyo'],
    ['the day before the window ends on a first of the month', '2027-12-01T12:00:00Z', 'UTC'],
    ['a DST switch day', '2027-03-28T03:00:00+02:00', 'Europe/Berlin'],
  ])('are whole, apart and clear of Today on %s, at 760 px and at the popup’s width', (_name, iso, timeZone) => {
    for (const width of [736, 920, 336]) {
      const layout = layoutAt(iso, timeZone, width);
      // Every first of a month after today within 365 days: 11 when today is a first and a leap day follows.
      expect(layout.ticks.length, `${width} px`).toBeGreaterThanOrEqual(11);
      expect(axisProblems(layout), `${width} px`).toEqual([]);
    }
  });

  it('keeps December whole when it is the last month of the window', () => {
    const layout = layoutAt('2026-12-10T12:00:00Z', 'UTC');
    const december = layout.ticks.at(-1)!;
    expect(december.label.text).toBe('Dec');
    expect(december.label.x + december.label.width).toBeLessThanOrEqual(layout.plotRight);
    // Too close to the right edge to follow its tick: it ends just before it instead.
    expect(december.label.x + december.label.width).toBeLessThanOrEqual(december.x);
  });

  it('puts Today on its own line and the months on one line when they fit', () => {
    const layout = layoutAt('2027-06-15T12:00:00Z', 'UTC', 1000);
    expect(layout.today).toMatchObject({ text: 'Today, 15 Jun 2027', y: 0 });
    expect(layout.ticks.find((t) => t.year)).toMatchObject({ label: { text: 'Jan', y: 18 }, year: { text: '2028', y: 0 } });
    expect(new Set(layout.ticks.map((t) => t.label.y))).toEqual(new Set([18]));
    expect(layout.axisHeight).toBe(2 * 18 + 8);
  });

  it('moves a month to a second line instead of over its neighbour in a narrow picture', () => {
    const layout = layoutAt('2027-01-15T12:00:00Z', 'UTC', 336);
    expect(new Set(layout.ticks.map((t) => t.label.y)).size).toBeGreaterThan(1);
    expect(axisProblems(layout)).toEqual([]);
  });

  it('never overlaps or cuts a label, for any day, zone and width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2032-12-31T23:59:59Z') }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 320, max: 1400 }),
        (now, timeZone, width) => {
          const layout = layoutTimeline([], now, { ...OPTIONS, timeZone, width, labelWidth: Math.round(Math.min(190, Math.max(110, width * 0.22))) });
          expect(axisProblems(layout)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fitText', () => {
  it('keeps a name that fits and shortens one that does not, within the width', () => {
    expect(fitText('Cleo US', 100, textWidth)).toBe('Cleo US');
    const short = fitText('ShopCtrl 3P Germany and Austria', 100, textWidth);
    expect(short).toBe('ShopCtrl 3P G…');
    expect(textWidth(short)).toBeLessThanOrEqual(100);
  });
});
