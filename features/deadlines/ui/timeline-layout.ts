import {
  byUrgency,
  CREDENTIAL_DEADLINE_KINDS,
  deadlinesOf,
  describeCountdown,
  type DeadlineKind,
  type UrgencyMeta,
} from '../countdown';
import { LEVEL_THRESHOLD_DAYS, MS_PER_DAY, PREVIOUS_SECRET_GRACE_DAYS, type Level } from '../rules';
import { startOfDateInput, toDateInput } from '../../entries/ui/dates';

/**
 * Geometry of the planning timeline: one row per entry, the next 12 months left to right, each deadline with
 * the run-up to it in the colours of the levels it passes through (notice 90 days before, soon 30, urgent 7).
 * Pure, so the picture can be tested without a browser.
 */

export const TIMELINE_DAYS = 365;

export interface TimelineOptions {
  timeZone: string;
  locale?: string;
  /** Width of the whole picture in SVG units. */
  width: number;
  /** Room on the left for the entry names. */
  labelWidth: number;
  rowHeight: number;
  axisHeight: number;
}

export interface TimelineMark {
  kind: DeadlineKind;
  at: number;
  x: number;
  level: Level;
  /** "in 12 days · 4 Jun 2027" */
  text: string;
  /** Already past: drawn at the left edge. */
  overdue: boolean;
}

export interface TimelineSpan {
  /** `lead-up`: the level band before a deadline; `overlap`: the days both the old and the new secret work. */
  type: 'lead-up' | 'overlap';
  deadline: DeadlineKind;
  level: Level;
  x1: number;
  x2: number;
}

export interface TimelineRow {
  id: string;
  alias: string;
  /** Top of the row. */
  y: number;
  marks: TimelineMark[];
  spans: TimelineSpan[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  start: number;
  end: number;
  todayX: number;
  /** First day of each month inside the window. */
  ticks: { x: number; label: string }[];
  rows: TimelineRow[];
  /** Entries with no dated deadline at all (no issue date, expiry or authorization). */
  undated: number;
  /** Entries whose deadlines all lie beyond the window and its run-up. */
  later: number;
}

export type TimelineMeta = UrgencyMeta & { id: string };

const LEAD_UP: { level: Level; fromDays: number; toDays: number }[] = [
  { level: 'notice', fromDays: LEVEL_THRESHOLD_DAYS.notice, toDays: LEVEL_THRESHOLD_DAYS.soon },
  { level: 'soon', fromDays: LEVEL_THRESHOLD_DAYS.soon, toDays: LEVEL_THRESHOLD_DAYS.urgent },
  { level: 'urgent', fromDays: LEVEL_THRESHOLD_DAYS.urgent, toDays: 0 },
];

export function layoutTimeline(metas: readonly TimelineMeta[], now: number, options: TimelineOptions): TimelineLayout {
  const { timeZone, width, labelWidth, rowHeight, axisHeight } = options;
  const locale = options.locale ?? 'en-GB';
  const start = now;
  const end = now + TIMELINE_DAYS * MS_PER_DAY;
  const plotLeft = labelWidth;
  const plotRight = width - 8;
  const xOf = (at: number) => plotLeft + ((Math.min(Math.max(at, start), end) - start) / (end - start)) * (plotRight - plotLeft);

  const rows: TimelineRow[] = [];
  let undated = 0;
  let later = 0;
  for (const meta of byUrgency(metas, now, timeZone)) {
    const deadlines = deadlinesOf(meta, now).filter((d) => CREDENTIAL_DEADLINE_KINDS.includes(d.kind));
    if (deadlines.length === 0) {
      undated += 1;
      continue;
    }
    const marks: TimelineMark[] = [];
    const spans: TimelineSpan[] = [];
    for (const deadline of deadlines) {
      const { level, text } = describeCountdown(deadline.at, now, { timeZone, locale });
      if (deadline.kind === 'previous-secret') {
        const from = deadline.at - PREVIOUS_SECRET_GRACE_DAYS * MS_PER_DAY;
        spans.push({ type: 'overlap', deadline: deadline.kind, level, x1: xOf(from), x2: xOf(deadline.at) });
      } else {
        for (const band of LEAD_UP) {
          const x1 = xOf(deadline.at - band.fromDays * MS_PER_DAY);
          const x2 = xOf(deadline.at - band.toDays * MS_PER_DAY);
          if (x2 > x1) spans.push({ type: 'lead-up', deadline: deadline.kind, level: band.level, x1, x2 });
        }
      }
      if (deadline.at <= end) marks.push({ kind: deadline.kind, at: deadline.at, x: xOf(deadline.at), level, text, overdue: level === 'overdue' });
    }
    if (marks.length === 0 && spans.length === 0) {
      later += 1;
      continue;
    }
    rows.push({ id: meta.id, alias: meta.alias, y: axisHeight + rows.length * rowHeight, marks, spans });
  }

  return {
    width,
    height: axisHeight + Math.max(1, rows.length) * rowHeight,
    plotLeft,
    plotRight,
    start,
    end,
    todayX: xOf(now),
    ticks: monthTicks(start, end, timeZone, locale).map(({ at, label }) => ({ x: xOf(at), label })),
    rows,
    undated,
    later,
  };
}

/** The first day of every month after `start` up to `end`: "Feb", "Mar" … and "Jan 2028" where the year turns. */
export function monthTicks(start: number, end: number, timeZone: string, locale = 'en-GB'): { at: number; label: string }[] {
  const month = new Intl.DateTimeFormat(locale, { timeZone, month: 'short' });
  const monthYear = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', year: 'numeric' });
  const [year, monthIndex] = toDateInput(start, timeZone).split('-').map(Number) as [number, number];
  const ticks: { at: number; label: string }[] = [];
  for (let i = 1; i <= 13; i += 1) {
    const m = monthIndex - 1 + i;
    const value = `${String(year + Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    const at = startOfDateInput(value, timeZone)!;
    if (at > end) break;
    ticks.push({ at, label: (m % 12 === 0 ? monthYear : month).format(at) });
  }
  return ticks;
}
