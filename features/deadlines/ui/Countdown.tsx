import { localDayNumber } from '../calendar';
import { formatDate, runtimeTimeZone } from '../../../platform/dates';
import { daysAndLevel, relativeDays } from '../countdown';
import type { Level } from '../rules';

/** Said and shown with every countdown, so the level never depends on colour alone. */
export const LEVEL_LABELS: Record<Level, string> = {
  ok: 'OK',
  notice: 'Notice',
  soon: 'Soon',
  unknown: 'Date unknown',
  urgent: 'Urgent',
  overdue: 'Overdue',
  failing: 'Check failing',
};

/**
 * The user's zone and today's local day number, computed once per render of a list: asking the runtime for its
 * zone creates an Intl formatter, which costs more than the whole countdown.
 */
export interface Today {
  timeZone: string;
  dayNumber: number;
}

export function todayOf(now: number, timeZone = runtimeTimeZone()): Today {
  return { timeZone, dayNumber: localDayNumber(now, timeZone) };
}

interface Props {
  /** The deadline (epoch ms). */
  at: number;
  now: number;
  /** What runs out, e.g. "Secret"; shown before the countdown. */
  label?: string;
  today?: Today;
}

/** A chip such as "SOON Secret in 12 days · 4 Jun 2027", coloured by level, the level also in words. */
export function Countdown({ at, now, label, today = todayOf(now) }: Props) {
  const { daysLeft, msLeft, level } = daysAndLevel(at, now, today.dayNumber, today.timeZone);
  return (
    <span class={`countdown level-${level}`} data-level={level}>
      <span class="countdown-level">{LEVEL_LABELS[level]}</span>
      <span class="countdown-text">
        {label ? `${label} ` : ''}
        {relativeDays(daysLeft, msLeft)} · {formatDate(at, today.timeZone)}
      </span>
    </span>
  );
}
