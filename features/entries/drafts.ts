import { browser } from 'wxt/browser';
import { SESSION_BUDGETS, sessionBytes } from '../../platform/storage-items';

/**
 * Unsaved editor input, so a popup that closes when focus leaves it loses nothing. Kept in `storage.session`:
 * memory only, gone when the browser closes, not readable by content scripts — the same place the unlocked
 * vault key lives, since a draft can hold a secret the user is typing. Dropped on save, cancel and Lock now.
 */
export interface Draft {
  /** `new` for an entry being created, else the id of the entry being edited. */
  target: string;
  /** The editor's fields as typed; read back with the editor's own tolerant restore. */
  form: unknown;
  savedAt: number;
}

export const NEW_ENTRY_DRAFT = 'new';

const PREFIX = 'editorDraft:';
/** Drafts kept at once (storage.session budget); the ones touched longest ago go first. */
export const MAX_DRAFTS = 10;

// One key per draft and a single `set` per keystroke: the write leaves at once, before a closing popup dies.
export const drafts = {
  /** False when the draft is over its budget and was not kept (the editor still holds the input). */
  async save(target: string, form: unknown, now = Date.now()): Promise<boolean> {
    const draft: Draft = { target, form, savedAt: now };
    if (sessionBytes(draft) > SESSION_BUDGETS.draft) {
      await browser.storage.session.remove(PREFIX + target); // an older, smaller copy would restore stale input
      return false;
    }
    await browser.storage.session.set({ [PREFIX + target]: draft });
    const stale = Object.values(await all()).sort((a, b) => b.savedAt - a.savedAt).slice(MAX_DRAFTS);
    if (stale.length) await browser.storage.session.remove(stale.map((d) => PREFIX + d.target));
    return true;
  },
  discard: (target: string): Promise<void> => browser.storage.session.remove(PREFIX + target),
  async discardAll(): Promise<void> {
    await browser.storage.session.remove(Object.keys(await all()));
  },
  /** The draft touched last, if any: the one to reopen. */
  async latest(): Promise<Draft | undefined> {
    return Object.values(await all()).sort((a, b) => b.savedAt - a.savedAt)[0];
  },
};

async function all(): Promise<Record<string, Draft>> {
  const stored = await browser.storage.session.get(null);
  return Object.fromEntries(
    Object.entries(stored).filter((entry): entry is [string, Draft] => entry[0].startsWith(PREFIX) && isDraft(entry[1])),
  );
}

function isDraft(value: unknown): value is Draft {
  const draft = value as Partial<Draft> | null;
  return typeof draft?.target === 'string' && typeof draft.savedAt === 'number';
}
