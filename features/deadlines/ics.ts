import { CREDENTIAL_DEADLINE_KINDS, deadlinesOf, type DeadlineKind, type DeadlineMeta } from './countdown';
import { DEFAULT_REMINDER_THRESHOLDS, normalizeThresholds, OVERDUE_THRESHOLD } from './reminders';
import { MS_PER_DAY, PREVIOUS_SECRET_GRACE_DAYS } from './rules';
import type { EntryMeta } from '../vault/schema';

/**
 * Every upcoming credential deadline as an iCalendar file (RFC 5545): one VEVENT per entry and deadline, with a
 * VALARM at each reminder threshold still ahead. Built from metadata only, so it never holds a secret.
 */

export type CalendarMeta = DeadlineMeta & Pick<EntryMeta, 'id' | 'alias'> & Partial<Pick<EntryMeta, 'kind'>>;

export interface CalendarOptions {
  thresholds?: readonly number[];
  /** Length of each event; the deadline itself is an instant. */
  durationMinutes?: number;
}

export const CALENDAR_PRODID = '-//LWA Vault//Rotation deadlines//EN';
const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

const SUMMARIES: Record<DeadlineKind, string> = {
  secret: 'client secret expires',
  'previous-secret': 'previous client secret stops working',
  authorization: 'authorization renewal due',
  'result-code': 'Result URL code expires',
};

export function calendarFor(metas: readonly CalendarMeta[], now: number, options: CalendarOptions = {}): string {
  const thresholds = normalizeThresholds(options.thresholds ?? DEFAULT_REMINDER_THRESHOLDS);
  const duration = options.durationMinutes ?? 15;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${CALENDAR_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('LWA Vault deadlines')}`,
  ];
  const stamp = formatUtc(now);
  for (const meta of metas) {
    for (const deadline of deadlinesOf(meta, now)) {
      if (!CREDENTIAL_DEADLINE_KINDS.includes(deadline.kind) || deadline.at <= now) continue;
      const central = meta.kind === 'vendor' ? 'Vendor Central' : 'Seller Central';
      lines.push(
        'BEGIN:VEVENT',
        `UID:${escapeText(calendarUid(meta.id, deadline.kind))}`,
        `DTSTAMP:${stamp}`,
        `DTSTART:${formatUtc(deadline.at)}`,
        `DURATION:PT${duration}M`,
        `SUMMARY:${escapeText(`${meta.alias}: ${SUMMARIES[deadline.kind]}`)}`,
        `DESCRIPTION:${escapeText(describe(deadline.kind, deadline.stated, central))}`,
        'TRANSP:TRANSPARENT',
        'CATEGORIES:LWA Vault',
      );
      for (const threshold of alarmThresholds(deadline.kind, thresholds)) {
        if (deadline.at - threshold * MS_PER_DAY <= now) continue; // an alarm in the past would fire on import
        lines.push(
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `TRIGGER:${threshold === OVERDUE_THRESHOLD ? 'PT0S' : `-P${threshold}D`}`,
          `DESCRIPTION:${escapeText(`${meta.alias}: ${SUMMARIES[deadline.kind]}`)}`,
          'END:VALARM',
        );
      }
      lines.push('END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Stable per entry and deadline kind, so re-importing an updated calendar moves the event instead of adding one. */
export function calendarUid(entryId: string, kind: DeadlineKind): string {
  return `${entryId}-${kind}@lwa-vault`;
}

/** Same rule as the notifications: the previous secret only inside its 7-day grace. */
function alarmThresholds(kind: DeadlineKind, thresholds: readonly number[]): readonly number[] {
  return kind === 'previous-secret' ? thresholds.filter((t) => t < PREVIOUS_SECRET_GRACE_DAYS) : thresholds;
}

function describe(kind: DeadlineKind, stated: boolean, central: string): string {
  const source = stated ? 'Date stated by Amazon.' : 'Date computed by LWA Vault from the issue or authorization time.';
  switch (kind) {
    case 'secret':
      return `Rotate the LWA client secret in Developer Central before this time; API calls fail after it.\n${source}`;
    case 'previous-secret':
      return `The previous client secret stops working. Make sure every system uses the new one.\n${source}`;
    case 'authorization':
      return `Re-authorize the app in ${central} before this time.\n${source}`;
    case 'result-code':
      return source;
  }
}

/** 20240708T220917Z */
export function formatUtc(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

/** Splits a content line into 75-octet pieces (§3.1), never inside a UTF-8 character; continuations start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}
