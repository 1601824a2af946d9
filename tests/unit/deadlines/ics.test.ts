import { describe, expect, it } from 'vitest';
import { calendarFor, calendarUid, escapeText, foldLine } from '../../../features/deadlines/ics';
import { entryMeta } from './fixtures';
import { at, DAY } from '../support/time';

const now = at('2027-01-10T09:00:00Z');
const encoder = new TextEncoder();

/** RFC 5545 §3.1: unfold by removing every CRLF followed by one space. */
function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

function events(text: string): string[][] {
  const lines = unfold(text);
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = undefined;
    } else current?.push(line);
  }
  return out;
}

const shop = entryMeta({
  id: 'shop-1',
  alias: 'ShopCtrl 1P',
  kind: 'vendor',
  secretExpiresAt: at('2027-06-04T10:00:00Z'),
  authorizedAt: at('2026-08-01T12:00:00Z'),
});

describe('deadline calendar (.ics)', () => {
  it('is a VCALENDAR with CRLF line endings only, a final CRLF, and balanced components', () => {
    const text = calendarFor([shop], now);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text);
    for (const name of ['VCALENDAR', 'VEVENT', 'VALARM']) {
      expect(lines.filter((l) => l === `BEGIN:${name}`).length).toBe(lines.filter((l) => l === `END:${name}`).length);
    }
  });

  it('has one event per upcoming deadline with a stable UID, DTSTAMP and a UTC start', () => {
    const [secret, authorization] = events(calendarFor([shop], now));
    expect(secret).toContain(`UID:${calendarUid('shop-1', 'secret')}`);
    expect(secret).toContain('DTSTART:20270604T100000Z');
    expect(secret).toContain('DTSTAMP:20270110T090000Z');
    expect(secret).toContain('SUMMARY:ShopCtrl 1P: client secret expires');
    expect(authorization).toContain('DTSTART:20270801T120000Z'); // authorized + 365 days
    expect(authorization!.find((l) => l.startsWith('DESCRIPTION:'))).toContain('Vendor Central');
    // Exported again a day later, the UIDs stay the same so calendars update the events instead of adding more.
    const later = events(calendarFor([shop], now + DAY)).map((e) => e.find((l) => l.startsWith('UID:')));
    expect(later).toEqual([`UID:${calendarUid('shop-1', 'secret')}`, `UID:${calendarUid('shop-1', 'authorization')}`]);
  });

  it('alarms at each reminder threshold still ahead, and at the deadline for overdue', () => {
    const [secret] = events(calendarFor([shop], now));
    const triggers = secret!.filter((l) => l.startsWith('TRIGGER:'));
    expect(triggers).toEqual(['TRIGGER:-P90D', 'TRIGGER:-P60D', 'TRIGGER:-P30D', 'TRIGGER:-P15D', 'TRIGGER:-P7D', 'TRIGGER:-P1D', 'TRIGGER:PT0S']);
    const soon = entryMeta({ id: 's', alias: 'Soon', secretExpiresAt: now + 20 * DAY });
    const [soonEvent] = events(calendarFor([soon], now, { thresholds: [60, 30, 7, 0] }));
    expect(soonEvent!.filter((l) => l.startsWith('TRIGGER:'))).toEqual(['TRIGGER:-P7D', 'TRIGGER:PT0S']);
    expect(secret!.filter((l) => l === 'ACTION:DISPLAY').length).toBe(7);
  });

  it('leaves out past deadlines, the Result URL code, and every secret', () => {
    const past = entryMeta({ id: 'p', alias: 'Past', secretExpiresAt: now - DAY, resultCapturedAt: now - 60_000 });
    const text = calendarFor([past], now);
    expect(events(text)).toEqual([]);
    const withSecrets = { ...shop, clientSecret: 'amzn1.oa2-cs.v1.deadbeef' } as typeof shop;
    expect(calendarFor([withSecrets], now)).not.toContain('deadbeef');
  });

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const odd = entryMeta({ id: 'o', alias: 'EU, DE; "main"\\test\nline', secretExpiresAt: now + 10 * DAY });
    const summary = events(calendarFor([odd], now))[0]!.find((l) => l.startsWith('SUMMARY:'));
    expect(summary).toBe('SUMMARY:EU\\, DE\\; "main"\\\\test\\nline: client secret expires');
  });

  it('folds lines longer than 75 octets without splitting a UTF-8 character', () => {
    const long = `SUMMARY:${'Überweisung — Händler '.repeat(8)}`;
    const folded = foldLine(long);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const [i, line] of physical.entries()) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(line.startsWith(' ')).toBe(true);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const text = calendarFor([entryMeta({ id: 'x', alias: 'Ä'.repeat(100), secretExpiresAt: now + DAY * 40 })], now);
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });
});
