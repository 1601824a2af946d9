import type { EntryMeta } from '../vault/schema';
import { CHECK_OUTCOMES } from '../authorize/check-outcomes';
import { localDayNumber } from './calendar';
import { runtimeTimeZone } from '../../platform/dates';
import {
  compareText,
  CREDENTIAL_DEADLINE_KINDS,
  daysAndLevel,
  deadlinesOf,
  secretDateUnknown,
  type DeadlineMeta,
} from './countdown';
import { DEADLINE_LABELS } from './labels';
import { LEVEL_THRESHOLD_DAYS, MS_PER_DAY, severityOf, type Level } from './rules';

export interface Badge {
  /** '' (nothing due within 30 days), '7d' / '0d' (days left of the most urgent), '?' (a secret's date is unknown), or '!' (something overdue or a check failing). */
  text: string;
  /** Badge background for `level`; white text stays readable on every one (contrast ≥ 4.5:1). */
  color: string;
  /** Tooltip: "LWA Vault — due: ShopCtrl 1P secret in 7 days; Cleo DE authorization overdue". */
  title: string;
  level: Level;
  /** The most severe due items (at most BADGE_TITLE_MAX_ITEMS), for the locked screen; metadata only. */
  due: DueLine[];
  /** Due items beyond `due`. */
  more: number;
}

export interface DueLine {
  alias: string;
  /** "secret in 5 days", "authorization overdue", "secret date unknown", "check failing: secret rejected". */
  what: string;
  level: Level;
}

export type BadgeMeta = DeadlineMeta & Pick<EntryMeta, 'alias'> & Partial<Pick<EntryMeta, 'id' | 'credentialCheck'>>;

export const BADGE_COLORS: Record<Level, string> = {
  ok: '#455A64',
  notice: '#1565C0',
  soon: '#8A5300',
  unknown: '#6A1B9A',
  urgent: '#C62828',
  overdue: '#7F0000',
  failing: '#7F0000',
};

/** Only deadlines this many local days away or closer light the badge (Amazon's console banner threshold). */
export const BADGE_WINDOW_DAYS = LEVEL_THRESHOLD_DAYS.soon;
/** The tooltip names at most this many deadlines, then "and N more". */
export const BADGE_TITLE_MAX_ITEMS = 8;

const TITLE_PREFIX = 'LWA Vault';

interface DueItem {
  alias: string;
  id: string;
  /** What is due: a deadline's name, or the failing check's words. */
  what: string;
  at: number;
  daysLeft: number;
  level: Level;
}

/**
 * The toolbar badge from metadata alone (it works while the vault is locked): the dates, and the last credential
 * check, which outranks them when it failed. Linear in the number of deadlines: the tooltip keeps only the first
 * few due items instead of sorting them all.
 */
export function badgeFor(metas: readonly BadgeMeta[], now: number, timeZone: string = runtimeTimeZone()): Badge {
  const today = localDayNumber(now, timeZone);
  const first: DueItem[] = [];
  let dueCount = 0;
  let worst: DueItem | undefined;
  const add = (item: DueItem) => {
    dueCount += 1;
    if (worst === undefined || compareDue(item, worst) < 0) worst = item;
    keepFirst(first, item, BADGE_TITLE_MAX_ITEMS);
  };
  for (const meta of metas) {
    const { alias, id = '', credentialCheck: check } = meta;
    if (check && CHECK_OUTCOMES[check.outcome].failing) {
      const what = `check failing: ${CHECK_OUTCOMES[check.outcome].label}${check.secret === 'previous' ? ' (previous secret)' : ''}`;
      add({ alias, id, what, at: check.at, daysLeft: Number.NaN, level: 'failing' });
    }
    if (secretDateUnknown(meta)) add({ alias, id, what: DEADLINE_LABELS.secret, at: Number.POSITIVE_INFINITY, daysLeft: Number.NaN, level: 'unknown' });
    for (const deadline of deadlinesOf(meta, now)) {
      if (!CREDENTIAL_DEADLINE_KINDS.includes(deadline.kind)) continue;
      // Cheap pre-filter: a day boundary and a DST shift cannot bring a deadline 32 × 24 h away inside 30 days.
      if (deadline.at - now > (BADGE_WINDOW_DAYS + 2) * MS_PER_DAY) continue;
      const { daysLeft, level } = daysAndLevel(deadline.at, now, today, timeZone);
      if (level !== 'overdue' && daysLeft > BADGE_WINDOW_DAYS) continue;
      add({ alias, id, what: DEADLINE_LABELS[deadline.kind], at: deadline.at, daysLeft, level });
    }
  }
  if (worst === undefined) {
    const title = `${TITLE_PREFIX} — nothing due in the next ${BADGE_WINDOW_DAYS} days`;
    return { text: '', color: BADGE_COLORS.ok, title, level: 'ok', due: [], more: 0 };
  }
  const text = badgeText(worst);
  const due = first.map((item) => ({ alias: item.alias, what: dueWhat(item), level: item.level }));
  const names = due.map((line) => `${line.alias} ${line.what}`);
  const more = dueCount - first.length;
  if (more > 0) names.push(`and ${more} more`);
  const title = `${TITLE_PREFIX} — due: ${names.join('; ')}`;
  return { text, color: BADGE_COLORS[worst.level], title, level: worst.level, due, more };
}

/** The badge's few characters for its most severe item: the one place a level becomes badge text. */
function badgeText(worst: DueItem): string {
  if (worst.level === 'overdue' || worst.level === 'failing') return '!';
  if (worst.level === 'unknown') return '?';
  return `${worst.daysLeft}d`;
}

function dueWhat(item: DueItem): string {
  if (item.level === 'failing') return item.what;
  if (item.level === 'overdue') return `${item.what} overdue`;
  if (item.level === 'unknown') return `${item.what} date unknown`;
  if (item.daysLeft === 0) return `${item.what} today`;
  if (item.daysLeft === 1) return `${item.what} tomorrow`;
  return `${item.what} in ${item.daysLeft} days`;
}

/** Most severe level first, then earliest instant, then alias. */
function compareDue(a: DueItem, b: DueItem): number {
  return (
    severityOf(b.level) - severityOf(a.level) ||
    (a.at === b.at ? 0 : a.at - b.at) ||
    compareText(a.alias, b.alias) ||
    compareText(a.id, b.id)
  );
}

/** Insert into a sorted list that holds at most `max` items: O(max) per item, so O(n) overall. */
function keepFirst(list: DueItem[], item: DueItem, max: number): void {
  let index = list.length;
  while (index > 0 && compareDue(item, list[index - 1]!) < 0) index -= 1;
  if (index >= max) return;
  list.splice(index, 0, item);
  if (list.length > max) list.pop();
}
