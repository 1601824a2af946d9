import type { VaultEvent } from '../../vault/schema';

const EVENT_LABELS: Record<VaultEvent['type'], string> = {
  created: 'Created',
  updated: 'Edited',
  rotated: 'Secret rotated',
  authorized: 'Authorized',
  copied: 'Copied',
  filled: 'Filled into a page',
  'sent-to-shopctrl': 'Sent to ShopCtrl',
  imported: 'Imported',
  checked: 'Credentials checked',
};

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** What happened to an entry, newest first. Events never hold a secret, only what was done to which field. */
export function EventLog({ events }: { events: VaultEvent[] | undefined }) {
  return (
    <section class="events" aria-labelledby="events-title">
      <h3 id="events-title">History</h3>
      {events === undefined ? (
        <p class="muted">Loading…</p>
      ) : events.length === 0 ? (
        <p class="muted">Nothing recorded yet.</p>
      ) : (
        <ol>
          {events.map((event) => (
            <li key={event.seq}>
              <time dateTime={new Date(event.at).toISOString()}>{when.format(event.at)}</time> {EVENT_LABELS[event.type]}
              {event.detail ? `: ${event.detail}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
