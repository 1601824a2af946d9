import { runtimeTimeZone } from '../../../platform/dates';
import { useEffect, useState } from 'preact/hooks';
import { RequestError, send } from '../../../platform/client';
import { drafts, NEW_ENTRY_DRAFT, type Draft } from '../drafts';
import type { EntryView } from '../protocol';
import type { EntryMeta } from '../../vault/schema';
import { entryHash } from './deep-link';
import { EntryDetail } from './EntryDetail';
import { EntryEditor } from './EntryEditor';
import { EntryList } from './EntryList';
import type { Listing } from '../first-page';
import { loadListing, takeFirstPage } from './listing';
import { emptyForm, formFromEntry, restoreForm, type EntryForm, type FieldName } from './form';
import { useNow } from '../../../components/useNow';
import { Working } from '../../../components/Working';

interface Props {
  /** An entry to open (deep link from a notification); a new object opens it again. */
  openEntry?: { entryId: string };
  /** A request found the vault locked (auto-lock while the popup was open). */
  onLocked: () => void;
}

type View =
  | { name: 'list'; focusId?: string }
  | { name: 'detail'; id: string }
  | { name: 'editor'; target: string; original?: EntryView; form: EntryForm; restored: boolean; focus?: FieldName };

/** The entries section: list ⇄ detail ⇄ editor, with unsaved editor input restored from a draft. */
export function Entries({ openEntry, onLocked }: Props) {
  // The first page the popup's HTML came with, if any (features/popup/first-screen.ts); the whole list follows.
  // Not when an entry is to be opened: the list would only flash before it.
  const [listing, setListing] = useState<Listing | undefined>(() => (openEntry ? undefined : takeFirstPage()));
  const [undecryptable, setUndecryptable] = useState<ReadonlySet<string>>(new Set());
  const [view, setView] = useState<View>({ name: 'list' });
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const now = useNow(30_000);

  const fail = (e: unknown) => {
    if (e instanceof RequestError && e.code === 'locked') return onLocked();
    setError(e instanceof RequestError ? e.message : 'Something went wrong. Close and reopen LWA Vault.');
  };
  const reload = () => send('entries.list', {}).then(setListing, fail);

  const go = (next: View, message = '') => {
    setView(next);
    setError('');
    setNotice(message);
    // Keeps the address deep-linkable, so Pop out reopens the same entry.
    const hash = next.name === 'detail' ? entryHash(next.id) : '';
    if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  };

  const resume = async (draft: Draft) => {
    const form = restoreForm(draft.form);
    if (draft.target === NEW_ENTRY_DRAFT) return go({ name: 'editor', target: draft.target, form, restored: true });
    try {
      const original = await send('entries.get', { id: draft.target });
      go({ name: 'editor', target: draft.target, original, form, restored: true });
    } catch {
      await drafts.discard(draft.target); // the entry was deleted or damaged since
    }
  };

  useEffect(() => {
    const start = async () => {
      const [listed, draft] = await Promise.all([loadListing(), drafts.latest()]);
      setListing(listed);
      if (openEntry) go({ name: 'detail', id: openEntry.entryId });
      else if (draft) await resume(draft);
    };
    start().catch(fail);
  }, []);

  useEffect(() => {
    if (openEntry && listing) go({ name: 'detail', id: openEntry.entryId });
  }, [openEntry]);

  useEffect(() => {
    if (view.name !== 'list' || !view.focusId) return;
    document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(view.focusId)}"]`)?.focus();
  }, [view]);

  const addEntry = () =>
    go({ name: 'editor', target: NEW_ENTRY_DRAFT, form: emptyForm(), restored: false });

  if (!listing) {
    return error ? <p class="alert error" role="alert">{error}</p> : <Working label="Loading entries…" />;
  }

  const listed = (id: string) => listing.entries.find((meta) => meta.id === id);

  return (
    <>
      {error && (
        <p class="alert error" role="alert">
          {error}
        </p>
      )}
      <p class="alert success" role="status" hidden={!notice}>
        {notice}
      </p>
      {view.name === 'list' && (
        <EntryList
          entries={listing.entries}
          total={listing.total ?? listing.entries.length}
          unreadable={listing.damaged}
          damaged={undecryptable}
          query={query}
          onQuery={setQuery}
          onOpen={(id) => go({ name: 'detail', id })}
          onAdd={addEntry}
          now={now}
          focusSearch={!view.focusId}
        />
      )}
      {view.name === 'detail' && (
        <EntryDetail
          key={view.id}
          id={view.id}
          listed={listed(view.id)}
          onBack={() => go({ name: 'list', focusId: view.id })}
          onEdit={(original, focus) =>
            go({
              name: 'editor',
              target: original.meta.id,
              original,
              form: { ...formFromEntry(original.meta, original.secrets, runtimeTimeZone()), ...(focus ? { secretDate: 'stated' as const } : {}) },
              restored: false,
              focus,
            })
          }
          onDeleted={(id) => {
            void reload();
            go({ name: 'list' }, `Deleted ${listed(id)?.alias ?? 'the entry'}.`);
          }}
          onChanged={() => void reload()}
          onDamaged={(id) => setUndecryptable((ids) => new Set([...ids, id]))}
          onError={fail}
        />
      )}
      {view.name === 'editor' && (
        <EntryEditor
          key={view.target}
          target={view.target}
          original={view.original}
          initial={view.form}
          restored={view.restored}
          focus={view.focus}
          onSaved={(meta) => {
            void reload();
            go({ name: 'detail', id: meta.id }, view.original ? 'Changes saved.' : `Saved ${meta.alias}.`);
          }}
          onCancel={(message) => go(view.original ? { name: 'detail', id: view.original.meta.id } : { name: 'list' }, message)}
          onError={fail}
        />
      )}
    </>
  );
}
