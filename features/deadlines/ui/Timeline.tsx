import { runtimeTimeZone } from '../../../platform/dates';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { RequestError, send } from '../../../platform/client';
import type { DeadlineKind } from '../countdown';
import { LEVEL_THRESHOLD_DAYS, LEVELS_BY_SEVERITY, type Level } from '../rules';
import type { EntryMeta } from '../../vault/schema';
import { LEVEL_LABELS } from './Countdown';
import { useNow } from '../../../components/useNow';
import { Working } from '../../../components/Working';
import { entryHash } from '../../entries/ui/deep-link';
import { layoutTimeline, type LabelBox, type TimelineLayout, type TimelineOptions } from './timeline-layout';

const ROW_HEIGHT = 28;
const LANE_HEIGHT = 18;
/** Axis and name text, in CSS px (styles.css): 1:1, never scaled down. */
const FONT_PX = 12;
/** Narrower frames scroll the picture sideways rather than squeeze 12 months below legibility. */
const MIN_WIDTH = 320;

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
  const [section, setSection] = useState<HTMLElement | null>(null);
  const width = useWidth(section);
  useEffect(() => {
    send('entries.list', {}).then(
      (r) => setEntries(r.entries),
      (e: unknown) => {
        if (e instanceof RequestError && e.code === 'locked') onLocked();
        else setError(e instanceof RequestError ? e.message : 'The entries could not be loaded.');
      },
    );
  }, []);
  const layout = useMemo(
    () => entries && section && width !== undefined && layoutTimeline(entries, now, { ...layoutOptions(Math.max(MIN_WIDTH, width), section), timeZone: runtimeTimeZone() }),
    [entries, now, section, width],
  );

  if (error) return <p class="alert error" role="alert">{error}</p>;
  if (!entries) return <Working label="Laying out the next 12 months…" />;
  return (
    <section class="timeline" aria-labelledby="timeline-title" ref={setSection}>
      <h2 id="timeline-title">Next 12 months</h2>
      {layout && layout.rows.length === 0 && (
        <p class="muted">Nothing is due in the next 12 months. Entries need an issue or expiry date to appear here.</p>
      )}
      {layout && layout.rows.length > 0 && (
        <>
          {/* Narrower than the picture: it scrolls sideways in its frame, which the keyboard can then reach. */}
          <div class="timeline-frame" {...(width !== undefined && layout.width > width ? { tabIndex: 0, role: 'group', 'aria-label': 'Timeline picture' } : {})}>
            <TimelinePicture layout={layout} />
          </div>
          <Legend />
          <DeadlineTable layout={layout} />
        </>
      )}
      {layout && (layout.undated > 0 || layout.later > 0) && (
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

/** Picks the names column and measures the picture's font for a picture `width` px wide. */
function layoutOptions(width: number, frame: HTMLElement): Omit<TimelineOptions, 'timeZone'> {
  const context = document.createElement('canvas').getContext('2d');
  // Measured in the bold weight "Today" uses, a little wider than the rest: an estimate errs on the roomy side.
  if (context) context.font = `600 ${FONT_PX}px ${getComputedStyle(frame).fontFamily}`;
  const textWidth = (text: string) => Math.ceil(context ? context.measureText(text).width : text.length * FONT_PX * 0.62) + 1;
  return { width, labelWidth: Math.round(Math.min(190, Math.max(110, width * 0.22))), rowHeight: ROW_HEIGHT, laneHeight: LANE_HEIGHT, textWidth };
}

/** The element's width in px, followed as the window is resized: the picture is drawn 1:1 so its text never shrinks. */
function useWidth(element: HTMLElement | null): number | undefined {
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

function TimelinePicture({ layout }: { layout: TimelineLayout }) {
  const { width, height, plotLeft, plotRight, axisHeight } = layout;
  return (
    <svg class="timeline-picture" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="timeline-svg-title timeline-svg-desc">
      <title id="timeline-svg-title">Deadlines over the next 12 months</title>
      <desc id="timeline-svg-desc">{summaryOf(layout)}</desc>
      {layout.ticks.map((tick) => (
        <g key={tick.x}>
          <line class="tl-grid" x1={tick.x} x2={tick.x} y1={axisHeight - 8} y2={height} />
          <AxisText class="tl-axis" box={tick.label} />
          {tick.year && <AxisText class="tl-axis tl-year" box={tick.year} />}
        </g>
      ))}
      {layout.rows.map((row, index) => (
        <g key={row.id}>
          {index % 2 === 0 && <rect class="tl-stripe" x={0} y={row.y} width={width} height={ROW_HEIGHT} />}
          <text class="tl-label" x={6} y={row.y + ROW_HEIGHT / 2}>
            {row.name}
          </text>
          {row.spans.map((span) => (
            <rect
              class={`tl-span ${span.type} level-${span.level}`}
              data-legend={span.type === 'overlap' ? 'overlap' : `level-${span.level}`}
              x={span.x1}
              y={row.y + (span.type === 'overlap' ? 6 : 10)}
              width={Math.max(1, span.x2 - span.x1)}
              height={span.type === 'overlap' ? ROW_HEIGHT - 12 : ROW_HEIGHT - 20}
            />
          ))}
          {row.marks.map((mark) => (
            <Mark key={mark.kind} kind={mark.kind} level={mark.level} x={mark.x} y={row.y + ROW_HEIGHT / 2} />
          ))}
        </g>
      ))}
      <line class="tl-today" data-legend="today" x1={layout.todayX} x2={layout.todayX} y1={0} y2={height} />
      <AxisText class="tl-today-label" box={layout.today} />
      <line class="tl-grid" x1={plotRight} x2={plotRight} y1={axisHeight - 8} y2={height} />
      <line class="tl-grid" x1={plotLeft} x2={plotRight} y1={axisHeight - 2} y2={axisHeight - 2} />
    </svg>
  );
}

function AxisText({ box, class: cls }: { box: LabelBox; class: string }) {
  return (
    <text class={cls} x={box.x} y={box.y + box.height / 2}>
      {box.text}
    </text>
  );
}

/** Each kind has its own shape, so the picture does not rely on colour alone. */
function Mark({ kind, level, x, y }: { kind: DeadlineKind; level: Level; x: number; y: number }) {
  const common = { class: `tl-mark level-${level}`, 'data-legend': kind, 'data-level': `level-${level}` };
  if (kind === 'authorization') return <rect {...common} x={x - 5} y={y - 5} width={10} height={10} transform={`rotate(45 ${x} ${y})`} />;
  if (kind === 'previous-secret') return <path {...common} d={`M ${x} ${y - 6} L ${x + 6} ${y + 5} L ${x - 6} ${y + 5} Z`} />;
  return <circle {...common} cx={x} cy={y} r={6} />;
}

/** The timeline draws the credential deadlines (CREDENTIAL_DEADLINE_KINDS), not a Result URL's 5 minutes. */
type MarkKind = Exclude<DeadlineKind, 'result-code'>;

const MARK_LEGEND: Record<MarkKind, string> = {
  secret: 'secret expires',
  'previous-secret': 'previous secret stops working',
  authorization: 'authorization renewal',
};

/** Date unknown has no date to draw: such entries are counted under the picture instead. */
const DRAWN_LEVELS: Level[] = ['ok', 'notice', 'soon', 'urgent', 'overdue'];

function levelLegend(level: Level): string {
  const days = (LEVEL_THRESHOLD_DAYS as Partial<Record<Level, number>>)[level];
  return days === undefined ? LEVEL_LABELS[level] : `${LEVEL_LABELS[level]} (${days} days)`;
}

/** One entry for every shape and colour the picture can draw (each element names its entry in `data-legend`). */
function Legend() {
  return (
    <ul class="tl-legend" aria-label="Legend">
      {(Object.keys(MARK_LEGEND) as MarkKind[]).map((kind) => (
        <li key={kind} data-legend={kind}>
          <svg viewBox="0 0 14 14" aria-hidden="true">
            <Mark kind={kind} level="ok" x={7} y={7} />
          </svg>
          {MARK_LEGEND[kind]}
        </li>
      ))}
      <li data-legend="overlap">
        <svg viewBox="0 0 14 14" aria-hidden="true"><rect class="tl-span overlap level-urgent" x={1} y={3} width={12} height={8} /></svg>
        7 days both secrets work
      </li>
      <li data-legend="today">
        <svg viewBox="0 0 14 14" aria-hidden="true"><line class="tl-today" x1={7} x2={7} y1={0} y2={14} /></svg>
        today
      </li>
      {DRAWN_LEVELS.map((level) => (
        <li key={level} data-legend={`level-${level}`}>
          <svg viewBox="0 0 14 14" aria-hidden="true"><rect class={`tl-swatch level-${level}`} x={1} y={1} width={12} height={12} /></svg>
          {levelLegend(level)}
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
