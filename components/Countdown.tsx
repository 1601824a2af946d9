import { describeCountdown } from '../utils/rotation/countdown';
import type { Level } from '../utils/rotation/rules';

/** Said and shown with every countdown, so the level never depends on colour alone. */
export const LEVEL_LABELS: Record<Level, string> = {
  ok: 'OK',
  notice: 'Notice',
  soon: 'Soon',
  urgent: 'Urgent',
  overdue: 'Overdue',
};

interface Props {
  /** The deadline (epoch ms). */
  at: number;
  now: number;
  /** What runs out, e.g. "Secret"; shown before the countdown. */
  label?: string;
  timeZone?: string;
}

/** A chip such as "Soon · Secret in 12 days · 4 Jun 2027", coloured by level. */
export function Countdown({ at, now, label, timeZone }: Props) {
  const countdown = describeCountdown(at, now, { timeZone });
  return (
    <span class={`countdown level-${countdown.level}`} data-level={countdown.level}>
      <span class="countdown-level">{LEVEL_LABELS[countdown.level]}</span>
      <span class="countdown-text">
        {label ? `${label} ` : ''}
        {countdown.text}
      </span>
    </span>
  );
}
