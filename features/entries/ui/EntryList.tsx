import { useEffect, useMemo, useState } from 'preact/hooks';
import { marketplaceByCode } from '../../amazon/hosts';
import { byUrgency, daysAndLevel, mostUrgent, secretDateUnknown, type DeadlineKind } from '../../deadlines/countdown';
import { severityOf } from '../../deadlines/rules';
import type { EntryMeta } from '../../vault/schema';
import { Countdown, LEVEL_LABELS, todayOf, type Today } from '../../deadlines/ui/Countdown';
import { matchesQuery } from './search';
import { focusWasLost } from '../../../components/focus';
import { LIST_PAGE } from '../first-page';

const CHIP_LABELS: Record<DeadlineKind, string> = {
  secret: 'Secret',
  'previous-secret': 'Previous secret',
  authorization: 'Authorization',
  'result-code': 'Result URL',
};

interface Props {
  /** All entries, or the first page of them (the most urgent) while the rest loads. */
  entries: EntryMeta[];
  /** How many entries there are in all. */
  total: number;
  /** Ids of records that cannot be read at all. */
  unreadable: string[];
  /** Ids of listed entries whose secrets failed to decrypt. */
  damaged: ReadonlySet<string>;
  query: string;
  onQuery: (query: string) => void;
  onOpen: (id: string) => void;
  onAdd: () => void;
  now: number;
  /** Take focus into the search field on arrival (false when a row is about to take it). */
  focusSearch: boolean;
}

/** All entries, most urgent first, each with the countdown to its nearest deadline; searchable. */
export function EntryList({ entries, total, unreadable, damaged, query, onQuery, onOpen, onAdd, now, focusSearch }: Props) {
  const today = useMemo(() => todayOf(now), [now]);
  const sorted = useMemo(() => byUrgency(entries, now, today.timeZone), [entries, now]);
  const matching = query ? sorted.filter((meta) => matchesQuery(meta, query)) : sorted;
  const [limit, setLimit] = useState(LIST_PAGE);
  useEffect(() => setLimit(LIST_PAGE), [query]);
  const shown = matching.slice(0, limit);
  const more = (query ? matching.length : total) - shown.length;
  // The first frame draws only the rows that can be on screen; the rest of those shown follow right after it.
  const [pastFirstFrame, setPastFirstFrame] = useState(false);
  useEffect(() => setPastFirstFrame(true), []);
  const drawn = pastFirstFrame ? shown : shown.slice(0, rowsOnScreen());
  // Only the first page is here yet: a search cannot say "no match" before it has seen every entry.
  const partial = entries.length < total;

  // The list's first useful control when focus was lost with the previous screen (never taken from a tab the user is on).
  useEffect(() => void (focusSearch && focusWasLost() && document.getElementById('entry-search')?.focus()), []);
  useEffect(() => {
    // Read by the benchmark (bench/rows/popup-list.mjs): the list's first frame is on screen and the page responds.
    performance.mark('lwa:entries-list-ready');
  }, []);
  useEffect(() => {
    // Also the benchmark's: every entry is here, for search and Show more (after the first page, if it came first).
    if (!partial) performance.mark('lwa:entries-list-complete');
  }, [partial]);

  if (total === 0 && unreadable.length === 0) return <FirstRun onAdd={onAdd} />;

  return (
    <section aria-labelledby="entries-title">
      <div class="list-head">
        <h2 id="entries-title">
          Entries <span class="muted">({total})</span>
        </h2>
        <button type="button" class="primary" onClick={onAdd}>
          Add entry
        </button>
      </div>
      <label for="entry-search">Search by name or client id</label>
      <input id="entry-search" type="search" value={query} onInput={(e) => onQuery(e.currentTarget.value)} autoComplete="off" spellcheck={false} />
      <p class="sr-only" role="status">
        {query && !partial ? `${matching.length} of ${total} entries match.` : ''}
      </p>
      <ul class="entry-list" aria-labelledby="entries-title">
        {!query &&
          unreadable.map((id) => (
            <li key={id}>
              <button type="button" class="entry-row damaged" data-entry-id={id} onClick={() => onOpen(id)}>
                <span class="entry-alias">Unreadable entry</span>
                <span class="entry-sub">id {id}</span>
                <DamagedChip />
              </button>
            </li>
          ))}
        {drawn.map((meta) => (
          <EntryRow key={meta.id} meta={meta} now={now} today={today} damaged={damaged.has(meta.id)} onOpen={onOpen} />
        ))}
      </ul>
      {query && matching.length === 0 && <p class="muted">{partial ? 'Loading every entry…' : `No entry matches “${query}”.`}</p>}
      {more > 0 && (
        <div class="list-more">
          <p class="field-hint">
            Showing the {shown.length} most urgent of {(query ? matching.length : total).toLocaleString('en-GB')}. Search to find any entry.
          </p>
          <button type="button" onClick={() => setLimit(limit + LIST_PAGE * 4)}>
            Show {Math.min(more, LIST_PAGE * 4)} more
          </button>
        </div>
      )}
    </section>
  );
}

