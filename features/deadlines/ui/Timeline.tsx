import { useEffect, useMemo, useState } from 'preact/hooks';
import { RequestError, send } from '../../../platform/client';
import { runtimeTimeZone } from '../calendar';
import { formatDate } from '../../../platform/dates';
import type { DeadlineKind } from '../countdown';
import { LEVELS_BY_SEVERITY, type Level } from '../rules';
import type { EntryMeta } from '../../vault/schema';
import { LEVEL_LABELS } from './Countdown';
import { useNow } from '../../../components/useNow';
import { Working } from '../../../components/Working';
import { entryHash } from '../../entries/ui/deep-link';
import { layoutTimeline, type TimelineLayout, type TimelineMark } from './timeline-layout';

const SIZE = { width: 920, labelWidth: 190, rowHeight: 28, axisHeight: 40 };

const KIND_NAMES: Record<DeadlineKind, string> = {
  secret: 'Client secret expires',
  'previous-secret': 'Previous secret stops working',
  authorization: 'Authorization renewal',
  'result-code': 'Result URL code expires',
};

/** The planning view: every entry's deadlines over the next 12 months, as a picture and as a table. */
export function Timeline({ onLocked }: { onLocked: () => void }) {
  const [entries, setEntries] = useState<EntryMeta[]>();
  const [error, setError] = useState('');
  const now = useNow(60_000);
  useEffect(() => {
    send('entries.list', {}).then(
      (r) => setEntries(r.entries),
      (e: unknown) => {
        if (e instanceof RequestError && e.code === 'locked') onLocked();
        else setError(e instanceof RequestError ? e.message : 'The entries could not be loaded.');
      },
    );
  }, []);
  const layout = useMemo(() => entries && layoutTimeline(entries, now, { ...SIZE, timeZone: runtimeTimeZone() }), [entries, now]);

  if (error) return <p class="alert error" role="alert">{error}</p>;
  if (!layout) return <Working label="Laying out the next 12 months…" />;
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Next 12 months</h2>
      {layout.rows.length === 0 ? (
        <p class="muted">Nothing is due in the next 12 months. Entries need an issue or expiry date to appear here.</p>
      ) : (
        <>
          <TimelinePicture layout={layout} />
          <Legend />
          <DeadlineTable layout={layout} />
        </>
      )}
      {(layout.undated > 0 || layout.later > 0) && (
        <p class="field-hint">
          {layout.undated > 0 && `${layout.undated} ${layout.undated === 1 ? 'entry has' : 'entries have'} no dates yet. `}
          {layout.later > 0 && `${layout.later} ${layout.later === 1 ? 'entry is' : 'entries are'} not due within the next 15 months.`}
        </p>
      )}
    </section>
  );
}

