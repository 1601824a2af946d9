import { useEffect, useState } from 'preact/hooks';
import { send } from '../../utils/client';
import type { EntryMeta } from '../../utils/vault/schema';

/** The vault's entries (metadata only; secrets are fetched one entry at a time when opened). */
export function Entries() {
  const [entries, setEntries] = useState<EntryMeta[]>();
  useEffect(() => {
    send('entries.list', {}).then((r) => setEntries(r.entries));
  }, []);
  if (!entries) return <p class="muted">Loading…</p>;
  if (entries.length === 0) {
    return (
      <div class="empty">
        <p>No entries yet.</p>
        <p class="muted">Add the Amazon app whose credentials you keep, or authorize an app to capture its Result URL.</p>
      </div>
    );
  }
  return (
    <ul aria-label="Entries">
      {entries.map((e) => (
        <li key={e.id}>
          {e.alias} <span class="muted">{e.clientId}</span>
        </li>
      ))}
    </ul>
  );
}
