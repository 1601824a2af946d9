import { normalizePasted } from '../amazon/identifiers';
import type { Handlers } from '../../platform/router';
import type { VaultService } from '../vault/vault';
import { retirePreviousOfStoredEntry, rotateStoredEntry } from './rotate-entry';

/** The entry reads and writes another feature makes for the user (the Authorize wizard saving a Result URL). */
export type EntriesApi = Pick<VaultService, 'getEntry' | 'createEntry' | 'updateEntry'>;

export interface EntriesDeps {
  vault: VaultService;
  now: () => number;
  /** Re-arms the auto-lock timer, as every call from an extension page does. */
  touch: () => Promise<void>;
}

type EntriesHandlers = Pick<
  Handlers,
  | 'entries.list'
  | 'entries.get'
  | 'entries.create'
  | 'entries.update'
  | 'entries.delete'
  | 'entries.events'
  | 'entries.rotate'
  | 'entries.retirePrevious'
  | 'entries.logEvent'
>;

/** The vault's entries, as the user reaches them: every call re-arms the idle timer without making the reply wait. */
export function entriesInUse({ vault, touch }: Pick<EntriesDeps, 'vault' | 'touch'>): EntriesApi & Pick<VaultService, 'listEntries' | 'deleteEntry' | 'events' | 'appendEvent'> {
  const used = async <T>(call: Promise<T>): Promise<T> => {
    const result = await call;
    void touch().catch(() => undefined);
    return result;
  };
  return {
    listEntries: () => used(vault.listEntries()),
    getEntry: (id) => used(vault.getEntry(id)),
    createEntry: (meta, secrets) => used(vault.createEntry(meta, secrets)),
    updateEntry: (id, meta, secrets) => used(vault.updateEntry(id, meta, secrets)),
    deleteEntry: (id) => used(vault.deleteEntry(id)),
    events: (id) => used(vault.events(id)),
    appendEvent: (event) => used(vault.appendEvent(event)),
  };
}

export function createEntriesHandlers({ vault, now, touch }: EntriesDeps): EntriesHandlers {
  const entries = entriesInUse({ vault, touch });
  return {
    'entries.list': () => entries.listEntries(),
    'entries.get': ({ data: { id } }) => entries.getEntry(id),
    'entries.create': async ({ data: { meta, secrets } }) => ({ meta: await entries.createEntry(meta, secrets) }),
    'entries.update': async ({ data: { id, meta, secrets } }) => ({ meta: await entries.updateEntry(id, meta, secrets) }),
    'entries.delete': async ({ data: { id } }) => {
      await entries.deleteEntry(id);
      return null;
    },
    'entries.events': async ({ data: { id } }) => ({ events: await entries.events(id) }),
    'entries.rotate': async ({ data: { id, newSecret, statedExpiresAt } }) => {
      await touch();
      // On the vault's write queue: two quick saves of one entry never both move "current" to "previous".
      const meta = await rotateStoredEntry(vault, id, {
        newSecret: normalizePasted(newSecret),
        issuedAt: now(),
        statedExpiresAt,
        detail: statedExpiresAt === undefined ? 'new client secret saved' : 'new client secret saved with the expiry Amazon stated',
      });
      return { meta };
    },
    'entries.retirePrevious': async ({ data: { id } }) => {
      await touch();
      return { meta: await retirePreviousOfStoredEntry(vault, id, now()) };
    },
    'entries.logEvent': async ({ data: { id, type, detail } }) => {
      await touch();
      await vault.appendEvent({ entryId: id, type, detail });
      return null;
    },
  };
}
