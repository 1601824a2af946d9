import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { EVENTS_BY_ENTRY, MIGRATIONS, runMigrations, type Migration, type UpgradeDb, type UpgradeTx } from './migrations';
import type { StoredEntry, VaultEvent, VaultHeader } from './schema';

export const DEFAULT_DB_NAME = 'lwa-vault';
export const DB_VERSION = MIGRATIONS.length;
export const HEADER_KEY = 'vault';

/** Value types are what the code writes; every read is still checked with zod, since stored data can rot. */
export interface VaultDbSchema extends DBSchema {
  header: { key: string; value: VaultHeader };
  entries: { key: string; value: StoredEntry };
  events: { key: number; value: VaultEvent; indexes: { [EVENTS_BY_ENTRY]: string } };
}

export type VaultDb = IDBPDatabase<VaultDbSchema>;

export function openVaultDb(name = DEFAULT_DB_NAME): Promise<VaultDb> {
  return openMigratedDb<VaultDbSchema>(name, MIGRATIONS);
}

/** Opens `name` at version `steps.length`, running the missing steps in one versionchange transaction. */
export function openMigratedDb<S extends DBSchema>(name: string, steps: readonly Migration[]): Promise<IDBPDatabase<S>> {
  return openDB<S>(name, steps.length, {
    upgrade(db, oldVersion, newVersion, tx) {
      const untypedTx = tx as unknown as UpgradeTx;
      untypedTx.done.catch(() => undefined); // an aborted upgrade is reported by openDB's own rejection
      // A failed step must not leave a half-migrated database: aborting rolls the whole upgrade back.
      runMigrations(steps, db as unknown as UpgradeDb, oldVersion, newVersion ?? steps.length, untypedTx).catch(() => {
        try {
          untypedTx.abort();
        } catch {
          // the transaction already finished
        }
      });
    },
  });
}
