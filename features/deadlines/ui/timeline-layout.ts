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
import { DISPLAY_LOCALE, formatDate, formatMonth } from '../../../platform/dates';

/**
 * Geometry of the planning timeline: one row per entry, the next 12 months left to right, each deadline with
 * the run-up to it in the colours of the levels it passes through (notice 90 days before, soon 30, urgent 7).
 * Everything is in CSS pixels (the picture is drawn 1:1, never scaled), and the axis labels are placed so that
 * none is cut off or overlaps another. Pure, so the picture can be tested without a browser.
 */

export const TIMELINE_DAYS = 365;

export interface TimelineOptions {
  timeZone: string;
  locale?: string;
  /** Width of the whole picture in CSS px. */
  width: number;
  /** Room on the left for the entry names. */
  labelWidth: number;
  rowHeight: number;
  /** Height of one line of axis labels. */
  laneHeight: number;
  /** Width in px of a label in the picture's font (measured by the browser; estimated in tests). */
  textWidth: (text: string) => number;
}

/** Where a text sits: its box in the picture's px, so overlap and clipping can be checked. */
export interface LabelBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
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
  /** The alias as drawn: shortened with "…" to fit the names column. */
  name: string;
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
  /** Bottom of the axis labels, where the rows start. */
  axisHeight: number;
  /** "Today, 23 May 2027", on a line of its own above the months. */
  today: LabelBox;
  /** First day of each month inside the window, each with its label. */
  ticks: AxisTick[];
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
  const { timeZone, width, labelWidth, rowHeight, textWidth } = options;
  const locale = options.locale ?? DISPLAY_LOCALE;
  const start = now;
  const end = now + TIMELINE_DAYS * MS_PER_DAY;
  const plotLeft = labelWidth;
  const plotRight = width - 8;
  const xOf = (at: number) => plotLeft + ((Math.min(Math.max(at, start), end) - start) / (end - start)) * (plotRight - plotLeft);
  const axis = placeAxisLabels(
    monthTicks(start, end, timeZone, locale).map(({ at, label, year }) => ({ x: xOf(at), text: label, year })),
    { text: `Today, ${formatDate(now, timeZone, locale)}`, x: xOf(now) },
    { left: plotLeft, right: plotRight, laneHeight: options.laneHeight, textWidth },
  );
  const axisHeight = axis.height;

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
    rows.push({ id: meta.id, alias: meta.alias, name: fitText(meta.alias, labelWidth - 12, textWidth), y: axisHeight + rows.length * rowHeight, marks, spans });
  }

  return {
    width,
    height: axisHeight + Math.max(1, rows.length) * rowHeight,
    plotLeft,
    plotRight,
    start,
    end,
    todayX: xOf(now),
    axisHeight,
    today: axis.today,
    ticks: axis.ticks,
    rows,
    undated,
    later,
  };
}

/** The first day of every month after `start` up to `end`: "Feb", "Mar" …, with the year where it turns. */
export function monthTicks(start: number, end: number, timeZone: string, locale = DISPLAY_LOCALE): { at: number; label: string; year?: string }[] {
  const [year, monthIndex] = toDateInput(start, timeZone).split('-').map(Number) as [number, number];
  const ticks: { at: number; label: string; year?: string }[] = [];
  for (let i = 1; i <= 13; i += 1) {
    const m = monthIndex - 1 + i;
    const value = `${String(year + Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    const at = startOfDateInput(value, timeZone)!;
    if (at > end) break;
    const label = formatMonth(at, timeZone, locale);
    ticks.push(m % 12 === 0 ? { at, label, year: String(year + m / 12) } : { at, label });
  }
  return ticks;
}

/** Space kept between two labels on one line, and between a tick and its label. */
const LABEL_GAP = 6;
const TICK_PAD = 3;
/** Room under the labels for the ticks to start. */
const TICK_ROOM = 8;

export interface AxisTick {
  x: number;
  label: LabelBox;
  /** "2028" above the January tick. */
  year?: LabelBox;
}

/**
 * Lays out the axis: "Today" first on the top line; each month label just right of its tick, or just left of it
 * where it would pass the right edge, on the first line below where it overlaps nothing (a narrow picture gets
 * a second or third line of months instead of labels drawn over each other or cut off); then each year label
 * at its January, on the top line if it clears "Today", else on the first free line.
 */
export function placeAxisLabels(
  ticks: readonly { x: number; text: string; year?: string }[],
  today: { x: number; text: string },
  bounds: { left: number; right: number; laneHeight: number; textWidth: (text: string) => number },
): { today: LabelBox; ticks: AxisTick[]; height: number } {
  const { left, right, laneHeight, textWidth } = bounds;
  const lanes: LabelBox[][] = [];
  const place = (text: string, tickX: number, firstLane: number): LabelBox => {
    const width = textWidth(text);
    const fitsRight = tickX + TICK_PAD + width <= right;
    const x = Math.max(0, fitsRight ? tickX + TICK_PAD : Math.max(left, tickX - TICK_PAD - width));
    let lane = firstLane;
    while (lanes[lane]?.some((b) => x < b.x + b.width + LABEL_GAP && b.x < x + width + LABEL_GAP)) lane += 1;
    const box = { text, x, y: lane * laneHeight, width, height: laneHeight };
    (lanes[lane] ??= []).push(box);
    return box;
  };
  const todayBox = place(today.text, today.x, 0);
  const months = ticks.map((tick) => ({ x: tick.x, label: place(tick.text, tick.x, 1) }));
  const placed = months.map((tick, i) => {
    const year = ticks[i]!.year;
    return year === undefined ? tick : { ...tick, year: place(year, tick.x, 0) };
  });
  return { today: todayBox, ticks: placed, height: lanes.length * laneHeight + TICK_ROOM };
}

/** `text`, or as much of it as fits in `maxWidth` followed by "…". */
export function fitText(text: string, maxWidth: number, textWidth: (text: string) => number): string {
  if (textWidth(text) <= maxWidth) return text;
  let length = text.length - 1;
  while (length > 0 && textWidth(`${text.slice(0, length).trimEnd()}…`) > maxWidth) length -= 1;
  return `${text.slice(0, length).trimEnd()}…`;
}
