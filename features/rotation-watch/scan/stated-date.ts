/**
 * Reads a date Amazon states next to a secret ("Target rotation date: 4 Jun 2027", "Expires on 2027-06-04",
 * "rotation date 06/04/2027"). Deliberately modest:
 *
 * - A date only counts right after an English keyword: "target rotation date", "rotation date", "rotate by",
 *   "expires [on]", "expiry [date]", "expiration [date]", "valid until" (optionally followed by `:`, `-`, "is",
 *   "on" and a weekday name).
 * - Accepted date forms: `2027-06-04` (ISO), `4 Jun 2027` / `4 June, 2027` / `4th June 2027`,
 *   `Jun 4, 2027` / `June 4 2027`, `06/04/2027` (read as US month/day, unless the first number is above 12,
 *   then day/month), `04.06.2027` (read as day.month, the European habit).
 * - The result is milliseconds at UTC midnight of that calendar day; anything else gives `undefined`.
 *
 * - Without an English keyword (a console in another language): the latest date written in a form that reads
 *   the same in every language: `21.05.2027`, `2027-05-21`, `2027/05/21`, `2027年5月21日` / `2027년 5월 21일`.
 *   The caller keeps it only when it is plausible for a new secret (`plausibleStatedExpiry`), so the old
 *   secret's near date or an unrelated past date does not count. Month names in other languages are not read.
 */

const KEYWORD =
  /(?:target\s+rotation\s+date|rotation\s+date|rotate\s+by|expires(?:\s+on)?|expiry(?:\s+date)?|expiration(?:\s+date)?|valid\s+until)\s*(?:is\s+)?[:\-–]?\s*(?:on\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?/gi;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?!\d)/i;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/;

const NEUTRAL = /(?<!\d)(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})[-/](\d{1,2})[-/](\d{1,2})|(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]?)(?!\d)/g;

/** The first keyword-introduced date in `text`, else the latest language-neutral one; ms at UTC midnight. */
export function parseStatedDate(text: string): number | undefined {
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    const date = parseDateAtStart(text.slice(KEYWORD.lastIndex, KEYWORD.lastIndex + 40));
    if (date !== undefined) return date;
    if (m[0].length === 0) KEYWORD.lastIndex++;
  }
  let latest: number | undefined;
  for (const m of text.matchAll(NEUTRAL)) {
    const date = m[1] ? utcDay(+m[3]!, +m[2]!, +m[1]) : m[4] ? utcDay(+m[4], +m[5]!, +m[6]!) : utcDay(+m[7]!, +m[8]!, +m[9]!);
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  }
  return latest;
}

/** A date in one of the accepted forms at the very start of `text`, as ms at UTC midnight. */
export function parseDateAtStart(text: string): number | undefined {
  let m = ISO.exec(text);
  if (m) return utcDay(+m[1]!, +m[2]!, +m[3]!);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return utcDay(+m[3]!, monthNumber(m[2]!), +m[1]!);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return utcDay(+m[3]!, monthNumber(m[1]!), +m[2]!);
  m = SLASHED.exec(text);
  if (m) {
    const first = +m[1]!;
    const second = +m[2]!;
    return first > 12 ? utcDay(+m[3]!, second, first) : utcDay(+m[3]!, first, second);
  }
  m = DOTTED.exec(text);
  if (m) return utcDay(+m[3]!, +m[2]!, +m[1]!);
  return undefined;
}

/** 1–12 for an English month name or its 3-letter (or "sept") abbreviation; 0 otherwise. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((full) => full.startsWith(lower.slice(0, 3)));
  const ok = index >= 0 && (lower.length === 3 || lower === 'sept' || MONTHS[index] === lower);
  return ok ? index + 1 : 0;
}

/** ms at UTC midnight, or `undefined` when the day does not exist (31 Feb, month 13 ...). */
function utcDay(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}