/** No row is shorter than this: its name, its details and its countdown are a line each. */
const ROW_MIN_PX = 48;
/** The tallest a toolbar popup can be. It opens smaller and grows to its content, so its height then is no guide. */
const POPUP_MAX_PX = 600;

/** How many rows the window can show at once, at most. */
function rowsOnScreen(): number {
  return Math.ceil(Math.max(window.innerHeight, POPUP_MAX_PX) / ROW_MIN_PX);
}

interface RowProps {
  meta: EntryMeta;
  now: number;
  today: Today;
  damaged: boolean;
  onOpen: (id: string) => void;
}

function EntryRow({ meta, now, today, damaged, onOpen }: RowProps) {
  const deadline = mostUrgent(meta, now);
  const unknown = secretDateUnknown(meta);
  const place = meta.marketplace ? (marketplaceByCode(meta.marketplace)?.name ?? meta.marketplace) : meta.region;
  const sub = [meta.kind === 'vendor' ? 'Vendor' : 'Seller', place, meta.environment === 'sandbox' ? 'sandbox' : '', meta.clientId ? `…${meta.clientId.slice(-6)}` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <li>
      <button type="button" class={damaged ? 'entry-row damaged' : 'entry-row'} data-entry-id={meta.id} onClick={() => onOpen(meta.id)}>
        <span class="entry-alias">{meta.alias}</span>
        <span class="entry-sub">{sub}</span>
        {damaged ? (
          <DamagedChip />
        ) : unknown && !(deadline && severityOf(daysAndLevel(deadline.at, now, today.dayNumber, today.timeZone).level) > severityOf('unknown')) ? (
          <span class="countdown level-unknown" data-level="unknown">
            <span class="countdown-level">{LEVEL_LABELS.unknown}</span>
            <span class="countdown-text">Secret: set its date</span>
          </span>
        ) : deadline ? (
          <Countdown at={deadline.at} now={now} today={today} label={CHIP_LABELS[deadline.kind]} />
        ) : (
          <span class="countdown level-none">
            <span class="countdown-text">{meta.hasSecret === false ? 'No secret saved' : 'No dates set'}</span>
          </span>
        )}
      </button>
    </li>
  );
}

function DamagedChip() {
  return (
    <span class="countdown level-overdue">
      <span class="countdown-level">Damaged</span>
      <span class="countdown-text">cannot be decrypted</span>
    </span>
  );
}

function FirstRun({ onAdd }: { onAdd: () => void }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No entries yet</h2>
      <p>Add each Amazon app whose LWA credentials you look after. LWA Vault then counts down to its 180-day secret rotation.</p>
      <p class="muted">
        You need its client id and client secret: in Seller Central open Apps and Services → Develop Apps (Vendor Central:
        Integration → API integration), then LWA credentials → View. Paste the whole box; both fields fill.
      </p>
      <button type="button" class="primary" onClick={onAdd}>
        Add your first entry
      </button>
    </section>
  );
}