function summaryOf(layout: TimelineLayout): string {
  const marks = layout.rows.flatMap((row) => row.marks);
  const counts = LEVELS_BY_SEVERITY.filter((level) => level !== 'ok')
    .reverse()
    .map((level) => [level, marks.filter((m) => m.level === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${LEVEL_LABELS[level].toLowerCase()}`);
  const levels = counts.length > 0 ? ` (${counts.join(', ')})` : '';
  return `${marks.length} deadlines of ${layout.rows.length} entries between today and the same day next year${levels}. The table below lists each one.`;
}

function TimelinePicture({ layout }: { layout: TimelineLayout }) {
  const { width, height, plotLeft, plotRight } = layout;
  const axisHeight = SIZE.axisHeight;
  return (
    <svg class="timeline-picture" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="timeline-svg-title timeline-svg-desc">
      <title id="timeline-svg-title">Deadlines over the next 12 months</title>
      <desc id="timeline-svg-desc">{summaryOf(layout)}</desc>
      {layout.ticks.map((tick) => (
        <g key={tick.x}>
          <line class="tl-grid" x1={tick.x} x2={tick.x} y1={axisHeight - 8} y2={height} />
          <text class="tl-axis" x={tick.x + 3} y={axisHeight - 12}>
            {tick.label}
          </text>
        </g>
      ))}
      {layout.rows.map((row, index) => (
        <g key={row.id}>
          {index % 2 === 0 && <rect class="tl-stripe" x={0} y={row.y} width={width} height={SIZE.rowHeight} />}
          <text class="tl-label" x={6} y={row.y + SIZE.rowHeight / 2 + 4}>
            {row.alias.length > 26 ? `${row.alias.slice(0, 25)}…` : row.alias}
          </text>
          {row.spans.map((span) => (
            <rect
              class={`tl-span ${span.type} level-${span.level}`}
              x={span.x1}
              y={row.y + (span.type === 'overlap' ? 6 : 10)}
              width={Math.max(1, span.x2 - span.x1)}
              height={span.type === 'overlap' ? SIZE.rowHeight - 12 : SIZE.rowHeight - 20}
            />
          ))}
          {row.marks.map((mark) => (
            <Mark key={mark.kind} mark={mark} y={row.y + SIZE.rowHeight / 2} />
          ))}
        </g>
      ))}
      <line class="tl-today" x1={layout.todayX} x2={layout.todayX} y1={axisHeight - 26} y2={height} />
      <text class="tl-today-label" x={layout.todayX + 3} y={axisHeight - 24}>
        Today, {formatDate(layout.start, runtimeTimeZone())}
      </text>
      <line class="tl-grid" x1={plotRight} x2={plotRight} y1={axisHeight - 8} y2={height} />
      <line class="tl-grid" x1={plotLeft} x2={plotRight} y1={axisHeight - 2} y2={axisHeight - 2} />
    </svg>
  );
}

/** Each kind has its own shape, so the picture does not rely on colour alone. */
function Mark({ mark, y }: { mark: TimelineMark; y: number }) {
  const cls = `tl-mark level-${mark.level}`;
  if (mark.kind === 'authorization') {
    return <rect class={cls} x={mark.x - 5} y={y - 5} width={10} height={10} transform={`rotate(45 ${mark.x} ${y})`} />;
  }
  if (mark.kind === 'previous-secret') {
    return <path class={cls} d={`M ${mark.x} ${y - 6} L ${mark.x + 6} ${y + 5} L ${mark.x - 6} ${y + 5} Z`} />;
  }
  return <circle class={cls} cx={mark.x} cy={y} r={6} />;
}

function Legend() {
  const levels: Level[] = ['notice', 'soon', 'urgent', 'overdue'];
  return (
    <ul class="tl-legend" aria-label="Legend">
      <li>
        <svg viewBox="0 0 14 14" aria-hidden="true"><circle class="tl-mark level-ok" cx={7} cy={7} r={6} /></svg> secret expires
      </li>
      <li>
        <svg viewBox="0 0 14 14" aria-hidden="true"><rect class="tl-mark level-ok" x={2} y={2} width={10} height={10} transform="rotate(45 7 7)" /></svg> authorization renewal
      </li>
      <li>
        <svg viewBox="0 0 14 14" aria-hidden="true"><rect class="tl-span overlap level-urgent" x={0} y={3} width={14} height={8} /></svg> 7 days both secrets work
      </li>
      {levels.map((level) => (
        <li key={level}>
          <svg viewBox="0 0 14 14" aria-hidden="true"><rect class={`tl-span lead-up level-${level}`} x={0} y={4} width={14} height={6} /></svg>{' '}
          {LEVEL_LABELS[level]}
          {level === 'notice' ? ' (90 days)' : level === 'soon' ? ' (30 days)' : level === 'urgent' ? ' (7 days)' : ''}
        </li>
      ))}
    </ul>
  );
}

function DeadlineTable({ layout }: { layout: TimelineLayout }) {
  const items = layout.rows
    .flatMap((row) => row.marks.map((mark) => ({ row, mark })))
    .sort((a, b) => a.mark.at - b.mark.at);
  return (
    <table class="tl-table">
      <caption>Every deadline in the next 12 months, soonest first</caption>
      <thead>
        <tr>
          <th scope="col">Entry</th>
          <th scope="col">Deadline</th>
          <th scope="col">When</th>
          <th scope="col">Level</th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ row, mark }) => (
          <tr key={`${row.id}-${mark.kind}`}>
            <td>
              <a href={entryHash(row.id)}>{row.alias}</a>
            </td>
            <td>{KIND_NAMES[mark.kind]}</td>
            <td>{mark.text}</td>
            <td>
              <span class={`level-text level-${mark.level}`}>{LEVEL_LABELS[mark.level]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
